// Message templates for collections: reminder emails, call scripts and letters with {{placeholder}}
// fields, rendered to text and, for email, to a mailto: link that opens the user's mail program.
// Pure: values in, text out. Nothing is sent from core.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "base/locale.h"
#include "base/result.h"
#include "collections/collections_policy.h"

namespace duebook {

// A message with placeholders such as {{customer}} in its subject and body.
struct MessageTemplate {
  std::string id;       // stable id referenced by CollectionStep::template_id ("friendly_reminder")
  StepAction action;    // the kind of step it is written for
  std::string subject;  // email subject, or the title of a letter or call script
  std::string body;     // the text; lines separated by '\n'
  Language language = Language::English;  // the language it is written in
};

// Placeholder name (without braces) -> the text to put in its place.
using TemplateValues = std::map<std::string, std::string>;

// The placeholders a template may use, sorted: amount_due, company_address, company_email,
// company_name, company_phone, contact, customer, days_overdue, due_dates, fee, interest,
// invoice_numbers, invoice_table, invoices, invoices_due, sender_name, total_due.
const std::vector<std::string>& known_placeholders();

// Checks a template without values: every "{{" closes with "}}" and names a known placeholder
// (blanks inside the braces are allowed: "{{ customer }}"). Also rejects an empty id or body.
// Problems name "template <id>.subject" / ".body" and quote the placeholder. Changes nothing.
Status check_template(const MessageTemplate& message);

// Replaces every {{name}} in `text` by values[name], line by line: a line made of placeholders only that
// all come out empty is left out, as is a blank line right after another, so an empty field leaves no
// gap. Fails, listing each problem once, when a
// placeholder is unknown (not in known_placeholders, even if `values` has it), has no entry in
// `values` (an empty string is a value), or a "{{" is not closed; `where` locates the problems.
// Values are inserted as they are: no placeholder inside a value is expanded.
Result<std::string> render_text(std::string_view text, const TemplateValues& values,
                                const std::string& where);

// A message ready to send or print.
struct RenderedMessage {
  std::string subject;  // the rendered subject
  std::string body;     // the rendered body
  std::string mailto;   // "mailto:<to>?subject=...&body=..."; empty when `to` is empty
};

// Renders subject and body; builds the mailto link when an address is given. Fails with the
// problems of both parts (see render_text).
Result<RenderedMessage> render_message(const MessageTemplate& message, const TemplateValues& values,
                                       const std::string& to_email);

// Percent-encodes UTF-8 text per RFC 3986 §2.1: every byte except the unreserved characters
// A-Z a-z 0-9 - . _ ~ becomes %XX (upper-case hex); a space is %20, never '+'.
std::string percent_encode(std::string_view text);

// A mailto URI per RFC 6068: "mailto:" + address + "?subject=" + encoded subject + "&body=" +
// encoded body. Line breaks in the body are sent as CRLF (%0D%0A, RFC 6068 §5). The address keeps
// '@' and unreserved characters; anything else in it (say '+' or '%') is percent-encoded.
std::string mailto_link(std::string_view to, std::string_view subject, std::string_view body);

// The template with this id (in any language) in `templates`, or nullptr.
const MessageTemplate* find_template(const std::vector<MessageTemplate>& templates, std::string_view id);

// The template with this id written in `language` in `templates`, or nullptr.
const MessageTemplate* find_template(const std::vector<MessageTemplate>& templates, std::string_view id,
                                     Language language);

// The template a step uses, in `language`: its template_id looked up in `custom` (that language's saved
// wording), then in default_templates(language); when the step names none (or an id found in neither), the
// built-in template for its action — for a Letter step with a late fee or interest notice, late_fee_letter;
// else the first built-in template of the action (friendly_reminder, phone_script, overdue_letter,
// senior_manager_letter, credit_hold_notice, final_notice, agency_notice).
const MessageTemplate& template_for_step(const CollectionStep& step,
                                         const std::vector<MessageTemplate>& custom = {},
                                         Language language = Language::English);

// The business sending the messages.
struct CompanyDetails {
  std::string name;         // {{company_name}}
  std::string address;      // {{company_address}}, lines separated by '\n'
  std::string phone;        // {{company_phone}}
  std::string email;        // {{company_email}}
  std::string sender_name;  // {{sender_name}}: the person signing
  std::string vat_id;       // VAT identifier, for e-invoices (EN 16931 BT-31); "" = none
  std::string endpoint;     // electronic address for e-invoices, "SCHEME:ID" (BT-34, Peppol EAS); "" = none
  // Payment instructions printed on invoices, reminders and statements (and in their EPC QR code).
  std::string account_name;  // the bank account's holder; empty = the company name
  std::string iban;          // IBAN, electronic form (ISO 13616, checked when set); empty = none
  std::string bic;           // BIC (ISO 9362, checked when set); empty = none
};

// Formats an amount for a letter, code first, thousands grouped: "EUR 1,234.50", "JPY 120,000",
// "BHD 1.250", "USD -5.00" (format_money in the ISO locale). Digits from the built-in currency table (2 when
// the code is unknown).
std::string format_money_for_letter(const Money& amount);

// Every known placeholder's value for a worklist entry, written in `language` with its document_locale's
// amounts and dates (German: "1.234,56 EUR", "31.12.2026", "Rechnung INV-1"; English: "EUR 1,234.56",
// "2026-12-31"): customer; contact (the contact's name, or
// "Accounts Payable team" when the entry has none); invoice_numbers and due_dates (comma-
// separated, in the entry's line order); invoices ("invoice INV-1", or "3 invoices"); invoices_due
// ("invoice INV-1, due on 2026-03-01," or "the 3 invoices listed below"); invoice_table (several
// invoices: one aligned line each with number, due date, days late and open amount; "" for one); amount_due
// (Σ open); days_overdue (the largest, never below 0); fee and interest as given (in the entry's currency);
// total_due = amount_due + fee + interest; the company fields; and the agreement's placeholders (agreed_on,
// installment_count, plan_total, settled_balance, settlement_amount, written_off) empty,
// for files/agreement_document to fill. Never fails.
TemplateValues values_for_entry(const WorklistEntry& entry, const CompanyDetails& company,
                                int64_t fee_minor = 0, int64_t interest_minor = 0,
                                Language language = Language::English);

}  // namespace duebook

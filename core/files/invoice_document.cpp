#include "files/invoice_document.h"

#include <set>

#include "base/currencies.h"
#include "base/money.h"
#include "collections/collections_queries.h"
#include "customers/customer_queries.h"
#include "files/account_words.h"
#include "files/document_parts.h"
#include "files/document_words.h"
#include "invoicing/invoice_queries.h"
#include "invoicing/totals.h"
#include "store/events.h"

namespace duebook {

namespace {

using Rows = std::vector<std::pair<std::string, std::string>>;

// The invoice's lines as a table, then its totals: net, tax per rate (EN 16931 BG-23, recomputed from the
// lines with compute_totals as at issue), total, and what reduced it.
void invoice_lines(PdfDocument& doc, const InvoiceDetail& d, bool with_amount_due, Language language) {
  const DocumentWords& w = document_words(language);
  const Locale& locale = document_locale(language);
  const std::string& currency = d.summary.currency;
  const int digits = currency_digits(currency);
  auto money = [&](int64_t minor) { return document_money(minor, currency, locale); };
  // A quantity or rate with the locale's decimal mark ("1,5" in German), the digits as written.
  auto decimal = [&](Decimal v) { return document_number(v.units, v.scale, language); };
  std::vector<std::vector<std::string>> rows;
  std::vector<InvoiceLineInput> inputs;
  for (const InvoiceLineView& v : d.lines) {
    rows.push_back({v.line.description, decimal(v.line.quantity),
                    document_number(v.line.unit_price, digits, language), decimal(v.line.tax_rate) + " %",
                    document_number(v.net, digits, language)});
    inputs.push_back({v.line.description, v.line.quantity, Decimal{v.line.unit_price, digits},
                      v.line.discount, v.line.tax_rate});
  }
  doc.table(PdfDocument::kMargin,
            {{w.description, 235},
             {w.quantity, 55, PdfAlign::Right},
             {w.unit_price, 80, PdfAlign::Right},
             {w.tax, 45, PdfAlign::Right},
             {std::string(w.amount) + " (" + currency + ")", 80, PdfAlign::Right}},
            rows);
  Rows totals{{w.net, money(d.amounts.net)}};
  if (Result<InvoiceTotals> t = compute_totals(inputs, digits))
    for (const InvoiceTotals::TaxBreakdown& tax : t->taxes)
      totals.push_back(
          {fill(w.tax_of, {{'r', decimal(tax.rate)}, {'a', money(tax.taxable)}}), money(tax.tax)});
  totals.push_back({w.total, money(d.amounts.total)});
  if (d.amounts.allocated) totals.push_back({w.paid, money(-d.amounts.allocated)});
  if (d.amounts.credited) totals.push_back({w.credited, money(-d.amounts.credited)});
  if (d.amounts.written_off) totals.push_back({w.written_off, money(-d.amounts.written_off)});
  if (with_amount_due) totals.push_back({w.amount_due, money(d.amounts.open)});
  totals_block(doc, totals, with_amount_due);
}

// The invoice and its customer, or why not.
Result<std::pair<InvoiceDetail, Customer>> issued_invoice(Db& db, int64_t invoice_id) {
  std::optional<InvoiceDetail> d = find_invoice(db, invoice_id);
  if (!d) return Problem{"invoice", "no invoice #" + std::to_string(invoice_id)};
  if (d->summary.number.empty())
    return Problem{"invoice",
                   "invoice #" + std::to_string(invoice_id) + " is a draft: issue it before printing"};
  std::optional<Customer> c = find_customer(db, d->summary.customer_id);
  if (!c) return Problem{"invoice", "invoice " + d->summary.number + " has no customer"};
  return std::make_pair(std::move(*d), std::move(*c));
}

Rows invoice_facts(const InvoiceDetail& d, Language language) {
  const DocumentWords& w = document_words(language);
  const Locale& locale = document_locale(language);
  Rows facts{{w.invoice_number, d.summary.number},
             {w.invoice_date, shown_date(d.summary.issue_date, locale)},
             {w.due_date, shown_date(d.summary.due_date, locale)}};
  if (!d.terms.empty()) facts.push_back({w.terms, d.terms});
  if (d.discount > 0)
    facts.push_back({fill(w.discount_by, {{'a', document_money(d.discount, d.summary.currency, locale)}}),
                     shown_date(d.discount_deadline, locale)});
  return facts;
}

std::string billing_contact(const Customer& c) {
  for (const Contact& k : c.fields.contacts)
    if (k.role == "billing" && !k.name.empty()) return k.name;
  return "";
}

}  // namespace

Result<std::string> invoice_pdf(Db& db, const PdfFonts& fonts, int64_t invoice_id,
                                const InvoicePdfOptions& o) {
  auto found = issued_invoice(db, invoice_id);
  if (!found) return found.problems();
  const auto& [d, customer] = found.value();
  const Language language = o.language.value_or(customer_language(customer.fields));
  const DocumentWords& w = document_words(language);
  const CompanyDetails company = company_details(db);
  auto doc = start_document(db, fonts, company, std::string(w.invoice) + " " + d.summary.number, language);
  if (!doc) return doc.problems();
  PdfDocument& pdf = *doc.value();
  if (o.duplicate) pdf.stamp(w.duplicate);
  if (d.summary.status == InvoiceStatus::Void) pdf.stamp(w.void_stamp);
  Rows facts = invoice_facts(d, language);
  if (o.duplicate && o.reminder_date)
    facts.push_back({w.sent_again, format_date(*o.reminder_date, document_locale(language))});
  address_and_facts(pdf, customer, billing_contact(customer), w.invoice, facts, language);
  invoice_lines(pdf, d, true, language);
  if (!d.memo.empty()) {
    pdf.down(6);
    pdf.paragraph(PdfDocument::kMargin, 495, d.memo, 9);
  }
  if (d.summary.status != InvoiceStatus::Void)
    payment_instructions(pdf, company, d.amounts.open, d.summary.currency, d.summary.number, language);
  return pdf.finish();
}

Result<std::string> credit_note_pdf(Db& db, const PdfFonts& fonts, int64_t credit_note_id,
                                    std::optional<Language> chosen) {
  std::optional<CreditNoteSummary> note = find_credit_note(db, credit_note_id);
  if (!note) return Problem{"credit_note", "no credit note #" + std::to_string(credit_note_id)};
  std::optional<Customer> customer = find_customer(db, note->customer_id);
  std::optional<CustomerBalance> balance = customer_balance(db, note->customer_id);
  if (!customer || !balance) return Problem{"credit_note", note->number + " has no customer"};
  const Language language = chosen.value_or(customer_language(customer->fields));
  const AccountWords& w = account_words(language);
  const DocumentWords& dw = document_words(language);
  const Locale& locale = document_locale(language);
  const std::string& currency = balance->currency;
  const CompanyDetails company = company_details(db);
  auto doc = start_document(db, fonts, company, std::string(w.credit_note) + " " + note->number, language);
  if (!doc) return doc.problems();
  PdfDocument& pdf = *doc.value();
  if (note->status == "void") pdf.stamp(dw.void_stamp);
  Rows facts{{w.credit_note_number, note->number}, {dw.date, shown_date(note->date, locale)}};
  std::string invoice_number;
  if (note->invoice_id)
    if (std::optional<InvoiceDetail> inv = find_invoice(db, note->invoice_id)) {
      invoice_number = inv->summary.number;
      facts.push_back({w.credits_invoice, invoice_number});
    }
  address_and_facts(pdf, *customer, billing_contact(*customer), w.credit_note, facts, language);
  pdf.table(PdfDocument::kMargin,
            {{w.reason, 375}, {std::string(dw.amount) + " (" + currency + ")", 120, PdfAlign::Right}},
            {{note->reason.empty() ? std::string(w.credit_line) : note->reason,
              document_number(note->amount, currency_digits(currency), language)}});
  Rows totals{{w.credit_line, document_money(note->amount, currency, locale)}};
  if (note->unallocated)
    totals.push_back({w.left_as_credit, document_money(note->unallocated, currency, locale)});
  totals_block(pdf, totals, false);
  return pdf.finish();
}

Result<ReminderFigures> reminder_figures(Db& db, int64_t invoice_id, const ReminderPdfOptions& o) {
  if (o.level < 1 || o.level > 3) return Problem{"level", "the reminder level must be 1, 2 or 3"};
  std::optional<InvoiceDetail> d = find_invoice(db, invoice_id);
  if (!d || d->summary.number.empty() || d->summary.status == InvoiceStatus::Void)
    return Problem{"invoice", "no issued invoice #" + std::to_string(invoice_id) + " to remind of"};
  ReminderFigures f;
  f.invoice_open = d->amounts.open;
  std::set<int64_t> charge_invoices;
  for (const ChargeRecord& c : list_charges(db, invoice_id)) {
    if (c.status != "charged" || o.date < c.date) continue;
    (c.kind == "late_fee" ? f.late_fees : f.interest) += c.amount;
    if (c.charge_invoice_id && charge_invoices.insert(c.charge_invoice_id).second)
      if (std::optional<InvoiceDetail> ci = find_invoice(db, c.charge_invoice_id))
        f.charges_open += ci->amounts.open;
  }
  f.total_due = f.invoice_open + f.charges_open;
  const PolicyRecord policy = policy_for_customer(db, d->summary.customer_id);
  int seen = 0;
  for (const CollectionStep& s : policy.policy.steps) {
    if (!gives_payment_deadline(s) || seen >= o.level) continue;
    ++seen;
    f.deadline_days = s.payment_deadline_days;
  }
  f.deadline = add_days(o.date, f.deadline_days);
  return f;
}

Result<std::string> reminder_pdf(Db& db, const PdfFonts& fonts, int64_t invoice_id,
                                 const ReminderPdfOptions& o) {
  Result<ReminderFigures> figures = reminder_figures(db, invoice_id, o);
  if (!figures) return figures.problems();
  const ReminderFigures& f = figures.value();
  auto found = issued_invoice(db, invoice_id);
  if (!found) return found.problems();
  const auto& [d, customer] = found.value();
  const std::string& currency = d.summary.currency;
  const Language language = o.language.value_or(customer_language(customer.fields));
  const DocumentWords& w = document_words(language);
  const Locale& locale = document_locale(language);
  auto money = [&](int64_t minor) { return document_money(minor, currency, locale); };
  const std::string title = w.reminder_titles[o.level - 1];
  const CompanyDetails company = company_details(db);
  auto doc = start_document(db, fonts, company, title + " " + d.summary.number, language);
  if (!doc) return doc.problems();
  PdfDocument& pdf = *doc.value();
  Rows facts{{w.reminder_date, format_date(o.date, locale)}};
  for (const auto& fact : invoice_facts(d, language)) facts.push_back(fact);
  address_and_facts(pdf, customer, billing_contact(customer), title, facts, language);
  const std::string intro = o.level == 3
                                ? fill(w.final_intro, {{'i', d.summary.number}})
                                : fill(w.reminder_intro, {{'i', d.summary.number},
                                                          {'d', shown_date(d.summary.issue_date, locale)},
                                                          {'e', shown_date(d.summary.due_date, locale)}});
  pdf.paragraph(PdfDocument::kMargin, 495, intro, 10);
  pdf.down(6);
  invoice_lines(pdf, d, true, language);
  pdf.down(8);
  pdf.text(PdfDocument::kMargin, w.charged_so_far, 11, true);
  pdf.down(16);
  Rows charges{
      {w.still_open, money(f.invoice_open)}, {w.fees, money(f.late_fees)}, {w.interest, money(f.interest)}};
  if (f.charges_open != f.late_fees + f.interest)
    charges.push_back({w.charges_settled, money(f.charges_open - f.late_fees - f.interest)});
  charges.push_back({w.now_due, money(f.total_due)});
  totals_block(pdf, charges, true);
  pdf.down(6);
  pdf.text(PdfDocument::kMargin,
           fill(w.pay_by_days, {{'a', money(f.total_due)},
                                {'d', format_date(f.deadline, locale)},
                                {'n', std::to_string(f.deadline_days)}}),
           10.5f, true);
  pdf.down(14);
  payment_instructions(pdf, company, f.total_due, currency, d.summary.number, language);
  return pdf.finish();
}

}  // namespace duebook

#include "files/letter_document.h"

#include <set>

#include "base/currencies.h"
#include "base/money.h"
#include "collections/collections_queries.h"
#include "collections/collections_worklist.h"
#include "collections/custom_templates.h"
#include "collections/templates.h"
#include "customers/customer_queries.h"
#include "files/document_parts.h"
#include "files/document_words.h"
#include "invoicing/invoice_queries.h"
#include "store/events.h"

namespace duebook {

namespace {

// The customer's contact of `role`, else any contact, else none.
Contact contact_for(const Customer& c, const std::string& role) {
  for (const Contact& k : c.fields.contacts)
    if (k.role == role) return k;
  return c.fields.contacts.empty() ? Contact{} : c.fields.contacts.front();
}

// A worklist entry over every open invoice of the customer on `date`, with the charges booked on them.
Result<WorklistItem> entry_from_open_invoices(Db& db, const Customer& customer, const Date& date) {
  WorklistItem item;
  item.customer_id = customer.id;
  item.entry.customer = customer.fields.name;
  if (Result<CurrencyCode> code = parse_currency_code(customer.fields.currency)) item.entry.currency = *code;
  InvoiceQuery query;
  query.status = "unpaid";
  query.customer_id = customer.id;
  query.sort = InvoiceSort::DueDate;
  query.limit = 500;
  std::set<int64_t> charge_invoices;  // they bill the charges counted below as fee and interest
  for (const ChargeRecord& c : list_charges(db))
    if (c.charge_invoice_id) charge_invoices.insert(c.charge_invoice_id);
  for (const InvoiceSummary& s : list_invoices(db, query)) {
    if (charge_invoices.count(s.id)) continue;
    Result<Date> due = parse_date(s.due_date);
    if (!due) continue;
    WorklistLine line;
    line.invoice = s.number;
    line.due_date = *due;
    line.days_late = days_from_civil(date) - days_from_civil(*due);
    line.open = Money{s.open, item.entry.currency};
    item.entry.lines.push_back(line);
    item.entry.open_minor += s.open;
    item.invoice_ids.push_back(s.id);
    for (const ChargeRecord& c : list_charges(db, s.id))
      if (c.status == "charged" && !(date < c.date))
        (c.kind == "late_fee" ? item.fee_minor : item.interest_minor) += c.amount;
  }
  if (item.entry.lines.empty())
    return Problem{"customer", customer.fields.name + " has no open invoice to write about"};
  return item;
}

// The body without the sender's name and address lines some letter templates start with (the letterhead
// shows them).
std::string without_sender_block(const std::string& body, const CompanyDetails& company) {
  if (company.name.empty() || body.rfind(company.name + "\n", 0) != 0) return body;
  const size_t blank = body.find("\n\n");
  return blank == std::string::npos ? body : body.substr(blank + 2);
}

}  // namespace

Result<LetterContent> letter_content(Db& db, int64_t customer_id, const LetterPdfOptions& o) {
  std::optional<Customer> customer = find_customer(db, customer_id);
  if (!customer) return Problem{"customer", "no customer with id " + std::to_string(customer_id)};
  std::optional<WorklistItem> item;
  for (WorklistItem& w : load_worklist(db, o.date).items)
    if (w.customer_id == customer_id) item = std::move(w);
  if (!item || o.step_index) {
    Result<WorklistItem> built = entry_from_open_invoices(db, *customer, o.date);
    if (!built) return built.problems();
    item = std::move(built).value();
    const PolicyRecord policy = policy_for_customer(db, customer_id);
    const int index = o.step_index ? *o.step_index : int(policy.policy.steps.size()) - 1;
    if (index < 0 || index >= int(policy.policy.steps.size()))
      return Problem{"step", "the policy \"" + policy.policy.name + "\" has steps 0 to " +
                                 std::to_string(int(policy.policy.steps.size()) - 1) + ", not " +
                                 std::to_string(index)};
    item->entry.step_index = index;
    item->entry.step = policy.policy.steps[size_t(index)];
  }
  const bool escalation = item->entry.step.action == StepAction::EscalationLetter;
  item->entry.contact = contact_for(*customer, escalation ? "escalation" : "billing");
  const CompanyDetails company = company_details(db);
  const std::vector<MessageTemplate> custom = custom_templates(db);
  const Language language = o.language.value_or(customer_language(customer->fields));
  const MessageTemplate& message = template_for_step(item->entry.step, custom, language);
  const TemplateValues values =
      values_for_entry(item->entry, company, item->fee_minor, item->interest_minor, language);
  Result<RenderedMessage> rendered = render_message(message, values, "");
  if (!rendered) return rendered.problems();
  const DocumentWords& words = document_words(language);
  LetterContent c;
  c.customer_id = customer_id;
  c.step_index = item->entry.step_index;
  c.template_id = message.id;
  c.contact = values.at("contact");
  c.contact_title = escalation ? words.senior : words.accounts;
  c.subject = rendered->subject;
  c.body = without_sender_block(rendered->body, company);
  c.deadline_days = item->entry.step.payment_deadline_days;
  c.invoice_ids = item->invoice_ids;
  c.fee = item->fee_minor;
  c.interest = item->interest_minor;
  return c;
}

Result<std::string> letter_pdf(Db& db, const PdfFonts& fonts, int64_t customer_id,
                               const LetterPdfOptions& o) {
  Result<LetterContent> content = letter_content(db, customer_id, o);
  if (!content) return content.problems();
  const LetterContent& c = content.value();
  std::optional<Customer> customer = find_customer(db, customer_id);
  const CompanyDetails company = company_details(db);
  const Language language = o.language.value_or(customer_language(customer->fields));
  const DocumentWords& words = document_words(language);
  const Locale& locale = document_locale(language);
  auto doc = start_document(db, fonts, company, c.subject, language);
  if (!doc) return doc.problems();
  PdfDocument& pdf = *doc.value();
  address_and_facts(
      pdf, *customer, c.contact + ", " + c.contact_title, words.letter,
      {{words.date, format_date(o.date, locale)}, {words.customer_number, std::to_string(customer_id)}},
      language);
  pdf.text(PdfDocument::kMargin, c.subject, 11.5f, true);
  pdf.down(20);
  pdf.paragraph(PdfDocument::kMargin, 495, c.body, 10);
  pdf.down(8);
  std::vector<std::vector<std::string>> rows;
  int64_t total = 0;
  std::string currency = customer->fields.currency;
  for (int64_t id : c.invoice_ids) {
    std::optional<InvoiceDetail> d = find_invoice(db, id);
    if (!d) continue;
    currency = d->summary.currency;
    const int64_t late = days_from_civil(o.date) - days_from_civil(parse_date(d->summary.due_date).value());
    rows.push_back({d->summary.number, shown_date(d->summary.issue_date, locale),
                    shown_date(d->summary.due_date, locale), std::to_string(std::max<int64_t>(late, 0)),
                    document_number(d->amounts.total, currency_digits(currency), language),
                    document_number(d->amounts.open, currency_digits(currency), language)});
    total += d->amounts.open;
  }
  pdf.text(PdfDocument::kMargin, words.invoices_due, 11, true);
  pdf.down(16);
  pdf.table(PdfDocument::kMargin,
            {{words.invoice, 110},
             {words.date, 70},
             {words.due_date, 70},
             {words.days_late, 60, PdfAlign::Right},
             {words.total, 90, PdfAlign::Right},
             {words.open, 95, PdfAlign::Right}},
            rows);
  const int64_t due = total + c.fee + c.interest;
  totals_block(pdf,
               {{words.open_total, document_money(total, currency, locale)},
                {words.fees, document_money(c.fee, currency, locale)},
                {words.interest, document_money(c.interest, currency, locale)},
                {words.now_due, document_money(due, currency, locale)}},
               true);
  pdf.text(PdfDocument::kMargin,
           fill(words.pay_by, {{'a', document_money(due, currency, locale)},
                               {'d', format_date(add_days(o.date, c.deadline_days), locale)}}),
           10, true);
  pdf.down(12);
  payment_instructions(pdf, company, due, currency, rows.empty() ? "" : rows.front()[0], language);
  return pdf.finish();
}

}  // namespace duebook

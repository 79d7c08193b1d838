#include "files/agreement_document.h"

#include <algorithm>

#include "base/currencies.h"
#include "base/money.h"
#include "collections/collections_queries.h"
#include "collections/custom_templates.h"
#include "collections/templates_default.h"
#include "customers/customer_queries.h"
#include "files/agreement_words.h"
#include "files/document_parts.h"
#include "files/document_words.h"
#include "invoicing/invoice_queries.h"
#include "store/events.h"

namespace duebook {

namespace {

using Rows = std::vector<std::vector<std::string>>;

// A confirmation letter before it is laid out.
struct AgreementContent {
  int64_t customer_id = 0;                // to whom
  Language language = Language::English;  // what it is written in
  std::string contact;                    // the billing contact's name, or the team's in the language
  bool named = false;                     // whether the customer has a billing contact by name
  std::string subject;                    // rendered subject
  std::string body;                       // rendered body (the tables drawn apart in the PDF are left out)
  std::vector<int64_t> invoice_ids;       // the invoices agreed on
};

// The billing contact's name, or "" when the customer has none (values_for_entry then names the team in the
// letter's language).
std::string billing_contact(const Customer& c) {
  for (const Contact& k : c.fields.contacts)
    if (k.role == "billing" && !k.name.empty()) return k.name;
  return "";
}

// A worklist-shaped entry over the agreed invoices, so that the templates' invoice placeholders say the same
// as in every other letter.
WorklistEntry agreed_entry(Db& db, const Customer& customer, const std::vector<int64_t>& invoice_ids,
                           const std::string& currency, const Date& date) {
  WorklistEntry e;
  e.customer = customer.fields.name;
  if (Result<CurrencyCode> code = parse_currency_code(currency)) e.currency = *code;
  e.contact.name = billing_contact(customer);
  for (int64_t id : invoice_ids) {
    std::optional<InvoiceDetail> d = find_invoice(db, id);
    if (!d) continue;
    WorklistLine l;
    l.invoice = d->summary.number;
    Result<Date> due = parse_date(d->summary.due_date);
    l.due_date = due ? *due : date;
    l.days_late = std::max<int64_t>(days_from_civil(date) - days_from_civil(l.due_date), 0);
    l.open = Money{d->amounts.open, e.currency};
    e.open_minor += d->amounts.open;
    e.lines.push_back(l);
  }
  return e;
}

Result<AgreementContent> render(Db& db, const std::string& template_id, const Customer& customer,
                                Language language, const TemplateValues& values,
                                std::vector<int64_t> invoice_ids) {
  const std::vector<MessageTemplate> custom = custom_templates(db);
  const MessageTemplate* message = template_in_use(custom, template_id, language);
  if (!message) return Problem{"template", "no template " + template_id};
  Result<RenderedMessage> rendered = render_message(*message, values, "");
  if (!rendered) return rendered.problems();
  AgreementContent c;
  c.customer_id = customer.id;
  c.language = language;
  c.contact = values.at("contact");
  c.named = !billing_contact(customer).empty();
  c.subject = rendered->subject;
  c.body = rendered->body;
  c.invoice_ids = std::move(invoice_ids);
  return c;
}

std::optional<PlanStatus> find_plan(Db& db, int64_t plan_id, const Date& date) {
  for (PlanStatus& p : list_installment_plans(db, date))
    if (p.id == plan_id && p.state != "cancelled") return std::move(p);
  return std::nullopt;
}

// The plan's letter; its invoices are drawn as a table apart, so {{invoice_table}} is left empty.
Result<AgreementContent> plan_content(Db& db, int64_t plan_id, const Date& date,
                                      std::optional<Language> chosen) {
  std::optional<PlanStatus> plan = find_plan(db, plan_id, date);
  if (!plan) return Problem{"plan", "no installment plan #" + std::to_string(plan_id) + " in force"};
  std::optional<Customer> customer = find_customer(db, plan->customer_id);
  if (!customer) return Problem{"plan", "plan #" + std::to_string(plan_id) + " has no customer"};
  const WorklistEntry e = agreed_entry(db, *customer, plan->invoice_ids, plan->currency, date);
  const Language language = chosen.value_or(customer_language(customer->fields));
  TemplateValues v = values_for_entry(e, company_details(db), 0, 0, language);
  v["agreed_on"] = format_date(plan->agreed_on, document_locale(language));
  v["plan_total"] = document_money(plan->balance, plan->currency, document_locale(language));
  v["installment_count"] = std::to_string(plan->installments.size());
  v["invoice_table"] = "";
  return render(db, "plan_confirmation", *customer, language, v, plan->invoice_ids);
}

std::optional<SettlementRecord> find_settlement(Db& db, int64_t id) {
  for (SettlementRecord& s : list_settlements(db))
    if (s.id == id) return std::move(s);
  return std::nullopt;
}

Result<AgreementContent> settlement_content(Db& db, int64_t settlement_id, const SettlementRecord& s,
                                            std::optional<Language> chosen) {
  std::optional<Customer> customer = find_customer(db, s.customer_id);
  if (!customer)
    return Problem{"settlement", "settlement #" + std::to_string(settlement_id) + " has no customer"};
  const WorklistEntry e = agreed_entry(db, *customer, {s.invoice_id}, s.currency, s.date);
  const Language language = chosen.value_or(customer_language(customer->fields));
  TemplateValues v = values_for_entry(e, company_details(db), 0, 0, language);
  v["agreed_on"] = format_date(s.date, document_locale(language));
  v["settled_balance"] = document_money(s.balance, s.currency, document_locale(language));
  v["settlement_amount"] = document_money(s.accepted, s.currency, document_locale(language));
  v["written_off"] = document_money(s.written_off, s.currency, document_locale(language));
  return render(db, "settlement_confirmation", *customer, language, v, {s.invoice_id});
}

// Letterhead, addressee, subject and body: the part both confirmations share.
Result<std::unique_ptr<PdfDocument>> letter_start(
    Db& db, const PdfFonts& fonts, const AgreementContent& c, const std::string& title,
    const std::vector<std::pair<std::string, std::string>>& facts) {
  std::optional<Customer> customer = find_customer(db, c.customer_id);
  auto doc = start_document(db, fonts, company_details(db), c.subject, c.language);
  if (!doc) return doc.problems();
  PdfDocument& pdf = *doc.value();
  const std::string attention = c.named ? c.contact + ", " + document_words(c.language).accounts : c.contact;
  address_and_facts(pdf, *customer, attention, title, facts, c.language);
  pdf.text(PdfDocument::kMargin, c.subject, 11.5f, true);
  pdf.down(20);
  pdf.paragraph(PdfDocument::kMargin, 495, c.body, 10);
  pdf.down(8);
  return doc;
}

}  // namespace

std::vector<SettlementRecord> list_settlements(Db& db, int64_t customer_id) {
  Statement& st = db.prepare(
      "SELECT id, invoice_id, customer_id, date, balance, accepted, written_off, currency, reason "
      "FROM settlements WHERE retracted = 0 AND (?1 = 0 OR customer_id = ?1) ORDER BY id");
  st.bind_all(customer_id);
  std::vector<SettlementRecord> out;
  while (st.step()) {
    Result<Date> date = parse_date(st.text(3));
    out.push_back({st.int64(0), st.int64(1), st.int64(2), date ? *date : Date{}, st.int64(4), st.int64(5),
                   st.int64(6), st.text(7), st.text(8)});
  }
  st.reset();
  return out;
}

Result<std::string> plan_confirmation_pdf(Db& db, const PdfFonts& fonts, int64_t plan_id, const Date& date,
                                          std::optional<Language> language) {
  Result<AgreementContent> content = plan_content(db, plan_id, date, language);
  if (!content) return content.problems();
  const AgreementWords& w = agreement_words(content->language);
  const DocumentWords& dw = document_words(content->language);
  const Locale& locale = document_locale(content->language);
  const PlanStatus plan = *find_plan(db, plan_id, date);
  auto money = [&](int64_t minor) { return document_money(minor, plan.currency, locale); };
  auto doc = letter_start(db, fonts, *content, w.plan_title,
                          {{dw.date, format_date(date, locale)},
                           {w.plan, "#" + std::to_string(plan_id)},
                           {w.agreed_on, format_date(plan.agreed_on, locale)}});
  if (!doc) return doc.problems();
  PdfDocument& pdf = *doc.value();
  const int digits = currency_digits(plan.currency);
  auto number = [&](int64_t minor) { return document_number(minor, digits, content->language); };
  Rows rows;
  std::optional<Installment> next;
  for (const Installment& i : plan.installments) {
    const bool paid = plan.paid >= i.cumulative_minor;
    if (!paid && !next) next = i;
    rows.push_back({std::to_string(i.number), format_date(i.due, locale), number(i.amount.minor),
                    number(i.cumulative_minor), paid ? w.paid : ""});
  }
  pdf.text(PdfDocument::kMargin, w.installments, 11, true);
  pdf.down(16);
  pdf.table(PdfDocument::kMargin,
            {{w.number, 40},
             {w.due_on, 90},
             {fill(w.amount_in, {{'c', plan.currency}}), 120, PdfAlign::Right},
             {fill(w.in_all, {{'c', plan.currency}}), 120, PdfAlign::Right},
             {"", 125}},
            rows);
  Rows invoices;
  for (int64_t id : plan.invoice_ids)
    if (std::optional<InvoiceDetail> d = find_invoice(db, id))
      invoices.push_back({d->summary.number, shown_date(d->summary.issue_date, locale),
                          shown_date(d->summary.due_date, locale), number(d->amounts.total),
                          number(d->amounts.open)});
  pdf.down(6);
  pdf.text(PdfDocument::kMargin, w.invoices_covered, 11, true);
  pdf.down(16);
  pdf.table(PdfDocument::kMargin,
            {{dw.invoice, 120},
             {dw.date, 80},
             {dw.due_date, 80},
             {dw.total, 105, PdfAlign::Right},
             {w.open_now, 110, PdfAlign::Right}},
            invoices);
  totals_block(pdf,
               {{w.spread, money(plan.balance)},
                {w.paid_toward, money(plan.paid)},
                {w.still_to_pay, money(std::max<int64_t>(plan.balance - plan.paid, 0))}},
               true);
  if (next) {
    pdf.text(
        PdfDocument::kMargin,
        fill(w.next_installment, {{'a', money(next->amount.minor)}, {'d', format_date(next->due, locale)}}),
        10, true);
    pdf.down(12);
    payment_instructions(pdf, company_details(db), next->amount.minor, plan.currency,
                         invoices.empty() ? "" : invoices.front()[0], content->language);
  }
  return pdf.finish();
}

Result<std::string> settlement_confirmation_pdf(Db& db, const PdfFonts& fonts, int64_t settlement_id,
                                                std::optional<Language> language) {
  std::optional<SettlementRecord> s = find_settlement(db, settlement_id);
  if (!s) return Problem{"settlement", "no settlement #" + std::to_string(settlement_id) + " in force"};
  Result<AgreementContent> content = settlement_content(db, settlement_id, *s, language);
  if (!content) return content.problems();
  const AgreementWords& w = agreement_words(content->language);
  const DocumentWords& dw = document_words(content->language);
  const Locale& locale = document_locale(content->language);
  auto money = [&](int64_t minor) { return document_money(minor, s->currency, locale); };
  std::optional<InvoiceDetail> d = find_invoice(db, s->invoice_id);
  const std::string number = d ? d->summary.number : "";
  auto doc = letter_start(db, fonts, *content, w.settlement_title,
                          {{dw.date, format_date(s->date, locale)}, {dw.invoice, number}});
  if (!doc) return doc.problems();
  PdfDocument& pdf = *doc.value();
  const int64_t open_now = d ? d->amounts.open : 0;
  totals_block(pdf,
               {{w.open_when_agreed, money(s->balance)},
                {dw.written_off, money(s->written_off)},
                {w.accepted, money(s->accepted)},
                {w.still_to_pay, money(open_now)}},
               true);
  if (open_now > 0)
    payment_instructions(pdf, company_details(db), open_now, s->currency, number, content->language);
  return pdf.finish();
}

}  // namespace duebook

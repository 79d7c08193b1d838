#include "files/agreement_document.h"

#include <algorithm>

#include "base/currencies.h"
#include "base/money.h"
#include "collections/collections_queries.h"
#include "collections/custom_templates.h"
#include "collections/templates_default.h"
#include "customers/customer_queries.h"
#include "files/document_parts.h"
#include "invoicing/invoice_queries.h"
#include "store/events.h"

namespace duebook {

namespace {

using Rows = std::vector<std::vector<std::string>>;

// A confirmation letter before it is laid out.
struct AgreementContent {
  int64_t customer_id = 0;           // to whom
  std::string contact;               // the billing contact's name, or "Accounts Payable team"
  std::string subject;               // rendered subject
  std::string body;                  // rendered body (the tables drawn apart in the PDF are left out)
  std::vector<int64_t> invoice_ids;  // the invoices agreed on
};

// The billing contact's name, or the team's when the customer has none.
std::string billing_contact(const Customer& c) {
  for (const Contact& k : c.fields.contacts)
    if (k.role == "billing" && !k.name.empty()) return k.name;
  return "Accounts Payable team";
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

std::string money_text(int64_t minor, const std::string& currency, Language language) {
  Money m{minor, {}};
  if (Result<CurrencyCode> code = parse_currency_code(currency)) m.currency = *code;
  return format_money(m, document_locale(language));
}

Result<AgreementContent> render(Db& db, const std::string& template_id, const Customer& customer,
                                const TemplateValues& values, std::vector<int64_t> invoice_ids) {
  const std::vector<MessageTemplate> custom = custom_templates(db);
  const MessageTemplate* message = template_in_use(custom, template_id, customer_language(customer.fields));
  if (!message) return Problem{"template", "no template " + template_id};
  Result<RenderedMessage> rendered = render_message(*message, values, "");
  if (!rendered) return rendered.problems();
  AgreementContent c;
  c.customer_id = customer.id;
  c.contact = values.at("contact");
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
Result<AgreementContent> plan_content(Db& db, int64_t plan_id, const Date& date) {
  std::optional<PlanStatus> plan = find_plan(db, plan_id, date);
  if (!plan) return Problem{"plan", "no installment plan #" + std::to_string(plan_id) + " in force"};
  std::optional<Customer> customer = find_customer(db, plan->customer_id);
  if (!customer) return Problem{"plan", "plan #" + std::to_string(plan_id) + " has no customer"};
  const WorklistEntry e = agreed_entry(db, *customer, plan->invoice_ids, plan->currency, date);
  const Language language = customer_language(customer->fields);
  TemplateValues v = values_for_entry(e, company_details(db), 0, 0, language);
  v["agreed_on"] = format_date(plan->agreed_on, document_locale(language));
  v["plan_total"] = money_text(plan->balance, plan->currency, language);
  v["installment_count"] = std::to_string(plan->installments.size());
  v["invoice_table"] = "";
  return render(db, "plan_confirmation", *customer, v, plan->invoice_ids);
}

std::optional<SettlementRecord> find_settlement(Db& db, int64_t id) {
  for (SettlementRecord& s : list_settlements(db))
    if (s.id == id) return std::move(s);
  return std::nullopt;
}

Result<AgreementContent> settlement_content(Db& db, int64_t settlement_id, const SettlementRecord& s) {
  std::optional<Customer> customer = find_customer(db, s.customer_id);
  if (!customer)
    return Problem{"settlement", "settlement #" + std::to_string(settlement_id) + " has no customer"};
  const WorklistEntry e = agreed_entry(db, *customer, {s.invoice_id}, s.currency, s.date);
  const Language language = customer_language(customer->fields);
  TemplateValues v = values_for_entry(e, company_details(db), 0, 0, language);
  v["agreed_on"] = format_date(s.date, document_locale(language));
  v["settled_balance"] = money_text(s.balance, s.currency, language);
  v["settlement_amount"] = money_text(s.accepted, s.currency, language);
  v["written_off"] = money_text(s.written_off, s.currency, language);
  return render(db, "settlement_confirmation", *customer, v, {s.invoice_id});
}

// Letterhead, addressee, subject and body: the part both confirmations share.
Result<std::unique_ptr<PdfDocument>> letter_start(
    Db& db, const PdfFonts& fonts, const AgreementContent& c, const std::string& title,
    const std::vector<std::pair<std::string, std::string>>& facts) {
  std::optional<Customer> customer = find_customer(db, c.customer_id);
  auto doc = start_document(fonts, company_details(db), c.subject, chain_anchor(db));
  if (!doc) return doc.problems();
  PdfDocument& pdf = *doc.value();
  const bool named = c.contact != "Accounts Payable team";
  address_and_facts(pdf, *customer, named ? c.contact + ", Accounts payable" : c.contact, title, facts);
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

Result<std::string> plan_confirmation_pdf(Db& db, const PdfFonts& fonts, int64_t plan_id, const Date& date) {
  Result<AgreementContent> content = plan_content(db, plan_id, date);
  if (!content) return content.problems();
  const PlanStatus plan = *find_plan(db, plan_id, date);
  auto doc = letter_start(db, fonts, *content, "Installment plan",
                          {{"Date", to_iso(date)},
                           {"Plan", "#" + std::to_string(plan_id)},
                           {"Agreed on", to_iso(plan.agreed_on)}});
  if (!doc) return doc.problems();
  PdfDocument& pdf = *doc.value();
  const int digits = currency_digits(plan.currency);
  Rows rows;
  std::optional<Installment> next;
  for (const Installment& i : plan.installments) {
    const bool paid = plan.paid >= i.cumulative_minor;
    if (!paid && !next) next = i;
    rows.push_back({std::to_string(i.number), to_iso(i.due), format_amount(i.amount.minor, digits),
                    format_amount(i.cumulative_minor, digits), paid ? "paid" : ""});
  }
  pdf.text(PdfDocument::kMargin, "Installments", 11, true);
  pdf.down(16);
  pdf.table(PdfDocument::kMargin,
            {{"No.", 40},
             {"Due on", 90},
             {"Amount (" + plan.currency + ")", 120, PdfAlign::Right},
             {"In all (" + plan.currency + ")", 120, PdfAlign::Right},
             {"", 125}},
            rows);
  Rows invoices;
  for (int64_t id : plan.invoice_ids)
    if (std::optional<InvoiceDetail> d = find_invoice(db, id))
      invoices.push_back({d->summary.number, d->summary.issue_date, d->summary.due_date,
                          format_amount(d->amounts.total, digits), format_amount(d->amounts.open, digits)});
  pdf.down(6);
  pdf.text(PdfDocument::kMargin, "Invoices the plan covers", 11, true);
  pdf.down(16);
  pdf.table(PdfDocument::kMargin,
            {{"Invoice", 120},
             {"Date", 80},
             {"Due date", 80},
             {"Total", 105, PdfAlign::Right},
             {"Open now", 110, PdfAlign::Right}},
            invoices);
  totals_block(
      pdf,
      {{"Spread over the plan", document_money(plan.balance, plan.currency)},
       {"Paid toward it", document_money(plan.paid, plan.currency)},
       {"Still to pay", document_money(std::max<int64_t>(plan.balance - plan.paid, 0), plan.currency)}},
      true);
  if (next) {
    pdf.text(PdfDocument::kMargin,
             "Next installment: " + document_money(next->amount.minor, plan.currency) + " by " +
                 to_iso(next->due) + ".",
             10, true);
    pdf.down(12);
    payment_instructions(pdf, company_details(db), next->amount.minor, plan.currency,
                         invoices.empty() ? "" : invoices.front()[0]);
  }
  return pdf.finish();
}

Result<std::string> settlement_confirmation_pdf(Db& db, const PdfFonts& fonts, int64_t settlement_id) {
  std::optional<SettlementRecord> s = find_settlement(db, settlement_id);
  if (!s) return Problem{"settlement", "no settlement #" + std::to_string(settlement_id) + " in force"};
  Result<AgreementContent> content = settlement_content(db, settlement_id, *s);
  if (!content) return content.problems();
  std::optional<InvoiceDetail> d = find_invoice(db, s->invoice_id);
  const std::string number = d ? d->summary.number : "";
  auto doc =
      letter_start(db, fonts, *content, "Settlement", {{"Date", to_iso(s->date)}, {"Invoice", number}});
  if (!doc) return doc.problems();
  PdfDocument& pdf = *doc.value();
  const int64_t open_now = d ? d->amounts.open : 0;
  totals_block(pdf,
               {{"Open on the invoice when agreed", document_money(s->balance, s->currency)},
                {"Written off", document_money(s->written_off, s->currency)},
                {"Accepted in full and final settlement", document_money(s->accepted, s->currency)},
                {"Still to pay", document_money(open_now, s->currency)}},
               true);
  if (open_now > 0) payment_instructions(pdf, company_details(db), open_now, s->currency, number);
  return pdf.finish();
}

}  // namespace duebook

#include "files/evidence_document.h"

#include <algorithm>

#include "base/currencies.h"
#include "base/money.h"
#include "collections/collections_queries.h"
#include "collections/collections_worklist.h"
#include "collections/customer_timeline.h"
#include "collections/interest.h"
#include "customers/customer_queries.h"
#include "files/document_parts.h"
#include "files/document_words.h"
#include "files/evidence_words.h"
#include "invoicing/invoice_queries.h"
#include "store/events.h"
#include "store/projector.h"

namespace duebook {

namespace {

// Whether event `e` is about invoice `id` (number `number`).
bool names_invoice(const Event& e, int64_t id, const std::string& number) {
  const Json p = Json::parse(e.payload, nullptr, false);
  if (!p.is_object()) return false;
  auto is_id = [&](const char* key) {
    auto it = p.find(key);
    return it != p.end() && it->is_number_integer() && it->get<int64_t>() == id;
  };
  if (e.type.rfind("invoice.", 0) == 0 && is_id("id")) return true;
  if (is_id("invoice_id") || is_id("invoice")) return true;
  for (const char* key : {"invoice_ids", "invoices"}) {
    auto it = p.find(key);
    if (it == p.end()) continue;
    if (it->is_array())
      for (const Json& v : *it)
        if ((v.is_number_integer() && v.get<int64_t>() == id) ||
            (v.is_string() && v.get<std::string>() == number))
          return true;
    if (it->is_string() && it->get<std::string>().find(number) != std::string::npos) return true;
  }
  return e.label.find(number) != std::string::npos;
}

// The outcome and notes of a contact, promise or dispute, when its payload has them, each named in `w`'s
// language.
std::string details(const Event& e, const EvidenceWords& w) {
  const Json p = Json::parse(e.payload, nullptr, false);
  if (!p.is_object()) return "";
  std::string out;
  for (const char* key : kDetailFields) {
    auto it = p.find(key);
    if (it == p.end() || !it->is_string() || it->get<std::string>().empty()) continue;
    out += std::string(out.empty() ? "" : "; ") + detail_field_word(w, key) + ": " + it->get<std::string>();
  }
  return out;
}

}  // namespace

std::vector<EvidenceEvent> evidence_events(Db& db, int64_t customer_id, std::optional<int64_t> invoice_id,
                                           Language language) {
  const EvidenceWords& w = evidence_words(language);
  std::string number;
  if (invoice_id)
    if (std::optional<InvoiceDetail> d = find_invoice(db, *invoice_id)) number = d->summary.number;
  std::vector<EvidenceEvent> out;
  std::vector<TimelineEntry> timeline = customer_timeline(db, customer_id, 1000000);
  for (auto t = timeline.rbegin(); t != timeline.rend(); ++t) {
    // The action's events follow its first one; an invoice is named by any of them (a payment's allocation,
    // a fee's charges invoice). At most 200 are read: an import of thousands names its invoices early.
    std::vector<Event> events = read_events(db, t->seq, t->seq + 199);
    if (events.empty()) continue;
    const Event& e = events.front();
    if (invoice_id && std::none_of(events.begin(), events.end(), [&](const Event& x) {
          return x.action == t->action && names_invoice(x, *invoice_id, number);
        }))
      continue;
    std::string what = t->what;
    if (std::string more = details(e, w); !more.empty()) what += " (" + more + ")";
    out.push_back({t->seq, t->date, t->actor, t->kind, what, e.hash});
  }
  // Chronological by the day it happened (a reminder dated back is recorded later), then as recorded.
  std::stable_sort(out.begin(), out.end(),
                   [](const EvidenceEvent& a, const EvidenceEvent& b) { return a.date < b.date; });
  return out;
}

namespace {

using Rows = std::vector<std::vector<std::string>>;

// The cover page's claim: every invoice in scope with its open amount, then the interest and compensation
// preview_ledger_charges works out for them under `policy` (its rates and days late). Returns the total.
void claim_tables(PdfDocument& pdf, Db& db, const std::vector<InvoiceSummary>& invoices, const Date& as_of,
                  const std::optional<InterestPolicy>& policy, Language language) {
  const EvidenceWords& w = evidence_words(language);
  const DocumentWords& dw = document_words(language);
  const Locale& locale = document_locale(language);
  const std::string currency = invoices.empty() ? "" : invoices.front().currency;
  const int digits = currency_digits(currency);
  auto number = [&](int64_t minor) { return document_number(minor, digits, language); };
  auto money = [&](int64_t minor) { return document_money(minor, currency, locale); };
  Rows rows;
  int64_t open = 0, interest = 0, compensation = 0;
  for (const InvoiceSummary& s : invoices) {
    rows.push_back({s.number, shown_date(s.issue_date, locale), shown_date(s.due_date, locale),
                    number(s.total), number(s.open)});
    open += s.open;
  }
  pdf.text(PdfDocument::kMargin, w.the_debt, 11, true);
  pdf.down(16);
  pdf.table(PdfDocument::kMargin,
            {{dw.invoice, 115},
             {w.issued, 75},
             {w.due, 75},
             {fill(w.total_in, {{'c', currency}}), 110, PdfAlign::Right},
             {w.unpaid, 120, PdfAlign::Right}},
            rows);
  pdf.down(8);
  if (policy) {
    std::map<std::string, int64_t> ids;
    ChargesPreview preview = preview_ledger_charges(db, as_of, *policy, &ids);
    Rows charges;
    for (const ChargesPreviewRow& r : preview.rows) {
      if (std::none_of(invoices.begin(), invoices.end(),
                       [&](const InvoiceSummary& s) { return s.number == r.invoice; }))
        continue;
      charges.push_back({r.invoice, number(r.outstanding_minor),
                         document_number(r.annual_rate.units, r.annual_rate.scale, language) + " %",
                         std::to_string(r.days_late), number(r.interest_minor),
                         number(r.fixed_compensation_minor)});
      interest += r.interest_minor;
      compensation += r.fixed_compensation_minor;
    }
    pdf.text(PdfDocument::kMargin,
             fill(w.claimed, {{'p', to_string(*policy)}, {'d', format_date(as_of, locale)}}), 11, true);
    pdf.down(16);
    pdf.table(PdfDocument::kMargin,
              {{dw.invoice, 95},
               {w.outstanding, 85, PdfAlign::Right},
               {w.rate_a_year, 70, PdfAlign::Right},
               {dw.days_late, 60, PdfAlign::Right},
               {w.interest, 85, PdfAlign::Right},
               {w.compensation, 100, PdfAlign::Right}},
              charges);
  }
  std::vector<std::pair<std::string, std::string>> totals{{w.unpaid_principal, money(open)}};
  if (policy) {
    totals.push_back({w.interest, money(interest)});
    totals.push_back({w.fixed_compensation, money(compensation)});
  }
  totals.push_back({w.total_claimed, money(open + interest + compensation)});
  totals_block(pdf, totals, true);
}

void record_pages(PdfDocument& pdf, const std::vector<EvidenceEvent>& events, Language language) {
  const EvidenceWords& w = evidence_words(language);
  const Locale& locale = document_locale(language);
  pdf.new_page();
  pdf.text(PdfDocument::kMargin, w.record, 14, true);
  pdf.down(14);
  pdf.paragraph(PdfDocument::kMargin, 495, w.record_intro, 9);
  pdf.down(6);
  for (const EvidenceEvent& e : events) {
    pdf.keep(48);
    pdf.rule();
    pdf.down(12);
    pdf.text(PdfDocument::kMargin, shown_date(e.date, locale), 9, true);
    pdf.text(120, timeline_kind_word(w, e.kind), 9, true);
    pdf.text_right(PdfDocument::kRight, fill(w.recorded_by, {{'a', e.actor}, {'n', std::to_string(e.seq)}}),
                   8);
    pdf.down(12);
    pdf.paragraph(120, 425, e.what, 9);
    pdf.text(120, fill(w.hash, {{'h', e.hash}}), 6.5f);
    pdf.down(10);
  }
}

void verification_page(PdfDocument& pdf, Db& db, const std::vector<EvidenceEvent>& events,
                       Language language) {
  const EvidenceWords& w = evidence_words(language);
  pdf.new_page();
  pdf.text(PdfDocument::kMargin, w.verify_title, 14, true);
  pdf.down(20);
  const int64_t last = last_event_seq(db);
  std::vector<Event> first_event = read_events(db, 1, 1), last_event = read_events(db, last, last);
  std::vector<std::pair<std::string, std::string>> rows{{w.events_in_log, std::to_string(last)}};
  if (!first_event.empty()) rows.push_back({w.first_hash, first_event.front().hash});
  if (!last_event.empty()) rows.push_back({w.last_hash, last_event.front().hash});
  if (!events.empty()) {
    rows.push_back({w.first_listed, std::to_string(events.front().seq) + ": " + events.front().hash});
    rows.push_back({w.last_listed, std::to_string(events.back().seq) + ": " + events.back().hash});
  }
  for (const auto& [label, value] : rows) {
    pdf.text(PdfDocument::kMargin, label, 9, true);
    pdf.down(12);
    pdf.text(PdfDocument::kMargin, value, 8.5f);
    pdf.down(16);
  }
  pdf.down(6);
  const std::string anchor = last_event.empty()
                                 ? std::string("0:")
                                 : std::to_string(last) + ":" + last_event.front().hash.substr(0, 16);
  const std::string command = "duebook --db " + std::string(w.ledger_file) + " verify --anchor " + anchor;
  pdf.paragraph(PdfDocument::kMargin, 495, fill(w.verify_text, {{'x', command}}), 9.5f);
}

// A contact's role as the debtor's contacts line names it: the billing and escalation contacts by the titles
// letters give them in a language other than English ("Buchhaltung", "Direction"); in English, and for any
// other role, the role as stored ("billing"), as the pack always printed it.
std::string contact_role_word(const std::string& role, Language language) {
  if (language == Language::English) return role;
  const DocumentWords& w = document_words(language);
  return role == "billing" ? w.accounts : role == "escalation" ? w.senior : role;
}

}  // namespace

Result<std::string> evidence_pdf(Db& db, const PdfFonts& fonts, const EvidenceOptions& o) {
  int64_t customer_id = o.customer_id;
  std::vector<InvoiceSummary> invoices;
  if (o.invoice_id) {
    std::optional<InvoiceDetail> d = find_invoice(db, *o.invoice_id);
    if (!d || d->summary.number.empty())
      return Problem{"invoice", "no issued invoice #" + std::to_string(*o.invoice_id)};
    customer_id = d->summary.customer_id;
    invoices.push_back(d->summary);
  }
  std::optional<Customer> customer = find_customer(db, customer_id);
  if (!customer) return Problem{"customer", "no customer with id " + std::to_string(customer_id)};
  if (!o.invoice_id) {
    InvoiceQuery query;
    query.status = "unpaid";
    query.customer_id = customer_id;
    query.sort = InvoiceSort::DueDate;
    query.limit = 1000;
    invoices = list_invoices(db, query);
  }
  const std::string currency = invoices.empty() ? customer->fields.currency : invoices.front().currency;
  std::string policy_text = o.interest_policy;
  if (policy_text.empty())
    policy_text = currency == "EUR" ? "eu-late-payment" : currency == "GBP" ? "uk-late-payment" : "";
  std::optional<InterestPolicy> policy;
  if (!policy_text.empty()) {
    Result<InterestPolicy> parsed = parse_interest_policy(policy_text);
    if (!parsed) return Problem{"interest_policy", parsed.problems()[0].message};
    policy = parsed.value();
  }
  const Language language = o.language.value_or(customer_language(customer->fields));
  const EvidenceWords& w = evidence_words(language);
  const CompanyDetails company = company_details(db);
  const std::string invoice_scope =
      o.invoice_id ? fill(w.invoice_scope, {{'i', invoices.front().number}}) : std::string(w.all_unpaid);
  auto doc = start_document(db, fonts, company,
                            fill(w.file_title, {{'s', o.invoice_id ? invoice_scope : customer->fields.name}}),
                            language);
  if (!doc) return doc.problems();
  PdfDocument& pdf = *doc.value();
  address_and_facts(pdf, *customer, "", w.title,
                    {{w.concerning, invoice_scope},
                     {w.amounts_as_of, format_date(o.as_of, document_locale(language))},
                     {w.creditor, company.name},
                     {w.debtor, customer->fields.name}},
                    language);
  std::string contacts;
  for (const Contact& c : customer->fields.contacts)
    contacts += (contacts.empty() ? "" : "; ") + c.name + " (" + contact_role_word(c.role, language) +
                (c.email.empty() ? "" : ", " + c.email) + ")";
  if (!contacts.empty()) pdf.paragraph(PdfDocument::kMargin, 495, w.debtor_contacts + contacts, 9);
  pdf.down(6);
  claim_tables(pdf, db, invoices, o.as_of, policy, language);
  const std::vector<EvidenceEvent> events = evidence_events(db, customer_id, o.invoice_id, language);
  record_pages(pdf, events, language);
  verification_page(pdf, db, events, language);
  return pdf.finish();
}

}  // namespace duebook

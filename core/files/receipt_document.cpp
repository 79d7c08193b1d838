#include "files/receipt_document.h"

#include "base/currencies.h"
#include "base/money.h"
#include "collections/collections_queries.h"
#include "customers/customer_queries.h"
#include "files/account_words.h"
#include "files/document_parts.h"
#include "files/document_words.h"
#include "invoicing/invoice_queries.h"
#include "store/events.h"

namespace duebook {

namespace {

// One payment row as stored.
struct PaymentRow {
  int64_t customer_id = 0;  // who paid
  std::string date;         // ISO date received
  int64_t amount = 0;       // received
  std::string currency;     // its currency
  std::string method;       // how
  std::string reference;    // the payer's reference
  int64_t unallocated = 0;  // left as credit
  std::string status;       // received or reversed
};

std::optional<PaymentRow> read_payment(Db& db, int64_t id) {
  Statement& st = db.prepare(
      "SELECT customer_id, date, amount, currency, method, reference, unallocated, status FROM payments "
      "WHERE id = ?1");
  st.bind_all(id);
  std::optional<PaymentRow> row;
  if (st.step())
    row = PaymentRow{st.int64(0), st.text(1), st.int64(2), st.text(3),
                     st.text(4),  st.text(5), st.int64(6), st.text(7)};
  st.reset();
  return row;
}

// (invoice id, amount) of the payment's allocations that stand.
std::vector<std::pair<int64_t, int64_t>> read_allocations(Db& db, int64_t payment_id) {
  Statement& st = db.prepare(
      "SELECT invoice_id, amount FROM allocations WHERE source_kind = 'payment' AND source_id = ?1 "
      "AND removed = 0 ORDER BY id");
  st.bind_all(payment_id);
  std::vector<std::pair<int64_t, int64_t>> out;
  while (st.step()) out.push_back({st.int64(0), st.int64(1)});
  st.reset();
  return out;
}

}  // namespace

Result<std::string> receipt_pdf(Db& db, const PdfFonts& fonts, int64_t payment_id,
                                std::optional<Language> chosen) {
  std::optional<PaymentRow> p = read_payment(db, payment_id);
  if (!p) return Problem{"payment", "no payment #" + std::to_string(payment_id)};
  std::optional<Customer> customer = find_customer(db, p->customer_id);
  if (!customer) return Problem{"payment", "payment #" + std::to_string(payment_id) + " has no customer"};
  const Language language = chosen.value_or(customer_language(customer->fields));
  const AccountWords& w = account_words(language);
  const DocumentWords& dw = document_words(language);
  const Locale& locale = document_locale(language);
  auto money = [&](int64_t minor, const std::string& currency) {
    return document_money(minor, currency, locale);
  };
  const std::string received_on = shown_date(p->date, locale);
  const CompanyDetails company = company_details(db);
  auto doc = start_document(db, fonts, company,
                            fill(w.receipt_file_title, {{'n', std::to_string(payment_id)}}), language);
  if (!doc) return doc.problems();
  PdfDocument& pdf = *doc.value();
  if (p->status == "reversed") pdf.stamp(w.reversed);
  std::vector<std::pair<std::string, std::string>> facts{
      {w.receipt_number, "P-" + std::to_string(payment_id)}, {w.received_on, received_on}};
  if (!p->method.empty()) facts.push_back({w.method, p->method});
  if (!p->reference.empty()) facts.push_back({w.your_reference, p->reference});
  address_and_facts(pdf, *customer, "", w.receipt, facts, language);
  pdf.paragraph(
      PdfDocument::kMargin, 495,
      fill(w.we_received,
           {{'a', money(p->amount, p->currency)}, {'c', customer->fields.name}, {'d', received_on}}),
      10);
  pdf.down(4);
  const int digits = currency_digits(p->currency);
  auto number = [&](int64_t minor) { return document_number(minor, digits, language); };
  std::vector<std::vector<std::string>> rows;
  for (const auto& [invoice_id, amount] : read_allocations(db, payment_id)) {
    std::optional<InvoiceDetail> inv = find_invoice(db, invoice_id);
    if (!inv) continue;
    rows.push_back({inv->summary.number, shown_date(inv->summary.due_date, locale),
                    number(inv->amounts.total), number(amount), number(inv->amounts.open)});
  }
  if (p->unallocated) rows.push_back({w.kept_as_credit, "", "", number(p->unallocated), ""});
  pdf.table(PdfDocument::kMargin,
            {{dw.invoice, 130},
             {dw.due_date, 75},
             {w.invoice_total, 95, PdfAlign::Right},
             {w.settled_now, 95, PdfAlign::Right},
             {w.still_open, 100, PdfAlign::Right}},
            rows);
  std::vector<std::pair<std::string, std::string>> totals{{w.received, money(p->amount, p->currency)}};
  if (std::optional<CustomerBalance> b = customer_balance(db, p->customer_id)) {
    totals.push_back({w.open_now, money(b->ar_balance, b->currency)});
    if (b->unapplied_credit) totals.push_back({w.your_credit, money(b->unapplied_credit, b->currency)});
    totals.push_back({w.balance_remaining, money(b->net_balance, b->currency)});
  }
  totals_block(pdf, totals, true);
  return pdf.finish();
}

}  // namespace duebook

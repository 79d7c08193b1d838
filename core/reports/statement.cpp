#include "reports/statement.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "base/csv.h"
#include "base/currencies.h"
#include "base/table.h"
#include "base/text.h"
#include "invoicing/payment_preview.h"
#include "reports/statement_words.h"

namespace duebook {

const char* to_string(StatementLineKind kind) {
  switch (kind) {
    case StatementLineKind::Invoice:
      return "invoice";
    case StatementLineKind::Charge:
      return "charge";
    case StatementLineKind::Refund:
      return "refund";
    case StatementLineKind::WriteOffReversed:
      return "write_off_reversed";
    case StatementLineKind::Payment:
      return "payment";
    case StatementLineKind::CreditNote:
      return "credit_note";
    case StatementLineKind::WriteOff:
      return "write_off";
    case StatementLineKind::Void:
      return "void";
  }
  return "invoice";
}

// ---------------------------------------------------------------------------------------------
// Assembly

Result<CustomerStatement> assemble_statement(const StatementInput& in) {
  if (in.to < in.from)
    return Problem{"to",
                   "the period ends (" + to_iso(in.to) + ") before it starts (" + to_iso(in.from) + ")"};
  const std::size_t currency_count = in.currencies.size();
  for (std::size_t i = 0; i < in.entries.size(); ++i) {
    const int32_t c = in.entries[i].currency;
    if (c < 0 || static_cast<std::size_t>(c) >= currency_count)
      return Problem{"entries[" + std::to_string(i) + "].currency", "no such currency index"};
  }
  const int32_t from = day_number(in.from), to = day_number(in.to);

  // Entries in the order the lines are listed: by day, then kind, then as given.
  std::vector<uint32_t> order(in.entries.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = static_cast<uint32_t>(i);
  std::stable_sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
    const StatementEntry& x = in.entries[a];
    const StatementEntry& y = in.entries[b];
    if (x.day != y.day) return x.day < y.day;
    return static_cast<int>(x.kind) < static_cast<int>(y.kind);
  });

  std::vector<StatementSection> sections(currency_count);
  std::vector<int64_t> balance(currency_count, 0);
  bool overflow = false;
  for (uint32_t i : order) {
    const StatementEntry& e = in.entries[i];
    if (e.day > to) break;
    const std::size_t c = static_cast<std::size_t>(e.currency);
    overflow |= __builtin_add_overflow(balance[c], e.amount, &balance[c]);
    if (e.day < from) {
      sections[c].opening_balance = balance[c];
      continue;
    }
    sections[c].lines.push_back(
        StatementLine{civil_from_days(e.day), e.kind, e.reference, e.amount, balance[c]});
  }
  if (overflow) return Problem{"amount", "the balance is larger than the largest amount Duebook can hold"};

  CustomerStatement out;
  out.customer = in.customer;
  out.from = in.from;
  out.to = in.to;
  if (in.aging) out.bucket_names = in.aging->buckets.names;
  for (std::size_t c = 0; c < currency_count; ++c) {
    StatementSection& s = sections[c];
    s.currency = in.currencies[c];
    s.closing_balance = balance[c];
    const int32_t row = in.aging && !in.aging->first_row_of_customer.empty()
                            ? in.aging->find_row(0, static_cast<int32_t>(c))
                            : -1;
    if (in.aging) s.aging.buckets.assign(static_cast<std::size_t>(in.aging->bucket_count()), 0);
    if (row >= 0) {
      for (int b = 0; b < in.aging->bucket_count(); ++b)
        s.aging.buckets[static_cast<std::size_t>(b)] = in.aging->amount(row, b);
      s.aging.total = in.aging->rows[static_cast<std::size_t>(row)].total;
      s.aging.unapplied_credit = in.aging->rows[static_cast<std::size_t>(row)].unapplied_credit;
    }
    const bool empty = s.opening_balance == 0 && s.lines.empty() && s.closing_balance == 0 &&
                       s.aging.total == 0 && s.aging.unapplied_credit == 0;
    if (!empty) out.sections.push_back(std::move(s));
  }
  std::sort(
      out.sections.begin(), out.sections.end(),
      [](const StatementSection& a, const StatementSection& b) { return a.currency.code < b.currency.code; });
  return out;
}

// ---------------------------------------------------------------------------------------------
// Reading a customer's rows

namespace {

// The currency index of `code` in `list`, added when missing.
int32_t currency_in(std::vector<Currency>& list, std::string_view code) {
  for (std::size_t i = 0; i < list.size(); ++i)
    if (list[i].code == code) return static_cast<int32_t>(i);
  const Currency* known = builtin_currencies().find(code);
  list.push_back(known ? *known : Currency{std::string(code), 2, std::string(code)});
  return static_cast<int32_t>(list.size() - 1);
}

// " by bank transfer, ref 123" from a method and a reference, either possibly empty, in `w`'s words.
std::string how(std::string_view method, std::string_view reference, const StatementLineWords& w) {
  std::string out;
  if (!method.empty()) out += fill(w.by_method, {{'m', std::string(method)}});
  if (!reference.empty())
    out += fill(out.empty() ? w.reference_first : w.reference_after, {{'r', std::string(reference)}});
  return out;
}

// The entries of the customer's invoices: issue, write-offs, and what a void undid, described in `language`.
void invoice_entries(const ArSnapshot& snap, Language language, std::vector<StatementEntry>& out) {
  const StatementLineWords& w = statement_line_words(language);
  const Locale& locale = document_locale(language);
  auto date = [&](int32_t day) { return format_date(civil_from_days(day), locale); };
  const ArLedger& l = snap.ledger;
  std::size_t k = 0, d = 0;  // cursors into the reductions and the deposits, both sorted by invoice
  for (std::size_t i = 0; i < l.invoices.size(); ++i) {
    const ArInvoice& inv = l.invoices[i];
    const std::size_t begin = k;
    while (k < l.reductions.size() && static_cast<std::size_t>(l.reductions[k].invoice) == i) ++k;
    if (inv.voided_day != kNoDay && inv.voided_day <= inv.issued_day) continue;  // never owed anything
    const std::string number(snap.invoice_number(static_cast<int32_t>(i)));
    while (d < l.deposits.size() && static_cast<std::size_t>(l.deposits[d].invoice) < i) ++d;
    std::string text = fill(w.invoice_due, {{'i', number}, {'d', date(inv.due_day)}});
    // A down payment is due on receipt, the balance on the due date (invoicing/deposits.h).
    if (d < l.deposits.size() && static_cast<std::size_t>(l.deposits[d].invoice) == i) {
      const int digits = snap.labels.currencies.at(static_cast<std::size_t>(inv.currency)).minor_digits;
      auto amount = [&](int64_t minor) { return document_number(minor, digits, language); };
      text = fill(w.deposit_due,
                  {{'i', number}, {'a', amount(l.deposits[d].amount)}, {'d', date(inv.issued_day)}});
      if (l.deposits[d].amount < inv.total)
        text +=
            fill(w.balance_due, {{'a', amount(inv.total - l.deposits[d].amount)}, {'d', date(inv.due_day)}});
    }
    out.push_back({inv.issued_day, inv.currency, StatementLineKind::Invoice, std::move(text), inv.total});
    for (std::size_t j = begin; j < k; ++j) {
      const ArReduction& r = l.reductions[j];
      if (r.kind != ReductionKind::WriteOff) continue;  // payments and credit notes are their own lines
      out.push_back(
          {r.day, inv.currency, StatementLineKind::WriteOff, fill(w.write_off, {{'i', number}}), -r.amount});
      if (inv.voided_day != kNoDay)
        out.push_back({std::max(r.day, inv.voided_day), inv.currency, StatementLineKind::WriteOffReversed,
                       fill(w.write_off_ended, {{'i', number}}), r.amount});
    }
    if (inv.voided_day != kNoDay)
      out.push_back({inv.voided_day, inv.currency, StatementLineKind::Void,
                     fill(w.void_invoice, {{'i', number}}), -inv.total});
  }
}

Problem damaged(const char* table, int64_t id, const char* column) {
  return Problem{std::string(table) + "[" + std::to_string(id) + "]." + column,
                 "is not an ISO date; the projections look damaged: run 'duebook rebuild'"};
}

}  // namespace

Result<CustomerStatement> load_customer_statement(Db& db, int64_t customer_id, const Date& from,
                                                  const Date& to, const AgingBuckets& buckets,
                                                  Language language) {
  const StatementLineWords& words = statement_line_words(language);
  Transaction read(db);  // one consistent state across the queries; nothing to commit
  ArSnapshotOptions options;
  options.customer_id = customer_id;
  Result<ArSnapshot> loaded = load_ar_snapshot(db, options);
  if (!loaded) return loaded.problems();
  const ArSnapshot& snap = loaded.value();

  StatementInput in;
  in.customer = snap.labels.customer_names.at(0);
  in.from = from;
  in.to = to;
  in.currencies = snap.labels.currencies;
  invoice_entries(snap, language, in.entries);

  Statement& payments = db.prepare(
      "SELECT id, date, amount, currency, method, reference FROM payments "
      "WHERE customer_id = ?1 AND status = 'received'");
  payments.bind(1, customer_id);
  while (payments.step()) {
    const int32_t day = stored_day(payments.text_view(1));
    if (day == kNoDay) {
      Problem p = damaged("payments", payments.int64(0), "date");
      payments.reset();
      return p;
    }
    in.entries.push_back({day, currency_in(in.currencies, payments.text_view(3)), StatementLineKind::Payment,
                          fill(words.payment, {{'n', std::to_string(payments.int64(0))}}) +
                              how(payments.text_view(4), payments.text_view(5), words),
                          -payments.int64(2)});
  }
  payments.reset();

  Statement& notes = db.prepare(
      "SELECT id, date, amount, currency, number, invoice_id, reason FROM credit_notes "
      "WHERE customer_id = ?1 AND status = 'issued'");
  notes.bind(1, customer_id);
  while (notes.step()) {
    const int32_t day = stored_day(notes.text_view(1));
    if (day == kNoDay) {
      Problem p = damaged("credit_notes", notes.int64(0), "date");
      notes.reset();
      return p;
    }
    std::string reference = fill(words.credit_note, {{'n', notes.text(4)}});
    const int32_t invoice = notes.is_null(5) ? -1 : snap.invoice_index(notes.int64(5));
    if (invoice >= 0) reference += fill(words.on_invoice, {{'i', std::string(snap.invoice_number(invoice))}});
    if (notes.text_view(6).rfind(kEarlyPaymentDiscountReason, 0) == 0) reference += words.early_discount;
    in.entries.push_back({day, currency_in(in.currencies, notes.text_view(3)), StatementLineKind::CreditNote,
                          std::move(reference), -notes.int64(2)});
  }
  notes.reset();

  Statement& refunds = db.prepare(
      "SELECT r.id, r.date, r.amount, coalesce(p.currency, c.currency), r.method, r.reference FROM refunds r "
      "LEFT JOIN payments p ON r.source_kind = 'payment' AND p.id = r.source_id "
      "LEFT JOIN credit_notes c ON r.source_kind = 'credit_note' AND c.id = r.source_id "
      "WHERE r.customer_id = ?1 AND r.reversed = 0");
  refunds.bind(1, customer_id);
  while (refunds.step()) {
    const int32_t day = stored_day(refunds.text_view(1));
    if (day == kNoDay || refunds.is_null(3)) {
      Problem p = damaged("refunds", refunds.int64(0), day == kNoDay ? "date" : "source_id");
      refunds.reset();
      return p;
    }
    in.entries.push_back({day, currency_in(in.currencies, refunds.text_view(3)), StatementLineKind::Refund,
                          std::string(words.refund) + how(refunds.text_view(4), refunds.text_view(5), words),
                          refunds.int64(2)});
  }
  refunds.reset();

  AgingOptions aging_options;
  aging_options.as_of = to;
  aging_options.buckets = buckets;
  aging_options.collect_invoices = false;
  Result<AgingReport> aging = compute_aging(snap.ledger, aging_options);
  if (!aging) return aging.problems();
  in.aging = &aging.value();
  return assemble_statement(in);
}

// ---------------------------------------------------------------------------------------------
// Renderers

namespace {

std::string amount_text(int64_t minor, const Currency& c) {
  return format_amount(minor, c.minor_digits);
}

}  // namespace

std::string statement_to_json(const CustomerStatement& st) {
  using OrderedJson = nlohmann::ordered_json;  // keys in the order written
  OrderedJson out;
  out["customer"] = st.customer;
  out["from"] = to_iso(st.from);
  out["to"] = to_iso(st.to);
  out["buckets"] = st.bucket_names;
  out["currencies"] = OrderedJson::array();
  for (const StatementSection& s : st.sections) {
    OrderedJson section;
    section["currency"] = s.currency.code;
    section["opening_balance"] = amount_text(s.opening_balance, s.currency);
    section["lines"] = OrderedJson::array();
    for (const StatementLine& l : s.lines)
      section["lines"].push_back({{"date", to_iso(l.date)},
                                  {"kind", to_string(l.kind)},
                                  {"reference", l.reference},
                                  {"amount", amount_text(l.amount, s.currency)},
                                  {"balance", amount_text(l.balance, s.currency)}});
    section["closing_balance"] = amount_text(s.closing_balance, s.currency);
    OrderedJson aging;
    aging["buckets"] = OrderedJson::array();
    for (int64_t b : s.aging.buckets) aging["buckets"].push_back(amount_text(b, s.currency));
    aging["total"] = amount_text(s.aging.total, s.currency);
    aging["unapplied_credit"] = amount_text(s.aging.unapplied_credit, s.currency);
    section["aging"] = aging;
    out["currencies"].push_back(section);
  }
  return out.dump(2, ' ', false, OrderedJson::error_handler_t::replace);
}

std::string statement_to_table(const CustomerStatement& st) {
  std::string out = "Statement for " + st.customer + ", " + to_iso(st.from) + " to " + to_iso(st.to) + "\n";
  const std::vector<Align> align{Align::Left, Align::Left, Align::Left, Align::Right, Align::Right};
  for (const StatementSection& s : st.sections) {
    std::vector<std::vector<std::string>> rows;
    rows.push_back({"Date", "Kind", "Reference", "Amount", "Balance"});
    rows.push_back({"", "", "Opening balance", "", amount_text(s.opening_balance, s.currency)});
    for (const StatementLine& l : s.lines)
      rows.push_back({to_iso(l.date), to_string(l.kind), l.reference, amount_text(l.amount, s.currency),
                      amount_text(l.balance, s.currency)});
    rows.push_back({"", "", "Closing balance", "", amount_text(s.closing_balance, s.currency)});
    out += "\n" + s.currency.code + "\n" + format_table(rows, align);
    out += "Aging at " + to_iso(st.to) + ":";
    for (std::size_t b = 0; b < s.aging.buckets.size() && b < st.bucket_names.size(); ++b)
      out += (b ? ", " : " ") + st.bucket_names[b] + " " + amount_text(s.aging.buckets[b], s.currency);
    out += "; total " + amount_text(s.aging.total, s.currency) + "; unapplied credit " +
           amount_text(s.aging.unapplied_credit, s.currency) + "\n";
  }
  return out;
}

std::string statement_to_csv(const CustomerStatement& st) {
  CsvWriter csv;
  csv.value("currency").value("date").value("kind").value("reference").value("amount").value("balance");
  csv.end_record();
  for (const StatementSection& s : st.sections) {
    const std::string& code = s.currency.code;
    csv.value(code).value(to_iso(st.from)).value("opening").value("").value("");
    csv.value(amount_text(s.opening_balance, s.currency)).end_record();
    for (const StatementLine& l : s.lines)
      csv.value(code)
          .value(to_iso(l.date))
          .value(to_string(l.kind))
          .text(l.reference)
          .value(amount_text(l.amount, s.currency))
          .value(amount_text(l.balance, s.currency))
          .end_record();
    csv.value(code).value(to_iso(st.to)).value("closing").value("").value("");
    csv.value(amount_text(s.closing_balance, s.currency)).end_record();
    // "aging:<bucket>" is one field: a bucket name is program-made ("31-60"), quoted as a whole when needed.
    for (std::size_t b = 0; b < s.aging.buckets.size() && b < st.bucket_names.size(); ++b)
      csv.value(code)
          .value(to_iso(st.to))
          .value("aging:" + st.bucket_names[b])
          .value("")
          .value(amount_text(s.aging.buckets[b], s.currency))
          .value("")
          .end_record();
    csv.value(code).value(to_iso(st.to)).value("aging:unapplied_credit").value("");
    csv.value(amount_text(s.aging.unapplied_credit, s.currency)).value("").end_record();
  }
  return csv.str();
}

}  // namespace duebook

#include "reports/customer_measures.h"

#include <map>
#include <utility>

namespace duebook {

std::vector<ArLedger> split_by_customer(const ArLedger& ledger) {
  std::vector<ArLedger> parts(static_cast<std::size_t>(ledger.customer_count));
  for (ArLedger& part : parts) {
    part.customer_count = ledger.customer_count;
    part.currency_count = ledger.currency_count;
  }
  std::vector<int32_t> renumbered(ledger.invoices.size(), 0);  // invoice index -> index in its part
  for (std::size_t i = 0; i < ledger.invoices.size(); ++i) {
    ArLedger& part = parts[static_cast<std::size_t>(ledger.invoices[i].customer)];
    renumbered[i] = static_cast<int32_t>(part.invoices.size());
    part.invoices.push_back(ledger.invoices[i]);
  }
  for (ArReduction r : ledger.reductions) {
    const std::size_t customer =
        static_cast<std::size_t>(ledger.invoices[static_cast<std::size_t>(r.invoice)].customer);
    r.invoice = renumbered[static_cast<std::size_t>(r.invoice)];
    parts[customer].reductions.push_back(r);
  }
  for (ArDeposit d : ledger.deposits) {
    const std::size_t customer =
        static_cast<std::size_t>(ledger.invoices[static_cast<std::size_t>(d.invoice)].customer);
    d.invoice = renumbered[static_cast<std::size_t>(d.invoice)];
    parts[customer].deposits.push_back(d);
  }
  for (const ArCreditMovement& m : ledger.credits)
    parts[static_cast<std::size_t>(m.customer)].credits.push_back(m);
  return parts;
}

namespace {

// DSO and CEI of one customer's ledger over [from, to] into rows keyed by currency.
Status add_window(const ArLedger& part, const Date& from, const Date& to, bool before,
                  std::map<int32_t, CustomerMeasures>& rows) {
  Result<std::vector<CurrencyDso>> dso = dso_by_currency(part, from, to);
  if (!dso) return dso.problems();
  for (const CurrencyDso& d : dso.value()) {
    CustomerMeasures& m = rows[d.currency];
    (before ? m.dso_simple_before : m.dso_simple) = d.simple;
    (before ? m.dso_countback_before : m.dso_countback) = d.countback;
    if (!before) {
      m.receivables = d.ending_receivables;
      m.credit_sales = d.credit_sales;
    }
  }
  Result<std::vector<CurrencyCei>> cei = cei_by_currency(part, from, to);
  if (!cei) return cei.problems();
  for (const CurrencyCei& c : cei.value())
    (before ? rows[c.currency].cei_before : rows[c.currency].cei) = c.cei;
  return ok_status();
}

}  // namespace

Result<std::vector<CustomerMeasures>> measures_by_customer(const ArLedger& ledger, const Date& from,
                                                           const Date& to) {
  if (to < from)
    return Problem{"to", "the period ends (" + to_iso(to) + ") before it starts (" + to_iso(from) + ")"};
  const int64_t length = days_from_civil(to) - days_from_civil(from) + 1;
  const Date before_to = add_days(from, -1), before_from = add_days(from, -length);
  Result<std::vector<CurrencyDaysLate>> late = days_late_by_currency(ledger, from, to);
  if (!late) return late.problems();
  std::vector<ArLedger> parts = split_by_customer(ledger);
  std::vector<CustomerMeasures> out;
  for (std::size_t c = 0; c < parts.size(); ++c) {
    if (parts[c].invoices.empty() && parts[c].credits.empty()) continue;
    std::map<int32_t, CustomerMeasures> rows;  // by currency index
    if (Status s = add_window(parts[c], from, to, false, rows); !s) return s.problems();
    if (Status s = add_window(parts[c], before_from, before_to, true, rows); !s) return s.problems();
    for (const CurrencyDaysLate& d : late.value()) {
      const DaysLateTrend& t = d.report.customers[c];
      if (t.current.count || t.previous.count) rows[d.currency].days_late = t;
    }
    for (auto& [currency, m] : rows) {
      m.customer = static_cast<int32_t>(c);
      m.currency = currency;
      m.days_late.customer = static_cast<int32_t>(c);
      out.push_back(std::move(m));
    }
  }
  return out;
}

}  // namespace duebook

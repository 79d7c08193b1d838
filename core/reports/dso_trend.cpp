#include "reports/dso_trend.h"

#include "reports/aging.h"

namespace duebook {
namespace {

Problem overflow_problem() {
  return Problem{"amount", "the receivables add up to more than the largest amount Duebook can hold"};
}

// One month of every currency: the open total at its end (the aging's, as ar_measures.h reads receivables)
// and the credit sales of the invoices issued in it and not voided by its end. Only what the simple DSO
// needs: the countback's walk back through the months is left out, as it would repeat for every month of the
// series.
Status fill_month(const ArLedger& ledger, int m, std::vector<CurrencyDsoSeries>& out) {
  const Date from = out.front().months[static_cast<std::size_t>(m)].from;
  const Date to = out.front().months[static_cast<std::size_t>(m)].to;
  AgingOptions options;
  options.as_of = to;
  options.buckets = AgingBuckets{{0}, {"current", "overdue"}};
  options.collect_invoices = false;
  Result<AgingReport> aging = compute_aging(ledger, options);
  if (!aging) return aging.problems();
  const int32_t first = day_number(from), last = day_number(to);
  std::vector<int64_t> sales(out.size(), 0);
  bool overflow = false;
  for (const ArInvoice& inv : ledger.invoices)
    if (inv.issued_day >= first && inv.issued_day <= last &&
        (inv.voided_day == kNoDay || inv.voided_day > last))
      overflow |= __builtin_add_overflow(sales[static_cast<std::size_t>(inv.currency)], inv.total,
                                         &sales[static_cast<std::size_t>(inv.currency)]);
  if (overflow) return overflow_problem();
  const int32_t days = last - first + 1;
  for (std::size_t c = 0; c < out.size(); ++c) {
    DsoMonth& point = out[c].months[static_cast<std::size_t>(m)];
    point.ending_receivables = c < aging->totals.size() ? aging->totals[c].total : 0;
    point.credit_sales = sales[c];
    if (sales[c] <= 0) continue;
    Result<Rational> dso = dso_simple(point.ending_receivables, sales[c], days);
    if (!dso) return dso.problems();
    point.simple = Measure{true, dso.value(), ""};
  }
  return ok_status();
}

}  // namespace

Result<std::vector<CurrencyDsoSeries>> dso_by_month(const ArLedger& ledger, const Date& to, int months) {
  if (months < 1) return Problem{"months", "ask for at least one month, not " + std::to_string(months)};
  std::vector<CurrencyDsoSeries> out(static_cast<std::size_t>(ledger.currency_count));
  for (std::size_t c = 0; c < out.size(); ++c) {
    out[c].currency = static_cast<int32_t>(c);
    out[c].months.resize(static_cast<std::size_t>(months));
    for (int m = 0; m < months; ++m) {
      const Date month = add_months(to, m - (months - 1));
      DsoMonth& point = out[c].months[static_cast<std::size_t>(m)];
      point.from = Date{month.y, month.m, 1};
      point.to = m == months - 1 ? to : end_of_month(month);
      point.simple.why = "nothing was invoiced in " + to_iso(point.from).substr(0, 7);
    }
  }
  if (out.empty()) return out;
  for (int m = 0; m < months; ++m)
    if (Status s = fill_month(ledger, m, out); !s.ok()) return s.problems();
  return out;
}

}  // namespace duebook

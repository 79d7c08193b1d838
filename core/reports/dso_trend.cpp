#include "reports/dso_trend.h"

namespace duebook {

Result<std::vector<CurrencyDsoSeries>> dso_by_month(const ArLedger& ledger, const Date& to, int months) {
  if (months < 1) return Problem{"months", "ask for at least one month, not " + std::to_string(months)};
  std::vector<CurrencyDsoSeries> out(static_cast<std::size_t>(ledger.currency_count));
  for (std::size_t c = 0; c < out.size(); ++c) {
    out[c].currency = static_cast<int32_t>(c);
    out[c].months.resize(static_cast<std::size_t>(months));
  }
  for (int m = 0; m < months; ++m) {
    const Date month = add_months(to, m - (months - 1));
    DsoMonth blank;
    blank.from = Date{month.y, month.m, 1};
    blank.to = m == months - 1 ? to : end_of_month(month);
    blank.simple.why = "nothing was invoiced in " + to_iso(blank.from).substr(0, 7);
    for (CurrencyDsoSeries& s : out) s.months[static_cast<std::size_t>(m)] = blank;
    Result<std::vector<CurrencyDso>> dso = dso_by_currency(ledger, blank.from, blank.to);
    if (!dso) return dso.problems();
    for (const CurrencyDso& d : dso.value()) {
      DsoMonth& point = out[static_cast<std::size_t>(d.currency)].months[static_cast<std::size_t>(m)];
      point.ending_receivables = d.ending_receivables;
      point.credit_sales = d.credit_sales;
      if (d.credit_sales > 0) point.simple = d.simple;
    }
  }
  return out;
}

}  // namespace duebook

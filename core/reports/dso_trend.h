// DSO month by month: the measure of ar_measures.h worked out for each calendar month of a span, so a chart
// can show whether collections are getting faster or slower. Pure, like ar_measures.h.
#pragma once

#include <cstdint>
#include <vector>

#include "base/date.h"
#include "base/result.h"
#include "reports/ar_ledger.h"
#include "reports/ar_measures.h"

namespace duebook {

// One month's DSO of one currency.
struct DsoMonth {
  Date from;                       // the month's first day
  Date to;                         // its last day (the series' end day for the newest month)
  int64_t ending_receivables = 0;  // open at `to`
  int64_t credit_sales = 0;        // invoiced in [from, to]
  Measure simple;                  // ending receivables / credit sales × days of [from, to]
};

// The months of one currency, oldest first.
struct CurrencyDsoSeries {
  int32_t currency = 0;          // dense currency index
  std::vector<DsoMonth> months;  // `months` entries, oldest first; undefined where nothing was sold
};

// The simple DSO (dso_simple) of each of the `months` calendar months ending with the month of `to`, the
// newest month cut at `to`, for every currency index of the ledger (currency_count series, each with
// `months` entries). A month without credit sales has an undefined measure saying so.
// Fails (where "months") when months < 1, and (where "amount") when a sum overflows int64; computes nothing
// then. The ledger must pass check_ar_ledger.
Result<std::vector<CurrencyDsoSeries>> dso_by_month(const ArLedger& ledger, const Date& to, int months);

}  // namespace duebook

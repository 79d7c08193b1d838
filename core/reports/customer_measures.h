// The collection measures of ar_measures.h worked out per customer: DSO (simple and countback), the CEI and
// the amount-weighted days late of each (customer, currency), over a period and over the period of the same
// length just before it, so a report can show each customer's trend. Pure: the receivables ledger in, rows
// out.
#pragma once

#include <cstdint>
#include <vector>

#include "base/date.h"
#include "base/result.h"
#include "reports/ar_ledger.h"
#include "reports/ar_measures.h"

namespace duebook {

// One customer's measures in one currency.
struct CustomerMeasures {
  int32_t customer = 0;                                         // dense customer index
  int32_t currency = 0;                                         // dense currency index
  int64_t receivables = 0;                                      // open at the end of the period
  int64_t credit_sales = 0;                                     // invoiced in the period
  Measure dso_simple, dso_countback, cei;                       // over [from, to]
  Measure dso_simple_before, dso_countback_before, cei_before;  // over the window of the same length before
  DaysLateTrend days_late;  // payments' days late in [from, to] and before (customer set, even when none)
};

// The ledger cut into one ledger per customer index, in one pass: each keeps customer_count and
// currency_count (so indices mean the same) and holds only that customer's invoices (in the same order,
// renumbered from 0), their reductions and deposits (still sorted by invoice) and its credit movements.
// No open index is built. The ledger must pass check_ar_ledger; each part then passes too.
std::vector<ArLedger> split_by_customer(const ArLedger& ledger);

// The measures of every (customer, currency) with receivables at either end of either window, sales in
// them or a payment in them, ordered by customer index then currency index. Each customer's DSO and CEI
// are those of dso_by_currency / cei_by_currency run on that customer's ledger alone; days late are
// days_late_by_currency's per customer. The previous window is [from − L, from − 1], L = to − from + 1.
// Fails (where "to") when to < from and (where "amount") when a sum overflows int64; nothing is computed
// then.
Result<std::vector<CustomerMeasures>> measures_by_customer(const ArLedger& ledger, const Date& from,
                                                           const Date& to);

}  // namespace duebook

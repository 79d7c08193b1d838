// The period measures of metrics.h worked out from the receivables ledger (ArLedger, aging.h), one
// currency at a time: DSO (simple, countback, best possible) with average days delinquent, the
// Collection Effectiveness Index, and amount-weighted days late per customer with its trend. Pure.
//
// The ledger's figures they take, all as the ledger stood on the period's last day:
//   credit sales   Σ totals of the invoices issued in the period and not voided by its end (a sale voided
//                  later was still a sale then);
//   receivables    the aging's open total on a day (compute_aging: overpaid invoices count negative);
//   current        the part of it not yet due (age ≤ 0 days past the due date);
//   payments       the Payment reductions (not credit notes or write-offs) of invoices not voided by the end,
//                  each weighed by its amount, days late = its day − the invoice's due day.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "base/date.h"
#include "base/result.h"
#include "reports/aging.h"
#include "reports/metrics.h"

namespace duebook {

// A measure that may be undefined for the data (no sales in the period, nothing collectable).
struct Measure {
  bool defined = false;  // false: `why` says what is missing
  Rational value;        // the value, when defined
  std::string why;       // why it is undefined; "" when defined
};

// DSO and its friends for one currency over a period.
struct CurrencyDso {
  int32_t currency = 0;             // dense currency index
  int64_t ending_receivables = 0;   // open at the end of the period
  int64_t ending_current = 0;       // of which not yet due
  int64_t credit_sales = 0;         // invoiced in the period
  int32_t days = 0;                 // days in the period, to − from + 1
  int32_t countback_months = 0;     // months of sales the countback had (back to the first invoice)
  Measure simple;                   // ending receivables / credit sales × days
  Measure countback;                // the receivables matched against the sales of the months before
  Measure best_possible;            // ending current / credit sales × days
  Measure average_days_delinquent;  // simple − best possible
};

// The CEI of one currency over a period.
struct CurrencyCei {
  int32_t currency = 0;  // dense currency index
  CeiInput input;        // beginning (end of the day before `from`), sales, ending total and current; N = 1
  Measure cei;           // the index in percent
};

// Days late of one currency.
struct CurrencyDaysLate {
  int32_t currency = 0;   // dense currency index
  DaysLateReport report;  // per customer index and in total, this window and the one before
};

// DSO per currency that has receivables at the end or sales in the period (by currency index). The
// countback walks calendar months back from `to` (to − 1 month + 1 .. to, then the month before it, ...)
// as far as the currency's first invoice.
// Fails (where "to") when to < from, and (where "amount") when a sum overflows int64.
Result<std::vector<CurrencyDso>> dso_by_currency(const ArLedger& ledger, const Date& from, const Date& to);

// The CEI per currency that has receivables at either end or sales in the period. Fails like
// dso_by_currency.
Result<std::vector<CurrencyCei>> cei_by_currency(const ArLedger& ledger, const Date& from, const Date& to);

// Days late per currency that has a payment in [from, to] or in the window of the same length before it
// (days_late_report). Fails like dso_by_currency.
Result<std::vector<CurrencyDaysLate>> days_late_by_currency(const ArLedger& ledger, const Date& from,
                                                            const Date& to);

}  // namespace duebook

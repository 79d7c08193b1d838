// A 13-week cash-receipts forecast from the receivables ledger as of any day, and a backtest that runs
// it as of a past day and compares it with what was actually received. Pure: ArLedger rows in (the
// same input as the aging, ar_ledger.h), weekly amounts out, per currency, in minor units.
//
// The model. Each settled invoice in the history is an outcome: paid on (settled − due) days late, or
// lost (written off) at that age. A customer's own outcomes are used when they have at least
// min_history of them, else the whole ledger's. An open invoice already `t` days past due (t < 0: not
// yet due) has, by definition, not been paid by day t, so it takes the CONDITIONAL distribution, the
// outcomes later than t alone: the empirical distribution restarted at t. (Invoices still open are not
// outcomes, so a history full of slow payers still open reads as faster than it is; the backtest shows
// how much that matters.) When the customer has no outcome that late the ledger's are used; when
// nobody has, the invoice is "beyond history" and no line expects it.
//
// The lines, per currency:
//   expected  each invoice spread over the weeks in proportion to its conditional outcomes; lost
//             outcomes go to not_collected. The main forecast.
//   low       every invoice paid at its conditional late_percentile (80th) of days late: pessimistic
//   likely    at the median (50th)
//   high      at the early_percentile (20th): optimistic
//   naive     everyone pays the full open amount on the due date; overdue invoices in week 1
// Percentiles are nearest-rank (the smallest outcome with at least P % of outcomes at or before it:
// rank ceil(P·n/100), the "nearest-rank method" of the usual percentile definitions), lost outcomes
// ranked after every payment. Because each invoice's pay day under the 20th percentile is never later
// than under the 50th, nor the 50th's later than the 80th's, the CUMULATIVE receipts obey
// low ≤ likely ≤ high in every week; single weeks need not (cash shifts between weeks).
// Scheduled receipts (installment plans, promises to pay) with a probability p: the expected line takes
// amount × p; a percentile line takes the whole amount when p ≥ its percentile (low: p ≥ 80 %, likely:
// p ≥ 50 %, high: p ≥ 20 %) — the same reading as for invoices: the low line believes only what is at
// least 80 % sure. An invoice a scheduled receipt names is left out of the statistical model: the plan
// stands for it. An invoice with a down payment (ArLedger::deposits) is modelled as two parts: the deposit's
// open part due on its issue day (on receipt, invoicing/deposits.h), the rest on its due day; reductions
// settle the deposit first. Every line accounts for every cent: Σ weeks + later + not_collected = open_total.
#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "base/date.h"
#include "base/money.h"
#include "base/result.h"
#include "reports/ar_ledger.h"
#include "reports/metrics.h"

namespace duebook {

// Weeks in the forecast: a quarter, the treasury convention of the "13-week cash flow".
inline constexpr int kForecastWeeks = 13;

// A receipt expected on a date: one installment of a payment plan, or a promise to pay.
struct ScheduledReceipt {
  int32_t customer = 0;  // dense customer index
  int32_t currency = 0;  // dense currency index
  int32_t invoice = -1;  // the invoice it pays (index in ArLedger::invoices), or -1
  int32_t made_day = 0;  // day_number it was agreed; a forecast as of an earlier day ignores it
  int32_t day = 0;       // day_number the money is expected
  int64_t amount = 0;    // minor units expected, > 0
  Decimal probability_percent{100, 0};  // chance it arrives, 0..100 percent
};

// How to forecast.
struct ForecastOptions {
  Date as_of;                      // the forecast's day: week 1 starts the day after it
  int32_t min_history = 5;         // outcomes a customer needs before their own history is used (>= 1)
  int32_t late_percentile = 80;    // the low line's percentile of days late (1..100)
  int32_t median_percentile = 50;  // the likely line's percentile
  int32_t early_percentile = 20;   // the high line's percentile
};

// One line of the forecast in minor units.
struct ForecastLine {
  std::array<int64_t, kForecastWeeks> weeks{};  // receipts of week k: as_of + 1 + 7k .. as_of + 7 + 7k
  int64_t later = 0;                            // receipts expected after the 13th week
  int64_t not_collected = 0;  // what the line never expects (losses, beyond history, unlikely)
};

// The forecast of one currency.
struct CurrencyForecast {
  ForecastLine expected;       // probability-weighted over each invoice's conditional outcomes
  ForecastLine low;            // everybody at the late percentile (cumulatively the lowest)
  ForecastLine likely;         // everybody at the median
  ForecastLine high;           // everybody at the early percentile (cumulatively the highest)
  ForecastLine naive;          // everybody on the due date
  int64_t open_total = 0;      // modelled open amounts + scheduled receipts: what each line accounts for
  int64_t beyond_history = 0;  // open amounts older than any outcome in the history (in not_collected)
  int32_t invoices = 0;        // open invoices in the statistical model
  int32_t own_history = 0;     // of which forecast from their customer's own outcomes
};

// A forecast as of one day.
struct CashForecast {
  Date as_of;                                 // the forecast's day
  std::vector<CurrencyForecast> by_currency;  // indexed by currency index (currency_count entries)
};

// The first day of week `week` (0-based): as_of + 1 + 7 × week.
Date forecast_week_start(const Date& as_of, int week);

// ---------------------------------------------------------------------------------------------
// Payment history

// The outcomes of the invoices settled by a day, per customer and ledger-wide, as sorted histograms.
struct PaymentHistory {
  // One distinct days-late value of one segment, with counts cumulated from the segment's start.
  struct Entry {
    int32_t days_late = 0;  // settled − due (issue day when there is no due date)
    int32_t paid_cum = 0;   // paid outcomes with days late ≤ this one, in the segment
    int32_t lost_cum = 0;   // lost (written-off) outcomes with days late ≤ this one
  };
  int32_t as_of_day = 0;                // outcomes settled after this day are not in it
  int32_t min_history = 5;              // outcomes a customer needs for their own segment to be used
  std::vector<Entry> entries;           // every segment's entries, by segment then days late
  std::vector<uint32_t> segment_start;  // segment s is [segment_start[s], segment_start[s + 1]); segment
                                        // c is customer c, segment customer_count the whole ledger
};

// Builds the history as of options.as_of in one pass over invoices and reductions plus a sort of the
// outcomes. An outcome is an invoice, not voided by as_of, settled on or before as_of: lost when its
// write-offs exceed its payments, paid when its payments are at least its write-offs and positive;
// invoices settled by credit notes alone say nothing about paying and are left out. The ledger must
// pass check_ar_ledger. Never fails.
PaymentHistory build_payment_history(const ArLedger& ledger, const ForecastOptions& options);

// What the history says about an invoice of `customer` due on `due_day` that is still open on the
// history's day.
struct PaymentOutlook {
  bool known = false;        // false when no outcome in the history is that late (beyond history)
  bool own_history = false;  // the customer's own outcomes were used, not the ledger's
  int32_t outcomes = 0;      // outcomes in the conditional sample
  Rational probability;      // share of them that were paid rather than lost
  Rational expected_days;    // mean days from the history's day to payment, over the paid ones (0 if none)
};

// The conditional outlook described at the top of this file. Customer must be in range (asserts).
PaymentOutlook payment_outlook(const PaymentHistory& history, int32_t customer, int32_t due_day);

// ---------------------------------------------------------------------------------------------
// Forecast and backtest

// The 13-week forecast as of options.as_of from the ledger as it stood that day: invoices issued by
// then, open amounts net of reductions dated by then (only positive ones are forecast), the history
// settled by then, and the scheduled receipts agreed by then and expected after it (those expected on
// or before as_of were either received, and so are in the ledger, or broken). Linear in the ledger
// except for one sort of the history.
// Fails (where "options.*") when a percentile is outside 1..100 or min_history < 1, and (where
// "scheduled[i].*") when a receipt's amount is not positive, its probability is outside 0..100 %, or
// an index is out of range. The ledger must pass check_ar_ledger.
Result<CashForecast> forecast_cash(const ArLedger& ledger, const std::vector<ScheduledReceipt>& scheduled,
                                   const ForecastOptions& options);

// A forecast compared with what happened, for one currency.
struct CurrencyBacktest {
  CurrencyForecast forecast;                     // what the forecast said as of the day
  std::array<int64_t, kForecastWeeks> actual{};  // payments received in each week on the invoices open
                                                 // that day (by allocation day)
  std::array<int64_t, kForecastWeeks> absolute_error{};  // |expected − actual| per week
  int64_t total_absolute_error = 0;                      // Σ absolute_error
  int64_t total_actual = 0;                              // Σ actual
  int32_t weeks_in_mape = 0;                             // weeks with actual ≠ 0, the ones MAPE averages
  bool has_mape = false;                                 // weeks_in_mape > 0
  Rational mape_percent;  // mean over those weeks of |expected − actual| / actual × 100
};

// A backtest as of one day.
struct ForecastBacktest {
  Date as_of;                                 // the day the forecast was made
  std::vector<CurrencyBacktest> by_currency;  // indexed by currency index
};

// Runs forecast_cash as of options.as_of (which must be at least 13 weeks before the ledger's last
// day for the comparison to be complete) and compares its expected line with the Payment reductions
// dated in each week on the invoices that were open that day, including those a scheduled receipt
// stood for. Each week's percentage error is rounded half-up to 10^-6 percent before averaging, so
// that the mean of up to 13 rationals stays exact. Fails as forecast_cash does.
Result<ForecastBacktest> backtest_forecast(const ArLedger& ledger,
                                           const std::vector<ScheduledReceipt>& scheduled,
                                           const ForecastOptions& options);

}  // namespace duebook

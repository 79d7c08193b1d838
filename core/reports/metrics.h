// Receivables metrics as exact rationals: DSO (simple, countback, best possible), average days
// delinquent, the Collection Effectiveness Index, amount-weighted average days late per customer with
// its trend, and the disputed and promised totals. Pure: numbers in, numbers out. No floating point in
// any computation; results are rendered to a fixed number of decimals with round_div's HalfUp, and
// to_double() exists only for drawing charts.
//
// Formulas as the Credit Research Foundation (CRF) defines them in its "Quarterly National Summary of
// Domestic Trade Receivables" (crfonline.org/survey-form, with the definitions sheet), which the common
// AR texts repeat.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "base/date.h"
#include "base/money.h"
#include "base/result.h"
#include "reports/ar_ledger.h"

namespace duebook {

// ---------------------------------------------------------------------------------------------
// Exact rationals

// num / den, always reduced, with den > 0 (the sign lives in num). Build with rational().
struct Rational {
  Int128 num = 0;  // numerator, carries the sign
  Int128 den = 1;  // denominator, > 0
};

// num / den reduced to lowest terms with a positive denominator. den must not be 0 (asserts).
Rational rational(Int128 num, Int128 den = 1);
// A decimal as a rational: {15, 1} -> 3/2.
Rational rational(Decimal value);

// Exact equality of values (both are reduced, so this compares fields).
bool operator==(const Rational& a, const Rational& b);
bool operator!=(const Rational& a, const Rational& b);

// Checked exact arithmetic. Each returns false, leaving *out unchanged, when an intermediate product
// does not fit in 127 bits (far beyond any amount of money × days), or, for division, when b is 0.
bool rational_add(Rational a, Rational b, Rational* out);
bool rational_sub(Rational a, Rational b, Rational* out);
bool rational_mul(Rational a, Rational b, Rational* out);
bool rational_div(Rational a, Rational b, Rational* out);

// Compares by value: <0, 0 or >0. Asserts when the cross products overflow (they cannot for
// rationals built from int64 amounts and day counts).
int compare(Rational a, Rational b);

// The value written with exactly `decimals` decimals (0..9), rounded once with round_div HalfUp:
// 1031/14 -> "73.64" (2), "73.6" (1); -1/8 -> "-0.13" (2). Never fails.
std::string format_rational(Rational value, int decimals);
// A fraction written as a percent: 43/54 with 2 decimals -> "79.63". Never fails.
std::string format_percent(Rational fraction, int decimals);
// The nearest double, for charts only: never feed it back into a computation.
double to_double(Rational value);

// ---------------------------------------------------------------------------------------------
// Days Sales Outstanding and friends. Amounts are minor units of one currency.

// Simple DSO = ending total receivables / credit sales of the period × days in the period (CRF).
// Fails (where "credit_sales") when credit sales are not positive, or (where "days") when days < 1.
Result<Rational> dso_simple(int64_t ending_receivables, int64_t credit_sales, int32_t days_in_period);

// One month's credit sales, for the countback DSO.
struct MonthSales {
  int64_t credit_sales = 0;  // credit sales invoiced in the month, minor units, >= 0
  int32_t days = 30;         // days counted for the month (calendar days, or 30 by convention)
};

// Countback DSO ("exhaust" or "working back" method): walk back from the newest month, subtracting
// each month's credit sales from the ending receivables and adding its days, until what is left is
// smaller than a month's sales; that month adds left / sales × its days. `months` is newest first.
// Ending receivables of 0 or less give 0 days. Fails (where "months") when a month's sales are
// negative or its days < 1, or when the receivables exceed all the sales given ("give more months").
Result<Rational> dso_countback(int64_t ending_receivables, const std::vector<MonthSales>& months);

// Best possible DSO = ending current (not yet due) receivables / credit sales × days (CRF): the DSO if
// every customer paid on the due date. Fails like dso_simple.
Result<Rational> dso_best_possible(int64_t current_receivables, int64_t credit_sales, int32_t days_in_period);

// Average days delinquent = DSO − best possible DSO = (total − current) / credit sales × days (CRF).
// Fails like dso_simple.
Result<Rational> average_days_delinquent(int64_t ending_total_receivables, int64_t ending_current_receivables,
                                         int64_t credit_sales, int32_t days_in_period);

// The inputs of the Collection Effectiveness Index.
struct CeiInput {
  int64_t beginning_receivables = 0;       // total receivables at the start of the period
  int64_t credit_sales = 0;                // credit sales invoiced during the period
  int64_t ending_total_receivables = 0;    // total receivables at the end of the period
  int64_t ending_current_receivables = 0;  // the part of those not yet due
  int32_t months = 1;                      // N: divide the sales by N for the "monthly" variant; 1 = as is
};

// CEI in percent = (beginning + sales/N − ending total) / (beginning + sales/N − ending current) × 100,
// computed exactly as (N·beginning + sales − N·ending total) × 100 / (N·beginning + sales − N·ending
// current). Fails (where "months") when N < 1, or (where "cei") when the denominator is not positive
// (nothing was collectable: the index is undefined).
Result<Rational> collection_effectiveness_index(const CeiInput& input);

// ---------------------------------------------------------------------------------------------
// Days late

// One amount paid against an invoice (an allocation, or a whole settled invoice). Amounts of one
// currency per call (weights in minor units of different currencies would not be comparable).
struct PaidAmount {
  int32_t customer = 0;  // dense customer index
  int32_t due_day = 0;   // day_number of the invoice's due date (its issue date when it has none)
  int32_t paid_day = 0;  // day_number of the payment
  int64_t amount = 0;    // minor units paid, the weight; entries with amount <= 0 are ignored
};

// The amount-weighted days late of one window.
struct DaysLate {
  Rational average;    // Σ amount × (paid − due) / Σ amount; early payments count as negative days
  int64_t amount = 0;  // Σ amount of the payments in the window
  int32_t count = 0;   // number of payments in the window
};

// One customer's (or everybody's) days late in a window and the window before it.
struct DaysLateTrend {
  int32_t customer = -1;    // dense customer index; -1 for everybody together
  DaysLate current;         // payments in [from, to]
  DaysLate previous;        // payments in the window of the same length just before `from`
  bool has_change = false;  // both windows have payments
  Rational change;          // current − previous average, in days; > 0 means paying later than before
};

// Days late per customer and in total.
struct DaysLateReport {
  std::vector<DaysLateTrend> customers;  // one per customer index, customer_count entries
  DaysLateTrend all;                     // every customer together
};

// Amount-weighted average days late over payments with paid_day in [from, to] (inclusive), per
// customer and in total, and the same over the previous window [from − L, from − 1], L = to − from + 1.
// A window without payments has amount 0 and average 0. Fails (where "window") when to < from, or
// (where "amount") when a sum overflows. Customer indices must be in 0..customer_count-1 (asserts).
Result<DaysLateReport> days_late_report(const std::vector<PaidAmount>& payments, int32_t customer_count,
                                        const Date& from, const Date& to);

// ---------------------------------------------------------------------------------------------
// Disputed and promised amounts

// What an open amount is flagged as.
enum class FlagKind : uint8_t {
  Disputed,  // the customer disputes it; collection is paused
  Promised,  // the customer promised to pay it by a date
};

// One flagged amount with the days the flag was raised and cleared.
struct FlaggedAmount {
  int32_t currency = 0;                // dense currency index
  FlagKind kind = FlagKind::Disputed;  // dispute or promise
  int32_t from_day = 0;                // day_number the flag was raised
  int32_t until_day = kNoDay;          // day_number it was resolved, kept or broken; kNoDay while active
  int64_t amount = 0;                  // minor units disputed or promised
};

// The flagged totals of one currency.
struct FlaggedTotals {
  int64_t disputed = 0;        // sum of active disputes
  int32_t disputed_count = 0;  // number of active disputes
  int64_t promised = 0;        // sum of active promises
  int32_t promised_count = 0;  // number of active promises
};

// Totals per currency index (currency_count entries) of the flags active as of `as_of`: raised on or
// before it and not cleared on or before it. Fails (where "amount") when a sum overflows.
Result<std::vector<FlaggedTotals>> flagged_totals(const std::vector<FlaggedAmount>& flags,
                                                  int32_t currency_count, const Date& as_of);

}  // namespace duebook

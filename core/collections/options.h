// What each way of collecting a set of overdue invoices costs, side by side: waiting, offering an
// early-payment discount, charging interest, factoring, and handing them to an agency. Each option
// says how much cash arrives today, how much is expected in all, when the rest is expected, and its
// effective annual cost — an exact rational, shown as a percent with two decimals. Pure.
//
// Effective annual cost is the simple-interest rate of an equivalent loan: what the option gives up,
// divided by the money it brings in early, × days per year / days earlier. This is the textbook "cost
// of trade credit" (e.g. Brigham & Houston, Fundamentals of Financial Management, ch. "Working capital
// management": nominal annual cost = discount % / (100 − discount %) × 365 / (days credit is
// outstanding − discount period); 2/10 net 30 -> 2/98 × 365/20 = 37.24 %), applied to each option:
//   discount d        d / (1 − d) × Y / T                       money today instead of in T days
//   factoring a, f    f / (a − f) × Y / T                       the fee over the usable advance, T days early
//   agency c, in T_a  c / (1 − c) × Y / (T − T_a), when T_a < T  otherwise it buys no time: no rate
//   interest r        −r                                        a return, not a cost
//   waiting           the baseline: no rate
// where T is the expected wait (from the payment history) and Y the days per year. Default risk is
// NOT in the rate (the textbook formula assumes payment); it is in the expected cash, which weighs
// every later receipt by its probability.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "base/money.h"
#include "base/result.h"
#include "reports/aging.h"
#include "reports/forecast.h"
#include "reports/metrics.h"

namespace duebook {

// The ways of collecting compared.
enum class CollectionOption {
  Wait,          // do nothing more; the customer pays as their history says
  Discount,      // offer d % off for paying today
  Interest,      // charge simple interest at r % a year until paid
  Factoring,     // sell the invoices: a % advanced today less the fee, the reserve when the customer pays
  Agency,        // hand them to a collection agency working on commission
  Installments,  // agree a plan of installments (options_endgame.h)
  Settlement,    // accept less today in full and final settlement (options_endgame.h)
};

// "wait", "discount", "interest", "factoring", "agency", "installments", "settlement".
const char* to_string(CollectionOption option);

// The overdue invoices chosen, summed up.
struct OverdueSelection {
  int64_t face = 0;           // Σ open amounts, minor units of one currency, >= 0
  Rational wait_probability;  // chance of being paid if we only wait, 0..1
  Rational wait_days;         // expected days from today until paid, if paid, >= 0
};

// The offers on the table. Percents are exact decimals ("2", "1.5").
struct CollectionTerms {
  Decimal discount_percent;           // d: taken off for paying today, 0 <= d < 100
  Decimal interest_annual_percent;    // r: simple interest per year on the overdue amount, >= 0
  Decimal factoring_advance_percent;  // a: share of face value the factor pays today, 0 < a <= 100
  Decimal
      factoring_fee_percent;  // f: the factor's fee, share of face value, taken from the advance, 0 <= f < a
  Decimal agency_commission_percent;  // c: the agency keeps this share of what it collects, 0 <= c < 100
  Decimal agency_success_percent;     // q: chance the agency collects, 0..100
  int32_t agency_days = 60;           // T_a: days the agency takes to collect, >= 0
  int32_t days_per_year = 365;        // Y: the year for annualising, > 0
};

// One option's numbers, in minor units of the selection's currency.
struct OptionCost {
  CollectionOption option = CollectionOption::Wait;  // which option
  int64_t cash_today = 0;                            // received today
  int64_t expected_cash = 0;                         // today's cash + later receipts weighted by probability
  int64_t versus_waiting = 0;                        // expected_cash − waiting's expected_cash (the extra
                                                     // interest, or what a discount or fee gives up)
  Rational expected_days;                            // expected days until the later receipts; 0 if none
  bool has_annual_cost = false;                      // false for waiting, and when no time is bought
  Rational annual_cost;                              // effective annual cost as a fraction; < 0 is a return
  std::string annual_cost_percent;  // annual_cost as a percent, 2 decimals ("37.24"); "" if none
};

// The five options, in enum order, for one selection:
//   wait       today 0; expected round(F·p); days T
//   discount   today F − round(F·d); expected the same (if the customer takes it); days 0
//   interest   today 0; expected round(F·p·(1 + r·T/Y)); days T
//   factoring  today round(F·a) − round(F·f); expected today + round((F − round(F·a))·p); days T
//              (non-recourse on the advance; the reserve comes only if the customer pays)
//   agency     today 0; expected round(F·q·(1 − c)); days T_a
// Every round() is round_div HalfUp, once, on the exact value. Rates as described at the top.
// Fails, listing every problem (where "terms.<field>" or "selection.<field>"), when a value is out of
// the range its comment gives, or (where "amount") when a product overflows.
Result<std::vector<OptionCost>> compare_collection_options(const OverdueSelection& selection,
                                                           const CollectionTerms& terms);

// Sums up chosen invoices as of options.as_of from the ledger: face = Σ open amounts (net of the
// reductions dated by then); p = Σ open·p_i / face and T = Σ open·p_i·T_i / Σ open·p_i, where p_i and
// T_i are payment_outlook()'s probability and expected days from the payment history as of that day.
// An invoice beyond history counts with p_i = 0. Fails (where "invoices[i]") on an index out of range,
// an invoice that is not open (not issued by then, voided, settled, or with nothing left to pay),
// invoices in more than one currency, or an empty list.
Result<OverdueSelection> overdue_selection(const ArLedger& ledger, const std::vector<int32_t>& invoices,
                                           const ForecastOptions& options);

}  // namespace duebook

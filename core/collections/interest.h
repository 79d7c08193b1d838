// Interest on late payment: simple daily interest over rate periods, the statutory policies (UK Late Payment
// Act, EU Late Payment Directive) and contract rates, and the UK fixed sums.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/date.h"
#include "base/money.h"
#include "base/result.h"
#include "collections/reference_rates.h"

namespace duebook {

// A payment received toward an invoice.
struct DatedPayment {
  Date date;          // the day it was received
  int64_t minor = 0;  // the amount, > 0, in the invoice's currency
};

// Σ payments dated on or before `day`.
int64_t paid_by(const std::vector<DatedPayment>& payments, const Date& day);

// An annual rate that applies from a day until the next period's first day.
struct RatePeriod {
  Date from;               // the first day the rate applies
  Decimal annual_percent;  // simple interest in percent a year, e.g. 12.25
};

// One stretch of days on which the unpaid amount and the rate were constant.
struct InterestSlice {
  Date first_day;               // first day of the stretch
  Date last_day;                // last day of the stretch (inclusive)
  int64_t days = 0;             // last_day − first_day + 1
  int64_t principal_minor = 0;  // unpaid amount on each of those days
  Decimal annual_percent;       // the rate on those days
};

// Interest accrued on one invoice.
struct InterestAccrual {
  int64_t interest_minor = 0;         // Σ slices, rounded half-up once to the minor unit
  std::vector<InterestSlice> slices;  // the stretches with a positive unpaid amount, in order
};

// Simple daily interest, actual/365: for every day d from due_date + 1 to as_of inclusive, interest
// accrues on the amount unpaid at the end of d (amount_due − payments dated on or before d; never
// below zero) at the rate in force on d (the last period whose `from` <= d). Computed per stretch of
// constant amount and rate, exactly in 128-bit integers:
//   interest = round_half_up( Σ principal × rate × days / (365 × 100) )
// Every year counts 365 days, leap years included (actual/365 "fixed", as the UK Act guidance and
// most EU transpositions use). No interest when as_of <= due_date.
// Fails (where "interest") when no period covers due_date + 1, a rate is negative or has more than
// 8 decimals, a payment is not positive, or the result does not fit in int64.
Result<InterestAccrual> accrue_simple_interest(int64_t amount_due_minor, const Date& due_date,
                                               const std::vector<DatedPayment>& payments, const Date& as_of,
                                               const std::vector<RatePeriod>& rates);

// Which law or contract sets the interest rate.
enum class InterestPolicyKind {
  Contract,       // a rate agreed in the contract
  UkLatePayment,  // Late Payment of Commercial Debts (Interest) Act 1998
  EuLatePayment,  // Directive 2011/7/EU on combating late payment in commercial transactions
};

// An interest policy as chosen on the command line or in settings.
struct InterestPolicy {
  InterestPolicyKind kind = InterestPolicyKind::Contract;  // the source of the rate
  Decimal contract_annual_percent;                         // Contract only: simple annual rate in percent
};

// Reads "contract:18" (18 % a year), "contract:18%", "contract:18/year", "contract:1.5/month" or
// "contract:1.5%/month" (a monthly rate is turned into a simple annual one by × 12: 1.5 % a month =
// 18 % a year, not the compounded 19.56 %), "uk-late-payment", "eu-late-payment".
// Case-insensitive. Fails (where "policy", quoting the text) on anything else, a contract rate that
// is negative, above 1000 % a year or has more than 6 decimals.
Result<InterestPolicy> parse_interest_policy(std::string_view text);
// "contract:18", "uk-late-payment", "eu-late-payment"; reads back with parse_interest_policy.
std::string to_string(const InterestPolicy& policy);

// UK statutory rate for a debt due on `due_date` (Late Payment of Commercial Debts (Rate of
// Interest) (No. 3) Order 2002, SI 2002/1675, art. 4 and 2): Bank Rate in force on the reference
// date + 8 %. The debt becomes late on due_date + 1 (Act s.4: interest runs from the day after the
// relevant date); the reference date is 31 December before it when that day falls in January–June,
// 30 June of its year when it falls in July–December. The rate stays FIXED for the whole life of the
// debt. Fails (where "interest") when the history has no rate on the reference date.
Result<Decimal> uk_statutory_rate(const RateHistory& boe_bank_rate, const Date& due_date);

// UK fixed sum for recovery costs, Act s.5A(2) (inserted by SI 2002/1674): £40 for a debt under
// £1,000; £70 from £1,000 up to but not including £10,000; £100 for £10,000 or more. In pence.
int64_t uk_fixed_sum_pence(int64_t debt_pence);

// EU fixed compensation for recovery costs, Directive 2011/7/EU Art. 6(1): EUR 40, in cents.
inline constexpr int64_t kEuFixedCompensationCents = 4000;

// The rate periods a policy gives for a debt due on `due_date`, covering due_date + 1 .. as_of
// (interest runs from the day after the due date: UK Act s.4, Directive 2011/7/EU Art. 3(3)(a)):
//  - Contract: the contract rate throughout.
//  - UK: uk_statutory_rate, fixed.
//  - EU: Directive 2011/7/EU Art. 2(6) "statutory interest" = reference rate + 8 percentage points,
//    simple; Art. 2(7)(a) the reference rate is the ECB's rate on its most recent main refinancing
//    operations; Art. 3(2) the reference rate for the first half of a year is the one in force on
//    1 January, for the second half the one in force on 1 July. So a delay spanning several half-
//    years gets each half-year's rate for its days (Germany's §288 BGB with the half-yearly
//    Basiszinssatz works the same way). Some transpositions (Ireland) apply the rate of the half-
//    year in which payment is made instead; this function implements the Directive's text.
// Fails (where "interest") when a needed reference rate is missing from the history.
Result<std::vector<RatePeriod>> interest_rate_periods(const InterestPolicy& policy, const Date& due_date,
                                                      const Date& as_of, const ReferenceRates& rates);

}  // namespace duebook

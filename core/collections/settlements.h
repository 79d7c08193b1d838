// The endgame of a late debt, as pure rules: an installment plan, a reduced settlement, selling
// invoices to a factor, handing a debt to a collection agency. Exact integers throughout; every
// split hands out leftover minor units by largest remainder, so nothing is lost or invented.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/date.h"
#include "base/money.h"
#include "base/result.h"

namespace duebook {

// ---------------------------------------------------------------------------------------------
// Installment plans

// How installment dates follow each other.
enum class InstallmentSpacing {
  Monthly,    // the same day each month from the first date (clamped to short months' ends)
  EveryDays,  // every `every_days` days from the first date
};

// What the user agreed with the customer.
struct InstallmentPlanRequest {
  Money balance;                                             // the amount to spread, > 0
  int count = 1;                                             // number of installments, 1..360
  Date first_due;                                            // the first installment's date
  InstallmentSpacing spacing = InstallmentSpacing::Monthly;  // how later dates follow
  int every_days = 0;                                        // EveryDays only: 1..366; 0 otherwise
};

// One installment of a plan.
struct Installment {
  int number = 0;                // 1-based
  Date due;                      // the day it is due
  Money amount;                  // this installment
  int64_t cumulative_minor = 0;  // Σ amounts of installments 1..number
};

// Splits the balance into `count` installments summing exactly to it: equal shares, the leftover
// minor units one each to the first installments (1000.00 in 3 -> 333.34, 333.33, 333.33; JPY
// 1000 in 3 -> 334, 333, 333). Monthly dates are first_due + k months, always counted from
// first_due so that a 31st stays the 31st where the month has one (31 Jan, 28/29 Feb, 31 Mar).
// Fails (where "plan.<field>") on a balance that is not positive, a count outside 1..360, or
// every_days outside 1..366 for EveryDays (or not 0 for Monthly).
Result<std::vector<Installment>> plan_installments(const InstallmentPlanRequest& request);

// Where a plan stands on a given day.
struct InstallmentStatus {
  std::optional<int> missed;    // the first installment past due + grace and not covered, if any
  bool escalate = false;        // true when one is missed: the plan has failed, resume collections
  int64_t expected_minor = 0;   // cumulative amount of installments whose grace has ended
  int64_t paid_minor = 0;       // paid toward the plan so far
  int64_t shortfall_minor = 0;  // max(expected − paid, 0)
};

// An installment is missed when as_of is after its due date + grace_days and the payments so far
// do not reach its cumulative amount (payments are applied to installments in order, so paying
// installment 2 early covers installment 1 first). Pure; never fails. grace_days >= 0 (asserts).
InstallmentStatus check_installments(const std::vector<Installment>& plan, int64_t paid_to_date_minor,
                                     const Date& as_of, int grace_days);

// ---------------------------------------------------------------------------------------------
// Reduced settlement

// The outcome of accepting less than the balance in full and final settlement.
struct ReducedSettlement {
  Money accepted;             // what the customer pays
  Money written_off;          // balance − accepted, to book as a write-off (bad-debt expense)
  std::string reason;         // why, kept with the write-off for the audit trail
  Decimal recovered_percent;  // accepted / balance × 100, rounded half-up to 2 decimals
};

// Accepts `accepted` for `balance`. Fails (where "settlement.<field>") when the currencies differ,
// the balance is not positive, accepted is not within 1 minor unit..balance, or the reason is blank.
Result<ReducedSettlement> reduced_settlement(const Money& balance, const Money& accepted,
                                             const std::string& reason);

// ---------------------------------------------------------------------------------------------
// Factoring

// How the factor charges.
enum class FactoringFeeBasis {
  Per30Days,  // fee_percent of the invoice for each 30 days or part of them until collection
  Flat,       // fee_percent of the invoice, once
};

// A factor's offer.
struct FactoringTerms {
  Decimal advance_percent;  // share of the invoice paid today, 1..100 (typically 70..90)
  Decimal fee_percent;      // the discount fee, 0..100
  FactoringFeeBasis fee_basis = FactoringFeeBasis::Per30Days;  // how the fee accrues
};

// An invoice offered to the factor.
struct FactoringInvoice {
  std::string invoice;    // the invoice number
  Money amount;           // the open amount sold, > 0
  Date expected_paid_on;  // when the debtor is expected to pay the factor (after today)
};

// What the factor pays and charges for one invoice.
struct FactoringLine {
  std::string invoice;     // the invoice number
  Money amount;            // the amount sold
  Money advance;           // paid today: amount × advance %, rounded half-up
  Money reserve;           // held back until the debtor pays: amount − advance
  int64_t days = 0;        // today .. expected_paid_on
  int periods = 1;         // Per30Days: ceil(days / 30); Flat: 1
  Money fee;               // amount × fee % × periods, rounded half-up once
  Money reserve_released;  // reserve − fee, paid when the debtor pays (negative: owed to factor)
};

// A factoring quote for a batch of invoices, all in one currency.
struct FactoringQuote {
  std::vector<FactoringLine> lines;  // in input order
  Money amount;                      // Σ amounts
  Money cash_today;                  // Σ advances
  Money reserve;                     // Σ reserves
  Money fee;                         // Σ fees: the total cost
  Money reserve_released;            // Σ reserves released later
  Decimal effective_annual_cost_bp;  // fee / cash_today annualised, in basis points (2 decimals)
};

// Quotes factoring `invoices` on `today`. The fee is taken from the reserve when the factor releases
// it. Effective annual cost = Σ fee × 365 / Σ (advance × days), the simple annual rate paid for the
// money received early, computed exactly and given in basis points rounded half-up to 0.01 bp
// (e.g. 2 % per 30 days on an 80 % advance for 30 days: 2/80 × 365/30 = 30.4166… % = 3041.67 bp).
// Fails (where "factoring.<field>") when there are no invoices, currencies differ, an amount is not
// positive, an expected payment date is not after today, or a percent is out of range.
Result<FactoringQuote> quote_factoring(const std::vector<FactoringInvoice>& invoices,
                                       const FactoringTerms& terms, const Date& today);

// ---------------------------------------------------------------------------------------------
// Collection agency

// An agency's terms.
struct AgencyTerms {
  Decimal commission_percent;                 // of what the agency recovers, 0..100
  Decimal expected_recovery_percent{100, 0};  // share of the debt expected back, 0..100
};

// What handing a debt to the agency is expected to bring back.
struct AgencyHandoff {
  Money placed;              // the debt handed over
  Money expected_recovered;  // placed × expected recovery %, rounded half-up
  Money commission;          // expected_recovered × commission %, rounded half-up
  Money expected_net;        // expected_recovered − commission: what the business keeps
};

// Fails (where "agency.<field>") when the debt is not positive or a percent is outside 0..100.
Result<AgencyHandoff> agency_handoff(const Money& placed, const AgencyTerms& terms);

}  // namespace duebook

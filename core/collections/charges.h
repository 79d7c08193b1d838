// What a late payer owes beyond the invoice — late fees, interest, fixed recovery compensation —
// and what an early payer saves (the early-payment discount). Pure functions on exact integers:
// rates are exact decimals in percent, every amount is rounded once, half-up, to the minor unit.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/date.h"
#include "base/money.h"
#include "base/result.h"
#include "customers/terms.h"

namespace duebook {

// ---------------------------------------------------------------------------------------------
// Late fees

// How large a late fee is: a flat amount (per currency) and/or a percentage of the overdue amount.
struct LateFeeRule {
  std::vector<Money> flat;  // flat fee per currency (at most one per currency); none = no flat part
  Decimal percent;          // percent of the overdue amount (e.g. 1.5); 0 = no percentage part
};

// An invoice that reached a collections step with late_fee set.
struct LateFeeCandidate {
  std::string invoice;   // the invoice number
  int step_index = 0;    // the policy step that charges the fee
  Money overdue;         // the amount overdue when the step is taken
  bool waived = false;   // the user waived this fee: it is never charged
};

// A fee that has been (or is about to be) charged, keyed by invoice and step.
struct ChargedStep {
  std::string invoice;  // the invoice number
  int step_index = 0;   // the step whose fee was charged
};

// A fee still to charge.
struct LateFeeCharge {
  std::string invoice;  // the invoice number
  int step_index = 0;   // the step that charges it
  Money fee;            // the fee, > 0, in the invoice's currency
};

// Checks a rule: a percent outside 0..100, a negative flat fee, or two flat fees in one currency.
// Problems name "late_fee.percent" / "late_fee.flat[i]". Never changes the rule.
Status validate_late_fee_rule(const LateFeeRule& rule);

// The fee on `overdue`: flat (for its currency, 0 if none) + overdue × percent / 100, the sum
// rounded half-up once. Example: flat EUR 10.00 + 1.5 % of EUR 1,234.57 = 10.00 + 18.51855
// = 28.52. Nothing is overdue when overdue <= 0: the fee is then 0. The rule must be valid
// (asserts on a negative part). Fails (where "late_fee") only when the fee does not fit in int64.
Result<int64_t> late_fee_amount(const LateFeeRule& rule, const Money& overdue);

// The fees still to charge: one per (invoice, step) among the candidates, leaving out waived ones,
// those already in `already_charged`, duplicates within `candidates` (the first one counts) and fees
// of zero. Idempotent: feeding its result back into `already_charged` and running it again returns
// nothing. Output in candidate order. Fails, charging nothing, when the rule is invalid or a fee
// overflows.
Result<std::vector<LateFeeCharge>> late_fees_to_charge(const std::vector<LateFeeCandidate>& candidates,
                                                       const std::vector<ChargedStep>& already_charged,
                                                       const LateFeeRule& rule);

// ---------------------------------------------------------------------------------------------
// Reference rates (central-bank rate histories)

// A rate that took effect on a day and stayed until the next change.
struct RateChange {
  Date effective;        // the first day the rate applied
  Decimal rate_percent;  // the rate in percent a year, e.g. 5.25
};

// A central bank's rate over time, by effective date ascending, dates unique.
struct RateHistory {
  std::vector<RateChange> changes;  // ascending by `effective`, no two on the same day
};

// Reads a history from CSV text: a header line "effective_date,rate_percent", then one
// "YYYY-MM-DD,rate" row per change, dates strictly ascending. Blank lines and lines starting with
// '#' are ignored anywhere; CRLF is accepted. Rates have at most 6 decimals and lie within
// -100..100. Fails listing every problem, each located as "file_name:row:field" (row = 1-based line
// number; field "effective_date" or "rate_percent", or no field for a malformed line): a missing
// header, a bad date or rate, a date not after the previous row's, or no rows at all.
Result<RateHistory> parse_rate_history(std::string_view csv, std::string_view file_name);

// The rate in force on `date` (the last change effective on or before it), or nullopt when the
// date is before the first change.
std::optional<Decimal> rate_in_force(const RateHistory& history, const Date& date);

// The rate tables statutory interest needs.
struct ReferenceRates {
  RateHistory boe_bank_rate;  // Bank of England Bank Rate (assets/rates/boe-base-rate.csv)
  RateHistory ecb_mro;        // ECB main refinancing operations rate (assets/rates/ecb-mro-rate.csv)
};

// ---------------------------------------------------------------------------------------------
// Interest

// A payment received toward an invoice.
struct DatedPayment {
  Date date;            // the day it was received
  int64_t minor = 0;    // the amount, > 0, in the invoice's currency
};

// An annual rate that applies from a day until the next period's first day.
struct RatePeriod {
  Date from;               // the first day the rate applies
  Decimal annual_percent;  // simple interest in percent a year, e.g. 12.25
};

// One stretch of days on which the unpaid amount and the rate were constant.
struct InterestSlice {
  Date first_day;           // first day of the stretch
  Date last_day;            // last day of the stretch (inclusive)
  int64_t days = 0;         // last_day − first_day + 1
  int64_t principal_minor = 0;  // unpaid amount on each of those days
  Decimal annual_percent;   // the rate on those days
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
                                               const std::vector<DatedPayment>& payments,
                                               const Date& as_of,
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
  Decimal contract_annual_percent;  // Contract only: simple annual rate in percent
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

// ---------------------------------------------------------------------------------------------
// The charges preview ("duebook charges preview --as-of D --policy P --format json")

// An invoice that may be late, with the payments received on it.
struct ChargeableInvoice {
  std::string invoice;                 // the invoice number
  std::string customer;                // the customer's name
  Date due_date;                       // when it fell due
  Money amount_due;                    // the amount payable on the due date (gross − credits)
  std::vector<DatedPayment> payments;  // payments received, any dates (before the due date too)
};

// What one overdue invoice would be charged.
struct ChargesPreviewRow {
  std::string invoice;                // the invoice number
  std::string customer;               // the customer's name
  CurrencyCode currency;              // the invoice's currency
  Date due_date;                      // when it fell due
  int64_t outstanding_minor = 0;      // unpaid at the end of as_of
  int64_t days_late = 0;              // as_of − due date
  Decimal annual_rate;                // the rate in force on as_of, percent a year
  int64_t interest_minor = 0;         // accrued from due + 1 to as_of inclusive
  int64_t fixed_compensation_minor = 0;  // statutory fixed sum (UK s.5A, EU Art. 6); 0 for contract
};

// Totals of one currency.
struct ChargesPreviewTotal {
  CurrencyCode currency;                  // the currency
  int invoices = 0;                       // rows counted
  int64_t outstanding_minor = 0;          // Σ outstanding
  int64_t interest_minor = 0;             // Σ interest
  int64_t fixed_compensation_minor = 0;   // Σ fixed compensation
};

// The preview: one row per overdue invoice, totals per currency, and what was left out.
struct ChargesPreview {
  Date as_of;                               // the day the preview is computed for
  InterestPolicy policy;                    // the policy used
  std::vector<ChargesPreviewRow> rows;      // by customer, then due date, then invoice
  std::vector<ChargesPreviewTotal> totals;  // by currency code
  Problems skipped;                         // invoices not priced, where = invoice number
};

// Prices every invoice with due_date < as_of and something still unpaid at the end of as_of.
// The UK policy applies to GBP debts and the EU policy to EUR debts (the fixed sums are in those
// currencies; a non-euro Member State's reference rate is its own central bank's, which is not
// bundled); other currencies are listed in `skipped`, as are invoices whose rate is missing from the
// history. Fixed compensation is based on the amount unpaid at the end of the due date. Never fails.
ChargesPreview preview_charges(const Date& as_of, const InterestPolicy& policy,
                               const std::vector<ChargeableInvoice>& invoices,
                               const ReferenceRates& rates);

// The preview as JSON: {"as_of","policy","invoices":[{"invoice","customer","currency",
// "due_date","outstanding","days_late","annual_rate","interest","fixed_compensation"}],"totals":[{"currency",
// "invoices","outstanding","interest","fixed_compensation"}],"skipped":[{"invoice","message"}]}.
// Amounts and rates are exact decimal strings ("1234.50", "12.25"), never JSON numbers.
std::string charges_preview_json(const ChargesPreview& preview);

// ---------------------------------------------------------------------------------------------
// Early-payment discount

// A payment that may earn the early-payment discount.
struct EarlyPaymentInput {
  PaymentTerms terms;         // the invoice's terms ("2/10 Net 30")
  Date invoice_date;          // the invoice's date
  int64_t gross_minor = 0;    // invoice total with tax; the discount is a percent of this
  int64_t net_minor = 0;      // the part without tax
  int64_t tax_minor = 0;      // the tax; net + tax == gross
  int64_t open_minor = 0;     // still open before this payment (gross minus earlier payments)
  Date paid_on;               // the payment's date
  int64_t paid_minor = 0;     // the payment's amount, > 0
  bool discount_reduces_tax = true;  // setting: the discount also reduces the tax charged
};

// What to book for the payment.
struct EarlyPaymentBooking {
  bool discount_taken = false;  // the payment was in time and covered the discounted amount
  int64_t applied_minor = 0;    // of the payment, applied to the invoice
  int64_t unapplied_minor = 0;  // of the payment, left over (an overpayment, kept as credit)
  int64_t discount_minor = 0;   // the discount booked as a credit on the invoice
  int64_t discount_net_minor = 0;  // of which reduces the net amount
  int64_t discount_tax_minor = 0;  // of which reduces the tax (0 unless discount_reduces_tax)
  int64_t remaining_open_minor = 0;  // open after the payment and the discount
};

// Books a payment. The discount (discount_amount(terms, gross), rounded half-up) is taken when the
// payment is dated on or before discount_deadline and covers open − discount; it then settles the
// invoice: the discount is a credit, any excess is unapplied. Otherwise the payment is applied up to
// the open amount with no discount. When the setting says the discount reduces tax, the discount is
// split between net and tax in proportion to net and tax, by largest remainder (split_by_weights),
// so the two parts always add up to the discount. Fails (where "payment.<field>") when terms are
// invalid, amounts are negative, net + tax != gross, open > gross, or the payment is not positive.
Result<EarlyPaymentBooking> book_early_payment(const EarlyPaymentInput& input);

}  // namespace duebook

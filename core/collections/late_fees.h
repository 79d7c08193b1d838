// Late fees: a flat amount and/or a percentage of what is overdue, charged once per invoice and policy step.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/date.h"
#include "base/money.h"
#include "base/result.h"

namespace duebook {

// How large a late fee is: a flat amount (per currency) and/or a percentage of the overdue amount.
struct LateFeeRule {
  std::vector<Money> flat;  // flat fee per currency (at most one per currency); none = no flat part
  Decimal percent;          // percent of the overdue amount (e.g. 1.5); 0 = no percentage part
};

// An invoice that reached a collections step with late_fee set.
struct LateFeeCandidate {
  std::string invoice;  // the invoice number
  int step_index = 0;   // the policy step that charges the fee
  Money overdue;        // the amount overdue when the step is taken
  bool waived = false;  // the user waived this fee: it is never charged
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

}  // namespace duebook

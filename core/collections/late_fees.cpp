// Late fees (late_fees.h).
#include "collections/late_fees.h"

#include <algorithm>
#include <cassert>
#include <map>
#include <set>
#include <tuple>

#include "base/currencies.h"
#include "base/text.h"

namespace duebook {

Status validate_late_fee_rule(const LateFeeRule& rule) {
  Problems problems;
  if (rule.percent.units < 0 || compare(rule.percent, Decimal{100, 0}) > 0 ||
      rule.percent.scale > kMaxRateDecimals) {
    problems.push_back({"late_fee.percent", "must be between 0 and 100 with at most " +
                                                std::to_string(kMaxRateDecimals) + " decimals"});
  }
  for (std::size_t i = 0; i < rule.flat.size(); ++i) {
    const std::string where = "late_fee.flat[" + std::to_string(i) + "]";
    if (rule.flat[i].minor < 0) problems.push_back({where, "a flat fee cannot be negative"});
    for (std::size_t k = 0; k < i; ++k) {
      if (rule.flat[k].currency == rule.flat[i].currency) {
        problems.push_back({where, "a second flat fee in " + std::string(rule.flat[i].currency.view())});
      }
    }
  }
  if (!problems.empty()) return problems;
  return ok_status();
}

Result<int64_t> late_fee_amount(const LateFeeRule& rule, const Money& overdue) {
  if (overdue.minor <= 0) return int64_t{0};
  int64_t flat = 0;
  for (const Money& m : rule.flat) {
    if (m.currency == overdue.currency) flat = m.minor;
  }
  assert(flat >= 0 && rule.percent.units >= 0 && rule.percent.scale <= kMaxRateDecimals);
  const Int128 base = static_cast<Int128>(100) * pow10(rule.percent.scale);
  const Int128 numerator =
      static_cast<Int128>(flat) * base + static_cast<Int128>(overdue.minor) * rule.percent.units;
  const Int128 fee = round_div(numerator, base, Rounding::HalfUp);
  if (!fits_int64(fee)) return Problem{"late_fee", "the late fee is too large to record"};
  return static_cast<int64_t>(fee);
}

Result<std::vector<LateFeeCharge>> late_fees_to_charge(const std::vector<LateFeeCandidate>& candidates,
                                                       const std::vector<ChargedStep>& already_charged,
                                                       const LateFeeRule& rule) {
  Status valid = validate_late_fee_rule(rule);
  if (!valid) return valid.problems();
  std::set<std::pair<std::string, int>> seen;
  for (const ChargedStep& c : already_charged) seen.insert({c.invoice, c.step_index});
  std::vector<LateFeeCharge> out;
  for (const LateFeeCandidate& c : candidates) {
    if (c.waived) continue;
    if (!seen.insert({c.invoice, c.step_index}).second) continue;
    Result<int64_t> fee = late_fee_amount(rule, c.overdue);
    if (!fee) return Problem{"late_fee", c.invoice + ": " + fee.problems().front().message};
    if (*fee > 0) out.push_back({c.invoice, c.step_index, Money{*fee, c.overdue.currency}});
  }
  return out;
}

}  // namespace duebook

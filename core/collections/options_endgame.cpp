#include "collections/options_endgame.h"

namespace duebook {
namespace {

// A rational amount rounded to whole minor units with round_div HalfUp; false when it leaves int64.
bool to_minor(Rational amount, int64_t* out) {
  const Int128 rounded = round_div(amount.num, amount.den, Rounding::HalfUp);
  if (!fits_int64(rounded)) return false;
  *out = static_cast<int64_t>(rounded);
  return true;
}

}  // namespace

Result<InstallmentsOption> installments_option(const OverdueSelection& selection, CurrencyCode currency,
                                               const InstallmentsTerms& terms, const Date& today,
                                               int64_t wait_expected_cash) {
  Problems problems;
  const Decimal kept = terms.kept_percent;
  if (kept.scale < 0 || kept.scale > 16 || compare(kept, Decimal{0, 0}) < 0 ||
      compare(kept, Decimal{100, 0}) > 0)
    problems.push_back({"terms.kept_percent", to_string(kept) + " % is out of range (from 0 to 100 %)"});
  if (terms.first_due < today)
    problems.push_back({"terms.first_due", "the first installment cannot be before " + to_iso(today)});
  InstallmentPlanRequest request;
  request.balance = Money{selection.face, currency};
  request.count = terms.count;
  request.first_due = terms.first_due;
  request.spacing = terms.spacing;
  request.every_days = terms.every_days;
  Result<std::vector<Installment>> plan = plan_installments(request);
  if (!plan) problems.insert(problems.end(), plan.problems().begin(), plan.problems().end());
  if (!problems.empty()) return problems;

  InstallmentsOption out;
  out.installments = plan.value();
  OptionCost& cost = out.cost;
  cost.option = CollectionOption::Installments;
  Int128 weighted_days = 0;  // Σ amount_i × days_i; amounts ≤ face (int64) and days < 2^20: fits
  for (const Installment& i : out.installments) {
    const int64_t days = days_between(today, i.due);
    if (days == 0) cost.cash_today += i.amount.minor;
    weighted_days += Int128{i.amount.minor} * days;
  }
  cost.expected_days = rational(weighted_days, selection.face);
  Rational expected;
  bool fits = rational_mul(rational(selection.face), rational(rational(kept).num, rational(kept).den * 100),
                           &expected) &&
              to_minor(expected, &cost.expected_cash) &&
              !__builtin_sub_overflow(cost.expected_cash, wait_expected_cash, &cost.versus_waiting);
  if (!fits) return Problem{"amount", "the amounts are too large to compare exactly"};
  return out;
}

Result<OptionCost> settlement_option(const OverdueSelection& selection, int64_t accepted,
                                     int32_t days_per_year, int64_t wait_expected_cash) {
  Problems problems;
  if (accepted <= 0 || accepted >= selection.face)
    problems.push_back({"terms.accepted", "the amount accepted must be more than 0 and less than the " +
                                              std::string("amount owed")});
  if (days_per_year < 1) problems.push_back({"terms.days_per_year", "must be at least 1"});
  if (!problems.empty()) return problems;
  OptionCost cost;
  cost.option = CollectionOption::Settlement;
  cost.cash_today = accepted;
  cost.expected_cash = accepted;
  cost.expected_days = rational(0);
  if (__builtin_sub_overflow(accepted, wait_expected_cash, &cost.versus_waiting))
    return Problem{"amount", "the amounts are too large to compare exactly"};
  if (selection.wait_days.num > 0) {
    // (F − A) / A × Y / T, exact.
    Rational share, per_day, rate;
    if (!rational_div(rational(Int128{selection.face} - accepted), rational(accepted), &share) ||
        !rational_div(rational(days_per_year), selection.wait_days, &per_day) ||
        !rational_mul(share, per_day, &rate))
      return Problem{"amount", "the amounts are too large to compare exactly"};
    cost.has_annual_cost = true;
    cost.annual_cost = rate;
    cost.annual_cost_percent = format_percent(rate, 2);
  }
  return cost;
}

Result<Decimal> option_interest_percent(const InterestPolicy& policy, const Date& earliest_due,
                                        const Date& as_of, const ReferenceRates& rates) {
  if (policy.kind == InterestPolicyKind::Contract) return policy.contract_annual_percent;
  Result<std::vector<RatePeriod>> periods = interest_rate_periods(policy, earliest_due, as_of, rates);
  if (!periods) return periods.problems();
  if (periods->empty()) return Problem{"interest", "no rate is in force on " + to_iso(as_of)};
  return periods->back().annual_percent;
}

}  // namespace duebook

// Installments and settling for less priced beside the other options (core/collections/options_endgame.h),
// and the interest rate the interest option compares with, against worked examples.
#include <doctest/doctest.h>

#include "collections/options_endgame.h"

using namespace duebook;

namespace {

Date d(const char* iso) {
  return *parse_date(iso);
}

// 1,000.00 overdue, paid with probability 3/4 in 20 days if we wait: waiting expects 750.00.
OverdueSelection selection() {
  return OverdueSelection{100000, rational(3, 4), rational(20)};
}

}  // namespace

TEST_CASE("options: settling for less, worked examples") {
  // Source: the cost of trade credit (Brigham & Houston, "Working capital management") with the
  // discount d = (F − A) / F: d / (1 − d) × Y / T = (F − A) / A × Y / T.
  struct Case {
    int64_t accepted;
    int64_t versus_waiting;
    const char* annual_cost;
    const char* source;
  };
  const Case cases[] = {
      // 900.00 for 1,000.00: 100/900 × 365/20 = 2.02777… = 202.78 %; 900.00 − 750.00 = +150.00.
      {90000, 15000, "202.78", "100/900 × 365/20"},
      // 500.00: 500/500 × 365/20 = 18.25 = 1825.00 %; 500.00 − 750.00 = −250.00.
      {50000, -25000, "1825.00", "500/500 × 365/20"},
      // 999.99: 0.01/999.99 × 365/20 = 0.000182501… = 0.02 %.
      {99999, 24999, "0.02", "1/99999 × 365/20"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.source);
    Result<OptionCost> cost = settlement_option(selection(), c.accepted, 365, 75000);
    REQUIRE(cost);
    CHECK(cost->option == CollectionOption::Settlement);
    CHECK(cost->cash_today == c.accepted);
    CHECK(cost->expected_cash == c.accepted);
    CHECK(cost->versus_waiting == c.versus_waiting);
    CHECK(cost->expected_days == rational(0));
    CHECK(cost->annual_cost_percent == c.annual_cost);
  }
  // No wait to buy back (T = 0): no rate.
  OverdueSelection now = selection();
  now.wait_days = rational(0);
  Result<OptionCost> at_once = settlement_option(now, 90000, 365, 75000);
  REQUIRE(at_once);
  CHECK_FALSE(at_once->has_annual_cost);
  CHECK(at_once->annual_cost_percent.empty());
}

TEST_CASE("options: settling for less refuses an amount that is not less than owed") {
  for (int64_t accepted : {int64_t{0}, int64_t{-1}, int64_t{100000}, int64_t{100001}}) {
    CAPTURE(accepted);
    Result<OptionCost> cost = settlement_option(selection(), accepted, 365, 75000);
    REQUIRE_FALSE(cost);
    CHECK(cost.problems()[0].where == "terms.accepted");
  }
  CHECK(settlement_option(selection(), 90000, 0, 75000).problems()[0].where == "terms.days_per_year");
}

TEST_CASE("options: installments, worked examples") {
  // 1,000.00 in 3 monthly installments from 2026-07-31 as of 2026-07-01: plan_installments gives 333.34,
  // 333.33, 333.33 on 07-31, 08-31, 09-30 (30, 61 and 91 days on). Expected days =
  // (33334×30 + 33333×61 + 33333×91) / 100000 = 6066636/100000 = 60.66636.
  InstallmentsTerms terms;
  terms.count = 3;
  terms.first_due = d("2026-07-31");
  Result<InstallmentsOption> plan =
      installments_option(selection(), *parse_currency_code("EUR"), terms, d("2026-07-01"), 75000);
  REQUIRE(plan);
  REQUIRE(plan->installments.size() == 3);
  CHECK(plan->installments[0].amount.minor == 33334);
  CHECK(plan->installments[2].due == d("2026-09-30"));
  CHECK(plan->installments[2].cumulative_minor == 100000);  // the amounts sum exactly to the face
  CHECK(plan->cost.option == CollectionOption::Installments);
  CHECK(plan->cost.cash_today == 0);
  CHECK(plan->cost.expected_cash == 100000);  // kept for sure (100 %)
  CHECK(plan->cost.versus_waiting == 25000);
  CHECK(plan->cost.expected_days == rational(6066636, 100000));
  CHECK_FALSE(plan->cost.has_annual_cost);

  // Kept with 2/3 chance (66.67 %): round(100000 × 0.6667) = 66670; the first installment due today is cash
  // today: 4 every 10 days from 2026-07-01 -> 250.00 on days 0, 10, 20, 30: mean 15 days.
  terms.kept_percent = *parse_decimal("66.67");
  terms.count = 4;
  terms.first_due = d("2026-07-01");
  terms.spacing = InstallmentSpacing::EveryDays;
  terms.every_days = 10;
  plan = installments_option(selection(), *parse_currency_code("EUR"), terms, d("2026-07-01"), 75000);
  REQUIRE(plan);
  CHECK(plan->cost.cash_today == 25000);
  CHECK(plan->cost.expected_cash == 66670);
  CHECK(plan->cost.versus_waiting == -8330);
  CHECK(plan->cost.expected_days == rational(15));
}

TEST_CASE("options: installments refuse what the plan refuses, and a bad chance or start") {
  InstallmentsTerms terms;
  terms.first_due = d("2026-06-30");
  terms.count = 0;
  terms.kept_percent = *parse_decimal("101");
  Result<InstallmentsOption> plan =
      installments_option(selection(), *parse_currency_code("EUR"), terms, d("2026-07-01"), 75000);
  REQUIRE_FALSE(plan);
  std::vector<std::string> where;
  for (const Problem& p : plan.problems()) where.push_back(p.where);
  CHECK(where == std::vector<std::string>{"terms.kept_percent", "terms.first_due", "plan.count"});
}

TEST_CASE("options: the interest rate compared with") {
  // A contract rate is itself.
  InterestPolicy contract{InterestPolicyKind::Contract, *parse_decimal("8")};
  CHECK(to_string(*option_interest_percent(contract, d("2026-01-31"), d("2026-06-30"),
                                           builtin_reference_rates())) == "8");
  // EU: the ECB main refinancing rate of the half-year's first calendar day + 8 points (Directive 2011/7/EU
  // Art. 2(6)); it is the same rate interest_rate_periods gives for that day.
  InterestPolicy eu = *parse_interest_policy("eu-late-payment");
  Result<std::vector<RatePeriod>> periods =
      interest_rate_periods(eu, d("2026-01-31"), d("2026-06-30"), builtin_reference_rates());
  REQUIRE(periods);
  Result<Decimal> rate =
      option_interest_percent(eu, d("2026-01-31"), d("2026-06-30"), builtin_reference_rates());
  REQUIRE(rate);
  CHECK(compare(*rate, periods->back().annual_percent) == 0);
  CHECK(compare(*rate, Decimal{8, 0}) > 0);
}

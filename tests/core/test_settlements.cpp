// Installment plans, missed installments, reduced settlements, factoring quotes, agency hand-off.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "collections/settlements.h"

using namespace duebook;

namespace {

Date d(int y, int m, int day) {
  return Date{y, m, day};
}
Decimal dec(const char* text) {
  return *parse_decimal(text);
}
Money money(int64_t minor, const char* code) {
  return Money{minor, *parse_currency_code(code)};
}

bool mentions(const Problems& problems, const std::string& where) {
  for (const Problem& p : problems) {
    if (p.where == where) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("installment amounts sum exactly; the first installments take the leftover minor units") {
  // Largest remainder with ties to the earliest share (money.h split_evenly):
  //   USD 1,000.00 / 3 = 333.333… -> 333.34, 333.33, 333.33 (100000 = 33334 + 33333 + 33333)
  //   JPY 1,000 / 3 (0 decimals) -> 334, 333, 333
  //   BHD 100.000 / 7 (3 decimals) = 14.285714… -> five × 14.286 and two × 14.285 (100000 = 7 × 14285 + 5)
  //   EUR 0.05 / 7 -> 0.01 × 5, then 0.00 × 2
  struct Case {
    int64_t balance;
    const char* currency;
    int count;
    std::vector<int64_t> amounts;
  };
  const Case cases[] = {
      {100000, "USD", 3, {33334, 33333, 33333}},
      {1000, "JPY", 3, {334, 333, 333}},
      {100000, "BHD", 7, {14286, 14286, 14286, 14286, 14286, 14285, 14285}},
      {5, "EUR", 7, {1, 1, 1, 1, 1, 0, 0}},
      {123456, "EUR", 1, {123456}},
  };
  for (const Case& c : cases) {
    CAPTURE(c.currency);
    CAPTURE(c.count);
    InstallmentPlanRequest r;
    r.balance = money(c.balance, c.currency);
    r.count = c.count;
    r.first_due = d(2026, 4, 1);
    Result<std::vector<Installment>> plan = plan_installments(r);
    REQUIRE_MESSAGE(plan.ok(), describe(plan.problems()));
    REQUIRE(plan->size() == c.amounts.size());
    int64_t sum = 0;
    for (std::size_t i = 0; i < plan->size(); ++i) {
      CHECK((*plan)[i].number == static_cast<int>(i) + 1);
      CHECK((*plan)[i].amount == money(c.amounts[i], c.currency));
      sum += (*plan)[i].amount.minor;
      CHECK((*plan)[i].cumulative_minor == sum);
    }
    CHECK(sum == c.balance);
  }
}

TEST_CASE("installment dates: monthly from the first date (end-of-month clamped) or every K days") {
  InstallmentPlanRequest monthly;
  monthly.balance = money(100000, "USD");
  monthly.count = 4;
  monthly.first_due = d(2026, 1, 31);
  // Counted from the first date each time, so 31 Jan -> 28 Feb -> 31 Mar -> 30 Apr (not 28 Mar).
  const Date expected_monthly[] = {d(2026, 1, 31), d(2026, 2, 28), d(2026, 3, 31), d(2026, 4, 30)};
  Result<std::vector<Installment>> m = plan_installments(monthly);
  REQUIRE(m.ok());
  for (std::size_t i = 0; i < 4; ++i) CHECK((*m)[i].due == expected_monthly[i]);

  InstallmentPlanRequest fortnightly = monthly;
  fortnightly.spacing = InstallmentSpacing::EveryDays;
  fortnightly.every_days = 14;
  fortnightly.first_due = d(2026, 2, 20);
  const Date expected_days[] = {d(2026, 2, 20), d(2026, 3, 6), d(2026, 3, 20), d(2026, 4, 3)};
  Result<std::vector<Installment>> f = plan_installments(fortnightly);
  REQUIRE(f.ok());
  for (std::size_t i = 0; i < 4; ++i) CHECK((*f)[i].due == expected_days[i]);

  InstallmentPlanRequest bad;
  bad.balance = money(0, "USD");
  bad.count = 0;
  bad.spacing = InstallmentSpacing::EveryDays;
  bad.every_days = 0;
  Result<std::vector<Installment>> r = plan_installments(bad);
  REQUIRE_FALSE(r.ok());
  CHECK(mentions(r.problems(), "plan.balance"));
  CHECK(mentions(r.problems(), "plan.count"));
  CHECK(mentions(r.problems(), "plan.every_days"));
}

TEST_CASE("a missed installment: past its date + grace with its cumulative amount unpaid -> escalate") {
  // Plan: USD 1,000.00 in 3 monthly from 2026-01-31 -> 333.34 (01-31), 333.33 (02-28), 333.33 (03-31);
  // cumulative 33334, 66667, 100000. Grace 5 days.
  InstallmentPlanRequest r;
  r.balance = money(100000, "USD");
  r.count = 3;
  r.first_due = d(2026, 1, 31);
  const std::vector<Installment> plan = *plan_installments(r);
  struct Case {
    const char* why;
    Date as_of;
    int64_t paid;
    std::optional<int> missed;
    int64_t expected;
    int64_t shortfall;
  };
  const Case cases[] = {
      {"last day of grace for #1 (01-31 + 5 = 02-05): not missed yet", d(2026, 2, 5), 0, std::nullopt, 0, 0},
      {"the day after: #1 missed", d(2026, 2, 6), 0, 1, 33334, 33334},
      {"one cent short of #1", d(2026, 2, 6), 33333, 1, 33334, 1},
      {"#1 paid; #2 in its grace (02-28 + 5 = 03-05)", d(2026, 3, 5), 33334, std::nullopt, 33334, 0},
      {"#2 unpaid after its grace", d(2026, 3, 6), 33334, 2, 66667, 33333},
      {"paid ahead: #1 and #2 covered by one payment", d(2026, 3, 6), 66667, std::nullopt, 66667, 0},
      {"all paid, long after", d(2026, 12, 31), 100000, std::nullopt, 100000, 0},
  };
  for (const Case& c : cases) {
    CAPTURE(c.why);
    const InstallmentStatus s = check_installments(plan, c.paid, c.as_of, 5);
    CHECK(s.missed == c.missed);
    CHECK(s.escalate == c.missed.has_value());
    CHECK(s.expected_minor == c.expected);
    CHECK(s.shortfall_minor == c.shortfall);
  }
}

TEST_CASE("reduced settlement: accept less, write off the rest with a reason") {
  // 1,200.00 settled for 900.00: write off 300.00; recovered 900 / 1200 = 75.00 %.
  Result<ReducedSettlement> s =
      reduced_settlement(money(120000, "EUR"), money(90000, "EUR"),
                         "Customer in administration; 75 % offered by the administrator");
  REQUIRE(s.ok());
  CHECK(s->written_off == money(30000, "EUR"));
  CHECK(s->recovered_percent == dec("75.00"));
  // 333.33 of 1,000.00 = 33.333 % -> 33.33 (half-up at 2 decimals).
  CHECK(reduced_settlement(money(100000, "EUR"), money(33333, "EUR"), "hardship")->recovered_percent ==
        dec("33.33"));
  Result<ReducedSettlement> bad = reduced_settlement(money(100, "EUR"), money(200, "USD"), "  ");
  REQUIRE_FALSE(bad.ok());
  CHECK(mentions(bad.problems(), "settlement.accepted"));
  CHECK(mentions(bad.problems(), "settlement.reason"));
}

TEST_CASE("factoring: cash today, reserve released later, total cost and effective annual cost") {
  // EUR 1,000.00, 80 % advance, 2 % per 30 days, paid in 30 days:
  //   advance 800.00, reserve 200.00, fee 2 % × 1 period = 20.00, released 180.00;
  //   effective annual cost = 20 / 800 × 365 / 30 = 30.41666… % = 3041.67 bp.
  // Same invoice paid in 45 days: 2 periods (30 + part), fee 40.00, released 160.00;
  //   40 / 800 × 365 / 45 = 40.5555… % = 4055.56 bp.
  struct Case {
    int days;
    int periods;
    int64_t fee;
    const char* bp;
  };
  const Case cases[] = {{30, 1, 2000, "3041.67"}, {45, 2, 4000, "4055.56"}, {1, 1, 2000, "91250.00"}};
  for (const Case& c : cases) {
    CAPTURE(c.days);
    const FactoringTerms t{dec("80"), dec("2"), FactoringFeeBasis::Per30Days};
    Result<FactoringQuote> q =
        quote_factoring({{"INV-9", money(100000, "EUR"), add_days(d(2026, 3, 1), c.days)}}, t, d(2026, 3, 1));
    REQUIRE_MESSAGE(q.ok(), describe(q.problems()));
    CHECK(q->cash_today == money(80000, "EUR"));
    CHECK(q->reserve == money(20000, "EUR"));
    CHECK(q->lines[0].periods == c.periods);
    CHECK(q->fee == money(c.fee, "EUR"));
    CHECK(q->reserve_released == money(20000 - c.fee, "EUR"));
    CHECK(q->effective_annual_cost_bp == dec(c.bp));
  }
  // Flat 3 % on two invoices (1,000.00 in 60 days, 500.55 in 30 days), 85 % advance:
  //   advances 850.00 + 425.47 (500.55 × 0.85 = 425.4675 -> 425.47); fees 30.00 + 15.02 (15.0165);
  //   cost 45.02 × 365 / (850.00 × 60 + 425.47 × 30) = 16432.3 / 63764.1 = 25.770457… % = 2577.05 bp.
  const FactoringTerms flat{dec("85"), dec("3"), FactoringFeeBasis::Flat};
  Result<FactoringQuote> q = quote_factoring(
      {{"A", money(100000, "EUR"), d(2026, 4, 30)}, {"B", money(50055, "EUR"), d(2026, 3, 31)}}, flat,
      d(2026, 3, 1));
  REQUIRE(q.ok());
  CHECK(q->lines[1].advance == money(42547, "EUR"));
  CHECK(q->lines[1].fee == money(1502, "EUR"));
  CHECK(q->cash_today == money(127547, "EUR"));
  CHECK(q->fee == money(4502, "EUR"));
  CHECK(q->amount.minor == q->cash_today.minor + q->reserve.minor);
  CHECK(q->effective_annual_cost_bp == dec("2577.05"));

  Result<FactoringQuote> bad =
      quote_factoring({{"A", money(100, "EUR"), d(2026, 3, 1)}, {"B", money(100, "USD"), d(2026, 4, 1)}},
                      FactoringTerms{dec("0"), dec("101"), FactoringFeeBasis::Flat}, d(2026, 3, 1));
  REQUIRE_FALSE(bad.ok());
  CHECK(mentions(bad.problems(), "factoring.advance_percent"));
  CHECK(mentions(bad.problems(), "factoring.fee_percent"));
  CHECK(mentions(bad.problems(), "factoring.invoices[0].expected_paid_on"));
  CHECK(mentions(bad.problems(), "factoring.invoices[1].amount"));
}

TEST_CASE("agency hand-off: expected net recovery after commission") {
  struct Case {
    int64_t placed;
    const char* commission;
    const char* recovery;
    int64_t recovered, fee, net;
    const char* why;
  };
  const Case cases[] = {
      {200000, "25", "100", 200000, 50000, 150000, "2,000.00 × 25 % = 500.00 commission, 1,500.00 net"},
      {200000, "25", "60", 120000, 30000, 90000,
       "60 % expected back: 1,200.00, commission 300.00, net 900.00"},
      {33333, "25", "100", 33333, 8333, 25000, "333.33 × 25 % = 83.3325 -> 83.33, net 250.00"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.why);
    Result<AgencyHandoff> h =
        agency_handoff(money(c.placed, "GBP"), AgencyTerms{dec(c.commission), dec(c.recovery)});
    REQUIRE(h.ok());
    CHECK(h->expected_recovered.minor == c.recovered);
    CHECK(h->commission.minor == c.fee);
    CHECK(h->expected_net.minor == c.net);
  }
  CHECK_FALSE(agency_handoff(money(0, "GBP"), AgencyTerms{dec("25"), dec("100")}).ok());
  CHECK_FALSE(agency_handoff(money(100, "GBP"), AgencyTerms{dec("125"), dec("100")}).ok());
}

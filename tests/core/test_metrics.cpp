// Receivables metrics (core/metrics.h) against published worked examples, with the arithmetic
// written out so that every expected value can be checked by hand.
#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "reports/metrics.h"
#include "test_support.h"

using namespace duebook;

TEST_CASE("metrics: rationals are written with half-up rounding, once") {
  // Rounding: round_div HalfUp (ties away from zero, EN 16931 / EU 1103/97, as money.h documents).
  struct Case {
    Int128 num, den;
    int decimals;
    const char* text;
  };
  const Case cases[] = {
      {516, 7, 2, "73.71"},  // 73.714285…
      {516, 7, 1, "73.7"},
      {1031, 14, 2, "73.64"},  // 73.642857…
      {-1, 8, 2, "-0.13"},     // −0.125: the tie goes away from zero
      {1, 8, 2, "0.13"},
      {2, 3, 2, "0.67"},
      {999, 1000, 2, "1.00"},  // the rounding carries into the whole part
      {-1, 1000, 2, "0.00"},   // no "-0.00"
      {0, 5, 1, "0.0"},
      {7, 2, 0, "4"},     // 3.5 -> 4
      {-15, 2, 0, "-8"},  // −7.5 -> −8
      {123456789, 1, 2, "123456789.00"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    CHECK(format_rational(rational(c.num, c.den), c.decimals) == c.text);
  }
  CHECK(format_percent(rational(43, 54), 2) == "79.63");
  CHECK(rational(6, -4) == Rational{-3, 2});
  CHECK(rational(Decimal{150, 2}) == Rational{3, 2});
  CHECK(compare(rational(1, 3), rational(33, 100)) > 0);
  Rational sum;
  REQUIRE(rational_add(rational(1, 6), rational(1, 3), &sum));
  CHECK(sum == Rational{1, 2});
  CHECK(to_double(rational(1, 4)) == 0.25);
  Rational out;
  CHECK(!rational_div(rational(1), rational(0), &out));
}

TEST_CASE("metrics: simple DSO = ending receivables / credit sales × days") {
  // Formula: Credit Research Foundation (Quarterly National Summary of Domestic Trade Receivables:
  // DSO = ending total receivables × days in period / credit sales of the period).
  struct Case {
    const char* source;
    int64_t receivables, sales;
    int32_t days;
    const char *two, *one;  // expected with 2 and 1 decimals
  };
  const Case cases[] = {
      // trymesha.com, "The 2 DSO Calculation Formulas: Simple vs Countback Method Explained":
      // $150,000 / $1,800,000 × 365 = 54,750,000 / 1,800,000 = 30.41666… -> 30.4 days.
      {"trymesha annual example", 15000000, 180000000, 365, "30.42", "30.4"},
      // A quarter: $212,000 / $250,000 × 91 = 19,292,000 / 250,000 = 77.168.
      {"quarter of 91 days", 21200000, 25000000, 91, "77.17", "77.2"},
      // A credit balance gives a negative DSO rather than a failure: −10 / 100 × 30 = −3.
      {"credit balance", -1000, 10000, 30, "-3.00", "-3.0"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.source);
    Result<Rational> dso = dso_simple(c.receivables, c.sales, c.days);
    REQUIRE(dso.ok());
    CHECK(format_rational(*dso, 2) == c.two);
    CHECK(format_rational(*dso, 1) == c.one);
  }
  CHECK(dso_simple(100, 0, 30).problems()[0].where == "credit_sales");
  CHECK(dso_simple(100, 100, 0).problems()[0].where == "days");
}

TEST_CASE("metrics: countback DSO walks back month by month") {
  // Method: the countback ("exhaust", "working back") DSO as described by the Credit Research
  // Foundation and in Credit Today's "Why you should switch to the countback method": subtract each
  // month's sales from the ending receivables, newest first, counting the month's days, until the
  // rest is smaller than a month's sales; that month counts rest / sales × its days.
  struct Case {
    const char* source;
    int64_t receivables;
    std::vector<MonthSales> months;  // newest first
    Rational expected;
    const char* text;  // 2 decimals
  };
  // clang-format off
  const Case cases[] = {
      // Benji Pays, "Mastering DSO Calculation: The Count-Back Method Explained" (and trymesha.com's
      // 73.7 days): receivables $212,000; sales month 3 $100,000, month 2 $80,000, month 1 $70,000;
      // 30-day months. 212,000 − 100,000 = 112,000 (30 days); − 80,000 = 32,000 (60 days);
      // 32,000 / 70,000 × 30 = 13.714…; DSO = (60 × 70,000 + 32,000 × 30) / 70,000 = 516/7 = 73.71.
      {"Benji Pays example", 21200000, {{10000000, 30}, {8000000, 30}, {7000000, 30}}, Rational{516, 7}, "73.71"},
      // The same with calendar days, March 31, February 28, January 31:
      // 31 + 28 + 32,000 / 70,000 × 31 = 59 + 14.1714… = (59 × 70,000 + 32,000 × 31) / 70,000 = 2561/35.
      {"calendar months", 21200000, {{10000000, 31}, {8000000, 28}, {7000000, 31}}, Rational{2561, 35}, "73.17"},
      // Receivables exactly one month's sales: exactly that month's days.
      {"exactly one month", 10000000, {{10000000, 31}, {8000000, 28}}, Rational{31, 1}, "31.00"},
      // Less than the newest month: 25,000 / 100,000 × 31 = 7.75.
      {"part of the newest month", 2500000, {{10000000, 31}}, Rational{31, 4}, "7.75"},
      // A month without sales counts whole: 30 + 50,000 / 100,000 × 31 = 45.5.
      {"a month without sales", 5000000, {{0, 30}, {10000000, 31}}, Rational{91, 2}, "45.50"},
      {"nothing owed", 0, {{10000000, 31}}, Rational{0, 1}, "0.00"},
  };
  // clang-format on
  for (const Case& c : cases) {
    CAPTURE(c.source);
    Result<Rational> dso = dso_countback(c.receivables, c.months);
    REQUIRE_MESSAGE(dso.ok(), describe(dso.problems()));
    CHECK(*dso == c.expected);
    CHECK(format_rational(*dso, 2) == c.text);
  }
  Result<Rational> exhausted = dso_countback(30000000, {{10000000, 30}, {8000000, 30}});
  REQUIRE(!exhausted.ok());
  CHECK(exhausted.problems()[0].where == "months");
  CHECK(!dso_countback(100, {{-5, 30}}).ok());
  CHECK(!dso_countback(100, {{500, 0}}).ok());
}

TEST_CASE("metrics: best possible DSO and average days delinquent") {
  // Formulas: Credit Research Foundation — Best Possible DSO = ending current receivables × days /
  // credit sales; Average Days Delinquent = DSO − Best Possible DSO.
  // Worked example (a quarter of 91 days): credit sales 300,000.00; ending receivables 150,000.00, of
  // which 90,000.00 not yet due.
  //   DSO  = 150,000 × 91 / 300,000 = 45.5
  //   BPDSO = 90,000 × 91 / 300,000 = 27.3
  //   ADD  = 45.5 − 27.3 = 60,000 × 91 / 300,000 = 18.2
  Result<Rational> dso = dso_simple(15000000, 30000000, 91);
  Result<Rational> best = dso_best_possible(9000000, 30000000, 91);
  Result<Rational> add = average_days_delinquent(15000000, 9000000, 30000000, 91);
  REQUIRE((dso.ok() && best.ok() && add.ok()));
  CHECK(format_rational(*dso, 1) == "45.5");
  CHECK(format_rational(*best, 2) == "27.30");
  CHECK(format_rational(*add, 1) == "18.2");
  Rational difference;
  REQUIRE(rational_sub(*dso, *best, &difference));
  CHECK(difference == *add);
  CHECK(!dso_best_possible(1, 0, 91).ok());
  CHECK(!average_days_delinquent(1, 0, 100, 0).ok());
}

TEST_CASE("metrics: Collection Effectiveness Index") {
  // CEI = (beginning receivables + credit sales/N − ending total receivables) /
  //       (beginning receivables + credit sales/N − ending current receivables) × 100.
  struct Case {
    const char* source;
    CeiInput input;
    const char *two, *one;
  };
  const Case cases[] = {
      // creditguru.com, "Collection Effectiveness Index (CEI)", sample ATB January–March, N = 3:
      // beginning 6,200; sales 10,890 (/3 = 3,630); ending total 6,340; ending current 3,590.
      // (6,200 + 3,630 − 6,340) / (6,200 + 3,630 − 3,590) = 3,490 / 6,240 = 55.929…% -> "55.9 %".
      {"creditguru, monthly average (N = 3)", {620000, 1089000, 634000, 359000, 3}, "55.93", "55.9"},
      // The same data with the whole quarter's sales (N = 1), as worked on wizedu.com:
      // (6,200 + 10,890 − 6,340) / (6,200 + 10,890 − 3,590) = 10,750 / 13,500 = 79.629…%.
      {"same data, N = 1", {620000, 1089000, 634000, 359000, 1}, "79.63", "79.6"},
      // Gaviti, "What is Collection Effectiveness Index": beginning 100,000; sales 1,000,000; ending
      // total 120,000; ending current 100,000: 980,000 / 1,000,000 = 98 %.
      {"Gaviti yearly example", {10000000, 100000000, 12000000, 10000000, 1}, "98.00", "98.0"},
      // Everything collectable was collected (ending total = ending current): 100 %.
      {"perfect collection", {500000, 1000000, 700000, 700000, 1}, "100.00", "100.0"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.source);
    Result<Rational> cei = collection_effectiveness_index(c.input);
    REQUIRE(cei.ok());
    CHECK(format_rational(*cei, 2) == c.two);
    CHECK(format_rational(*cei, 1) == c.one);
  }
  CHECK(collection_effectiveness_index(CeiInput{100, 0, 100, 100, 0}).problems()[0].where == "months");
  CHECK(collection_effectiveness_index(CeiInput{0, 0, 0, 0, 1}).problems()[0].where == "cei");
}

TEST_CASE("metrics: amount-weighted days late per customer, and its trend") {
  // Weighted mean: Σ amount × (paid − due) / Σ amount; early payments are negative days.
  // Window 2026-04-01..2026-06-30 (91 days); the previous window is 2025-12-31..2026-03-31.
  const int32_t due = iso_day("2026-05-01");  // payments around it fall in the window
  std::vector<PaidAmount> payments = {
      // customer 0: 1,000.00 paid 10 days late and 3,000.00 paid 2 days early in the window:
      //   (100,000 × 10 + 300,000 × −2) / 400,000 = 400,000 / 400,000 = 1.0 day
      {0, due, due + 10, 100000},
      {0, due, due - 2, 300000},
      // ... and 2,000.00 paid 20 days late in the previous window (paid 2026-03-01): 20.0 days.
      {0, iso_day("2026-02-09"), iso_day("2026-03-01"), 200000},
      // customer 1: only the window: 500.00 at 45 days, 1,500.00 at 5 days:
      //   (50,000 × 45 + 150,000 × 5) / 200,000 = 3,000,000 / 200,000 = 15.0 days
      {1, due, due + 45, 50000},
      {1, due, due + 5, 150000},
      // Outside both windows, or not a payment: ignored.
      {1, iso_day("2025-01-01"), iso_day("2025-02-01"), 999999},
      {1, due, due + 1, 0},
  };
  Result<DaysLateReport> r = days_late_report(payments, 3, iso_date("2026-04-01"), iso_date("2026-06-30"));
  REQUIRE(r.ok());
  const DaysLateTrend& a = r->customers[0];
  CHECK(a.current.average == rational(1));
  CHECK(a.current.amount == 400000);
  CHECK(a.current.count == 2);
  CHECK(a.previous.average == rational(20));
  REQUIRE(a.has_change);
  CHECK(format_rational(a.change, 1) == "-19.0");  // paying 19 days sooner than before
  const DaysLateTrend& b = r->customers[1];
  CHECK(format_rational(b.current.average, 1) == "15.0");
  CHECK(!b.has_change);
  CHECK(r->customers[2].current.count == 0);
  // Everybody, this window: (400,000 × 1 + 200,000 × 15) / 600,000 = 3,400,000 / 600,000 = 5.666… -> 5.67.
  CHECK(format_rational(r->all.current.average, 2) == "5.67");
  CHECK(r->all.previous.average == rational(20));
  CHECK(format_rational(r->all.change, 2) == "-14.33");
  CHECK(days_late_report(payments, 3, iso_date("2026-06-30"), iso_date("2026-04-01")).problems()[0].where ==
        "window");
}

TEST_CASE("metrics: disputed and promised totals as of a day") {
  std::vector<FlaggedAmount> flags = {
      {0, FlagKind::Disputed, iso_day("2026-05-01"), kNoDay, 12000},                 // active
      {0, FlagKind::Disputed, iso_day("2026-05-01"), iso_day("2026-06-01"), 5000},   // resolved 06-01
      {0, FlagKind::Promised, iso_day("2026-06-10"), iso_day("2026-07-10"), 30000},  // made 06-10, kept 07-10
      {1, FlagKind::Promised, iso_day("2026-06-01"), kNoDay, 700},                   // another currency
      {0, FlagKind::Promised, iso_day("2026-07-01"), kNoDay, 1},                     // not made yet
  };
  struct Case {
    const char* as_of;
    int64_t disputed, promised;  // currency 0
    int32_t disputed_count, promised_count;
  };
  const Case cases[] = {
      {"2026-04-30", 0, 0, 0, 0},         {"2026-05-31", 17000, 0, 2, 0},
      {"2026-06-01", 12000, 0, 1, 0},  // cleared on the day: no longer active
      {"2026-06-10", 12000, 30000, 1, 1}, {"2026-07-10", 12000, 1, 1, 1},
  };
  for (const Case& c : cases) {
    CAPTURE(c.as_of);
    Result<std::vector<FlaggedTotals>> t = flagged_totals(flags, 2, iso_date(c.as_of));
    REQUIRE(t.ok());
    CHECK((*t)[0].disputed == c.disputed);
    CHECK((*t)[0].promised == c.promised);
    CHECK((*t)[0].disputed_count == c.disputed_count);
    CHECK((*t)[0].promised_count == c.promised_count);
  }
  CHECK((*flagged_totals(flags, 2, iso_date("2026-06-30")))[1].promised == 700);
}

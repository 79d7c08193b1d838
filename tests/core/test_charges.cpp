// Late fees, reference-rate tables, statutory and contract interest, the charges preview, and the
// early-payment discount. Every expected figure cites its source or shows its arithmetic.
#include <doctest/doctest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "collections/charges.h"
#include "collections/reference_rates.h"
#include "invoicing/early_payment.h"

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

// The bundled rate tables, read from the source tree (the build embeds them later).
std::string asset_path(const std::string& relative) {
  const std::string here = __FILE__;
  return here.substr(0, here.rfind("/tests/")) + "/assets/" + relative;
}
std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}
RateHistory load(const char* file) {
  const std::string path = asset_path(std::string("rates/") + file);
  const std::string text = read_text(path);
  REQUIRE_MESSAGE(!text.empty(), "cannot read " << path);
  Result<RateHistory> h = parse_rate_history(text, file);
  REQUIRE_MESSAGE(h.ok(), describe(h.problems()));
  return *h;
}
ReferenceRates bundled_rates() {
  return ReferenceRates{load("boe-base-rate.csv"), load("ecb-mro-rate.csv")};
}

// Day-by-day reference for accrue_simple_interest: Σ over each late day of the unpaid amount × the
// day's rate, exact, rounded once — the definition itself, with no stretches.
int64_t interest_day_by_day(int64_t amount, Date due, const std::vector<DatedPayment>& payments, Date as_of,
                            const std::vector<RatePeriod>& rates) {
  Int128 sum = 0;
  const int scale = 8;
  for (Date day = add_days(due, 1); day <= as_of; day = add_days(day, 1)) {
    int64_t unpaid = amount;
    for (const DatedPayment& p : payments) {
      if (p.date <= day) unpaid -= p.minor;
    }
    if (unpaid <= 0) continue;
    Decimal rate;
    for (const RatePeriod& r : rates) {
      if (r.from <= day) rate = r.annual_percent;
    }
    sum += static_cast<Int128>(unpaid) * rate.units * pow10(scale - rate.scale);
  }
  return static_cast<int64_t>(round_div(sum, static_cast<Int128>(36500) * pow10(scale), Rounding::HalfUp));
}

bool mentions(const Problems& problems, const std::string& where, const std::string& text) {
  for (const Problem& p : problems) {
    if (p.where == where && p.message.find(text) != std::string::npos) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("late fee = flat + percent of the overdue amount, rounded half-up once") {
  LateFeeRule rule;
  rule.flat = {money(1000, "EUR"), money(2500, "USD")};
  rule.percent = dec("1.5");
  REQUIRE(validate_late_fee_rule(rule).ok());
  struct Case {
    int64_t overdue;
    const char* currency;
    int64_t fee;
    const char* why;
  };
  const Case cases[] = {
      {123457, "EUR", 2852, "10.00 + 1.5 % × 1,234.57 = 10.00 + 18.51855 = 28.51855 -> 28.52"},
      {100, "EUR", 1002, "10.00 + 1.5 % × 1.00 = 10.015 -> 10.02 (half-up on the sum, once)"},
      {5000, "USD", 2575, "25.00 + 1.5 % × 50.00 = 25.75"},
      {1234, "JPY", 19, "no flat JPY fee; 1.5 % × 1,234 = 18.51 -> 19 (0-digit currency)"},
      {0, "EUR", 0, "nothing overdue, no fee"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.why);
    Result<int64_t> fee = late_fee_amount(rule, money(c.overdue, c.currency));
    REQUIRE(fee.ok());
    CHECK(*fee == c.fee);
  }
  LateFeeRule percent_only;
  percent_only.percent = dec("2");
  CHECK(*late_fee_amount(percent_only, money(10025, "EUR")) == 201);  // 2 % × 100.25 = 2.005 -> 2.01

  LateFeeRule bad;
  bad.percent = dec("120");
  bad.flat = {money(-1, "EUR"), money(5, "USD"), money(6, "USD")};
  Status s = validate_late_fee_rule(bad);
  CHECK(mentions(s.problems(), "late_fee.percent", "between 0 and 100"));
  CHECK(mentions(s.problems(), "late_fee.flat[0]", "negative"));
  CHECK(mentions(s.problems(), "late_fee.flat[2]", "second flat fee in USD"));
}

TEST_CASE("late fees are charged once per invoice and step, however often the rule runs") {
  LateFeeRule rule;
  rule.flat = {money(4000, "EUR")};
  const std::vector<LateFeeCandidate> candidates = {
      {"INV-1", 4, money(100000, "EUR"), false},
      {"INV-2", 4, money(50000, "EUR"), true},    // waived by the user
      {"INV-3", 4, money(25000, "EUR"), false},   // charged on an earlier run
      {"INV-1", 4, money(100000, "EUR"), false},  // the same step listed twice
      {"INV-1", 6, money(100000, "EUR"), false},  // a later step with a fee is a new charge
      {"INV-4", 4, money(25000, "GBP"), false},   // no GBP flat fee and no percent: fee 0, nothing
  };
  std::vector<ChargedStep> charged = {{"INV-3", 4}};
  Result<std::vector<LateFeeCharge>> first = late_fees_to_charge(candidates, charged, rule);
  REQUIRE(first.ok());
  REQUIRE(first->size() == 2);
  CHECK((*first)[0].invoice == "INV-1");
  CHECK((*first)[0].step_index == 4);
  CHECK((*first)[0].fee == money(4000, "EUR"));
  CHECK((*first)[1].step_index == 6);
  for (const LateFeeCharge& c : *first) charged.push_back({c.invoice, c.step_index});
  for (int run = 0; run < 3; ++run) {
    Result<std::vector<LateFeeCharge>> again = late_fees_to_charge(candidates, charged, rule);
    REQUIRE(again.ok());
    CHECK(again->empty());
  }
}

TEST_CASE("parse_rate_history reads the CSV and names file:row:field in errors") {
  const char* good =
      "# comment\r\n"
      "effective_date,rate_percent\r\n"
      "\r\n"
      "2020-03-11,0.25\r\n"
      "2020-03-19,0.10\n";
  Result<RateHistory> h = parse_rate_history(good, "boe.csv");
  REQUIRE_MESSAGE(h.ok(), describe(h.problems()));
  REQUIRE(h->changes.size() == 2);
  CHECK_FALSE(rate_in_force(*h, d(2020, 3, 10)).has_value());
  CHECK(rate_in_force(*h, d(2020, 3, 11)) == dec("0.25"));
  CHECK(rate_in_force(*h, d(2020, 3, 18)) == dec("0.25"));
  CHECK(rate_in_force(*h, d(2020, 3, 19)) == dec("0.1"));
  CHECK(rate_in_force(*h, d(2030, 1, 1)) == dec("0.1"));

  struct Case {
    const char* csv;
    const char* where;
    const char* text;
  };
  const Case cases[] = {
      {"2020-01-01,1\n", "r.csv:1", "header"},
      {"effective_date,rate_percent\n2020-02-30,1\n", "r.csv:2:effective_date", "2020-02-30"},
      {"effective_date,rate_percent\n2020-02-01,one\n", "r.csv:2:rate_percent", "one"},
      {"effective_date,rate_percent\n2020-02-01,150\n", "r.csv:2:rate_percent", "-100 and 100"},
      {"effective_date,rate_percent\n2020-02-01,1\n2020-01-01,2\n", "r.csv:3:effective_date", "date order"},
      {"effective_date,rate_percent\n2020-02-01,1\n2020-02-01,2\n", "r.csv:3:effective_date", "not after"},
      {"effective_date,rate_percent\n2020-02-01,1,x\n", "r.csv:2", "two fields"},
      {"effective_date,rate_percent\n# nothing yet\n", "r.csv", "no rates"},
      {"", "r.csv", "empty"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.csv);
    Result<RateHistory> r = parse_rate_history(c.csv, "r.csv");
    REQUIRE_FALSE(r.ok());
    CHECK_MESSAGE(mentions(r.problems(), c.where, c.text), describe(r.problems()));
  }
}

TEST_CASE("the bundled rate tables parse and hold the published changes") {
  const ReferenceRates rates = bundled_rates();
  // Source: Bank of England, "Official Bank Rate history".
  struct Row {
    Date date;
    const char* rate;
  };
  const Row boe[] = {
      {{2008, 1, 1}, "5.50"},  {{2009, 3, 5}, "0.50"},   {{2016, 8, 4}, "0.25"},  {{2020, 3, 18}, "0.25"},
      {{2020, 3, 19}, "0.10"}, {{2021, 12, 16}, "0.25"}, {{2023, 8, 2}, "5.00"},  {{2023, 8, 3}, "5.25"},
      {{2024, 8, 1}, "5.00"},  {{2024, 11, 7}, "4.75"},  {{2025, 2, 6}, "4.50"},  {{2025, 5, 8}, "4.25"},
      {{2025, 8, 7}, "4.00"},  {{2025, 12, 18}, "3.75"}, {{2026, 3, 31}, "3.75"},
  };
  for (const Row& r : boe) {
    CAPTURE(to_iso(r.date));
    CHECK(rate_in_force(rates.boe_bank_rate, r.date) == dec(r.rate));
  }
  // Source: ECB, "Key ECB interest rates" (main refinancing operations).
  const Row ecb[] = {
      {{2008, 1, 1}, "4.00"},   {{2008, 10, 15}, "3.75"}, {{2016, 3, 15}, "0.05"}, {{2016, 3, 16}, "0.00"},
      {{2022, 7, 27}, "0.50"},  {{2023, 9, 20}, "4.50"},  {{2024, 6, 12}, "4.25"}, {{2024, 9, 18}, "3.65"},
      {{2024, 10, 23}, "3.40"}, {{2024, 12, 18}, "3.15"}, {{2025, 2, 5}, "2.90"},  {{2025, 3, 12}, "2.65"},
      {{2025, 4, 23}, "2.40"},  {{2025, 6, 11}, "2.15"},  {{2026, 4, 1}, "2.15"},
  };
  for (const Row& r : ecb) {
    CAPTURE(to_iso(r.date));
    CHECK(rate_in_force(rates.ecb_mro, r.date) == dec(r.rate));
  }
}

TEST_CASE("parse_interest_policy: contract rates (monthly × 12, simple) and the statutory policies") {
  struct Case {
    const char* text;
    InterestPolicyKind kind;
    const char* annual;
    const char* canonical;
  };
  const Case cases[] = {
      {"contract:18", InterestPolicyKind::Contract, "18", "contract:18"},
      {"contract:18%", InterestPolicyKind::Contract, "18", "contract:18"},
      {"contract:18/year", InterestPolicyKind::Contract, "18", "contract:18"},
      {"contract:1.5/month", InterestPolicyKind::Contract, "18", "contract:18"},  // 1.5 × 12 = 18
      {"Contract:1.5%/month", InterestPolicyKind::Contract, "18", "contract:18"},
      {"contract:0.75", InterestPolicyKind::Contract, "0.75", "contract:0.75"},
      {"uk-late-payment", InterestPolicyKind::UkLatePayment, "0", "uk-late-payment"},
      {" EU-Late-Payment ", InterestPolicyKind::EuLatePayment, "0", "eu-late-payment"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    Result<InterestPolicy> p = parse_interest_policy(c.text);
    REQUIRE_MESSAGE(p.ok(), describe(p.problems()));
    CHECK(p->kind == c.kind);
    CHECK(p->contract_annual_percent == dec(c.annual));
    CHECK(to_string(*p) == c.canonical);
  }
  for (const char* bad : {"contract:", "contract:-1", "contract:abc", "bank:5", "contract:2000", ""}) {
    CAPTURE(bad);
    CHECK_FALSE(parse_interest_policy(bad).ok());
  }
}

TEST_CASE("simple interest, actual/365, with partial payments and a rate change, rounded once") {
  struct Case {
    const char* why;
    int64_t amount;
    Date due;
    std::vector<DatedPayment> payments;
    Date as_of;
    std::vector<RatePeriod> rates;
    int64_t interest;
    std::size_t slices;
  };
  const Case cases[] = {
      {"EUR 1,000.00 at 18 % for 30 days (02-01..03-02): 100000 × 18 × 30 / 36500 = 1479.45 -> 14.79",
       100000,
       d(2026, 1, 31),
       {},
       d(2026, 3, 2),
       {{d(2026, 2, 1), dec("18")}},
       1479,
       1},
      {"EUR 10,000.00; 8 % then 10 % from 03-01; paid 4,000 on 02-15 and 1,000 on 03-10; as of 03-31:\n"
       "  1,000,000×8×14 + 600,000×8×14 + 600,000×10×9 + 500,000×10×22 = 343,200,000; /36500 = 9402.74",
       1000000,
       d(2026, 1, 31),
       {{d(2026, 2, 15), 400000}, {d(2026, 3, 10), 100000}},
       d(2026, 3, 31),
       {{d(2026, 2, 1), dec("8")}, {d(2026, 3, 1), dec("10")}},
       9403,
       4},
      {"a payment on the last day counts for that day: 1,000.00 at 10 %, 5 days, half paid on day 5:\n"
       "  100000×10×4 + 50000×10×1 = 4,500,000; /36500 = 123.29 -> 1.23",
       100000,
       d(2026, 1, 31),
       {{d(2026, 2, 5), 50000}},
       d(2026, 2, 5),
       {{d(2026, 2, 1), dec("10")}},
       123,
       2},
      {"paid in full on day 3: interest for days 1-2 only: 100000×10×2/36500 = 54.79 -> 0.55",
       100000,
       d(2026, 1, 31),
       {{d(2026, 2, 3), 100000}},
       d(2026, 3, 31),
       {{d(2026, 2, 1), dec("10")}},
       55,
       1},
      {"a payment before the due date lowers the principal from the first late day",
       100000,
       d(2026, 1, 31),
       {{d(2026, 1, 20), 40000}},
       d(2026, 3, 2),
       {{d(2026, 2, 1), dec("18")}},
       888,
       1},  // 60000×18×30/36500 = 887.67
      {"not late yet: nothing",
       100000,
       d(2026, 1, 31),
       {},
       d(2026, 1, 31),
       {{d(2026, 2, 1), dec("18")}},
       0,
       0},
      {"JPY 120,000 at 18 % for 30 days: 120000 × 18 × 30 / 36500 = 1775.34 -> 1775",
       120000,
       d(2026, 1, 31),
       {},
       d(2026, 3, 2),
       {{d(2026, 2, 1), dec("18")}},
       1775,
       1},
      {"a leap year still divides by 365: 1,000.00 at 36.5 % over 29 Feb 2028 days: 100000 × 36.5 × 29 / "
       "36500 = 2900",
       100000,
       d(2028, 1, 31),
       {},
       d(2028, 2, 29),
       {{d(2028, 2, 1), dec("36.5")}},
       2900,
       1},
  };
  for (const Case& c : cases) {
    CAPTURE(c.why);
    Result<InterestAccrual> r = accrue_simple_interest(c.amount, c.due, c.payments, c.as_of, c.rates);
    REQUIRE_MESSAGE(r.ok(), describe(r.problems()));
    CHECK(r->interest_minor == c.interest);
    CHECK(r->slices.size() == c.slices);
    CHECK(r->interest_minor == interest_day_by_day(c.amount, c.due, c.payments, c.as_of, c.rates));
  }
  CHECK_FALSE(
      accrue_simple_interest(100, d(2026, 1, 31), {}, d(2026, 3, 1), {{d(2026, 2, 2), dec("5")}}).ok());
  CHECK_FALSE(accrue_simple_interest(100, d(2026, 1, 31), {{d(2026, 2, 2), 0}}, d(2026, 3, 1),
                                     {{d(2026, 2, 1), dec("5")}})
                  .ok());
}

TEST_CASE("UK Late Payment Act: rate fixed by the half-year the debt became late; fixed sums s.5A") {
  const ReferenceRates rates = bundled_rates();
  // SI 2002/1675 art. 4: 8 % over Bank Rate on the reference date (31 Dec for debts late 1 Jan-30
  // Jun, 30 Jun for debts late 1 Jul-31 Dec). Bank Rates from the BoE history.
  struct Case {
    Date due;
    const char* rate;
    const char* why;
  };
  const Case cases[] = {
      {{2025, 6, 29}, "12.75", "late 2025-06-30 (H1): Bank Rate on 2024-12-31 = 4.75"},
      {{2025, 6, 30}, "12.25", "late 2025-07-01 (H2): Bank Rate on 2025-06-30 = 4.25"},
      {{2025, 12, 30}, "12.25", "late 2025-12-31 (H2): still the 2025-06-30 rate"},
      {{2025, 12, 31}, "11.75", "late 2026-01-01 (H1): Bank Rate on 2025-12-31 = 3.75"},
      {{2020, 6, 30}, "8.10", "late 2020-07-01: Bank Rate on 2020-06-30 = 0.10"},
      {{2023, 12, 31}, "13.25", "late 2024-01-01: Bank Rate on 2023-12-31 = 5.25"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.why);
    Result<Decimal> r = uk_statutory_rate(rates.boe_bank_rate, c.due);
    REQUIRE(r.ok());
    CHECK(*r == dec(c.rate));
  }
  // Fixed for the whole debt: GBP 5,000.00 due 2025-06-30 at 12.25 % although Bank Rate fell to
  // 4.00 on 2025-08-07; GBP 2,000.00 paid on 2025-09-30; as of 2025-12-31:
  //   1225 × (500000 × 91 [07-01..09-29] + 300000 × 93 [09-30..12-31]) / 3,650,000 = 24634.25 -> £246.34
  const InterestPolicy uk{InterestPolicyKind::UkLatePayment, {}};
  Result<std::vector<RatePeriod>> periods = interest_rate_periods(uk, d(2025, 6, 30), d(2025, 12, 31), rates);
  REQUIRE(periods.ok());
  REQUIRE(periods->size() == 1);
  Result<InterestAccrual> a =
      accrue_simple_interest(500000, d(2025, 6, 30), {{d(2025, 9, 30), 200000}}, d(2025, 12, 31), *periods);
  REQUIRE(a.ok());
  CHECK(a->interest_minor == 24634);
  // Without the payment: 500000 × 12.25 % × 184 / 365 = 30876.71 -> £308.77.
  CHECK(accrue_simple_interest(500000, d(2025, 6, 30), {}, d(2025, 12, 31), *periods)->interest_minor ==
        30877);

  // Late Payment of Commercial Debts (Interest) Act 1998 s.5A(2): under £1,000 -> £40; £1,000 to
  // under £10,000 -> £70; £10,000 or more -> £100.
  struct Sum {
    int64_t debt;
    int64_t fixed;
  };
  const Sum sums[] = {{1, 4000},      {99999, 4000},    {100000, 7000},
                      {999999, 7000}, {1000000, 10000}, {99999999, 10000}};
  for (const Sum& s : sums) {
    CAPTURE(s.debt);
    CHECK(uk_fixed_sum_pence(s.debt) == s.fixed);
  }
}

TEST_CASE("EU Directive 2011/7/EU: reference rate per half-year of the delay, + 8 points, EUR 40") {
  const ReferenceRates rates = bundled_rates();
  const InterestPolicy eu{InterestPolicyKind::EuLatePayment, {}};
  // Art. 3(2): H1 uses the ECB MRO rate in force on 1 January, H2 the one in force on 1 July.
  // 2025-01-01: 3.15 (since 2024-12-18) -> 11.15; 2025-07-01: 2.15 (since 2025-06-11) -> 10.15.
  Result<std::vector<RatePeriod>> p = interest_rate_periods(eu, d(2025, 5, 31), d(2025, 9, 30), rates);
  REQUIRE(p.ok());
  REQUIRE(p->size() == 2);
  CHECK((*p)[0].from == d(2025, 6, 1));
  CHECK((*p)[0].annual_percent == dec("11.15"));
  CHECK((*p)[1].from == d(2025, 7, 1));
  CHECK((*p)[1].annual_percent == dec("10.15"));
  // Across a year end: late from 2024-12-01; H2 2024 rate on 2024-07-01 = 4.25 -> 12.25; H1 2025 -> 11.15.
  Result<std::vector<RatePeriod>> q = interest_rate_periods(eu, d(2024, 11, 30), d(2025, 2, 15), rates);
  REQUIRE(q.ok());
  REQUIRE(q->size() == 2);
  CHECK((*q)[0].annual_percent == dec("12.25"));
  CHECK((*q)[1].from == d(2025, 1, 1));
  CHECK((*q)[1].annual_percent == dec("11.15"));

  // EUR 10,000.00 due 2025-05-31, EUR 4,000.00 paid 2025-08-16, as of 2025-09-30:
  //   1,000,000 × 11.15 × 30 [06-01..06-30] + 1,000,000 × 10.15 × 46 [07-01..08-15]
  //   + 600,000 × 10.15 × 46 [08-16..09-30] = 1,081,540,000 (in cent-percent-days);
  //   / 36500 = 29631.23 -> EUR 296.31
  Result<InterestAccrual> a =
      accrue_simple_interest(1000000, d(2025, 5, 31), {{d(2025, 8, 16), 400000}}, d(2025, 9, 30), *p);
  REQUIRE(a.ok());
  CHECK(a->interest_minor == 29631);
  CHECK(a->slices.size() == 3);
  CHECK(kEuFixedCompensationCents == 4000);  // Art. 6(1): EUR 40
}

TEST_CASE("charges preview: one row per overdue invoice, totals per currency, skipped invoices, JSON") {
  const ReferenceRates rates = bundled_rates();
  const InterestPolicy uk{InterestPolicyKind::UkLatePayment, {}};
  const std::vector<ChargeableInvoice> invoices = {
      {"G-2", "Hawthorn Ltd", d(2025, 6, 30), money(100000, "GBP"), {{d(2025, 10, 1), 50000}}},
      {"G-1", "Hawthorn Ltd", d(2025, 6, 30), money(99999, "GBP"), {}},
      {"E-1", "Ivy GmbH", d(2025, 6, 30), money(50000, "EUR"), {}},
      {"G-3", "Juniper plc", d(2026, 1, 30), money(70000, "GBP"), {}},                        // not due yet
      {"G-4", "Juniper plc", d(2025, 6, 30), money(70000, "GBP"), {{d(2025, 8, 1), 70000}}},  // paid
  };
  const ChargesPreview pv = preview_charges(d(2025, 12, 31), uk, invoices, rates);
  // Rate 12.25 % (late 2025-07-01, Bank Rate 4.25 on 2025-06-30), 184 days:
  //   G-1: 99999 × 1225 × 184 / 3,650,000 = 6175.28 -> £61.75; fixed sum £40 (under £1,000)
  //   G-2: 1225 × (100000 × 92 + 50000 × 92) / 3,650,000 = 4631.51 -> £46.32; fixed £70 (debt £1,000.00
  //        on the due date)
  REQUIRE(pv.rows.size() == 2);
  CHECK(pv.rows[0].invoice == "G-1");
  CHECK(pv.rows[0].interest_minor == 6175);
  CHECK(pv.rows[0].fixed_compensation_minor == 4000);
  CHECK(pv.rows[0].days_late == 184);
  CHECK(pv.rows[0].annual_rate == dec("12.25"));
  CHECK(pv.rows[1].invoice == "G-2");
  CHECK(pv.rows[1].outstanding_minor == 50000);
  CHECK(pv.rows[1].interest_minor == 4632);
  CHECK(pv.rows[1].fixed_compensation_minor == 7000);
  REQUIRE(pv.skipped.size() == 1);
  CHECK(pv.skipped[0].where == "E-1");
  REQUIRE(pv.totals.size() == 1);
  CHECK(pv.totals[0].invoices == 2);
  CHECK(pv.totals[0].outstanding_minor == 149999);
  CHECK(pv.totals[0].interest_minor == 10807);
  CHECK(pv.totals[0].fixed_compensation_minor == 11000);

  const nlohmann::json j = nlohmann::json::parse(charges_preview_json(pv), nullptr, false);
  REQUIRE_FALSE(j.is_discarded());
  CHECK(j["as_of"] == "2025-12-31");
  CHECK(j["policy"] == "uk-late-payment");
  CHECK(j["invoices"][0]["outstanding"] == "999.99");
  CHECK(j["invoices"][0]["annual_rate"] == "12.25");
  CHECK(j["invoices"][0]["interest"] == "61.75");
  CHECK(j["invoices"][0]["fixed_compensation"] == "40.00");
  CHECK(j["invoices"][1]["due_date"] == "2025-06-30");
  CHECK(j["totals"][0]["currency"] == "GBP");
  CHECK(j["totals"][0]["interest"] == "108.07");
  CHECK(j["skipped"][0]["invoice"] == "E-1");

  // Contract 18 % in two currencies: totals per currency, JPY printed with no decimals.
  const InterestPolicy contract = *parse_interest_policy("contract:18");
  const ChargesPreview c = preview_charges(d(2026, 3, 2), contract,
                                           {{"J-1", "Kyoto KK", d(2026, 1, 31), money(120000, "JPY"), {}},
                                            {"E-9", "Lime SARL", d(2026, 1, 31), money(100000, "EUR"), {}}},
                                           rates);
  REQUIRE(c.totals.size() == 2);
  CHECK(c.totals[0].currency.view() == "EUR");
  CHECK(c.totals[0].interest_minor == 1479);  // 100000 × 18 × 30 / 36500 = 1479.45
  CHECK(c.totals[1].interest_minor == 1775);  // 120000 × 18 × 30 / 36500 = 1775.34
  const nlohmann::json cj = nlohmann::json::parse(charges_preview_json(c), nullptr, false);
  CHECK(cj["totals"][1]["interest"] == "1775");
  CHECK(cj["invoices"][0]["annual_rate"] == "18.00");
  CHECK(cj["invoices"][0]["fixed_compensation"] == "0");  // JPY: no decimals
  CHECK(cj["invoices"][1]["fixed_compensation"] == "0.00");
}

TEST_CASE("early-payment discount: 2/10 Net 30 paid on day 10 earns it, on day 11 it does not") {
  // Terms "2/10 Net 30" on 2026-03-01: discount deadline 2026-03-11 (terms.h). Gross 1,190.00 =
  // net 1,000.00 + tax 190.00. Discount 2 % × 1,190.00 = 23.80; split 1000:190 -> 20.00 + 3.80.
  EarlyPaymentInput in;
  in.terms = *parse_terms("2/10 Net 30");
  in.invoice_date = d(2026, 3, 1);
  in.gross_minor = 119000;
  in.net_minor = 100000;
  in.tax_minor = 19000;
  in.open_minor = 119000;
  in.paid_minor = 116620;

  struct Case {
    const char* why;
    Date paid_on;
    int64_t paid;
    bool reduces_tax;
    bool taken;
    int64_t applied, unapplied, discount, discount_net, discount_tax, remaining;
  };
  const Case cases[] = {
      {"day 10, exactly the discounted amount", d(2026, 3, 11), 116620, true, true, 116620, 0, 2380, 2000,
       380, 0},
      {"day 11: too late, no discount", d(2026, 3, 12), 116620, true, false, 116620, 0, 0, 0, 0, 2380},
      {"day 5, overpaid: the excess stays unapplied", d(2026, 3, 6), 120000, true, true, 116620, 3380, 2380,
       2000, 380, 0},
      {"day 5, short of the discounted amount: no discount", d(2026, 3, 6), 100000, true, false, 100000, 0, 0,
       0, 0, 19000},
      {"setting off: the discount does not reduce tax", d(2026, 3, 11), 116620, false, true, 116620, 0, 2380,
       2380, 0, 0},
  };
  for (const Case& c : cases) {
    CAPTURE(c.why);
    EarlyPaymentInput x = in;
    x.paid_on = c.paid_on;
    x.paid_minor = c.paid;
    x.discount_reduces_tax = c.reduces_tax;
    Result<EarlyPaymentBooking> b = book_early_payment(x);
    REQUIRE_MESSAGE(b.ok(), describe(b.problems()));
    CHECK(b->discount_taken == c.taken);
    CHECK(b->applied_minor == c.applied);
    CHECK(b->unapplied_minor == c.unapplied);
    CHECK(b->discount_minor == c.discount);
    CHECK(b->discount_net_minor == c.discount_net);
    CHECK(b->discount_tax_minor == c.discount_tax);
    CHECK(b->remaining_open_minor == c.remaining);
  }
  // Largest remainder: gross 1,000.00 = 840.34 + 159.66; discount 20.00 splits 16.8068 / 3.1932 ->
  // 16.80 + 3.19 = 19.99, the last cent to the larger remainder (.68 > .32): 16.81 + 3.19.
  EarlyPaymentInput odd = in;
  odd.gross_minor = odd.open_minor = 100000;
  odd.net_minor = 84034;
  odd.tax_minor = 15966;
  odd.paid_on = d(2026, 3, 11);
  odd.paid_minor = 98000;
  Result<EarlyPaymentBooking> b = book_early_payment(odd);
  REQUIRE(b.ok());
  CHECK(b->discount_minor == 2000);
  CHECK(b->discount_net_minor == 1681);
  CHECK(b->discount_tax_minor == 319);

  EarlyPaymentInput bad = in;
  bad.tax_minor = 1;
  bad.paid_minor = 0;
  Result<EarlyPaymentBooking> r = book_early_payment(bad);
  REQUIRE_FALSE(r.ok());
  CHECK(mentions(r.problems(), "payment.gross", "net + tax"));
  CHECK(mentions(r.problems(), "payment.amount", "positive"));
}

TEST_CASE("the bundled reference rates parse and cover the statutory dates") {
  // Bank of England: Bank Rate 5.25 % from 3 Aug 2023 (BoE "Official Bank Rate history");
  // ECB main refinancing rate 4.50 % from 20 Sep 2023 (ECB "Key ECB interest rates").
  const duebook::ReferenceRates& rates = duebook::builtin_reference_rates();
  auto boe = duebook::rate_in_force(rates.boe_bank_rate, duebook::Date{2023, 12, 31});
  auto ecb = duebook::rate_in_force(rates.ecb_mro, duebook::Date{2024, 1, 1});
  REQUIRE(boe);
  REQUIRE(ecb);
  CHECK(duebook::to_string(*boe) == "5.25");
  CHECK(duebook::to_string(*ecb) == "4.50");
}

// The 13-week cash forecast and its backtest (core/forecast.h): conditional empirical distributions,
// percentile bands, scheduled receipts, and recovery of known payment behaviour from a seeded ledger.
#include <doctest/doctest.h>

#include <cstdint>
#include <cstdlib>
#include <numeric>
#include <vector>

#include "reports/forecast.h"
#include "test_support.h"

using namespace duebook;

namespace {

// Adds an invoice, paid in full `late` days after its due date unless `paid` is false; written off
// instead when `lost`.
int32_t add_invoice(ArLedger& ledger, int32_t customer, int32_t issued, int32_t due, int64_t total,
                    int32_t late, bool paid = true, bool lost = false, int32_t currency = 0) {
  ArInvoice inv;
  inv.customer = customer;
  inv.currency = currency;
  inv.issued_day = issued;
  inv.due_day = due;
  inv.total = total;
  const int32_t index = static_cast<int32_t>(ledger.invoices.size());
  if (paid) {
    inv.settled_day = due + late;
    ledger.reductions.push_back(
        ArReduction{index, inv.settled_day, total, lost ? ReductionKind::WriteOff : ReductionKind::Payment});
  }
  ledger.invoices.push_back(inv);
  return index;
}

ArLedger empty_ledger(int32_t customers, int32_t currencies = 1) {
  ArLedger ledger;
  ledger.customer_count = customers;
  ledger.currency_count = currencies;
  return ledger;
}

ForecastOptions as_of(const char* iso) {
  ForecastOptions options;
  options.as_of = iso_date(iso);
  return options;
}

int64_t sum(const ForecastLine& line) {
  return std::accumulate(line.weeks.begin(), line.weeks.end(), int64_t{0}) + line.later + line.not_collected;
}

// Every line accounts for every cent of open_total.
void check_accounts(const CurrencyForecast& f) {
  for (const ForecastLine* line : {&f.expected, &f.low, &f.likely, &f.high, &f.naive})
    CHECK(sum(*line) == f.open_total);
  CHECK(f.naive.not_collected == 0);
}

// Cumulative receipts of the low line never exceed the likely line's, nor those the high line's.
void check_band_order(const CurrencyForecast& f) {
  int64_t low = 0, likely = 0, high = 0;
  for (int w = 0; w < kForecastWeeks; ++w) {
    low += f.low.weeks[w];
    likely += f.likely.weeks[w];
    high += f.high.weeks[w];
    CHECK(low <= likely);
    CHECK(likely <= high);
  }
}

// A ledger of customers with known behaviour: each issues an invoice every 5..7 days from `first` to
// `last` (Net 30), amounts 100.00..1,000.00, paid `late` ± `jitter` days after the due date (uniform).
struct Behaviour {
  int32_t late;    // days late on average
  int32_t jitter;  // ± uniform spread in days
};

ArLedger synthetic_ledger(const std::vector<Behaviour>& customers, uint64_t seed, int32_t first,
                          int32_t last) {
  ArLedger ledger = empty_ledger(static_cast<int32_t>(customers.size()));
  auto next = [&seed] {  // xorshift64*
    seed ^= seed >> 12, seed ^= seed << 25, seed ^= seed >> 27;
    return (seed * 0x2545F4914F6CDD1Dull) >> 33;
  };
  std::vector<int32_t> next_issue(customers.size(), first);
  for (int32_t d = first; d <= last; ++d) {
    for (std::size_t c = 0; c < customers.size(); ++c) {
      if (next_issue[c] != d) continue;
      next_issue[c] = d + 5 + static_cast<int32_t>(next() % 3);
      const int32_t spread = customers[c].jitter;
      const int32_t late =
          customers[c].late + (spread ? static_cast<int32_t>(next() % (2 * spread + 1)) - spread : 0);
      add_invoice(ledger, static_cast<int32_t>(c), d, d + 30, 10000 + static_cast<int64_t>(next() % 90001),
                  late);
    }
  }
  return ledger;
}

}  // namespace

TEST_CASE("forecast: recovers known behaviour exactly (A 10 days late, B on time, C 40 days late)") {
  // Each customer always pays the same number of days late, so every open invoice has one possible
  // pay day and the forecast must equal what happened, week by week: error 0.
  const ArLedger ledger =
      synthetic_ledger({{10, 0}, {0, 0}, {40, 0}}, 7, iso_day("2025-01-01"), iso_day("2026-09-30"));
  REQUIRE(check_ar_ledger(ledger).ok());
  Result<ForecastBacktest> backtest = backtest_forecast(ledger, {}, as_of("2026-06-30"));
  REQUIRE(backtest.ok());
  const CurrencyBacktest& b = backtest->by_currency[0];
  CHECK(b.total_actual > 0);
  CHECK(b.total_absolute_error == 0);
  REQUIRE(b.has_mape);
  CHECK(b.mape_percent == rational(0));
  CHECK(b.forecast.expected.weeks == b.actual);
  CHECK(b.forecast.invoices == b.forecast.own_history);  // everybody has years of their own history
  CHECK(b.forecast.expected.not_collected == 0);
  CHECK(b.forecast.beyond_history == 0);
  // All three percentile lines coincide with the expected one: each distribution is one point.
  CHECK(b.forecast.low.weeks == b.actual);
  CHECK(b.forecast.high.weeks == b.actual);
  check_accounts(b.forecast);

  // The naive line (everyone on the due date) is wrong by the lateness: A's and C's receipts come in
  // earlier weeks than they really do.
  CHECK(b.forecast.naive.weeks != b.actual);
  CHECK(b.forecast.naive.weeks[0] > b.actual[0]);
}

TEST_CASE("forecast: recovers noisy behaviour within the stated error") {
  // Twenty customers each like A (10 ± 3 days late), B (0 ± 3) and C (40 ± 10), uniform, seeded;
  // about 700 invoices open on the day. Stated error of the expected line over the 13 weeks:
  //   Σ|forecast − actual| ≤ 15 % of Σ actual (observed 6–9 % for these seeds),
  //   |Σ forecast − Σ actual| ≤ 2 % (every open invoice is paid within the horizon),
  //   MAPE ≤ 30 % (observed 8–17 %; weeks with few receipts weigh as much as busy ones),
  // and the learned lateness: a fresh invoice's expected wait is 30 days to its due date plus the
  // customer's mean lateness, within 1 day for A and B and 2 days for C (whose spread is wider).
  std::vector<Behaviour> customers;
  for (int i = 0; i < 20; ++i) customers.insert(customers.end(), {{10, 3}, {0, 3}, {40, 10}});
  for (uint64_t seed : {1ull, 2ull, 3ull, 42ull}) {
    CAPTURE(seed);
    const ArLedger ledger = synthetic_ledger(customers, seed, iso_day("2025-01-01"), iso_day("2026-09-30"));
    const ForecastOptions options = as_of("2026-06-30");
    Result<ForecastBacktest> backtest = backtest_forecast(ledger, {}, options);
    REQUIRE(backtest.ok());
    const CurrencyBacktest& b = backtest->by_currency[0];
    const int64_t forecast_total =
        std::accumulate(b.forecast.expected.weeks.begin(), b.forecast.expected.weeks.end(), int64_t{0});
    CHECK(b.total_absolute_error * 100 <= b.total_actual * 15);
    CHECK(std::abs(forecast_total - b.total_actual) * 50 <= b.total_actual);
    REQUIRE(b.has_mape);
    CHECK(compare(b.mape_percent, rational(30)) <= 0);
    check_accounts(b.forecast);
    check_band_order(b.forecast);

    const PaymentHistory history = build_payment_history(ledger, options);
    const int32_t fresh_due = iso_day("2026-07-30");  // 30 days ahead: no outcome is excluded
    for (int32_t c = 0; c < 3; ++c) {
      CAPTURE(c);
      const PaymentOutlook outlook = payment_outlook(history, c, fresh_due);
      REQUIRE(outlook.known);
      CHECK(outlook.own_history);
      CHECK(outlook.probability == rational(1));
      Rational late;
      REQUIRE(rational_sub(outlook.expected_days, rational(30), &late));
      Rational miss;
      REQUIRE(rational_sub(late, rational(customers[c].late), &miss));
      const Rational tolerance = rational(c == 2 ? 2 : 1);
      CHECK(compare(miss, tolerance) <= 0);
      CHECK(compare(miss, Rational{-tolerance.num, 1}) >= 0);
    }
  }
}

TEST_CASE("forecast: an overdue invoice takes the conditional distribution") {
  // C has paid five invoices 30, 35, 40, 45 and 50 days late. Its open invoice is already 42 days
  // past due on 2026-06-30, so only the outcomes 45 and 50 are still possible: half each, paid
  // 3 and 8 days from now (weeks 1 and 2). Unconditionally, 3/5 of it would be "already paid".
  ArLedger ledger = empty_ledger(1);
  const int32_t old_due = iso_day("2025-01-31");
  for (int32_t late : {30, 35, 40, 45, 50}) add_invoice(ledger, 0, old_due - 30, old_due, 1000, late);
  const int32_t due = iso_day("2026-06-30") - 42;
  add_invoice(ledger, 0, due - 30, due, 10001, 0, false);
  Result<CashForecast> f = forecast_cash(ledger, {}, as_of("2026-06-30"));
  REQUIRE(f.ok());
  const CurrencyForecast& c = f->by_currency[0];
  // 10,001 × 1/2 = 5,000.5 -> 5,001 (half-up) in week 1, the rest 5,000 in week 2.
  CHECK(c.expected.weeks[0] == 5001);
  CHECK(c.expected.weeks[1] == 5000);
  CHECK(c.naive.weeks[0] == 10001);  // naive: overdue means "now"
  CHECK(c.own_history == 1);
  check_accounts(c);

  PaymentHistory history = build_payment_history(ledger, as_of("2026-06-30"));
  PaymentOutlook outlook = payment_outlook(history, 0, due);
  REQUIRE(outlook.known);
  CHECK(outlook.outcomes == 2);
  CHECK(outlook.probability == rational(1));
  CHECK(outlook.expected_days == rational(11, 2));  // (3 + 8) / 2
  // 50 days past due: beyond anything in the history.
  CHECK(!payment_outlook(history, 0, iso_day("2026-06-30") - 50).known);
}

TEST_CASE("forecast: percentile bands are nearest-rank, losses rank last") {
  // Nearest-rank percentile (the smallest value with at least P % of the sample at or below it):
  // rank = ceil(P × n / 100). Outcomes 0, 10, 20, 30, 40 days late (n = 5):
  //   P20: rank 1 -> 0 days; P50: rank ceil(2.5) = 3 -> 20 days; P80: rank 4 -> 30 days.
  // The open invoice is due 2026-07-07 (as of 2026-06-30), so it pays on 07-07 / 07-27 / 08-06, in
  // weeks 1 (07-01..07-07), 4 (07-22..07-28) and 6 (08-05..08-11).
  ArLedger ledger = empty_ledger(1);
  for (int32_t late : {0, 10, 20, 30, 40})
    add_invoice(ledger, 0, iso_day("2025-01-01"), iso_day("2025-01-31"), 500, late);
  add_invoice(ledger, 0, iso_day("2026-06-07"), iso_day("2026-07-07"), 100000, 0, false);
  Result<CashForecast> f = forecast_cash(ledger, {}, as_of("2026-06-30"));
  REQUIRE(f.ok());
  const CurrencyForecast& c = f->by_currency[0];
  CHECK(c.high.weeks[0] == 100000);
  CHECK(c.likely.weeks[3] == 100000);
  CHECK(c.low.weeks[5] == 100000);
  // Expected: 1/5 on each of 07-07 (week 1), 07-17 (week 3), 07-27 (week 4), 08-06 (week 6), 08-16 (week 7).
  CHECK(c.expected.weeks[0] == 20000);
  CHECK(c.expected.weeks[2] == 20000);
  CHECK(c.expected.weeks[3] == 20000);
  CHECK(c.expected.weeks[5] == 20000);
  CHECK(c.expected.weeks[6] == 20000);
  check_accounts(c);
  check_band_order(c);

  // Two of five outcomes written off (ranks 4 and 5 are losses): P80 -> rank 4 -> not collected; the
  // expected line keeps 3/5 and leaves 2/5 uncollected.
  ArLedger lossy = empty_ledger(1);
  for (int32_t late : {0, 10, 20})
    add_invoice(lossy, 0, iso_day("2025-01-01"), iso_day("2025-01-31"), 500, late);
  for (int32_t late : {100, 200})
    add_invoice(lossy, 0, iso_day("2025-01-01"), iso_day("2025-01-31"), 500, late, true, true);
  add_invoice(lossy, 0, iso_day("2026-06-07"), iso_day("2026-07-07"), 100000, 0, false);
  Result<CashForecast> g = forecast_cash(lossy, {}, as_of("2026-06-30"));
  REQUIRE(g.ok());
  const CurrencyForecast& l = g->by_currency[0];
  CHECK(l.low.not_collected == 100000);
  CHECK(l.likely.weeks[3] == 100000);  // P50: rank 3 -> 20 days -> 07-27, week 4
  CHECK(l.expected.not_collected == 40000);
  check_accounts(l);
}

TEST_CASE("forecast: too little history falls back to the ledger's; nothing that late is beyond history") {
  // Customer 0 has 6 outcomes at 10 days late; customer 1 only 2 (below min_history 5) at 60 days: its
  // invoice takes the ledger-wide distribution (8 outcomes: six at 10, two at 60).
  ArLedger ledger = empty_ledger(2);
  for (int i = 0; i < 6; ++i) add_invoice(ledger, 0, iso_day("2025-01-01"), iso_day("2025-01-31"), 100, 10);
  for (int i = 0; i < 2; ++i) add_invoice(ledger, 1, iso_day("2025-01-01"), iso_day("2025-01-31"), 100, 60);
  add_invoice(ledger, 1, iso_day("2026-06-01"), iso_day("2026-07-01"), 80000, 0, false);  // due tomorrow
  add_invoice(ledger, 0, iso_day("2024-01-01"), iso_day("2024-01-31"), 3000, 0, false);   // ~880 days overdue
  Result<CashForecast> f = forecast_cash(ledger, {}, as_of("2026-06-30"));
  REQUIRE(f.ok());
  const CurrencyForecast& c = f->by_currency[0];
  CHECK(c.own_history == 0);
  // 80,000 × 6/8 = 60,000 on 07-11 (week 2), 80,000 × 2/8 = 20,000 on 08-30 (week 9).
  CHECK(c.expected.weeks[1] == 60000);
  CHECK(c.expected.weeks[8] == 20000);
  CHECK(c.beyond_history == 3000);
  CHECK(c.expected.not_collected == 3000);
  CHECK(c.naive.weeks[0] == 83000);  // the overdue 30.00 and the 800.00 due 07-01 (week 1)
  check_accounts(c);
}

TEST_CASE("forecast: installment plans and promises, with their probability") {
  // Expected line: amount × p, rounded half-up once. Percentile lines: the whole amount when p is at
  // least the line's percentile (low 80, likely 50, high 20), as forecast.h documents.
  ArLedger ledger = empty_ledger(1, 2);
  for (int i = 0; i < 5; ++i) add_invoice(ledger, 0, iso_day("2025-01-01"), iso_day("2025-01-31"), 100, 0);
  const int32_t planned =
      add_invoice(ledger, 0, iso_day("2026-05-01"), iso_day("2026-05-31"), 90000, 0, false);
  std::vector<ScheduledReceipt> scheduled = {
      // the plan for `planned`: 3 × 300.00, 90 % sure
      {0, 0, planned, iso_day("2026-06-01"), iso_day("2026-07-03"), 30000, Decimal{90, 0}},
      {0, 0, planned, iso_day("2026-06-01"), iso_day("2026-08-03"), 30000, Decimal{90, 0}},
      {0, 0, planned, iso_day("2026-06-01"), iso_day("2026-09-03"), 30000, Decimal{90, 0}},
      // a promise in EUR, 33.3 % sure: 100.01 × 0.333 = 33.30333 -> 33.30
      {0, 1, -1, iso_day("2026-06-20"), iso_day("2026-07-10"), 10001, Decimal{333, 1}},
      // agreed after the day, or due by it: ignored
      {0, 0, -1, iso_day("2026-07-01"), iso_day("2026-07-10"), 5000, Decimal{100, 0}},
      {0, 0, -1, iso_day("2026-06-01"), iso_day("2026-06-30"), 5000, Decimal{100, 0}},
  };
  Result<CashForecast> f = forecast_cash(ledger, scheduled, as_of("2026-06-30"));
  REQUIRE(f.ok());
  const CurrencyForecast& usd = f->by_currency[0];
  CHECK(usd.invoices == 0);  // the planned invoice left the model: the plan stands for it
  CHECK(usd.open_total == 90000);
  CHECK(usd.expected.weeks[0] == 27000);  // 07-03: week 1
  CHECK(usd.expected.weeks[4] == 27000);  // 08-03: week 5 (07-29..08-04)
  CHECK(usd.expected.weeks[9] == 27000);  // 09-03: week 10 (09-02..09-08)
  CHECK(usd.expected.not_collected == 9000);
  CHECK(usd.low.weeks[0] == 30000);  // 90 % ≥ 80 %
  check_accounts(usd);
  const CurrencyForecast& eur = f->by_currency[1];
  CHECK(eur.expected.weeks[1] == 3330);
  CHECK(eur.high.weeks[1] == 10001);  // 33.3 % ≥ 20 %
  CHECK(eur.likely.not_collected == 10001);
  CHECK(eur.low.not_collected == 10001);
  check_accounts(eur);

  std::vector<ScheduledReceipt> bad = {{0, 0, -1, 0, iso_day("2026-07-10"), 0, Decimal{101, 0}}};
  Result<CashForecast> rejected = forecast_cash(ledger, bad, as_of("2026-06-30"));
  REQUIRE(!rejected.ok());
  CHECK(rejected.problems().size() == 2);
  ForecastOptions wrong = as_of("2026-06-30");
  wrong.late_percentile = 0;
  CHECK(forecast_cash(ledger, {}, wrong).problems()[0].where == "options.late_percentile");
}

TEST_CASE("forecast: the backtest reports weekly absolute error and MAPE") {
  // History says 0 days late; the one open invoice (100.00, due 07-02) is really paid 10 days late on
  // 07-12. Forecast: week 1 (07-01..07-07) 100.00; actual: week 2 (07-08..07-14) 100.00.
  // Absolute errors: week 1 |100 − 0| = 100.00, week 2 |0 − 100| = 100.00; total 200.00.
  // MAPE over weeks with receipts (week 2 only): |0 − 100| / 100 = 100 %.
  ArLedger ledger = empty_ledger(1);
  for (int i = 0; i < 5; ++i) add_invoice(ledger, 0, iso_day("2025-01-01"), iso_day("2025-01-31"), 100, 0);
  add_invoice(ledger, 0, iso_day("2026-06-02"), iso_day("2026-07-02"), 10000, 10);
  Result<ForecastBacktest> b = backtest_forecast(ledger, {}, as_of("2026-06-30"));
  REQUIRE(b.ok());
  const CurrencyBacktest& c = b->by_currency[0];
  CHECK(c.actual[1] == 10000);
  CHECK(c.absolute_error[0] == 10000);
  CHECK(c.absolute_error[1] == 10000);
  CHECK(c.total_absolute_error == 20000);
  CHECK(c.weeks_in_mape == 1);
  CHECK(format_rational(c.mape_percent, 2) == "100.00");
  CHECK(forecast_week_start(iso_date("2026-06-30"), 1) == iso_date("2026-07-08"));
}

// Down payments in the forecast. The rule, from invoicing/deposits.h (and issue 13: "the deposit due on
// receipt and the balance on the terms"): the deposit falls due on the invoice date, the balance on the due
// date, and whatever reduces the invoice settles the deposit first. Worked by hand: the customer pays every
// invoice exactly 14 days late; an invoice of 1,000.00 on "30% deposit, Net 30" issued 2026-06-20 (due
// 07-20), as of 2026-06-30:
//   deposit 300.00 due 06-20 → paid 07-04, 4 days on: week 1;  balance 700.00 due 07-20 → paid 08-03,
//   34 days on: week 5 (days 29..35). Naive: the deposit is overdue (week 1), the balance on 07-20 (week 3).
//   With 200.00 paid on 06-25 the deposit has 100.00 open (reductions settle it first): week 1 holds 100.00.
TEST_CASE("forecast: a deposit is due on receipt, the balance on the terms") {
  struct Case {
    int64_t paid;            // paid on 2026-06-25, minor units
    int64_t deposit;         // the invoice's deposit (0: none)
    int64_t week1, week5;    // expected line
    int64_t naive1, naive3;  // naive line
  };
  const Case cases[] = {
      {0, 0, 0, 100000, 0, 100000},                // no deposit: all of it on the due date's terms
      {0, 30000, 30000, 70000, 30000, 70000},      // the deposit from the issue day
      {20000, 30000, 10000, 70000, 10000, 70000},  // 200.00 paid: 100.00 of the deposit left open
      {50000, 30000, 0, 50000, 0, 50000},          // deposit settled: the rest on the terms only
  };
  for (const Case& k : cases) {
    CAPTURE(k.paid);
    CAPTURE(k.deposit);
    ArLedger ledger = empty_ledger(1);
    const int32_t old_due = iso_day("2025-01-31");
    for (int n = 0; n < 5; ++n) add_invoice(ledger, 0, old_due - 30, old_due, 1000, 14);
    const int32_t i = add_invoice(ledger, 0, iso_day("2026-06-20"), iso_day("2026-07-20"), 100000, 0, false);
    if (k.paid > 0)
      ledger.reductions.push_back(ArReduction{i, iso_day("2026-06-25"), k.paid, ReductionKind::Payment});
    if (k.deposit > 0) ledger.deposits.push_back(ArDeposit{i, k.deposit});
    REQUIRE(check_ar_ledger(ledger).ok());
    Result<CashForecast> f = forecast_cash(ledger, {}, as_of("2026-06-30"));
    REQUIRE(f.ok());
    const CurrencyForecast& c = f->by_currency[0];
    CHECK(c.expected.weeks[0] == k.week1);
    CHECK(c.expected.weeks[4] == k.week5);
    CHECK(c.naive.weeks[0] == k.naive1);
    CHECK(c.naive.weeks[2] == k.naive3);
    CHECK(c.invoices == 1);
    CHECK(c.own_history == 1);
    check_accounts(c);
  }
}

// The cost of each collection option side by side (core/options.h), against worked examples with
// their arithmetic written out.
#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "collections/options.h"
#include "test_support.h"

using namespace duebook;

namespace {

Decimal dec(const char* text) {
  return *parse_decimal(text);
}

CollectionTerms terms(const char* discount, const char* interest, const char* advance, const char* fee,
                      const char* commission, const char* success, int32_t agency_days) {
  CollectionTerms t;
  t.discount_percent = dec(discount);
  t.interest_annual_percent = dec(interest);
  t.factoring_advance_percent = dec(advance);
  t.factoring_fee_percent = dec(fee);
  t.agency_commission_percent = dec(commission);
  t.agency_success_percent = dec(success);
  t.agency_days = agency_days;
  return t;
}

const OptionCost& find(const std::vector<OptionCost>& costs, CollectionOption option) {
  for (const OptionCost& c : costs)
    if (c.option == option) return c;
  FAIL("option missing");
  return costs.front();
}

}  // namespace

TEST_CASE("options: the five options side by side, worked examples") {
  // One table row per option; all on the same selection unless the row says otherwise.
  // Selection: 100,000.00 overdue, paid for sure (p = 1) in T = 20 days if we wait.
  // Terms: discount 2 %, interest 8 % a year, factoring 80 % advance with a 2 % fee, agency 25 %
  // commission, 60 % success, 30 days. Y = 365.
  struct Case {
    CollectionOption option;
    int64_t cash_today;
    int64_t expected_cash;
    Rational expected_days;
    const char* annual_cost;  // "" when none
    const char* source;
  };
  const Case cases[] = {
      // Waiting: nothing today; 100,000.00 × 1 in 20 days; the baseline has no rate.
      {CollectionOption::Wait, 0, 10000000, Rational{20, 1}, "", "baseline"},
      // Brigham & Houston, Fundamentals of Financial Management, cost of trade credit: "2/10, net 30"
      // costs 2/98 × 365/20 = 0.37244… = 37.24 % a year. Here: 2 % off for money 20 days early.
      // Cash today 100,000 − 2,000 = 98,000.00.
      {CollectionOption::Discount, 9800000, 9800000, Rational{0, 1}, "37.24",
       "Brigham & Houston 2/10 net 30"},
      // Interest at 8 % a year for 20 days: 100,000 × 0.08 × 20/365 = 438.356… ; expected
      // 1 × (100,000 + 438.356…) = 100,438.36; a return of 8 %.
      {CollectionOption::Interest, 0, 10043836, Rational{20, 1}, "-8.00", "simple interest"},
      // Factoring: advance 80,000 − fee 2,000 = 78,000.00 today; reserve 20,000.00 when the customer
      // pays. Rate: fee over the usable advance, 2,000 / 78,000 × 365 / 20 = 730,000 / 1,560,000 =
      // 0.46794… = 46.79 %.
      {CollectionOption::Factoring, 7800000, 9800000, Rational{20, 1}, "46.79", "fee / usable funds"},
      // Agency: 100,000 × 0.60 × (1 − 0.25) = 45,000.00 expected in 30 days; it is SLOWER than the
      // 20-day wait, so it buys no time and has no rate.
      {CollectionOption::Agency, 0, 4500000, Rational{30, 1}, "", "agency slower than waiting"},
  };
  const OverdueSelection selection{10000000, rational(1), rational(20)};
  Result<std::vector<OptionCost>> costs =
      compare_collection_options(selection, terms("2", "8", "80", "2", "25", "60", 30));
  REQUIRE_MESSAGE(costs.ok(), describe(costs.problems()));
  REQUIRE(costs->size() == 5);
  for (const Case& c : cases) {
    CAPTURE(c.source);
    const OptionCost& cost = find(*costs, c.option);
    CHECK(cost.cash_today == c.cash_today);
    CHECK(cost.expected_cash == c.expected_cash);
    CHECK(cost.expected_days == c.expected_days);
    CHECK(cost.has_annual_cost == (*c.annual_cost != 0));
    CHECK(cost.annual_cost_percent == c.annual_cost);
  }
  CHECK(find(*costs, CollectionOption::Discount).annual_cost == rational(73, 196));  // 2/98 × 365/20
  // Side by side against waiting's 100,000.00: the discount gives up 2,000.00, interest earns 438.36.
  CHECK(find(*costs, CollectionOption::Discount).versus_waiting == -200000);
  CHECK(find(*costs, CollectionOption::Interest).versus_waiting == 43836);
  CHECK(find(*costs, CollectionOption::Wait).versus_waiting == 0);
  CHECK(std::string(to_string(CollectionOption::Factoring)) == "factoring");
}

TEST_CASE("options: risk goes into the expected cash, time into the rate") {
  // Selection: 10,000.00 with p = 0.9 of being paid, expected in 45 days.
  struct Case {
    const char* name;
    CollectionTerms terms;
    CollectionOption option;
    int64_t cash_today, expected_cash;
    const char* annual_cost;
  };
  const Case cases[] = {
      // Wait: 10,000 × 0.9 = 9,000.00.
      {"wait", terms("0", "0", "80", "2", "25", "60", 30), CollectionOption::Wait, 0, 900000, ""},
      // Interest 8 % (the UK Late Payment of Commercial Debts (Interest) Act 1998's margin over base
      // rate) for 45 days: 10,000 × 0.08 × 45/365 = 98.630137…; expected 0.9 × 10,098.630137… =
      // 9,088.767123… -> 9,088.77. Return −8 % (paid or not, the rate on what is paid).
      {"statutory-style interest", terms("0", "8", "80", "2", "25", "60", 30), CollectionOption::Interest, 0,
       908877, "-8.00"},
      // Factoring 85 % advance, 3 % fee: today 8,500 − 300 = 8,200.00; reserve 1,500 × 0.9 = 1,350.00;
      // expected 9,550.00. Rate 0.03 / 0.82 × 365/45 = 10.95 / 36.9 = 0.29674… = 29.67 %.
      {"factoring", terms("0", "0", "85", "3", "25", "60", 30), CollectionOption::Factoring, 820000, 955000,
       "29.67"},
      // Agency 25 % commission, 60 % success, 15 days: expected 10,000 × 0.6 × 0.75 = 4,500.00.
      // Rate 0.25 / 0.75 × 365 / (45 − 15) = 365/90 = 4.0555… = 405.56 %: an expensive way to gain 30 days.
      {"agency", terms("0", "0", "80", "2", "25", "60", 15), CollectionOption::Agency, 0, 450000, "405.56"},
      // A discount of 1.5 % on 10,000.00: 150.00 off, 9,850.00 today. Rate 0.015 / 0.985 × 365/45 =
      // 5.475 / 44.325 = 0.12351… = 12.35 %. Expected cash assumes the customer takes the offer.
      {"discount", terms("1.5", "0", "80", "2", "25", "60", 30), CollectionOption::Discount, 985000, 985000,
       "12.35"},
  };
  const OverdueSelection selection{1000000, rational(9, 10), rational(45)};
  for (const Case& c : cases) {
    CAPTURE(c.name);
    Result<std::vector<OptionCost>> costs = compare_collection_options(selection, c.terms);
    REQUIRE_MESSAGE(costs.ok(), describe(costs.problems()));
    const OptionCost& cost = find(*costs, c.option);
    CHECK(cost.cash_today == c.cash_today);
    CHECK(cost.expected_cash == c.expected_cash);
    CHECK(cost.annual_cost_percent == c.annual_cost);
  }
}

TEST_CASE("options: rounding once, half-up, on the exact value") {
  // 123.45 × 2 % = 2.469 -> 2.47 (half-up to the cent); cash today 123.45 − 2.47 = 120.98.
  const OverdueSelection selection{12345, rational(1), rational(30)};
  Result<std::vector<OptionCost>> costs =
      compare_collection_options(selection, terms("2", "0", "80", "2", "25", "60", 30));
  REQUIRE(costs.ok());
  CHECK(find(*costs, CollectionOption::Discount).cash_today == 12098);
  // Factoring: 123.45 × 0.8 = 98.76; fee 2.469 -> 2.47; today 96.29; reserve 24.69.
  CHECK(find(*costs, CollectionOption::Factoring).cash_today == 9629);
  CHECK(find(*costs, CollectionOption::Factoring).expected_cash == 9629 + 2469);
  // Nothing to wait for (T = 0): no time is bought, so no rate for the discount or factoring.
  Result<std::vector<OptionCost>> now = compare_collection_options(
      OverdueSelection{12345, rational(1), rational(0)}, terms("2", "0", "80", "2", "25", "60", 30));
  REQUIRE(now.ok());
  CHECK(!find(*now, CollectionOption::Discount).has_annual_cost);
  CHECK(!find(*now, CollectionOption::Factoring).has_annual_cost);
}

TEST_CASE("options: out-of-range terms are named") {
  const OverdueSelection selection{1000, rational(1), rational(10)};
  Result<std::vector<OptionCost>> r =
      compare_collection_options(selection, terms("100", "-1", "0", "2", "100", "101", -5));
  REQUIRE(!r.ok());
  const std::string all = describe(r.problems());
  for (const char* field :
       {"terms.discount_percent", "terms.interest_annual_percent", "terms.factoring_advance_percent",
        "terms.agency_commission_percent", "terms.agency_success_percent", "terms.agency_days"}) {
    CAPTURE(field);
    CHECK(all.find(field) != std::string::npos);
  }
  Result<std::vector<OptionCost>> fee =
      compare_collection_options(selection, terms("2", "8", "5", "5", "25", "60", 30));
  REQUIRE(!fee.ok());
  CHECK(fee.problems()[0].where == "terms.factoring_fee_percent");
  Result<std::vector<OptionCost>> odds = compare_collection_options(
      OverdueSelection{1000, rational(3, 2), rational(10)}, terms("2", "8", "80", "2", "25", "60", 30));
  REQUIRE(!odds.ok());
  CHECK(odds.problems()[0].where == "selection.wait_probability");
}

TEST_CASE("options: the selection's wait comes from the payment history") {
  // Customer 0 paid five invoices 10 days late; customer 1 paid four 30 days late and had one written
  // off at 100 days. As of 2026-06-30:
  //   invoice A (customer 0, 1,000.00, due 07-05): all five outcomes possible; p = 1, paid 07-15,
  //     T = 15 days;
  //   invoice B (customer 1, 3,000.00, due 06-25, 5 days past due): outcomes later than 5 days are
  //     4 paid at 30 and 1 lost: p = 4/5, paid 07-25, T = 25 days.
  //   p = (1,000 × 1 + 3,000 × 4/5) / 4,000 = 3,400 / 4,000 = 17/20
  //   T = (1,000 × 1 × 15 + 2,400 × 25) / 3,400 = 75,000 / 3,400 = 375/17 = 22.06 days
  ArLedger ledger;
  ledger.customer_count = 2;
  ledger.currency_count = 2;
  auto add = [&ledger](int32_t customer, int32_t currency, const char* due, int64_t total, int32_t late,
                       bool paid, ReductionKind kind) {
    ArInvoice inv;
    inv.customer = customer;
    inv.currency = currency;
    inv.due_day = iso_day(due);
    inv.issued_day = inv.due_day - 30;
    inv.total = total;
    const int32_t index = static_cast<int32_t>(ledger.invoices.size());
    if (paid) {
      inv.settled_day = inv.due_day + late;
      ledger.reductions.push_back(ArReduction{index, inv.settled_day, total, kind});
    }
    ledger.invoices.push_back(inv);
    return index;
  };
  for (int i = 0; i < 5; ++i) add(0, 0, "2025-03-01", 500, 10, true, ReductionKind::Payment);
  for (int i = 0; i < 4; ++i) add(1, 0, "2025-03-01", 500, 30, true, ReductionKind::Payment);
  add(1, 0, "2025-03-01", 500, 100, true, ReductionKind::WriteOff);
  const int32_t a = add(0, 0, "2026-07-05", 100000, 0, false, ReductionKind::Payment);
  const int32_t b = add(1, 0, "2026-06-25", 300000, 0, false, ReductionKind::Payment);
  const int32_t eur = add(1, 1, "2026-06-25", 100, 0, false, ReductionKind::Payment);
  const int32_t settled = 0;
  REQUIRE(check_ar_ledger(ledger).ok());

  ForecastOptions options;
  options.as_of = *parse_date("2026-06-30");
  Result<OverdueSelection> selection = overdue_selection(ledger, {a, b}, options);
  REQUIRE_MESSAGE(selection.ok(), describe(selection.problems()));
  CHECK(selection->face == 400000);
  CHECK(selection->wait_probability == rational(17, 20));
  CHECK(selection->wait_days == rational(375, 17));
  CHECK(format_rational(selection->wait_days, 2) == "22.06");

  // Then the options: waiting expects 4,000 × 17/20 = 3,400.00.
  Result<std::vector<OptionCost>> costs =
      compare_collection_options(*selection, terms("2", "8", "80", "2", "25", "60", 30));
  REQUIRE(costs.ok());
  CHECK(find(*costs, CollectionOption::Wait).expected_cash == 340000);

  CHECK(overdue_selection(ledger, {a, eur}, options).problems()[0].where == "invoices[1]");
  CHECK(overdue_selection(ledger, {settled}, options).problems()[0].where == "invoices[0]");
  CHECK(overdue_selection(ledger, {99}, options).problems()[0].where == "invoices[0]");
  CHECK(overdue_selection(ledger, {}, options).problems()[0].where == "invoices");
}

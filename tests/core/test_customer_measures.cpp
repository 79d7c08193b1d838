// Collection measures per customer (reports/customer_measures.h): the ledger cut per customer, and each
// customer's DSO, CEI and days late with the window before, worked out by hand below.
#include <doctest/doctest.h>

#include <cstdint>
#include <vector>

#include "reports/customer_measures.h"
#include "test_support.h"

using namespace duebook;

namespace {

ArInvoice invoice(int32_t customer, const char* issued, const char* due, int64_t total,
                  const char* settled = "") {
  ArInvoice inv;
  inv.customer = customer;
  inv.issued_day = iso_day(issued);
  inv.due_day = iso_day(due);
  inv.settled_day = *settled ? iso_day(settled) : kNoDay;
  inv.total = total;
  return inv;
}

// Two customers in one currency. Customer 0: one invoice of 90.00 issued in the period, still open.
// Customer 1: 20.00 due 2025-12-01 paid 2025-12-21 (20 days late, the window before), 30.00 due
// 2026-03-03 paid 2026-03-13 (10 days late) and 10.00 issued 2026-03-15, open.
ArLedger two_customers() {
  ArLedger l;
  l.customer_count = 2;
  l.currency_count = 1;
  l.invoices = {invoice(1, "2025-11-01", "2025-12-01", 2000, "2025-12-21"),
                invoice(0, "2026-01-10", "2026-02-09", 9000),
                invoice(1, "2026-02-01", "2026-03-03", 3000, "2026-03-13"),
                invoice(1, "2026-03-15", "2026-04-14", 1000)};
  l.reductions = {ArReduction{0, iso_day("2025-12-21"), 2000, ReductionKind::Payment},
                  ArReduction{2, iso_day("2026-03-13"), 3000, ReductionKind::Payment}};
  l.credits = {ArCreditMovement{1, 0, iso_day("2025-12-21"), 2000},
               ArCreditMovement{1, 0, iso_day("2025-12-21"), -2000}};
  l.deposits = {ArDeposit{3, 500}};
  return l;
}

}  // namespace

TEST_CASE("customer measures: the ledger cut per customer keeps indices and renumbers invoices") {
  const ArLedger l = two_customers();
  REQUIRE(check_ar_ledger(l).ok());
  const std::vector<ArLedger> parts = split_by_customer(l);
  REQUIRE(parts.size() == 2);
  CHECK(parts[0].invoices.size() == 1);
  CHECK(parts[0].reductions.empty());
  CHECK(parts[0].credits.empty());
  REQUIRE(parts[1].invoices.size() == 3);
  CHECK(parts[1].invoices[1].total == 3000);
  REQUIRE(parts[1].reductions.size() == 2);
  CHECK(parts[1].reductions[0].invoice == 0);  // was invoice 0
  CHECK(parts[1].reductions[1].invoice == 1);  // was invoice 2
  REQUIRE(parts[1].deposits.size() == 1);
  CHECK(parts[1].deposits[0].invoice == 2);  // was invoice 3
  CHECK(parts[1].credits.size() == 2);
  for (const ArLedger& p : parts) {
    CHECK(p.customer_count == 2);
    CHECK(check_ar_ledger(p).ok());
  }
}

TEST_CASE("customer measures: DSO, CEI and days late per customer with the window before") {
  // Period 2026-01-01..2026-03-31 = 90 days; the window before is 2025-10-03..2025-12-31.
  // DSO simple = ending receivables / credit sales × days (metrics.h, the usual definition, e.g. the
  // Credit Research Foundation's): customer 0: 9000 / 9000 × 90 = 90.0; customer 1: 1000 / 4000 × 90 = 22.5.
  // Days late, amount-weighted: customer 1 paid 3000 ten days late now, 2000 twenty days late before:
  // change 10 − 20 = −10 (paying earlier).
  Result<std::vector<CustomerMeasures>> r =
      measures_by_customer(two_customers(), iso_date("2026-01-01"), iso_date("2026-03-31"));
  REQUIRE(r.ok());
  REQUIRE(r->size() == 2);
  const CustomerMeasures& a = (*r)[0];
  const CustomerMeasures& b = (*r)[1];
  CHECK(a.customer == 0);
  CHECK(b.customer == 1);
  REQUIRE(a.dso_simple.defined);
  CHECK(format_rational(a.dso_simple.value, 1) == "90.0");
  CHECK(a.receivables == 9000);
  CHECK_FALSE(a.dso_simple_before.defined);  // nothing owed or sold before the period
  CHECK(a.days_late.current.count == 0);
  REQUIRE(b.dso_simple.defined);
  CHECK(format_rational(b.dso_simple.value, 1) == "22.5");
  CHECK(b.credit_sales == 4000);
  REQUIRE(b.dso_simple_before.defined);
  CHECK(format_rational(b.dso_simple_before.value, 1) == "0.0");  // all of 2025's sale was paid by 12-31
  CHECK(b.days_late.current.count == 1);
  CHECK(format_rational(b.days_late.current.average, 1) == "10.0");
  CHECK(format_rational(b.days_late.previous.average, 1) == "20.0");
  REQUIRE(b.days_late.has_change);
  CHECK(format_rational(b.days_late.change, 1) == "-10.0");
  // CEI is defined for customer 1 in the period: something was collectable and some of it collected.
  CHECK(b.cei.defined);
}

TEST_CASE("customer measures: a period that ends before it starts is refused") {
  Result<std::vector<CustomerMeasures>> r =
      measures_by_customer(two_customers(), iso_date("2026-03-01"), iso_date("2026-01-01"));
  REQUIRE_FALSE(r.ok());
  CHECK(r.problems()[0].where == "to");
}

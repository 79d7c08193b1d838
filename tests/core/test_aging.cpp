// Accounts-receivable aging (core/aging.h): buckets, historical as-of, reductions, credits,
// currencies, drill-down and the JSON / table / CSV renderers.
#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "reports/aging.h"
#include "reports/aging_writers.h"
#include "test_support.h"

using namespace duebook;

namespace {

// A ledger built row by row, with dates as text.
struct LedgerBuilder {
  ArLedger ledger;

  LedgerBuilder(int32_t customers, int32_t currencies) {
    ledger.customer_count = customers;
    ledger.currency_count = currencies;
  }
  // Adds an invoice; returns its index. due "" = no due date.
  int32_t invoice(int32_t customer, int32_t currency, const char* issued, const char* due, int64_t total,
                  const char* settled = "", const char* voided = "") {
    ArInvoice inv;
    inv.customer = customer;
    inv.currency = currency;
    inv.issued_day = iso_day(issued);
    inv.due_day = *due ? iso_day(due) : kNoDay;
    inv.settled_day = *settled ? iso_day(settled) : kNoDay;
    inv.voided_day = *voided ? iso_day(voided) : kNoDay;
    inv.total = total;
    ledger.invoices.push_back(inv);
    return static_cast<int32_t>(ledger.invoices.size() - 1);
  }
  // Adds a reduction; call in invoice order.
  void reduce(int32_t invoice, const char* on, int64_t amount, ReductionKind kind = ReductionKind::Payment) {
    ledger.reductions.push_back(ArReduction{invoice, iso_day(on), amount, kind});
  }
  void credit(int32_t customer, int32_t currency, const char* on, int64_t amount) {
    ledger.credits.push_back(ArCreditMovement{customer, currency, iso_day(on), amount});
  }
};

AgingReport age(const ArLedger& ledger, const char* as_of, AgingBasis basis = AgingBasis::DueDate) {
  REQUIRE(check_ar_ledger(ledger).ok());
  AgingOptions options;
  options.as_of = iso_date(as_of);
  options.basis = basis;
  Result<AgingReport> r = compute_aging(ledger, options);
  REQUIRE_MESSAGE(r.ok(), describe(r.problems()));
  return std::move(r.value());
}

// The five default buckets of one (customer, currency) row, or all zero when there is no row.
std::vector<int64_t> buckets_of(const AgingReport& report, int32_t customer, int32_t currency) {
  std::vector<int64_t> out(static_cast<std::size_t>(report.bucket_count()), 0);
  const int32_t row = report.find_row(customer, currency);
  if (row < 0) return out;
  for (int b = 0; b < report.bucket_count(); ++b) out[static_cast<std::size_t>(b)] = report.amount(row, b);
  return out;
}

AgingLabels labels(std::vector<std::string> names, std::vector<Currency> currencies) {
  return AgingLabels{std::move(names), std::move(currencies)};
}

const Currency kUsd{"USD", 2, "US Dollar"};
const Currency kEur{"EUR", 2, "Euro"};
const Currency kJpy{"JPY", 0, "Yen"};

}  // namespace

TEST_CASE("aging: bucket edges at 0, 1, 30, 31, 60, 61, 90, 91 days past due") {
  // Bucket definitions: the usual A/R aging layout, as in QuickBooks' A/R Aging Summary help ("The
  // 1-30, 31-60, 61-90, and >90 columns show overdue balances ... an amount in the 31-60 column is
  // between 31 and 60 days overdue"; Current = not yet due) and the Credit Research Foundation's
  // "current receivables: not yet due according to terms"; "90+" = 91 days and more.
  // Days past due = as-of − due date: 2026-06-30 − 2026-05-31 = 30.
  struct Case {
    const char* due;  // due date; as of 2026-06-30
    int days;         // days past due, written out
    int bucket;       // 0 current, 1 1-30, 2 31-60, 3 61-90, 4 90+
  };
  const Case cases[] = {
      {"2026-07-05", -5, 0}, {"2026-06-30", 0, 0},   {"2026-06-29", 1, 1},  {"2026-05-31", 30, 1},
      {"2026-05-30", 31, 2}, {"2026-05-01", 60, 2},  {"2026-04-30", 61, 3}, {"2026-04-01", 90, 3},
      {"2026-03-31", 91, 4}, {"2025-06-30", 365, 4},
  };
  for (const Case& c : cases) {
    CAPTURE(c.due);
    LedgerBuilder b(1, 1);
    b.invoice(0, 0, "2025-01-01", c.due, 10000);
    const AgingReport report = age(b.ledger, "2026-06-30");
    CHECK(days_between(iso_date(c.due), iso_date("2026-06-30")) == c.days);
    std::vector<int64_t> expected(5, 0);
    expected[static_cast<std::size_t>(c.bucket)] = 10000;
    CHECK(buckets_of(report, 0, 0) == expected);
    const int32_t row = report.find_row(0, 0);
    REQUIRE(row >= 0);
    CHECK(report.rows[row].total == 10000);
    const std::vector<AgingItem> items = aging_cell_items(b.ledger, report, row, c.bucket);
    REQUIRE(items.size() == 1);
    CHECK(items[0].age == c.days);
  }
}

TEST_CASE("aging: as of a past date ignores what happened after it") {
  // One invoice of 1,000.00 issued 2026-01-10, due 2026-02-09 (Net 30); paid 600.00 on 2026-03-15 and
  // 400.00 on 2026-05-01, when it was settled. Open = total − reductions dated on or before the day.
  LedgerBuilder b(1, 1);
  const int32_t inv = b.invoice(0, 0, "2026-01-10", "2026-02-09", 100000, "2026-05-01");
  b.reduce(inv, "2026-03-15", 60000);
  b.reduce(inv, "2026-05-01", 40000);
  struct Case {
    const char* as_of;
    std::vector<int64_t> buckets;  // expected, in minor units
  };
  const Case cases[] = {
      {"2026-01-09", {0, 0, 0, 0, 0}},       // not issued yet: left out
      {"2026-01-10", {100000, 0, 0, 0, 0}},  // issued, not due: current
      {"2026-03-01", {0, 100000, 0, 0, 0}},  // 20 days past due; the payment of 03-15 is in its future
      {"2026-03-15", {0, 0, 40000, 0, 0}},   // 34 days past due; 600.00 paid that day counts
      {"2026-03-31", {0, 0, 40000, 0, 0}},   // 50 days past due, 400.00 open
      {"2026-04-30", {0, 0, 0, 40000, 0}},   // 80 days
      {"2026-05-01", {0, 0, 0, 0, 0}},       // settled that day: left out without reading reductions
  };
  for (const Case& c : cases) {
    CAPTURE(c.as_of);
    CHECK(buckets_of(age(b.ledger, c.as_of), 0, 0) == c.buckets);
  }
}

TEST_CASE("aging: voids, credit notes, write-offs and reversals, each on its own date") {
  LedgerBuilder b(1, 1);
  const int32_t voided = b.invoice(0, 0, "2026-01-01", "2026-01-31", 50000, "2026-04-01", "2026-04-01");
  const int32_t credited = b.invoice(0, 0, "2026-02-01", "2026-03-03", 30000);
  b.reduce(credited, "2026-03-10", 10000, ReductionKind::CreditNote);
  const int32_t written = b.invoice(0, 0, "2026-02-01", "2026-03-03", 20000, "2026-06-01");
  b.reduce(written, "2026-06-01", 20000, ReductionKind::WriteOff);
  const int32_t bounced = b.invoice(0, 0, "2026-03-01", "2026-03-31", 7000);
  b.reduce(bounced, "2026-04-05", 7000);   // paid ...
  b.reduce(bounced, "2026-04-09", -7000);  // ... and the payment bounced: open again
  (void)voided;

  // As of 2026-03-31: everything is open; the credit note of 03-10 took 100.00 off.
  //   voided (due 01-31, 59 days) 500.00 -> 31-60; credited 200.00 and written 200.00 (due 03-03,
  //   28 days) -> 1-30; bounced (due 03-31, 0 days) 70.00 -> current.
  CHECK(buckets_of(age(b.ledger, "2026-03-31"), 0, 0) == std::vector<int64_t>{7000, 40000, 50000, 0, 0});
  // As of 2026-04-06: the void of 04-01 removed 500.00; the bounced invoice looks paid.
  CHECK(buckets_of(age(b.ledger, "2026-04-06"), 0, 0) == std::vector<int64_t>{0, 0, 40000, 0, 0});
  // As of 2026-04-09: the reversal reopened 70.00 (9 days past due).
  CHECK(buckets_of(age(b.ledger, "2026-04-09"), 0, 0) == std::vector<int64_t>{0, 7000, 40000, 0, 0});
  // As of 2026-06-01: the write-off settled its invoice; 200.00 of "credited" remain (due 03-03: 90
  // days) and the bounced 70.00 (due 03-31: 62 days).
  CHECK(buckets_of(age(b.ledger, "2026-06-01"), 0, 0) == std::vector<int64_t>{0, 0, 0, 27000, 0});
  CHECK(buckets_of(age(b.ledger, "2026-06-02"), 0, 0) == std::vector<int64_t>{0, 0, 0, 7000, 20000});
}

TEST_CASE("aging: unapplied credit, shown per customer, moves with its dates") {
  // A payment of 300.00 received 2026-05-10, allocated 200.00 to an invoice on 2026-05-20; a customer
  // credit note of 50.00 issued 2026-06-01 and never applied.
  LedgerBuilder b(2, 1);
  const int32_t inv = b.invoice(0, 0, "2026-04-01", "2026-05-01", 25000);
  b.reduce(inv, "2026-05-20", 20000);
  b.credit(0, 0, "2026-05-10", 30000);
  b.credit(0, 0, "2026-05-20", -20000);
  b.credit(0, 0, "2026-06-01", 5000);
  b.credit(1, 0, "2026-06-01", 1000);  // customer 1 has nothing but credit
  b.credit(1, 0, "2026-06-02", -1000);
  struct Case {
    const char* as_of;
    int64_t open;      // customer 0's open amount
    int64_t credit;    // customer 0's unapplied credit
    int64_t credit_1;  // customer 1's
  };
  const Case cases[] = {
      {"2026-05-09", 25000, 0, 0},       {"2026-05-10", 25000, 30000, 0},  // received, not yet allocated
      {"2026-05-20", 5000, 10000, 0},                                      // 200.00 allocated
      {"2026-06-01", 5000, 15000, 1000},                                   // plus the credit note
      {"2026-06-02", 5000, 15000, 0},                                      // customer 1's credit refunded
  };
  for (const Case& c : cases) {
    CAPTURE(c.as_of);
    const AgingReport report = age(b.ledger, c.as_of);
    const int32_t row = report.find_row(0, 0);
    REQUIRE(row >= 0);
    CHECK(report.rows[row].total == c.open);
    CHECK(report.rows[row].unapplied_credit == c.credit);
    const int32_t row1 = report.find_row(1, 0);
    CHECK((row1 < 0 ? 0 : report.rows[row1].unapplied_credit) == c.credit_1);
    CHECK(report.totals[0].unapplied_credit == c.credit + c.credit_1);
  }
  // A customer with only credit is shown; one whose credit went back to zero is left out. The invoice
  // (due 05-01) is 31 days past due on 06-01: 31-60.
  const AgingLabels names = labels({"Acme Ltd", "Bolt GmbH"}, {kUsd});
  CHECK(aging_to_csv(age(b.ledger, "2026-06-01"), names) ==
        "currency,customer,current,1-30,31-60,61-90,90+,total,unapplied_credit\r\n"
        "USD,Acme Ltd,0.00,0.00,50.00,0.00,0.00,50.00,150.00\r\n"
        "USD,Bolt GmbH,0.00,0.00,0.00,0.00,0.00,0.00,10.00\r\n"
        "USD,TOTAL,0.00,0.00,50.00,0.00,0.00,50.00,160.00\r\n");
  CHECK(aging_to_csv(age(b.ledger, "2026-06-02"), names) ==
        "currency,customer,current,1-30,31-60,61-90,90+,total,unapplied_credit\r\n"
        "USD,Acme Ltd,0.00,0.00,50.00,0.00,0.00,50.00,150.00\r\n"
        "USD,TOTAL,0.00,0.00,50.00,0.00,0.00,50.00,150.00\r\n");
}

TEST_CASE("aging: an invoice without a due date is due on its issue date") {
  // Documented rule (aging.h): no due date = due on the issue date, as "due on receipt" terms say.
  // Issued 2026-06-01, as of 2026-06-30: 29 days -> 1-30 on either basis.
  LedgerBuilder b(1, 1);
  b.invoice(0, 0, "2026-06-01", "", 9900);
  b.invoice(0, 0, "2026-06-01", "2026-07-01", 100);  // with a due date: current by due date
  CHECK(buckets_of(age(b.ledger, "2026-06-30"), 0, 0) == std::vector<int64_t>{100, 9900, 0, 0, 0});
  CHECK(buckets_of(age(b.ledger, "2026-06-30", AgingBasis::InvoiceDate), 0, 0) ==
        std::vector<int64_t>{0, 10000, 0, 0, 0});
}

TEST_CASE("aging: one section per currency, totals per currency, minor digits per currency") {
  LedgerBuilder b(3, 3);                               // currencies: 0 USD, 1 EUR, 2 JPY
  b.invoice(0, 0, "2026-05-01", "2026-05-31", 12050);  // Acme USD 120.50, 30 days
  b.invoice(0, 1, "2026-03-01", "2026-03-31", 99999);  // Acme EUR 999.99, 91 days
  b.invoice(1, 2, "2026-06-20", "2026-07-20", 5000);   // Zed JPY 5000, current
  b.invoice(2, 0, "2026-04-01", "2026-05-01", 1);      // bolt USD 0.01, 60 days
  const AgingReport report = age(b.ledger, "2026-06-30");
  CHECK(report.totals[0].buckets == std::vector<int64_t>{0, 12050, 1, 0, 0});
  CHECK(report.totals[0].total == 12051);
  CHECK(report.totals[1].total == 99999);
  CHECK(report.totals[2].buckets == std::vector<int64_t>{5000, 0, 0, 0, 0});
  // Currencies by code (EUR, JPY, USD); customers by name, case-insensitively (Acme before bolt).
  const AgingLabels names = labels({"Acme Ltd", "Zed KK", "bolt"}, {kUsd, kEur, kJpy});
  CHECK(aging_to_csv(report, names) ==
        "currency,customer,current,1-30,31-60,61-90,90+,total,unapplied_credit\r\n"
        "EUR,Acme Ltd,0.00,0.00,0.00,0.00,999.99,999.99,0.00\r\n"
        "EUR,TOTAL,0.00,0.00,0.00,0.00,999.99,999.99,0.00\r\n"
        "JPY,Zed KK,5000,0,0,0,0,5000,0\r\n"
        "JPY,TOTAL,5000,0,0,0,0,5000,0\r\n"
        "USD,Acme Ltd,0.00,120.50,0.00,0.00,0.00,120.50,0.00\r\n"
        "USD,bolt,0.00,0.00,0.01,0.00,0.00,0.01,0.00\r\n"
        "USD,TOTAL,0.00,120.50,0.01,0.00,0.00,120.51,0.00\r\n");
  CHECK(aging_to_table(report, names) ==
        "EUR\n"
        "Customer  current  1-30  31-60  61-90     90+   Total  Unapplied credit\n"
        "Acme Ltd     0.00  0.00   0.00   0.00  999.99  999.99              0.00\n"
        "-----------------------------------------------------------------------\n"
        "TOTAL        0.00  0.00   0.00   0.00  999.99  999.99              0.00\n"
        "\n"
        "JPY\n"
        "Customer  current  1-30  31-60  61-90  90+  Total  Unapplied credit\n"
        "Zed KK       5000     0      0      0    0   5000                 0\n"
        "-------------------------------------------------------------------\n"
        "TOTAL        5000     0      0      0    0   5000                 0\n"
        "\n"
        "USD\n"
        "Customer  current    1-30  31-60  61-90   90+   Total  Unapplied credit\n"
        "Acme Ltd     0.00  120.50   0.00   0.00  0.00  120.50              0.00\n"
        "bolt         0.00    0.00   0.01   0.00  0.00    0.01              0.00\n"
        "-----------------------------------------------------------------------\n"
        "TOTAL        0.00  120.50   0.01   0.00  0.00  120.51              0.00\n");
}

TEST_CASE("aging: the JSON contract, exactly") {
  // The contract from the reporting brief: Acme Ltd owes USD 120.50, 30 days past due as of 2026-06-30.
  LedgerBuilder b(2, 2);
  b.invoice(0, 0, "2026-05-01", "2026-05-31", 12050);
  b.invoice(1, 1, "2026-05-01", "2026-05-31", 500, "2026-06-10");  // paid: customer left out, EUR too
  const AgingReport report = age(b.ledger, "2026-06-30");
  CHECK(
      aging_to_json(report, labels({"Acme Ltd", "Paid Up SA"}, {kUsd, kEur})) ==
      R"({"as_of": "2026-06-30", "basis": "due_date", "buckets": ["current", "1-30", "31-60", "61-90", "90+"], )"
      R"("by_currency": [{"currency": "USD", "customers": [{"name": "Acme Ltd", "buckets": ["0.00", "120.50", )"
      R"("0.00", "0.00", "0.00"], "total": "120.50", "unapplied_credit": "0.00"}], "totals": {"buckets": )"
      R"(["0.00", "120.50", "0.00", "0.00", "0.00"], "total": "120.50"}}]})");
  // Names are escaped; an empty ledger has no sections; the basis is named.
  LedgerBuilder quoted(1, 1);
  quoted.invoice(0, 0, "2026-06-01", "", 100);
  CHECK(
      aging_to_json(age(quoted.ledger, "2026-06-30", AgingBasis::InvoiceDate),
                    labels({"\"Q\" \\ Co"}, {kUsd})) ==
      R"({"as_of": "2026-06-30", "basis": "invoice_date", "buckets": ["current", "1-30", "31-60", "61-90", )"
      R"("90+"], "by_currency": [{"currency": "USD", "customers": [{"name": "\"Q\" \\ Co", "buckets": ["0.00", )"
      R"("1.00", "0.00", "0.00", "0.00"], "total": "1.00", "unapplied_credit": "0.00"}], "totals": {"buckets": )"
      R"(["0.00", "1.00", "0.00", "0.00", "0.00"], "total": "1.00"}}]})");
  CHECK(aging_to_json(age(LedgerBuilder(0, 0).ledger, "2026-06-30"), labels({}, {})) ==
        R"({"as_of": "2026-06-30", "basis": "due_date", "buckets": ["current", "1-30", "31-60", "61-90", )"
        R"("90+"], "by_currency": []})");
}

TEST_CASE("aging: drill-down lists the invoices behind each cell, with their open amount then") {
  LedgerBuilder b(2, 1);
  const int32_t a1 = b.invoice(0, 0, "2026-05-01", "2026-05-31", 1000);
  const int32_t b1 = b.invoice(1, 0, "2026-05-01", "2026-05-31", 2000);
  const int32_t a2 = b.invoice(0, 0, "2026-05-10", "2026-06-09", 3000);
  const int32_t a3 = b.invoice(0, 0, "2026-01-10", "2026-02-09", 4000);
  b.reduce(a3, "2026-06-01", 1500);
  b.reduce(a3, "2026-08-01", 2500);  // after the day: the drill-down shows 25.00 open, not 0
  const AgingReport report = age(b.ledger, "2026-06-30");
  const int32_t row = report.find_row(0, 0);
  const std::vector<AgingItem> late = aging_cell_items(b.ledger, report, row, 1);
  REQUIRE(late.size() == 2);
  CHECK(late[0].invoice == a1);
  CHECK(late[0].open == 1000);
  CHECK(late[1].invoice == a2);
  CHECK(late[1].age == 21);
  const std::vector<AgingItem> old = aging_cell_items(b.ledger, report, row, 4);
  REQUIRE(old.size() == 1);
  CHECK(old[0].invoice == a3);
  CHECK(old[0].open == 2500);
  CHECK(aging_cell_items(b.ledger, report, report.find_row(1, 0), 1).front().invoice == b1);
  CHECK(aging_cell_items(b.ledger, report, row, 0).empty());
  CHECK(aging_cell_items(b.ledger, report, -1, 0).empty());
  CHECK(report.rows[row].open_invoices == 3);
}

TEST_CASE("aging: an overpaid invoice stays in, negative, so the report adds up to the ledger") {
  LedgerBuilder b(1, 1);
  const int32_t inv = b.invoice(0, 0, "2026-06-01", "2026-07-01", 1000);
  b.reduce(inv, "2026-06-05", 1200);
  b.invoice(0, 0, "2026-06-01", "2026-07-01", 500);
  const AgingReport report = age(b.ledger, "2026-06-30");
  CHECK(buckets_of(report, 0, 0) == std::vector<int64_t>{300, 0, 0, 0, 0});
  CHECK(report.rows[0].open_invoices == 2);
}

TEST_CASE("aging: custom buckets and their validation") {
  Result<AgingBuckets> weekly = aging_buckets_from_limits({0, 7, 14});
  REQUIRE(weekly.ok());
  CHECK(weekly->names == std::vector<std::string>{"current", "1-7", "8-14", "14+"});
  Result<AgingBuckets> thirty = aging_buckets_from_limits({30, 60});
  REQUIRE(thirty.ok());
  CHECK(thirty->names == std::vector<std::string>{"\xE2\x89\xA4"
                                                  "30",
                                                  "31-60", "60+"});
  CHECK(!aging_buckets_from_limits({}).ok());
  CHECK(!aging_buckets_from_limits({30, 30}).ok());

  LedgerBuilder b(1, 1);
  b.invoice(0, 0, "2026-06-01", "2026-06-22", 700);  // 8 days past due as of 06-30
  AgingOptions options;
  options.as_of = iso_date("2026-06-30");
  options.buckets = *weekly;
  Result<AgingReport> report = compute_aging(b.ledger, options);
  REQUIRE(report.ok());
  CHECK(report->amount(0, 2) == 700);

  options.buckets.names.pop_back();
  Result<AgingReport> bad = compute_aging(b.ledger, options);
  REQUIRE(!bad.ok());
  CHECK(bad.problems()[0].where == "buckets.names");
}

TEST_CASE("aging: check_ar_ledger names the rows it cannot use") {
  LedgerBuilder b(1, 1);
  b.invoice(0, 0, "2026-06-01", "2026-07-01", 100);
  b.invoice(0, 0, "2026-06-01", "2026-07-01", 100);
  b.reduce(1, "2026-06-02", 10);
  b.reduce(0, "2026-06-02", 10);  // out of order
  b.ledger.invoices[1].customer = 5;
  const Status s = check_ar_ledger(b.ledger);
  REQUIRE(!s.ok());
  CHECK(describe(s.problems()).find("invoices[1].customer: no such customer") != std::string::npos);
  CHECK(describe(s.problems()).find("reductions[1].invoice: reductions must be sorted by invoice") !=
        std::string::npos);
}

TEST_CASE("aging: CSV quotes and defuses names; the table aligns UTF-8 names") {
  LedgerBuilder b(3, 1);
  b.invoice(0, 0, "2026-06-01", "2026-07-01", 100);
  b.invoice(1, 0, "2026-06-01", "2026-07-01", 200);
  b.invoice(2, 0, "2026-06-01", "2026-07-01", 300);
  const AgingReport report = age(b.ledger, "2026-06-30");
  const AgingLabels names = labels({"Smith, \"Jones\"", "=HYPERLINK(1)", "Müller"}, {kUsd});
  CHECK(aging_to_csv(report, names) ==
        "currency,customer,current,1-30,31-60,61-90,90+,total,unapplied_credit\r\n"
        "USD,'=HYPERLINK(1),2.00,0.00,0.00,0.00,0.00,2.00,0.00\r\n"
        "USD,Müller,3.00,0.00,0.00,0.00,0.00,3.00,0.00\r\n"
        "USD,\"Smith, \"\"Jones\"\"\",1.00,0.00,0.00,0.00,0.00,1.00,0.00\r\n"
        "USD,TOTAL,6.00,0.00,0.00,0.00,0.00,6.00,0.00\r\n");
  // The table is not a spreadsheet: names as written; ü takes one column like any letter.
  CHECK(aging_to_table(report, names) ==
        "USD\n"
        "Customer        current  1-30  31-60  61-90   90+  Total  Unapplied credit\n"
        "=HYPERLINK(1)      2.00  0.00   0.00   0.00  0.00   2.00              0.00\n"
        "Müller             3.00  0.00   0.00   0.00  0.00   3.00              0.00\n"
        "Smith, \"Jones\"     1.00  0.00   0.00   0.00  0.00   1.00              0.00\n"
        "--------------------------------------------------------------------------\n"
        "TOTAL              6.00  0.00   0.00   0.00  0.00   6.00              0.00\n");
}

TEST_CASE("aging: 200,000 synthetic invoices complete and add up") {
  // A micro-check only: the time is measured by the benchmark, not asserted here.
  constexpr int32_t kInvoices = 200000, kCustomers = 5000;
  ArLedger ledger;
  ledger.customer_count = kCustomers;
  ledger.currency_count = 2;
  ledger.invoices.reserve(kInvoices);
  const int32_t as_of = iso_day("2026-06-30");
  uint64_t seed = 0x9E3779B97F4A7C15ull;
  auto next = [&seed] {  // xorshift64*, a fixed sequence
    seed ^= seed >> 12, seed ^= seed << 25, seed ^= seed >> 27;
    return (seed * 0x2545F4914F6CDD1Dull) >> 33;
  };
  int64_t expected_total = 0;
  for (int32_t i = 0; i < kInvoices; ++i) {
    ArInvoice inv;
    inv.customer = static_cast<int32_t>(next() % kCustomers);
    inv.currency = inv.customer % 7 == 0 ? 1 : 0;
    inv.issued_day = as_of - static_cast<int32_t>(next() % 400) + 30;
    inv.due_day = inv.issued_day + 30;
    inv.total = 1000 + static_cast<int64_t>(next() % 100000);
    const bool paid = next() % 3 == 0;
    if (paid) {
      inv.settled_day = inv.issued_day + static_cast<int32_t>(next() % 90);
      ledger.reductions.push_back(ArReduction{i, inv.settled_day, inv.total, ReductionKind::Payment});
    }
    if (inv.issued_day <= as_of && !(paid && inv.settled_day <= as_of)) expected_total += inv.total;
    ledger.invoices.push_back(inv);
  }
  AgingOptions options;
  options.as_of = civil_from_days(as_of);
  Result<AgingReport> report = compute_aging(ledger, options);
  REQUIRE(report.ok());
  CHECK(report->totals[0].total + report->totals[1].total == expected_total);
  CHECK(report->cell_invoices.size() > 100000);
}

TEST_CASE("aging: the open index gives the very report of the full pass, on any day") {
  // A random ledger with partial payments, reversals, write-offs, voids, no-due-date invoices and two
  // currencies over six years; aged every 11 days from before the first issue to after the last
  // settlement, by due date and by issue date, with the drill-down.
  constexpr int32_t kInvoices = 4000, kCustomers = 150;
  ArLedger ledger;
  ledger.customer_count = kCustomers;
  ledger.currency_count = 2;
  const int32_t start = iso_day("2020-01-01");
  uint64_t seed = 0xD1B54A32D192ED03ull;
  auto next = [&seed](uint64_t n) {  // xorshift64*, a fixed sequence, in [0, n)
    seed ^= seed >> 12, seed ^= seed << 25, seed ^= seed >> 27;
    return ((seed * 0x2545F4914F6CDD1Dull) >> 33) % n;
  };
  for (int32_t i = 0; i < kInvoices; ++i) {
    ArInvoice inv;
    inv.customer = static_cast<int32_t>(next(kCustomers));
    inv.currency = static_cast<int32_t>(next(5) == 0);
    inv.issued_day = start + static_cast<int32_t>(next(6 * 365));
    inv.due_day = next(10) == 0 ? kNoDay : inv.issued_day + static_cast<int32_t>(next(61));
    inv.total = 100 + static_cast<int64_t>(next(50000));
    int64_t open = inv.total;
    int32_t on = inv.issued_day;
    const int parts = static_cast<int>(next(4));
    for (int p = 0; p < parts && open > 0; ++p) {
      on += static_cast<int32_t>(next(90));
      const int64_t amount =
          p + 1 == parts ? open : 1 + static_cast<int64_t>(next(static_cast<uint64_t>(open)));
      const auto kind = static_cast<ReductionKind>(next(3));
      ledger.reductions.push_back(ArReduction{i, on, amount, kind});
      open -= amount;
      if (next(8) == 0) {  // bounced, then paid again the next week
        ledger.reductions.push_back(ArReduction{i, on + 3, -amount, ReductionKind::Payment});
        ledger.reductions.push_back(ArReduction{i, on + 7, amount, ReductionKind::Payment});
        on += 7;
      }
    }
    if (open == 0) inv.settled_day = on;
    if (next(25) == 0) inv.voided_day = inv.issued_day + static_cast<int32_t>(next(200));
    ledger.invoices.push_back(inv);
  }
  for (int k = 0; k < 300; ++k)
    ledger.credits.push_back(ArCreditMovement{static_cast<int32_t>(next(kCustomers)), 0,
                                              start + static_cast<int32_t>(next(6 * 365)),
                                              static_cast<int64_t>(next(9000)) - 3000});
  for (int k = 0; k < 600; ++k) {  // payments allocated the day they came, or days later
    const auto customer = static_cast<int32_t>(next(kCustomers));
    const int32_t on = start + static_cast<int32_t>(next(6 * 365));
    const auto amount = static_cast<int64_t>(1 + next(9000));
    ledger.credits.push_back(ArCreditMovement{customer, 0, on, amount});
    ledger.credits.push_back(
        ArCreditMovement{customer, 0, on + static_cast<int32_t>(next(3) == 0 ? next(20) : 0), -amount});
  }
  REQUIRE(check_ar_ledger(ledger).ok());
  ArLedger indexed = ledger;
  build_open_index(indexed);
  REQUIRE(indexed.open_index.invoice_count == ledger.invoices.size());
  CHECK(indexed.open_index.credits.size() < ledger.credits.size() - 600);  // same-day pairs netted away

  int compared = 0, with_rows = 0;
  for (int32_t d = start - 20; d <= start + 7 * 365; d += 11) {
    for (AgingBasis basis : {AgingBasis::DueDate, AgingBasis::InvoiceDate}) {
      AgingOptions options;
      options.as_of = civil_from_days(d);
      options.basis = basis;
      Result<AgingReport> full = compute_aging(ledger, options);
      Result<AgingReport> fast = compute_aging(indexed, options);
      REQUIRE(full.ok());
      REQUIRE(fast.ok());
      REQUIRE(fast->rows.size() == full->rows.size());
      for (std::size_t r = 0; r < full->rows.size(); ++r) {
        CHECK(fast->rows[r].customer == full->rows[r].customer);
        CHECK(fast->rows[r].currency == full->rows[r].currency);
        CHECK(fast->rows[r].total == full->rows[r].total);
        CHECK(fast->rows[r].open_invoices == full->rows[r].open_invoices);
        CHECK(fast->rows[r].unapplied_credit == full->rows[r].unapplied_credit);
      }
      CHECK(fast->amounts == full->amounts);
      CHECK(fast->cell_start == full->cell_start);
      CHECK(fast->cell_invoices == full->cell_invoices);
      CHECK(fast->first_row_of_customer == full->first_row_of_customer);
      for (std::size_t c = 0; c < full->totals.size(); ++c)
        CHECK(fast->totals[c].buckets == full->totals[c].buckets);
      ++compared;
      with_rows += !full->cell_invoices.empty();
    }
  }
  CHECK(compared > 400);
  CHECK(with_rows > 350);  // the comparison is not between empty reports

  // An index built for other rows is not used: after an invoice is added the full pass runs again.
  ArInvoice late;
  late.customer = 0;
  late.issued_day = start;
  late.due_day = start;
  late.total = 777;
  indexed.invoices.push_back(late);
  AgingOptions options;
  options.as_of = civil_from_days(start + 400);
  Result<AgingReport> after = compute_aging(indexed, options);
  REQUIRE(after.ok());
  ledger.invoices.push_back(late);
  Result<AgingReport> expected = compute_aging(ledger, options);
  REQUIRE(expected.ok());
  CHECK(after->totals[0].total == expected->totals[0].total);
}

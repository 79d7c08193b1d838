// The dashboard's figures and the DSO month by month, worked out by hand from a small ledger.
#include <doctest/doctest.h>

#include "collections/collections_worklist.h"
#include "collections/dashboard.h"
#include "invoicing/invoice_queries.h"
#include "receivables_checks.h"
#include "reports/ar_snapshot.h"
#include "reports/dso_trend.h"
#include "test_support.h"

using namespace duebook;

namespace {

// Acme (EUR, Net 30): A 1,000.00 issued 2026-01-01 (due 01-31), 400.00 paid on 02-15; B 500.00 issued 03-01
// (due 03-31); C 200.00 issued 04-20 (due 05-20). Birch (USD, Net 30): D 300.00 issued 02-01 (due 03-03).
struct SmallLedger {
  TestLedger t;
  int64_t acme = 0, birch = 0, a = 0, b = 0, c = 0, d = 0;
  SmallLedger() {
    acme = must(*t.ledger, AddCustomer{customer_fields("Acme Ltd", "EUR")});
    birch = must(*t.ledger, AddCustomer{customer_fields("Birch Inc", "USD")});
    a = must(*t.ledger, AddInvoice{invoice_for(acme, "2026-01-01", 100000), true});
    d = must(*t.ledger, AddInvoice{invoice_for(birch, "2026-02-01", 30000), true});
    const std::string number_a = find_invoice(t->db(), a)->summary.number;
    must(*t.ledger, RecordPayment{acme, day("2026-02-15"), 40000, "", "bank transfer", number_a});
    b = must(*t.ledger, AddInvoice{invoice_for(acme, "2026-03-01", 50000), true});
    c = must(*t.ledger, AddInvoice{invoice_for(acme, "2026-04-20", 20000), true});
  }
};

}  // namespace

TEST_CASE(
    "DSO month by month: each calendar month's receivables over its sales, gaps where nothing was sold") {
  SmallLedger l;
  Result<ArSnapshot> snap = load_ar_snapshot(l.t->db());
  REQUIRE(snap.ok());
  Result<std::vector<CurrencyDsoSeries>> series = dso_by_month(snap->ledger, day("2026-05-01"), 12);
  REQUIRE(series.ok());
  REQUIRE(series->size() == 2);
  const std::vector<DsoMonth>& eur = (*series)[std::size_t(snap->currency_index("EUR"))].months;
  const std::vector<DsoMonth>& usd = (*series)[std::size_t(snap->currency_index("USD"))].months;
  REQUIRE(eur.size() == 12);
  // The oldest month is June 2025, the newest May 2026 cut at the series' end day.
  CHECK(eur[0].from == day("2025-06-01"));
  CHECK(eur[0].to == day("2025-06-30"));
  CHECK(eur[11].from == day("2026-05-01"));
  CHECK(eur[11].to == day("2026-05-01"));
  CHECK_FALSE(eur[0].simple.defined);
  CHECK_FALSE(eur[11].simple.defined);  // nothing invoiced in May yet
  // April (CRF simple DSO = ending receivables / credit sales × days): 1,300.00 open on 04-30 (A's 600.00 +
  // B's 500.00 + C's 200.00) over April's sales 200.00 × 30 days = 195 days.
  CHECK(eur[10].ending_receivables == 130000);
  CHECK(eur[10].credit_sales == 20000);
  REQUIRE(eur[10].simple.defined);
  CHECK(eur[10].simple.value == rational(195));
  // January: A alone, 1,000.00 open over 1,000.00 sold × 31 days = 31 days.
  REQUIRE(eur[7].simple.defined);
  CHECK(eur[7].simple.value == rational(31));
  // USD February: D's 300.00 open over 300.00 sold × 28 days = 28; March sold nothing.
  REQUIRE(usd[8].simple.defined);
  CHECK(usd[8].simple.value == rational(28));
  CHECK_FALSE(usd[9].simple.defined);
  CHECK(dso_by_month(snap->ledger, day("2026-05-01"), 0).problems()[0].where == "months");
}

TEST_CASE("the dashboard: receivables, aging, DSO, the forecast's promised receipts and today's counts") {
  SmallLedger l;
  must(*l.t.ledger, AddPromise{l.acme, day("2026-04-25"), day("2026-05-10"), 30000, {l.a}, "on the phone"});
  must(*l.t.ledger, OpenDispute{l.b, day("2026-04-10"), "pricing", "the rate was wrong"});
  CustomerFields held = customer_fields("Birch Inc", "USD");
  held.status = CustomerStatus::CreditHold;
  must(*l.t.ledger, EditCustomer{l.birch, held});

  Result<Dashboard> d = load_dashboard(l.t->db(), day("2026-05-01"));
  REQUIRE(d.ok());
  CHECK(d->issued_invoices == 4);
  REQUIRE(d->currencies.size() == 2);
  const DashboardCurrency& eur = d->currencies[0];  // the most owed first
  const DashboardCurrency& usd = d->currencies[1];
  REQUIRE(eur.currency == "EUR");
  REQUIRE(usd.currency == "USD");
  // As of 05-01: A 600.00 is 90 days past due (61-90), B 500.00 31 days (31-60), C 200.00 not yet due.
  CHECK(eur.receivable == 130000);
  CHECK(eur.overdue == 110000);
  REQUIRE(eur.share_overdue.defined);
  CHECK(eur.share_overdue.value == rational(11, 13));
  CHECK(eur.aging == std::vector<int64_t>{20000, 0, 50000, 60000, 0});
  CHECK(eur.aging_invoices == std::vector<int32_t>{1, 0, 1, 1, 0});
  CHECK(usd.aging == std::vector<int64_t>{0, 0, 30000, 0, 0});  // D: 59 days past due
  // DSO over 02-01..05-01 (90 days): 1,300.00 open over B + C = 700.00 sold × 90 = 1170/7 days.
  REQUIRE(eur.dso_simple.defined);
  CHECK(eur.dso_simple.value == rational(130000 * 90, 70000));
  REQUIRE(eur.dso_months.size() == std::size_t(kDashboardDsoMonths));
  CHECK(eur.dso_months[10].simple.value == rational(195));
  // The promise of 300.00 by 05-10 falls in week 2 (05-09..05-15) of the forecast.
  CHECK(eur.scheduled[1] == 30000);
  CHECK(eur.scheduled_count[1] == 1);
  CHECK(eur.scheduled[0] == 0);
  CHECK(eur.forecast.open_total > 0);
  // Acme owes the most overdue in EUR, its oldest invoice 90 days late.
  REQUIRE(eur.top_overdue.size() == 1);
  CHECK(eur.top_overdue[0].name == "Acme Ltd");
  CHECK(eur.top_overdue[0].customer_id == l.acme);
  CHECK(eur.top_overdue[0].overdue == 110000);
  CHECK(eur.top_overdue[0].days_late == 90);
  CHECK_FALSE(eur.top_overdue[0].next_step.empty());
  REQUIRE(usd.top_overdue.size() == 1);
  CHECK(usd.top_overdue[0].days_late == 59);
  // Today's counts agree with the worklist; Birch is on hold; B's dispute is open.
  const LedgerWorklist w = load_worklist(l.t->db(), day("2026-05-01"));
  CHECK(d->worklist_count == int32_t(w.items.size()));
  CHECK(d->customers_on_hold == 1);
  CHECK(d->open_disputes == 1);
  CHECK(d->broken_promises == 0);
}

TEST_CASE("an empty ledger gives an empty dashboard, not a failure") {
  TestLedger t;
  Result<Dashboard> d = load_dashboard(t->db(), day("2026-05-01"));
  REQUIRE(d.ok());
  CHECK(d->issued_invoices == 0);
  CHECK(d->currencies.empty());
  CHECK(d->bucket_names.size() == 5);
}

// The demo ledger (issue 18): a realistic business with something on every screen, the same for the same day.
#include <doctest/doctest.h>

#include <set>

#include "collections/collections_queries.h"
#include "collections/collections_worklist.h"
#include "customers/customer_queries.h"
#include "ledger/demo_ledger.h"
#include "ledger/ledger_audit.h"
#include "test_support.h"

using namespace duebook;

TEST_CASE("the demo ledger has a story on every screen, dated up to the day it is made") {
  const Date today = iso_date("2026-11-30");
  TempFile file("demo-ledger");  // on disk: check_projections attaches the ledger's file
  std::unique_ptr<Ledger> ledger = open_test_ledger(file.path);
  Result<DemoSummary> made = fill_demo_ledger(*ledger, today);
  REQUIRE_MESSAGE(made.ok(), describe(made.problems()));
  Db& db = ledger->db();
  CHECK(made->customers >= 30);
  CHECK(count_customers(db, "") == made->customers);
  CHECK(made->invoices > 400);
  CHECK(made->payments > 300);
  CHECK(is_demo_ledger(db));

  // Two years of invoices in three currencies, some overdue, none after today.
  Statement& span = db.prepare(
      "SELECT min(issue_date), max(issue_date), count(DISTINCT currency) FROM invoices WHERE number IS NOT "
      "NULL");
  REQUIRE(span.step());
  CHECK(days_between(iso_date(span.text(0)), today) >= 700);
  CHECK(iso_date(span.text(1)) <= today);
  CHECK(span.int64(2) == 3);
  span.reset();

  // One of each collections case.
  std::set<std::string> promises;
  for (const PromiseStatus& p : list_promises(db, today)) promises.insert(p.state);
  CHECK(promises.count("kept") == 1);
  CHECK(promises.count("broken") == 1);
  std::set<std::string> disputes;
  for (const DisputeRecord& d : list_disputes(db)) disputes.insert(d.status);
  CHECK(disputes == std::set<std::string>{"open", "resolved"});
  std::vector<PlanStatus> plans = list_installment_plans(db, today);
  REQUIRE(plans.size() == 1);
  CHECK(plans[0].paid > 0);
  CHECK(plans[0].state == "active");
  CHECK(list_placements(db).size() == 1);
  CHECK(list_factorings(db).size() == 1);
  int on_hold = 0;
  for (const Customer& c : list_customers(db, {})) on_hold += c.fields.status == CustomerStatus::CreditHold;
  CHECK(on_hold == 1);

  // Today's worklist has work, with the broken promise among it.
  LedgerWorklist work = load_worklist(db, today);
  CHECK(work.items.size() >= 5);
  CHECK(work.broken_promises.size() == 1);

  // It is a ledger like any other: the chain and the projections hold.
  CHECK(ledger->verify().first_bad_seq == 0);
  Result<ProjectionCheck> replay = check_projections(*ledger);
  REQUIRE_MESSAGE(replay.ok(), describe(replay.problems()));
  CHECK(replay->first_bad == "");
}

TEST_CASE("the same day gives the same demo; it fills an empty ledger only") {
  const Date today = iso_date("2026-03-15");
  TestLedger a, b;
  REQUIRE(fill_demo_ledger(*a.ledger, today).ok());
  REQUIRE(fill_demo_ledger(*b.ledger, today).ok());
  CHECK(dump_projections(a.ledger->db()) == dump_projections(b.ledger->db()));
  Result<DemoSummary> again = fill_demo_ledger(*a.ledger, today);
  REQUIRE_FALSE(again.ok());
  CHECK(describe(again.problems()).find("empty ledger only") != std::string::npos);
}

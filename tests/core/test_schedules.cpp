// Recurring schedules, and undo/redo of every command type.
#include <doctest/doctest.h>

#include "customers/customer_queries.h"
#include "invoicing/invoice_queries.h"
#include "receivables_checks.h"
#include "test_support.h"

using namespace duebook;

namespace {

ScheduleFields monthly(int64_t customer, const std::string& start) {
  ScheduleFields s;
  s.customer_id = customer;
  s.start = day(start);
  s.lines = {line("Rent", "1", 100000)};
  return s;
}

std::vector<std::string> issue_dates(Db& db) {
  std::vector<std::string> out;
  InvoiceQuery q;
  q.sort = InvoiceSort::IssueDate;
  q.limit = 1000;
  for (const InvoiceSummary& s : list_invoices(db, q))
    if (s.status != InvoiceStatus::Void) out.push_back(s.issue_date);
  return out;
}

// "number status" of each invoice of `customer`, by date (a draft has no number: "- draft").
std::vector<std::string> invoices_of(Db& db, int64_t customer) {
  std::vector<std::string> out;
  InvoiceQuery q;
  q.customer_id = customer;
  q.sort = InvoiceSort::IssueDate;
  q.limit = 1000;
  for (const InvoiceSummary& s : list_invoices(db, q))
    out.push_back(s.issue_date + " " + (s.number.empty() ? "-" : s.number) + " " + to_string(s.status));
  return out;
}

// The last counter the INV series took in 2026 (0 = none).
int64_t last_inv_counter(Db& db) {
  Statement& st =
      db.prepare("SELECT last FROM number_series WHERE kind = 'invoice' AND prefix = 'INV' AND year = 2026");
  int64_t last = st.step() ? st.int64(0) : 0;
  st.reset();
  return last;
}

void set_status(TestLedger& t, int64_t customer, CustomerStatus status) {
  CustomerFields f = find_customer(t->db(), customer)->fields;
  f.status = status;
  must(*t.ledger, EditCustomer{customer, f});
}

// The projections without the history of actions (which undo and redo grow by design).
std::string state(Db& db) {
  std::string dump = dump_projections(db);
  return dump.substr(dump.find("[customers]"));
}

}  // namespace

// Occurrence dates follow the rule in schedules.h: months counted from the start, clamped to shorter months
// (date.h add_months), so a schedule on the 31st keeps coming back to the 31st.
TEST_CASE("occurrence dates of each frequency") {
  struct Case {
    Frequency frequency;
    int every_days;
    const char* start;
    std::vector<const char*> dates;  // occurrences 0, 1, 2, 3
  };
  const Case cases[] = {
      {Frequency::Monthly, 0, "2026-01-31", {"2026-01-31", "2026-02-28", "2026-03-31", "2026-04-30"}},
      {Frequency::Quarterly, 0, "2025-11-30", {"2025-11-30", "2026-02-28", "2026-05-30", "2026-08-30"}},
      {Frequency::Yearly, 0, "2024-02-29", {"2024-02-29", "2025-02-28", "2026-02-28", "2027-02-28"}},
      {Frequency::EveryNDays, 14, "2026-12-25", {"2026-12-25", "2027-01-08", "2027-01-22", "2027-02-05"}},
  };
  for (const Case& c : cases) {
    ScheduleFields s;
    s.frequency = c.frequency;
    s.every_days = c.every_days;
    s.start = day(c.start);
    for (size_t k = 0; k < c.dates.size(); ++k) CHECK(to_iso(occurrence_date(s, int64_t(k))) == c.dates[k]);
  }
}

TEST_CASE("running schedules issues every invoice due up to the date exactly once") {
  TestLedger t;
  int64_t acme = must(*t.ledger, AddCustomer{customer_fields("Acme Ltd")});
  ScheduleFields s = monthly(acme, "2026-01-31");
  s.end = day("2026-05-15");
  must(*t.ledger, AddSchedule{s});
  ScheduleFields drafts = monthly(acme, "2026-03-01");
  drafts.issue = false;
  drafts.frequency = Frequency::EveryNDays;
  drafts.every_days = 30;
  must(*t.ledger, AddSchedule{drafts});

  must(*t.ledger, RunSchedules{day("2026-03-31")});
  CHECK(issue_dates(t->db()) ==
        std::vector<std::string>{"2026-01-31", "2026-02-28", "2026-03-01", "2026-03-31", "2026-03-31"});
  CHECK(count_invoices(t->db(), {"draft"}) == 2);  // 03-01 and 03-31 of the every-30-days schedule
  Result<ActionOutcome> again = t->execute(RunSchedules{day("2026-03-31")});
  REQUIRE_FALSE(again.ok());  // nothing new is due: nothing is billed twice
  CHECK(again.problems()[0].where == "as_of");

  must(*t.ledger, RunSchedules{day("2026-12-31")});
  // The monthly one stops at its end (2026-04-30 is its last); the other goes on every 30 days.
  CHECK(count_invoices(t->db(), {"open"}) == 4);
  CHECK(list_schedules(t->db())[0].next_index == 4);

  // Undoing a run voids what it issued and rewinds the schedule; running again bills those dates again.
  REQUIRE(t->undo().ok());
  CHECK(count_invoices(t->db(), {"open"}) == 3);
  CHECK(list_schedules(t->db())[0].next_index == 3);
  must(*t.ledger, RunSchedules{day("2026-06-30")});
  CHECK(count_invoices(t->db(), {"open"}) == 4);
  CHECK(receivables_violations(t->db()) == "");

  must(*t.ledger, EndSchedule{2});
  size_t drafts_before = size_t(count_invoices(t->db(), {"draft"}));
  CHECK_FALSE(t->execute(RunSchedules{day("2027-06-30")}).ok());  // both done or ended
  CHECK(size_t(count_invoices(t->db(), {"draft"})) == drafts_before);
}

// Issuing to a held customer needs a written override reason (collections.h issue_hold_events), which a run
// has nobody to give: the occurrence is drafted for a person to review, takes no number, and the schedule
// moves on.
TEST_CASE(
    "a run drafts a held customer's invoice instead of issuing it, and issues again once the hold is "
    "lifted") {
  TestLedger t;
  int64_t acme = must(*t.ledger, AddCustomer{customer_fields("Acme Ltd")});
  int64_t fir = must(*t.ledger, AddCustomer{customer_fields("Fir Ltd")});
  set_status(t, fir, CustomerStatus::CreditHold);
  must(*t.ledger, AddSchedule{monthly(acme, "2026-01-31")});  // processed first: lower schedule id
  must(*t.ledger, AddSchedule{monthly(fir, "2026-01-31")});

  Result<ActionOutcome> run = t->execute(RunSchedules{day("2026-02-28")});
  REQUIRE_MESSAGE(run.ok(), describe(run.problems()));
  CHECK(run->label == "Run schedules as of 2026-02-28 (2 invoices left as drafts: customer on hold)");
  // Acme is not held: issued as before, numbers 1 and 2. Fir's stay drafts and take no number from the
  // series.
  CHECK(invoices_of(t->db(), acme) ==
        std::vector<std::string>{"2026-01-31 INV-2026-0001 open", "2026-02-28 INV-2026-0002 open"});
  CHECK(invoices_of(t->db(), fir) == std::vector<std::string>{"2026-01-31 - draft", "2026-02-28 - draft"});
  CHECK(last_inv_counter(t->db()) == 2);
  Statement& overrides = t->db().prepare("SELECT count(*) FROM hold_overrides");
  CHECK((overrides.step() ? overrides.int64(0) : -1) == 0);  // nobody overrode the hold
  overrides.reset();
  // Both schedules moved on: nothing is due again up to the same date.
  CHECK(list_schedules(t->db())[1].next_index == 2);
  CHECK_FALSE(t->execute(RunSchedules{day("2026-02-28")}).ok());

  // The hold is lifted: the next run issues Fir's next occurrence, numbered right after Acme's; the drafts
  // made while it was held stay drafts for a person to issue or discard.
  set_status(t, fir, CustomerStatus::Active);
  run = t->execute(RunSchedules{day("2026-03-31")});
  REQUIRE_MESSAGE(run.ok(), describe(run.problems()));
  CHECK(run->label == "Run schedules as of 2026-03-31");
  CHECK(invoices_of(t->db(), fir) == std::vector<std::string>{"2026-01-31 - draft", "2026-02-28 - draft",
                                                              "2026-03-31 INV-2026-0004 open"});
  CHECK(invoices_of(t->db(), acme).back() == "2026-03-31 INV-2026-0003 open");
  CHECK(receivables_violations(t->db()) == "");

  // Undo rewinds the run and its schedules; the log rebuilds the same projections.
  REQUIRE(t->undo().ok());
  CHECK(list_schedules(t->db())[0].next_index == 2);
  std::string all = dump_projections(t->db());
  REQUIRE(t->rebuild().ok());
  CHECK(dump_projections(t->db()) == all);
}

// Cash on delivery holds an invoice sold on credit (Net 30), not one due on its own date (collections.h).
TEST_CASE("a run drafts a cash-on-delivery customer's invoice on credit and issues one due on receipt") {
  TestLedger t;
  int64_t acme = must(*t.ledger, AddCustomer{customer_fields("Acme Ltd")});
  set_status(t, acme, CustomerStatus::CashOnDelivery);
  must(*t.ledger, AddSchedule{monthly(acme, "2026-04-30")});  // the customer's Net 30
  ScheduleFields on_delivery = monthly(acme, "2026-04-30");
  on_delivery.terms = "Due on receipt";
  must(*t.ledger, AddSchedule{on_delivery});
  Result<ActionOutcome> run = t->execute(RunSchedules{day("2026-04-30")});
  REQUIRE_MESSAGE(run.ok(), describe(run.problems()));
  CHECK(run->label == "Run schedules as of 2026-04-30 (1 invoice left as draft: customer on hold)");
  CHECK(invoices_of(t->db(), acme) ==
        std::vector<std::string>{"2026-04-30 - draft", "2026-04-30 INV-2026-0001 open"});
  CHECK(last_inv_counter(t->db()) == 1);
  CHECK(receivables_violations(t->db()) == "");
}

TEST_CASE("a schedule is validated like the invoices it will make") {
  TestLedger t;
  int64_t acme = must(*t.ledger, AddCustomer{customer_fields("Acme Ltd")});
  ScheduleFields s = monthly(acme, "2026-01-31");
  s.lines.clear();
  s.frequency = Frequency::EveryNDays;
  s.end = day("2025-01-01");
  Result<ActionOutcome> r = t->execute(AddSchedule{s});
  REQUIRE_FALSE(r.ok());
  std::string text = describe(r.problems());
  CHECK(text.find("every_days:") != std::string::npos);
  CHECK(text.find("end:") != std::string::npos);
  CHECK(text.find("lines:") != std::string::npos);
}

// Undo appends compensating events and redo appends them again: after undo + redo every projection must be
// what the command left. Commands that create nothing (edits, discards, voids, ending a schedule) must also
// be undone exactly; the others leave their records flagged (void, reversed, removed), never deleted.
TEST_CASE("undo then redo of every kind of command restores what the command did") {
  TestLedger t;
  int64_t acme = must(*t.ledger, AddCustomer{customer_fields("Acme Ltd")});
  int64_t pay =
      must(*t.ledger, RecordPayment{acme, day("2026-01-04"), 1000, "", "bank", "advance"});  // unapplied
  int64_t draft = must(*t.ledger, AddInvoice{invoice_for(acme, "2026-02-01", 700), false});
  int64_t issued = must(*t.ledger, AddInvoice{invoice_for(acme, "2026-02-02", 5000), true});
  must(*t.ledger, AddInvoice{invoice_for(acme, "2026-02-03", 3000), true});
  int64_t draft2 = must(*t.ledger, AddInvoice{invoice_for(acme, "2026-02-05", 100), false});
  int64_t schedule = must(*t.ledger, AddSchedule{monthly(acme, "2026-01-15")});
  struct Case {
    const char* what;
    Command command;
    bool undone_exactly;  // undo returns every projection to what it was before
  };
  const Case cases[] = {
      {"edit a draft", EditInvoice{draft, invoice_for(acme, "2026-02-01", 900)}, true},
      {"discard a draft", DiscardInvoice{draft2}, true},
      {"issue a draft", IssueInvoice{draft, std::nullopt}, false},
      {"add and issue", AddInvoice{invoice_for(acme, "2026-02-06", 1200), true}, false},
      {"payment", RecordPayment{acme, day("2026-02-07"), 2500, "", "card", ""}, false},
      {"allocate", AllocateCredit{{CreditKind::Payment, pay}, {{issued, 300}}, std::nullopt}, false},
      {"credit note on an invoice", AddCreditNote{acme, issued, day("2026-02-08"), 200, "damaged", "CN"},
       false},
      {"credit note to the customer", AddCreditNote{acme, 0, day("2026-02-08"), 150, "goodwill", "CN"},
       false},
      {"refund", RefundCredit{acme, 100, day("2026-02-09"), "bank", "", std::nullopt}, false},
      {"write-off", WriteOffInvoice{issued, 50, day("2026-02-10"), "rounding"}, false},
      {"void", VoidInvoice{issued, day("2026-02-11"), "wrong customer"}, true},
      {"run schedules", RunSchedules{day("2026-04-30")}, false},
      {"end schedule", EndSchedule{schedule}, true},
      {"add schedule", AddSchedule{monthly(acme, "2026-06-01")}, false},
      {"add customer", AddCustomer{customer_fields("Zed Ltd")}, false},
  };
  for (const Case& c : cases) {
    CAPTURE(c.what);
    std::string before = state(t->db());
    Result<ActionOutcome> r = t->execute(c.command);
    REQUIRE_MESSAGE(r.ok(), describe(r.problems()));
    std::string after = state(t->db());
    REQUIRE(t->undo().ok());
    if (c.undone_exactly) CHECK(state(t->db()) == before);
    CHECK(receivables_violations(t->db()) == "");
    REQUIRE(t->redo().ok());
    CHECK(state(t->db()) == after);
    CHECK(receivables_violations(t->db()) == "");
  }
  std::string all = dump_projections(t->db());
  REQUIRE(t->rebuild().ok());
  CHECK(dump_projections(t->db()) == all);
}

// Working the day's worklist: step titles, the next step, and an outcome recorded as one action (a step done
// with the promise or dispute it brought), refused as a whole, undone as a whole.
#include <doctest/doctest.h>

#include "collections/collections.h"
#include "collections/collections_outcome.h"
#include "collections/collections_queries.h"
#include "collections/collections_worklist.h"
#include "receivables_checks.h"
#include "test_support.h"

using namespace duebook;

namespace {

int64_t add_customer(TestLedger& t, const std::string& name) {
  CustomerFields f = customer_fields(name, "EUR");
  f.contacts = {{"billing", "Pat Billing", "pat@example.com", "+44 20 7946 0000"},
                {"escalation", "Sam Director", "sam@example.com", ""}};
  return must(*t.ledger, AddCustomer{f});
}

int64_t issue(TestLedger& t, int64_t customer, const std::string& date, const std::string& due,
              int64_t amount) {
  InvoiceFields f = invoice_for(customer, date, amount);
  f.due_date = day(due);
  return must(*t.ledger, AddInvoice{f, true});
}

// The customers on the day's worklist, with the step of their entry: "name:step".
std::vector<std::string> entries(TestLedger& t, const std::string& date) {
  std::vector<std::string> out;
  for (const WorklistItem& item : load_worklist(t->db(), day(date)).items)
    out.push_back(item.entry.customer + ":" + std::to_string(item.entry.step_index));
  return out;
}

size_t event_count(TestLedger& t) {
  return read_events(t->db()).size();
}

}  // namespace

TEST_CASE("step titles name the default policy's steps as a user knows them") {
  // The default policy (collections_policy.h, default_policy): -3 courtesy email, +1 friendly reminder with a
  // duplicate, +7 call, +17 second call, +30 letter, +45 senior manager, +60 credit hold, +90 agency.
  const CollectionPolicy p = default_policy();
  const char* expected[] = {"courtesy reminder",
                            "friendly reminder with a duplicate invoice",
                            "call",
                            "second call",
                            "letter",
                            "letter to the senior manager",
                            "stop work / cash on delivery",
                            "hand to a collection agency"};
  REQUIRE(p.steps.size() == std::size(expected));
  for (size_t i = 0; i < p.steps.size(); ++i) CHECK(step_title(p, int(i)) == expected[i]);
  CHECK(step_title(p, 8) == "step 8");
  CollectionPolicy calls{
      "Calls", {{5, StepAction::PhoneCall}, {10, StepAction::PhoneCall}, {15, StepAction::PhoneCall}}};
  CHECK(step_title(calls, 2) == "third call");
}

TEST_CASE("the next step after an entry falls on its earliest-due line's day") {
  const CollectionPolicy p = default_policy();
  WorklistEntry e;
  e.step_index = 2;  // the +7 call
  WorklistLine a, b;
  a.due_date = day("2026-10-05");
  b.due_date = day("2026-10-01");
  e.lines = {a, b};
  std::optional<NextStep> next = next_step_after(p, e);
  REQUIRE(next);
  CHECK(next->step_index == 3);
  CHECK(next->date == day("2026-10-18"));  // 10-01 + 17
  e.step_index = int(p.steps.size()) - 1;
  CHECK_FALSE(next_step_after(p, e));
}

TEST_CASE(
    "a promise recorded with the call is one action: chasing pauses, a broken promise brings the next step") {
  // Acme due 10-01 (issued 09-01, EUR 1,000.00). The +1 reminder is done on 10-02; on 10-12 the +7 call comes
  // up; the customer promises EUR 600.00 by 10-20. Grace 3 days (kPromiseGraceDays): paused through 10-23;
  // on 10-24 the promise is broken and the next step, the +17 second call, comes up at once.
  TestLedger t;
  int64_t acme = add_customer(t, "Acme Ltd");
  issue(t, acme, "2026-09-01", "2026-10-01", 100000);
  must(*t.ledger, RecordStepDone{acme, 1, day("2026-10-02"), "reached", "", "", {}});
  REQUIRE(entries(t, "2026-10-12") == std::vector<std::string>{"Acme Ltd:2"});

  // Refused as a whole: a promise for more than is open stores nothing, not even the step.
  const size_t before = event_count(t);
  RecordOutcome too_much{{acme, 2, day("2026-10-12"), "promised", "", "", {}},
                         AddPromise{acme, day("2026-10-12"), day("2026-10-20"), 100001, {}, ""},
                         std::nullopt};
  Result<ActionOutcome> refused = t->execute(too_much);
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.problems()[0].where == "amount");
  CHECK(event_count(t) == before);
  CHECK(entries(t, "2026-10-12") == std::vector<std::string>{"Acme Ltd:2"});
  // A promise with another outcome is refused too.
  RecordOutcome mismatched = too_much;
  mismatched.step.outcome = "reached";
  mismatched.promise->amount = 60000;
  CHECK_FALSE(t->execute(mismatched).ok());
  CHECK(event_count(t) == before);

  RecordOutcome promised = mismatched;
  promised.step.outcome = "promised";
  Result<ActionOutcome> ok = t->execute(promised);
  REQUIRE_MESSAGE(ok.ok(), describe(ok.problems()));
  CHECK(ok->label == "Record call for Acme Ltd: promised to pay EUR 600.00 by 2026-10-20");
  CHECK(t->undo_label() == ok->label);
  for (const char* date : {"2026-10-12", "2026-10-20", "2026-10-23"}) CHECK(entries(t, date).empty());
  CHECK(entries(t, "2026-10-24") == std::vector<std::string>{"Acme Ltd:3"});
  std::vector<ContactRecord> log = contact_log(t->db(), acme);
  REQUIRE(log.size() == 2);
  CHECK(log[1].outcome == "promised");
  CHECK(log[1].channel == "phone");
  CHECK(list_promises(t->db(), day("2026-10-24"), acme)[0].state == "broken");

  // One undo takes back the step and the promise together.
  REQUIRE(t->undo().ok());
  CHECK(list_promises(t->db(), day("2026-10-24"), acme).empty());
  CHECK(contact_log(t->db(), acme).size() == 1);
  CHECK(entries(t, "2026-10-12") == std::vector<std::string>{"Acme Ltd:2"});
}

TEST_CASE("a dispute recorded with the step pauses that invoice only") {
  TestLedger t;
  int64_t acme = add_customer(t, "Acme Ltd");
  int64_t a = issue(t, acme, "2026-09-01", "2026-10-01", 100000);
  int64_t b = issue(t, acme, "2026-09-03", "2026-10-03", 50000);
  REQUIRE(entries(t, "2026-10-12") == std::vector<std::string>{"Acme Ltd:2"});
  RecordOutcome disputed{{acme, 2, day("2026-10-12"), "disputed", "the price is wrong", "", {}},
                         std::nullopt,
                         OpenDispute{a, day("2026-10-12"), "pricing", "the price is wrong"}};
  Result<ActionOutcome> ok = t->execute(disputed);
  REQUIRE_MESSAGE(ok.ok(), describe(ok.problems()));
  CHECK(ok->label.find("disputed INV-") != std::string::npos);
  LedgerWorklist w = load_worklist(t->db(), day("2026-10-20"));
  REQUIRE(w.items.size() == 1);  // b comes back with the second call on 10-20 (03 + 17); a stays paused
  REQUIRE(w.items[0].entry.lines.size() == 1);
  CHECK(w.items[0].invoice_ids[0] == b);
  bool a_paused = false;
  for (const PausedInvoice& p : w.paused) a_paused |= p.reason == PauseReason::Disputed;
  CHECK(a_paused);
  // A bad reason refuses the whole outcome.
  REQUIRE(t->undo().ok());
  disputed.dispute->reason = "because";
  Result<ActionOutcome> bad = t->execute(disputed);
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.problems()[0].where == "reason");
  CHECK(entries(t, "2026-10-12") == std::vector<std::string>{"Acme Ltd:2"});
}

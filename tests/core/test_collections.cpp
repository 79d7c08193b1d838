// Collections policies and the daily worklist: validation, JSON, a scripted month of worklists,
// promises, disputes and other pauses, priority order, contacts, credit-hold rules.
#include <doctest/doctest.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "collections/collections_policy.h"

using namespace duebook;

namespace {

Date d(int y, int m, int day) {
  return Date{y, m, day};
}

Money eur(int64_t minor) {
  return Money{minor, *parse_currency_code("EUR")};
}
Money usd(int64_t minor) {
  return Money{minor, *parse_currency_code("USD")};
}

OpenInvoice invoice(const std::string& number, Date due, Money open) {
  OpenInvoice inv;
  inv.number = number;
  inv.due_date = due;
  inv.open = open;
  return inv;
}

std::vector<Contact> contacts(bool with_escalation) {
  std::vector<Contact> c = {{"billing", "Pat Billing", "ap@example.com", "+44 20 7946 0000"}};
  if (with_escalation) c.push_back({"escalation", "Sam Director", "sam@example.com", "+44 20 7946 0001"});
  return c;
}

CustomerCollections customer(const std::string& name, std::vector<OpenInvoice> invoices,
                             bool with_escalation = true) {
  CustomerCollections c;
  c.customer = name;
  c.policy = default_policy();
  c.contacts = contacts(with_escalation);
  c.invoices = std::move(invoices);
  return c;
}

bool has_problem(const Problems& problems, const std::string& where, const std::string& text) {
  for (const Problem& p : problems) {
    if (p.where == where && p.message.find(text) != std::string::npos) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("default_policy is the documented common-practice ladder and round-trips through JSON") {
  // Source: the brief's "common practice" ladder (courtesy email 3 days before due, reminder with a
  // duplicate invoice at +1, calls at +7 and +17, letter with fee and interest at +30, senior
  // manager at +45, credit hold at +60, agency at +90).
  const CollectionPolicy p = default_policy();
  REQUIRE(validate_policy(p).ok());
  struct Row {
    int offset;
    StepAction action;
    const char* template_id;
    bool late_fee;
  };
  const Row expected[] = {
      {-3, StepAction::EmailReminder, "courtesy_reminder", false},
      {1, StepAction::EmailReminder, "friendly_reminder", false},
      {7, StepAction::PhoneCall, "phone_script", false},
      {17, StepAction::PhoneCall, "second_call_script", false},
      {30, StepAction::Letter, "late_fee_letter", true},
      {45, StepAction::EscalationLetter, "senior_manager_letter", false},
      {60, StepAction::CreditHold, "credit_hold_notice", false},
      {90, StepAction::HandToAgency, "agency_notice", false},
  };
  REQUIRE(p.steps.size() == std::size(expected));
  for (std::size_t i = 0; i < p.steps.size(); ++i) {
    CAPTURE(i);
    CHECK(p.steps[i].offset_days == expected[i].offset);
    CHECK(p.steps[i].action == expected[i].action);
    CHECK(p.steps[i].template_id == expected[i].template_id);
    CHECK(p.steps[i].late_fee == expected[i].late_fee);
  }
  CHECK(p.steps[4].interest_notice);

  Result<CollectionPolicy> back = policy_from_json(policy_to_json(p));
  REQUIRE_MESSAGE(back.ok(), describe(back.problems()));
  CHECK(back->name == p.name);
  CHECK(back->steps == p.steps);

  for (StepAction a :
       {StepAction::EmailReminder, StepAction::PhoneCall, StepAction::Letter, StepAction::EscalationLetter,
        StepAction::CreditHold, StepAction::FinalNotice, StepAction::HandToAgency}) {
    CHECK(step_action_from(to_string(a)) == a);
  }
  CHECK_FALSE(step_action_from("EmailReminder").has_value());
}

TEST_CASE("validate_policy reports every broken rule with its field") {
  struct Case {
    const char* label;
    std::vector<CollectionStep> steps;
    const char* where;
    const char* text;
  };
  const Case cases[] = {
      {"no steps", {}, "policy.steps", "at least one step"},
      {"same action twice on one day",
       {{7, StepAction::PhoneCall, "", false, false}, {7, StepAction::PhoneCall, "x", false, false}},
       "policy.steps[1].action",
       "already on day 7"},
      {"unsorted",
       {{10, StepAction::PhoneCall, "", false, false}, {5, StepAction::EmailReminder, "", false, false}},
       "policy.steps[1].offset_days",
       "sorted"},
      {"late fee before the due date",
       {{0, StepAction::Letter, "", true, false}},
       "policy.steps[0].late_fee",
       "after the due date"},
      {"interest notice before due",
       {{-1, StepAction::Letter, "", false, true}},
       "policy.steps[0].interest_notice",
       "after the due date"},
      {"agency before due",
       {{-5, StepAction::HandToAgency, "", false, false}},
       "policy.steps[0].action",
       "after the due date"},
      {"offset out of range",
       {{4000, StepAction::Letter, "", false, false}},
       "policy.steps[0].offset_days",
       "between"},
      {"bad template id",
       {{1, StepAction::EmailReminder, "Friendly Reminder", false, false}},
       "policy.steps[0].template_id",
       "a-z"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.label);
    Status s = validate_policy(CollectionPolicy{"P", c.steps});
    REQUIRE_FALSE(s.ok());
    CHECK_MESSAGE(has_problem(s.problems(), c.where, c.text), describe(s.problems()));
  }
  // The same day with different actions is fine (a letter and a credit hold together).
  CHECK(validate_policy(CollectionPolicy{"P",
                                         {{60, StepAction::Letter, "", true, true},
                                          {60, StepAction::CreditHold, "", false, false}}})
            .ok());
  Status unnamed = validate_policy(CollectionPolicy{" ", {{1, StepAction::EmailReminder, "", false, false}}});
  CHECK(has_problem(unnamed.problems(), "policy.name", "name"));
}

TEST_CASE("policy_from_json rejects bad JSON and bad fields without exceptions") {
  struct Case {
    const char* json;
    const char* where;
    const char* text;
  };
  const Case cases[] = {
      {"{not json", "policy", "not valid JSON"},
      {"[1,2]", "policy", "object"},
      {R"({"name":"P","steps":{}})", "policy.steps", "list"},
      {R"({"steps":[{"offset_days":1,"action":"email_reminder"}]})", "policy.name", "text"},
      {R"({"name":"P","steps":[{"offset_days":"7","action":"phone_call"}]})", "policy.steps[0].offset_days",
       "whole number"},
      {R"({"name":"P","steps":[{"offset_days":7,"action":"telegram"}]})", "policy.steps[0].action", "one of"},
      {R"({"name":"P","steps":[{"offset_days":7,"action":"letter","late_fee":"yes"}]})",
       "policy.steps[0].late_fee", "true or false"},
      {R"({"name":"P","steps":[{"offset_days":9,"action":"letter"},{"offset_days":8,"action":"letter"}]})",
       "policy.steps[1].offset_days", "sorted"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.json);
    Result<CollectionPolicy> r = policy_from_json(c.json);
    REQUIRE_FALSE(r.ok());
    CHECK_MESSAGE(has_problem(r.problems(), c.where, c.text), describe(r.problems()));
  }
  Result<CollectionPolicy> minimal =
      policy_from_json(R"({"name":"Short","steps":[{"offset_days":1,"action":"email_reminder"}]})");
  REQUIRE(minimal.ok());
  CHECK(minimal->steps[0].template_id.empty());
  CHECK_FALSE(minimal->steps[0].late_fee);
}

TEST_CASE(
    "worklist over a scripted month: steps come up on their day, missed ones are not replayed, none twice") {
  // Due dates and offsets give the expected days (default policy: -3, +1, +7, +17, +30, +45, +60):
  //   Acme   A-1 due 03-05: 03-02 (-3), 03-06 (+1), 03-12 (+7), 03-22 (+17)
  //          A-2 due 03-15: 03-12 (-3), 03-16 (+1), 03-22 (+7)  -> shares entries on 03-12 and 03-22
  //   Birch  B-7 due 02-01, steps 0-3 done in February: 03-03 (+30 = 02-01 + 27 Feb days + 3),
  //          03-18 (+45)
  //   Cedar  C-3 due 01-15, steps 0-4 done: 03-01 (+45: 16 Jan days + 28 Feb days + 1), 03-16 (+60)
  //   Delta  D-1 due 03-02, and the user only acts from 03-10: 03-01..03-02 the courtesy email is
  //          offered; from 03-03 (+1) the friendly reminder replaces it; from 03-09 (+7) the call
  //          replaces that (missed steps are not replayed); done on 03-10; second call 03-19 (+17).
  std::vector<CustomerCollections> book = {
      customer("Acme Ltd",
               {invoice("A-1", d(2026, 3, 5), eur(100000)), invoice("A-2", d(2026, 3, 15), eur(50000))}),
      customer("Birch & Co", {invoice("B-7", d(2026, 2, 1), eur(250000))}),
      customer("Cedar GmbH", {invoice("C-3", d(2026, 1, 15), eur(80000))}, /*with_escalation=*/false),
      customer("Delta SA", {invoice("D-1", d(2026, 3, 2), eur(40000))}),
  };
  book[1].done = {{"B-7", 0, d(2026, 1, 29)},
                  {"B-7", 1, d(2026, 2, 2)},
                  {"B-7", 2, d(2026, 2, 8)},
                  {"B-7", 3, d(2026, 2, 18)}};
  for (int i = 0; i <= 4; ++i) book[2].done.push_back({"C-3", i, d(2026, 1, 12 + i)});

  std::vector<std::string> proposed;  // "MM-DD invoice:step"
  std::vector<std::string> actions;   // "MM-DD customer action contact"
  for (int day = 1; day <= 31; ++day) {
    const Date today = d(2026, 3, day);
    const Worklist w = build_worklist(today, book);
    CHECK(w.problems.empty());
    for (const WorklistEntry& e : w.entries) {
      const std::string mmdd = to_iso(today).substr(5);
      actions.push_back(mmdd + " " + e.customer + " " + to_string(e.step.action) + " " + e.contact.name);
      for (const WorklistLine& l : e.lines) {
        proposed.push_back(mmdd + " " + l.invoice + ":" + std::to_string(l.step_index));
        CustomerCollections& c = *std::find_if(
            book.begin(), book.end(), [&](const CustomerCollections& x) { return x.customer == e.customer; });
        // A step already done for the invoice is never proposed again.
        for (const DoneStep& done : c.done) {
          CHECK_FALSE((done.invoice == l.invoice && done.step_index == l.step_index));
        }
        const bool user_acts = e.customer != "Delta SA" || day >= 10;
        if (user_acts) c.done.push_back({l.invoice, l.step_index, today});
      }
    }
  }
  const std::vector<std::string> expected_proposed = {
      "03-01 C-3:5", "03-01 D-1:0", "03-02 A-1:0", "03-02 D-1:0", "03-03 B-7:4", "03-03 D-1:1",
      "03-04 D-1:1", "03-05 D-1:1", "03-06 A-1:1", "03-06 D-1:1", "03-07 D-1:1", "03-08 D-1:1",
      "03-09 D-1:2", "03-10 D-1:2", "03-12 A-1:2", "03-12 A-2:0", "03-16 A-2:1", "03-16 C-3:6",
      "03-18 B-7:5", "03-19 D-1:3", "03-22 A-1:3", "03-22 A-2:2",
  };
  std::vector<std::string> sorted = proposed;
  std::sort(sorted.begin(), sorted.end());
  CHECK(sorted == expected_proposed);

  // One consolidated entry per customer and day; its action is the most advanced line's step, the
  // escalation letter goes to the escalation contact (Cedar has none: billing instead).
  const std::vector<std::string> expected_actions_subset = {
      "03-12 Acme Ltd phone_call Pat Billing",  // A-1 call + A-2 courtesy in one entry
      "03-22 Acme Ltd phone_call Pat Billing",  // A-1 second call + A-2 call
      "03-18 Birch & Co escalation_letter Sam Director", "03-01 Cedar GmbH escalation_letter Pat Billing",
      "03-16 Cedar GmbH credit_hold Pat Billing",        "03-03 Birch & Co letter Pat Billing",
  };
  for (const std::string& a : expected_actions_subset) {
    CHECK_MESSAGE(std::count(actions.begin(), actions.end(), a) == 1, a);
  }
  CHECK(std::count_if(actions.begin(), actions.end(),
                      [](const std::string& a) { return a.rfind("03-12 Acme", 0) == 0; }) == 1);
  // Every (invoice, step) was recorded at most once.
  std::set<std::pair<std::string, int>> unique;
  std::size_t total = 0;
  for (const CustomerCollections& c : book) {
    for (const DoneStep& s : c.done) {
      unique.insert({s.invoice, s.step_index});
      ++total;
    }
  }
  CHECK(unique.size() == total);
}

TEST_CASE("entries are grouped by currency and ordered by open amount × days late") {
  // As of 2026-03-31. Priorities are open minor units × days late (worked by hand):
  //   Xeno   EUR 1,000.00 due 03-21: 100000 × 10 = 1,000,000  (step +7 call)
  //   Yarrow EUR   100.00 due 01-30:  10000 × 60 =   600,000  (01-30 + 60 days = 03-31: credit hold)
  //   Zinc   EUR 5,000.00 due 04-02: not late yet, priority 0 (courtesy email at -3 = 03-30)
  //   Walnut USD   200.00 due 03-01:  20000 × 30 =   600,000  (letter at +30); USD sorts after EUR
  const std::vector<CustomerCollections> book = {
      customer("Walnut Inc", {invoice("W-1", d(2026, 3, 1), usd(20000))}),
      customer("Zinc BV", {invoice("Z-1", d(2026, 4, 2), eur(500000))}),
      customer("Yarrow Oy", {invoice("Y-1", d(2026, 1, 30), eur(10000))}),
      customer("Xeno AG", {invoice("X-1", d(2026, 3, 21), eur(100000))}),
  };
  const Worklist w = build_worklist(d(2026, 3, 31), book);
  struct Row {
    const char* customer;
    const char* currency;
    int64_t priority;
    StepAction action;
  };
  const Row expected[] = {
      {"Xeno AG", "EUR", 1000000, StepAction::PhoneCall},
      {"Yarrow Oy", "EUR", 600000, StepAction::CreditHold},
      {"Zinc BV", "EUR", 0, StepAction::EmailReminder},
      {"Walnut Inc", "USD", 600000, StepAction::Letter},
  };
  REQUIRE(w.entries.size() == std::size(expected));
  for (std::size_t i = 0; i < w.entries.size(); ++i) {
    CAPTURE(i);
    CHECK(w.entries[i].customer == expected[i].customer);
    CHECK(w.entries[i].currency.view() == expected[i].currency);
    CHECK(w.entries[i].priority == expected[i].priority);
    CHECK(w.entries[i].step.action == expected[i].action);
  }
  CHECK(w.entries[2].lines[0].days_late == -2);
}

TEST_CASE("disputed, agency, factored and snoozed invoices are paused; the rest of the customer goes on") {
  // All due 2026-03-01, as of 2026-03-08: the +7 call is due for anything not paused.
  struct Case {
    const char* label;
    void (*set)(OpenInvoice&);
    bool paused;
    PauseReason reason;
  };
  const Case cases[] = {
      {"disputed", [](OpenInvoice& i) { i.disputed = true; }, true, PauseReason::Disputed},
      {"with agency", [](OpenInvoice& i) { i.with_agency = true; }, true, PauseReason::WithAgency},
      {"factored", [](OpenInvoice& i) { i.factored = true; }, true, PauseReason::Factored},
      {"snoozed until tomorrow",
       [](OpenInvoice& i) {
         i.snoozed_until = Date{2026, 3, 9};
       },
       true, PauseReason::Snoozed},
      {"snooze ends today: back on the list",
       [](OpenInvoice& i) {
         i.snoozed_until = Date{2026, 3, 8};
       },
       false, PauseReason::Snoozed},
      {"promise already kept",
       [](OpenInvoice& i) {
         i.promise = PromiseToPay{Date{2026, 3, 10}, 5000, 5000};
       },
       false, PauseReason::PromiseActive},
  };
  for (const Case& c : cases) {
    CAPTURE(c.label);
    OpenInvoice target = invoice("T-1", d(2026, 3, 1), eur(5000));
    c.set(target);
    const Worklist w = build_worklist(
        d(2026, 3, 8), {customer("Oak Ltd", {target, invoice("T-2", d(2026, 3, 1), eur(7000))})});
    REQUIRE(w.entries.size() == 1);
    const WorklistEntry& e = w.entries[0];
    CHECK(e.lines.size() == (c.paused ? 1u : 2u));
    CHECK(e.lines.front().invoice == (c.paused ? "T-2" : "T-1"));
    CHECK(e.step.action == StepAction::PhoneCall);
    if (c.paused) {
      REQUIRE(w.paused.size() == 1);
      CHECK(w.paused[0].invoice == "T-1");
      CHECK(w.paused[0].reason == c.reason);
    } else {
      CHECK(w.paused.empty());
    }
  }
  // A dispute pauses even the steps that fall due meanwhile; when it is resolved, only the most
  // advanced due step comes up (+17 second call on 03-18), not the call that was skipped.
  OpenInvoice disputed = invoice("T-1", d(2026, 3, 1), eur(5000));
  disputed.disputed = true;
  CHECK(build_worklist(d(2026, 3, 18), {customer("Oak Ltd", {disputed})}).entries.empty());
  disputed.disputed = false;
  CustomerCollections resolved = customer("Oak Ltd", {disputed});
  resolved.done = {{"T-1", 0, d(2026, 2, 26)}, {"T-1", 1, d(2026, 3, 2)}};
  const Worklist after = build_worklist(d(2026, 3, 18), {resolved});
  REQUIRE(after.entries.size() == 1);
  CHECK(after.entries[0].lines[0].step_index == 3);
}

TEST_CASE("a promise to pay pauses the invoice until its date plus grace; a broken one moves it on") {
  // P-1 due 2026-03-01. Steps 0, 1, 2 done (the +7 call on 03-08, where the customer promised
  // EUR 800.00 by 03-09). Grace 3 days: paused through 03-12. On 03-13 the promise is broken
  // (only 300.00 paid) -> flagged, and the next step (3, the second call, normally due on
  // 03-18 = +17) is proposed at once. Once it is done, nothing more until +30 = 03-31.
  CustomerCollections c = customer("Pine plc", {invoice("P-1", d(2026, 3, 1), eur(80000))});
  c.invoices[0].promise = PromiseToPay{d(2026, 3, 9), 80000, 30000};
  c.done = {{"P-1", 0, d(2026, 2, 26)}, {"P-1", 1, d(2026, 3, 2)}, {"P-1", 2, d(2026, 3, 8)}};
  WorklistOptions options;
  options.promise_grace_days = 3;

  for (int day : {9, 10, 12}) {
    CAPTURE(day);
    const Worklist w = build_worklist(d(2026, 3, day), {c}, options);
    CHECK(w.entries.empty());
    REQUIRE(w.paused.size() == 1);
    CHECK(w.paused[0].reason == PauseReason::PromiseActive);
    CHECK(w.paused[0].until == d(2026, 3, 12));
    CHECK(w.broken_promises.empty());
  }
  const Worklist broken = build_worklist(d(2026, 3, 13), {c}, options);
  REQUIRE(broken.broken_promises.size() == 1);
  CHECK(broken.broken_promises[0].broken_on == d(2026, 3, 13));
  CHECK(broken.broken_promises[0].promised_minor == 80000);
  CHECK(broken.broken_promises[0].paid_minor == 30000);
  REQUIRE(broken.entries.size() == 1);
  CHECK(broken.entries[0].lines[0].step_index == 3);
  CHECK(broken.entries[0].lines[0].after_broken_promise);

  c.done.push_back({"P-1", 3, d(2026, 3, 13)});
  for (int day = 14; day <= 30; ++day) {
    CAPTURE(day);
    CHECK(build_worklist(d(2026, 3, day), {c}, options).entries.empty());
  }
  const Worklist letter = build_worklist(d(2026, 3, 31), {c}, options);
  REQUIRE(letter.entries.size() == 1);
  CHECK(letter.entries[0].step.action == StepAction::Letter);
  CHECK_FALSE(letter.entries[0].lines[0].after_broken_promise);

  // Grace 0: broken the day after the promised date.
  options.promise_grace_days = 0;
  c.done.pop_back();
  CHECK(build_worklist(d(2026, 3, 9), {c}, options).entries.empty());
  CHECK(build_worklist(d(2026, 3, 10), {c}, options).broken_promises.size() == 1);
}

TEST_CASE("a customer with an invalid policy is skipped with its problems, others still listed") {
  CustomerCollections bad = customer("Bad Policy Ltd", {invoice("B-1", d(2026, 3, 1), eur(100))});
  bad.policy.steps.clear();
  const Worklist w =
      build_worklist(d(2026, 3, 8), {bad, customer("Good Ltd", {invoice("G-1", d(2026, 3, 1), eur(100))})});
  REQUIRE(w.entries.size() == 1);
  CHECK(w.entries[0].customer == "Good Ltd");
  REQUIRE(w.problems.size() == 1);
  CHECK(w.problems[0].where == "Bad Policy Ltd: policy.steps");
}

TEST_CASE("credit hold rules: days overdue above N, balance above limit, broken promises at least K") {
  // Thresholds 60 days / credit limit / 2 broken promises; boundaries are strict for days and the
  // limit ("above"), inclusive for promises ("at least"), as the rules say.
  const CreditHoldRules rules;  // 60, balance above limit, 2 broken promises
  struct Case {
    const char* label;
    int64_t days;
    int64_t balance;
    std::optional<int64_t> limit;
    int broken;
    std::vector<HoldReason> reasons;
  };
  const Case cases[] = {
      {"all clear at the boundaries", 60, 1000000, 1000000, 1, {}},
      {"61 days overdue", 61, 500000, 1000000, 0, {HoldReason::DaysOverdue}},
      {"one cent over the limit", 10, 1000001, 1000000, 0, {HoldReason::OverCreditLimit}},
      {"no limit set", 10, 999999999, std::nullopt, 0, {}},
      {"two broken promises", 0, 0, 1000000, 2, {HoldReason::BrokenPromises}},
      {"everything",
       90,
       2000000,
       1000000,
       3,
       {HoldReason::DaysOverdue, HoldReason::OverCreditLimit, HoldReason::BrokenPromises}},
  };
  for (const Case& c : cases) {
    CAPTURE(c.label);
    const CreditHoldDecision dec =
        decide_credit_hold(CreditFacts{c.days, usd(c.balance), c.limit, c.broken}, rules);
    CHECK(dec.hold == !c.reasons.empty());
    CHECK(dec.reasons == c.reasons);
    CHECK(dec.explanations.size() == c.reasons.size());
  }
  const CreditHoldDecision over =
      decide_credit_hold(CreditFacts{0, usd(1250050), int64_t{1000000}, 0}, rules);
  REQUIRE(over.explanations.size() == 1);
  CHECK(over.explanations[0] == "balance 12500.50 USD is above the credit limit of 10000.00 USD");

  CreditHoldRules none;
  none.days_overdue_above.reset();
  none.balance_above_limit = false;
  none.broken_promises_at_least.reset();
  CHECK_FALSE(decide_credit_hold(CreditFacts{400, usd(1), int64_t{0}, 9}, none).hold);
}

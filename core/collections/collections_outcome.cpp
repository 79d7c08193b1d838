// Working the day's worklist: step titles, the next step, and RecordOutcome's plan built from the plans of
// the commands it joins.
#include "collections/collections_outcome.h"

#include "collections/collections.h"
#include "collections/collections_contact_plans.h"
#include "collections/collections_plans.h"
#include "collections/collections_queries.h"
#include "customers/customer_queries.h"

namespace duebook {
namespace {

const char* ordinal(int n) {
  static const char* const names[] = {"", "", "second", "third", "fourth", "fifth", "sixth"};
  return n < 7 ? names[n] : "another";
}

// What the outcome brought, for the label: "reached", "promised to pay 500.00 EUR by 2026-10-20".
std::string outcome_words(Db& db, const RecordOutcome& c, const std::string& currency) {
  const std::string& o = c.step.outcome;
  if (o == "voicemail") return "left a voicemail";
  if (o == "no_answer") return "no answer";
  if (o == "wrong_contact") return "wrong contact";
  if (o == "promised" && c.promise)
    return "promised to pay " + money_label(c.promise->amount, currency) + " by " + to_iso(c.promise->pay_by);
  if (o == "disputed" && c.dispute) {
    std::optional<CollectionInvoice> inv = find_collection_invoice(db, c.dispute->invoice_id);
    return "disputed " + (inv ? inv->number : std::string("an invoice")) + " (" + c.dispute->reason + ")";
  }
  return o;
}

// The parts' consistency: a promise only with "promised", a dispute only with "disputed", each about the
// step's customer and day.
Problems check_parts(Db& db, const RecordOutcome& c) {
  Problems problems;
  if (c.promise && c.step.outcome != "promised")
    problems.push_back({"outcome", "a promise to pay goes with the outcome promised"});
  if (c.dispute && c.step.outcome != "disputed")
    problems.push_back({"outcome", "a dispute goes with the outcome disputed"});
  if (c.promise && (c.promise->customer_id != c.step.customer_id || c.promise->date != c.step.date))
    problems.push_back({"pay_by", "the promise must be the same customer's, made on the same day"});
  if (c.dispute) {
    std::optional<CollectionInvoice> inv = find_collection_invoice(db, c.dispute->invoice_id);
    if (inv && inv->customer_id != c.step.customer_id)
      problems.push_back({"invoice_id", "invoice " + inv->number + " is another customer's"});
  }
  return problems;
}

void append(Plan& into, const Plan& part) {
  into.parsed.resize(into.events.size());
  for (size_t i = 0; i < part.events.size(); ++i) {
    into.events.push_back(part.events[i]);
    into.parsed.push_back(i < part.parsed.size() ? part.parsed[i] : nullptr);
  }
}

}  // namespace

std::string step_title(const CollectionPolicy& policy, int step_index) {
  if (step_index < 0 || step_index >= int(policy.steps.size())) return "step " + std::to_string(step_index);
  const CollectionStep& step = policy.steps[size_t(step_index)];
  switch (step.action) {
    case StepAction::EmailReminder:
      return step.offset_days <= 0 ? "courtesy reminder" : "friendly reminder with a duplicate invoice";
    case StepAction::PhoneCall: {
      int calls = 0;
      for (int i = 0; i <= step_index; ++i) calls += policy.steps[size_t(i)].action == StepAction::PhoneCall;
      return calls == 1 ? "call" : std::string(ordinal(calls)) + " call";
    }
    case StepAction::Letter:
      return "letter";
    case StepAction::EscalationLetter:
      return "letter to the senior manager";
    case StepAction::CreditHold:
      return "stop work / cash on delivery";
    case StepAction::FinalNotice:
      return "final notice";
    case StepAction::HandToAgency:
      return "hand to a collection agency";
  }
  return "step " + std::to_string(step_index);
}

std::optional<NextStep> next_step_after(const CollectionPolicy& policy, const WorklistEntry& entry) {
  const size_t next = size_t(entry.step_index) + 1;
  if (entry.lines.empty() || next >= policy.steps.size()) return std::nullopt;
  Date earliest = entry.lines.front().due_date;
  for (const WorklistLine& l : entry.lines)
    if (l.due_date < earliest) earliest = l.due_date;
  return NextStep{int(next), add_days(earliest, policy.steps[next].offset_days)};
}

Result<Plan> plan_command(Db& db, const RecordOutcome& command) {
  Problems problems = check_parts(db, command);
  Result<Plan> step = plan_command(db, command.step);
  if (!step) problems.insert(problems.end(), step.problems().begin(), step.problems().end());
  std::optional<Result<Plan>> promise, dispute;
  if (command.promise) promise = plan_command(db, *command.promise);
  if (command.dispute) dispute = plan_command(db, *command.dispute);
  for (const std::optional<Result<Plan>>& part : {promise, dispute})
    if (part && !*part) problems.insert(problems.end(), part->problems().begin(), part->problems().end());
  if (!problems.empty()) return problems;
  Plan plan = step.value();
  if (promise) append(plan, promise->value());
  if (dispute) append(plan, dispute->value());
  std::optional<Customer> customer = find_customer(db, command.step.customer_id);
  const PolicyRecord policy = policy_for_customer(db, command.step.customer_id);
  plan.label = "Record " + step_title(policy.policy, command.step.step_index) + " for " +
               customer->fields.name + ": " + outcome_words(db, command, customer->fields.currency);
  return plan;
}

}  // namespace duebook

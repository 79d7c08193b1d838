// Plans of the collections follow-up commands: policies, company details, steps done, snoozes and the
// credit-hold rules (the contact record's are in collections_contact_plans.cpp). Each validates everything,
// then returns its events.
#include "collections/collections_plans.h"

#include <algorithm>

#include "base/bank.h"
#include "base/party_ids.h"
#include "base/text.h"
#include "collections/collections.h"
#include "collections/collections_queries.h"
#include "collections/collections_worklist.h"
#include "collections/templates.h"
#include "collections/templates_default.h"
#include "customers/customer_queries.h"
#include "invoicing/payment_commands.h"
#include "invoicing/receivables.h"

namespace duebook {
namespace {

int64_t next_done_id(Db& db) {
  Statement& st = db.prepare("SELECT coalesce(max(done_id), 0) + 1 FROM collection_steps");
  int64_t id = st.step() ? st.int64(0) : 1;
  st.reset();
  return id;
}

bool step_already_done(Db& db, int64_t invoice_id, int step) {
  Statement& st = db.prepare(
      "SELECT 1 FROM collection_steps WHERE invoice_id = ?1 AND step_index = ?2 AND removed = 0 LIMIT 1");
  st.bind_all(invoice_id, int64_t{step});
  bool done = st.step();
  st.reset();
  return done;
}

Json hold_state(CustomerStatus status, bool by_rules) {
  return {{"status", to_string(status)}, {"by_rules", by_rules}};
}

bool held_by_rules(Db& db, int64_t customer_id) {
  Statement& st = db.prepare("SELECT hold_by_rules FROM collection_accounts WHERE customer_id = ?1");
  st.bind_all(customer_id);
  bool by_rules = st.step() && st.int64(0) != 0;
  st.reset();
  return by_rules;
}

// Each step's message is checked when the policy is set, not when a reminder is due: a template a step names
// must exist (an unknown one would quietly fall back to the action's default) and be well formed
// (check_template). Problems name "policy.steps[i].template_id".
Problems check_step_templates(const CollectionPolicy& policy) {
  Problems problems;
  for (size_t i = 0; i < policy.steps.size(); ++i) {
    const CollectionStep& step = policy.steps[i];
    const std::string at = "policy.steps[" + std::to_string(i) + "].template_id";
    if (!step.template_id.empty() && !find_template(default_templates(), step.template_id)) {
      problems.push_back({at, "no message template \"" + step.template_id + "\""});
      continue;
    }
    Status checked = check_template(template_for_step(step));
    if (!checked)
      for (const Problem& p : checked.problems()) problems.push_back({at, p.where + ": " + p.message});
  }
  return problems;
}

}  // namespace

Result<Plan> plan_command(Db& db, const SavePolicy& command) {
  Result<PolicyRecord> record = policy_record_from_json(command.json);
  if (!record) return record.problems();
  if (Problems problems = check_step_templates(record->policy); !problems.empty()) return problems;
  Json before = nullptr;
  int64_t id = command.id;
  if (id != 0) {
    Statement& st = db.prepare("SELECT policy FROM collection_policies WHERE id = ?1 AND removed = 0");
    st.bind_all(id);
    if (st.step()) before = Json::parse(st.text(0));
    st.reset();
    if (before.is_null()) return Problem{"id", "no saved policy #" + std::to_string(id)};
  } else {
    id = next_id(db, "collection_policies");
  }
  const std::string key = lower_ascii(trimmed(record->policy.name));
  for (const PolicyRecord& other : list_policies(db))
    if (other.id != id && lower_ascii(trimmed(other.policy.name)) == key)
      return Problem{"policy.name", "a policy named \"" + other.policy.name + "\" already exists"};
  Json after = Json::parse(policy_record_to_json(*record));
  if (after == before) return Problem{"", "nothing changed"};
  Plan plan;
  plan.created_id = id;
  plan.label = "Save collections policy " + record->policy.name;
  add_to_plan(plan, {{"collections.policy_saved", {{"id", id}, {"before", before}, {"after", after}}}});
  return plan;
}

Result<Plan> plan_command(Db& db, const SetCustomerPolicy& command) {
  std::optional<Customer> customer = find_customer(db, command.customer_id);
  if (!customer) return no_customer(command.customer_id);
  std::optional<PolicyRecord> policy = find_policy(db, command.policy_id);
  if (!policy) return Problem{"policy_id", "no policy #" + std::to_string(command.policy_id)};
  int64_t current = policy_for_customer(db, command.customer_id).id;
  if (current == command.policy_id)
    return Problem{"policy_id", customer->fields.name + " already has this policy"};
  Plan plan;
  plan.label = "Chase " + customer->fields.name + " by policy " + policy->policy.name;
  add_to_plan(plan,
              {{"collections.policy_assigned",
                {{"customer", command.customer_id}, {"before", current}, {"after", command.policy_id}}}});
  return plan;
}

Result<Plan> plan_command(Db& db, const SetCompanyDetails& command) {
  CompanyDetails c = command.company;
  for (std::string* field : {&c.name, &c.phone, &c.email, &c.sender_name, &c.vat_id, &c.endpoint})
    *field = trimmed(*field);
  Problems problems;
  if (!c.email.empty() && (c.email.find('@') == std::string::npos || c.email.find(' ') != std::string::npos))
    problems.push_back({"email", "\"" + c.email + "\" is not an email address"});
  check_text(problems, c.name, 200, "name");
  check_text(problems, c.address, 1000, "address");
  check_text(problems, c.vat_id, 64, "vat_id");
  check_text(problems, c.endpoint, 200, "endpoint");
  if (!c.endpoint.empty())
    if (std::optional<std::string> bad = endpoint_problem(c.endpoint)) problems.push_back({"endpoint", *bad});
  check_text(problems, c.account_name, 70, "account_name");  // EPC069-12 §3.4: the beneficiary's name ≤ 70
  for (Problem& p : normalize_bank_account(c.iban, c.bic)) problems.push_back(std::move(p));
  if (!problems.empty()) return problems;
  Json before = company_to_json(company_details(db)), after = company_to_json(c);
  if (before == after) return Problem{"", "nothing changed"};
  Plan plan;
  plan.label = "Set the company details for collection messages";
  add_to_plan(plan, {{"collections.company_set", {{"before", before}, {"after", after}}}});
  return plan;
}

namespace {

// One invoice a collections step was done for.
struct StepLine {
  int64_t invoice;  // invoice id
  int step;         // its step
};

// What a step done covers.
struct StepDone {
  std::vector<StepLine> lines;  // the invoices it was done for, with their steps
  int entry_step = -1;          // the step done: the highest of the lines' steps
  Contact contact;              // whom it was done with, unless the command names someone
};

// The lines of the customer's entries in the day's worklist; only the invoices the command names, when it
// names any. Empty (entry_step -1) when nothing is due that day.
StepDone worklist_step_done(Db& db, const RecordStepDone& command) {
  CollectionsBook book = load_collections_book(db, command.date, command.customer_id);
  Worklist w = build_worklist(command.date, book.customers);
  StepDone done;
  for (const WorklistEntry& e : w.entries)
    for (const WorklistLine& l : e.lines) {
      int64_t id = book.invoice_ids.at(l.invoice);
      if (!command.invoice_ids.empty() &&
          !std::count(command.invoice_ids.begin(), command.invoice_ids.end(), id))
        continue;
      done.lines.push_back({id, l.step_index});
      if (l.step_index > done.entry_step) done.entry_step = l.step_index, done.contact = e.contact;
    }
  return done;
}

// Checks the command's step against the policy and the worklist's lines in `done`. With no line due that day,
// the step is done ahead of (or after) the worklist, for the invoices the command names: adds their lines,
// with the customer's billing contact. Fails, leaving `done` as it may be, on the first problem.
Status check_step_done(Db& db, const RecordStepDone& command, const Customer& customer,
                       const PolicyRecord& policy, StepDone& done) {
  const std::string& name = customer.fields.name;
  const int n = int(policy.policy.steps.size());
  if (command.step_index < 0 || command.step_index >= n)
    return Problem{"step", "the policy " + policy.policy.name + " has steps 0 to " + std::to_string(n - 1)};
  if (!done.lines.empty()) {
    if (done.entry_step == command.step_index) return ok_status();
    return Problem{"step", "the worklist of " + iso(command.date) + " has step " +
                               std::to_string(done.entry_step) + " (" +
                               to_string(policy.policy.steps[size_t(done.entry_step)].action) + ") for " +
                               name + ", not step " + std::to_string(command.step_index)};
  }
  if (command.invoice_ids.empty())
    return Problem{"step", "no step is due for " + name + " on " + iso(command.date) +
                               "; name the invoices to record a step done out of turn"};
  Result<std::vector<CollectionInvoice>> invoices =
      customer_invoices_arg(db, command.customer_id, command.invoice_ids, command.date, "invoice_ids");
  if (!invoices) return invoices.problems();
  for (const CollectionInvoice& inv : invoices.value()) {
    if (step_already_done(db, inv.id, command.step_index))
      return Problem{"step",
                     "step " + std::to_string(command.step_index) + " is already done for " + inv.number};
    done.lines.push_back({inv.id, command.step_index});
  }
  done.entry_step = command.step_index;
  for (const Contact& c : customer.fields.contacts)
    if (c.role == "billing" && done.contact.name.empty()) done.contact = c;
  return ok_status();
}

// The events of a step done (id done_id): the step on its invoices, the contact log entry and, for a
// credit-hold step on an active customer, the hold.
std::vector<JsonEvent> step_done_events(Db& db, const RecordStepDone& command, const Customer& customer,
                                        const CollectionStep& step, const StepDone& done, int64_t done_id) {
  Json steps = Json::array();
  std::vector<int64_t> ids;
  for (const StepLine& l : done.lines) {
    steps.push_back({{"invoice", l.invoice}, {"step", l.step}});
    ids.push_back(l.invoice);
  }
  std::string notes = trimmed(command.notes);
  if (notes.empty())
    notes = std::string(to_string(step.action)) + " (step " + std::to_string(done.entry_step) + ")";
  std::string person = trimmed(command.person);
  if (person.empty()) person = done.contact.name;
  std::vector<JsonEvent> events = {{"collections.step_done",
                                    {{"id", done_id},
                                     {"customer", command.customer_id},
                                     {"date", iso(command.date)},
                                     {"outcome", command.outcome},
                                     {"notes", notes},
                                     {"steps", steps}}},
                                   {"contact.logged",
                                    {{"id", next_id(db, "contact_log")},
                                     {"customer", command.customer_id},
                                     {"date", iso(command.date)},
                                     {"channel", to_string(channel_for(step.action))},
                                     {"person", person},
                                     {"outcome", command.outcome},
                                     {"notes", notes},
                                     {"invoices", invoice_numbers_text(db, ids)},
                                     {"step_done", done_id}}}};
  // A credit-hold step carried out puts the customer on hold (the rules may release it later).
  if (step.action == StepAction::CreditHold && customer.fields.status == CustomerStatus::Active)
    events.push_back(
        {"collections.hold_set",
         {{"customer", command.customer_id},
          {"date", iso(command.date)},
          {"before", hold_state(CustomerStatus::Active, held_by_rules(db, command.customer_id))},
          {"after", hold_state(CustomerStatus::CreditHold, true)},
          {"reasons", Json::array({"policy step " + std::to_string(done.entry_step) + ": credit_hold"})}}});
  return events;
}

}  // namespace

Result<Plan> plan_command(Db& db, const RecordStepDone& command) {
  std::optional<Customer> customer = find_customer(db, command.customer_id);
  if (!customer) return no_customer(command.customer_id);
  Problems problems;
  check_date(problems, command.date, "date");
  std::optional<ContactOutcome> outcome = contact_outcome_from(command.outcome);
  if (!outcome)
    problems.push_back(
        {"outcome", "must be reached, voicemail, no_answer, wrong_contact, promised, disputed or paid"});
  check_text(problems, command.notes, 4000, "notes");
  if (!problems.empty()) return problems;
  const PolicyRecord policy = policy_for_customer(db, command.customer_id);
  StepDone done = worklist_step_done(db, command);
  if (Status s = check_step_done(db, command, *customer, policy, done); !s) return s.problems();
  const CollectionStep& step = policy.policy.steps[size_t(done.entry_step)];
  const int64_t done_id = next_done_id(db);
  Plan plan;
  plan.label = "Collections step " + std::to_string(done.entry_step) + " (" + to_string(step.action) +
               ") done for " + customer->fields.name;
  plan.created_id = done_id;
  add_to_plan(plan, step_done_events(db, command, *customer, step, done, done_id));
  return plan;
}

Result<Plan> plan_command(Db& db, const SnoozeCustomer& command) {
  std::optional<Customer> customer = find_customer(db, command.customer_id);
  if (!customer) return no_customer(command.customer_id);
  Problems problems;
  check_date(problems, command.date, "date");
  if (command.until) {
    check_date(problems, *command.until, "until");
    if (problems.empty() && *command.until <= command.date)
      problems.push_back({"until", "must be after " + iso(command.date)});
  }
  if (!problems.empty()) return problems;
  Statement& st = db.prepare("SELECT snoozed_until FROM collection_accounts WHERE customer_id = ?1");
  st.bind_all(command.customer_id);
  Json before = nullptr;
  if (st.step() && !st.is_null(0)) before = st.text(0);
  st.reset();
  Json after = command.until ? Json(iso(*command.until)) : Json(nullptr);
  if (before == after) return Problem{"until", "nothing changed"};
  Plan plan;
  plan.label = command.until ? "Snooze " + customer->fields.name + " until " + iso(*command.until)
                             : "End the snooze of " + customer->fields.name;
  add_to_plan(plan, {{"collections.snoozed",
                      {{"customer", command.customer_id},
                       {"date", iso(command.date)},
                       {"before", before},
                       {"after", after}}}});
  return plan;
}

Result<Plan> plan_command(Db& db, const ApplyCreditHolds& command) {
  Problems problems;
  check_date(problems, command.as_of, "as_of");
  if (!problems.empty()) return problems;
  std::vector<JsonEvent> events;
  int held = 0, released = 0;
  for (const CreditReview& r : review_credit_holds(db, command.as_of, command.rules)) {
    if (r.change.empty()) continue;
    const bool hold = r.change == "hold";
    (hold ? held : released)++;
    Json reasons = Json::array();
    for (const std::string& e : r.decision.explanations) reasons.push_back(e);
    if (!hold) reasons.push_back("no credit-hold rule applies any more");
    events.push_back({"collections.hold_set",
                      {{"customer", r.customer_id},
                       {"date", iso(command.as_of)},
                       {"before", hold_state(r.status, r.hold_by_rules)},
                       {"after", hold ? hold_state(command.cash_on_delivery ? CustomerStatus::CashOnDelivery
                                                                            : CustomerStatus::CreditHold,
                                                   true)
                                      : hold_state(CustomerStatus::Active, false)},
                       {"reasons", reasons}}});
  }
  if (events.empty()) return Problem{"", "no customer's credit hold changes as of " + iso(command.as_of)};
  Plan plan;
  plan.label = "Apply the credit-hold rules as of " + iso(command.as_of) + " (" + std::to_string(held) +
               " held, " + std::to_string(released) + " released)";
  add_to_plan(plan, events);
  return plan;
}

}  // namespace duebook

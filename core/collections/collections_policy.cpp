#include "collections/collections_policy.h"

#include <algorithm>
#include <cassert>
#include <limits>
#include <map>
#include <nlohmann/json.hpp>
#include <tuple>

#include "base/currencies.h"

namespace duebook {
namespace {

using Json = nlohmann::json;

constexpr int kMinOffset = -365;  // a year before the due date is the earliest sensible reminder
constexpr int kMaxOffset = 3650;  // ten years after it is the latest sensible step

struct ActionName {
  StepAction action;  // the enumerator
  const char* name;   // its stable spelling
};
constexpr ActionName kActionNames[] = {
    {StepAction::EmailReminder, "email_reminder"},
    {StepAction::PhoneCall, "phone_call"},
    {StepAction::Letter, "letter"},
    {StepAction::EscalationLetter, "escalation_letter"},
    {StepAction::CreditHold, "credit_hold"},
    {StepAction::FinalNotice, "final_notice"},
    {StepAction::HandToAgency, "hand_to_agency"},
};

std::string step_where(std::size_t i, const char* field) {
  return "policy.steps[" + std::to_string(i) + "]." + field;
}

bool valid_template_id(const std::string& id) {
  for (char c : id) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    if (!ok) return false;
  }
  return true;
}

// Actions that only make sense once an invoice is late.
bool needs_lateness(StepAction action) {
  return action == StepAction::CreditHold || action == StepAction::FinalNotice ||
         action == StepAction::HandToAgency;
}

char lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

bool same_role(const std::string& role, const char* wanted) {
  std::string r;
  for (char c : role) r.push_back(lower(c));
  return r == wanted;
}

std::string money_text(int64_t minor, const CurrencyCode& currency) {
  const Currency* c = builtin_currencies().find(currency.view());
  return format_amount(minor, c ? c->minor_digits : 2) + " " + std::string(currency.view());
}

int64_t saturate(Int128 v) {
  const Int128 max = std::numeric_limits<int64_t>::max();
  return v > max ? std::numeric_limits<int64_t>::max() : static_cast<int64_t>(v);
}

// Reads one step object; appends problems and returns false when a field is missing or mistyped.
bool read_step(const Json& j, std::size_t i, CollectionStep* step, Problems* problems) {
  if (!j.is_object()) {
    problems->push_back({"policy.steps[" + std::to_string(i) + "]", "must be an object"});
    return false;
  }
  bool ok = true;
  const auto offset = j.find("offset_days");
  if (offset == j.end() || !offset->is_number_integer()) {
    problems->push_back({step_where(i, "offset_days"), "must be a whole number of days"});
    ok = false;
  } else {
    const int64_t days = offset->get<int64_t>();
    if (days < kMinOffset || days > kMaxOffset) {
      problems->push_back({step_where(i, "offset_days"), "must be between " + std::to_string(kMinOffset) +
                                                             " and " + std::to_string(kMaxOffset) + " days"});
      ok = false;
    } else {
      step->offset_days = static_cast<int>(days);
    }
  }
  const auto action = j.find("action");
  std::optional<StepAction> parsed;
  if (action != j.end() && action->is_string()) parsed = step_action_from(action->get<std::string>());
  if (!parsed) {
    problems->push_back({step_where(i, "action"),
                         "must be one of email_reminder, phone_call, letter, escalation_letter, "
                         "credit_hold, final_notice, hand_to_agency"});
    ok = false;
  } else {
    step->action = *parsed;
  }
  const auto template_id = j.find("template_id");
  if (template_id != j.end()) {
    if (template_id->is_string()) {
      step->template_id = template_id->get<std::string>();
    } else {
      problems->push_back({step_where(i, "template_id"), "must be text"});
      ok = false;
    }
  }
  for (const char* flag : {"late_fee", "interest_notice"}) {
    const auto it = j.find(flag);
    if (it == j.end()) continue;
    if (!it->is_boolean()) {
      problems->push_back({step_where(i, flag), "must be true or false"});
      ok = false;
      continue;
    }
    (std::string(flag) == "late_fee" ? step->late_fee : step->interest_notice) = it->get<bool>();
  }
  const auto deadline = j.find("payment_deadline_days");
  if (deadline != j.end()) {
    if (deadline->is_number_integer() && deadline->get<int64_t>() >= 1 && deadline->get<int64_t>() <= 90) {
      step->payment_deadline_days = deadline->get<int>();
    } else {
      problems->push_back(
          {step_where(i, "payment_deadline_days"), "must be a whole number of days, 1 to 90"});
      ok = false;
    }
  }
  return ok;
}

// The invoice's state for today's worklist, found by classify().
struct InvoiceState {
  std::optional<PausedInvoice> paused;  // set when the invoice is held back today
  std::optional<BrokenPromise> broken;  // set when its promise is broken
};

InvoiceState classify(const Date& as_of, const std::string& customer, const OpenInvoice& inv,
                      const WorklistOptions& options) {
  InvoiceState state;
  auto pause = [&](PauseReason reason, std::optional<Date> until) {
    state.paused = PausedInvoice{customer, inv.number, reason, until};
  };
  if (inv.disputed) {
    pause(PauseReason::Disputed, std::nullopt);
  } else if (inv.with_agency) {
    pause(PauseReason::WithAgency, std::nullopt);
  } else if (inv.factored) {
    pause(PauseReason::Factored, std::nullopt);
  } else if (inv.snoozed_until && as_of < *inv.snoozed_until) {
    pause(PauseReason::Snoozed, add_days(*inv.snoozed_until, -1));
  } else if (inv.promise && inv.promise->paid_minor < inv.promise->amount_minor) {
    const Date last_day = add_days(inv.promise->pay_by, options.promise_grace_days);
    if (as_of <= last_day) {
      pause(PauseReason::PromiseActive, last_day);
    } else {
      state.broken = BrokenPromise{customer,
                                   inv.number,
                                   inv.promise->pay_by,
                                   add_days(last_day, 1),
                                   inv.promise->amount_minor,
                                   inv.promise->paid_minor};
    }
  }
  return state;
}

// The index of the step due today for one invoice, or -1.
int step_due(const Date& as_of, const CollectionPolicy& policy, const OpenInvoice& inv,
             const std::vector<DoneStep>& done, const std::optional<BrokenPromise>& broken) {
  const int n = static_cast<int>(policy.steps.size());
  int max_done = -1;
  bool done_since_break = false;
  for (const DoneStep& d : done) {
    if (d.invoice != inv.number) continue;
    max_done = std::max(max_done, d.step_index);
    if (broken && d.done_on >= broken->broken_on) done_since_break = true;
  }
  // Steps are sorted by offset, so the reached steps are a prefix of the list.
  int reached = -1;
  for (int i = 0; i < n; ++i) {
    if (add_days(inv.due_date, policy.steps[i].offset_days) <= as_of) reached = i;
  }
  int chosen = reached > max_done ? reached : -1;
  if (broken && !done_since_break && max_done + 1 < n) chosen = std::max(chosen, max_done + 1);
  return chosen;
}

// The last day of the latest payment deadline the steps done for the invoice gave, if any. A done step whose
// index the policy no longer has gives none.
std::optional<Date> running_deadline(const CollectionPolicy& policy, const OpenInvoice& inv,
                                     const std::vector<DoneStep>& done) {
  std::optional<Date> last;
  for (const DoneStep& d : done) {
    if (d.invoice != inv.number || d.step_index < 0 || d.step_index >= int(policy.steps.size())) continue;
    const CollectionStep& step = policy.steps[d.step_index];
    if (!gives_payment_deadline(step)) continue;
    const Date day = add_days(d.done_on, step.payment_deadline_days);
    if (!last || *last < day) last = day;
  }
  return last;
}

const Contact* find_role(const std::vector<Contact>& contacts, const char* role) {
  for (const Contact& c : contacts) {
    if (same_role(c.role, role)) return &c;
  }
  return nullptr;
}

}  // namespace

bool gives_payment_deadline(const CollectionStep& step) {
  return step.offset_days > 0 &&
         (step.action == StepAction::EmailReminder || step.action == StepAction::Letter ||
          step.action == StepAction::EscalationLetter || step.action == StepAction::FinalNotice);
}

bool escalates(const CollectionStep& step) {
  return step.action == StepAction::Letter || step.action == StepAction::EscalationLetter ||
         step.action == StepAction::FinalNotice || step.action == StepAction::CreditHold ||
         step.action == StepAction::HandToAgency;
}

const char* to_string(StepAction action) {
  for (const ActionName& a : kActionNames) {
    if (a.action == action) return a.name;
  }
  assert(false && "unknown StepAction");
  return "";
}

std::optional<StepAction> step_action_from(std::string_view text) {
  for (const ActionName& a : kActionNames) {
    if (text == a.name) return a.action;
  }
  return std::nullopt;
}

bool operator==(const CollectionStep& a, const CollectionStep& b) {
  return a.offset_days == b.offset_days && a.action == b.action && a.template_id == b.template_id &&
         a.late_fee == b.late_fee && a.interest_notice == b.interest_notice &&
         a.payment_deadline_days == b.payment_deadline_days;
}
bool operator!=(const CollectionStep& a, const CollectionStep& b) {
  return !(a == b);
}

Status validate_policy(const CollectionPolicy& policy) {
  Problems problems;
  if (policy.name.find_first_not_of(" \t") == std::string::npos) {
    problems.push_back({"policy.name", "a policy needs a name"});
  }
  if (policy.steps.empty()) problems.push_back({"policy.steps", "a policy needs at least one step"});
  for (std::size_t i = 0; i < policy.steps.size(); ++i) {
    const CollectionStep& s = policy.steps[i];
    if (s.offset_days < kMinOffset || s.offset_days > kMaxOffset) {
      problems.push_back({step_where(i, "offset_days"), "must be between " + std::to_string(kMinOffset) +
                                                            " and " + std::to_string(kMaxOffset) + " days"});
    }
    if (i > 0 && s.offset_days < policy.steps[i - 1].offset_days) {
      problems.push_back({step_where(i, "offset_days"),
                          "steps must be sorted by day: " + std::to_string(s.offset_days) + " comes after " +
                              std::to_string(policy.steps[i - 1].offset_days)});
    }
    for (std::size_t k = 0; k < i; ++k) {
      if (policy.steps[k].offset_days == s.offset_days && policy.steps[k].action == s.action) {
        problems.push_back({step_where(i, "action"),
                            std::string("the same action (") + to_string(s.action) + ") is already on day " +
                                std::to_string(s.offset_days) + " as step " + std::to_string(k)});
      }
    }
    if (s.offset_days <= 0) {
      if (s.late_fee) {
        problems.push_back({step_where(i, "late_fee"), "a late fee can only be charged after the due date"});
      }
      if (s.interest_notice) {
        problems.push_back(
            {step_where(i, "interest_notice"), "interest can only be announced after the due date"});
      }
      if (needs_lateness(s.action)) {
        problems.push_back({step_where(i, "action"),
                            std::string(to_string(s.action)) + " only makes sense after the due date"});
      }
    }
    if (!valid_template_id(s.template_id)) {
      problems.push_back({step_where(i, "template_id"),
                          "may contain only a-z, 0-9, '_' and '-': \"" + s.template_id + "\""});
    }
  }
  if (!problems.empty()) return problems;
  return ok_status();
}

CollectionPolicy default_policy() {
  CollectionPolicy p;
  p.name = "Standard";
  p.steps = {
      {-3, StepAction::EmailReminder, "courtesy_reminder", false, false},
      {1, StepAction::EmailReminder, "friendly_reminder", false, false},
      {7, StepAction::PhoneCall, "phone_script", false, false},
      {17, StepAction::PhoneCall, "second_call_script", false, false},
      {30, StepAction::Letter, "late_fee_letter", true, true},
      {45, StepAction::EscalationLetter, "senior_manager_letter", false, true},
      {60, StepAction::CreditHold, "credit_hold_notice", false, true},
      {90, StepAction::HandToAgency, "agency_notice", false, true},
  };
  return p;
}

std::string policy_to_json(const CollectionPolicy& policy) {
  Json steps = Json::array();
  for (const CollectionStep& s : policy.steps) {
    Json step{{"offset_days", s.offset_days},
              {"action", to_string(s.action)},
              {"template_id", s.template_id},
              {"late_fee", s.late_fee},
              {"interest_notice", s.interest_notice}};
    // Written only when it is not the default, so policies saved before it existed read back unchanged.
    if (s.payment_deadline_days != 14) step["payment_deadline_days"] = s.payment_deadline_days;
    steps.push_back(std::move(step));
  }
  return Json{{"name", policy.name}, {"steps", steps}}.dump();
}

Result<CollectionPolicy> policy_from_json(std::string_view text) {
  const Json j = Json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return Problem{"policy", "is not valid JSON"};
  if (!j.is_object()) return Problem{"policy", "must be a JSON object with \"name\" and \"steps\""};
  Problems problems;
  CollectionPolicy policy;
  const auto name = j.find("name");
  if (name == j.end() || !name->is_string()) {
    problems.push_back({"policy.name", "must be text"});
  } else {
    policy.name = name->get<std::string>();
  }
  const auto steps = j.find("steps");
  if (steps == j.end() || !steps->is_array()) {
    problems.push_back({"policy.steps", "must be a list of steps"});
  } else {
    for (std::size_t i = 0; i < steps->size(); ++i) {
      CollectionStep step;
      if (read_step((*steps)[i], i, &step, &problems)) policy.steps.push_back(step);
    }
  }
  if (!problems.empty()) return problems;
  Status valid = validate_policy(policy);
  if (!valid) return valid.problems();
  return policy;
}

const char* to_string(PauseReason reason) {
  switch (reason) {
    case PauseReason::Disputed:
      return "disputed";
    case PauseReason::WithAgency:
      return "with_agency";
    case PauseReason::Factored:
      return "factored";
    case PauseReason::PromiseActive:
      return "promise_active";
    case PauseReason::Snoozed:
      return "snoozed";
    case PauseReason::AwaitingDeadline:
      return "awaiting_deadline";
  }
  return "";
}

Worklist build_worklist(const Date& as_of, const std::vector<CustomerCollections>& customers,
                        const WorklistOptions& options) {
  Worklist out;
  for (const CustomerCollections& c : customers) {
    Status valid = validate_policy(c.policy);
    if (!valid) {
      for (const Problem& p : valid.problems()) {
        out.problems.push_back({c.customer + ": " + p.where, p.message});
      }
      continue;
    }
    std::map<std::string, WorklistEntry> by_currency;  // currency code -> entry being built
    for (const OpenInvoice& inv : c.invoices) {
      const InvoiceState state = classify(as_of, c.customer, inv, options);
      if (state.broken) out.broken_promises.push_back(*state.broken);
      if (state.paused) {
        out.paused.push_back(*state.paused);
        continue;
      }
      const int index = step_due(as_of, c.policy, inv, c.done, state.broken);
      if (index < 0) continue;
      if (escalates(c.policy.steps[index])) {
        const std::optional<Date> deadline = running_deadline(c.policy, inv, c.done);
        if (deadline && as_of <= *deadline) {
          out.paused.push_back(
              PausedInvoice{c.customer, inv.number, PauseReason::AwaitingDeadline, deadline});
          continue;
        }
      }
      WorklistLine line;
      line.invoice = inv.number;
      line.step_index = index;
      line.step = c.policy.steps[index];
      line.due_date = inv.due_date;
      line.days_late = days_between(inv.due_date, as_of);
      line.open = inv.open;
      line.after_broken_promise = state.broken && add_days(inv.due_date, line.step.offset_days) > as_of;
      WorklistEntry& e = by_currency[std::string(inv.open.currency.view())];
      e.lines.push_back(line);
    }
    for (auto& [code, e] : by_currency) {
      e.customer = c.customer;
      e.currency = e.lines.front().open.currency;
      std::sort(e.lines.begin(), e.lines.end(), [](const WorklistLine& a, const WorklistLine& b) {
        if (a.due_date != b.due_date) return a.due_date < b.due_date;
        return a.invoice < b.invoice;
      });
      Int128 priority = 0;
      Int128 open = 0;
      e.step_index = -1;
      for (const WorklistLine& l : e.lines) {
        if (l.step_index > e.step_index) {
          e.step_index = l.step_index;
          e.step = l.step;
        }
        open += l.open.minor;
        priority += static_cast<Int128>(l.open.minor) * std::max<int64_t>(l.days_late, 0);
      }
      e.open_minor = saturate(open);
      e.priority = saturate(priority);
      const bool escalation = e.step.action == StepAction::EscalationLetter;
      const Contact* wanted = find_role(c.contacts, escalation ? "escalation" : "billing");
      const Contact* contact = wanted;
      if (!contact && escalation) contact = find_role(c.contacts, "billing");
      if (!contact && !c.contacts.empty()) contact = &c.contacts.front();
      e.contact_fallback = wanted == nullptr;
      if (contact) e.contact = *contact;
      out.entries.push_back(std::move(e));
    }
  }
  std::stable_sort(out.entries.begin(), out.entries.end(),
                   [](const WorklistEntry& a, const WorklistEntry& b) {
                     if (a.currency.view() != b.currency.view()) {
                       return a.currency.view() < b.currency.view();
                     }
                     if (a.priority != b.priority) return a.priority > b.priority;
                     return a.customer < b.customer;
                   });
  std::stable_sort(out.paused.begin(), out.paused.end(), [](const PausedInvoice& a, const PausedInvoice& b) {
    return std::tie(a.customer, a.invoice) < std::tie(b.customer, b.invoice);
  });
  std::stable_sort(out.broken_promises.begin(), out.broken_promises.end(),
                   [](const BrokenPromise& a, const BrokenPromise& b) {
                     return std::tie(a.customer, a.invoice) < std::tie(b.customer, b.invoice);
                   });
  return out;
}

CreditHoldDecision decide_credit_hold(const CreditFacts& facts, const CreditHoldRules& rules) {
  CreditHoldDecision d;
  if (rules.days_overdue_above && facts.max_days_overdue > *rules.days_overdue_above) {
    d.reasons.push_back(HoldReason::DaysOverdue);
    d.explanations.push_back(std::to_string(facts.max_days_overdue) + " days overdue (more than " +
                             std::to_string(*rules.days_overdue_above) + ")");
  }
  if (rules.balance_above_limit && facts.credit_limit_minor &&
      facts.balance.minor > *facts.credit_limit_minor) {
    d.reasons.push_back(HoldReason::OverCreditLimit);
    d.explanations.push_back("balance " + money_text(facts.balance.minor, facts.balance.currency) +
                             " is above the credit limit of " +
                             money_text(*facts.credit_limit_minor, facts.balance.currency));
  }
  if (rules.broken_promises_at_least && facts.broken_promises >= *rules.broken_promises_at_least) {
    d.reasons.push_back(HoldReason::BrokenPromises);
    d.explanations.push_back(std::to_string(facts.broken_promises) + " broken promises to pay (" +
                             std::to_string(*rules.broken_promises_at_least) + " or more)");
  }
  d.hold = !d.reasons.empty();
  return d;
}

}  // namespace duebook

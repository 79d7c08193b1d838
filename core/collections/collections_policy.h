// Collections rules as pure functions: a policy is a list of steps (remind, call, write, hold,
// hand to an agency) placed on days relative to an invoice's due date; the worklist says, for a
// given day, which customer to contact about which invoices and how. No database, no clock: the
// caller passes "as of" and the facts it has read from the ledger, and records what was done.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/date.h"
#include "base/money.h"
#include "base/result.h"
#include "customers/customers.h"

namespace duebook {

// ---------------------------------------------------------------------------------------------
// Policies

// What a collections step asks the user to do.
enum class StepAction {
  EmailReminder,     // an email to the billing contact (courtesy, friendly or firm reminder)
  PhoneCall,         // a call to the billing contact, following a script
  Letter,            // a formal letter (may announce a late fee and statutory/contract interest)
  EscalationLetter,  // a letter to the senior manager (the customer's escalation contact)
  CreditHold,        // stop work / cash on delivery until the account is brought up to date
  FinalNotice,       // the last notice before the debt leaves the business's own hands
  HandToAgency,      // pass the debt to a collection agency
};

// The stable spelling used in JSON and on the command line: "email_reminder", "phone_call",
// "letter", "escalation_letter", "credit_hold", "final_notice", "hand_to_agency".
const char* to_string(StepAction action);
// Reads the spelling written by to_string (exact, lower case); nullopt for anything else.
std::optional<StepAction> step_action_from(std::string_view text);

// One step of a policy.
struct CollectionStep {
  int offset_days = 0;                            // days from the due date; negative = before it
  StepAction action = StepAction::EmailReminder;  // what to do
  std::string template_id;                        // message template; "" = the action's default
  bool late_fee = false;                          // the step charges the policy's late fee
  bool interest_notice = false;                   // the message announces interest on late payment
  // The new payment deadline a reminder or letter of this step gives, in days from its date (Norway's
  // inkassoloven §9 asks for 14 days between a payment reminder and the next step); 1..90.
  int payment_deadline_days = 14;
};

// True when the step sends the customer a reminder that sets a new payment deadline: an email reminder, a
// letter, an escalation letter or a final notice after the due date. Its deadline is done_on +
// payment_deadline_days, and the documents of that step print it.
bool gives_payment_deadline(const CollectionStep& step);

// True when the step escalates against the customer in writing or in deed: a letter, an escalation letter, a
// final notice, a credit hold or a hand-off to an agency. Such a step waits for the payment deadline the last
// reminder gave (inkassoloven §9: 14 days between a payment reminder and the next step); calls and emails do
// not, since a friendly follow-up within the deadline takes nothing from the customer.
bool escalates(const CollectionStep& step);

// Field-by-field equality (used to compare a policy with the one read back from JSON).
bool operator==(const CollectionStep& a, const CollectionStep& b);
bool operator!=(const CollectionStep& a, const CollectionStep& b);

// A named sequence of steps, sorted by offset (steps on the same day keep their order). A step is
// identified by its index in `steps`, which is what the ledger records as done.
struct CollectionPolicy {
  std::string name;                   // shown to the user, e.g. "Standard"
  std::vector<CollectionStep> steps;  // any number, sorted by offset_days
};

// Checks a policy built in code, a form or a file. Problems name the field ("policy.name",
// "policy.steps[2].offset_days"): an empty name; no steps; an offset outside -365..3650; steps not
// sorted by offset; the same action twice on the same offset; a late fee, interest notice, credit
// hold, final notice or agency hand-off on or before the due date (offset <= 0), since none of them
// makes sense for an invoice that is not yet late; a template id with characters other than
// a-z, 0-9, '_', '-'. Returns ok_status() when none applies; never changes the policy.
Status validate_policy(const CollectionPolicy& policy);

// The policy new businesses start with, drawn from common credit-control practice:
//   -3  courtesy email ("your invoice falls due on ...")          email_reminder  courtesy_reminder
//   +1  friendly reminder with a duplicate of the invoice          email_reminder  friendly_reminder
//   +7  phone call, with a script                                  phone_call      phone_script
//   +17 second call, ten days after the first                      phone_call      second_call_script
//   +30 letter with the late fee and an interest notice            letter          late_fee_letter
//   +45 letter to the senior manager                               escalation_letter senior_manager_letter
//   +60 credit hold: stop work / cash on delivery                  credit_hold     credit_hold_notice
//   +90 hand to a collection agency                                hand_to_agency  agency_notice
// The result passes validate_policy.
CollectionPolicy default_policy();

// Writes a policy as compact JSON:
// {"name":"...","steps":[{"offset_days":-3,"action":"email_reminder","template_id":"...",
//   "late_fee":false,"interest_notice":false}, ...]}. Never fails; reads back with policy_from_json.
std::string policy_to_json(const CollectionPolicy& policy);

// Reads a policy written by policy_to_json (or by hand). "template_id", "late_fee" and
// "interest_notice" may be left out (defaults "", false, false); other keys are ignored. Fails with
// every problem found when the text is not JSON, a field is missing or has the wrong type (where
// "policy.steps[i].field"), an action is unknown, or validate_policy rejects the result.
Result<CollectionPolicy> policy_from_json(std::string_view text);

// ---------------------------------------------------------------------------------------------
// The worklist

// A customer's promise to pay an invoice by a date.
struct PromiseToPay {
  Date pay_by;               // the day the customer promised to pay by
  int64_t amount_minor = 0;  // the amount promised, in the invoice's currency
  int64_t paid_minor = 0;    // paid toward the promise since it was made (the caller sums payments)
};

// One open invoice of a customer, as the worklist needs it.
struct OpenInvoice {
  std::string number;                   // the invoice number, unique per ledger
  Date due_date;                        // the day the invoice falls due
  Money open;                           // the amount still open (> 0)
  bool disputed = false;                // the customer disputes it: collections pause until resolved
  bool with_agency = false;             // a collection agency has it: our own steps stop
  bool factored = false;                // sold to a factor, who collects it
  std::optional<PromiseToPay> promise;  // an unresolved promise to pay, if any
  std::optional<Date> snoozed_until;    // the user put it aside until this day (it comes back on it)
};

// A step already done for an invoice, as recorded by the ledger.
struct DoneStep {
  std::string invoice;  // the invoice number
  int step_index = 0;   // the index of the step in the customer's policy
  Date done_on;         // the day it was done
};

// Everything the worklist needs about one customer.
struct CustomerCollections {
  std::string customer;               // the customer's name, as shown in the worklist
  CollectionPolicy policy;            // the customer's collections policy
  std::vector<Contact> contacts;      // roles "billing" and "escalation" are used
  std::vector<OpenInvoice> invoices;  // open invoices, any order
  std::vector<DoneStep> done;         // steps done so far, for any of its invoices
};

// Settings of the worklist that are not part of a policy.
struct WorklistOptions {
  int promise_grace_days = 3;  // a promise stays active this many days past its date (bank delays)
};

// Why an invoice is not being chased today.
enum class PauseReason { Disputed, WithAgency, Factored, PromiseActive, Snoozed, AwaitingDeadline };
// "disputed", "with_agency", "factored", "promise_active", "snoozed", "awaiting_deadline".
const char* to_string(PauseReason reason);

// An invoice left out of today's worklist on purpose.
struct PausedInvoice {
  std::string customer;       // the customer's name
  std::string invoice;        // the invoice number
  PauseReason reason;         // why it is paused
  std::optional<Date> until;  // the last paused day (promise date + grace, or snooze date − 1)
};

// A promise whose date and grace have passed without the promised amount paid.
struct BrokenPromise {
  std::string customer;    // the customer's name
  std::string invoice;     // the invoice number
  Date pay_by;             // the date that was promised
  Date broken_on;          // the first day after pay_by + grace
  int64_t promised_minor;  // the amount promised
  int64_t paid_minor;      // the part of it paid
};

// One invoice of a worklist entry, with the step due for it today.
struct WorklistLine {
  std::string invoice;                // the invoice number
  int step_index = 0;                 // the policy step due today; record it as done for this invoice
  CollectionStep step;                // a copy of that step
  Date due_date;                      // the invoice's due date
  int64_t days_late = 0;              // as_of − due date; negative before the due date
  Money open;                         // the amount still open
  bool after_broken_promise = false;  // the step was brought forward because a promise was broken
};

// One customer to contact today about all of its invoices that have a step due (in one currency).
struct WorklistEntry {
  std::string customer;             // the customer's name
  CurrencyCode currency;            // the currency of every line
  int step_index = 0;               // the most advanced step among the lines: it sets the action
  CollectionStep step;              // a copy of that step
  Contact contact;                  // whom to reach: escalation contact for an escalation letter,
                                    // billing otherwise
  bool contact_fallback = false;    // the wanted role is missing; `contact` is another (or empty)
  std::vector<WorklistLine> lines;  // the invoices, by due date then number
  int64_t open_minor = 0;           // the lines' open amounts summed
  int64_t priority = 0;             // Σ open_minor × max(days_late, 0), saturating at INT64_MAX
};

// The day's work.
struct Worklist {
  std::vector<WorklistEntry> entries;          // by currency code, then priority descending, then name
  std::vector<PausedInvoice> paused;           // invoices held back today, by customer then invoice
  std::vector<BrokenPromise> broken_promises;  // promises found broken, by customer then invoice
  Problems problems;                           // customers skipped (an invalid policy), by name
};

// Builds the worklist for `as_of`. For each invoice of each customer:
//  - paused (listed in `paused`, no step) when disputed, with an agency, factored, snoozed
//    (as_of < snoozed_until), or under an active promise (as_of <= pay_by + grace days) that is not
//    yet kept (paid < promised);
//  - a promise is broken when as_of > pay_by + grace and paid < promised: it is listed in
//    `broken_promises` and the invoice moves on to the next step of its policy at once, even if that
//    step's day has not come, until some step is done for the invoice after the break (the pauses
//    are checked in the order listed, so a snoozed invoice reports its broken promise only once the
//    snooze ends);
//  - otherwise the step due is the most advanced step whose day (due_date + offset) has come and
//    which lies beyond every step already done for the invoice. Missed steps are not replayed: when
//    the 1-day email and the 7-day call are both due, only the call comes up; and no step is ever
//    proposed twice for the same invoice. Steps behind the most advanced done step count as skipped;
//  - a step that escalates (see `escalates`) waits while a reminder's deadline runs: when a step done
//    for the invoice gave a payment deadline (`gives_payment_deadline`, done_on + its
//    payment_deadline_days) and as_of is on or before the latest such deadline, the invoice is paused
//    (awaiting_deadline, until that day) instead; the step comes up the day after.
// Invoices with a step due are gathered into one entry per customer (and per currency, in the rare
// case a customer has several): the entry's action is the most advanced step among them, its
// contact the escalation contact for an escalation letter and the billing contact otherwise.
// Priority is Σ open × days late in the currency's minor units. Amounts in different currencies are
// never converted (a pure function has no exchange rate, and an FX guess would reorder the list from
// day to day), so entries are grouped by currency code and ordered by priority within each group;
// in practice a business has one or two currencies and the UI shows the groups as such.
// A customer whose policy fails validate_policy is skipped with its problems (where
// "<customer>: policy..."); others are unaffected. Never fails; does not change its inputs.
Worklist build_worklist(const Date& as_of, const std::vector<CustomerCollections>& customers,
                        const WorklistOptions& options = {});

// ---------------------------------------------------------------------------------------------
// Credit hold

// What the ledger knows about a customer's account for the credit-hold decision.
struct CreditFacts {
  int64_t max_days_overdue = 0;               // the oldest open invoice's days past due (0 if none)
  Money balance;                              // everything the customer owes, in its currency
  std::optional<int64_t> credit_limit_minor;  // in the balance's currency; none = no limit
  int broken_promises = 0;                    // promises broken (counted over whatever window the
                                              // caller chooses, usually 12 months)
};

// When to put a customer on credit hold; a rule left unset is not applied.
struct CreditHoldRules {
  std::optional<int64_t> days_overdue_above = 60;   // hold when max_days_overdue > this
  bool balance_above_limit = true;                  // hold when balance > credit limit (if any)
  std::optional<int> broken_promises_at_least = 2;  // hold when broken_promises >= this
};

// Why a customer is put on hold.
enum class HoldReason { DaysOverdue, OverCreditLimit, BrokenPromises };

// The decision, with a sentence per reason for the user.
struct CreditHoldDecision {
  bool hold = false;                      // true when at least one rule applies
  std::vector<HoldReason> reasons;        // in the order DaysOverdue, OverCreditLimit, BrokenPromises
  std::vector<std::string> explanations;  // one per reason, e.g. "75 days overdue (more than 60)"
};

// Applies each rule that is set to the facts. Pure; never fails.
CreditHoldDecision decide_credit_hold(const CreditFacts& facts, const CreditHoldRules& rules);

}  // namespace duebook

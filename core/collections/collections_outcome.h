// Working the day's worklist: what a step is called for a user, which step comes next and when, and the plan
// of RecordOutcome (a step done together with the promise or dispute it brought, as one action).
#pragma once

#include <optional>
#include <string>

#include "base/date.h"
#include "base/result.h"
#include "collections/collection_commands.h"
#include "collections/collections_policy.h"
#include "store/db.h"
#include "store/projector.h"

namespace duebook {

// What step `step_index` of `policy` is called for a user, in lower case: "courtesy reminder" (an email
// before the due date), "friendly reminder with a duplicate invoice" (an email after it), "call" (the first
// phone call), "second call", "third call", ... (later phone calls, counted in the policy's order), "letter",
// "letter to the senior manager", "stop work / cash on delivery", "final notice", "hand to a collection
// agency". An index outside the policy gives "step N".
std::string step_title(const CollectionPolicy& policy, int step_index);

// The step that comes after an entry's step, and the first day it is due.
struct NextStep {
  int step_index = 0;  // in the policy
  Date date;           // due date of the entry's earliest-due line + the step's offset
};
// The next step of `policy` after `entry`'s step (the steps beyond it), on the day its earliest-due line
// reaches it; nullopt when the entry's step is the policy's last. Pure.
std::optional<NextStep> next_step_after(const CollectionPolicy& policy, const WorklistEntry& entry);

// Plans a RecordOutcome: the step done (RecordStepDone's plan), then the promise (AddPromise) or dispute
// (OpenDispute) when given. A promise needs the outcome "promised", a dispute "disputed"; the promise's and
// dispute's customer and date must be the step's. Fails with the problems of every part (promise problems
// keep their field names, dispute problems too), and nothing is written. The label reads "Record call for
// Acme Ltd: promised to pay EUR 500.00 by 2026-10-20".
Result<Plan> plan_command(Db& db, const RecordOutcome& command);

}  // namespace duebook

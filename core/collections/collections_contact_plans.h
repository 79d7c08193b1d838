// Plans of the contact record's commands: a contact logged, a promise to pay, a dispute opened and resolved
// (collection_commands.h). Each validates everything and returns its events; nothing is written.
#pragma once

#include "base/result.h"
#include "collections/collection_commands.h"
#include "store/db.h"
#include "store/projector.h"

namespace duebook {

Result<Plan> plan_command(Db& db, const LogContact& command);
// LogContact's plan, the channel "reply" (the customer's own reply, which no one logs by hand) allowed.
Result<Plan> plan_contact(Db& db, const LogContact& command);
Result<Plan> plan_command(Db& db, const AddPromise& command);
Result<Plan> plan_command(Db& db, const OpenDispute& command);
Result<Plan> plan_command(Db& db, const ResolveDispute& command);

}  // namespace duebook

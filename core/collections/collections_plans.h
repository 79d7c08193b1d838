// Plans of the collections follow-up commands: policies, company details, steps done, snoozes and the
// credit-hold rules (collection_commands.h; the contact record's are in collections_contact_plans.h). Each
// validates everything and returns its events; nothing is written.
#pragma once

#include "base/result.h"
#include "collections/collection_commands.h"
#include "store/db.h"
#include "store/projector.h"

namespace duebook {

Result<Plan> plan_command(Db& db, const SavePolicy& command);
Result<Plan> plan_command(Db& db, const SetCustomerPolicy& command);
Result<Plan> plan_command(Db& db, const SetCompanyDetails& command);
Result<Plan> plan_command(Db& db, const RecordStepDone& command);
Result<Plan> plan_command(Db& db, const SnoozeCustomer& command);
Result<Plan> plan_command(Db& db, const ApplyCreditHolds& command);

}  // namespace duebook

// The endgame of a late debt in the ledger: installment plans, settlements, agency hand-offs and factoring.
#pragma once

#include <vector>

#include "base/result.h"
#include "collections/collection_commands.h"
#include "store/db.h"
#include "store/projector.h"

namespace duebook {

// The projectors of the endgame events.
const std::vector<Projector>& collection_endgame_projectors();

// Validate and plan each command (nothing is written).
Result<Plan> plan_command(Db& db, const AddInstallmentPlan& command);
Result<Plan> plan_command(Db& db, const AcceptSettlement& command);
Result<Plan> plan_command(Db& db, const HandToAgency& command);
Result<Plan> plan_command(Db& db, const FactorInvoices& command);
Result<Plan> plan_command(Db& db, const RecordFactorCollection& command);

}  // namespace duebook

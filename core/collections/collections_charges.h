// Charges on late invoices in the ledger: late fees, their waivers, and interest with the fixed compensation.
#pragma once

#include <vector>

#include "base/result.h"
#include "collections/collection_commands.h"
#include "store/db.h"
#include "store/projector.h"

namespace duebook {

// The projectors of the charge events.
const std::vector<Projector>& collection_charge_projectors();

// Validate and plan (or stream) each command.
Result<Plan> plan_command(Db& db, const WaiveLateFee& command);

// Each charges invoice a run issues needs the number and ids the one before took: streamed.
Result<StreamPlan> stream_command(Db& db, const ChargeLateFees& command);
Result<StreamPlan> stream_command(Db& db, const ApplyCharges& command);

}  // namespace duebook

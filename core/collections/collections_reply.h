// A customer's reply to a statement file (RecordCustomerReply), recorded as one action.
#pragma once

#include "base/result.h"
#include "collections/collection_commands.h"
#include "store/db.h"
#include "store/projector.h"

namespace duebook {

// Checks the reply as a whole (the customer, each item against its invoice, the reply not recorded before)
// and streams it: each item's contact and promise or dispute is planned on the ledger as the items before it
// left it, so that two promises get two ids. A problem names the item ("items[2].amount").
Result<StreamPlan> stream_command(Db& db, const RecordCustomerReply& command);

// Whether a reply with this id was recorded (and not undone).
bool reply_recorded(Db& db, const std::string& reply_id);

}  // namespace duebook

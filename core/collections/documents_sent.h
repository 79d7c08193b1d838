// The record that a reminder or letter was produced as a document (RecordDocumentSent): one "document.sent"
// event, projected nowhere — the event log is the record, read by the customer's timeline and the evidence
// pack. Undo appends "document.retracted".
#pragma once

#include <vector>

#include "base/result.h"
#include "collections/collection_commands.h"
#include "store/db.h"
#include "store/projector.h"

namespace duebook {

// Checks the command: a known customer, a valid date, "reminder" (level 1..3) or "letter" (level >= 0),
// a deadline on or after the date, and at least one invoice, each an issued invoice of the customer. The
// plan's event names the customer, the invoices by id and number, the level and the deadline. Problems name
// the field ("customer_id", "document", "level", "deadline", "invoice_ids[i]"); nothing is written then.
Result<Plan> plan_command(Db& db, const RecordDocumentSent& command);

// The projectors of "document.sent" and "document.retracted" (nothing to project; each undoes the other).
const std::vector<Projector>& document_sent_projectors();

}  // namespace duebook

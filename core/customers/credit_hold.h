// The credit-hold check: what issuing an invoice to a customer on credit hold or cash on delivery needs.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "base/result.h"
#include "store/db.h"
#include "store/events.h"

namespace duebook {

// The check run when an invoice is issued to `customer_id`: a customer on credit hold, or on cash on delivery
// with an invoice not due on its issue day, is refused (a problem naming "hold_override") unless
// `hold_override` gives a reason; then the override is returned as an event to append with the issue, so the
// log shows who sold on credit to a held customer and why. Nothing to append (an empty list) for an active
// customer or when `late_payment_charges` is set (charges on old debts are not new business). Reads only.
Result<std::vector<EventDraft>> issue_hold_events(Db& db, int64_t customer_id, int64_t invoice_id,
                                                  const std::string& issue_date, const std::string& due_date,
                                                  const std::string& hold_override,
                                                  bool late_payment_charges);

}  // namespace duebook

// The credit-hold check at issue. Its event, collections.hold_overridden, is projected by the collections
// engine (collections.cpp), which keeps the record of overrides with the rest of the customer's collection
// file.
#include "customers/credit_hold.h"

#include "base/text.h"
#include "customers/customer_queries.h"
#include "store/projector.h"

namespace duebook {

Result<std::vector<EventDraft>> issue_hold_events(Db& db, int64_t customer_id, int64_t invoice_id,
                                                  const std::string& issue_date, const std::string& due_date,
                                                  const std::string& hold_override,
                                                  bool late_payment_charges) {
  std::optional<Customer> customer = find_customer(db, customer_id);
  if (!customer || late_payment_charges) return std::vector<EventDraft>{};
  CustomerStatus status = customer->fields.status;
  // Cash on delivery still allows an invoice paid on delivery: one due on its own date.
  bool held = status == CustomerStatus::CreditHold ||
              (status == CustomerStatus::CashOnDelivery && due_date > issue_date);
  if (!held) return std::vector<EventDraft>{};
  std::string reason = trimmed(hold_override);
  if (reason.empty())
    return Problem{"hold_override",
                   customer->fields.name + " is on " +
                       (status == CustomerStatus::CreditHold ? std::string("credit hold")
                                                             : std::string("cash on delivery (invoice due ") +
                                                                   due_date + ", after its date)") +
                       "; to issue it anyway, give a reason for the override"};
  Json p = {{"id", next_id(db, "hold_overrides")},
            {"customer", customer_id},
            {"invoice", invoice_id},
            {"date", issue_date},
            {"status", to_string(status)},
            {"reason", reason}};
  return std::vector<EventDraft>{{"collections.hold_overridden", to_payload(p)}};
}

}  // namespace duebook

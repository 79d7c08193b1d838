// The customer commands: their validation and plans, and the projectors of the customer.* events.
#pragma once

#include <cstdint>

#include "base/result.h"
#include "customers/customers.h"
#include "store/db.h"
#include "store/projector.h"

namespace duebook {

struct AddCustomer {
  CustomerFields fields;  // the new customer
};

struct EditCustomer {
  int64_t id = 0;         // which customer
  CustomerFields fields;  // all of its new values
};

// The projectors of the customer events.
const std::vector<Projector>& customer_projectors();

// The payload of customer.added for new `fields` (validated, with the next id), or the problems.
// AddCustomer's plan, for importers that create customers while streaming; `check_unique` false skips the
// name lookup when the caller already knows no customer has the name, and `id` (when not 0) is the id to give
// it (an importer that batches new customers counts ids itself). A batch of such payloads is a
// customers.added event:
// {"customers": [...]}.
Result<Json> customer_added_payload(Db& db, const CustomerFields& fields, bool check_unique = true,
                                    int64_t id = 0);

// Validate and plan each command (nothing is written).
// The payload of customer.added for new `fields` (validated, with the next id), or the problems.
// AddCustomer's
Result<Plan> plan_command(Db& db, const AddCustomer& command);
Result<Plan> plan_command(Db& db, const EditCustomer& command);

}  // namespace duebook

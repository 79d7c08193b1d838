// The customer commands: their validation and plans, and the projectors of the customer.* events.
#pragma once

#include <cstdint>

#include "base/locale.h"
#include "base/money.h"
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

// Makes a customer's terms ask for a down payment on every invoice issued from now on — the usual remedy for
// a slow payer ("require a down payment"): the terms keep their due rule and discount and ask `percent` up
// front
// ("30% deposit, Net 30"); percent 0 stops asking. Invoices already issued keep theirs. Booked as an edit of
// the customer.
struct RequireDeposit {
  int64_t customer_id = 0;  // whose terms
  Decimal percent;          // of each invoice, asked for on receipt: 0 < percent <= 100, or 0 = none
};

// Sets the language a customer's messages and documents are written in (templates, amounts and dates); booked
// as an edit of the customer.
struct SetCustomerLanguage {
  int64_t customer_id = 0;                // whose
  Language language = Language::English;  // the new language
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
// Fails (where "customer_id") for an unknown customer, ("terms") when the customer's terms do not parse, and
// ("percent") for a percent outside 0..100 or one that changes nothing.
Result<Plan> plan_command(Db& db, const RequireDeposit& command);
// Fails (where "customer_id") for an unknown customer and ("language") when the customer already has it.
Result<Plan> plan_command(Db& db, const SetCustomerLanguage& command);

}  // namespace duebook

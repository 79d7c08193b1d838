// Commands: values a window or the CLI builds and hands to Ledger::execute. Each is validated as a whole;
// a rejected command writes nothing and returns its problems.
#pragma once

#include <cstdint>
#include <variant>

#include "customers.h"

namespace duebook {

struct AddCustomer {
  CustomerFields fields;  // the new customer
};

struct EditCustomer {
  int64_t id = 0;         // which customer
  CustomerFields fields;  // all of its new values
};

using Command = std::variant<AddCustomer, EditCustomer>;

}  // namespace duebook

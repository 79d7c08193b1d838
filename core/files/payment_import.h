// Imports payments (CSV: Date, Customer, Amount, Currency, Reference, Method), streamed into one action.
#pragma once

#include <string>

#include "base/result.h"
#include "store/db.h"
#include "store/projector.h"

namespace duebook {

// Imports payments (CSV: Date, Customer, Amount, Currency, Reference, Method). All rows or none.
struct ImportPayments {
  std::string file_name;    // shown in problems as file:row:field and kept in the import record
  std::string text;         // the file's bytes
  std::string date_format;  // as for ImportInvoices
};

// Validates while streaming the events; any problem rolls the whole file back, naming file:row:field.
Result<StreamPlan> stream_command(Db& db, const ImportPayments& command);

}  // namespace duebook

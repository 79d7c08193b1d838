// Imports a QuickBooks Online invoice export (CSV), streamed into one action.
#pragma once

#include <string>

#include "base/result.h"
#include "store/db.h"
#include "store/projector.h"

namespace duebook {

// Imports a QuickBooks Online invoice export (CSV). All rows or none.
struct ImportInvoices {
  std::string file_name;                 // shown in problems as file:row:field and kept in the import record
  std::string text;                      // the file's bytes
  std::string date_format;               // a parse_date format; empty = YYYY-MM-DD or MM/DD/YYYY by look
  std::string default_currency = "USD";  // currency of customers created when the file has no Currency column
};

// Validates while streaming the events; any problem rolls the whole file back, naming file:row:field.
Result<StreamPlan> stream_command(Db& db, const ImportInvoices& command);

}  // namespace duebook

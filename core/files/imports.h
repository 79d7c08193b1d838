// CSV imports of invoices (QuickBooks Online's export columns) and payments: the commands, streamed into one action.
#pragma once

#include <string>
#include <vector>

#include "store/db.h"
#include "store/projector.h"

namespace duebook {

// Imports a QuickBooks Online invoice export (CSV). All rows or none.
struct ImportInvoices {
  std::string file_name;              // shown in problems as file:row:field and kept in the import record
  std::string text;                   // the file's bytes
  std::string date_format;            // a parse_date format; empty = YYYY-MM-DD or MM/DD/YYYY by look
  std::string default_currency = "USD";  // currency of customers created when the file has no Currency column
};

// Imports payments (CSV: Date, Customer, Amount, Currency, Reference, Method). All rows or none.
struct ImportPayments {
  std::string file_name;    // shown in problems as file:row:field and kept in the import record
  std::string text;         // the file's bytes
  std::string date_format;  // as for ImportInvoices
};

// The projectors of the import events.
const std::vector<Projector>& import_projectors();

// Validate while streaming the events; any problem rolls the whole file back.
Result<StreamPlan> stream_command(Db& db, const ImportInvoices& command);
Result<StreamPlan> stream_command(Db& db, const ImportPayments& command);

}  // namespace duebook

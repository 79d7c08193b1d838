// The invoice list as a CSV file the invoice import reads back (QuickBooks Online's export columns).
#pragma once

#include <string>

#include "store/db.h"

namespace duebook {

// Every issued invoice (open, partly paid, paid; no drafts, nothing void), by number: one row per line with
// InvoiceNo, Customer, Currency, InvoiceDate, DueDate, Terms, Memo, ItemDescription, ItemQuantity, ItemRate,
// ItemAmount (quantity × rate, before discount and tax), then ItemDiscount, TaxRate, Total and Open, which
// the import does not read. Amounts in the invoice currency's decimals; user text guarded against formula
// injection (base/csv.h). Reads only.
std::string invoices_csv(Db& db);

}  // namespace duebook

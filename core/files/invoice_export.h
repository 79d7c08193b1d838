// The invoice list as a CSV file the invoice import reads back, in QuickBooks Online's or Xero's columns, and
// the payments as a bank-statement CSV the payment import reads back.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "store/db.h"

namespace duebook {

// Whose invoice columns a CSV uses.
enum class InvoiceColumns {
  QuickBooks,  // QuickBooks Online's invoice export
  Xero,        // Xero's "Import invoices" template
};

// "quickbooks" or "xero"; nullopt for any other name.
std::optional<InvoiceColumns> invoice_columns(std::string_view name);

// Every issued invoice (open, partly paid, paid; no drafts, nothing void), by number, one row per line.
// QuickBooks: InvoiceNo, Customer, Currency, InvoiceDate, DueDate, Terms, Memo, ItemDescription,
// ItemQuantity, ItemRate, ItemAmount (quantity × rate, before discount and tax), then ItemDiscount, TaxRate,
// Total and Open, which the import does not read. Xero: *ContactName, *InvoiceNumber, *InvoiceDate, *DueDate,
// Description, *Quantity, *UnitAmount, *AccountCode (200, Xero's default sales account), *TaxType (the rate,
// "19%") and Currency. Amounts in the invoice currency's decimals; user text guarded against formula
// injection (base/csv.h). Line discounts are not written (neither column set the import reads has them).
// Reads only.
std::string invoices_csv(Db& db, InvoiceColumns columns = InvoiceColumns::QuickBooks);

// Every received payment (none reversed), oldest first, as a bank statement: Date, Customer, Amount,
// Currency, Method, Reference — the columns the payment import reads. Reads only.
std::string payments_csv(Db& db);

}  // namespace duebook

// Files the workbench hands to the user: the invoices and payments as CSV, the receivables as a plain-text
// accounting journal, one invoice as a UBL e-invoice, one customer's statement file to answer. Each is named
// by today's date (or its number) and saved through the platform (a download in the browser); each returns
// the line the status bar shows.
#pragma once

#include <string>

#include "base/date.h"
#include "files/invoice_export.h"
#include "files/journal_export.h"
#include "ledger/customer_reply.h"
#include "platform.h"
#include "queries_view.h"

namespace duebook::ui {

// The invoice list as a CSV file in QuickBooks' or Xero's columns.
std::string export_invoices_file(Platform& platform, Queries& queries, const Date& today,
                                 InvoiceColumns columns);
// The payments as a bank-statement CSV file.
std::string export_payments_file(Platform& platform, Queries& queries, const Date& today);
// The receivables as an hledger, ledger or beancount journal.
std::string export_journal_file(Platform& platform, Queries& queries, const Date& today,
                                JournalDialect dialect);
// Invoice `number` as UBL (Peppol BIS Billing 3.0); the outcome, or why there is none.
std::string save_e_invoice_file(Platform& platform, Queries& queries, const std::string& number);

// Customer `customer_id`'s statement file as of `today` (ledger/customer_reply.h): what the customer opens in
// Duebook's web app to answer, invoice by invoice, with a reply file.
std::string send_statement_file(Platform& platform, Queries& queries, int64_t customer_id, const Date& today);

// `name` safe as a file name on every system: '/', '\\', ':', ' ' and '#' become '-'.
std::string safe_file_name(std::string name);

}  // namespace duebook::ui

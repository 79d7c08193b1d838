// Internal to core: imported invoices travel in batches — one invoices.imported event per thousand invoices,
// each invoice a positional row — because an import may hold a million of them. The importer writes the
// payload text and applies its native rows directly; rebuild and undo read the same text through the
// projector.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "invoicing/invoice_commands.h"
#include "invoicing/receivables.h"
#include "store/projector.h"

namespace duebook {

// One imported invoice, issued with its external number.
struct ImportedInvoice {
  // One line.
  struct Line {
    std::string description;  // BT-153
    std::string quantity;     // exact decimal as text ("1.5")
    int64_t unit_price = 0;   // minor units
    int64_t discount = 0;     // minor units
    std::string tax_rate;     // percent as text ("19")
    int64_t net = 0;          // BT-131 line net amount
  };
  int64_t id = 0;             // invoice id
  std::string number;         // its own (external) number
  int64_t customer_id = 0;    // the customer
  std::string currency;       // the customer's currency
  std::string issue_date;     // ISO
  std::string due_date;       // ISO
  bool due_explicit = false;  // the due date was given, not computed from terms
  std::string terms;          // terms text
  std::string memo;           // memo
  int64_t net = 0;            // BT-109
  int64_t tax = 0;            // BT-110
  int64_t total = 0;          // BT-112
  std::vector<Line> lines;    // in order
  int64_t deposit = 0;        // the down payment due on the issue date (invoicing/deposits.h); 0 = none
};

// One imported payment with the allocations the allocation rule gave it when it was read.
struct ImportedPayment {
  // One allocation of it.
  struct Allocation {
    int64_t id = 0;          // allocation id
    int64_t invoice_id = 0;  // the invoice paid
    int64_t amount = 0;      // how much, minor units
    std::string date;        // ISO: the later of the payment date and the invoice date
  };
  int64_t id = 0;                       // payment id
  int64_t customer_id = 0;              // who paid
  std::string date;                     // ISO date received
  int64_t amount = 0;                   // minor units, > 0
  std::string currency;                 // the customer's currency
  std::string method;                   // how it was paid
  std::string reference;                // the payer's reference
  std::vector<Allocation> allocations;  // in the order applied
};

// The payments.imported payload for a batch: {"import", "columns", "allocation_columns", "payments":
// [[...]]}.
std::string imported_payments_text(int64_t import_id, const std::vector<ImportedPayment>& rows);

// Inserts the payments and their allocations and updates the invoices and balances: what payment.received and
// allocation.added would do for each, in order. What the payments.imported projector does after reading.
Status insert_imported_payments(Db& db, const Event& e, int64_t import_id,
                                const std::vector<ImportedPayment>& rows);

// The row for invoice `id` numbered `number` with validated `content` asking for `deposit` on receipt.
ImportedInvoice imported_invoice(int64_t id, const std::string& number, const InvoiceContent& content,
                                 int64_t deposit);

// The invoices.imported payload for a batch: {"import", "columns", "line_columns", "invoices": [[...], ...]},
// written directly (no JSON tree); valid JSON that parses back to the same rows.
std::string imported_invoices_text(int64_t import_id, const std::vector<ImportedInvoice>& rows);

// Inserts the rows (all issued, fully open) with their lines and moves each customer's AR balance once.
// What the invoices.imported projector does after reading the payload.
Status insert_imported_invoices(Db& db, const Event& e, int64_t import_id,
                                const std::vector<ImportedInvoice>& rows);

// The projectors of the batch events (invoices.imported, payments.imported).
const std::vector<Projector>& invoice_batch_projectors();

}  // namespace duebook

// Invariants of the receivables projections, recomputed independently from the base rows, and small builders
// the invoice, payment, import and property suites share.
#pragma once

#include <cstdint>
#include <string>

#include "ledger/commands.h"
#include "ledger/ledger.h"
#include "store/db.h"

namespace duebook {

// Empty when every invariant holds, else one line per violation:
//  - per customer: AR balance = issued (non-void) invoices − credit notes applied − payments allocated −
//  write-offs,
//    and = Σ open amounts; unapplied credit = Σ over active payments and credit notes of what is not
//    allocated or refunded;
//  - per payment / credit note: allocations + refunds never exceed it; unallocated = amount − both, >= 0;
//  - per invoice: open >= 0; open = total − allocated − credited − written off for an issued, non-void
//  invoice,
//    and those equal the sums of its allocations and write-offs; a void invoice has nothing applied;
//    settled_on is set exactly when the invoice is paid or void;
//  - series numbers are gapless per series and year.
std::string receivables_violations(Db& db);

// An invoice line: `quantity` units at `unit_price` minor units, tax `rate` percent.
InvoiceLine line(const std::string& description, const std::string& quantity, int64_t unit_price,
                 const std::string& rate = "0", int64_t discount = 0);

// Invoice fields for `customer` dated `date` (ISO) with one line of `amount` minor units.
InvoiceFields invoice_for(int64_t customer, const std::string& date, int64_t amount,
                          const std::string& terms = "Net 30");

// The date from ISO text (asserts that it is one).
Date day(const std::string& iso_text);

// Executes `command` and requires acceptance; returns the created id.
int64_t must(Ledger& ledger, const Command& command);

}  // namespace duebook

// Invoices: what a customer is asked to pay. A draft is editable; issuing gives it its gapless number and
// fixes its content for good; from then on only payments, credit notes, write-offs or a void change what is
// open on it. Totals follow EN 16931 (totals.h).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/date.h"
#include "base/money.h"

namespace duebook {

// Where an invoice is in its life. Stored as text in the invoices projection (to_string /
// invoice_status_from).
enum class InvoiceStatus {
  Draft,      // editable, no number yet
  Discarded,  // a draft thrown away (kept in the log, hidden from lists by default)
  Open,       // issued, nothing paid, credited or written off yet
  Partial,    // issued, partly paid, credited or written off
  Paid,       // issued, nothing left open (paid, credited or written off in full)
  Void,       // issued, then cancelled; keeps its number, owes nothing
};
// The status's name as stored and shown: "draft", "discarded", "open", "partial", "paid", "void".
const char* to_string(InvoiceStatus status);
// The status named `text` (one of to_string's names), or nullopt.
std::optional<InvoiceStatus> invoice_status_from(std::string_view text);

// One invoice line as entered.
struct InvoiceLine {
  std::string description;  // what was sold (EN 16931 BT-153); required to issue
  Decimal quantity{1, 0};   // exact quantity; negative for a return on the same invoice
  int64_t unit_price = 0;   // price per unit in minor units of the invoice currency; never negative (BR-27)
  int64_t discount = 0;     // line allowance in minor units (BT-136), 0..the line's gross amount
  Decimal tax_rate;         // VAT / sales-tax rate in percent (BT-152), 0..100
};

// What a user enters for an invoice; the ledger validates it before anything is stored.
struct InvoiceFields {
  int64_t customer_id = 0;         // who is invoiced; the invoice takes the customer's currency
  std::string series = "INV";      // number prefix: numbers read SERIES-YYYY-NNNN
  Date issue_date;                 // the invoice date (at issue it may be moved, see IssueInvoice)
  std::string terms;               // payment terms ("Net 30"); empty = the customer's default terms
  std::optional<Date> due_date;    // set to override the due date the terms give
  std::string memo;                // free text printed on the invoice
  std::vector<InvoiceLine> lines;  // at least one to issue (EN 16931 BR-16)
};

// The money of an invoice, as kept in the projection (minor units of its currency).
struct InvoiceAmounts {
  int64_t net = 0;          // BT-109 total without tax
  int64_t tax = 0;          // BT-110 total tax
  int64_t total = 0;        // BT-112 total with tax: what the customer owes when it is issued
  int64_t allocated = 0;    // payments applied to it
  int64_t credited = 0;     // credit notes applied to it
  int64_t written_off = 0;  // amounts written off as uncollectable
  int64_t open = 0;  // total − allocated − credited − written_off; 0 for drafts and void invoices
};

// Formats a series number: ("INV", 2026, 7) -> "INV-2026-0007"; counters past 9999 simply get more digits.
std::string series_number(std::string_view prefix, int year, int64_t counter);

// Open invoice facts the allocation rule looks at.
struct AllocationCandidate {
  int64_t id = 0;      // invoice id
  std::string number;  // its number, matched against the payer's reference case-insensitively
  Date due_date;       // oldest due date is paid first
  Date issue_date;     // then oldest issue date
  int64_t open = 0;    // what is still open on it, > 0
};

// One slice of a payment or credit applied to an invoice.
struct AllocationShare {
  int64_t invoice_id = 0;  // which invoice
  int64_t amount = 0;      // how much, > 0
};

// The invoice numbers a payer's reference names: the whole reference when it is one word, else each word
// of it (split at blanks, commas and semicolons), in order, without duplicates. Pure.
std::vector<std::string> referenced_numbers(std::string_view reference);

// Duebook's allocation rule, pure: `amount` (> 0) goes first to the open invoices the reference names
// (referenced_numbers, in the order named, case-insensitively), then to the other open invoices by oldest due
// date, then oldest issue date, then number, then id; each invoice takes at most its open amount. What is
// left over is not allocated (it stays as unapplied credit). Returns the shares in the order applied.
std::vector<AllocationShare> allocate_payment(int64_t amount, std::string_view reference,
                                              std::vector<AllocationCandidate> open_invoices);

}  // namespace duebook

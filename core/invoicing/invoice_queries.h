// Read-side queries over invoices, payments and balances. Pure reads: they never change the ledger. Amounts
// are minor units of the record's currency.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "invoicing/deposits.h"
#include "invoicing/invoices.h"
#include "invoicing/payments.h"
#include "store/db.h"

namespace duebook {

// One row of an invoice list.
struct InvoiceSummary {
  int64_t id = 0;                               // invoice id
  std::string number;                           // empty for a draft
  InvoiceStatus status = InvoiceStatus::Draft;  // where it is in its life
  int64_t customer_id = 0;                      // its customer
  std::string customer_name;                    // the customer's name
  std::string currency;                         // ISO 4217 code
  std::string issue_date;                       // ISO date
  std::string due_date;                         // ISO date
  int64_t total = 0;                            // total with tax
  int64_t open = 0;                             // still owed
  std::string settled_on;                       // ISO date the open amount reached zero; empty while open
};

// How an invoice list is sorted.
enum class InvoiceSort { Number, DueDate, IssueDate, Amount };

// Which invoices a list shows.
struct InvoiceQuery {
  std::string status;       // "", a status name, or "unpaid" (open + partial); "" hides discarded drafts
  int64_t customer_id = 0;  // 0 = every customer
  std::string search;       // fragment of the number or the customer name, case-insensitive; "" = all
  InvoiceSort sort = InvoiceSort::Number;  // order
  bool descending = false;                 // reverse the order
  int64_t offset = 0;                      // rows to skip
  int64_t limit = 50;                      // rows to return at most
  std::string due_from;                    // ISO date: only invoices due on or after it; "" = no lower bound
  std::string due_to;                      // ISO date: only invoices due on or before it; "" = no upper bound
  std::string currency;                    // ISO 4217 code: only invoices in it; "" = every currency
};
// A page of invoices. An unknown status name matches nothing.
std::vector<InvoiceSummary> list_invoices(Db& db, const InvoiceQuery& query);
// How SQLite runs list_invoices for the query: the steps of EXPLAIN QUERY PLAN ("SEARCH i USING INDEX
// invoices_unpaid_by_due (due_date>? AND due_date<?)", ...), for tests and diagnostics.
std::vector<std::string> invoice_page_plan(Db& db, const InvoiceQuery& query);
// How many invoices the query matches (offset and limit ignored).
int64_t count_invoices(Db& db, const InvoiceQuery& query);

// A line as stored, with its computed net amount.
struct InvoiceLineView {
  InvoiceLine line;  // as entered
  int64_t net = 0;   // BT-131 line net amount
};

// Something applied to an invoice: a payment, a credit note or a write-off.
struct AppliedCredit {
  std::string kind;       // "payment", "credit_note" or "write_off"
  int64_t id = 0;         // allocation id (payments, credit notes) or write-off id
  int64_t source_id = 0;  // payment or credit note id; 0 for a write-off
  std::string
      label;  // "payment #4 (bank transfer, ref 123)", "credit note CN-2026-0001", "write-off: reason"
  int64_t amount = 0;  // how much
  std::string date;    // ISO date
};

// Everything about one invoice.
struct InvoiceDetail {
  InvoiceSummary summary;              // the list row
  std::string terms;                   // payment terms text
  std::string memo;                    // memo
  bool external_number = false;        // the number came from an import
  InvoiceAmounts amounts;              // net, tax, total and what reduced it
  std::string voided_on;               // ISO date, empty unless void
  std::string void_reason;             // why it was voided
  std::vector<InvoiceLineView> lines;  // in order
  std::vector<AppliedCredit> applied;  // in date order
  int64_t discount = 0;                // the early-payment discount its terms offer ("2/10"); 0 = none
  std::string discount_deadline;       // ISO last day to pay with the discount; empty when none
  int64_t deposit = 0;                 // the down payment its terms ask for on receipt; 0 = none
  std::vector<DuePart> parts;          // what falls due when (deposits.h); empty for a draft
};
// Invoice `id` with its lines and what is applied to it (drafts and void invoices too); nullopt when none.
std::optional<InvoiceDetail> find_invoice(Db& db, int64_t id);
// The id of the invoice with this number (case-insensitive), if any.
std::optional<int64_t> find_invoice_by_number(Db& db, std::string_view number);

// A payment as listed.
struct PaymentSummary {
  int64_t id = 0;             // payment id
  int64_t customer_id = 0;    // who paid
  std::string customer_name;  // their name
  std::string date;           // ISO date received
  int64_t amount = 0;         // amount received
  std::string currency;       // ISO 4217 code
  std::string method;         // how
  std::string reference;      // payer's reference
  int64_t unallocated = 0;    // not allocated or refunded
  std::string status;         // "received" or "reversed"
  std::string applied_to;     // invoice numbers it is allocated to, comma-separated
};
// Which payments a list shows.
struct PaymentQuery {
  int64_t customer_id = 0;  // 0 = every customer
  int64_t offset = 0;       // rows to skip
  int64_t limit = 50;       // rows to return at most
};
// Newest first.
std::vector<PaymentSummary> list_payments(Db& db, const PaymentQuery& query);

// A credit note as listed.
struct CreditNoteSummary {
  int64_t id = 0;           // credit note id
  std::string number;       // CN-2026-0001
  int64_t customer_id = 0;  // whose
  int64_t invoice_id = 0;   // the invoice it was issued against; 0 = none
  std::string date;         // ISO date
  int64_t amount = 0;       // its amount
  int64_t unallocated = 0;  // left as unapplied credit
  std::string status;       // "issued" or "void"
  std::string reason;       // why it was granted ("Early-payment discount (2/10 Net 30) on ...")
};
// Credit note `id` (void ones too); nullopt when none.
std::optional<CreditNoteSummary> find_credit_note(Db& db, int64_t id);
// The id of the credit note with this number (case-insensitive), if any.
std::optional<int64_t> find_credit_note_by_number(Db& db, std::string_view number);

// One payment or credit note with credit left to allocate or refund.
struct UnappliedCredit {
  CreditRef source;           // the payment or credit note
  int64_t customer_id = 0;    // whose credit
  std::string customer_name;  // their name
  std::string number;         // the credit note's number; "" for a payment
  std::string date;           // ISO date received / issued
  int64_t amount = 0;         // its whole amount
  int64_t unapplied = 0;      // of it, not yet allocated or refunded (> 0)
  std::string currency;       // ISO 4217 code
  std::string detail;         // a payment's method and reference, a credit note's reason
};
// The unapplied credit of customer `customer_id` (0 = every customer): received payments and issued credit
// notes with something not yet allocated or refunded, oldest first (by date, then payments before credit
// notes, then id), at most `limit` of them. Reversed payments and void credit notes are not listed. Reads
// only; empty for an unknown customer.
std::vector<UnappliedCredit> list_unapplied_credits(Db& db, int64_t customer_id, int64_t limit = 500);

// Where a customer stands.
struct CustomerBalance {
  int64_t customer_id = 0;       // which customer
  std::string currency;          // their currency
  int64_t ar_balance = 0;        // open on issued invoices (issued − credited − paid − written off)
  int64_t unapplied_credit = 0;  // payments and credit notes not yet allocated or refunded
  int64_t net_balance = 0;       // ar_balance − unapplied_credit: what they owe after using their credit
  int64_t open_invoices = 0;     // issued invoices with something open
};
// Zeros for a customer with no invoices or payments; nullopt for an unknown customer.
std::optional<CustomerBalance> customer_balance(Db& db, int64_t customer_id);

// An import as recorded.
struct ImportSummary {
  int64_t id = 0;              // import id
  std::string kind;            // "invoices" or "payments"
  std::string file;            // file name given
  std::string sha256;          // digest of the file's bytes
  int64_t rows = 0;            // data rows read
  int64_t invoices = 0;        // invoices created
  int64_t payments = 0;        // payments created
  int64_t customers = 0;       // customers created
  bool retracted = false;      // undone
  std::string unread_columns;  // the file's columns the importer did not read, ", "-separated ("" if none)
};
// Import `id` as recorded (undone ones too); nullopt when none.
std::optional<ImportSummary> find_import(Db& db, int64_t id);

// A schedule as listed.
struct ScheduleSummary {
  int64_t id = 0;           // schedule id
  int64_t customer_id = 0;  // who is billed
  std::string frequency;    // "monthly", "quarterly", "yearly", "days"
  int64_t every_days = 0;   // for "days"
  std::string start_date;   // ISO
  std::string end_date;     // ISO or empty
  int64_t next_index = 0;   // occurrences billed so far
  bool ended = false;       // ended by the user
};
// Every schedule, ended ones too, by id.
std::vector<ScheduleSummary> list_schedules(Db& db);

}  // namespace duebook

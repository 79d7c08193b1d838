// The receivables as double-entry transactions, the shape a plain-text accounting journal (hledger, ledger,
// beancount) takes: every issued invoice (sales, late fees, interest, compensation), credit note, payment,
// allocation, write-off, refund and void, each balanced, each in one currency. The writers that turn them
// into each tool's syntax are in files/journal_export.h.
//
// The receivable side follows the aging exactly (reports/ar_snapshot.h reads the same rows the same way), so
// that a customer's receivable account as of any day equals that customer's aging total on the day, and its
// customer-credit account equals minus the unapplied credit:
//  - an invoice debits the customer's receivable on its issue day; what reduces it (an allocated payment or
//    credit note, a write-off) credits it on its own day;
//  - a payment or credit note first credits the customer's credit account (money the customer has with us);
//    an allocation moves it from there onto the invoice, so each payment is linked to the invoices it
//    settles;
//  - a void takes what was still open off the receivable on the void day and hands the allocations it removed
//    back to the customer's credit; what an Undo retracted never happened and is left out.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "base/result.h"
#include "store/db.h"

namespace duebook {

// The accounts a journal uses. Receivable and CustomerCredit are one account per customer.
enum class JournalAccount {
  Receivable,      // what the customer owes on invoices (asset)
  CustomerCredit,  // payments and credit notes the customer has with us, not yet allocated (liability)
  Cash,            // money received and refunded
  Sales,           // income from invoices
  LateFees,        // income from late-fee invoices
  Interest,        // income from late-payment interest invoices
  Compensation,    // income from fixed-compensation invoices (EU late payment directive)
  CreditNotes,     // credit notes granted (contra income)
  BadDebts,        // write-offs (expense)
};

// One side of a transaction.
struct JournalPosting {
  JournalAccount account = JournalAccount::Receivable;  // where it goes (per customer for the two above)
  int64_t amount = 0;  // minor units of the transaction's currency; + debit, − credit
};

// One key and value written as a tag (hledger, ledger) or metadata (beancount).
struct JournalTag {
  std::string key;       // lower case: invoice, due, payment, reference, credit_note, reason
  std::string value;     // as stored
  bool is_date = false;  // the value is an ISO date (beancount writes it unquoted)
};

// One balanced transaction: its postings add up to zero, all in `currency`.
struct JournalTransaction {
  std::string date;                      // ISO date it took effect
  std::string code;                      // the document number (invoice, credit note) or payment reference
  std::string description;               // what happened, in words ("Invoice INV-2026-0001")
  int32_t customer = 0;                  // index into JournalBook::customers
  std::string currency;                  // ISO 4217 code: the commodity
  int digits = 2;                        // the currency's minor digits
  std::vector<JournalTag> tags;          // invoice number, due date, payment reference...
  std::vector<std::string> links;        // the invoice numbers it concerns (beancount ^links)
  std::vector<JournalPosting> postings;  // at least two, summing to zero
};

// A customer as the journal names it.
struct JournalCustomer {
  int64_t id = 0;    // customer id
  std::string name;  // display name as stored
};

// The whole receivables history as transactions, by date (same-day ones: invoices, credit notes, payments,
// allocations, write-offs, refunds, voids, each group by id).
struct JournalBook {
  std::vector<JournalCustomer> customers;        // every customer, by id
  std::vector<JournalTransaction> transactions;  // by date, then kind, then id
};

// Reads the ledger's receivables into balanced transactions (see the file comment for the rules). Drafts are
// left out; amounts of zero make no transaction. Fails, returning nothing, when a row names a customer that
// is not there (where "table[id].customer_id": the projections are damaged). Reads only: the ledger is
// unchanged.
Result<JournalBook> read_journal_book(Db& db);

}  // namespace duebook

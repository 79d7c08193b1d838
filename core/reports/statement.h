// A customer's statement for a period: the balance brought forward, every dated movement in the period
// with the running balance, the balance carried forward, and how the open invoices aged by the period's
// end. One section per currency the customer has anything in. Amounts are int64 minor units.
//
// The balance is what the customer owes net of their credit: open invoices − unapplied credit. It moves
// by whole documents, not by allocations (an allocation moves money from their credit to an invoice and
// leaves the net balance as it was):
//   + invoice total on its issue day          − payment on the day it arrived
//   − credit note on its date                 − write-off on its date
//   + refund of credit on its date            − void: the invoice total, on the void day
//   + a write-off a void ended, on the later of the write-off day and the void day
// An invoice voided on its own issue day (an undone issue or import) never owed anything and is left out.
// So the closing balance equals the aging's open total − its unapplied credit on the same day.
// Charges (late fees, interest) will be lines of their own once the ledger books them; today it does not.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "base/currencies.h"
#include "base/date.h"
#include "base/locale.h"
#include "base/money.h"
#include "base/result.h"
#include "reports/aging.h"
#include "reports/ar_snapshot.h"
#include "store/db.h"

namespace duebook {

// What moved the balance. Lines of one day are listed in this order.
enum class StatementLineKind : uint8_t {
  Invoice,           // an invoice issued (+)
  Charge,            // a late fee or interest charged (+); not booked by the ledger yet
  Refund,            // unapplied credit paid back (+)
  WriteOffReversed,  // a write-off ended by the invoice's void (+)
  Payment,           // money received (−)
  CreditNote,        // a credit note issued (−)
  WriteOff,          // an amount written off (−)
  Void,              // an invoice voided (−)
};

// "invoice", "charge", "refund", "write_off_reversed", "payment", "credit_note", "write_off", "void".
const char* to_string(StatementLineKind kind);

// One movement of the balance, as queried: the input of assemble_statement.
struct StatementEntry {
  int32_t day = 0;                                      // day number it took effect
  int32_t currency = 0;                                 // dense currency index (StatementInput::currencies)
  StatementLineKind kind = StatementLineKind::Invoice;  // what it is
  std::string reference;  // what the customer recognises it by ("INV-2026-0007")
  int64_t amount = 0;     // signed change of what the customer owes, minor units
};

// Everything a statement is assembled from.
struct StatementInput {
  std::string customer;                 // the customer's name, for the heading
  Date from;                            // first day of the period
  Date to;                              // last day of the period (inclusive)
  std::vector<Currency> currencies;     // code and digits of each currency index
  std::vector<StatementEntry> entries;  // every movement ever, any order; the period is picked here
  const AgingReport* aging = nullptr;  // the customer's aging as of `to` (one customer, index 0); may be null
};

// One line of the statement.
struct StatementLine {
  Date date;                                            // the day it took effect
  StatementLineKind kind = StatementLineKind::Invoice;  // what it is
  std::string reference;                                // document number or description
  int64_t amount = 0;                                   // signed change of the balance
  int64_t balance = 0;                                  // the balance after this line
};

// The customer's aging at the period's end, in one currency.
struct StatementAging {
  std::vector<int64_t> buckets;  // open amounts per bucket of StatementInput::aging's layout
  int64_t total = 0;             // Σ buckets: open on invoices
  int64_t unapplied_credit = 0;  // credit not applied to any invoice
};

// The statement in one currency.
struct StatementSection {
  Currency currency;                 // code and minor digits
  int64_t opening_balance = 0;       // the balance at the end of the day before `from`
  std::vector<StatementLine> lines;  // the movements dated from..to, by day then kind, running balance
  int64_t closing_balance = 0;       // the balance at the end of `to`
  StatementAging aging;              // the aging at the end of `to`
};

// A customer statement.
struct CustomerStatement {
  std::string customer;                    // the customer's name
  Date from;                               // first day of the period
  Date to;                                 // last day of the period
  std::vector<std::string> bucket_names;   // the aging's bucket names (empty without an aging)
  std::vector<StatementSection> sections;  // one per currency with a balance, a line or an aging row, by code
};

// Assembles the statement from its entries: the opening balance sums the entries dated before `from`,
// the lines are those dated from..to sorted by day then kind (stable otherwise), each with the balance
// after it, and the closing balance is the last line's (the opening one without lines). A currency
// with nothing in it (no balance, no line, no aging row) gets no section. Pure.
// Fails (where "to") when to < from, (where "entries[i].currency") on a currency index out of range,
// and (where "amount") when a balance overflows int64.
Result<CustomerStatement> assemble_statement(const StatementInput& input);

// Reads customer `customer_id`'s rows (its snapshot, payments, credit notes and refunds, each one
// indexed query), ages its invoices as of `to` with `buckets`, and assembles the statement, each line's
// reference worded in `language` with its dates and amounts written for that language's reader
// (statement_line_words, document_locale; English: "INV-7 due 2026-03-01"). Reads only.
// Fails (where "customer_id") for an unknown customer, as load_ar_snapshot fails on damaged projections,
// and as assemble_statement does.
Result<CustomerStatement> load_customer_statement(Db& db, int64_t customer_id, const Date& from,
                                                  const Date& to,
                                                  const AgingBuckets& buckets = default_aging_buckets(),
                                                  Language language = Language::English);

// The statement as JSON (two-space indent): {"customer", "from", "to", "buckets": [names], "currencies":
// [{"currency", "opening_balance", "lines": [{"date", "kind", "reference", "amount", "balance"}],
// "closing_balance", "aging": {"buckets": [...], "total", "unapplied_credit"}}]}. Amounts are decimal
// strings in the currency's digits ("1234.50"). Never fails.
std::string statement_to_json(const CustomerStatement& statement);

// The statement as aligned plain text, a block per currency. Never fails.
std::string statement_to_table(const CustomerStatement& statement);

// The statement as CSV (RFC 4180, CRLF): currency,date,kind,reference,amount,balance; an "opening"
// row first and a "closing" row last per currency, then one "aging:<bucket>" row per bucket and
// "aging:unapplied_credit". References starting with = + - @ get a leading apostrophe. Never fails.
std::string statement_to_csv(const CustomerStatement& statement);

}  // namespace duebook

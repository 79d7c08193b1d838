// The words of the documents about a customer's account rather than one invoice — the payment receipt, the
// statement and the credit note — in each language Duebook writes in. Same pattern as document_words.h,
// whose labels (date, invoice, due date, amount, reference, ...) these documents share.
#pragma once

#include "base/locale.h"
#include "reports/statement.h"

namespace duebook {

// One language's labels. Patterns hold %a (an amount), %c (a customer or currency), %d (a date), %f and %t (a
// period's first and last day) or %n (a number).
struct AccountWords {
  // The payment receipt
  const char* receipt_file_title;  // "Receipt for payment %n": the PDF's own title
  const char* receipt;             // "Payment receipt"
  const char* receipt_number;      // "Receipt number"
  const char* received_on;         // "Received on"
  const char* method;              // "Method"
  const char* your_reference;      // "Your reference"
  const char* we_received;         // "We received %a from %c on %d. Thank you. It settled:"
  const char* kept_as_credit;      // "Kept as credit on your account"
  const char* invoice_total;       // column heads beside the invoice and its due date
  const char* settled_now;
  const char* still_open;
  const char* received;           // totals: what came in, ...
  const char* open_now;           // "Open on your invoices now"
  const char* your_credit;        // "Your credit with us"
  const char* balance_remaining;  // "Balance remaining"
  const char* reversed;           // the stamp on a reversed payment's receipt
  // The statement
  const char* statement_file_title;  // "Statement for %c"
  const char* statement;             // "Statement"
  const char* period;                // "Period"
  const char* period_range;          // "%f to %t"
  const char* statement_date;        // "Statement date"
  const char* nothing_moved;         // "Nothing is owed and nothing moved in this period."
  const char* transfer_reference;    // "Customer %n statement %d": what to quote on the transfer
  const char* account_in;            // "Account in %c"
  const char* brought_forward;       // "Balance brought forward"
  const char* balance_due;           // "Balance due"
  const char* what;                  // column heads: what moved the balance, ..., the running balance
  const char* balance;
  const char* credit;       // the aging table's column of unapplied credit
  const char* by_age;       // "Balance due by age (days past due)"
  const char* not_yet_due;  // "current": the aging's bucket of invoices not yet due
  const char* kinds[8];     // a line's kind, in StatementLineKind's order: "Invoice", "Charge", ...
  // The credit note
  const char* credit_note;         // "Credit note": title, and before the number in the PDF's own title
  const char* credit_note_number;  // "Credit note number"
  const char* credits_invoice;     // "Credits invoice"
  const char* reason;              // "Reason"
  const char* credit_line;         // "Credit": the line without a reason, and the total
  const char* left_as_credit;      // "Left as credit on your account"
};

// The labels in `language` (English: the wording these documents had before languages existed).
const AccountWords& account_words(Language language);

// A statement line's kind in `words`' language ("Invoice", "Rechnung", "Facture", ...).
const char* kind_word(const AccountWords& words, StatementLineKind kind);

}  // namespace duebook

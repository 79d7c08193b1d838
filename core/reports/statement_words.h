// The words of a statement's line descriptions ("INV-7 due 2026-03-01", "Payment #12 by transfer, ref 88",
// "Credit note CN-3 on INV-7"), in each language Duebook writes in. They live beside the report rather than
// with the documents' words (files/account_words.h) because load_customer_statement assembles each line's
// description from query columns it does not keep: carrying every column up to the document layer would
// widen each StatementLine for one reader, while a language parameter leaves the report's shape as it was.
#pragma once

#include "base/locale.h"

namespace duebook {

// One language's patterns: %i an invoice number, %d a date, %a an amount, %n a record number or document
// number, %m a payment method, %r the payer's reference.
struct StatementLineWords {
  const char* invoice_due;      // "%i due %d"
  const char* deposit_due;      // "%i: deposit %a due %d": a down payment is due on receipt
  const char* balance_due;      // ", balance %a due %d": the rest of an invoice with a deposit
  const char* write_off;        // "Write-off %i"
  const char* write_off_ended;  // "Write-off ended by the void of %i"
  const char* void_invoice;     // "Void %i"
  const char* payment;          // "Payment #%n"
  const char* refund;           // "Refund"
  const char* by_method;        // " by %m"
  const char* reference_first;  // " ref %r" (no method before it)
  const char* reference_after;  // ", ref %r" (after the method)
  const char* credit_note;      // "Credit note %n"
  const char* on_invoice;       // " on %i": the invoice a credit note credits
  const char* early_discount;   // " (early-payment discount)"
};

// The patterns in `language` (English: the wording statements had before languages existed).
const StatementLineWords& statement_line_words(Language language);

}  // namespace duebook

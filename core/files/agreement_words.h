// The words around the templates' text in the confirmations of what was agreed with a late payer
// (files/agreement_document.h): titles, the installments' and invoices' tables, the totals, in each language
// Duebook writes in. Same pattern as document_words.h, whose labels (date, invoice, due date, total, written
// off, ...) the confirmations share.
#pragma once

#include "base/locale.h"

namespace duebook {

// One language's labels. Patterns hold %a (an amount), %c (a currency) or %d (a date).
struct AgreementWords {
  const char* plan_title;        // "Installment plan"
  const char* settlement_title;  // "Settlement"
  const char* plan;              // "Plan": the plan's number among the facts
  const char* agreed_on;         // "Agreed on"
  const char* installments;      // "Installments": the schedule's heading
  const char* number;            // its column heads: "No.", "Due on", "Amount (%c)", "In all (%c)"
  const char* due_on;
  const char* amount_in;
  const char* in_all;
  const char* paid;              // "paid": an installment paid in full
  const char* invoices_covered;  // "Invoices the plan covers"
  const char* open_now;          // "Open now": the last column of the invoices
  const char* spread;            // "Spread over the plan"
  const char* paid_toward;       // "Paid toward it"
  const char* still_to_pay;      // "Still to pay"
  const char* next_installment;  // "Next installment: %a by %d."
  const char* open_when_agreed;  // "Open on the invoice when agreed"
  const char* accepted;          // "Accepted in full and final settlement"
};

// The labels in `language` (English: the wording the confirmations had before languages existed).
const AgreementWords& agreement_words(Language language);

}  // namespace duebook

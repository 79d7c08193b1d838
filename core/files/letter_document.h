// Collections letters as documents: the step's template (reminder, final notice, the letter to the
// escalation contact, credit-hold and agency notices...) rendered on the company's letterhead, addressed to
// the contact by name, with the invoices due as a table, the charges, the total due and how to pay.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "base/date.h"
#include "base/locale.h"
#include "base/result.h"
#include "files/pdf_document.h"
#include "store/db.h"

namespace duebook {

// Which letter.
struct LetterPdfOptions {
  Date date;                         // the letter's date (and the day the worklist is taken on)
  std::optional<int> step_index;     // the customer's policy step whose template to use; none = today's step
  std::optional<Language> language;  // the template's language and the words around it; none = the customer's
};

// What a letter says, before it is laid out.
struct LetterContent {
  int64_t customer_id = 0;           // to whom
  int step_index = 0;                // the policy step it is written for
  std::string template_id;           // the template used
  std::string contact;               // the addressee's name ("Accounts Payable team" when there is none)
  std::string contact_title;         // "Senior manager" for the escalation contact, else "Accounts payable"
  std::string subject;               // rendered subject
  std::string body;                  // rendered body, the company's name and address lines at its top removed
  int deadline_days = 14;            // the step's payment_deadline_days
  std::vector<int64_t> invoice_ids;  // the invoices it is about (never a charges invoice)
  int64_t fee = 0;                   // late fees on them (charged, or due by the step), minor units
  int64_t interest = 0;              // interest and compensation charged on them
};

// The letter for customer `customer_id`: the worklist's entry for the customer on options.date (its step,
// contact, invoices, fees and interest), or — when options.step_index is given, or the customer has nothing
// due that day — that step of the customer's policy over every open invoice of the customer that is not a
// charges invoice, with the charges booked on them up to the date (so no charge is counted twice). The
// escalation letter goes to the escalation contact, the others to the billing contact. Fails (where
// "customer") for an unknown customer or one with nothing open, (where "step") for a step the policy does not
// have, and with the template's problems when it cannot be rendered.
Result<LetterContent> letter_content(Db& db, int64_t customer_id, const LetterPdfOptions& options);

// The letter laid out (letter_content). Fails as letter_content and PdfDocument do.
Result<std::string> letter_pdf(Db& db, const PdfFonts& fonts, int64_t customer_id,
                               const LetterPdfOptions& options);

}  // namespace duebook

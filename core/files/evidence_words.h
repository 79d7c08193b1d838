// The words of the evidence pack (files/evidence_document.h) in each language Duebook writes in: the cover
// page, the chronological record's headings and the kinds of what happened, and the page on verifying the
// record. Same pattern as document_words.h. The actions' own labels are quoted in the record as the ledger
// recorded them: an exhibit quotes its source, it does not re-word it.
#pragma once

#include <string>

#include "base/locale.h"

namespace duebook {

// The kinds of timeline entry (collections/customer_timeline.h) in the order of EvidenceWords::kinds.
inline constexpr const char* kTimelineKinds[] = {
    "invoice",  "payment",    "reminder", "call",        "letter", "email",     "contact",
    "promise",  "dispute",    "fee",      "credit note", "refund", "write-off", "hold",
    "customer", "allocation", "import",   "document",    "reply",  "undo",      "redo"};
inline constexpr int kTimelineKindCount = int(sizeof kTimelineKinds / sizeof kTimelineKinds[0]);

// The payload fields of a contact, promise or dispute the record quotes, in the order of
// EvidenceWords::details.
inline constexpr const char* kDetailFields[] = {"outcome", "person", "notes", "reason", "resolution"};
inline constexpr int kDetailFieldCount = int(sizeof kDetailFields / sizeof kDetailFields[0]);

// One language's labels. Patterns hold %s (what the pack is about), %i (an invoice number), %c (a currency),
// %p (an interest policy), %d (a date), %a (who recorded), %n (an event's number), %h (a hash), %x (the
// `duebook verify` command line).
struct EvidenceWords {
  // The cover page
  const char* file_title;       // "Evidence pack: %s": the PDF's own title
  const char* title;            // "Evidence pack"
  const char* concerning;       // "Concerning"
  const char* invoice_scope;    // "Invoice %i"
  const char* all_unpaid;       // "All unpaid invoices"
  const char* amounts_as_of;    // "Amounts as of"
  const char* creditor;         // "Creditor"
  const char* debtor;           // "Debtor"
  const char* debtor_contacts;  // "Debtor's contacts: "
  const char* the_debt;         // "The debt": the invoices' table
  const char* issued;           // its column heads beside the invoice: issued, due, total, unpaid
  const char* due;
  const char* total_in;  // "Total (%c)"
  const char* unpaid;
  const char* claimed;      // "Interest and compensation claimed (%p, to %d)"
  const char* outstanding;  // its column heads beside the invoice and the days late
  const char* rate_a_year;
  const char* interest;
  const char* compensation;
  const char* unpaid_principal;  // the totals: principal, interest (as above), compensation, claimed
  const char* fixed_compensation;
  const char* total_claimed;
  // The record
  const char* record;  // "Chronological record"
  const char* record_intro;
  const char* recorded_by;                 // "recorded by %a, event %n"
  const char* hash;                        // "hash %h"
  const char* kinds[kTimelineKindCount];   // kTimelineKinds in this language
  const char* details[kDetailFieldCount];  // kDetailFields in this language
  // The last page
  const char* verify_title;   // "How to verify this record"
  const char* events_in_log;  // "Events in the log"
  const char* first_hash;     // "First event's hash"
  const char* last_hash;      // "Last event's hash"
  const char* first_listed;   // "First event listed here"
  const char* last_listed;    // "Last event listed here"
  const char* verify_text;    // how the hash chain works and how to check it; %x the command line
  const char* ledger_file;    // "LEDGER-FILE": the placeholder in the command line
};

// The labels in `language` (English: the wording the pack had before languages existed).
const EvidenceWords& evidence_words(Language language);

// A timeline kind ("payment") in `words`' language; a kind the table lacks is kept as it is.
std::string timeline_kind_word(const EvidenceWords& words, const std::string& kind);

// A payload field's name ("notes") in `words`' language; a field the table lacks is kept as it is.
std::string detail_field_word(const EvidenceWords& words, const std::string& field);

}  // namespace duebook

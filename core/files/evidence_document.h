// The evidence pack for one invoice or one customer, laid out to be handed to a court or a collection agency
// as it is: a cover page (the parties, the amounts claimed, the interest and fixed compensation under the
// chosen policy with its rates and days), the chronological record of everything that happened (issue,
// reminders, calls, letters with their outcome and notes, promises, disputes, payments, charges) each with
// its date, who recorded it and the event's hash, and a last page with the event log's first and last hashes
// and how to check them with `duebook verify`.
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

// Whose evidence, and how interest is claimed.
struct EvidenceOptions {
  int64_t customer_id = 0;            // the customer (for an invoice: its customer is used)
  std::optional<int64_t> invoice_id;  // one invoice only; none = every invoice of the customer
  Date as_of;                         // the day the amounts and interest are worked out for
  std::string interest_policy;        // parse_interest_policy's text; "" = by currency: EUR the EU
                                      // Late Payment Directive, GBP the UK Late Payment Act, else none
  std::optional<Language> language;   // the pack's words and formats; none = the customer's language
};

// One line of the record.
struct EvidenceEvent {
  int64_t seq = 0;    // the event's number in the log
  std::string date;   // ISO date of what happened
  std::string actor;  // who recorded it
  std::string kind;   // the timeline's word (invoice, payment, letter, document, ...)
  std::string what;   // the action's label, then its outcome and notes when it has them
  std::string hash;   // the event's SHA-256 chain hash (64 hex digits)
};

// The record, by the day each thing happened (then as recorded): the customer's timeline (customer_timeline)
// with each entry's full hash, for an invoice only the entries with an event naming the invoice (its own
// events, or its id or number in a payload). The outcome and notes an entry quotes are named in `language`
// (evidence_words); the action's label stays as recorded. Reads only.
std::vector<EvidenceEvent> evidence_events(Db& db, int64_t customer_id, std::optional<int64_t> invoice_id,
                                           Language language = Language::English);

// The pack (see the file comment). Fails (where "customer" / "invoice") for an unknown customer or invoice,
// (where "interest_policy") for a policy text parse_interest_policy refuses, and as PdfDocument does.
Result<std::string> evidence_pdf(Db& db, const PdfFonts& fonts, const EvidenceOptions& options);

}  // namespace duebook

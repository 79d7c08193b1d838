// Internal to core: the bookkeeping the invoice, payment, schedule and import code share — the money state of
// one invoice, customer balances, credit sources, gapless numbering, ids, and the JSON shape of invoice content.
// Projectors call the Status functions inside the ledger's transaction; planners call the readers.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "commands.h"
#include "db.h"
#include "invoices.h"
#include "payments.h"
#include "projector.h"
#include "totals.h"

namespace duebook {

// What planners need of a customer: one indexed read (find_customer also reads the contacts).
struct CustomerBrief {
  int64_t id = 0;        // customer id
  std::string name;      // display name
  std::string currency;  // ISO 4217 code the customer is invoiced in
  std::string terms;     // default payment terms text
};
// The customer with this id unless retracted; nullopt otherwise.
std::optional<CustomerBrief> find_customer_brief(Db& db, int64_t id);

// An event built as JSON, before it is handed to a Plan (as text) or an EventSink (as is).
struct JsonEvent {
  std::string type;  // event type
  Json payload;      // its payload
};
// Appends `events` to `plan`: the text, and the built payload (moved, so it is not parsed again on commit).
void add_to_plan(Plan& plan, std::vector<JsonEvent> events);
// Emits `events` in order; stops at the first failure.
Status emit_all(EventSink& sink, const std::vector<JsonEvent>& events);

// `text` without leading and trailing blanks (spaces, tabs, CR, LF).
std::string trimmed(std::string_view text);
// The messages of `problems` joined by "; ", without their field names (for a problem re-filed under another field).
std::string messages_of(const Problems& problems);
// ASCII letters lower-cased; other bytes (UTF-8) unchanged.
std::string lower_ascii(std::string_view text);

// ISO 8601 text of a date, the form dates take in payloads and projections ("2026-03-01").
std::string iso(const Date& date);
// Reads an ISO date we wrote ourselves (asserts on anything else).
Date iso_date(std::string_view text);

// The money and lifecycle state of one invoice row.
struct InvoiceRowState {
  int64_t id = 0;            // invoice id
  int64_t customer_id = 0;   // its customer
  bool issued = false;       // has a number and counts in receivables (unless voided)
  bool discarded = false;    // a discarded draft
  bool voided = false;       // cancelled after issue
  InvoiceAmounts amounts;    // totals and what reduced them; `open` is derived by save_invoice_state
  std::string issue_date;    // ISO
  std::string voided_on;     // ISO, empty unless voided
  std::string void_reason;   // empty unless voided
  std::string settled_on;    // ISO, empty while NULL (as stored; save_invoice_state derives the new one)
};
// Reads the state of invoice `id`; nullopt when there is no such row.
std::optional<InvoiceRowState> load_invoice_state(Db& db, int64_t id);
// Derives open amount, status and settled_on from `after` and writes them with its flags, and moves the
// customer's AR balance by the change in open amount since `before`. settled_on is the latest date of what
// brought the open amount to zero (allocations and write-offs, at least the issue date), the void date for a
// void invoice, NULL otherwise.
// With `ar_delta` given, the balance is not moved: the change is added to *ar_delta for the caller to move once.
// `reduction_date`, the date of the one allocation or write-off this change adds, saves looking up the latest
// reduction when the invoice had none before.
Status save_invoice_state(Db& db, const InvoiceRowState& before, InvoiceRowState after, int64_t* ar_delta = nullptr,
                          std::string_view reduction_date = {});
// The status a state shows.
InvoiceStatus derive_status(const InvoiceRowState& state, int64_t open);

// Adds deltas to a customer's AR balance and unapplied credit (creating its balance row on first use).
Status move_balance(Db& db, int64_t customer_id, int64_t ar_delta, int64_t credit_delta);

// A payment or credit note as a source of credit.
struct CreditSourceState {
  CreditRef ref;              // which one
  int64_t customer_id = 0;    // whose
  int64_t amount = 0;         // its full amount
  int64_t unallocated = 0;    // not yet allocated or refunded
  bool active = false;        // not reversed / voided
  std::string date;           // ISO date received / issued
  std::string label;          // "payment #3" / "credit note CN-2026-0001", for messages
};
// The payment or credit note `ref` names (inactive ones too); nullopt when there is none.
std::optional<CreditSourceState> load_credit(Db& db, const CreditRef& ref);
// Moves a source's unallocated amount by `delta`, and the customer's unapplied credit with it when the
// source is active.
Status move_credit(Db& db, const CreditRef& ref, int64_t delta);

// The next unused id of one of our tables (ids are never reused: rows are flagged, never deleted).
int64_t next_id(Db& db, std::string_view table);

// A number of a gapless series.
struct SeriesNumber {
  std::string number;  // "INV-2026-0001"
  int year = 0;        // the year part
  int64_t counter = 0; // the counter part
};
// The next number of series `prefix` in `year` for `kind` ("invoice" or "credit_note"): one past the last issued,
// skipping a number an imported invoice already holds, so numbers are never reused.
SeriesNumber next_series_number(Db& db, std::string_view kind, std::string_view prefix, int year);
// Records that `counter` of the series was issued (keeps the highest).
Status record_series_number(Db& db, std::string_view kind, std::string_view prefix, int year, int64_t counter);
// True when an invoice (kind "invoice") or credit note (kind "credit_note") already has `number`, ignoring case.
bool number_taken(Db& db, std::string_view kind, std::string_view number);

// An invoice's content as validated: what the fields say plus what follows from them.
struct InvoiceContent {
  InvoiceFields fields;     // normalised fields; terms resolved to the text used
  std::string customer_name;  // the customer's name, for labels
  std::string currency;     // the customer's currency
  Date due_date;            // given or computed from the terms
  bool due_explicit = false;  // the due date was given, not computed
  InvoiceTotals totals;     // EN 16931 totals of the lines
};
// Validates invoice fields against the ledger (customer, terms, dates, lines, totals). `to_issue` adds the
// checks only an issued invoice needs (a line, descriptions, a non-negative total). Problems name fields as
// "customer_id", "terms", "due_date", "lines[i].field".
Result<InvoiceContent> validate_invoice(Db& db, const InvoiceFields& fields, bool to_issue);
// Voids (or, with `voided` false, reinstates) invoice `id` as of ISO `date`, through save_invoice_state.
Status set_invoice_voided(Db& db, int64_t id, const std::string& date, const std::string& reason, bool voided);

// The content as the payload of invoice.drafted / invoice.edited.
Json content_to_json(const InvoiceContent& content);
// The fields back from such a payload (for editing a draft).
InvoiceFields fields_from_content(const Json& content);

// The invoice.issued event for draft `id` with `content`, taking the next number of its series now.
JsonEvent issue_event(Db& db, int64_t id, const InvoiceContent& content);

// The payload of allocation.added / allocation.removed.
Json allocation_json(int64_t id, const CreditRef& source, int64_t invoice_id, int64_t customer_id, int64_t amount,
                     std::string_view date);
// Events that take everything applied to invoice `id` off it again (allocation.removed for each allocation,
// invoice.write_off_reversed for each write-off), newest first.
std::vector<JsonEvent> unapply_events(Db& db, int64_t invoice_id);

// What allocation.added (remove false) / allocation.removed (remove true) do to the projections, for payload `p`
// (allocation_json's shape): the allocation row, the source's unallocated amount, the invoice and the balances.
Status apply_allocation(Db& db, const Json& p, bool remove);
// Switches a payment (received / reversed) or credit note (issued / void) between active and not, moving its
// unallocated amount in or out of the customer's unapplied credit.
Status set_source_active(Db& db, const CreditRef& ref, bool active);

// Open invoices of a customer the allocation rule may need for `amount` with `reference`: the ones the
// reference names, then oldest due first until they cover the amount. Feed to allocate_payment.
// `pending`, when given, holds open amounts that differ from the projection (allocations planned but not yet
// written, by invoice id): they replace the stored ones, and invoices left with nothing open are skipped.
std::vector<AllocationCandidate> allocation_candidates(
    Db& db, int64_t customer_id, int64_t amount, std::string_view reference,
    const std::unordered_map<int64_t, int64_t>* pending = nullptr);

// The events recording a payment (ids from `payment_id` and `first_allocation_id`) and its allocation by the
// rule; `import_id` 0 unless imported. Validates the payment; problems name "customer_id", "amount",
// "currency", "date".
Result<std::vector<JsonEvent>> payment_events(Db& db, const RecordPayment& payment, int64_t payment_id,
                                              int64_t first_allocation_id, int64_t import_id);

}  // namespace duebook

// Internal to core: the bookkeeping the invoice, payment, schedule and import code share — the money state of
// one invoice, customer balances, credit sources, gapless numbering, ids, and the JSON shape of invoice
// content. Projectors call the Status functions inside the ledger's transaction; planners call the readers.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "invoicing/invoices.h"
#include "invoicing/payments.h"
#include "invoicing/totals.h"
#include "store/db.h"
#include "store/projector.h"

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

// The money and lifecycle state of one invoice row.
struct InvoiceRowState {
  int64_t id = 0;           // invoice id
  int64_t customer_id = 0;  // its customer
  bool issued = false;      // has a number and counts in receivables (unless voided)
  bool discarded = false;   // a discarded draft
  bool voided = false;      // cancelled after issue
  InvoiceAmounts amounts;   // totals and what reduced them; `open` is derived by save_invoice_state
  std::string issue_date;   // ISO
  std::string voided_on;    // ISO, empty unless voided
  std::string void_reason;  // empty unless voided
  std::string settled_on;   // ISO, empty while NULL (as stored; save_invoice_state derives the new one)
};
// Reads the state of invoice `id`; nullopt when there is no such row.
std::optional<InvoiceRowState> load_invoice_state(Db& db, int64_t id);
// Derives open amount, status and settled_on from `after` and writes them with its flags, and moves the
// customer's AR balance by the change in open amount since `before`. settled_on is the latest date of what
// brought the open amount to zero (allocations and write-offs, at least the issue date), the void date for a
// void invoice, NULL otherwise.
// With `ar_delta` given, the balance is not moved: the change is added to *ar_delta for the caller to move
// once. `reduction_date`, the date of the one allocation or write-off this change adds, saves looking up the
// latest reduction when the invoice had none before.
Status save_invoice_state(Db& db, const InvoiceRowState& before, InvoiceRowState after,
                          int64_t* ar_delta = nullptr, std::string_view reduction_date = {});
// The status a state shows.
InvoiceStatus derive_status(const InvoiceRowState& state, int64_t open);

// Adds deltas to a customer's AR balance and unapplied credit (creating its balance row on first use).
Status move_balance(Db& db, int64_t customer_id, int64_t ar_delta, int64_t credit_delta);

// A payment or credit note as a source of credit.
struct CreditSourceState {
  CreditRef ref;            // which one
  int64_t customer_id = 0;  // whose
  int64_t amount = 0;       // its full amount
  int64_t unallocated = 0;  // not yet allocated or refunded
  bool active = false;      // not reversed / voided
  std::string date;         // ISO date received / issued
  std::string label;        // "payment #3" / "credit note CN-2026-0001", for messages
};
// The payment or credit note `ref` names (inactive ones too); nullopt when there is none.
std::optional<CreditSourceState> load_credit(Db& db, const CreditRef& ref);
// Moves a source's unallocated amount by `delta`, and the customer's unapplied credit with it when the
// source is active.
Status move_credit(Db& db, const CreditRef& ref, int64_t delta);

// A number of a gapless series.
struct SeriesNumber {
  std::string number;   // "INV-2026-0001"
  int year = 0;         // the year part
  int64_t counter = 0;  // the counter part
};
// The next number of series `prefix` in `year` for `kind` ("invoice" or "credit_note"): one past the last
// issued, skipping a number an imported invoice already holds, so numbers are never reused.
SeriesNumber next_series_number(Db& db, std::string_view kind, std::string_view prefix, int year);
// Records that `counter` of the series was issued (keeps the highest).
Status record_series_number(Db& db, std::string_view kind, std::string_view prefix, int year,
                            int64_t counter);
// True when an invoice (kind "invoice") or credit note (kind "credit_note") already has `number`, ignoring
// case.
bool number_taken(Db& db, std::string_view kind, std::string_view number);

// Open invoices of a customer the allocation rule may need for `amount` with `reference`: the ones the
// reference names, then oldest due first until they cover the amount. Feed to allocate_payment.
// `pending`, when given, holds open amounts that differ from the projection (allocations planned but not yet
// written, by invoice id): they replace the stored ones, and invoices left with nothing open are skipped.
std::vector<AllocationCandidate> allocation_candidates(
    Db& db, int64_t customer_id, int64_t amount, std::string_view reference,
    const std::unordered_map<int64_t, int64_t>* pending = nullptr);

// Why a payment's `reference` cannot be trusted to place it, or nullopt: it names another customer's invoice
// (the payer or the reference is wrong), or a number in Duebook's own series form (PREFIX-YYYY-NNNN) that no
// invoice has. Free text ("cheque 4411", "June") names nothing and is fine: the payment goes oldest due
// first.
std::optional<std::string> reference_problem(Db& db, int64_t customer_id, std::string_view reference);

}  // namespace duebook

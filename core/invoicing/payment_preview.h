// How a payment will be applied, before it is recorded: which invoices it settles and by how much, the
// early-payment discounts it earns, and what stays unapplied credit. RecordPayment and the payment import
// book exactly what this plans, so a form can show it live and the ledger agrees with the form.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/date.h"
#include "base/result.h"
#include "invoicing/payment_commands.h"
#include "store/db.h"
#include "store/projector.h"

namespace duebook {

// How the reason of every credit note that books an early-payment discount begins, so lists and statements
// can tell such a note from one a person issued.
inline constexpr std::string_view kEarlyPaymentDiscountReason = "Early-payment discount";

// One invoice a payment is applied to.
struct PaymentPreviewLine {
  int64_t invoice_id = 0;         // the invoice
  std::string number;             // its number
  std::string issue_date;         // ISO invoice date
  std::string due_date;           // ISO due date
  std::string terms;              // its payment terms text
  int64_t open_before = 0;        // open before this payment
  int64_t applied = 0;            // of the payment, applied to it (> 0 unless only a discount is shown)
  int64_t discount = 0;           // early-payment discount credited on it; 0 when not earned
  int64_t discount_tax = 0;       // of the discount, the part that reduces the tax (the rest reduces net)
  int64_t discount_offered = 0;   // the discount its terms offer (percent of the total); 0 when none
  std::string discount_deadline;  // ISO last day of the discount; empty when the terms give none
  int64_t open_after = 0;         // open after the payment and the discount
  std::string date;               // ISO date the allocation (and discount) is booked: the later of the
                                  // payment date and the invoice date
  bool by_reference = false;      // the payer's reference names it
};

// The whole plan for one payment.
struct PaymentPreview {
  int64_t customer_id = 0;                // who paid
  std::string customer_name;              // their name
  std::string currency;                   // the customer's currency
  int64_t amount = 0;                     // the payment
  bool manual = false;                    // allocated as RecordPayment::allocations says, not by the rule
  std::vector<PaymentPreviewLine> lines;  // in the order applied
  int64_t applied = 0;                    // Σ lines.applied
  int64_t discounts = 0;                  // Σ lines.discount
  int64_t unapplied = 0;                  // amount − applied: stays as the customer's unapplied credit
};

// The plan for `payment`, reading the ledger as it stands; writes nothing. Without manual allocations the
// rule is allocate_payment's (invoices the reference names first, then oldest due first), each invoice taking
// what book_early_payment says: the discounted amount and the discount when the payment is dated on or before
// the invoice's discount deadline and what is left of it covers the discounted amount, else at most its open
// amount. With manual allocations (RecordPayment::allocations) each named invoice takes its amount the same
// way (an amount covering the discounted open settles it with the discount; any excess stays unapplied).
// Fails with RecordPayment's problems ("customer_id", "amount", "currency", "date", "method", "reference")
// and, for manual allocations, "allocations[i].invoice_id" (not an open invoice of this customer, or named
// twice) / "allocations[i].amount" (not positive, more than the invoice's open amount, or together more than
// the payment).
Result<PaymentPreview> preview_payment(Db& db, const RecordPayment& payment);

// The rule's part of preview_payment for one payment of `amount` from `customer_id` on `date` (all valid):
// the lines in order. `pending`, as for allocation_candidates, holds open amounts not yet written (an
// import's earlier rows); the caller updates it from the lines it books.
std::vector<PaymentPreviewLine> plan_payment_lines(Db& db, int64_t customer_id, const Date& date,
                                                   int64_t amount, std::string_view reference,
                                                   const std::unordered_map<int64_t, int64_t>* pending);

// The events booking the discounts of `lines` earned by payment `payment_id`: per line with a discount, a
// credit note (series "CN", dated as the line, reason naming the terms and the payment) and its allocation to
// the invoice. Ids come from *next_credit_note_id and *next_allocation_id, which are advanced; numbers
// continue each year's "CN" series from the ledger as it stands (so the events must be applied before this is
// called again).
std::vector<JsonEvent> discount_events(Db& db, const std::vector<PaymentPreviewLine>& lines,
                                       int64_t customer_id, const std::string& currency, int64_t payment_id,
                                       int64_t* next_credit_note_id, int64_t* next_allocation_id);

}  // namespace duebook

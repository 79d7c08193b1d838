// The payment and credit commands (credit notes, payments, allocations, refunds): validation, plans, and the
// projectors of their events.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/date.h"
#include "base/result.h"
#include "invoicing/invoices.h"
#include "invoicing/payments.h"
#include "store/db.h"
#include "store/projector.h"

namespace duebook {

// A credit note: against one invoice (reduces what is open on it) or, with invoice_id 0, against the customer
// (becomes unapplied credit).
struct AddCreditNote {
  int64_t customer_id = 0;    // whose credit; must be the invoice's customer when invoice_id is set
  int64_t invoice_id = 0;     // the invoice it reduces; 0 = none
  Date date;                  // its date
  int64_t amount = 0;         // gross, in minor units of the customer's currency; > 0, <= the invoice's open
  std::string reason;         // why it is granted
  std::string series = "CN";  // number prefix: CN-YYYY-NNNN
};

// Money received from a customer, allocated at once — by the allocation rule (allocate_payment) or by hand —
// with the early-payment discounts it earns booked as credit notes; exactly what preview_payment
// (invoicing/payment_preview.h) shows.
struct RecordPayment {
  int64_t customer_id = 0;  // who paid
  Date date;                // when the money arrived
  int64_t amount = 0;       // minor units, > 0
  std::string currency;     // must be the customer's currency; empty = the customer's
  std::string method;       // "bank transfer", "card", "cheque", ...
  std::string reference;    // the payer's reference; an open invoice number in it is paid first
  std::vector<AllocationShare> allocations;  // by hand: these open invoices, these amounts, in order (the
                                             // rest stays unapplied); empty = by the rule
};

// Allocates unapplied credit of one payment or credit note to named invoices.
struct AllocateCredit {
  // One invoice to allocate to.
  struct Target {
    int64_t invoice_id = 0;         // which invoice (same customer)
    std::optional<int64_t> amount;  // how much; none = as much as both sides allow
  };
  CreditRef source;             // the payment or credit note
  std::vector<Target> targets;  // in order
  std::optional<Date> date;     // the allocation date; none = the later of source date and invoice date
};

// Pays unapplied credit back to the customer.
struct RefundCredit {
  int64_t customer_id = 0;          // whose credit
  int64_t amount = 0;               // minor units, > 0, at most the unapplied credit
  Date date;                        // when it is paid out
  std::string method;               // how
  std::string reference;            // bank reference
  std::optional<CreditRef> source;  // refund from this payment / credit note only; none = oldest first
};

// What allocation.added (remove false) / allocation.removed (remove true) do to the projections, for payload
// `p` (allocation_json's shape): the allocation row, the source's unallocated amount, the invoice and the
// balances.
Status apply_allocation(Db& db, const Json& p, bool remove);

// Switches a payment (received / reversed) or credit note (issued / void) between active and not, moving its
// unallocated amount in or out of the customer's unapplied credit.
Status set_source_active(Db& db, const CreditRef& ref, bool active);

// The events recording a payment (id `payment_id`), its allocation and its discounts as preview_payment plans
// them (allocation and credit note ids from `first_allocation_id` and `first_credit_note_id`). Validates the
// payment as preview_payment does; nothing is written.
Result<std::vector<JsonEvent>> payment_events(Db& db, const RecordPayment& payment, int64_t payment_id,
                                              int64_t first_allocation_id, int64_t first_credit_note_id);

// The projectors of the payment, credit note and allocation events.
const std::vector<Projector>& payment_projectors();

// Validate and plan each command (nothing is written).
Result<Plan> plan_command(Db& db, const AddCreditNote& command);
Result<Plan> plan_command(Db& db, const RecordPayment& command);
Result<Plan> plan_command(Db& db, const AllocateCredit& command);
Result<Plan> plan_command(Db& db, const RefundCredit& command);

}  // namespace duebook

// The payment form's split by hand: an amount typed per open invoice (prefilled from the allocation the rule
// proposes), the remainder kept as unapplied credit, booked exactly as typed (RecordPayment::allocations).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "invoicing/invoice_queries.h"
#include "invoicing/payment_commands.h"
#include "invoicing/payment_preview.h"

namespace duebook::ui {

// One open invoice of the split and what the user typed for it.
struct SplitRow {
  int64_t invoice_id = 0;  // the invoice
  std::string number;      // its number
  std::string due_date;    // ISO due date
  int64_t open = 0;        // open before the payment
  std::string amount;      // typed, in major units; "" or 0 = nothing to this invoice
};

// The split as typed; `on` is false while the rule allocates.
struct PaymentSplit {
  bool on = false;                  // split by hand
  int64_t customer_id = 0;          // whose open invoices the rows are
  std::vector<SplitRow> rows;       // in due-date order
  std::string error;                // why the split as typed cannot be booked ("" when it can)
  std::string error_field;          // "split.<number>" or "split"
  std::vector<std::size_t> booked;  // per allocation apply_split added, the row it came from
};

// Fills the rows from `open` (the customer's open invoices), each prefilled with what `proposal` (the rule's
// preview, may be null) applies to it, in `digits` decimals.
void prefill_split(PaymentSplit& split, int64_t customer_id, const std::vector<InvoiceSummary>& open,
                   const PaymentPreview* proposal, int digits);

// Adds the split to `cmd` (whose amount is set) as allocations, in row order, skipping empty and zero rows.
// Returns false, with split.error and split.error_field set, when an amount is not one or the amounts
// together are more than the payment (nothing is added then); clears them otherwise.
bool apply_split(PaymentSplit& split, const std::string& currency, int digits, RecordPayment* cmd);

// What the preview depends on from the split: "" when off, else the typed amounts.
std::string split_key(const PaymentSplit& split);

// Draws the rows' amount fields, the remainder kept as unapplied credit and any problem: `payment` is the
// amount typed (minor units, -1 when it is not one), `preview` the ledger's plan of the split (null when
// refused, with `problems` saying why).
void draw_split(PaymentSplit& split, int64_t payment, const std::string& currency,
                const PaymentPreview* preview, const Problems& problems);

}  // namespace duebook::ui

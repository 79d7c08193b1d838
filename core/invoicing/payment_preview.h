// What recording a payment would do, before it is recorded: the workbench's payment form shows it live.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "base/result.h"
#include "invoicing/payment_commands.h"
#include "store/db.h"

namespace duebook {

// One invoice the payment would be applied to.
struct PreviewShare {
  int64_t invoice_id = 0;   // which invoice
  std::string number;       // its number
  std::string due_date;     // ISO
  int64_t open_before = 0;  // open on it now
  int64_t amount = 0;       // what the payment would apply to it, > 0
  bool settles = false;     // nothing would be left open on it
};

// The allocation a payment would get.
struct PaymentPreview {
  std::string currency;              // the payment's currency
  std::vector<PreviewShare> shares;  // in the order the allocation rule applies them
  int64_t unapplied = 0;             // left over as unapplied credit
  int64_t settled = 0;               // how many invoices it would settle
};

// The allocation RecordPayment `payment` would be given if executed now, computed by the very events its plan
// makes (payment_events: the payer's reference first, then oldest due), or the problems it would be refused
// with (naming "customer_id", "amount", "currency", "date"). Reads only: nothing is written.
Result<PaymentPreview> preview_payment_allocation(Db& db, const RecordPayment& payment);

}  // namespace duebook

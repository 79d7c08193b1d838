// The unapplied credit list, shared by the Payments tab (every customer) and a customer's page (one): each
// payment or credit note with credit left, with "Apply to invoice" (one of the customer's open invoices, as
// much as both sides allow) and Refund (asks once).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "base/date.h"
#include "commands.h"
#include "invoicing/invoice_queries.h"

namespace duebook::ui {

class Queries;

struct CreditListState {
  int64_t revision = -1;                 // the ledger revision the rows were read at
  int64_t customer_id = 0;               // whose credit the rows are; 0 = every customer
  std::vector<UnappliedCredit> credits;  // oldest first
  std::string picking;                   // the row whose invoices are shown to apply it to ("payment.3")
  std::vector<InvoiceSummary> targets;   // that row's customer's open invoices
  std::string refund_armed;              // the row whose Refund was clicked once
  CommandSink sink;                      // result of the last Apply or Refund
  int64_t seen = 0;                      // last sink result already read
  std::string message;                   // what the last Apply or Refund did, or why it was refused
};

// Draws the list for `customer_id` (0 = every customer, with the customer's name on each row). Test marks
// are "<test_prefix>.<kind>.<id>" for a row, ".apply" and ".refund" after it, and "<test_prefix>.to.<number>"
// for the invoices to apply the picked row to.
void draw_credit_list(Queries& queries, CreditListState& state, Commands& commands, const Date& today,
                      int64_t customer_id, const char* test_prefix);

// The row's name for tests and the picker: "payment.3" / "credit_note.2".
std::string credit_key(const UnappliedCredit& credit);

}  // namespace duebook::ui

// The invoice commands (draft, edit, discard, issue, void, write off): validation, plans, and the projectors
// of the invoice.* events.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/date.h"
#include "base/result.h"
#include "invoicing/invoice_content.h"
#include "invoicing/invoices.h"
#include "invoicing/payments.h"
#include "invoicing/totals.h"
#include "store/db.h"
#include "store/projector.h"

namespace duebook {

// Creates an invoice as a draft, and issues it at once when `issue` is set.
struct AddInvoice {
  InvoiceFields fields;       // the invoice
  bool issue = false;         // issue it in the same action (one undo voids it)
  std::string hold_override;  // why it is issued to a customer on credit hold / COD (recorded); "" = refuse
  bool late_payment_charges = false;  // bills late fees or interest on earlier invoices: not new business, so
                                      // credit hold does not stop it (set by the collections engine only)
};

// Replaces a draft's fields. Issued invoices are never edited.
struct EditInvoice {
  int64_t id = 0;        // which draft
  InvoiceFields fields;  // all of its new values
};

// Throws a draft away (it stays in the log; undo brings it back).
struct DiscardInvoice {
  int64_t id = 0;  // which draft
};

// Issues a draft: assigns the next number of its series and year, fixes its content.
struct IssueInvoice {
  int64_t id = 0;                  // which draft
  std::optional<Date> issue_date;  // moves the invoice date (and a terms-derived due date); none = keep
  std::string hold_override;  // why it is issued to a customer on credit hold / COD (recorded); "" = refuse
};

// Cancels an issued invoice. Whatever was applied to it (payments, credit notes) goes back to the customer's
// unapplied credit and its write-offs are reversed, in the same action, so a void invoice has nothing
// applied.
struct VoidInvoice {
  int64_t id = 0;      // which invoice
  Date date;           // the day it is voided
  std::string reason;  // why; required
};

// Writes off (part of) what is open on an invoice as uncollectable.
struct WriteOffInvoice {
  int64_t invoice_id = 0;         // which invoice
  std::optional<int64_t> amount;  // minor units, 0 < amount <= open; none = everything open
  Date date;                      // the day of the write-off
  std::string reason;             // why; required
};

// Voids (or, with `voided` false, reinstates) invoice `id` as of ISO `date`, through save_invoice_state.
Status set_invoice_voided(Db& db, int64_t id, const std::string& date, const std::string& reason,
                          bool voided);

// The invoice.issued event for draft `id` with `content`, taking the next number of its series now.
JsonEvent issue_event(Db& db, int64_t id, const InvoiceContent& content);

// The payload of allocation.added / allocation.removed.
Json allocation_json(int64_t id, const CreditRef& source, int64_t invoice_id, int64_t customer_id,
                     int64_t amount, std::string_view date);

// Events that take everything applied to invoice `id` off it again (allocation.removed for each allocation,
// invoice.write_off_reversed for each write-off), newest first.
std::vector<JsonEvent> unapply_events(Db& db, int64_t invoice_id);

// The projectors of the invoice events.
const std::vector<Projector>& invoice_projectors();

// Validate and plan each command (nothing is written).
Result<Plan> plan_command(Db& db, const AddInvoice& command);
Result<Plan> plan_command(Db& db, const EditInvoice& command);
Result<Plan> plan_command(Db& db, const DiscardInvoice& command);
Result<Plan> plan_command(Db& db, const IssueInvoice& command);
Result<Plan> plan_command(Db& db, const VoidInvoice& command);
Result<Plan> plan_command(Db& db, const WriteOffInvoice& command);

}  // namespace duebook

// The Payments window: the form to record a payment with a live preview of its allocation, the payments
// received, and the unapplied credit (payments and credit notes) with Apply to invoice and Refund.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/date.h"
#include "commands.h"
#include "credit_list.h"
#include "invoicing/invoice_queries.h"
#include "invoicing/payment_preview.h"
#include "navigation.h"
#include "payment_split.h"
#include "table_keys.h"

namespace duebook::ui {

class Queries;

// What the user is typing; committed only by Record payment.
struct PaymentDraft {
  std::string customer;                  // the customer's name
  std::string amount;                    // in major units
  std::string currency;                  // "" = the customer's
  std::string date;                      // YYYY-MM-DD; "" = today
  std::string method = "bank transfer";  // how it was paid
  std::string reference;                 // the payer's reference; invoice numbers in it are paid first
};

struct PaymentsWindowState {
  PaymentDraft draft;
  std::string form_error;        // a problem found before submitting, shown beside its field
  std::string form_error_field;  // "customer", "amount", "date"
  CommandSink sink;              // result of the last Record payment
  int64_t seen_completed = 0;
  std::string pending_confirmation;  // what the payment submitted will have done, said once it is accepted
  std::string confirmation;          // "Payment of EUR 1,200.00 recorded; 2 invoices settled"
  // The preview of the draft as typed, recomputed when the draft or the ledger changes.
  std::string preview_key;
  std::optional<PaymentPreview> preview;
  Problems preview_problems;
  std::vector<InvoiceSummary> open_invoices;  // the customer's, to put one first by hand
  PaymentSplit split;                         // the amounts typed per invoice when split by hand
  bool stale = false;  // the draft changed after the preview was drawn: another frame is needed
  // The lists, re-read when the ledger changes.
  int64_t list_revision = -1;
  std::vector<PaymentSummary> payments;
  std::string filter;         // the list's filter: a fragment of the customer, reference, invoice or date
  std::string shown_key;      // the filter and revision `shown` was made for
  std::vector<size_t> shown;  // the payments the filter keeps, as indexes into `payments`
  TableCursor keys;           // the list's keyboard cursor (Enter opens the payer's page)
  CreditListState credits;    // the unapplied credit of every customer
};

// Draws the window; `today` is the default payment date.
// Facts for end-to-end tests, as JSON text: {"payment_confirmation", "payment_split": {"on", "rows",
// "error", "unapplied"}, "credits": [{"source", "customer", "unapplied"}], "credit_message", "payment_list":
// {"filter", "count", "shown" (rows the filter keeps), "cursor", "first": [{"customer", "customer_id"}] of
// the first 20 kept}}.
std::string payments_facts(const PaymentsWindowState& state);

void draw_payments_window(Queries& queries, PaymentsWindowState& state, Commands& commands, Navigation& nav,
                          const Date& today);

// Prefills the form for customer `customer_id` (name and currency; 0 clears the form).
void prefill_payment_form(Queries& queries, PaymentsWindowState& state, int64_t customer_id);

}  // namespace duebook::ui

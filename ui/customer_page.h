// A customer's page: contacts and terms (editable), credit limit and its use, credit hold with its reason,
// open invoices, unapplied credit, promises and disputes, and one timeline of everything that happened to the
// customer, newest first.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/date.h"
#include "collections/collections_queries.h"
#include "collections/customer_timeline.h"
#include "commands.h"
#include "credit_list.h"
#include "customers/customers.h"
#include "invoicing/invoice_queries.h"
#include "navigation.h"
#include "table_keys.h"

namespace duebook::ui {

class Queries;

// The editable part of the page, as typed; committed only by Save.
struct CustomerPageDraft {
  std::string terms, credit_limit;
  std::string billing_name, billing_email, billing_phone;
  std::string escalation_name, escalation_email, escalation_phone;
  std::string hold_reason;  // why the customer is put on hold or released
};

struct CustomerPageState {
  int64_t customer_id = 0;     // whose page; 0 = none open
  int64_t draft_for = 0;       // the customer the draft was loaded for
  CustomerPageDraft draft;     // the form's contents
  std::string form_error;      // a problem found before submitting (a credit limit that is not an amount)
  CommandSink sink;            // result of the last save, hold or release
  int64_t seen_completed = 0;  // last sink result already handled
  bool hold_armed = false;     // "Put on hold" / "Release" clicked once, asking to confirm
  // What the page shows, re-read only when the ledger or the day changes.
  int64_t cache_revision = -1;
  std::string cache_day;
  std::optional<Customer> customer;
  CustomerBalance balance;
  int64_t overdue = 0;
  std::vector<InvoiceSummary> open_invoices;
  TableCursor invoice_keys;     // the keyboard cursor in the open invoices (Enter opens the invoice)
  CreditListState credit_list;  // payments and credit notes with something unapplied, to apply or refund
  std::vector<PromiseStatus> promises;
  std::vector<DisputeRecord> disputes;
  int64_t last_plan = 0;              // the latest installment plan in force, for its confirmation (0 = none)
  int64_t last_settlement = 0;        // the latest settlement, for its confirmation (0 = none)
  std::vector<ChargeRecord> charges;  // late fees, interest and compensation charged or waived
  std::vector<TimelineEntry> timeline;
};

// Draws the page of state.customer_id as of `today`; opening an invoice or the payment form goes through
// `nav`.
void draw_customer_page(Queries& queries, CustomerPageState& state, Commands& commands, Navigation& nav,
                        const Date& today);

// Facts for end-to-end tests, as JSON text: {"id", "name", "balance", "ar_balance", "unapplied", "overdue",
// "credits": [{"source", "number", "unapplied"}], "charges": [{"kind", "invoice", "charge_invoice",
// "amount", "status"}], "timeline": [{"kind", "what", "date", "hash"}], "open_invoices": [{"id",
// "number"}], "invoice_cursor" (the keyboard cursor's row in the open invoices, -1 = none)}.
std::string customer_page_facts(const CustomerPageState& state);

}  // namespace duebook::ui

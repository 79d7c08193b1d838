// The Customers window: a searchable list of customers and a form to add or edit one.
#pragma once

#include <string>
#include <vector>

#include "commands.h"
#include "customers/customer_queries.h"
#include "customers/customers.h"

namespace duebook::ui {

class Queries;

// What the user is typing in the form; committed only by the Save button.
struct CustomerDraft {
  std::string name, currency = "USD", terms = "Net 30", credit_limit, address, tax_id, notes;
  std::string billing_name, billing_email, billing_phone;
  std::string escalation_name, escalation_email, escalation_phone;
  int status = 0;  // index into Active, CreditHold, CashOnDelivery
};

struct CustomersWindowState {
  std::string search;          // name fragment filter
  int64_t selected = 0;        // id of the customer in the form, 0 = a new one
  CustomerDraft draft;         // the form's contents
  std::string form_error;      // a problem found before submitting (bad amount)
  CommandSink sink;            // result of the last save
  int64_t seen_completed = 0;  // last sink result already handled
  // Page cache: re-queried only when the ledger, the search or the visible rows change.
  int64_t cache_revision = -1;
  std::string cache_search;
  int64_t cache_offset = 0, cache_limit = 0, cache_count = 0;  // rows cached start at cache_offset
  std::vector<Customer> cache_rows;
};

void draw_customers_window(Queries& queries, CustomersWindowState& state, Commands& commands);

}  // namespace duebook::ui

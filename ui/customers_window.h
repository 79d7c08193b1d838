// The Customers window: a searchable, sortable list of customers with what each owes (paged over any number
// of them), and a form to add or edit one. A customer's page opens from its row.
#pragma once

#include <string>
#include <vector>

#include "base/date.h"
#include "collections/customer_accounts.h"
#include "commands.h"
#include "customers/customer_queries.h"
#include "customers/customers.h"
#include "navigation.h"
#include "table_keys.h"

namespace duebook::ui {

class Queries;

// What the user is typing in the form; committed only by the Save button.
struct CustomerDraft {
  std::string name, currency = "USD", terms = "Net 30", credit_limit, address, tax_id, notes;
  std::string country, endpoint;  // ISO 3166 code and e-invoice address "SCHEME:ID", both optional
  std::string billing_name, billing_email, billing_phone;
  std::string escalation_name, escalation_email, escalation_phone;
  int status = 0;    // index into Active, CreditHold, CashOnDelivery
  int language = 0;  // index into known_languages(): the language its messages and documents are written in
};

struct CustomersWindowState {
  std::string search;                    // name fragment filter
  AccountSort sort = AccountSort::Name;  // the column the list is sorted by
  bool descending = false;               // and its direction
  int64_t selected = 0;                  // id of the customer in the form, 0 = a new one
  TableCursor keys;                      // the list's keyboard cursor (Enter opens the customer's page)
  CustomerDraft draft;                   // the form's contents
  int64_t defaults_revision = -1;        // the ledger revision a new draft took the company's defaults at
  std::string form_error;                // a problem found before submitting (bad amount)
  CommandSink sink;                      // result of the last save
  std::string similar_key;               // the name (and ledger revision) `similar` was found for
  std::vector<Customer> similar;         // customers whose names look like the form's
  int64_t seen_completed = 0;            // last sink result already handled
  // Page cache: re-queried only when the ledger, the search or the visible rows change.
  int64_t cache_revision = -1;
  std::string cache_key;  // search, sort and as-of day of the cached rows
  int64_t cache_offset = 0, cache_limit = 0, cache_count = 0;  // rows cached start at cache_offset
  std::vector<CustomerAccount> cache_rows;
};

// `today` is the day overdue amounts and days late are counted on; opening a page goes through `nav`.
void draw_customers_window(Queries& queries, CustomersWindowState& state, Commands& commands, Navigation& nav,
                           const Date& today);

// Facts for end-to-end tests, as JSON text: {"search", "count", "cursor" (the keyboard cursor's row, -1 =
// none), "offset", "rows": [{"id", "name"}]} of the rows cached from `offset` on.
std::string customer_list_facts(const CustomersWindowState& state);

}  // namespace duebook::ui

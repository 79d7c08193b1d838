// The Invoices window: the invoice list (status, overdue bucket, search, sortable columns, 50 rows a page)
// and a form to issue a new invoice or save it as a draft.
#pragma once

#include <string>
#include <vector>

#include "base/date.h"
#include "commands.h"
#include "invoicing/invoice_queries.h"
#include "table_keys.h"

namespace duebook::ui {

class Queries;

// One line of the form, as typed.
struct InvoiceLineDraft {
  std::string description, quantity = "1", unit_price;
};

// What the user is typing in the form; committed only by Issue or Save draft.
struct InvoiceDraft {
  std::string customer;       // the customer's name, as in the Customers window
  std::string issue_date;     // YYYY-MM-DD; today when empty
  std::string terms;          // empty: the customer's terms
  std::string memo;           // printed on the invoice
  std::string hold_override;  // why it is issued to a customer on credit hold or cash on delivery
  std::vector<InvoiceLineDraft> lines = std::vector<InvoiceLineDraft>(1);
};

struct InvoicesWindowState {
  int status = 0;        // index into the status filter: all, unpaid, paid, draft, void
  int overdue = 0;       // overdue filter: 0 any, else 1 + a bucket of default_aging_buckets()
  std::string search;    // number or customer name fragment
  std::string currency;  // ISO 4217 code the list keeps to; "" = every currency
  InvoiceSort sort = InvoiceSort::Number;
  bool descending = true;    // newest numbers first
  int64_t page = 0;          // 50 rows a page
  int64_t open_invoice = 0;  // the invoice whose number was clicked, for the app to open; 0 = none
  TableCursor keys;          // the page's keyboard cursor (Enter opens the invoice)
  InvoiceDraft draft;
  std::string form_error;           // a problem found before submitting (an amount that is not one)
  CommandSink sink;                 // result of the last submit
  std::vector<int> submitted_rows;  // per line of the last submit: its row in the form
  int64_t seen_completed = 0;       // last sink result already handled
  // The page shown, re-queried only when the ledger, the filters or the page change.
  int64_t cache_revision = -1;
  std::string cache_key;
  int64_t cache_count = 0;
  std::vector<InvoiceSummary> cache_rows;
};

// Shows the unpaid invoices of one overdue bucket (1 + a bucket of default_aging_buckets()) in `currency`
// ("" = every currency) from the first page, the other filters cleared.
void filter_invoices(InvoicesWindowState& state, int overdue, const std::string& currency);

// Facts for end-to-end tests, as JSON text: {"status", "overdue", "currency", "search", "count", "cursor"
// (the keyboard cursor's row, -1 = none), "rows": [{"id", "number", "customer", "currency", "due", "open"}]}
// of the page shown.
std::string invoice_list_facts(const InvoicesWindowState& state);

// `today` dates the overdue buckets and a new invoice without a date.
void draw_invoices_window(Queries& queries, InvoicesWindowState& state, Commands& commands,
                          const Date& today);

}  // namespace duebook::ui

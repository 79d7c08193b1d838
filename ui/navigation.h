// Requests a window makes to show another one (a customer's page, an invoice, the payment form, a filtered
// invoice list). The app carries them out at the start of the next frame, so no window reaches into another's
// state while drawing.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "documents.h"

namespace duebook::ui {

// The Invoices tab filtered to one aging bucket of one currency.
struct InvoiceListRequest {
  int overdue = 0;       // 1 + the bucket of default_aging_buckets(), as InvoicesWindowState::overdue
  std::string currency;  // ISO 4217 code; "" = every currency
};

// The screens of the Collect tab: what each way of collecting costs, the charges, and the endgame forms.
enum class CollectScreen { Options, Charges, Plan, Settle, Agency, Factor, CreditHold };

// The Collect tab on one screen, for a customer's overdue invoices or a chosen few of them.
struct CollectRequest {
  CollectScreen screen = CollectScreen::Options;  // which screen
  int64_t customer_id = 0;                        // whose invoices; 0 = keep the tab's customer
  std::vector<int64_t> invoice_ids;               // the invoices chosen; empty = the customer's overdue ones
};

struct Navigation {
  int64_t open_customer = 0;            // show this customer's page; 0 = no request
  int64_t open_invoice = 0;             // show this invoice's window; 0 = no request
  std::optional<int64_t> pay_customer;  // open the payment form for this customer (0 = none chosen yet)
  std::optional<InvoiceListRequest> invoice_list;  // show the Invoices tab with these filters
  const char* open_tab = nullptr;                  // bring this tab ("Dashboard", "Today", ...) to the front
  std::optional<DocumentRequest> document;         // make this PDF and hand it to the platform
  std::optional<CollectRequest> collect;           // show the Collect tab on this screen
  std::optional<int> open_report;                  // show the Reports tab on this report (a ReportKind)
  int64_t edit_policy_for = 0;     // open the policy editor on this customer's policy; 0 = no request
  int64_t statement_file_for = 0;  // hand the user this customer's statement file to answer; 0 = none
};

}  // namespace duebook::ui

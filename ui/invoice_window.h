// One invoice in full: header, lines, tax and totals, status, what was applied to it and when, its reminders
// and contacts, and the actions on it (void, credit note, write off, dispute, duplicate as a new draft).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/date.h"
#include "collections/collections_queries.h"
#include "commands.h"
#include "invoicing/invoice_queries.h"
#include "navigation.h"

namespace duebook::ui {

class Queries;

// One action's form: what is typed, whether its button asks to confirm, and the result of its command.
struct InvoiceActionForm {
  std::string amount;      // credit note / write-off: an amount, "" = everything open
  std::string reason;      // why (void, write-off, credit note, dispute notes)
  int choice = 0;          // dispute: index of the reason
  bool armed = false;      // the destructive button was clicked once
  std::string form_error;  // a problem found before submitting
  CommandSink sink;        // the command's result
  int64_t seen_completed = 0;
};

struct InvoiceWindowState {
  int64_t invoice_id = 0;  // which invoice; 0 = none open
  InvoiceActionForm void_form, credit_form, write_off_form, dispute_form, duplicate_form;
  std::string confirmation;       // what the last accepted action did
  std::string e_invoice_request;  // set by the "E-invoice" button: the number the app saves as UBL next
  std::string e_invoice_result;   // where the e-invoice went, or why it could not be made
  // What the window shows, re-read only when the ledger changes.
  int64_t cache_revision = -1, cache_id = 0;
  std::optional<InvoiceDetail> detail;
  std::vector<ContactRecord> contacts;   // contacts and reminders about this invoice
  std::optional<DisputeRecord> dispute;  // its open dispute
  std::string credit_series = "CN";      // the company's credit-note series (Settings > Invoicing defaults)
  std::string invoice_series = "INV";    // and its invoice series, for a duplicate
  int reminder_level = 0;                // the reminder PDF's level, 0..2 = first, second, final
};

// Draws invoice state.invoice_id; `today` dates the actions. Its customer's page opens through `nav`.
void draw_invoice_window(Queries& queries, InvoiceWindowState& state, Commands& commands, Navigation& nav,
                         const Date& today);

}  // namespace duebook::ui

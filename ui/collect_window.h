// The Collect tab: for one customer's overdue invoices (or a chosen few), the options compared, the charges,
// and the endgame forms — installments, settlement, agency, factoring — plus credit hold by rule. Reached
// from a customer's page, an invoice, the options' own buttons and the command palette.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "charges_window.h"
#include "commands.h"
#include "credit_hold_form.h"
#include "endgame_forms.h"
#include "navigation.h"
#include "options_window.h"
#include "platform.h"

namespace duebook::ui {

class Queries;

struct CollectWindowState {
  bool open = false;                              // the tab is shown
  CollectScreen screen = CollectScreen::Options;  // the screen asked for
  bool select_screen = false;                     // bring `screen` to the front on the next draw
  int64_t customer_id = 0;                        // whose invoices; 0 = none chosen yet
  std::vector<int64_t> wanted;                    // invoices asked for; empty = the overdue ones
  // The customer's open invoices and which are chosen, read again when the ledger or the day change.
  int64_t cache_revision = -1;
  std::string cache_day;
  int64_t cache_customer = -1;
  std::string customer;                                    // the customer's name
  std::vector<CollectionInvoice> invoices;                 // the customer's open invoices
  std::vector<char> chosen;                                // parallel to invoices
  std::vector<std::pair<int64_t, std::string>> customers;  // customers with open invoices, for the picker
  OptionsWindowState options;
  ChargesWindowState charges;
  PlanFormState plan;
  SettleFormState settle;
  AgencyFormState agency;
  FactorFormState factor;
  CreditHoldFormState hold;
};

// Shows the tab on `request.screen` for its customer and invoices (customer 0 keeps the tab's customer).
void open_collect(CollectWindowState& state, const CollectRequest& request);

// Draws the Collect tab item when state.open (`select`: bring it to the front); closing it clears the state.
// True when the tab is the one in front.
bool draw_collect_tab(Queries& queries, CollectWindowState& state, Commands& commands, Navigation& nav,
                      Platform& platform, const Date& today, bool select);

// One line of buttons opening the Collect tab's screens for a customer (and some of its invoices: empty =
// the overdue ones): "Options…", "Charges…", "Installments…", "Settle…", "Agency…", "Factor…". Tests find
// them as "<test_prefix>.options", ".charges", ".plan", ".settle", ".agency", ".factor".
void draw_collect_buttons(Navigation& nav, int64_t customer_id, const std::vector<int64_t>& invoice_ids,
                          const char* test_prefix);

// Facts for end-to-end tests, as JSON text: {"open", "screen", "customer_id", "customer", "chosen":
// [numbers], "options": options_facts, "charges": charges_facts, "plan": {"installments": [minor...],
// "sum", "open", "saved", "problems"}, "hold": credit_hold_facts, "saved": {"settle", "agency", "factor"}}.
std::string collect_facts(const CollectWindowState& state);

}  // namespace duebook::ui

// Charges: what late-payment interest and fixed compensation each overdue invoice would be charged under a
// chosen policy (a contract rate, the UK Late Payment Act, EU Directive 2011/7/EU) as of a day, per invoice
// with the rate, the days and the amount; applying them (one queued ApplyCharges); the late fees due and
// charged, each of which can be waived with a reason; and the list of what was charged and waived.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "collect_context.h"
#include "collections/charges.h"
#include "collections/collections_worklist.h"
#include "commands.h"
#include "navigation.h"
#include "table_keys.h"

namespace duebook::ui {

class Queries;

struct ChargesWindowState {
  int policy = 0;                   // 0 contract rate, 1 UK Late Payment Act, 2 EU Directive 2011/7/EU
  std::string contract_rate = "8";  // percent a year, for the contract policy
  bool policy_loaded = false;       // `policy` was set from the company's default (Settings), once
  std::string as_of;                // the day to accrue to ("" = the Collect tab's day)
  bool every_customer = false;      // list every customer's invoices, not only the chosen customer's
  // What the screen shows, read again only when the ledger, the day or the policy change.
  std::string cache_key;
  ChargesPreview preview;
  std::string preview_error;          // a policy or date that cannot be read
  std::vector<LateFeeDue> fees_due;   // late fees due and not charged or waived
  std::vector<ChargeRecord> charges;  // what was charged and waived
  CommandSink apply_sink;             // the last ApplyCharges or ChargeLateFees
  CommandSink waive_sink;             // the last WaiveLateFee
  bool apply_armed = false, fees_armed = false, waive_armed = false;
  int64_t waive_invoice = 0;  // the fee being waived: its invoice (0 = none chosen)
  int waive_step = -1;        // and its policy step
  std::string waive_label;    // "INV-7, step 3: EUR 40.00"
  std::string waive_reason;   // why, required
  std::string message;        // the last outcome, for the user and the tests
  TableCursor keys;  // the keyboard cursor over what was charged and waived (Enter opens the invoice)
  std::vector<int64_t> list_invoices;  // the invoice of each row of that list as last drawn, newest first
};

// The policy text ApplyCharges and parse_interest_policy take: "contract:8", "uk-late-payment", ...
std::string charges_policy_text(const ChargesWindowState& state);

// Draws the screen for `ctx` (its customer's invoices unless every_customer); an invoice opens through `nav`.
void draw_charges_window(Queries& queries, ChargesWindowState& state, Commands& commands, Navigation& nav,
                         const CollectContext& ctx);

// Facts for end-to-end tests, as JSON text: {"policy", "as_of", "message", "rows": [{"invoice", "customer",
// "days_late", "annual_rate", "interest", "fixed_compensation"}], "charges": [{"kind", "invoice",
// "charge_invoice", "amount", "status", "reason"}], "list": [the invoice id of each row of the list shown,
// newest first], "cursor" (the list's keyboard cursor; -1 = none), "fees_due": [{"invoice", "step", "fee"}]}.
std::string charges_facts(const ChargesWindowState& state);

}  // namespace duebook::ui

// Options compared: for the chosen overdue invoices, every way of collecting them side by side — wait (with
// interest under a chosen policy), offer an early-payment discount, installments, factoring, an agency,
// settle for less — each as the cash it brings today and in all, when, and what it costs, with the cheapest
// highlighted and a chart of cash over time. Every assumption is edited in place and the figures follow at
// once; the figures come from core (collections/options.h, options_endgame.h), as `duebook report options`.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "collect_context.h"
#include "collections/options.h"
#include "collections/options_endgame.h"
#include "navigation.h"

namespace duebook::ui {

class Queries;

// The assumptions as typed (percents and amounts as text, validated by core).
struct OptionsAssumptions {
  int policy = 0;  // the interest policy: 0 contract rate, 1 UK Late Payment Act, 2 EU Directive
  std::string contract_rate = "8";  // percent a year, for the contract policy
  std::string discount = "2";       // percent off for paying today
  std::string advance = "80";       // factoring: percent advanced today
  std::string fee = "3";            // factoring: the factor's fee, percent of face
  std::string commission = "25";    // agency: percent of what it collects
  std::string success = "60";       // agency: chance it collects, percent
  std::string agency_days = "60";   // agency: days it takes
  std::string installments = "3";   // installments: how many, monthly
  std::string first_due;            // installments: the first one's day ("" = a month from today)
  std::string kept = "100";         // installments: chance the plan is kept, percent
  std::string settle;               // settle for less: the amount accepted ("" = 70 % of the face)
};

// "contract:8", "uk-late-payment" or "eu-late-payment" for the assumptions' policy.
std::string options_policy_text(const OptionsAssumptions& typed);

struct OptionsWindowState {
  OptionsAssumptions typed;  // what the user typed
  // The selection summed up (payment history), read again only when the invoices, ledger or day change.
  std::string selection_key;
  std::optional<OverdueSelection> selection;
  Date earliest_due;            // the earliest due date chosen: the statutory rate is the one for it
  std::string selection_error;  // why the invoices cannot be compared
  // The comparison, worked out again when the selection or an assumption changes.
  std::string terms_key;
  std::vector<OptionCost> costs;  // wait, discount, interest, factoring, agency, installments, settlement
  std::vector<Installment> installments;  // the installments option's plan
  std::string interest_percent;           // the rate the interest option charges, percent a year
  Problems problems;                      // assumptions out of range (where "terms.<field>", "plan.<field>")
  int cheapest = -1;                      // index into costs of the highest expected cash
};

// Draws the screen for `ctx`. A column's button asks for its form through `start` (the Collect tab opens it,
// filled in from the assumptions); waiting and the discount go to the Today tab through `nav`.
void draw_options_window(Queries& queries, OptionsWindowState& state, const CollectContext& ctx,
                         Navigation& nav, std::optional<CollectScreen>* start);

// Facts for end-to-end tests, as JSON text: {"face", "policy", "interest_percent", "cheapest",
// "rows": [{"option", "cash_today", "expected_cash", "versus_waiting", "expected_days",
// "annual_cost_percent"}], "installments": [minor...], "problems": [{"where", "message"}]}; expected_days
// with one decimal as the CLI prints it.
std::string options_facts(const OptionsWindowState& state);

}  // namespace duebook::ui

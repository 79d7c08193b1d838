// Credit hold and cash on delivery by rule: the rule (days overdue, broken promises, over the credit limit),
// a dry run listing whom it would hold and release, then Apply (one queued ApplyCreditHolds). Nothing is
// written before Apply is confirmed, and Apply is offered only for the rule the dry run showed.
#pragma once

#include <string>
#include <vector>

#include "collect_context.h"
#include "collections/collections_worklist.h"
#include "commands.h"

namespace duebook::ui {

class Queries;

struct CreditHoldFormState {
  bool use_days = true;  // hold when the oldest invoice is more than `days` overdue
  std::string days = "60";
  bool use_broken = true;  // hold after `broken` broken promises in a year
  std::string broken = "2";
  bool over_limit = true;             // hold when the balance is over the credit limit
  bool cash_on_delivery = false;      // cash on delivery instead of a credit hold
  Problems problems;                  // the rule as typed
  std::string dry_run_key;            // the rule and ledger revision the dry run is for ("" = none yet)
  std::vector<CreditReview> changes;  // whom the rule would hold or release
  CommandSink sink;
  bool armed = false;
  std::string saved;
};

void draw_credit_hold_form(Queries& queries, CreditHoldFormState& state, Commands& commands,
                           const CollectContext& ctx);

// Facts for end-to-end tests: {"dry_run": [{"customer", "change", "why"}], "saved"}.
std::string credit_hold_facts(const CreditHoldFormState& state);

}  // namespace duebook::ui

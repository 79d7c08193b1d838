// Collections reads that combine the rules with the ledger: the rendered worklist, the late fees due, the
// charges preview, the credit-hold review and the agency case file. Pure reads: they never change the ledger.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "base/date.h"
#include "base/result.h"
#include "collections/charges.h"
#include "collections/collections_policy.h"
#include "collections/collections_queries.h"
#include "collections/templates.h"
#include "store/db.h"

namespace duebook {

// One customer's entry of the day, with its message rendered.
struct WorklistItem {
  WorklistEntry entry;               // customer, step, contact and lines, from build_worklist
  int64_t customer_id = 0;           // the customer's id
  std::vector<int64_t> invoice_ids;  // the id of each line's invoice, in line order
  std::string template_id;           // the template used
  int64_t fee_minor = 0;             // late fees of the lines' late_fee steps (charged, or due if not yet)
  int64_t interest_minor = 0;        // interest and compensation booked on the lines' invoices so far
  std::string subject;               // rendered subject (email) or title (call script, letter)
  std::string body;                  // rendered text
  std::string mailto;                // for an email step with an address: the mailto: link; else ""
  Problems problems;                 // why the message could not be rendered, if it could not
};

// The day's worklist from the ledger.
struct LedgerWorklist {
  Date as_of;                                  // the day
  std::vector<WorklistItem> items;             // one per customer (and currency), by currency then priority
  std::vector<PausedInvoice> paused;           // invoices held back today and why
  std::vector<BrokenPromise> broken_promises;  // promises (and installments) found broken
  Problems problems;                           // customers skipped for an invalid policy
};

// The worklist for `as_of` with each entry's message rendered from its step's template, the company details
// and the entry's fees and interest. Never fails: a message that cannot be rendered leaves its problems in
// the item.
LedgerWorklist load_worklist(Db& db, const Date& as_of, int grace_days = kPromiseGraceDays);

// A late fee the worklist's steps have made due and that has not been charged or waived.
struct LateFeeDue {
  CollectionInvoice invoice;  // the late invoice
  int step_index = 0;         // the late_fee step
  int64_t fee = 0;            // the fee, > 0
};

// The late fees due as of a day: for every open invoice not paused (disputed, with an agency, factored,
// snoozed, under an active promise or plan) and not itself a charge, every step of its customer's policy with
// late_fee whose day (due + offset) has come, less those charged or waived (late_fees_to_charge). Fails when
// a policy's fee rule is invalid or a fee overflows.
Result<std::vector<LateFeeDue>> late_fees_due(Db& db, const Date& as_of, int grace_days = kPromiseGraceDays);

// The charges preview over the ledger: issued, non-void invoices due before `as_of` that are not charges,
// disputed or factored, with amount due = total − credit notes and "payments" = payment allocations and
// write-offs, each on its date up to `as_of`. `invoice_ids` gets each previewed invoice's id by number.
ChargesPreview preview_ledger_charges(Db& db, const Date& as_of, const InterestPolicy& policy,
                                      std::map<std::string, int64_t>* invoice_ids = nullptr);

// A customer's credit-hold facts and what the rules say.
struct CreditReview {
  int64_t customer_id = 0;                         // whom
  std::string customer;                            // name
  CustomerStatus status = CustomerStatus::Active;  // current status
  bool hold_by_rules = false;   // the current hold was set by the rules (so they may release it)
  CreditFacts facts;            // as of the day
  CreditHoldDecision decision;  // decide_credit_hold
  std::string change;           // "hold" (active -> held), "release" (held by the rules -> active) or ""
};

// Every customer with invoices, a balance or a hold, by name. Facts: days overdue of the oldest open invoice
// not disputed or factored; balance = AR − unapplied credit; broken promises (and missed plans) broken within
// the 365 days up to `as_of`.
std::vector<CreditReview> review_credit_holds(Db& db, const Date& as_of, const CreditHoldRules& rules,
                                              int grace_days = kPromiseGraceDays);

// The case file an agency needs, as JSON (two-space indent): {"placement", "agency", "commission",
// "placed_on", "customer": {name, currency, address, tax_id, terms, contacts}, "invoices": [{number,
// issue_date, due_date, total, open, days_late}], "statement": (statement_to_json of the customer from its
// first invoice to `as_of`), "contact_record": [...], "steps_done": [...], "promises": [...], "disputes":
// [...]}. Amounts are decimal strings. Fails (where "placement") for an unknown placement.
Result<std::string> agency_case_file(Db& db, int64_t placement_id, const Date& as_of);

}  // namespace duebook

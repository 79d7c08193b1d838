// The demo ledger: a realistic small business to explore every screen with before entering one's own books.
#pragma once

#include <string>

#include "base/date.h"
#include "base/result.h"
#include "ledger/ledger.h"

namespace duebook {

// The company name the demo signs its letters with; the workbench and the CLI recognise a demo ledger by it.
inline constexpr const char* kDemoCompanyName = "Brightwell Studio Ltd (demo)";

// What fill_demo_ledger created.
struct DemoSummary {
  int customers = 0;    // customers added
  int invoices = 0;     // invoices issued
  int payments = 0;     // payments recorded
  int collections = 0;  // contacts, promises, disputes, plans, hand-offs and other collections actions
};

// Fills an empty ledger with the demo business as of `today`: a design studio with 32 customers invoiced in
// GBP, EUR and USD over the two years before `today`, prompt and late payers, contacts logged, a promise kept
// and one broken, an open and a resolved dispute, a customer on credit hold, an installment plan with its
// first installment paid, an agency case, a factored invoice, a settlement, a write-off and credit notes.
// Everything goes through the ledger's commands, so it is as real as typed books; the same `today` gives the
// same books. Dated relative to `today`, so the day's worklist has work. Refused, writing nothing, when the
// ledger already has events; a command refused midway returns its problems with what came before kept.
Result<DemoSummary> fill_demo_ledger(Ledger& ledger, const Date& today);

// True when the ledger's company details are the demo's.
bool is_demo_ledger(Db& db);

}  // namespace duebook

// The Today window, the collections cockpit: the day's worklist (one entry per customer, highest priority
// first) and, for the entry opened, its overdue invoices, the contact to reach, the step's material (call
// script, email, letter) and one-click outcomes. Keyboard: Up/Down move through the list, Enter opens, the
// number keys record outcomes.
#pragma once

#include <cstdint>
#include <string>

#include "base/date.h"
#include "collections/collections_worklist.h"
#include "commands.h"
#include "company_form.h"

namespace duebook::ui {

class Queries;
class Platform;

// The form an outcome button opened (the one-click outcomes need none).
enum class TodayForm { None, Promise, Dispute, Snooze, Contacts };

// What the user is typing for an outcome; committed only by its button.
struct TodayDraft {
  std::string notes;           // what was said, for any outcome
  std::string pay_by, amount;  // promised to pay: the day (YYYY-MM-DD) and the amount
  int dispute_invoice = 0;     // disputed: which of the entry's invoices (index into its lines)
  int dispute_reason = 0;      // disputed: index into the reasons
  std::string until;           // snooze until (YYYY-MM-DD)
  // Wrong contact: the customer's contacts as they should be.
  std::string billing_name, billing_email, billing_phone;
  std::string escalation_name, escalation_email, escalation_phone;
};

struct TodayWindowState {
  int cursor = 0;      // the highlighted row of the list
  int64_t opened = 0;  // the customer whose entry is shown; 0 = none
  TodayForm form = TodayForm::None;
  TodayDraft draft;            // the outcome being entered
  std::string form_error;      // a problem found before submitting (a date or amount that is not one)
  CommandSink sink;            // result of the last submit
  int64_t seen_completed = 0;  // last sink result already handled
  std::string pending;         // the confirmation to show if the last submit is accepted
  std::string confirmation;    // what the last accepted outcome did, and what comes next
  CompanyFormState company;    // the business signing the messages
  int64_t payment_for = 0;     // set when "Paid" was chosen: the app opens the payment form for this customer
  CommandSink document_sink;   // the record of a reminder or letter produced as PDF
  // The day's worklist, loaded again only when the ledger or the day changes.
  int64_t cache_revision = -1;
  Date cache_as_of;
  LedgerWorklist cache;
};

// Draws the window for the day `as_of`. `platform` opens mailto: links and prints letters.
void draw_today_window(Queries& queries, TodayWindowState& state, Commands& commands, Platform& platform,
                       const Date& as_of);

// What the Today tab shows as of `day`, for tests, as JSON text: {"entries": [{"customer", "customer_id",
// "step", "step_index", "days_late", "brought_forward", "open_minor", "contact"}], "paused": [{"customer",
// "invoice", "reason"}], "opened" (the opened entry's subject, body, mailto and form, or null), "cursor",
// "confirmation"}.
std::string today_facts(Queries& queries, const TodayWindowState& state, const Date& day);

}  // namespace duebook::ui

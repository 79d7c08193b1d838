// The payment deadline a reminder gives, and the worklist waiting for it before a step that escalates.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "collections/collections_policy.h"

using namespace duebook;

namespace {

Date d(int y, int m, int day) {
  return Date{y, m, day};
}

CustomerCollections customer(const std::string& name, const std::string& number, Date due, int64_t minor) {
  CustomerCollections c;
  c.customer = name;
  c.contacts = {{"billing", "Pat Billing", "ap@example.com", "+47 22 00 00 00"}};
  OpenInvoice inv;
  inv.number = number;
  inv.due_date = due;
  inv.open = Money{minor, *parse_currency_code("EUR")};
  c.invoices = {inv};
  return c;
}

}  // namespace

TEST_CASE("a step that escalates waits for the payment deadline the last reminder gave; calls do not") {
  // Source: Norway's Debt Collection Act (inkassoloven) §9: after a written payment demand the debtor has
  // at least 14 days to pay before the next step is taken. Our rule: a step that escalates (letter,
  // escalation letter, final notice, credit hold, agency) waits while the deadline of the latest reminder
  // done for the invoice runs (done_on + payment_deadline_days, inclusive); calls and emails do not wait.
  CollectionPolicy nordic;
  nordic.name = "Nordic";
  nordic.steps = {{1, StepAction::EmailReminder, "", false, false, 14},
                  {5, StepAction::PhoneCall, "", false, false, 14},
                  {7, StepAction::Letter, "", true, false, 10},
                  {9, StepAction::HandToAgency, "", false, false, 14}};
  REQUIRE(validate_policy(nordic).ok());
  CustomerCollections c = customer("Fjord AS", "N-1", d(2026, 3, 1), 120000);
  c.policy = nordic;
  struct Row {
    Date reminder_done;  // the day the +1 reminder was done
    Date as_of;          // the day the worklist is built
    int step;            // the step proposed (-1: none)
    bool awaiting;       // N-1 is paused awaiting the deadline
    Date until;          // the deadline's last day, when awaiting
  };
  const Row rows[] = {
      // Reminder on 03-02: deadline 03-16. The +5 call still comes up on 03-06 ...
      {d(2026, 3, 2), d(2026, 3, 6), 1, false, {}},
      // ... but the +7 letter waits, through the deadline's last day, and comes the day after.
      {d(2026, 3, 2), d(2026, 3, 8), -1, true, d(2026, 3, 16)},
      {d(2026, 3, 2), d(2026, 3, 16), -1, true, d(2026, 3, 16)},
      {d(2026, 3, 2), d(2026, 3, 17), 3, false, {}},
      // A reminder done late moves the deadline with it: 03-10 + 14 = 03-24.
      {d(2026, 3, 10), d(2026, 3, 24), -1, true, d(2026, 3, 24)},
      {d(2026, 3, 10), d(2026, 3, 25), 3, false, {}},
  };
  for (const Row& r : rows) {
    CAPTURE(to_iso(r.reminder_done));
    CAPTURE(to_iso(r.as_of));
    c.done = {{"N-1", 0, r.reminder_done}};
    const Worklist w = build_worklist(r.as_of, {c});
    if (r.step < 0) {
      CHECK(w.entries.empty());
    } else {
      REQUIRE(w.entries.size() == 1);
      CHECK(w.entries[0].lines[0].step_index == r.step);
    }
    REQUIRE(w.paused.size() == (r.awaiting ? 1u : 0u));
    if (r.awaiting) {
      CHECK(w.paused[0].reason == PauseReason::AwaitingDeadline);
      CHECK(w.paused[0].until == r.until);
      CHECK(std::string(to_string(w.paused[0].reason)) == "awaiting_deadline");
    }
  }

  // The letter gives its own, shorter deadline (10 days): done 03-17, the agency waits through 03-27.
  c.done = {{"N-1", 0, d(2026, 3, 2)}, {"N-1", 1, d(2026, 3, 6)}, {"N-1", 2, d(2026, 3, 17)}};
  const Worklist held = build_worklist(d(2026, 3, 27), {c});
  REQUIRE(held.paused.size() == 1);
  CHECK(held.paused[0].until == d(2026, 3, 27));
  const Worklist agency = build_worklist(d(2026, 3, 28), {c});
  REQUIRE(agency.entries.size() == 1);
  CHECK(agency.entries[0].step.action == StepAction::HandToAgency);
}

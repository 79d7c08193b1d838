// Recurring invoices: a template of lines billed to a customer on a fixed rhythm. Running the schedules "as
// of" a date drafts or issues every invoice that fell due up to that date, exactly once; an invoice for a
// customer on credit hold is drafted but not issued.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/date.h"
#include "invoicing/invoices.h"
#include "store/db.h"
#include "store/projector.h"

namespace duebook {

// How often a schedule bills.
enum class Frequency { Monthly, Quarterly, Yearly, EveryNDays };
const char* to_string(Frequency frequency);  // "monthly", "quarterly", "yearly", "days"
std::optional<Frequency> frequency_from(std::string_view text);

// What a user enters for a schedule.
struct ScheduleFields {
  int64_t customer_id = 0;                   // who is billed
  Frequency frequency = Frequency::Monthly;  // the rhythm
  int every_days = 0;                        // EveryNDays: the gap in days (1..3660); 0 otherwise
  Date start;                                // the first invoice date
  std::optional<Date> end;                   // no invoice is dated after it; none = open-ended
  bool issue = true;                         // issue the invoices (true) or leave them as drafts
  std::string series = "INV";                // number prefix of the invoices
  std::string terms;                         // payment terms; empty = the customer's
  std::string memo;                          // memo of every invoice
  std::vector<InvoiceLine> lines;            // template lines, at least one
};

// The date of occurrence `index` (0 = start). Months are counted from the start date, not chained, so a
// schedule starting on the 31st bills on the last day of shorter months and on the 31st again after them.
Date occurrence_date(const ScheduleFields& schedule, int64_t index);

// Adds a recurring invoice schedule.
struct AddSchedule {
  ScheduleFields fields;  // the schedule
};

// Stops a schedule (no further invoices; undo resumes it).
struct EndSchedule {
  int64_t id = 0;  // which schedule
};

// Drafts or issues every scheduled invoice dated up to `as_of` that has not been made yet. One a schedule
// would issue to a customer the credit-hold check refuses (collections.h) is left as a draft for a person to
// review; the label counts them, and the schedule moves on.
struct RunSchedules {
  Date as_of;  // the run date; nothing later is billed
};

// The projectors of the schedule events.
const std::vector<Projector>& schedule_projectors();

// Validate and plan each command (nothing is written).
Result<Plan> plan_command(Db& db, const AddSchedule& command);
Result<Plan> plan_command(Db& db, const EndSchedule& command);
Result<StreamPlan> stream_command(Db& db, const RunSchedules& command);

}  // namespace duebook

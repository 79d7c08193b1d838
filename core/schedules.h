// Recurring invoices: a template of lines billed to a customer on a fixed rhythm. Running the schedules "as of"
// a date drafts or issues every invoice that fell due up to that date, exactly once; an invoice for a customer on
// credit hold is drafted but not issued.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "date.h"
#include "invoices.h"

namespace duebook {

// How often a schedule bills.
enum class Frequency { Monthly, Quarterly, Yearly, EveryNDays };
const char* to_string(Frequency frequency);  // "monthly", "quarterly", "yearly", "days"
std::optional<Frequency> frequency_from(std::string_view text);

// What a user enters for a schedule.
struct ScheduleFields {
  int64_t customer_id = 0;                     // who is billed
  Frequency frequency = Frequency::Monthly;    // the rhythm
  int every_days = 0;                          // EveryNDays: the gap in days (1..3660); 0 otherwise
  Date start;                                  // the first invoice date
  std::optional<Date> end;                     // no invoice is dated after it; none = open-ended
  bool issue = true;                           // issue the invoices (true) or leave them as drafts
  std::string series = "INV";                  // number prefix of the invoices
  std::string terms;                           // payment terms; empty = the customer's
  std::string memo;                            // memo of every invoice
  std::vector<InvoiceLine> lines;              // template lines, at least one
};

// The date of occurrence `index` (0 = start). Months are counted from the start date, not chained, so a
// schedule starting on the 31st bills on the last day of shorter months and on the 31st again after them.
Date occurrence_date(const ScheduleFields& schedule, int64_t index);

}  // namespace duebook

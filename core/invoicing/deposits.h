// Down payments: terms that ask for part of an invoice up front ("30% deposit, Net 30"). The deposit falls
// due on the invoice date (on receipt), the balance on the terms' due date; whatever reduces the invoice
// (payments, credit notes, write-offs) settles the deposit first.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "base/date.h"

namespace duebook {

// One part of what an invoice asks for, with its own due date.
struct DuePart {
  bool deposit = false;  // the deposit (due on receipt), else the balance (or the whole invoice)
  Date due;              // the day it falls due
  int64_t amount = 0;    // what it asks for, minor units
  int64_t open = 0;      // what is still open of it
};

// The deposit an invoice of `total` on `terms` asks for: deposit_amount of the parsed terms (rounded
// half-up), at most the total. 0 when the terms ask none or do not parse, or the total is not positive.
int64_t invoice_deposit(std::string_view terms, int64_t total);

// The parts of an invoice: with a deposit (> 0), the deposit due on `issue_date`, then the balance (when any)
// due on `due_date`; without one, the whole invoice due on `due_date`. `open` is what is open on the whole
// invoice (total − what reduced it); reductions settle the deposit first, so the deposit's open part is
// clamp(deposit − (total − open), 0, open). A void or settled invoice (open 0) has parts with nothing open.
std::vector<DuePart> due_parts(int64_t total, int64_t deposit, int64_t open, const Date& issue_date,
                               const Date& due_date);

// What of an invoice is overdue on `as_of`: the open amount of its parts due before that day, and the due
// date of the earliest such part still open (nullopt when nothing is overdue).
struct OverduePart {
  int64_t amount = 0;         // overdue, minor units
  std::optional<Date> since;  // the earliest overdue part's due date
};
OverduePart overdue_on(const std::vector<DuePart>& parts, const Date& as_of);

}  // namespace duebook

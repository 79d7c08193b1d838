// The receivables ledger as an aging reads it: the issued invoices, what reduced them and the customers'
// unapplied credit, as flat vectors of small dated records (the shape one SQL query per vector yields
// cheaply), plus an optional index of which invoices were open on a day. Pure: no database, no clock.
//
// It feeds the aging (aging.h), the cash forecast (forecast.h) and the snapshot's measures (ar_measures.h),
// each as of any day, past or present.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <vector>

#include "base/date.h"
#include "base/result.h"

namespace duebook {

// ---------------------------------------------------------------------------------------------
// Input: the receivables ledger as flat rows. Days are int32 day numbers, days_from_civil(date).

// "No such day": an invoice that has no due date, is not settled, or is not voided.
inline constexpr int32_t kNoDay = std::numeric_limits<int32_t>::min();

// The day number of a civil date, as stored in the records below.
inline int32_t day_number(const Date& date) {
  return static_cast<int32_t>(days_from_civil(date));
}

// One issued invoice. 32 bytes, no pointers: a million of them is one 32 MB block.
struct ArInvoice {
  int32_t customer = 0;          // dense customer index, 0..ArLedger::customer_count-1
  int32_t currency = 0;          // dense currency index, 0..ArLedger::currency_count-1
  int32_t issued_day = 0;        // issue date; the invoice does not exist before it
  int32_t due_day = kNoDay;      // due date; kNoDay when it has none: it is then due on its issue date
  int32_t settled_day = kNoDay;  // the day its open amount last reached 0 and stayed there; kNoDay if open
  int32_t voided_day = kNoDay;   // the day it was voided; kNoDay if never
  int64_t total = 0;             // amount invoiced, minor units of its currency (the gross, BT-112)
};

// The day an invoice left the receivables: settled or voided, the earlier; INT32_MAX while it has done
// neither. Inline: the aging's full pass calls it once per invoice.
inline int32_t closed_day(const ArInvoice& inv) {
  int32_t closed = std::numeric_limits<int32_t>::max();
  if (inv.settled_day != kNoDay) closed = std::min(closed, inv.settled_day);
  if (inv.voided_day != kNoDay) closed = std::min(closed, inv.voided_day);
  return closed;
}

// What took an amount off an invoice.
enum class ReductionKind : uint8_t {
  Payment,     // a payment (or part of one) allocated to the invoice
  CreditNote,  // a credit note applied to the invoice
  WriteOff,    // written off as bad debt or a small difference
};

// One dated reduction of an invoice's open amount. ArLedger::reductions is sorted by `invoice`.
struct ArReduction {
  int32_t invoice = 0;  // index of the invoice in ArLedger::invoices
  int32_t day = 0;      // the day it took effect (allocation date, credit date, write-off date)
  int64_t amount = 0;   // minor units taken off; negative for a reversal (a bounced payment)
  ReductionKind kind = ReductionKind::Payment;  // payment, credit note or write-off
};

// One dated movement of a customer's unapplied credit: money or credit the customer has with us that
// is not (yet) allocated to an invoice. Unsorted.
struct ArCreditMovement {
  int32_t customer = 0;  // dense customer index
  int32_t currency = 0;  // dense currency index
  int32_t day = 0;       // the day it took effect
  int64_t amount = 0;    // + payment received / credit note issued; − allocated, refunded or reversed
};

// The receivables ledger as plain rows, every row dated, nothing netted in advance: that is what lets
// one ledger answer "as of" any day. SQL that yields it, one query per vector:
//   invoices:   SELECT customer_idx, currency_idx, issue_day, due_day, settled_day, voided_day, total
//               FROM issued invoices ORDER BY id   (drafts are not receivables; the row number is
//               the invoice index; a voided invoice stays, with its void day)
//   reductions: payment allocations UNION ALL applied credit notes UNION ALL write-offs (and their
//               reversals, negative), joined to that row number, ORDER BY invoice index
//   credits:    payments received (+) UNION ALL their allocations (−), customer credit notes (+) UNION
//               ALL their applications (−), refunds (−). An allocation therefore appears twice, on
//               purpose: it reduces the invoice and it uses up the customer's credit.
// Which invoices were open on a day, without reading the others: the invoices grouped by issue period
// (kOpenIndexPeriodDays days each), each period's sorted by the day it closed (settled or voided, the
// earlier; never-closed first) from the latest down. An aging as of day D reads, in each period issued by
// D, only the prefix that closed after D: the invoices open on D and a few issued later in D's own period.
// A million invoices of which a tenth are open cost a tenth of the full pass. 12 bytes per invoice. The
// credit movements are kept netted by day, so that an aging reads one short prefix of them.
inline constexpr int32_t kOpenIndexPeriodDays = 32;
struct ArOpenIndexEntry {
  int32_t closed_day = 0;  // min(settled_day, voided_day), INT32_MAX when neither
  int32_t invoice = 0;     // index in ArLedger::invoices
};
struct ArOpenIndex {
  std::size_t invoice_count = 0;          // the invoices it was built for; an index of another size is unused
  std::size_t reduction_count = 0;        // the reductions it was built for
  std::size_t credit_count = 0;           // the credit movements it was built for
  int32_t first_day = 0;                  // the first period starts on this day (the earliest issue day)
  std::vector<uint32_t> period_start;     // period p holds entries[period_start[p] .. period_start[p + 1])
  std::vector<ArOpenIndexEntry> entries;  // per period, by closed_day descending
  std::vector<uint32_t> reduction_start;  // invoice i's reductions are reductions[reduction_start[i] ..
                                          // reduction_start[i + 1])
  std::vector<ArCreditMovement> credits;  // the credit movements netted per (customer, currency, day), the
                                          // zero nets left out (a payment allocated the day it came), by day
};

// A down payment an invoice asks for on its issue day (invoicing/deposits.h): that much of it falls due then,
// the rest on its due day; reductions settle the deposit first. Few invoices have one, so they are listed
// apart rather than widening every ArInvoice.
struct ArDeposit {
  int32_t invoice = 0;  // index in ArLedger::invoices
  int64_t amount = 0;   // the deposit, > 0, at most the invoice's total
};

struct ArLedger {
  int32_t customer_count = 0;             // customer indices are 0..customer_count-1
  int32_t currency_count = 0;             // currency indices are 0..currency_count-1
  std::vector<ArInvoice> invoices;        // every issued invoice, voided ones included, in any order
  std::vector<ArReduction> reductions;    // every reduction of every invoice, sorted by invoice index
  std::vector<ArCreditMovement> credits;  // every unapplied-credit movement, in any order
  std::vector<ArDeposit> deposits;        // the invoices with a down payment, sorted by invoice index
  ArOpenIndex open_index;                 // optional (build_open_index); build it again after any change to
                                          // invoices or reductions: a stale one of the same size is wrong
};

// Builds ledger.open_index from its invoices and reductions (which must pass check_ar_ledger). Linear
// plus a sort of each period's invoices: about one aging pass's time, repaid by the second aging.
void build_open_index(ArLedger& ledger);

// Checks the shape of a ledger: indices in range, reductions sorted by invoice, settled/voided days
// not before the issue day. One linear pass. Problems name the row ("reductions[12].invoice"); the
// functions below assume a ledger that passes (they assert or skip what they cannot use).
Status check_ar_ledger(const ArLedger& ledger);

// The down payment invoice `invoice` (an index in ledger.invoices) asks for: its ArLedger::deposits entry,
// found by binary search (the list is sorted by invoice); 0 when it asks none.
int64_t deposit_of(const ArLedger& ledger, int32_t invoice);

}  // namespace duebook

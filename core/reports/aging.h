// Accounts-receivable aging as of any day, past or present: how much each customer owes, split into
// buckets by days past due, one section per currency, with the unapplied credit beside it. Pure: the
// ledger's rows come in as flat vectors of small records (the shape one SQL query per vector yields
// cheaply), a report comes out. No database, no clock, no per-invoice allocation in the hot loop.
//
// The input, the receivables ledger (ArLedger), lives in ar_ledger.h: it feeds the cash forecast (forecast.h)
// too, which reads it as of a past day. The report is written out as JSON, a table or CSV by aging_writers.h.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "base/date.h"
#include "base/money.h"
#include "base/result.h"
#include "reports/ar_ledger.h"

namespace duebook {

// ---------------------------------------------------------------------------------------------
// Options

// Which day an invoice's age is counted from.
enum class AgingBasis {
  DueDate,      // days past due = as-of − due date (an invoice without one: − its issue date)
  InvoiceDate,  // days since issue = as-of − issue date
};

// "due_date" or "invoice_date", as in the JSON report.
const char* to_string(AgingBasis basis);

// The bucket layout. Bucket i holds ages in (upper_limits[i-1], upper_limits[i]]; the first bucket has
// no lower limit (with the default layout it holds everything not yet due), the last has no upper limit.
struct AgingBuckets {
  std::vector<int32_t> upper_limits;  // strictly increasing inclusive upper ends of all but the last bucket
  std::vector<std::string> names;     // one per bucket: upper_limits.size() + 1 names
};

// current (≤ 0 days past due), 1-30, 31-60, 61-90, 90+ (91 and more): the usual A/R aging layout,
// e.g. QuickBooks' A/R Aging Summary ("Current, 1-30, 31-60, 61-90, 91 and over", days past the due
// date; "an amount in the 31-60 column is between 31 and 60 days overdue").
AgingBuckets default_aging_buckets();

// Buckets from upper limits alone, named "current" (when the first limit is 0) or "≤N", then "A-B",
// and "N+" for the last: {0, 30, 60, 90} is the default layout, {30, 60} gives "≤30", "31-60", "60+".
// Fails (where "buckets") when the limits are empty or not strictly increasing.
Result<AgingBuckets> aging_buckets_from_limits(const std::vector<int32_t>& upper_limits);

// How to age.
struct AgingOptions {
  Date as_of;                                      // the report's day; everything dated later is ignored
  AgingBasis basis = AgingBasis::DueDate;          // what the age counts from
  AgingBuckets buckets = default_aging_buckets();  // the bucket layout
  bool collect_invoices = true;                    // build the drill-down lists (one array write per invoice,
                                                   // then a counting sort of the open ones)
};

// ---------------------------------------------------------------------------------------------
// The report

// One (customer, currency) line of the report.
struct AgingRow {
  int32_t customer = 0;          // dense customer index
  int32_t currency = 0;          // dense currency index
  int64_t total = 0;             // sum of its buckets: the open amount as of the day
  int64_t unapplied_credit = 0;  // net unapplied credit as of the day (positive: the customer has credit)
  int32_t open_invoices = 0;     // invoices with an open amount behind its buckets
};

// The totals of one currency.
struct AgingCurrencyTotal {
  std::vector<int64_t> buckets;  // sum per bucket over all its rows
  int64_t total = 0;             // sum of the buckets
  int64_t unapplied_credit = 0;  // sum of the rows' unapplied credit
};

// One invoice behind a drill-down cell.
struct AgingItem {
  int32_t invoice = 0;  // index in ArLedger::invoices
  int64_t open = 0;     // its open amount as of the report's day (not today's); of an invoice aged in two
                        // parts (a down payment), the part in this cell
  int32_t age = 0;      // its days past due (or since issue) as of the report's day
};

// An aging as of one day. Rows by customer index, then currency index: one per (customer, currency) with an
// open invoice or unapplied credit on the day; find_row() looks one up.
struct AgingReport {
  Date as_of;                                  // the report's day
  AgingBasis basis = AgingBasis::DueDate;      // what ages count from
  AgingBuckets buckets;                        // the layout used
  std::vector<AgingRow> rows;                  // one per (customer, currency) with anything dated by as_of
  std::vector<int64_t> amounts;                // rows.size() × bucket count, row-major
  std::vector<AgingCurrencyTotal> totals;      // indexed by currency index (currency_count entries)
  std::vector<int32_t> first_row_of_customer;  // per customer: its first row, or -1
  std::vector<int32_t> next_row_of_customer;   // per row: the same customer's next row, or -1
  std::vector<uint32_t> cell_start;            // drill-down: cell c (row × buckets + bucket) holds
                                               // cell_invoices[cell_start[c] .. cell_start[c + 1])
  std::vector<int32_t> cell_invoices;          // drill-down: invoice indices grouped by cell, ledger order

  // Number of buckets.
  int bucket_count() const { return static_cast<int>(buckets.names.size()); }
  // The amount in one cell; row and bucket must be in range (asserts).
  int64_t amount(int32_t row, int bucket) const;
  // The row of (customer, currency), or -1 when the report has none. Customer must be in range.
  int32_t find_row(int32_t customer, int32_t currency) const;
};

// Ages the ledger as of options.as_of in one linear pass over invoices and reductions (or, when the
// ledger has an open_index of its size, over only the invoices that index finds open on the day), plus
// one over credit movements (and a counting sort for the drill-down when collect_invoices is set). Both
// ways give the same report, rows in the same order:
//  - invoices issued after as_of, voided on or before it, or settled on or before it are left out
//    (a settled one without reading its reductions);
//  - open = total − the reductions dated on or before as_of; invoices with open = 0 are left out;
//    an overpaid invoice (open < 0) is kept, as a negative amount, so the report adds up to the ledger;
//  - age = as_of − due day (issue day when it has none, or with basis InvoiceDate); the bucket is the
//    first whose upper limit is ≥ age, else the last;
//  - an invoice with a down payment (ArLedger::deposits) still partly open on the day is, by due date, aged
//    in two parts: the deposit's open part from the issue day (it is due on receipt), the rest from the
//    due day (reductions settle the deposit first); it then counts once among the open invoices but may
//    sit in two cells of the drill-down;
//  - unapplied credit = sum of credit movements dated on or before as_of, per customer and currency.
// A historical aging therefore equals what the same call said on that day, provided the ledger's
// records are append-only (voids and reversals are new dated rows, not edits).
// Fails, computing nothing, when the buckets are invalid (where "buckets") or a sum overflows int64
// (where "amount"). The ledger must pass check_ar_ledger (asserts on indices out of range).
Result<AgingReport> compute_aging(const ArLedger& ledger, const AgingOptions& options);

// The invoices behind one cell, in ledger order, with their open amount and age as of the report's
// day (worked out again from `ledger`, which must be the one the report was computed from). Empty
// when the cell is empty, the row is -1, or the report was computed without collect_invoices.
std::vector<AgingItem> aging_cell_items(const ArLedger& ledger, const AgingReport& report, int32_t row,
                                        int bucket);

}  // namespace duebook

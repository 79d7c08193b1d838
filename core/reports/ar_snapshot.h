// The receivables ledger read out of the projection tables into the flat rows of aging.h (ArLedger), with
// the labels a report needs and the way back from dense indices to ids. One set-based query per kind of
// row, each a single scan in rowid order through a prepared statement; ids become dense indices through
// vectors indexed by id, never a map, and dates are parsed from the text in place. No per-row lookups.
//
// Exact as of any past day. What the projections keep flagged instead of dated is read like this:
//  - a voided invoice keeps its rows: everything applied to it when it was voided stays a reduction on
//    its own day (the invoice leaves every aging from its void day on); the payments and credit notes the
//    void handed back return to the customer's unapplied credit on the later of the allocation day and
//    the void day; its write-offs end with it;
//  - an allocation, write-off, payment, credit note or refund retracted by Undo never happened: it is
//    left out (an undone issue or import is a void on the issue day, so that invoice never shows);
//  - a removed allocation or reversed write-off on a voided invoice may be either; the event log says
//    which (the last removal's action kind), read only for such rows, from the invoice's first event on.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "reports/aging.h"
#include "reports/aging_writers.h"
#include "store/db.h"

namespace duebook {

// What to read.
struct ArSnapshotOptions {
  int64_t customer_id = 0;  // 0 = every customer; else only this customer's rows (its statement, its aging)
  bool invoice_numbers = true;  // also read every invoice's number (into one packed buffer)
};

// The receivables ledger with its labels and indices.
struct ArSnapshot {
  ArLedger ledger;                      // the rows, as aging.h and forecast.h take them
  AgingLabels labels;                   // customer names and currencies by dense index
  std::vector<int64_t> customer_ids;    // customer index -> customer id, ascending
  std::vector<int32_t> customer_index;  // customer id -> customer index, -1 when not loaded
  std::vector<int64_t> invoice_ids;     // invoice index -> invoice id, ascending
  std::string number_text;              // every loaded invoice number, back to back
  std::vector<uint32_t> number_end;     // invoice index -> end of its number in number_text

  // The index of invoice `id`, or -1 when it is not in the snapshot (a draft, another customer's).
  int32_t invoice_index(int64_t id) const;
  // The number of invoice `index` (in range, asserts); "" when numbers were not loaded.
  std::string_view invoice_number(int32_t index) const;
  // The index of customer `id`, or -1 when it is not in the snapshot.
  int32_t customer_index_of(int64_t id) const;
  // The index of currency `code`, or -1 when nothing in the snapshot is in it.
  int32_t currency_index(std::string_view code) const;
};

// Reads the snapshot. Every issued invoice (voided ones included, drafts left out) in id order; every
// reduction sorted by invoice index, then by how the projection stores them (allocations by id, then
// write-offs by id); every unapplied-credit movement (payments and credit notes received, allocations,
// credit handed back by voids, refunds). The result passes check_ar_ledger.
// Fails, returning nothing, when a stored date is not an ISO date or a row names a customer or invoice
// that is not there (where "table[id].column": the projections are damaged; rebuild them), or when
// `options.customer_id` names no customer (where "customer_id"). Reads only: the ledger is unchanged.
Result<ArSnapshot> load_ar_snapshot(Db& db, const ArSnapshotOptions& options = {});

// The day number of an ISO date "YYYY-MM-DD" as stored in the projections, or kNoDay when `text` is not
// one. No allocation.
int32_t stored_day(std::string_view text);

}  // namespace duebook

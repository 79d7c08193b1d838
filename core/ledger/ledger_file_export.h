// Writing a ledger, or a self-consistent part of it, as a Duebook ledger file (files/ledger_file.h).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/date.h"
#include "base/result.h"
#include "files/ledger_file.h"
#include "ledger/ledger.h"

namespace duebook {

// Which part of a ledger to write; empty: the whole ledger.
struct LedgerSelection {
  std::optional<int64_t> customer;    // one customer's history (its id)
  std::vector<std::string> invoices;  // these invoices' histories, by number
  std::optional<Date> from;           // events recorded on or after this day (UTC), with what they need
  std::optional<Date> to;             // events recorded on or before this day (UTC)
  // Whether nothing narrows the selection.
  bool whole() const { return !customer && invoices.empty() && !from && !to; }
};

// Builds the ledger file of `ledger` (or of the part `selection` names), written by `program_version`.
// A part holds the events the selection names and every earlier event that made or changed a row they name
// (a customer's creation, its invoices, the payments allocated to them), never another customer's own
// events; a bulk event (an import) is carried whole. The part is replayed into a scratch ledger before it is
// returned: a problem names the event that would not apply, and an unknown customer or invoice number is a
// problem on --customer / --invoice. Reads the ledger only.
Result<LedgerFile> export_ledger_file(Ledger& ledger, const LedgerSelection& selection,
                                      const std::string& program_version);

// The id every copy of `db`'s ledger shares: the id of its first event ("" while the log is empty).
std::string ledger_id(Db& db);

}  // namespace duebook

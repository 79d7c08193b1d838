// Tamper evidence beyond the hash chain: the projections compared with a fresh replay of the event log, and
// the chain's head as an anchor a user notes down and checks later (a deletion of the last events keeps the
// chain intact, but not the anchor).
#pragma once

#include <cstdint>
#include <string>

#include "base/result.h"
#include "ledger/ledger.h"

namespace duebook {

// The outcome of comparing the projections with a replay of the log.
struct ProjectionCheck {
  int64_t tables = 0;           // projection tables compared
  std::string first_bad;        // the first table that differs ("" when every table matches)
  int64_t missing_rows = 0;     // rows the replay has and the file lacks or holds changed, in first_bad
  int64_t unexpected_rows = 0;  // rows the file has that the replay does not make, in first_bad
};

// Replays `ledger`'s event log into a private scratch database (a temporary file, so a large ledger is not
// held in memory) and compares every projection table with the ledger's, row by row. Reads the ledger only; a
// problem when the scratch database cannot be made or the log does not replay (an unknown event type, a
// payload that is not JSON).
Result<ProjectionCheck> check_projections(Ledger& ledger);

// Checks an anchor noted earlier: the event it names is still there with that hash. A problem naming the
// anchor when the log was cut below it or the event changed; a malformed anchor is a problem on "--anchor".
Status check_anchor(Db& db, const std::string& anchor);

}  // namespace duebook

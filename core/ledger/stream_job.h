// Streamed commands: those too large (an import) or too chained (a schedule run) to plan up front, run as one
// action by Ledger::execute or a slice at a time by a StreamJob.
#pragma once

#include <cstdint>
#include <memory>

#include "base/result.h"
#include "ledger/commands.h"
#include "ledger/ledger.h"
#include "store/db.h"
#include "store/projector.h"

namespace duebook {

// Whether `command` is streamed (kIsStreamed).
bool is_streamed(const Command& command);

// The StreamPlan of a streamed command; a problem for any other command.
Result<StreamPlan> plan_stream(Db& db, const Command& command);

// The seq of the ledger's last event (0 when none). Events are only ever appended, so while it stays the same
// the ledger is the same: a plan checked before the write lock still holds under it.
int64_t last_seq(Db& db);

// A streamed command (an import) run a slice at a time, so that a browser tab draws between slices. It first
// checks its whole input, a slice at a time, without the write lock (other programs may go on writing);
// then takes the write lock, planning again if the ledger changed meanwhile, and writes a slice at a time.
// From start to end the ledger refuses every other change. While the input is checked, queries on
// Ledger::db() see the ledger as it was when the job started (the check's read transaction); while it is
// written, they see the rows written so far. Dropping an unfinished job rolls everything back. The ledger
// must outlive it.
class StreamJob {
 public:
  ~StreamJob();
  StreamJob(const StreamJob&) = delete;
  StreamJob& operator=(const StreamJob&) = delete;
  // Reads up to `rows` more input rows. True once the command is committed (outcome() says what was done);
  // false while there is more; problems when the command was refused (everything is rolled back and the job
  // is finished). Must not be called once finished.
  Result<bool> step(int64_t rows);
  // How much of the input is done, 0 to 1.
  double progress() const;
  // Whether the job committed or was refused.
  bool finished() const { return parts_ == nullptr; }
  // What was done, once committed.
  const ActionOutcome& outcome() const { return outcome_; }

 private:
  friend class Ledger;
  struct Parts;  // the write scope, the transaction, the plan and its event writer (stream_job.cpp)
  // Plans `command` on `ledger` (problems when it is refused before its first row, or is not streamed).
  static Result<std::unique_ptr<StreamJob>> begin(Ledger& ledger, Command command);
  StreamJob(Ledger& ledger, std::unique_ptr<Parts> parts);
  Status lock();  // takes the write lock, planning again if the ledger changed since the plan was made
  void end();     // rolls back what is not committed and lets the ledger take other changes again
  Ledger& ledger_;
  std::unique_ptr<Parts> parts_;
  ActionOutcome outcome_;
};

}  // namespace duebook

// The ledger: one SQLite database holding the event log and the projections built from it.
// Every change goes through execute(): validate, append events, update projections, all in one transaction.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <vector>

#include "base/result.h"
#include "ledger/commands.h"
#include "store/db.h"
#include "store/events.h"
#include "store/projector.h"

namespace duebook {

// What the ledger needs from its host: time and identity are inputs, never read inside core.
struct LedgerEnv {
  std::function<int64_t()> now_ms;  // Unix milliseconds, for event timestamps
  std::string actor = "user";       // recorded on every event
  uint64_t seed = 0;                // entropy for event ids (ULIDs)
  bool wal = true;             // write-ahead log (desktop); the browser's in-memory file system wants false
  int busy_timeout_ms = 5000;  // how long a command waits for another program's write lock before failing
  // The SQLite page size of a ledger this open creates (a power of two, 512-65536); 0 keeps SQLite's default.
  // An existing file keeps its own. The browser makes small pages: its writes are page by page.
  int page_size = 0;
};

// The outcome of an accepted action.
struct ActionOutcome {
  int64_t action = 0;              // the action's id in the history
  std::string label;               // what was done
  int64_t first_seq = 0;           // its first event
  int64_t last_seq = 0;            // its last event
  int64_t created_id = 0;          // the id of the record it created, if any
  std::vector<std::string> notes;  // what the user should know about what was done (warnings)
};

// The projector of event `type` among every domain's, or null when no domain knows it.
const Projector* find_projector(std::string_view type);

class StreamJob;  // ledger/stream_job.h

class Ledger {
 public:
  // Opens the ledger at `path` as `mode` says and, unless read-only, migrates it. Only OpenMode::Create makes
  // a new ledger (of a missing or empty file); the other modes refuse a missing or empty file, naming the
  // path. ReadOnly opens the file SQLITE_OPEN_READONLY and refuses a ledger whose schema would need
  // migrating. Fails, changing nothing (not even the journal mode), when the file is not a Duebook ledger, is
  // newer than this build, or cannot be opened.
  static Result<std::unique_ptr<Ledger>> open(const std::string& path, LedgerEnv env,
                                              OpenMode mode = OpenMode::Create);

  // Validates `command`; if accepted, appends its events and updates projections in one transaction.
  // If rejected, returns its problems and nothing is written. A streamed command that reads a file (an
  // import) reads and checks all of it before taking the write lock: a refused file never waits for it.
  Result<ActionOutcome> execute(const Command& command);

  // Starts a streamed command that can go a slice at a time (ImportInvoices, ImportPayments); its checks
  // before the first row (a file imported before, an unknown currency) refuse it at once, writing nothing.
  // The job checks the whole input before it takes the write lock (StreamJob).
  // Problems, too, for a command that has no slices, or while another job is running.
  // The job keeps `command` (an import's text) until it ends.
  Result<std::unique_ptr<StreamJob>> start(Command command);
  // Whether a StreamJob is under way (then execute, undo, redo and rebuild are refused).
  bool busy() const { return job_ != nullptr; }

  // Reverses the most recent action not yet undone by appending compensating events. Problem if none.
  Result<ActionOutcome> undo();
  // Re-applies the most recently undone action, if nothing new was done since. Problem if none.
  Result<ActionOutcome> redo();
  // Labels of what undo / redo would do now (empty when unavailable).
  std::string undo_label();
  std::string redo_label();

  // Empties every projection table (creating again any the file has lost) and replays the whole log into it,
  // in one transaction.
  Status rebuild();
  // Re-hashes the chain.
  ChainCheck verify() { return verify_chain(*db_); }

  // Bumped after every committed change, so views know to re-query.
  int64_t revision() const { return revision_; }
  // Tells the ledger that its file was changed from outside between transactions (a read-only browser tab
  // loading what the writing tab saved): bumps the revision, so views re-query, without running the commit
  // hook. SQLite itself sees the change by the file's change counter at its next read.
  void changed_outside() { ++revision_; }
  // Called after each commit (the browser persists its storage there).
  void set_on_commit(std::function<void()> hook) { on_commit_ = std::move(hook); }

  // The connection for queries. Read-only: every write through it fails (Db::set_writable); only execute,
  // undo, redo and rebuild write, inside their own transaction, so the projections always follow the event
  // log.
  Db& db() { return *db_; }

 private:
  friend class ActionWriter;      // appends the events of one action (ledger.cpp)
  friend class StreamJob;         // commits through notify() and clears job_
  friend class LedgerFileOpener;  // adopts the events of a ledger file (ledger_file_open.cpp)
  Ledger(std::unique_ptr<Db> db, LedgerEnv env) : db_(std::move(db)), env_(std::move(env)) {}
  Result<ActionOutcome> commit(const Plan& plan, ActionKind kind, int64_t target);
  Result<ActionOutcome> write_stream(StreamPlan& plan);  // runs a streamed plan into one action
  Result<ActionOutcome> reverse_action(int64_t id, const std::string& label, ActionKind kind);
  void notify();  // after the outermost commit: bump the revision, run the hook
  std::unique_ptr<Db> db_;
  LedgerEnv env_;
  int64_t revision_ = 0;
  uint64_t rng_state_ = 0;
  std::function<void()> on_commit_;
  StreamJob* job_ = nullptr;  // the job under way, if any
};

}  // namespace duebook

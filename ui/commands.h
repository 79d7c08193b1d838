// The way a window changes the ledger: it queues a command while drawing, and the app runs the queue after
// the frame. The outcome (problems or success) comes back to the window's own sink on the next frame.
#pragma once

#include <memory>
#include <optional>
#include <vector>

#include "base/result.h"
#include "ledger/commands.h"
#include "ledger/ledger.h"
#include "ledger/ledger_file_open.h"
#include "ledger/stream_job.h"

namespace duebook::ui {

// Where a window receives the result of what it submitted.
struct CommandSink {
  Problems problems;                     // why the last command was rejected (empty if accepted)
  std::optional<ActionOutcome> outcome;  // set when the last command was accepted
  int64_t completed = 0;                 // bumps each time a result arrives
  // The message for one field ("" when it has none).
  std::string problem_for(std::string_view field) const;
};

// Where the ledger-file window receives what opening a file did, or would do.
struct LedgerFileSink {
  Problems problems;                         // why the file could not be opened (empty if it could)
  std::optional<LedgerFileOutcome> outcome;  // what it did, or for a dry run would do
  bool dry_run = false;                      // the outcome is a dry run's
  int64_t completed = 0;                     // bumps each time a result arrives
};

// Opening a ledger file (already read and checked) into the ledger, as the user decided.
struct LedgerFileRun {
  std::shared_ptr<const LedgerFile> file;  // the file
  ConflictDecisions decisions;             // how to decide its conflicts (Ask: list them, write nothing)
  bool dry_run = true;                     // only say what it would do
  LedgerFileSink* sink = nullptr;          // owned by the window state, which outlives the queue
};

class Commands {
 public:
  void submit(Command command, CommandSink* sink) { queue_.push_back({std::move(command), sink}); }
  void undo() { undo_ = true; }
  // Fills the (empty) ledger with the demo business as of `today` after the frame (ledger/demo_ledger.h).
  void fill_demo(const Date& today) { demo_ = today; }
  void redo() { redo_ = true; }
  // Opens a ledger file into the ledger after the frame (ledger/ledger_file_open.h), in one transaction.
  void open_ledger_file(LedgerFileRun run) { ledger_file_ = std::move(run); }
  // Starts `command` (an import) after the frame as a StreamJob; each run() then takes it a slice further for
  // about `slice_ms`, so that the frame stays short. The outcome comes to `sink` when it ends.
  void start_import(Command command, CommandSink* sink) { import_start_ = Pending{std::move(command), sink}; }
  // Abandons the import under way (nothing of it is kept); its sink hears "cancelled".
  void cancel_import() { cancel_ = true; }
  // The share of the import under way that is done (0..1); nullopt when none runs.
  std::optional<double> import_progress() const;
  // Runs what was queued, in order, and reports to each sink; steps the import. Returns true when anything
  // ran (an import under way always asks for another frame).
  bool run(Ledger& ledger, std::string* status_message);
  // Runs nothing: each queued command is rejected with `reason` (the ledger may not be written here).
  // Returns true when anything was queued.
  bool refuse(const std::string& reason, std::string* status_message);
  // How long one frame's slice of an import runs: short enough for 60 frames a second with drawing.
  static constexpr double slice_ms = 8.0;

 private:
  struct Pending {
    Command command;    // what to run
    CommandSink* sink;  // owned by the window state, which outlives the queue
  };
  bool step_import(std::string* status_message);  // one frame's slice; true while it goes on
  std::vector<Pending> queue_;
  std::optional<Pending> import_start_;  // an import to start after the frame
  std::unique_ptr<StreamJob> job_;       // the import under way
  CommandSink* job_sink_ = nullptr;      // where its outcome goes
  int64_t rows_per_step_ = 64;           // rows a step reads, grown while steps stay quick
  bool cancel_ = false;
  bool undo_ = false;
  bool redo_ = false;
  std::optional<Date> demo_;                  // the day to make the demo for, when asked
  std::optional<LedgerFileRun> ledger_file_;  // a ledger file to open, when asked
};

}  // namespace duebook::ui

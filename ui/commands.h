// The way a window changes the ledger: it queues a command while drawing, and the app runs the queue after
// the frame. The outcome (problems or success) comes back to the window's own sink on the next frame.
#pragma once

#include <optional>
#include <vector>

#include "base/result.h"
#include "ledger/commands.h"
#include "ledger/ledger.h"

namespace duebook::ui {

// Where a window receives the result of what it submitted.
struct CommandSink {
  Problems problems;                     // why the last command was rejected (empty if accepted)
  std::optional<ActionOutcome> outcome;  // set when the last command was accepted
  int64_t completed = 0;                 // bumps each time a result arrives
  // The message for one field ("" when it has none).
  std::string problem_for(std::string_view field) const;
};

class Commands {
 public:
  void submit(Command command, CommandSink* sink) { queue_.push_back({std::move(command), sink}); }
  void undo() { undo_ = true; }
  void redo() { redo_ = true; }
  // Runs what was queued, in order, and reports to each sink. Returns true when anything ran.
  bool run(Ledger& ledger, std::string* status_message);
  // Runs nothing: each queued command is rejected with `reason` (the ledger may not be written here).
  // Returns true when anything was queued.
  bool refuse(const std::string& reason, std::string* status_message);

 private:
  struct Pending {
    Command command;    // what to run
    CommandSink* sink;  // owned by the window state, which outlives the queue
  };
  std::vector<Pending> queue_;
  bool undo_ = false;
  bool redo_ = false;
};

}  // namespace duebook::ui

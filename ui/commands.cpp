#include "commands.h"

namespace duebook::ui {

std::string CommandSink::problem_for(std::string_view field) const {
  for (const Problem& p : problems)
    if (p.where == field) return p.message;
  return {};
}

bool Commands::run(Ledger& ledger, std::string* status_message) {
  bool ran = !queue_.empty() || undo_ || redo_;
  for (Pending& p : queue_) {
    Result<ActionOutcome> r = ledger.execute(p.command);
    p.sink->problems = r ? Problems{} : r.problems();
    p.sink->outcome = r ? std::optional<ActionOutcome>(r.value()) : std::nullopt;
    ++p.sink->completed;
    if (r) *status_message = r->label;
  }
  queue_.clear();
  for (bool* flag : {&undo_, &redo_}) {
    if (!*flag) continue;
    *flag = false;
    Result<ActionOutcome> r = flag == &undo_ ? ledger.undo() : ledger.redo();
    *status_message = r ? r->label : describe(r.problems());
  }
  return ran;
}

bool Commands::refuse(const std::string& reason, std::string* status_message) {
  bool queued = !queue_.empty() || undo_ || redo_;
  for (Pending& p : queue_) {
    p.sink->problems = {Problem{"", reason}};
    p.sink->outcome = std::nullopt;
    ++p.sink->completed;
  }
  queue_.clear();
  undo_ = redo_ = false;
  if (queued) *status_message = reason;
  return queued;
}

}  // namespace duebook::ui

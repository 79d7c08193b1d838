#include "commands.h"

#include <chrono>
#include <utility>

#include "ledger/demo_ledger.h"

namespace duebook::ui {

std::string CommandSink::problem_for(std::string_view field) const {
  for (const Problem& p : problems)
    if (p.where == field) return p.message;
  return {};
}

std::optional<double> Commands::import_progress() const {
  if (!job_) return std::nullopt;
  return job_->progress();
}

bool Commands::step_import(std::string* status_message) {
  auto report = [&](Result<ActionOutcome> r) {
    job_sink_->problems = r ? Problems{} : r.problems();
    job_sink_->outcome = r ? std::optional<ActionOutcome>(r.value()) : std::nullopt;
    ++job_sink_->completed;
    // A refused file may have hundreds of problems: the import window lists them, the status bar counts them.
    const size_t n = r ? 0 : r.problems().size();
    *status_message =
        r        ? r->label
        : n == 1 ? describe(r.problems())
                 : "Nothing imported: " + std::to_string(n) + " problems, listed in the import window";
    job_.reset();
  };
  if (cancel_) {
    cancel_ = false;
    job_.reset();  // rolled back
    report(Problem{"", "import cancelled; nothing was imported"});
    return false;
  }
  using Clock = std::chrono::steady_clock;
  const Clock::time_point start = Clock::now();
  for (;;) {
    const Clock::time_point before = Clock::now();
    Result<bool> done = job_->step(rows_per_step_);
    if (!done) return report(done.problems()), false;
    if (done.value()) return report(job_->outcome()), false;
    const double step_ms = std::chrono::duration<double, std::milli>(Clock::now() - before).count();
    // Steps of about a millisecond: the budget is then kept to within one step.
    if (step_ms < 0.5 && rows_per_step_ < 4096) rows_per_step_ *= 2;
    if (step_ms > 2.0 && rows_per_step_ > 1) rows_per_step_ /= 2;
    if (std::chrono::duration<double, std::milli>(Clock::now() - start).count() >= slice_ms) return true;
  }
}

bool Commands::run(Ledger& ledger, std::string* status_message) {
  bool ran = !queue_.empty() || undo_ || redo_ || import_start_ || job_ || demo_ || ledger_file_;
  if (ledger_file_) {
    LedgerFileRun r = std::move(*std::exchange(ledger_file_, std::nullopt));
    Result<LedgerFileOutcome> done = ::duebook::open_ledger_file(ledger, *r.file, r.decisions, r.dry_run);
    r.sink->problems = done ? Problems{} : done.problems();
    r.sink->outcome = done ? std::optional<LedgerFileOutcome>(done.value()) : std::nullopt;
    r.sink->dry_run = r.dry_run;
    ++r.sink->completed;
    if (done && done->written)
      *status_message = "Opened the ledger file: " + std::to_string(done->added_events) + " events added";
  }
  if (demo_) {
    Result<DemoSummary> made = fill_demo_ledger(ledger, *std::exchange(demo_, std::nullopt));
    *status_message = made ? "Made the demo: " + std::to_string(made->customers) + " customers, " +
                                 std::to_string(made->invoices) + " invoices, " +
                                 std::to_string(made->payments) + " payments"
                           : describe(made.problems());
  }
  if (import_start_) {
    Pending p = std::move(*import_start_);
    import_start_.reset();
    Result<std::unique_ptr<StreamJob>> job = ledger.start(std::move(p.command));
    job_sink_ = p.sink;
    if (job) {
      job_ = std::move(job.value());
      rows_per_step_ = 64;
      cancel_ = false;
    } else {
      job_sink_->problems = job.problems();
      job_sink_->outcome = std::nullopt;
      ++job_sink_->completed;
      *status_message = describe(job.problems());
    }
  }
  if (job_) step_import(status_message);
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
  bool queued = !queue_.empty() || undo_ || redo_ || import_start_ || demo_ || ledger_file_;
  demo_.reset();
  if (ledger_file_) {
    ledger_file_->sink->problems = {Problem{"", reason}};
    ledger_file_->sink->outcome = std::nullopt;
    ++ledger_file_->sink->completed;
    ledger_file_.reset();
  }
  if (import_start_) {
    import_start_->sink->problems = {Problem{"", reason}};
    import_start_->sink->outcome = std::nullopt;
    ++import_start_->sink->completed;
    import_start_.reset();
  }
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

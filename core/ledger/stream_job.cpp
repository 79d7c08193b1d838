#include "ledger/stream_job.h"

#include <cassert>
#include <optional>

#include "collections/collections_charges.h"
#include "collections/collections_reply.h"
#include "files/invoice_import.h"
#include "files/payment_import.h"
#include "invoicing/schedules.h"
#include "ledger/action_writer.h"

namespace duebook {

bool is_streamed(const Command& command) {
  return std::visit([](const auto& c) { return kIsStreamed<std::decay_t<decltype(c)>>; }, command);
}

Result<StreamPlan> plan_stream(Db& db, const Command& command) {
  return std::visit(
      [&](const auto& c) -> Result<StreamPlan> {
        using T = std::decay_t<decltype(c)>;
        if constexpr (kIsStreamed<T>)
          return stream_command(db, c);
        else
          return Problem{"", "this command cannot run in slices"};
      },
      command);
}

int64_t last_seq(Db& db) {
  Statement& st = db.prepare("SELECT coalesce(max(seq), 0) FROM events");
  int64_t seq = st.step() ? st.int64(0) : 0;
  st.reset();
  return seq;
}

// Members in the order they must go: the writer and the plan (whose importer restores its settings inside the
// transaction) before the transaction rolls back, the write scope last.
struct StreamJob::Parts {
  std::optional<WriteScope> writing;     // from the write lock on
  std::optional<Transaction> tx;         // the write lock, once the input is checked
  std::optional<Transaction> reading;    // a read transaction while the input is checked: one state
  Command command;                       // the plan reads the command (an import's text) until it ends
  StreamPlan plan;                       //
  std::unique_ptr<ActionWriter> writer;  // from the write lock on
  int64_t planned_at = 0;                // the ledger's last event when the plan was made
  bool checked = false;                  // the plan's check has read the whole input
};

Result<std::unique_ptr<StreamJob>> StreamJob::begin(Ledger& ledger, Command command) {
  auto parts = std::make_unique<Parts>();
  parts->command = std::move(command);
  parts->reading.emplace(ledger.db());
  parts->planned_at = last_seq(ledger.db());
  Result<StreamPlan> plan = plan_stream(ledger.db(), parts->command);
  if (!plan) return plan.problems();
  parts->plan = std::move(plan.value());
  return std::unique_ptr<StreamJob>(new StreamJob(ledger, std::move(parts)));
}

StreamJob::StreamJob(Ledger& ledger, std::unique_ptr<Parts> parts)
    : ledger_(ledger), parts_(std::move(parts)) {
  ledger_.job_ = this;
}

StreamJob::~StreamJob() {
  end();
}

void StreamJob::end() {
  parts_.reset();
  if (ledger_.job_ == this) ledger_.job_ = nullptr;
}

Status StreamJob::lock() {
  Parts& p = *parts_;
  Db& db = *ledger_.db_;
  p.reading.reset();  // the snapshot ends before the write lock is asked for
  p.writing.emplace(db);
  p.tx.emplace(db, TransactionKind::Write);
  if (last_seq(db) != p.planned_at) {  // another program wrote since: plan (and check) again, under the lock
    Result<StreamPlan> plan = plan_stream(db, p.command);
    if (!plan) return plan.problems();
    p.plan = std::move(plan.value());
  }
  p.writer = std::make_unique<ActionWriter>(ledger_, p.plan.label, ActionKind::Do, 0);
  p.writer->out.created_id = p.plan.created_id;
  return ok_status();
}

Result<bool> StreamJob::step(int64_t rows) {
  assert(parts_);
  Parts& p = *parts_;
  if (!p.tx && p.plan.check && !p.checked) {  // checking the input, without the write lock
    Result<bool> checked = p.plan.check(rows);
    if (!checked) {
      end();
      return checked.problems();
    }
    p.checked = checked.value();
    return false;
  }
  if (!p.tx)
    if (Status s = lock(); !s) {
      end();
      return s.problems();
    }
  Result<bool> done = true;
  if (p.plan.step)
    done = p.plan.step(*p.writer, rows);
  else if (Status s = p.plan.run(*p.writer); !s)
    done = s.problems();
  if (!done || !done.value()) {
    if (!done) end();
    return done;
  }
  ActionOutcome out = p.writer->out;
  if (p.plan.notes) out.notes = p.plan.notes();
  Status s = out.first_seq == 0 ? Status(Problem{"", "nothing to do"}) : p.writer->finish();
  if (s) s = p.tx->commit();
  end();
  if (!s) return s.problems();
  outcome_ = std::move(out);
  ledger_.notify();
  return true;
}

double StreamJob::progress() const {
  return parts_ && parts_->plan.progress ? parts_->plan.progress() : finished() ? 1.0 : 0.0;
}

}  // namespace duebook

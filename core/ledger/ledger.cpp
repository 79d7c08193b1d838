#include "ledger/ledger.h"

#include "collections/collections.h"
#include "collections/collections_charges.h"
#include "collections/collections_contact_plans.h"
#include "collections/collections_endgame.h"
#include "collections/collections_outcome.h"
#include "collections/collections_plans.h"
#include "collections/company_defaults.h"
#include "collections/custom_templates.h"
#include "collections/documents_sent.h"
#include "files/import_batches.h"
#include "ledger/action_writer.h"
#include "ledger/stream_job.h"
#include "store/projector.h"
#include "store/schema.h"

namespace duebook {

const Projector* find_projector(std::string_view type) {
  for (const auto* list :
       {&customer_projectors(), &invoice_projectors(), &payment_projectors(), &schedule_projectors(),
        &import_projectors(), &invoice_batch_projectors(), &collection_projectors()})
    for (const Projector& p : *list)
      if (p.type == type) return &p;
  return nullptr;
}

Result<std::unique_ptr<Ledger>> Ledger::open(const std::string& path, LedgerEnv env, OpenMode mode) {
  Result<std::unique_ptr<Db>> db = Db::open(path, mode);
  if (!db) return db.problems();
  Db& d = *db.value();
  // Problems of opening, said plainly when another program held the lock past the busy timeout.
  auto refused = [&d, &path](const Status& s) -> Problems {
    if (d.fault().kind == FaultKind::Busy)
      return {Problem{path, "the ledger is in use by another program (" + d.fault().detail + ")"}};
    return s.problems();
  };
  // The busy timeout comes first, so that even reading the file's identity waits out another program's write.
  // A 32 MiB page cache (SQLite's default is 2 MiB) keeps the indexes of a large ledger in memory while a
  // bulk import inserts into them; it is an upper bound, not an allocation. None of these pragmas writes the
  // file.
  if (Status s = d.exec("PRAGMA busy_timeout = " + std::to_string(env.busy_timeout_ms) +
                        "; PRAGMA foreign_keys = ON; PRAGMA cache_size = -32768");
      !s)
    return refused(s);
  // Nothing may change before the file is known to be ours: switching the journal mode rewrites the header of
  // another application's database, so the identity is read first and a foreign file is left as it was.
  if (Status s = check_ledger_identity(d, mode == OpenMode::Create); !s) return refused(s);
  if (mode == OpenMode::ReadOnly) {
    Statement& ver = d.prepare("PRAGMA user_version");
    const int64_t version = ver.step() ? ver.int64(0) : 0;
    ver.reset();
    if (version != latest_schema_version())
      return Problem{path,
                     "this ledger's schema (" + std::to_string(version) +
                         ") needs an upgrade, which a read-only open cannot make: open it once for writing"};
  } else {
    // Before the journal mode: a WAL file's page size is fixed once the mode is set. A no-op on a file that
    // already has pages.
    if (env.page_size > 0)
      if (Status s = d.exec("PRAGMA page_size = " + std::to_string(env.page_size)); !s) return refused(s);
    if (Status s = d.exec(env.wal ? "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL"
                                  : "PRAGMA journal_mode = DELETE; PRAGMA synchronous = FULL");
        !s)
      return refused(s);
    if (Status s = migrate(d); !s) return refused(s);
  }
  if (!env.now_ms) env.now_ms = [] { return int64_t{0}; };
  d.set_writable(false);
  auto ledger = std::unique_ptr<Ledger>(new Ledger(std::move(db.value()), std::move(env)));
  ledger->rng_state_ = ledger->env_.seed ^ 0x6475656264756562ULL;
  return ledger;
}

Result<ActionOutcome> Ledger::commit(const Plan& plan, ActionKind kind, int64_t target) {
  assert(!plan.events.empty());
  WriteScope writing(*db_);
  Transaction tx(*db_);  // the outermost caller's transaction, when there is one, makes it durable
  ActionWriter writer(*this, plan.label, kind, target);
  writer.out.created_id = plan.created_id;
  for (size_t i = 0; i < plan.events.size(); ++i) {
    const EventDraft& draft = plan.events[i];
    const Json* parsed = i < plan.parsed.size() ? plan.parsed[i].get() : nullptr;
    if (Status s = parsed ? writer.emit_text(draft, *parsed) : writer.emit(draft); !s) return s.problems();
  }
  if (Status s = writer.finish(); !s) return s.problems();
  if (Status s = tx.commit(); !s) return s.problems();
  return writer.out;
}

void Ledger::notify() {
  ++revision_;
  if (on_commit_) on_commit_();
}

namespace {

Result<Plan> plan_whole(Db& db, const Command& command) {
  return std::visit(
      [&](const auto& c) -> Result<Plan> {
        using T = std::decay_t<decltype(c)>;
        if constexpr (kIsStreamed<T>) {
          return Problem{"", "this command runs in slices"};
        } else if constexpr (std::is_same_v<T, AddCustomer>) {
          // A new customer is chased by the company's policy (Settings › Invoicing defaults) from the start.
          Result<Plan> plan = plan_command(db, c);
          const int64_t policy = company_defaults(db).policy_id;
          if (plan && policy != 0)
            add_to_plan(plan.value(), {{"collections.policy_assigned",
                                        {{"customer", plan->created_id}, {"before", 0}, {"after", policy}}}});
          return plan;
        } else {
          return plan_command(db, c);
        }
      },
      command);
}

}  // namespace

Result<ActionOutcome> Ledger::execute(const Command& command) {
  if (job_) return Problem{"", "an import is under way; wait until it has finished"};
  // A streamed command (an import) is planned and its whole input checked before the write lock, so that a
  // long file is read while other programs go on writing, and a refused file never waits for the lock.
  std::optional<StreamPlan> stream;
  int64_t planned_at = 0;
  if (is_streamed(command)) {
    // One read transaction for the plan and its check: one state read, and the file's reads take the
    // file's read lock once, not once per statement.
    Transaction reading(*db_);
    planned_at = last_seq(*db_);
    Result<StreamPlan> plan = plan_stream(*db_, command);
    if (!plan) return plan.problems();
    while (plan->check) {
      Result<bool> checked = plan->check(INT64_MAX);
      if (!checked) return checked.problems();
      if (checked.value()) break;
    }
    stream = std::move(plan.value());
  }
  WriteScope writing(*db_);
  // The write lock first (waiting out another program's write): planning reads and the commit then see one
  // state, which no other writer can change in between.
  Transaction tx(*db_, TransactionKind::Write);
  if (stream && last_seq(*db_) != planned_at) {  // another program wrote since: plan (and check) again
    Result<StreamPlan> plan = plan_stream(*db_, command);
    if (!plan) return plan.problems();
    stream = std::move(plan.value());
  }
  auto run = [&]() -> Result<ActionOutcome> {
    if (stream) return write_stream(*stream);
    Result<Plan> plan = plan_whole(*db_, command);
    if (!plan) return plan.problems();
    return commit(plan.value(), ActionKind::Do, 0);
  };
  Result<ActionOutcome> out = run();
  if (!out) return out;
  if (Status s = tx.commit(); !s) return s.problems();
  notify();
  return out;
}

Result<ActionOutcome> Ledger::write_stream(StreamPlan& plan) {
  ActionWriter writer(*this, plan.label, ActionKind::Do, 0);
  writer.out.created_id = plan.created_id;
  if (Status s = plan.run(writer); !s) return s.problems();
  if (writer.out.first_seq == 0) return Problem{"", "nothing to do"};
  if (Status s = writer.finish(); !s) return s.problems();
  if (plan.notes) writer.out.notes = plan.notes();
  return writer.out;
}

// Appends the events that reverse action `id`: the inverse of each of its events, last first. The action's
// events are read a page at a time from its end, so reversing a large import never holds it all in memory.
Result<ActionOutcome> Ledger::reverse_action(int64_t id, const std::string& label, ActionKind kind) {
  WriteScope writing(*db_);
  Transaction tx(*db_, TransactionKind::Write);
  Statement& range = db_->prepare("SELECT first_seq, last_seq FROM actions WHERE id = ?1");
  range.bind_all(id);
  if (!range.step()) return Problem{"", "no action " + std::to_string(id)};
  int64_t first = range.int64(0), last = range.int64(1);
  range.reset();
  ActionWriter writer(*this, label, kind, id);
  const int64_t kPage = 256;  // an import's batch events are large: a page stays within tens of megabytes
  for (int64_t hi = last; hi >= first; hi -= kPage) {
    std::vector<Event> page = read_events(*db_, std::max(first, hi - kPage + 1), hi);
    for (auto it = page.rbegin(); it != page.rend(); ++it) {
      const Projector* p = find_projector(it->type);
      Json payload = Json::parse(it->payload, nullptr, false);
      if (!p || payload.is_discarded())
        return Problem{"event " + std::to_string(it->seq), "cannot be reversed"};
      for (const EventDraft& d : p->inverse(*it, payload))
        if (Status s = writer.emit(d); !s) return s.problems();
    }
  }
  if (writer.out.first_seq == 0) return Problem{"", "nothing to reverse"};
  if (Status s = writer.finish(); !s) return s.problems();
  if (Status s = tx.commit(); !s) return s.problems();
  return writer.out;
}

Result<ActionOutcome> Ledger::undo() {
  if (job_) return Problem{"", "an import is under way; wait until it has finished"};
  WriteScope writing(*db_);
  // One write transaction from choosing the action to reversing it, so two programs never reverse the same
  // one.
  Transaction tx(*db_, TransactionKind::Write);
  Statement& st = db_->prepare(
      "SELECT id, label FROM actions WHERE kind IN ('do', 'redo') AND state = 'active' ORDER BY id DESC "
      "LIMIT 1");
  if (!st.step()) return Problem{"", "nothing to undo"};
  int64_t id = st.int64(0);
  std::string label = st.text(1);
  st.reset();
  Result<ActionOutcome> out = reverse_action(id, "Undo " + label, ActionKind::Undo);
  if (!out) return out;
  if (Status s = tx.commit(); !s) return s.problems();
  notify();
  return out;
}

Result<ActionOutcome> Ledger::redo() {
  if (job_) return Problem{"", "an import is under way; wait until it has finished"};
  WriteScope writing(*db_);
  // One write transaction from choosing the action to reversing it, so two programs never reverse the same
  // one.
  Transaction tx(*db_, TransactionKind::Write);
  Statement& st = db_->prepare(
      "SELECT u.id, t.label FROM actions u JOIN actions t ON t.id = u.target "
      "WHERE u.kind = 'undo' AND u.state = 'open' ORDER BY u.id DESC LIMIT 1");
  if (!st.step()) return Problem{"", "nothing to redo"};
  int64_t id = st.int64(0);
  std::string label = st.text(1);
  st.reset();
  Result<ActionOutcome> out = reverse_action(id, label, ActionKind::Redo);
  if (!out) return out;
  if (Status s = tx.commit(); !s) return s.problems();
  notify();
  return out;
}

std::string Ledger::undo_label() {
  Statement& st = db_->prepare(
      "SELECT label FROM actions WHERE kind IN ('do', 'redo') AND state = 'active' ORDER BY id DESC LIMIT 1");
  std::string label = st.step() ? st.text(0) : "";
  st.reset();
  return label;
}

std::string Ledger::redo_label() {
  Statement& st = db_->prepare(
      "SELECT t.label FROM actions u JOIN actions t ON t.id = u.target "
      "WHERE u.kind = 'undo' AND u.state = 'open' ORDER BY u.id DESC LIMIT 1");
  std::string label = st.step() ? st.text(0) : "";
  st.reset();
  return label;
}

Status Ledger::rebuild() {
  if (job_) return Problem{"", "an import is under way; wait until it has finished"};
  WriteScope writing(*db_);
  Transaction tx(*db_, TransactionKind::Write);
  if (Status s = restore_missing_projections(*db_); !s) return s;  // a damaged file's dropped tables
  for (const std::string& table : projection_tables(*db_))
    if (Status s = db_->exec("DELETE FROM " + table); !s) return s;
  const int64_t kPage = 256;  // an import's batch events are large: a page stays within tens of megabytes
  int64_t action = 0;         // the action of the event before: an action's events are contiguous in the log
  for (int64_t from = 1;; from += kPage) {
    std::vector<Event> page = read_events(*db_, from, from + kPage - 1);
    if (page.empty()) break;
    for (const Event& e : page) {
      const Projector* projector = find_projector(e.type);
      if (!projector) return Problem{"event " + std::to_string(e.seq), "unknown event type " + e.type};
      Json payload = Json::parse(e.payload, nullptr, false);
      if (payload.is_discarded()) return Problem{"event " + std::to_string(e.seq), "payload is not JSON"};
      if (Status s = projector->apply(*db_, e, payload); !s) return s;
      if (Status s = track_action(*db_, e, e.action != action); !s) return s;
      action = e.action;
    }
  }
  if (Status s = tx.commit(); !s) return s;
  notify();
  return ok_status();
}

Result<std::unique_ptr<StreamJob>> Ledger::start(Command command) {
  if (job_) return Problem{"", "an import is under way; wait until it has finished"};
  return StreamJob::begin(*this, std::move(command));
}

}  // namespace duebook

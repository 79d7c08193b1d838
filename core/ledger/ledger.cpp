#include "ledger/ledger.h"

#include "collections/collections.h"
#include "collections/collections_charges.h"
#include "collections/collections_endgame.h"
#include "collections/collections_outcome.h"
#include "collections/collections_plans.h"
#include "files/import_batches.h"
#include "store/projector.h"
#include "store/schema.h"

namespace duebook {
namespace {

// Opens the ledger's connection for writing for one of its own operations, and closes it again after: outside
// them the connection the ledger hands out (Ledger::db) refuses every write.
class WriteScope {
 public:
  explicit WriteScope(Db& db) : db_(db), was_writable_(db.writable()) { db_.set_writable(true); }
  ~WriteScope() { db_.set_writable(was_writable_); }
  WriteScope(const WriteScope&) = delete;
  WriteScope& operator=(const WriteScope&) = delete;

 private:
  Db& db_;
  bool was_writable_;
};

}  // namespace

const Projector* find_projector(std::string_view type) {
  for (const auto* list :
       {&customer_projectors(), &invoice_projectors(), &payment_projectors(), &schedule_projectors(),
        &import_projectors(), &invoice_batch_projectors(), &collection_projectors()})
    for (const Projector& p : *list)
      if (p.type == type) return &p;
  return nullptr;
}

namespace {

uint64_t splitmix64(uint64_t& state) {
  uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

int64_t scalar(Db& db, const char* sql, int64_t bind = 0) {
  Statement& st = db.prepare(sql);
  if (bind) st.bind_all(bind);
  int64_t v = st.step() ? st.int64(0) : 0;
  st.reset();
  return v;
}

// Keeps the `actions` projection: one row per action, with its place in the undo history. `first` says
// whether `e` starts its action (unknown: look it up); later events only move last_seq.
Status track_action(Db& db, const Event& e, std::optional<bool> first = std::nullopt) {
  bool known = false;
  if (first) {
    known = !*first;
  } else {
    Statement& find = db.prepare("SELECT 1 FROM actions WHERE id = ?1");
    find.bind_all(e.action);
    known = find.step();
    find.reset();
  }
  if (known)
    return db.prepare("UPDATE actions SET last_seq = ?2 WHERE id = ?1").bind_all(e.action, e.seq).run();
  Status s = ok_status();
  switch (e.action_kind) {
    case ActionKind::Do:  // a new action ends the chance to redo what was undone before it
      s = db.prepare("UPDATE actions SET state = 'closed' WHERE kind = 'undo' AND state = 'open'").run();
      break;
    case ActionKind::Undo:
      s = db.prepare("UPDATE actions SET state = 'undone' WHERE id = ?1").bind_all(e.action_target).run();
      break;
    case ActionKind::Redo:
      s = db.prepare("UPDATE actions SET state = 'redone' WHERE id = ?1").bind_all(e.action_target).run();
      break;
  }
  if (!s) return s;
  return db
      .prepare(
          "INSERT INTO actions(id, kind, target, label, state, first_seq, last_seq) "
          "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)")
      .bind_all(e.action, to_string(e.action_kind), e.action_target, e.label,
                e.action_kind == ActionKind::Undo ? "open" : "active", e.seq)
      .run();
}

}  // namespace

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

// Appends the events of one action: each gets its place in the log, a ULID and the chained hash, and is
// applied to the projections at once. ULIDs of one action share its millisecond and count up from one random
// start (the ULID spec's monotonic mode), so a large import appends to the end of the id index instead of
// scattering over it.
class ActionWriter final : public EventSink {
 public:
  ActionWriter(Ledger& ledger, std::string label, ActionKind kind, int64_t target)
      : ledger_(ledger), label_(std::move(label)), kind_(kind), target_(target) {
    out.action = scalar(*ledger_.db_, "SELECT coalesce(max(id), 0) + 1 FROM actions");
    out.label = label_;
    now_ = ledger_.env_.now_ms();
    hi_ = splitmix64(ledger_.rng_state_) & 0xffff;
    lo_ = splitmix64(ledger_.rng_state_);
  }

  Status emit(std::string_view type, const Json& payload) override {
    return write(type, to_payload(payload), &payload);
  }

  Status emit(const EventDraft& draft) override { return write(draft.type, draft.payload, nullptr); }

  // Appends `draft` and applies `parsed`, its payload already parsed.
  Status emit_text(const EventDraft& draft, const Json& parsed) {
    return write(draft.type, draft.payload, &parsed);
  }

  Status emit_applied(std::string_view type, std::string payload,
                      const std::function<Status(Db&, const Event&)>& apply) override {
    return write(type, std::move(payload), nullptr, &apply);
  }

  ActionOutcome out;  // what has been written so far

 private:
  Status write(std::string_view type, std::string payload, const Json* parsed,
               const std::function<Status(Db&, const Event&)>* apply = nullptr) {
    Db& db = *ledger_.db_;
    Event e;
    e.id = make_ulid(now_, hi_, lo_);
    if (++lo_ == 0) hi_ = (hi_ + 1) & 0xffff;
    e.at_ms = now_;
    e.actor = ledger_.env_.actor;
    e.type = std::string(type);
    e.payload = std::move(payload);
    e.action = out.action;
    e.action_kind = kind_;
    e.action_target = target_;
    e.label = label_;
    if (Status s = append_event(db, e, previous_.seq ? &previous_ : nullptr); !s) return s;
    const Projector* projector = find_projector(e.type);
    if (!projector) return Problem{"event " + std::to_string(e.seq), "unknown event type " + e.type};
    if (apply) {
      if (Status s = (*apply)(db, e); !s) return s;
    } else {
      Json reparsed;
      if (!parsed) {
        reparsed = Json::parse(e.payload, nullptr, false);
        if (reparsed.is_discarded()) return Problem{"event " + std::to_string(e.seq), "payload is not JSON"};
        parsed = &reparsed;
      }
      if (Status s = projector->apply(db, e, *parsed); !s) return s;
    }
    // The action's row is written by its first event; its last_seq is brought up to date once, by finish().
    if (out.first_seq == 0)
      if (Status s = track_action(db, e, true); !s) return s;
    if (out.first_seq == 0) out.first_seq = e.seq;
    out.last_seq = e.seq;
    previous_.seq = e.seq;
    previous_.hash = std::move(e.hash);
    return ok_status();
  }

 public:
  // Completes the action's row in `actions` (its last event). Call after the last emit, before committing.
  Status finish() {
    if (out.first_seq == 0 || out.last_seq == out.first_seq) return ok_status();
    return ledger_.db_->prepare("UPDATE actions SET last_seq = ?2 WHERE id = ?1")
        .bind_all(out.action, out.last_seq)
        .run();
  }

 private:
  Ledger& ledger_;
  std::string label_;
  ActionKind kind_;
  int64_t target_;
  int64_t now_ = 0;
  uint64_t hi_ = 0, lo_ = 0;  // the 80 random bits of the next ULID
  Event previous_;            // seq and hash of the event this writer appended last (seq 0: none yet)
};

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

Result<ActionOutcome> Ledger::execute(const Command& command) {
  if (job_) return Problem{"", "an import is under way; wait until it has finished"};
  WriteScope writing(*db_);
  // The write lock first (waiting out another program's write): planning reads and the commit then see one
  // state, which no other writer can change in between.
  Transaction tx(*db_, TransactionKind::Write);
  Result<ActionOutcome> out = std::visit(
      [&](const auto& c) -> Result<ActionOutcome> {
        using T = std::decay_t<decltype(c)>;
        if constexpr (kIsStreamed<T>) {
          Result<StreamPlan> plan = stream_command(*db_, c);
          if (!plan) return plan.problems();
          ActionWriter writer(*this, plan->label, ActionKind::Do, 0);
          writer.out.created_id = plan->created_id;
          if (Status s = plan->run(writer); !s) return s.problems();
          if (writer.out.first_seq == 0) return Problem{"", "nothing to do"};
          if (Status s = writer.finish(); !s) return s.problems();
          return writer.out;
        } else {
          Result<Plan> plan = plan_command(*db_, c);
          if (!plan) return plan.problems();
          return commit(plan.value(), ActionKind::Do, 0);
        }
      },
      command);
  if (!out) return out;
  if (Status s = tx.commit(); !s) return s.problems();
  notify();
  return out;
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

// Members in the order they must go: the writer and the plan (whose importer restores its settings inside the
// transaction) before the transaction rolls back, the write scope last.
struct StreamJob::Parts {
  Parts(Ledger& ledger, Db& db) : writing(db), tx(db, TransactionKind::Write) {}
  WriteScope writing;
  Transaction tx;
  Command command;  // the plan reads the command (an import's text) until it ends
  StreamPlan plan;
  std::unique_ptr<ActionWriter> writer;
};

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

Result<bool> StreamJob::step(int64_t rows) {
  assert(parts_);
  Parts& p = *parts_;
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
  Status s = out.first_seq == 0 ? Status(Problem{"", "nothing to do"}) : p.writer->finish();
  if (s) s = p.tx.commit();
  end();
  if (!s) return s.problems();
  outcome_ = std::move(out);
  ledger_.notify();
  return true;
}

double StreamJob::progress() const {
  return parts_ && parts_->plan.progress ? parts_->plan.progress() : finished() ? 1.0 : 0.0;
}

Result<std::unique_ptr<StreamJob>> Ledger::start(Command command) {
  if (job_) return Problem{"", "an import is under way; wait until it has finished"};
  auto parts = std::make_unique<StreamJob::Parts>(*this, *db_);
  parts->command = std::move(command);
  Result<StreamPlan> plan = std::visit(
      [&](const auto& c) -> Result<StreamPlan> {
        using T = std::decay_t<decltype(c)>;
        if constexpr (kIsStreamed<T>)
          return stream_command(*db_, c);
        else
          return Problem{"", "this command cannot run in slices"};
      },
      parts->command);
  if (!plan) return plan.problems();
  parts->plan = std::move(plan.value());
  parts->writer = std::make_unique<ActionWriter>(*this, parts->plan.label, ActionKind::Do, 0);
  parts->writer->out.created_id = parts->plan.created_id;
  return std::unique_ptr<StreamJob>(new StreamJob(*this, std::move(parts)));
}

}  // namespace duebook

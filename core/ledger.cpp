#include "ledger.h"

#include "projector.h"
#include "schema.h"

namespace duebook {

const Projector* find_projector(std::string_view type) {
  for (const auto* list : {&customer_projectors()})
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

// Keeps the `actions` projection: one row per action, with its place in the undo history.
Status track_action(Db& db, const Event& e) {
  Statement& find = db.prepare("SELECT 1 FROM actions WHERE id = ?1");
  find.bind_all(e.action);
  bool known = find.step();
  find.reset();
  if (known) return db.prepare("UPDATE actions SET last_seq = ?2 WHERE id = ?1").bind_all(e.action, e.seq).run();
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
      .prepare("INSERT INTO actions(id, kind, target, label, state, first_seq, last_seq) "
               "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)")
      .bind_all(e.action, to_string(e.action_kind), e.action_target, e.label,
                e.action_kind == ActionKind::Undo ? "open" : "active", e.seq)
      .run();
}

}  // namespace

Result<std::unique_ptr<Ledger>> Ledger::open(const std::string& path, LedgerEnv env) {
  Result<std::unique_ptr<Db>> db = Db::open(path);
  if (!db) return db.problems();
  Db& d = *db.value();
  if (Status s = d.exec(env.wal ? "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL"
                                : "PRAGMA journal_mode = DELETE; PRAGMA synchronous = FULL");
      !s)
    return s.problems();
  if (Status s = d.exec("PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 2000"); !s) return s.problems();
  if (Status s = migrate(d); !s) return s.problems();
  if (!env.now_ms) env.now_ms = [] { return int64_t{0}; };
  auto ledger = std::unique_ptr<Ledger>(new Ledger(std::move(db.value()), std::move(env)));
  ledger->rng_state_ = ledger->env_.seed ^ 0x6475656264756562ULL;
  return ledger;
}

Status Ledger::apply(const Event& e) {
  const Projector* projector = find_projector(e.type);
  if (!projector) return Problem{"event " + std::to_string(e.seq), "unknown event type " + e.type};
  Json payload = Json::parse(e.payload, nullptr, false);
  if (payload.is_discarded()) return Problem{"event " + std::to_string(e.seq), "payload is not JSON"};
  if (Status s = projector->apply(*db_, e, payload); !s) return s;
  return track_action(*db_, e);
}

Result<ActionOutcome> Ledger::commit(const Plan& plan, ActionKind kind, int64_t target) {
  assert(!plan.events.empty());
  Transaction tx(*db_);  // the outermost caller's transaction, when there is one, makes it durable
  ActionOutcome out;
  out.action = scalar(*db_, "SELECT coalesce(max(id), 0) + 1 FROM actions");
  out.label = plan.label;
  out.created_id = plan.created_id;
  int64_t now = env_.now_ms();
  for (const EventDraft& draft : plan.events) {
    Event e;
    e.id = make_ulid(now, splitmix64(rng_state_), splitmix64(rng_state_));
    e.at_ms = now;
    e.actor = env_.actor;
    e.type = draft.type;
    e.payload = draft.payload;
    e.action = out.action;
    e.action_kind = kind;
    e.action_target = target;
    e.label = plan.label;
    if (Status s = append_event(*db_, e); !s) return s.problems();
    if (Status s = apply(e); !s) return s.problems();
    if (out.first_seq == 0) out.first_seq = e.seq;
    out.last_seq = e.seq;
  }
  if (Status s = tx.commit(); !s) return s.problems();
  return out;
}

void Ledger::notify() {
  ++revision_;
  if (on_commit_) on_commit_();
}

Result<ActionOutcome> Ledger::execute(const Command& command) {
  Transaction tx(*db_);  // planning reads and the commit see one consistent state
  Result<Plan> plan = std::visit([&](const auto& c) { return plan_command(*db_, c); }, command);
  if (!plan) return plan.problems();
  Result<ActionOutcome> out = commit(plan.value(), ActionKind::Do, 0);
  if (!out) return out;
  if (Status s = tx.commit(); !s) return s.problems();
  notify();
  return out;
}

// Events that reverse action `id`: the inverse of each of its events, last first.
static Result<Plan> reversal(Db& db, int64_t id, const std::string& label) {
  Statement& range = db.prepare("SELECT first_seq, last_seq FROM actions WHERE id = ?1");
  range.bind_all(id);
  if (!range.step()) return Problem{"", "no action " + std::to_string(id)};
  int64_t first = range.int64(0), last = range.int64(1);
  range.reset();
  std::vector<Event> events = read_events(db, first, last);
  Plan plan;
  plan.label = label;
  for (auto it = events.rbegin(); it != events.rend(); ++it) {
    const Projector* p = find_projector(it->type);
    Json payload = Json::parse(it->payload, nullptr, false);
    if (!p || payload.is_discarded()) return Problem{"event " + std::to_string(it->seq), "cannot be reversed"};
    for (EventDraft& d : p->inverse(*it, payload)) plan.events.push_back(std::move(d));
  }
  if (plan.events.empty()) return Problem{"", "nothing to reverse"};
  return plan;
}

Result<ActionOutcome> Ledger::undo() {
  Statement& st = db_->prepare(
      "SELECT id, label FROM actions WHERE kind IN ('do', 'redo') AND state = 'active' ORDER BY id DESC LIMIT 1");
  if (!st.step()) return Problem{"", "nothing to undo"};
  int64_t id = st.int64(0);
  std::string label = st.text(1);
  st.reset();
  Result<Plan> plan = reversal(*db_, id, "Undo " + label);
  if (!plan) return plan.problems();
  Result<ActionOutcome> out = commit(plan.value(), ActionKind::Undo, id);
  if (out) notify();
  return out;
}

Result<ActionOutcome> Ledger::redo() {
  Statement& st = db_->prepare(
      "SELECT u.id, t.label FROM actions u JOIN actions t ON t.id = u.target "
      "WHERE u.kind = 'undo' AND u.state = 'open' ORDER BY u.id DESC LIMIT 1");
  if (!st.step()) return Problem{"", "nothing to redo"};
  int64_t id = st.int64(0);
  std::string label = st.text(1);
  st.reset();
  Result<Plan> plan = reversal(*db_, id, label);
  if (!plan) return plan.problems();
  Result<ActionOutcome> out = commit(plan.value(), ActionKind::Redo, id);
  if (out) notify();
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
  Transaction tx(*db_);
  for (const std::string& table : projection_tables())
    if (Status s = db_->exec("DELETE FROM " + table); !s) return s;
  const int64_t kPage = 5000;
  for (int64_t from = 1;; from += kPage) {
    std::vector<Event> page = read_events(*db_, from, from + kPage - 1);
    if (page.empty()) break;
    for (const Event& e : page)
      if (Status s = apply(e); !s) return s;
  }
  if (Status s = tx.commit(); !s) return s;
  notify();
  return ok_status();
}

}  // namespace duebook

#include "ledger/action_writer.h"

#include "base/random.h"
#include "ledger/event_shapes.h"

namespace duebook {

namespace {

// Debug builds hold every event this program writes to its declared shape, so the table that checks events
// from files (ledger/event_shapes_table.cpp) cannot drift from what the commands write.
[[maybe_unused]] Status check_own_shape(const Event& e, const Json* parsed) {
  Json reparsed;
  if (!parsed) {
    reparsed = Json::parse(e.payload, nullptr, false);
    parsed = &reparsed;
  }
  if (Status s = check_event_shape(e.type, *parsed); !s)
    return Problem{"event " + e.type,
                   "its payload does not have its declared shape: " + describe(s.problems())};
  return ok_status();
}

}  // namespace

Status track_action(Db& db, const Event& e, std::optional<bool> first) {
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

ActionWriter::ActionWriter(Ledger& ledger, std::string label, ActionKind kind, int64_t target)
    : ledger_(ledger), label_(std::move(label)), kind_(kind), target_(target) {
  Statement& next = ledger_.db_->prepare("SELECT coalesce(max(id), 0) + 1 FROM actions");
  out.action = next.step() ? next.int64(0) : 1;
  next.reset();
  out.label = label_;
  now_ = ledger_.env_.now_ms();
  SplitMix64 rng{ledger_.rng_state_};
  hi_ = rng.next() & 0xffff;
  lo_ = rng.next();
  ledger_.rng_state_ = rng.state;
}

Status ActionWriter::write(std::string_view type, std::string payload, const Json* parsed,
                           const std::function<Status(Db&, const Event&)>* apply) {
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
#ifndef NDEBUG
  if (Status s = check_own_shape(e, parsed); !s) return s;
#endif
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

Status ActionWriter::finish() {
  if (out.first_seq == 0 || out.last_seq == out.first_seq) return ok_status();
  return ledger_.db_->prepare("UPDATE actions SET last_seq = ?2 WHERE id = ?1")
      .bind_all(out.action, out.last_seq)
      .run();
}

}  // namespace duebook

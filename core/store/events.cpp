#include "store/events.h"

#include "base/sha256.h"

namespace duebook {

const char* to_string(ActionKind kind) {
  switch (kind) {
    case ActionKind::Do:
      return "do";
    case ActionKind::Undo:
      return "undo";
    case ActionKind::Redo:
      return "redo";
  }
  return "do";
}

static ActionKind action_kind_from(std::string_view s) {
  if (s == "undo") return ActionKind::Undo;
  if (s == "redo") return ActionKind::Redo;
  return ActionKind::Do;
}

std::string event_hash(const Event& e) {
  std::string text;
  text.reserve(e.payload.size() + 256);
  for (const std::string& part : {e.prev_hash, std::to_string(e.seq), e.id, std::to_string(e.at_ms), e.actor,
                                  e.type, std::to_string(e.action), std::string(to_string(e.action_kind)),
                                  std::to_string(e.action_target), e.label, e.payload}) {
    text += part;
    text += '\x1f';  // unit separator: no field can shift into its neighbour
  }
  return sha256_hex(text);
}

static const char* kSelectEvents =
    "SELECT seq, id, at_ms, actor, type, payload, action, action_kind, action_target, label, prev_hash, hash "
    "FROM events WHERE seq >= ?1 AND seq <= ?2 ORDER BY seq";

std::vector<Event> read_events(Db& db, int64_t from, int64_t to) {
  std::vector<Event> out;
  Statement& st = db.prepare(kSelectEvents);
  st.bind_all(from, to == 0 ? INT64_MAX : to);
  while (st.step()) {
    Event e;
    e.seq = st.int64(0);
    e.id = st.text(1);
    e.at_ms = st.int64(2);
    e.actor = st.text(3);
    e.type = st.text(4);
    e.payload = st.text(5);
    e.action = st.int64(6);
    e.action_kind = action_kind_from(st.text_view(7));
    e.action_target = st.int64(8);
    e.label = st.text(9);
    e.prev_hash = st.text(10);
    e.hash = st.text(11);
    out.push_back(std::move(e));
  }
  st.reset();
  return out;
}

Status append_event(Db& db, Event& e, const Event* previous) {
  if (previous) {
    e.seq = previous->seq + 1;
    e.prev_hash = previous->hash;
  } else {
    Statement& last = db.prepare("SELECT seq, hash FROM events ORDER BY seq DESC LIMIT 1");
    if (last.step()) {
      e.seq = last.int64(0) + 1;
      e.prev_hash = last.text(1);
    } else {
      e.seq = 1;
      e.prev_hash = std::string(64, '0');
    }
    last.reset();
  }
  e.hash = event_hash(e);
  return db
      .prepare(
          "INSERT INTO events(seq, id, at_ms, actor, type, payload, action, action_kind, action_target, "
          "label, "
          "prev_hash, hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)")
      .bind_all(e.seq, e.id, e.at_ms, e.actor, e.type, e.payload, e.action, to_string(e.action_kind),
                e.action_target, e.label, e.prev_hash, e.hash)
      .run();
}

std::string chain_anchor(Db& db) {
  const int64_t last = last_event_seq(db);
  if (last == 0) return "0:";
  std::vector<Event> head = read_events(db, last, last);
  return std::to_string(last) + ":" + (head.empty() ? std::string() : head[0].hash.substr(0, 16));
}

ChainCheck verify_chain(Db& db) {
  ChainCheck check;
  std::string prev(64, '0');
  int64_t expected_seq = 1;
  // Stream in pages so a long log is not held in memory at once.
  const int64_t kPage = 500;  // batch events of imports are large
  for (int64_t from = 1;; from += kPage) {
    std::vector<Event> page = read_events(db, from, from + kPage - 1);
    if (page.empty()) break;
    for (const Event& e : page) {
      ++check.events;
      std::string why;
      if (e.seq != expected_seq)
        why = "sequence gap: expected event " + std::to_string(expected_seq);
      else if (e.prev_hash != prev)
        why = "previous-hash link does not match the event before";
      else if (event_hash(e) != e.hash)
        why = "stored hash does not match the event's contents";
      if (!why.empty()) {
        check.first_bad_seq = e.seq;
        check.message = why;
        return check;
      }
      prev = e.hash;
      ++expected_seq;
    }
  }
  return check;
}

std::string make_ulid(int64_t ms, uint64_t hi, uint64_t lo) {
  static const char* kAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  std::string out(26, '0');
  uint64_t t = uint64_t(ms) & ((uint64_t(1) << 48) - 1);
  for (int i = 9; i >= 0; --i) {
    out[size_t(i)] = kAlphabet[t & 31];
    t >>= 5;
  }
  // 80 random bits: 16 from hi, 64 from lo.
  unsigned __int128 r = (static_cast<unsigned __int128>(hi & 0xffff) << 64) | lo;
  for (int i = 25; i >= 10; --i) {
    out[size_t(i)] = kAlphabet[uint64_t(r & 31)];
    r >>= 5;
  }
  return out;
}

int64_t last_event_seq(Db& db) {
  Statement& st = db.prepare("SELECT coalesce(max(seq), 0) FROM events");
  int64_t n = st.step() ? st.int64(0) : 0;
  st.reset();
  return n;
}

}  // namespace duebook

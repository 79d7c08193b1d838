// The event log: every change to a ledger is an event appended here, hash-chained to the one before,
// so the log is the truth and the projection tables can always be rebuilt from it.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "base/result.h"
#include "store/db.h"

namespace duebook {

// How an action relates to the undo history.
enum class ActionKind { Do, Undo, Redo };
const char* to_string(ActionKind kind);

// An event to append: what the command produced, before the log gives it a place.
struct EventDraft {
  std::string type;     // dotted name, "customer.added"
  std::string payload;  // JSON object, compact
};

// An event as stored.
struct Event {
  int64_t seq = 0;                          // position in the log, gapless from 1
  std::string id;                           // ULID: sortable and unique across ledgers
  int64_t at_ms = 0;                        // when it was recorded, Unix milliseconds from the platform clock
  std::string actor;                        // who recorded it
  std::string type;                         // dotted name, "customer.added"
  std::string payload;                      // JSON object
  int64_t action = 0;                       // the user action (undo unit) it belongs to
  ActionKind action_kind = ActionKind::Do;  // whether that action was a do, an undo or a redo
  int64_t action_target = 0;                // for undo/redo: the action it reverses, else 0
  std::string label;                        // what the user did, for the history ("Add customer Acme Ltd")
  std::string prev_hash;                    // hash of the event before (64 zeros for the first)
  std::string hash;                         // SHA-256 over prev_hash and every field above
};

// Computes the chained hash of `e` from its fields and e.prev_hash.
std::string event_hash(const Event& e);

// The number of the last event in the log (0 when it is empty); events are numbered 1, 2, 3, ... without
// gaps.
int64_t last_event_seq(Db& db);

// Reads events with seq in [from, to] in order; to = 0 means to the end.
std::vector<Event> read_events(Db& db, int64_t from = 1, int64_t to = 0);

// Appends `e` (seq, prev_hash and hash are filled in here). The caller holds the transaction. `previous`,
// when given, must be the last event in the log (the caller just appended it): it saves reading it back.
Status append_event(Db& db, Event& e, const Event* previous = nullptr);

// Result of re-hashing the whole chain.
struct ChainCheck {
  int64_t events = 0;         // how many events were checked
  int64_t first_bad_seq = 0;  // 0 when the chain is intact
  std::string message;        // what is wrong at first_bad_seq
};
// The head of the chain: "SEQ:HASH16" (the last event's number and the first 16 hex digits of its hash), or
// "0:" for an empty log. Printed by `verify` and on every document, so a later deletion of events shows.
std::string chain_anchor(Db& db);
ChainCheck verify_chain(Db& db);

// A ULID (https://github.com/ulid/spec): 48-bit millisecond time + 80 random bits, Crockford base32.
std::string make_ulid(int64_t ms, uint64_t random_hi, uint64_t random_lo);

}  // namespace duebook

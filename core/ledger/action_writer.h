// Writing one action: the connection opened for writing while the ledger does, the `actions` projection
// kept, and the writer that appends an action's events to the chained log and applies them.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "ledger/ledger.h"
#include "store/db.h"
#include "store/events.h"
#include "store/projector.h"

namespace duebook {

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

// Keeps the `actions` projection: one row per action, with its place in the undo history. `first` says
// whether `e` starts its action (unknown: look it up); later events only move last_seq.
Status track_action(Db& db, const Event& e, std::optional<bool> first = std::nullopt);

// Appends the events of one action: each gets its place in the log, a ULID and the chained hash, and is
// applied to the projections at once. ULIDs of one action share its millisecond and count up from one random
// start (the ULID spec's monotonic mode), so a large import appends to the end of the id index instead of
// scattering over it.
class ActionWriter final : public EventSink {
 public:
  // Starts action number max(id) + 1 of `ledger`, labelled `label`, undoing or redoing action `target` when
  // `kind` says so.
  ActionWriter(Ledger& ledger, std::string label, ActionKind kind, int64_t target);

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
  // Completes the action's row in `actions` (its last event). Call after the last emit, before committing.
  Status finish();

  ActionOutcome out;  // what has been written so far

 private:
  Status write(std::string_view type, std::string payload, const Json* parsed,
               const std::function<Status(Db&, const Event&)>* apply = nullptr);

  Ledger& ledger_;
  std::string label_;
  ActionKind kind_;
  int64_t target_;
  int64_t now_ = 0;
  uint64_t hi_ = 0, lo_ = 0;  // the 80 random bits of the next ULID
  Event previous_;            // seq and hash of the event this writer appended last (seq 0: none yet)
};

}  // namespace duebook

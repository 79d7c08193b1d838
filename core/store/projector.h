// Internal to core: how each event type changes the projection tables, and which events reverse it.
#pragma once

#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "base/result.h"
#include "store/db.h"
#include "store/events.h"

namespace duebook {

using Json = nlohmann::json;

struct Projector {
  std::string_view type;  // event type it handles
  // Updates projection tables for event `e` (payload already parsed). Runs inside the caller's transaction.
  Status (*apply)(Db& db, const Event& e, const Json& payload);
  // Events that undo `e`, computed from its payload (events carry what they replaced, so this needs no
  // state). Appended in reverse order of the events of the action being undone.
  std::vector<EventDraft> (*inverse)(const Event& e, const Json& payload);
};

// The plan a command turns into once validated.
struct Plan {
  std::string label;               // "Add customer Acme Ltd"
  std::vector<EventDraft> events;  // in order
  int64_t created_id = 0;          // id of a record it creates
  // The payload of events[i] as already built, when the planner has it (else null): applied as is instead of
  // parsing the text again.
  std::vector<std::shared_ptr<const nlohmann::json>> parsed;
};

// An event built as JSON, before it is handed to a Plan (as text) or an EventSink (as is).
struct JsonEvent {
  std::string type;  // event type
  Json payload;      // its payload
};

// Receives the events of a streamed action one at a time. Each event is appended to the log and applied to
// the projections at once, so the producer reads the ledger as it stands after the events it emitted so far.
// If the producer (or an emit) fails, the ledger rolls the whole action back: nothing is written.
class EventSink {
 public:
  // Appends and applies one event whose payload is already built (it is not parsed again).
  virtual Status emit(std::string_view type, const Json& payload) = 0;
  // Appends and applies one event given as text (the payload is parsed).
  virtual Status emit(const EventDraft& draft) = 0;
  // Appends an event whose payload text the producer wrote itself, and applies it by calling `apply` instead
  // of parsing that text: for bulk events, where building and parsing JSON trees would cost more than the
  // writes. `apply` must change the projections exactly as the type's projector does from the parsed payload
  // (rebuild and undo use the projector; a test compares the two).
  virtual Status emit_applied(std::string_view type, std::string payload,
                              const std::function<Status(Db&, const Event&)>& apply) = 0;

 protected:
  ~EventSink() = default;
};

// A streamed command: too large (an import) or too chained (each invoice a schedule run issues needs the
// number the one before took) to plan up front. `label` is known before the first event; `run` validates
// while it emits and returns every problem it found (then nothing is kept). `created_id` is reported back.
// A plan that can also go a slice at a time (an import, so a browser tab can draw between slices) has `step`:
// it reads up to `rows` more input rows, emitting their events, and answers true once everything is emitted;
// stepping until true emits exactly what `run` does. `progress` says how far it is, 0 to 1.
// A plan that reads a file may also `check` it first, before the ledger takes its write lock: it reads and
// checks up to `rows` more rows, writing nothing, and answers true once the whole input is checked (problems
// when it is refused). Its `step` and `run` then write what was checked, without reading the input again;
// they check it first themselves when `check` was not called. What `check` read must still be the ledger's
// state when they write: the ledger compares its last event and otherwise plans the command again.
struct StreamPlan {
  std::string label;                      // the action's label, on every event
  std::function<Status(EventSink&)> run;  // emits the events; problems roll everything back
  std::function<Result<bool>(EventSink&, int64_t)>
      step;                                         // optional: the next slice; true when all is emitted
  std::function<Result<bool>(int64_t)> check;       // optional: the next slice checked, nothing written
  std::function<std::vector<std::string>()> notes;  // optional: warnings about what was done, once done
  std::function<double()> progress;                 // with `step`: the share done so far
  int64_t created_id = 0;                           // id of the record it creates (the import), if any
};
// Serialises a JSON payload compactly and deterministically (keys sorted by nlohmann's std::map). Text that
// is not UTF-8 is written with U+FFFD in place of the bad bytes instead of failing (which, without
// exceptions, would end the program); importers reject such text before it gets here.
inline std::string to_payload(const Json& j) {
  return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

// Appends `events` to `plan`: the text, and the built payload (moved, so it is not parsed again on commit).
void add_to_plan(Plan& plan, std::vector<JsonEvent> events);

// Emits `events` in order; stops at the first failure.
Status emit_all(EventSink& sink, const std::vector<JsonEvent>& events);

// The next unused id of one of our tables (ids are never reused: rows are flagged, never deleted).
int64_t next_id(Db& db, std::string_view table);

}  // namespace duebook

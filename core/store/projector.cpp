// Building plans and emitting events: what every domain's planner shares.
#include "store/projector.h"

namespace duebook {

void add_to_plan(Plan& plan, std::vector<JsonEvent> events) {
  plan.parsed.resize(plan.events.size());
  for (JsonEvent& e : events) {
    plan.events.push_back({std::move(e.type), to_payload(e.payload)});
    // Text that was not UTF-8 is written with U+FFFD (to_payload): then only the text says what rebuild will
    // see.
    bool replaced = plan.events.back().payload.find("\xEF\xBF\xBD") != std::string::npos;
    plan.parsed.push_back(replaced ? nullptr : std::make_shared<const Json>(std::move(e.payload)));
  }
}

Status emit_all(EventSink& sink, const std::vector<JsonEvent>& events) {
  for (const JsonEvent& e : events)
    if (Status s = sink.emit(e.type, e.payload); !s) return s;
  return ok_status();
}

int64_t next_id(Db& db, std::string_view table) {
  Statement& st = db.prepare("SELECT coalesce(max(id), 0) + 1 FROM " + std::string(table));
  int64_t id = st.step() ? st.int64(0) : 1;
  st.reset();
  return id;
}

}  // namespace duebook

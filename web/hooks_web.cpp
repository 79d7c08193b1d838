// The page's hooks for the end-to-end tests and the browser benchmark (window.duebook in index.html): the
// app's facts, the named widgets' rectangles, the consistency check, and the core's query timings on the open
// ledger.
#include <emscripten.h>

#include <nlohmann/json.hpp>
#include <string>

#include "app.h"
#include "platform_web.h"
#include "query_timings.h"
#include "test_hook.h"

extern "C" {

// Test hooks: app facts and named widget rectangles (CSS pixels), as JSON. The strings stay valid until the
// next call.
EMSCRIPTEN_KEEPALIVE const char* duebook_test_state() {
  static std::string text;
  duebook::ui::App* app = duebook::web::running_app();
  nlohmann::json j = nlohmann::json::parse(app ? app->state_json() : "{}", nullptr, false);
  j.update(duebook::web::page_facts());
  text = j.dump();
  return text.c_str();
}
EMSCRIPTEN_KEEPALIVE const char* duebook_test_check() {
  static std::string text;
  duebook::ui::App* app = duebook::web::running_app();
  text = app ? app->check_json() : "{}";
  return text.c_str();
}
// The benchmark's in-page timings (bench/query_timings.h) on the open ledger as of `as_of` (YYYY-MM-DD), each
// measure `runs` times, as JSON: the measures, or {"error"}. Reads only.
EMSCRIPTEN_KEEPALIVE const char* duebook_bench_queries(int runs, const char* as_of) {
  static std::string text;
  duebook::ui::App* app = duebook::web::running_app();
  duebook::Ledger* ledger = app ? app->ledger() : nullptr;
  duebook::Result<duebook::Date> day = duebook::parse_date(as_of, "YYYY-MM-DD");
  duebook::bench::Measures m;
  if (!ledger)
    m.error = "no ledger is open";
  else if (!day)
    m.error = std::string("not a date: ") + as_of;
  else if (duebook::bench::time_queries(ledger->db(), day.value(), runs, m))
    ledger->db().end_reads();
  text = m.error.empty() ? m.json.dump() : nlohmann::json{{"error", m.error}}.dump();
  return text.c_str();
}
EMSCRIPTEN_KEEPALIVE const char* duebook_test_items() {
  static std::string text;
  text = duebook::ui::test_items_json();
  return text.c_str();
}
}

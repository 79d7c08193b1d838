// The History window: the event log, newest first, with undo and redo; one event opens with its details.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "commands.h"
#include "store/events.h"
#include "table_keys.h"

namespace duebook::ui {

class Queries;

struct HistoryWindowState {
  int64_t cache_revision = -1;  // revision the cached count belongs to
  int64_t event_count = 0;      // events in the log
  std::vector<Event> page;      // cached rows
  int64_t page_from = 0;        // seq of page.front()
  std::string go_to;            // the event number typed to go to (Ctrl+F reaches it)
  TableCursor keys;             // the log's keyboard cursor: row r is event count - r
  std::optional<Event> opened;  // the event whose details show under the log (Enter or a click)
};

void draw_history_window(Queries& queries, HistoryWindowState& state, Commands& commands);

// Facts for end-to-end tests, as JSON text: {"count", "go_to", "cursor" (row r is event count - r; -1 =
// none), "opened" (the seq of the event whose details show; 0 = none)}.
std::string history_facts(const HistoryWindowState& state);

}  // namespace duebook::ui

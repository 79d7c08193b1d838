// The History window: the event log, newest first, with undo and redo.
#pragma once

#include <cstdint>
#include <vector>

#include "commands.h"
#include "store/events.h"

namespace duebook::ui {

class Queries;

struct HistoryWindowState {
  int64_t cache_revision = -1;  // revision the cached count belongs to
  int64_t event_count = 0;      // events in the log
  std::vector<Event> page;      // cached rows
  int64_t page_from = 0;        // seq of page.front()
};

void draw_history_window(Queries& queries, HistoryWindowState& state, Commands& commands);

}  // namespace duebook::ui

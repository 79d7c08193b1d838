// A test-only view of the UI for end-to-end tests: the screen rectangles of named widgets drawn in the last
// frame, plus a few facts about the app. Browser tests read it through JavaScript to know where to click.
#pragma once

#include <string>

namespace duebook::ui {

// Records the last submitted ImGui item under `name` (unique per frame).
void test_mark(const char* name);
// Records a rectangle drawn without an ImGui item of its own (a chart's bar) under `name`.
void test_mark_rect(const char* name, float min_x, float min_y, float max_x, float max_y);
// Starts a new frame's list (called by the app before drawing).
void test_begin_frame();
// {"items": {"name": [x, y, w, h], ...}} in display (CSS) pixels, for the last completed frame; with
// `frame_just_drawn`, called after a frame and before the next begins, for that frame.
std::string test_items_json(bool frame_just_drawn = false);

}  // namespace duebook::ui

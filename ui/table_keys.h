// The keyboard in the workbench's tables: a row cursor moved by the arrow keys and opened with Enter, and the
// screen's search field reached with Ctrl+F.
#pragma once

#include <string>

struct ImGuiListClipper;

namespace duebook::ui {

// A table's keyboard cursor: the highlighted row, kept in the window's state.
struct TableCursor {
  int row = -1;         // the highlighted row (0-based, in the table's order); -1 before the first key
  bool reveal = false;  // a key moved the cursor: its row scrolls into view when next drawn
  bool open = false;    // Enter was pressed this frame: the cursor's row opens when drawn
};

// What the cursor says about one row while it is drawn.
enum class RowKey {
  None,    // the cursor is elsewhere
  Cursor,  // the cursor is on this row (drawn highlighted)
  Open,    // the cursor is on this row and Enter was pressed: the caller opens it
};

// True while the workbench itself (no overlay window: palette, import, settings) has the keyboard focus.
bool workbench_focused();

// Reads this frame's keys for a table of `count` rows: Up/Down move the cursor one row, PageUp/PageDown ten,
// Home/End to the first and last; Enter marks the cursor's row to open. Keys count only while the workbench
// is focused, no text field takes input and no Ctrl/Alt is held. Call once a frame before the rows are drawn;
// the cursor is clamped to the rows there are.
void table_keys(TableCursor& cursor, int count);

// Makes a clipped table draw the cursor's row when it must scroll into view or open (call before Step()).
void reveal_cursor(TableCursor& cursor, ImGuiListClipper& clipper);

// Call for row `row` right after ImGui::TableNextRow(): paints the cursor's row, scrolls it into view once
// after a key moved it there, and says whether the caller is to open it.
RowKey cursor_row(TableCursor& cursor, int row);

// The screen's search field (`id` an ImGui label such as "##customer-search"), registered for tests as
// `test_name`. Ctrl+F anywhere in the workbench focuses it; Escape or Down leaves it keeping its text (so the
// arrow keys then move through the table it filters). Returns true when the text changed.
bool search_field(const char* id, const char* hint, std::string* text, const char* test_name,
                  float width = -1.0f);

// Whether `text` holds `fragment`, ignoring the case of ASCII letters ("" is in every text): what the
// search fields that filter rows already read match by.
bool contains_folded(const std::string& text, const std::string& fragment);

}  // namespace duebook::ui

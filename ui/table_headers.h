// The heading row of the workbench's tables: labels over figures stand at the right edge of their column,
// like the figures beneath them.
#pragma once

#include <initializer_list>

namespace duebook::ui {

// Draws the current table's heading row as ImGui::TableHeadersRow() does (sorting, a right click's column
// menu), with the label of each column in `right_columns` (0-based indices) flush right. Call where
// TableHeadersRow() would be called.
void headers_row(std::initializer_list<int> right_columns);
// The same with every column from `first_right` on flush right (tables whose figures fill the last columns).
void headers_row_right_from(int first_right);
// One heading cell (the current column's, after TableSetColumnIndex) labelled `name`, flush right when
// `right`, leaving the room a sortable table keeps for the sort arrow.
void header_cell(const char* name, bool right);

}  // namespace duebook::ui

#include "table_headers.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <string>

namespace duebook::ui {
namespace {

// The room ImGui 1.86's TableHeader() keeps at the right edge of every column of a sortable table for the
// sort arrow (ARROW_SCALE 0.65 of the font size plus the frame's padding) and, past the first sort key, its
// order number; the label is cut with an ellipsis where that room starts (imgui_tables.cpp).
float sort_room() {
  ImGuiTable* table = ImGui::GetCurrentTable();
  const ImGuiTableColumn& column = table->Columns[table->CurrentColumn];
  if (!(table->Flags & ImGuiTableFlags_Sortable) || (column.Flags & ImGuiTableColumnFlags_NoSort))
    return 0.0f;
  float room = IM_FLOOR(ImGui::GetFontSize() * 0.65f + ImGui::GetStyle().FramePadding.x);
  if (column.SortOrder > 0)
    room += ImGui::GetStyle().ItemInnerSpacing.x +
            ImGui::CalcTextSize(std::to_string(column.SortOrder + 1).c_str()).x;
  return room;
}

template <typename IsRight>
void draw_row(IsRight is_right) {
  ImGui::TableNextRow(ImGuiTableRowFlags_Headers, ImGui::TableGetHeaderRowHeight());
  const int columns = ImGui::TableGetColumnCount();
  for (int c = 0; c < columns; ++c) {
    if (!ImGui::TableSetColumnIndex(c)) continue;
    ImGui::PushID(c);
    header_cell(ImGui::TableGetColumnName(c), is_right(c));
    ImGui::PopID();
  }
}

}  // namespace

void header_cell(const char* name, bool right) {
  if (right) {
    const float width = ImGui::CalcTextSize(name, nullptr, true).x + sort_room();
    const float room = ImGui::GetContentRegionAvail().x;
    if (room > width) ImGui::SetCursorPosX(ImGui::GetCursorPosX() + room - width);
  }
  ImGui::TableHeader(name);
}

void headers_row(std::initializer_list<int> right_columns) {
  draw_row(
      [&](int c) { return std::find(right_columns.begin(), right_columns.end(), c) != right_columns.end(); });
}

void headers_row_right_from(int first_right) {
  draw_row([&](int c) { return c >= first_right; });
}

}  // namespace duebook::ui

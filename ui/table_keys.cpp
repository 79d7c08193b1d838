#include "table_keys.h"

#include <imgui.h>
#include <imgui_internal.h>
#include <misc/cpp/imgui_stdlib.h>

#include <algorithm>

#include "test_hook.h"

namespace duebook::ui {
namespace {

constexpr int kPageRows = 10;  // rows PageUp/PageDown move
constexpr int kKeyF = 'F';     // the F key's code on both platforms (GLFW and the browser's keyCode)

bool pressed(ImGuiKey key, bool repeat = true) {
  return ImGui::IsKeyPressed(ImGui::GetKeyIndex(key), repeat);
}

}  // namespace

bool workbench_focused() {
  // Every tab draws inside the one full-screen workbench window; the overlays are windows of their own.
  // An open popup (a combo's list) has the arrow keys to itself.
  return ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows) &&
         !ImGui::IsPopupOpen(nullptr, ImGuiPopupFlags_AnyPopupId);
}

void table_keys(TableCursor& cursor, int count) {
  cursor.open = false;
  cursor.row = std::min(cursor.row, count - 1);
  const ImGuiIO& io = ImGui::GetIO();
  if (count <= 0 || io.WantTextInput || io.KeyCtrl || io.KeyAlt || io.KeySuper || !workbench_focused())
    return;
  int row = cursor.row;
  if (pressed(ImGuiKey_DownArrow)) row = row < 0 ? 0 : row + 1;
  if (pressed(ImGuiKey_UpArrow)) row = row < 0 ? 0 : row - 1;
  if (pressed(ImGuiKey_PageDown)) row = std::max(row, 0) + kPageRows;
  if (pressed(ImGuiKey_PageUp)) row = std::max(row, 0) - kPageRows;
  if (pressed(ImGuiKey_Home, false)) row = 0;
  if (pressed(ImGuiKey_End, false)) row = count - 1;
  row = std::clamp(row, -1, count - 1);
  if (row != cursor.row) {
    cursor.row = std::max(row, 0);
    cursor.reveal = true;
  }
  if (cursor.row >= 0 && (pressed(ImGuiKey_Enter, false) || pressed(ImGuiKey_KeyPadEnter, false))) {
    cursor.open = true;
    cursor.reveal = true;
  }
}

void reveal_cursor(TableCursor& cursor, ImGuiListClipper& clipper) {
  if (cursor.row >= 0 && (cursor.reveal || cursor.open))
    clipper.ForceDisplayRangeByIndices(cursor.row, cursor.row + 1);
}

RowKey cursor_row(TableCursor& cursor, int row) {
  if (row != cursor.row) return RowKey::None;
  ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg1, ImGui::GetColorU32(ImGuiCol_HeaderHovered));
  if (cursor.reveal) {
    cursor.reveal = false;
    // The row's top edge against the visible part of the table (below a frozen heading row).
    const float y = ImGui::GetCursorScreenPos().y, line = ImGui::GetFrameHeightWithSpacing();
    const float top = ImGui::GetWindowPos().y + line,
                bottom = ImGui::GetWindowPos().y + ImGui::GetWindowHeight();
    if (y < top || y + line > bottom) ImGui::SetScrollHereY(0.5f);
  }
  if (!cursor.open) return RowKey::Cursor;
  cursor.open = false;
  return RowKey::Open;
}

bool search_field(const char* id, const char* hint, std::string* text, const char* test_name, float width) {
  const ImGuiID field = ImGui::GetID(id);
  const ImGuiIO& io = ImGui::GetIO();
  // Leaving before the field runs: ImGui's own Escape would also undo what was typed.
  if (ImGui::GetActiveID() == field &&
      (pressed(ImGuiKey_Escape, false) || pressed(ImGuiKey_DownArrow, false)))
    ImGui::ClearActiveID();
  if (io.KeyCtrl && ImGui::IsKeyPressed(kKeyF, false) && workbench_focused()) ImGui::SetKeyboardFocusHere();
  ImGui::SetNextItemWidth(width);
  const bool changed = ImGui::InputTextWithHint(id, hint, text);
  test_mark(test_name);
  return changed;
}

bool contains_folded(const std::string& text, const std::string& fragment) {
  auto fold = [](char c) { return char(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c); };
  return std::search(text.begin(), text.end(), fragment.begin(), fragment.end(),
                     [&](char a, char b) { return fold(a) == fold(b); }) != text.end();
}

}  // namespace duebook::ui

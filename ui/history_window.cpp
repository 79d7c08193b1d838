#include "history_window.h"

#include <imgui.h>

#include "queries_view.h"
#include "test_hook.h"

namespace duebook::ui {

void draw_history_window(Queries& queries, HistoryWindowState& s, Commands& commands) {
  if (s.cache_revision != queries.revision()) {
    s.event_count = queries.event_count();
    s.cache_revision = queries.revision();
    s.page.clear();
  }
  std::string undo = queries.undo_label(), redo = queries.redo_label();
  ImGui::BeginDisabled(undo.empty());
  if (ImGui::Button(undo.empty() ? "Undo" : ("Undo: " + undo).c_str())) commands.undo();
  test_mark("history.undo");
  ImGui::EndDisabled();
  ImGui::SameLine();
  ImGui::BeginDisabled(redo.empty());
  if (ImGui::Button(redo.empty() ? "Redo" : ("Redo: " + redo).c_str())) commands.redo();
  test_mark("history.redo");
  ImGui::EndDisabled();
  ImGui::SameLine();
  ImGui::TextDisabled("%lld events, each hash-chained to the one before", (long long)s.event_count);

  ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_Resizable |
                          ImGuiTableFlags_BordersInnerH;
  if (!ImGui::BeginTable("events", 5, flags)) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn("#", ImGuiTableColumnFlags_WidthFixed);
  ImGui::TableSetupColumn("Action", ImGuiTableColumnFlags_WidthFixed);
  ImGui::TableSetupColumn("Type", ImGuiTableColumnFlags_WidthFixed);
  ImGui::TableSetupColumn("What", ImGuiTableColumnFlags_WidthStretch);
  ImGui::TableSetupColumn("Hash", ImGuiTableColumnFlags_WidthFixed);
  ImGui::TableHeadersRow();
  ImGuiListClipper clipper;
  clipper.Begin(int(s.event_count));
  while (clipper.Step()) {
    // Row r shows event seq = count - r (newest first).
    int64_t hi = s.event_count - clipper.DisplayStart, lo = s.event_count - clipper.DisplayEnd + 1;
    if (s.page.empty() || lo < s.page_from || hi > s.page_from + int64_t(s.page.size()) - 1) {
      s.page_from = std::max<int64_t>(1, lo - 64);
      s.page = queries.events(s.page_from, hi + 64);
    }
    for (int64_t seq = hi; seq >= lo; --seq) {
      size_t i = size_t(seq - s.page_from);
      if (i >= s.page.size()) continue;
      const Event& e = s.page[i];
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::Text("%lld", (long long)e.seq);
      ImGui::TableNextColumn();
      ImGui::Text("%s %lld", to_string(e.action_kind), (long long)e.action);
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(e.type.c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(e.label.c_str());
      ImGui::TableNextColumn();
      ImGui::TextDisabled("%.12s", e.hash.c_str());
    }
  }
  ImGui::EndTable();
}

}  // namespace duebook::ui

#include "history_window.h"

#include <imgui.h>

#include <cstdlib>
#include <nlohmann/json.hpp>

#include "queries_view.h"
#include "test_hook.h"

namespace duebook::ui {

namespace {

// The event number field: a number in the log moves the cursor to that event.
void draw_go_to(HistoryWindowState& s) {
  const float width = ImGui::CalcTextSize("Go to event #  (Ctrl+F)").x + ImGui::GetStyle().FramePadding.x * 2;
  if (!search_field("##history-go-to", "Go to event #  (Ctrl+F)", &s.go_to, "history.go_to", width)) return;
  char* end = nullptr;
  const long long seq = std::strtoll(s.go_to.c_str(), &end, 10);
  if (end == s.go_to.c_str() || *end != '\0' || seq < 1 || seq > s.event_count) return;
  s.keys.row = int(s.event_count - seq);
  s.keys.reveal = true;
}

void draw_rows(Queries& queries, HistoryWindowState& s) {
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn("#", ImGuiTableColumnFlags_WidthFixed);
  ImGui::TableSetupColumn("Action", ImGuiTableColumnFlags_WidthFixed);
  ImGui::TableSetupColumn("Type", ImGuiTableColumnFlags_WidthFixed);
  ImGui::TableSetupColumn("What", ImGuiTableColumnFlags_WidthStretch);
  ImGui::TableSetupColumn("Hash", ImGuiTableColumnFlags_WidthFixed);
  ImGui::TableHeadersRow();
  ImGuiListClipper clipper;
  clipper.Begin(int(s.event_count));
  reveal_cursor(s.keys, clipper);
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
      const int row = int(s.event_count - seq);
      if (cursor_row(s.keys, row) == RowKey::Open) s.opened = e;
      ImGui::TableNextColumn();
      ImGui::PushID(int(e.seq));
      if (ImGui::Selectable(std::to_string(e.seq).c_str(), s.opened && s.opened->seq == e.seq,
                            ImGuiSelectableFlags_SpanAllColumns)) {
        s.opened = e;
        s.keys.row = row;
      }
      ImGui::PopID();
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
}

// Under the log: the opened event's every field.
void draw_details(const Event& e) {
  ImGui::Separator();
  ImGui::Text("Event %lld  %s  by %s  (%s %lld)", (long long)e.seq, e.type.c_str(), e.actor.c_str(),
              to_string(e.action_kind), (long long)e.action);
  test_mark("history.details");
  ImGui::TextWrapped("%s", e.label.c_str());
  ImGui::TextWrapped("Payload: %s", e.payload.c_str());
  ImGui::TextDisabled("Id %s  hash %s", e.id.c_str(), e.hash.c_str());
}

}  // namespace

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
  ImGui::TextDisabled("%lld %s, each hash-chained to the one before", (long long)s.event_count,
                      s.event_count == 1 ? "event" : "events");
  ImGui::SameLine();
  draw_go_to(s);
  table_keys(s.keys, int(s.event_count));

  ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_Resizable |
                          ImGuiTableFlags_BordersInnerH;
  const float details = s.opened ? ImGui::GetTextLineHeightWithSpacing() * 6 : 0.0f;
  if (ImGui::BeginTable("events", 5, flags, ImVec2(0, -details))) {
    draw_rows(queries, s);
    ImGui::EndTable();
  }
  if (s.opened) draw_details(*s.opened);
}

std::string history_facts(const HistoryWindowState& s) {
  return nlohmann::json{{"count", s.event_count},
                        {"go_to", s.go_to},
                        {"cursor", s.keys.row},
                        {"opened", s.opened ? s.opened->seq : 0}}
      .dump();
}

}  // namespace duebook::ui

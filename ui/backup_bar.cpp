#include "backup_bar.h"

#include <imgui.h>

#include "test_hook.h"

namespace duebook::ui {
namespace {

constexpr int64_t kDayMs = 24 * 60 * 60 * 1000;
const ImVec4 kReminderColour(0.72f, 0.38f, 0.02f, 1.0f);

}  // namespace

BackupNote describe_backup(const BackupState& state, int64_t now_ms) {
  BackupNote note;
  if (state.last_ms <= 0) {
    note.text = "Never backed up";
    note.due = true;
    return note;
  }
  int64_t age = now_ms > state.last_ms ? now_ms - state.last_ms : 0;
  int64_t days = age / kDayMs;
  note.due = age > int64_t(state.remind_after_days) * kDayMs;
  if (days == 0)
    note.text = "Backed up today";
  else if (days == 1)
    note.text = "Last backup yesterday";
  else
    note.text = "Last backup " + std::to_string(days) + " days ago";
  return note;
}

bool draw_backup(Platform& platform, const BackupState& state, int64_t now_ms) {
  if (!state.offered) return false;
  if (ImGui::SmallButton("Back up now")) platform.back_up();
  test_mark("backup.now");
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("Downloads the whole ledger as one file; keep it somewhere safe.");
  ImGui::SameLine();
  BackupNote note = describe_backup(state, now_ms);
  if (note.due)
    ImGui::TextColored(kReminderColour, "%s", note.text.c_str());
  else
    ImGui::TextDisabled("%s", note.text.c_str());
  test_mark(note.due ? "backup.reminder" : "backup.last");
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("A reminder shows here when the last backup is more than %d days old.",
                      state.remind_after_days);
  return true;
}

}  // namespace duebook::ui

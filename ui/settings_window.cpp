#include "settings_window.h"

#include <imgui.h>

#include <cstdio>

#include "backup_bar.h"
#include "base/date.h"
#include "test_hook.h"

namespace duebook::ui {
namespace {

constexpr int64_t kDayMs = 24 * 60 * 60 * 1000;

// "2026-11-30 14:05 UTC".
std::string moment_text(int64_t ms) {
  int64_t minutes = (ms % kDayMs) / 60000;
  char hm[16];
  std::snprintf(hm, sizeof hm, " %02d:%02d UTC", int(minutes / 60), int(minutes % 60));
  return to_iso(civil_from_days(ms / kDayMs)) + hm;
}

void draw_storage(Platform& platform) {
  StorageFacts facts = platform.storage_facts();
  ImGui::TextUnformatted("Storage");
  ImGui::Separator();
  ImGui::Text("The ledger is kept in %s.", facts.where.c_str());
  if (facts.persisted == 1)
    ImGui::TextWrapped("Persistent storage: granted. The browser keeps the ledger even when space runs low.");
  else if (facts.persisted == 0)
    ImGui::TextWrapped(
        "Persistent storage: not granted. The browser may clear the ledger when space runs low; "
        "back it up regularly.");
  else
    ImGui::TextWrapped("Persistent storage: no answer from the browser.");
  test_mark("settings.persisted");
  if (facts.quota > 0)
    ImGui::Text("Space: %s used of %s allowed (%.1f%%).", size_text(facts.used).c_str(),
                size_text(facts.quota).c_str(), 100.0 * double(facts.used) / double(facts.quota));
  else
    ImGui::TextDisabled("Space: no estimate.");
  test_mark("settings.estimate");
}

void draw_backups(Platform& platform, SettingsWindowState& state, int64_t now_ms) {
  BackupState backup = platform.backup_state();
  ImGui::Spacing();
  ImGui::TextUnformatted("Backups");
  ImGui::Separator();
  BackupNote note = describe_backup(backup, now_ms);
  if (backup.last_ms > 0)
    ImGui::Text("Last backup: %s (%s).", moment_text(backup.last_ms).c_str(), note.text.c_str());
  else
    ImGui::Text("Last backup: never.");
  test_mark("settings.last_backup");
  if (state.days_draft == 0) state.days_draft = backup.remind_after_days;
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("Remind me when the last backup is older than");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(120);
  const bool changed = ImGui::InputInt("##days", &state.days_draft);
  test_mark("settings.reminder_days");
  if (changed) {
    state.days_draft = state.days_draft < 1 ? 1 : state.days_draft > 365 ? 365 : state.days_draft;
    platform.set_backup_reminder_days(state.days_draft);
  }
  ImGui::SameLine();
  ImGui::TextUnformatted("days");
  ImGui::TextDisabled(
      "Kept in this browser, beside the copy it is about: a backup protects this browser's copy.");
  if (ImGui::Button("Back up now")) platform.back_up();
  test_mark("settings.back_up");
}

}  // namespace

std::string size_text(int64_t bytes) {
  const char* units[] = {"bytes", "KB", "MB", "GB", "TB"};
  double value = double(bytes);
  int unit = 0;
  while (value >= 1000.0 && unit < 4) value /= 1000.0, ++unit;
  char text[32];
  std::snprintf(text, sizeof text, unit == 0 ? "%.0f %s" : "%.1f %s", value, units[unit]);
  return text;
}

void draw_settings_window(Platform& platform, SettingsWindowState& state) {
  if (!state.open) return;
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(
      ImVec2(vp->WorkPos.x + vp->WorkSize.x * 0.5f, vp->WorkPos.y + vp->WorkSize.y * 0.4f),
      ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSize(ImVec2(640, 0), ImGuiCond_Appearing);
  if (ImGui::Begin("Settings", &state.open, ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings)) {
    test_mark("settings.window");
    draw_storage(platform);
    if (platform.backup_state().offered)
      draw_backups(platform, state, platform.now_ms());
    else
      ImGui::TextWrapped("The ledger is a file on this computer: your own backups of that folder cover it.");
  }
  ImGui::End();
}

}  // namespace duebook::ui

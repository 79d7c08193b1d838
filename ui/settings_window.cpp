#include "settings_window.h"

#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "backup_bar.h"
#include "base/date.h"
#include "help.h"
#include "icons.h"
#include "queries_view.h"
#include "test_hook.h"
#include "widgets.h"

namespace duebook::ui {
namespace {

constexpr int64_t kDayMs = 24 * 60 * 60 * 1000;

// "2026-11-30 14:05 UTC".
std::string moment_text(int64_t ms) {
  int64_t minutes = (ms % kDayMs) / 60000;
  char hm[16];
  std::snprintf(hm, sizeof hm, " %02d:%02d UTC", int(minutes / 60), int(minutes % 60));
  return display_date(civil_from_days(ms / kDayMs)) + hm;
}

void draw_theme(Platform& platform, SettingsWindowState& state) {
  ImGui::TextWrapped("The look of every screen, kept on this device.");
  int choice = int(state.theme);
  bool changed = ImGui::RadioButton("Follow the system", &choice, int(ThemeChoice::System));
  test_mark("settings.theme_system");
  changed |= ImGui::RadioButton("Light", &choice, int(ThemeChoice::Light));
  test_mark("settings.theme_light");
  changed |= ImGui::RadioButton("Dark", &choice, int(ThemeChoice::Dark));
  test_mark("settings.theme_dark");
  if (changed) choose_theme(platform, state, ThemeChoice(choice));
  ImGui::Spacing();
  ImGui::TextDisabled("Now in force: the %s theme.", state.dark ? "dark" : "light");
}

// "EUR 1,234.56 · 12/31/2026": how a locale writes an amount and a date.
std::string locale_sample(const Locale& l) {
  return format_money(Money{123456, parse_currency_code("EUR").value()}, l) + "   " +
         format_date(Date{2026, 12, 31}, l);
}

void draw_formats(Platform& platform, SettingsWindowState& state) {
  ImGui::TextWrapped(
      "How amounts and dates are written on screen, kept on this device. What the ledger stores never "
      "changes; letters and reminders follow each customer's language.");
  ImGui::Spacing();
  const Locale& platform_locale = locale_for_tag(platform.language_tag());
  std::string choice = state.locale;
  const std::string follow = "Follow this " + std::string(platform.has_file_dialog() ? "browser" : "system") +
                             " (" + platform_locale.label + ")";
  if (ImGui::RadioButton(follow.c_str(), choice.empty())) choice.clear();
  test_mark("settings.locale_system");
  if (ImGui::BeginTable("locales", 2, ImGuiTableFlags_SizingFixedFit)) {
    for (const Locale& l : known_locales()) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      if (ImGui::RadioButton(l.label.c_str(), choice == l.id)) choice = l.id;
      test_mark(("settings.locale_" + l.id).c_str());
      ImGui::TableNextColumn();
      ImGui::TextDisabled("%s", locale_sample(l).c_str());
    }
    ImGui::EndTable();
  }
  if (choice != state.locale) choose_locale(platform, state, choice);
  ImGui::Spacing();
  ImGui::Text("Now in force: %s", display_locale().label.c_str());
  ImGui::TextDisabled("%s", locale_sample(display_locale()).c_str());
  test_mark("settings.locale_sample");
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

void load_theme(Platform& platform, SettingsWindowState& state) {
  if (state.theme_loaded) return;
  state.theme_loaded = true;
  state.theme = theme_choice_from(platform.preference("theme"));
  state.dark =
      state.theme == ThemeChoice::Dark || (state.theme == ThemeChoice::System && platform.prefers_dark());
  apply_theme(state.dark);
}

void load_locale(Platform& platform, SettingsWindowState& state) {
  if (state.locale_loaded) return;
  state.locale_loaded = true;
  state.locale = platform.preference("locale");
  const Locale* chosen = find_locale(state.locale);
  if (!chosen) state.locale.clear();
  set_display_locale(chosen ? *chosen : locale_for_tag(platform.language_tag()));
}

void choose_locale(Platform& platform, SettingsWindowState& state, const std::string& id) {
  platform.set_preference("locale", id);
  state.locale_loaded = false;
  load_locale(platform, state);
}

void choose_theme(Platform& platform, SettingsWindowState& state, ThemeChoice choice) {
  platform.set_preference("theme", to_string(choice));
  state.theme_loaded = false;
  load_theme(platform, state);
}

void toggle_theme(Platform& platform, SettingsWindowState& state) {
  choose_theme(platform, state, state.dark ? ThemeChoice::Light : ThemeChoice::Dark);
}

void draw_settings_window(Platform& platform, SettingsWindowState& state, Queries& queries,
                          Commands& commands) {
  if (!state.open) return;
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(
      ImVec2(vp->WorkPos.x + vp->WorkSize.x * 0.5f, vp->WorkPos.y + vp->WorkSize.y * 0.4f),
      ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSize(
      ImVec2(std::min(820.0f, vp->WorkSize.x - 40), std::min(560.0f, vp->WorkSize.y - 40)),
      ImGuiCond_Appearing);
  if (ImGui::Begin(ICON_SETTINGS " Settings###Settings", &state.open,
                   ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings)) {
    test_mark("settings.window");
    // Escape closes the window, as it does a dialog, unless a field is being typed in (there it undoes).
    if (ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows) && !ImGui::GetIO().WantTextInput &&
        ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false))
      state.open = false;
    const Date today = civil_from_days(platform.now_ms() / kDayMs);
    if (ImGui::BeginTabBar("settings_sections")) {
      const bool company = ImGui::BeginTabItem("Company");
      test_mark("settings.tab_company");
      if (company) {
        draw_company_section(platform, queries, state.company, commands);
        ImGui::EndTabItem();
      }
      const bool invoicing = ImGui::BeginTabItem("Invoicing defaults");
      test_mark("settings.tab_defaults");
      if (invoicing) {
        draw_defaults_section(queries, state.defaults, commands, today);
        ImGui::EndTabItem();
      }
      const bool look = ImGui::BeginTabItem("Appearance");
      test_mark("settings.tab_appearance");
      if (look) {
        draw_theme(platform, state);
        ImGui::EndTabItem();
      }
      const bool formats = ImGui::BeginTabItem("Formats");
      test_mark("settings.tab_formats");
      if (formats) {
        draw_formats(platform, state);
        ImGui::EndTabItem();
      }
      const bool interest = ImGui::BeginTabItem("Interest and rates");
      test_mark("settings.tab_interest");
      if (interest) {
        draw_interest_section(queries, state.defaults, commands, today);
        ImGui::EndTabItem();
      }
      const bool storage = ImGui::BeginTabItem("Storage and backups");
      test_mark("settings.tab_storage");
      if (storage) {
        draw_storage(platform);
        if (platform.backup_state().offered)
          draw_backups(platform, state, platform.now_ms());
        else
          ImGui::TextWrapped(
              "The ledger is a file on this computer: your own backups of that folder cover it.");
        ImGui::EndTabItem();
      }
      help_tab_button(HelpTopic::Settings);
      ImGui::EndTabBar();
    }
  }
  ImGui::End();
}

std::string settings_facts(const SettingsWindowState& state) {
  return nlohmann::json{{"open", state.open},
                        {"logo", state.company.logo.summary},
                        {"logo_message", state.company.logo.message}}
      .dump();
}

}  // namespace duebook::ui

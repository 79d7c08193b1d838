// Settings: the company named in letters (who signs, address, email, phone, bank details), the theme, the
// formats of amounts and dates (the locale), the
// interest rules with their rate tables, where the ledger is kept and how safe that storage is (the browser's
// persistence answer, space used and allowed), when the last backup was made, and after how many days to
// remind.
#pragma once

#include "commands.h"
#include "platform.h"
#include "settings_defaults.h"
#include "settings_sections.h"
#include "style.h"

namespace duebook::ui {

class Queries;

// The settings window's own state.
struct SettingsWindowState {
  bool open = false;                        // the window is shown
  int days_draft = 0;                       // the reminder period being edited (0: take the platform's)
  CompanyDraft company;                     // the company form
  DefaultsDraft defaults;                   // the defaults and interest forms
  ThemeChoice theme = ThemeChoice::System;  // the theme chosen (the "theme" preference)
  bool theme_loaded = false;                // `theme` was read from the platform and applied
  bool dark = false;                        // the dark theme is in force
  std::string locale;                       // the "locale" preference: a locale id, "" = follow the platform
  bool locale_loaded = false;               // `locale` was read from the platform and applied
};

// Reads the locale preference and applies it (display_locale), once: the chosen locale, else the one the
// platform's language tag names (locale_for_tag).
void load_locale(Platform& platform, SettingsWindowState& state);
// Chooses the locale amounts and dates are shown in ("" = follow the platform): applied at once and kept as
// the platform's "locale" preference. What is stored never changes.
void choose_locale(Platform& platform, SettingsWindowState& state, const std::string& id);

// Reads the theme preference from the platform and applies it, once (the first frame).
void load_theme(Platform& platform, SettingsWindowState& state);
// Chooses a theme: applied at once and kept as the platform's "theme" preference.
void choose_theme(Platform& platform, SettingsWindowState& state, ThemeChoice choice);
// Switches between light and dark (the command palette's "Toggle theme").
void toggle_theme(Platform& platform, SettingsWindowState& state);

// Draws the window when open.
// The window's state for the tests, as JSON: whether it is open, the saved logo's summary and the logo row's
// last message.
std::string settings_facts(const SettingsWindowState& state);

void draw_settings_window(Platform& platform, SettingsWindowState& state, Queries& queries,
                          Commands& commands);

// Bytes for a person: "812 KB", "1.4 MB", "9.8 GB".
std::string size_text(int64_t bytes);

}  // namespace duebook::ui

// The workbench's menu bar: File (imports, exports, settings), Edit (undo, redo), View (the theme, the
// editors) and the as-of date.
#pragma once

#include <string>

#include "as_of_bar.h"
#include "commands.h"
#include "import_window.h"
#include "ledger_file_window.h"
#include "platform.h"
#include "settings_window.h"

namespace duebook::ui {

class Queries;

// What the menu bar works on; every member is the app's own.
struct MenuContext {
  Platform& platform;
  Queries& queries;
  Commands& commands;
  ImportWindowState& import;
  LedgerFileWindowState& ledger_file;
  SettingsWindowState& settings;
  AsOfState& as_of;
  std::string& status_message;     // the status bar's message (what an export did)
  Date today;                      // the day every screen works on
  const char* open_tab = nullptr;  // set when a View item asks for a tab ("Policies", "Templates")
};

// Draws the menu bar of the current window (which has ImGuiWindowFlags_MenuBar).
void draw_menu_bar(MenuContext& c);

}  // namespace duebook::ui

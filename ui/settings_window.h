// Settings: where the ledger is kept and how safe that storage is (the browser's persistence answer, space
// used and allowed), when the last backup was made, and after how many days to remind.
#pragma once

#include "platform.h"

namespace duebook::ui {

// The settings window's own state.
struct SettingsWindowState {
  bool open = false;   // the window is shown
  int days_draft = 0;  // the reminder period being edited (0: take the platform's)
};

// Draws the window when open.
void draw_settings_window(Platform& platform, SettingsWindowState& state);

// Bytes for a person: "812 KB", "1.4 MB", "9.8 GB".
std::string size_text(int64_t bytes);

}  // namespace duebook::ui

// "Back up now" in the status bar: the button, when the last backup was made, and a reminder when that is too
// long ago.
#pragma once

#include <cstdint>
#include <string>

#include "platform.h"

namespace duebook::ui {

// What the status bar says about backups at `now_ms`.
struct BackupNote {
  std::string text;  // "Backed up today", "Last backup 9 days ago", "Never backed up"
  bool due = false;  // the last backup is older than the platform's reminder (or there is none)
};
BackupNote describe_backup(const BackupState& state, int64_t now_ms);

// Draws "Back up now" and the note at the cursor (the note in the reminder colour when due; the rule on
// hover). Draws nothing and returns false where the platform does not offer backups. The button calls the
// platform at once (it changes no ledger data).
bool draw_backup(Platform& platform, const BackupState& state, int64_t now_ms);

}  // namespace duebook::ui

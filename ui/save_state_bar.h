// Where the workbench tells the user whether their edits are safe: the save state in the status bar, and a
// notice above the windows when edits are not being saved or this window may only read the ledger.
#pragma once

#include "platform.h"

namespace duebook::ui {

// Draws "Saved", "Saving…" or "Not saved" at the cursor (the status bar's last item), with the storage note
// on hover. Draws nothing for a platform that does not report a save state.
void draw_save_state(const SaveState& state);

// Draws the notice for NotSaved (why, and "Download the ledger") and ReadOnly (why, and "Take over") across
// the window's width; nothing otherwise. Buttons call the platform at once (they change no ledger data).
void draw_save_notice(Platform& platform, const SaveState& state);

// "saved", "saving", "not_saved", "read_only" or "unreported", for tests.
const char* save_state_name(SaveState::Kind kind);

}  // namespace duebook::ui

// The ledger file window: opening a Duebook ledger file (.duebook) chosen, dropped or named by its path —
// what it holds, what it would add, each conflict with a choice (keep mine, keep theirs, keep both
// renumbered) and nothing written until the user confirms — and exporting the ledger, one customer's history
// or a date range as a ledger file.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/date.h"
#include "commands.h"
#include "ledger/ledger_file_export.h"
#include "platform.h"
#include "queries_view.h"

namespace duebook::ui {

// The window's own state.
struct LedgerFileWindowState {
  bool open = false;                       // the window is shown
  std::string path;                        // the path typed in (platforms without a file dialog)
  std::string name;                        // the file opened last
  std::shared_ptr<const LedgerFile> file;  // it, read and checked
  std::string read_error;                  // why it could not be read (damaged, tampered, newer, not a file)
  LedgerFileSink sink;                     // the last dry run's or run's outcome
  std::vector<int> choices;                // per conflict: 0 undecided, then ConflictChoice Mine/Theirs/Both
  bool busy = false;                       // a run was asked for and has not answered yet
  // Export: which part, and the request the app carries out after the frame.
  int scope = 0;                                  // 0 whole ledger, 1 one customer, 2 a date range
  std::string customer, from, to;                 // as typed
  std::string export_error;                       // why the selection was refused
  std::optional<LedgerSelection> export_request;  // set by "Export"; the app writes the file
};

// Takes the ledger files (names ending in .duebook) out of `files`: each is read and checked, and a dry run
// of opening it is queued (the window opens to show it). Other files stay in `files` for the CSV import.
void accept_ledger_files(std::vector<IncomingFile>& files, LedgerFileWindowState& state, Commands& commands);

// Draws the window when open.
void draw_ledger_file_window(Platform& platform, Queries& queries, LedgerFileWindowState& state,
                             Commands& commands);

// Writes the ledger file the window asked for (export_request), if any, through the platform; returns the
// status line ("" when nothing was asked).
std::string export_requested_ledger_file(Platform& platform, Ledger& ledger, LedgerFileWindowState& state,
                                         const Date& today);

// Facts for end-to-end tests, as JSON text: {"open", "file", "error", "mode", "dry_run", "file_events",
// "known", "added", "conflicts": [{"what", "mine", "theirs"}], "renumbered", "undone", "written"}.
std::string ledger_file_facts(const LedgerFileWindowState& state);

}  // namespace duebook::ui

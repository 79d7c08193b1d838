// "Import CSV…": a file chosen in the platform's dialog, dropped on the window or (without a dialog) named by
// its path, imported a slice per frame with a progress bar; a refused file's problems listed by file, row and
// field.
#pragma once

#include <string>
#include <vector>

#include "commands.h"
#include "platform.h"
#include "queries_view.h"

namespace duebook::ui {

// The import window's own state.
struct ImportWindowState {
  bool open = false;       // the window is shown
  std::string path;        // the path typed in (platforms without a file dialog)
  std::string file;        // the file being imported, or the last one
  std::string kind;        // "invoices" or "payments"
  std::string read_error;  // why the last file could not be imported at all (unreadable, not a known CSV)
  CommandSink sink;        // the outcome of the last import
  int64_t started = 0;     // sink.completed when the last import started
  bool running = false;    // an import is under way
  double progress = 0;     // its share done, 0..1
};

// Takes the files the platform received since the last frame: the first starts an import (the window opens to
// show it); while one runs, the others are refused with a note.
void accept_files(std::vector<IncomingFile> files, const Queries& queries, ImportWindowState& state,
                  Commands& commands);

// Draws the window when open: the choose / path controls, the progress of the import under way, the outcome.
void draw_import_window(Platform& platform, ImportWindowState& state, Commands& commands);

// Facts for end-to-end tests, as JSON text: {"running", "progress", "file", "done", "error",
// "problems": [{"where", "message"}]}.
std::string import_facts(const ImportWindowState& state);

// One problem's place, as the importers write it ("file:row:field", "file:row" or "file").
struct ProblemPlace {
  std::string file;   // the file
  std::string row;    // the row as a spreadsheet numbers it; empty when the problem is the whole file's
  std::string field;  // the column; empty when the problem is the row's or the file's
};
ProblemPlace place_of(const std::string& where);

}  // namespace duebook::ui

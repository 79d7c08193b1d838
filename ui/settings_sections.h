// The company section of the settings window: the business named in letters and on invoices, saved through
// SetCompanyDetails (what new records start from, and the interest rules, are in settings_defaults.h).
#pragma once

#include <string>
#include <vector>

#include "collections/templates.h"
#include "commands.h"
#include "platform.h"

namespace duebook::ui {

class Queries;

// The logo row: a picture chosen in the file dialog (the browser) or named by its path (the desktop), saved
// at once through SetCompanyLogo.
struct LogoDraft {
  bool requested = false;        // the dialog or the path was opened for the logo: the next file is the logo
  std::string path;              // the desktop: the picture's path as typed
  CommandSink sink;              // the result of the last change
  int64_t seen = 0;              // sink.completed when last looked at
  std::string message;           // what the last change did, or why the file could not be read
  bool failed = false;           // `message` says what went wrong
  int64_t loaded_revision = -1;  // the ledger revision `summary` was read at
  std::string summary;           // the saved logo: "PNG, 320 × 120 pixels, 14 KB"; "" = none
};

// The company form as typed; committed only by Save.
struct CompanyDraft {
  CompanyDetails details;        // the fields being edited
  int64_t loaded_revision = -1;  // the ledger revision it was loaded at (-1: load on the next draw)
  bool dirty = false;            // typed into since loading
  CommandSink sink;              // the result of the last save
  int64_t seen = 0;
  std::string message;  // what the last save did
  LogoDraft logo;       // the logo row
};

// Who signs letters, the address, email, phone and bank details, as SetCompanyDetails takes them.
// The logo row below it.
void draw_company_section(Platform& platform, Queries& queries, CompanyDraft& draft, Commands& commands);

// Takes the first of `files` as the logo when the logo row asked for a file (submitting SetCompanyLogo, or
// keeping the reason it could not be read); the others stay. True when one was taken.
bool accept_logo_file(std::vector<IncomingFile>& files, CompanyDraft& draft, Commands& commands);

}  // namespace duebook::ui

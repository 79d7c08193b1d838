// The company section of the settings window: the business named in letters and on invoices, saved through
// SetCompanyDetails (what new records start from, and the interest rules, are in settings_defaults.h).
#pragma once

#include <string>

#include "collections/templates.h"
#include "commands.h"

namespace duebook::ui {

class Queries;

// The company form as typed; committed only by Save.
struct CompanyDraft {
  CompanyDetails details;        // the fields being edited
  int64_t loaded_revision = -1;  // the ledger revision it was loaded at (-1: load on the next draw)
  bool dirty = false;            // typed into since loading
  CommandSink sink;              // the result of the last save
  int64_t seen = 0;
  std::string message;  // what the last save did
};

// Who signs letters, the address, email, phone and bank details, as SetCompanyDetails takes them.
void draw_company_section(Queries& queries, CompanyDraft& draft, Commands& commands);

}  // namespace duebook::ui

// The sections of the settings window that are about the business rather than the device: the company named
// in letters and on invoices (saved through SetCompanyDetails) and the interest rules with their rate tables.
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

// The interest a late invoice may carry by law where the company is (the EU Directive 2011/7/EU, the UK Late
// Payment Act) and the central-bank reference rates behind it, as bundled (assets/rates/).
void draw_interest_section();

}  // namespace duebook::ui

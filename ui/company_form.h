// The business that signs collection messages ({{company_name}}, {{sender_name}}, ...): a small form, shown
// open while the details are missing, saved through SetCompanyDetails.
#pragma once

#include <string>

#include "collections/templates.h"
#include "commands.h"

namespace duebook::ui {

class Queries;

struct CompanyFormState {
  CompanyDetails draft;          // what the user is typing
  int64_t loaded_revision = -1;  // the ledger revision the draft was filled from (refilled when it changes)
  CommandSink sink;              // result of the last save
};

// Draws the form as a collapsing section; open by default while the company has no name.
void draw_company_form(Queries& queries, CompanyFormState& state, Commands& commands);

}  // namespace duebook::ui

// The message template editor: a built-in template's subject and body in the business's own words, the
// placeholders listed (a click inserts one), a live preview rendered for a real customer of today's worklist,
// warnings for unknown placeholders, and a reset to the built-in wording; each in English, German, French or
// Spanish (the preview's amounts and dates written for that language). Saved through SaveTemplate.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "base/date.h"
#include "base/result.h"
#include "collections/collections_worklist.h"
#include "commands.h"

namespace duebook::ui {

class Queries;

struct TemplateEditorState {
  std::string id;                         // the template being edited; "" = load the first
  Language language = Language::English;  // which language's wording is edited (and previewed)
  std::string subject, body;              // as edited
  bool dirty = false;                     // the text differs from what was loaded
  bool customised = false;                // the business has its own wording of this template saved
  int64_t loaded_revision = -1;           // the ledger revision the text was loaded at (reloaded when clean)
  int64_t customer_id = 0;  // whose entry of today's worklist the preview is rendered for; 0 = the fullest
  LedgerWorklist worklist;  // today's worklist, for the preview
  int64_t worklist_revision = -1;
  Date worklist_day;
  std::string preview_subject, preview_body;  // the preview, rendered
  Problems warnings;                          // unknown placeholders and unclosed braces (check_template)
  Problems render_problems;                   // why the preview could not be rendered
  CommandSink sink;                           // the result of the last save or reset
  int64_t seen = 0;
  std::string message;  // what the last save or reset did
};

// Draws the editor (the Templates tab's content) as of `today`.
void draw_template_editor(Queries& queries, TemplateEditorState& state, Commands& commands,
                          const Date& today);

// Facts for end-to-end tests, as JSON text: {"id", "language", "dirty", "customised", "customer", "lines",
// "warnings", "preview_subject", "preview_body", "message"}.
std::string template_editor_facts(const TemplateEditorState& state);

}  // namespace duebook::ui

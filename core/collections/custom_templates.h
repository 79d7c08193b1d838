// The business's own wording of the built-in message templates, per language: saved by SaveTemplate, kept in
// the collection_settings table under "template:<id>" (English) or "template:<id>:<language code>", and used
// wherever a step's message is rendered for a customer of that language.
#pragma once

#include <string_view>
#include <vector>

#include "base/result.h"
#include "collections/collection_commands.h"
#include "collections/templates.h"
#include "store/db.h"
#include "store/projector.h"

namespace duebook {

// The templates the business has reworded, each with its language; empty when it kept every built-in wording.
// Reads only.
std::vector<MessageTemplate> custom_templates(Db& db);

// The template with this id in `language` as the business uses it: its saved wording, else the built-in one;
// nullptr when no built-in template has the id. The pointer lives in `custom` or in
// default_templates(language).
const MessageTemplate* template_in_use(const std::vector<MessageTemplate>& custom, std::string_view id,
                                       Language language = Language::English);

// Plans SaveTemplate: the id must name a built-in template; the new wording must pass check_template (every
// placeholder known, every "{{" closed, a body); a reset needs a saved wording to forget, and a save must
// change something. Problems name "id", "subject" or "body"; nothing is written.
Result<Plan> plan_command(Db& db, const SaveTemplate& command);

// The projector of "collections.template_saved" (its undo swaps before and after).
const std::vector<Projector>& custom_template_projectors();

}  // namespace duebook

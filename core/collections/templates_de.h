// The built-in message templates in German.
#pragma once

#include <vector>

#include "collections/templates.h"

namespace duebook {

// The German wording of every built-in template (same ids and actions as default_templates(), language
// German), all passing check_template.
const std::vector<MessageTemplate>& german_templates();

}  // namespace duebook

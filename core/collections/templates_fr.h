// The built-in message templates in French.
#pragma once

#include <vector>

#include "collections/templates.h"

namespace duebook {

// The French wording of every built-in template (same ids and actions as default_templates(), language
// French), all passing check_template.
const std::vector<MessageTemplate>& french_templates();

}  // namespace duebook

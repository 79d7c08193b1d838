// The built-in message templates in Spanish.
#pragma once

#include <vector>

#include "collections/templates.h"

namespace duebook {

// The Spanish wording of every built-in template (same ids and actions as default_templates(), language
// Spanish), all passing check_template.
const std::vector<MessageTemplate>& spanish_templates();

}  // namespace duebook

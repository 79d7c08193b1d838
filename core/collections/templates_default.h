// The message templates Duebook ships with.
#pragma once

#include <vector>

#include "collections/templates.h"

namespace duebook {

// The built-in templates, one or more per StepAction, all passing check_template:
// friendly_reminder, courtesy_reminder, phone_script, second_call_script, overdue_letter,
// late_fee_letter, senior_manager_letter, credit_hold_notice, final_notice, agency_notice.
// Defined in templates_default.cpp.
const std::vector<MessageTemplate>& default_templates();

}  // namespace duebook

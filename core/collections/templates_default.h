// The message templates Duebook ships with.
#pragma once

#include <vector>

#include "collections/templates.h"

namespace duebook {

// The built-in templates, one or more per StepAction, all passing check_template:
// friendly_reminder, courtesy_reminder, phone_script, second_call_script, overdue_letter,
// late_fee_letter, senior_manager_letter, credit_hold_notice, final_notice, agency_notice; and the two
// confirmations of an agreement, plan_confirmation and settlement_confirmation (letters no step uses by
// default; files/agreement_document renders them).
// Defined in templates_default.cpp.
const std::vector<MessageTemplate>& default_templates();

// The built-in templates written in `language`: the same ids and actions as default_templates(), in that
// language (German, French and Spanish from templates_de/fr/es.cpp).
const std::vector<MessageTemplate>& default_templates(Language language);

// A built-in template: emails and letters end with the signature (sender, company, phone, email); call
// scripts are read, not sent, and have none.
MessageTemplate make_template(const char* id, StepAction action, const char* subject, const char* body,
                              Language language);

}  // namespace duebook

// The check that keeps a payload this program did not write itself (an event from a ledger file) from
// reaching a projector with a field missing or of the wrong type: projectors read payloads as their own
// commands wrote them.
#pragma once

#include <nlohmann/json.hpp>
#include <string_view>

#include "base/result.h"

namespace duebook {

// Ok when `payload` has the declared shape of event type `type` (ledger/event_shapes_table.h); otherwise one
// problem whose `where` is the path inside the payload ("invoices[2][4]") and whose message says what was
// expected there. A type with no declared shape is a problem. Pure: reads and changes nothing else.
Status check_event_shape(std::string_view type, const nlohmann::json& payload);

}  // namespace duebook

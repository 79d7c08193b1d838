// Internal to core: how each event type changes the projection tables, and which events reverse it.
#pragma once

#include <nlohmann/json.hpp>

#include <string_view>
#include <vector>

#include "db.h"
#include "events.h"
#include "ledger.h"
#include "result.h"

namespace duebook {

using Json = nlohmann::json;

struct Projector {
  std::string_view type;  // event type it handles
  // Updates projection tables for event `e` (payload already parsed). Runs inside the caller's transaction.
  Status (*apply)(Db& db, const Event& e, const Json& payload);
  // Events that undo `e`, computed from its payload (events carry what they replaced, so this needs no
  // state). Appended in reverse order of the events of the action being undone.
  std::vector<EventDraft> (*inverse)(const Event& e, const Json& payload);
};

const Projector* find_projector(std::string_view type);

// Each domain lists its projectors; find_projector searches these lists.
const std::vector<Projector>& customer_projectors();

// Each command's validation and planning lives beside its projectors.
Result<Plan> plan_command(Db& db, const AddCustomer& command);
Result<Plan> plan_command(Db& db, const EditCustomer& command);

// Serialises a JSON payload compactly and deterministically (keys sorted by nlohmann's std::map).
inline std::string to_payload(const Json& j) { return j.dump(); }

}  // namespace duebook

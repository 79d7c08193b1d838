// The import record every CSV import keeps (file, SHA-256, counts), so the same file is never imported twice.
#pragma once

#include <vector>

#include "store/projector.h"

namespace duebook {

// The projectors of the import events.
const std::vector<Projector>& import_projectors();

}  // namespace duebook

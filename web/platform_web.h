// What the browser platform (platform_web.cpp) tells the page's hooks (hooks_web.cpp).
#pragma once

#include <nlohmann/json_fwd.hpp>

#include "app.h"

namespace duebook::web {

// The running workbench, or null before the stored ledger is loaded.
ui::App* running_app();
// The page's own facts for the tests: {"rendered_frames", "dpr", "canvas_css": [w, h]} in CSS pixels.
nlohmann::json page_facts();

}  // namespace duebook::web

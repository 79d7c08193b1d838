// CLI: collections worklist (cli_worklist.cpp).
#pragma once

#include "cli.h"

namespace duebook::cli {

// collections worklist [--as-of D]: the day's entries, highest priority first.
int worklist(Context& ctx, Args& args);

}  // namespace duebook::cli

// CLI: report options (cli_options.cpp).
#pragma once

#include "cli.h"

namespace duebook::cli {

// report options --invoices N1,N2 [--discount P] [--interest POLICY] [--factoring ...] [--agency ...]
int options_report(Context& ctx, Args& args);

}  // namespace duebook::cli

// CLI: the Duebook ledger file (cli_ledger_file.cpp).
#pragma once

#include "cli.h"

namespace duebook::cli {

// export --format duebook [--customer C] [--invoice N]... [--from D] [--to D] --output FILE.duebook
int export_ledger_file_command(Context& ctx, Args& args);

// import --ledger FILE.duebook [--dry-run] [--resolve mine|theirs|both]: opens the file into an empty ledger
// or merges it into this one. Exit 3 with the conflicts listed (nothing written) when they are not resolved.
int import_ledger_file_command(Context& ctx, Args& args, const std::string& path);

}  // namespace duebook::cli

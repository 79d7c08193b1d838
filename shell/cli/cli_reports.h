// What the report commands share with the options report (cli_options.cpp).
#pragma once

#include <memory>
#include <string>

#include "base/result.h"
#include "cli.h"
#include "reports/ar_snapshot.h"

namespace duebook::cli {

// Problems re-filed under the option the user typed.
Problems under(const std::string& option, const Problems& problems);

// An amount in the minor digits of its currency ("1234.50").
std::string amount(int64_t minor, const Currency& c);

// The receivables ledger of the whole book, or nullptr after printing why (exit 4).
std::unique_ptr<ArSnapshot> snapshot(Context& ctx, bool numbers = false);

}  // namespace duebook::cli

// Helpers shared by the collections CLI files (cli_collections.cpp, cli_collections_contacts.cpp,
// cli_collections_money.cpp).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "cli.h"
#include "collections/collections_queries.h"

namespace duebook::cli {

// The money handlers (charges, fee, plan, settle, agency, factor); collections_handlers() includes them.
const std::vector<Handler>& collection_money_handlers();
// The contact, promise and dispute handlers (cli_collections_contacts.cpp); collections_handlers() includes
// them.
const std::vector<Handler>& collection_contact_handlers();

// Invoices named in a list ("INV-2026-0001,INV-2026-0002", commas or blanks between); problems name `option`.
Result<std::vector<int64_t>> invoice_list_arg(Db& db, const std::string& text, const std::string& option);
// A customer named by --customer; problems name it. `text` missing is a usage error for the caller.
Result<Customer> customer_option(Db& db, const std::string& text);
// An integer in `text`; problems name `option`.
Result<int64_t> integer_arg(const std::string& text, const std::string& option);

// Prints a rejected command's problems with core's field names replaced by the command's options
// ({"amount", "--amount"}: "amount" and "amount..." become "--amount..."), and returns kRejected.
int rejected_as(Context& ctx, const Problems& problems, const std::map<std::string, std::string>& options);

// Runs `command` and prints its label; rejections go through rejected_as.
int execute_and_report(Context& ctx, Ledger& ledger, const Command& command,
                       const std::map<std::string, std::string>& options = {});

// Today from the context's clock, or the date given; `option` names it in problems.
Result<Date> day_arg(const Context& ctx, const std::optional<std::string>& text, const std::string& option);

}  // namespace duebook::cli

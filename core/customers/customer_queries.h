// Read-side queries over the projection tables. Pure reads: they never change the ledger.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "customers/customers.h"
#include "store/db.h"

namespace duebook {

// The key customer names are unique by: blanks normalised (normalize_blanks) and ASCII letters lower-cased,
// so names a reader cannot tell apart ("Acme\u00a0Ltd", "acme  ltd") are one customer.
std::string name_key(std::string_view name);

std::optional<Customer> find_customer(Db& db, int64_t id);
std::optional<Customer> find_customer_by_name(Db& db, std::string_view name);

// Which customers a list shows.
struct CustomerQuery {
  std::string search;  // fragment of the name, case-insensitive; empty = all
  int64_t offset = 0;  // rows to skip
  int64_t limit = 50;  // rows to return at most
};
std::vector<Customer> list_customers(Db& db, const CustomerQuery& query);
int64_t count_customers(Db& db, std::string_view search);

}  // namespace duebook

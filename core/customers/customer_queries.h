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

// What names are compared by when looking for near-duplicates: name_key, with punctuation read as blanks and
// a trailing legal form ("Ltd", "Limited", "GmbH", "Inc.", "LLC", "S.A.", ...) dropped, so "ACME Ltd.",
// "Acme Limited" and "acme" all give "acme".
std::string similarity_key(std::string_view name);

// Whether two similarity keys are one edit apart (a letter added, dropped, changed, or two swapped), for
// keys of 6 characters or more: a typo, not two short names that merely differ.
bool one_typo_apart(std::string_view a, std::string_view b);

// Up to `limit` customers other than `except_id` whose names look like `name` (the same similarity key, or
// one typo apart) without being it (another name_key), nearest first. A warning, never a refusal: "Acme
// Ltd" and "Acme Inc" may be two companies. Reads every customer's name once.
std::vector<Customer> similar_customers(Db& db, std::string_view name, int64_t except_id = 0,
                                        size_t limit = 3);

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

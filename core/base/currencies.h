// The bundled ISO 4217 currency table and lookups in it.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "base/money.h"

namespace duebook {

// One row of the currency table.
struct Currency {
  std::string code;  // ISO 4217 alphabetic code, three upper-case ASCII letters ("EUR")
  int minor_digits;  // decimal places of the minor unit: 2 for EUR, 0 for JPY, 3 for BHD
  std::string name;  // English name from the ISO 4217 list ("Euro"), for display only
};

// An immutable set of currencies, sorted by code.
class CurrencyTable {
 public:
  CurrencyTable() = default;
  // Takes rows sorted by code with no duplicates (parse_currency_table guarantees both; asserts).
  explicit CurrencyTable(std::vector<Currency> sorted_rows);

  // The currency with this code (exact, case-sensitive), or nullptr when the table has none.
  const Currency* find(std::string_view code) const;
  // Every currency, sorted by code.
  const std::vector<Currency>& all() const { return rows_; }
  // Number of currencies.
  std::size_t size() const { return rows_.size(); }

 private:
  std::vector<Currency> rows_;  // sorted by code, unique
};

// Parses a currency table from CSV text: a header line "code,digits,name", then one currency per
// line. Blank lines and lines whose first non-blank character is '#' are ignored anywhere; CRLF line
// ends are accepted. The name is the rest of the line after the second comma (it may contain commas)
// and may be wrapped in double quotes ("" inside quotes is one quote).
// On failure returns every problem found, each located as "file_name:row:field" (row is the
// 1-based line number in the text): a missing or different header, a code that is not three upper-
// case letters, a duplicate code, digits outside 0..kMaxMinorDigits, an empty name, or no rows.
Result<CurrencyTable> parse_currency_table(std::string_view csv, std::string_view file_name);

// The table built into the program from assets/currencies.csv (ISO 4217 List One). Parsed once, on
// first use; thread-safe. The bundled file is checked by the tests, so this never fails at run time
// (a broken bundled file is a build error and asserts).
const CurrencyTable& builtin_currencies();

// Minor-unit digits of a currency code from the bundled table (2 when unknown).
int currency_digits(std::string_view code);

// True when `code` is an ISO 4217 code in the bundled currency table.
bool is_known_currency(std::string_view code);

}  // namespace duebook

// The bundled ISO 4217 currency table and lookups in it.
#pragma once

#include <string_view>

#include "base/money.h"

namespace duebook {

// The table built into the program from assets/currencies.csv (ISO 4217 List One). Parsed once, on
// first use; thread-safe. The bundled file is checked by the tests, so this never fails at run time
// (a broken bundled file is a build error and asserts).
const CurrencyTable& builtin_currencies();

// Minor-unit digits of a currency code from the bundled table (2 when unknown).
int currency_digits(std::string_view code);

// True when `code` is an ISO 4217 code in the bundled currency table.
bool is_known_currency(std::string_view code);

}  // namespace duebook

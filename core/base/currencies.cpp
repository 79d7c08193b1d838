// The bundled currency table. The build generates currencies.inc from assets/currencies.csv by
// wrapping the file in a raw string literal (cmake/EmbedText.cmake), so the data lives only in the
// asset and is never copied into source by hand.
#include <cassert>
#include <string_view>

#include "base/currencies.h"

namespace duebook {
namespace {

constexpr std::string_view kBundledCurrenciesCsv =
#include "currencies.inc"
    ;

CurrencyTable load_bundled_table() {
  Result<CurrencyTable> parsed = parse_currency_table(kBundledCurrenciesCsv, "assets/currencies.csv");
  assert(parsed.ok() && "assets/currencies.csv does not parse; see tests/core/test_money.cpp");
  return parsed.ok() ? std::move(parsed).value() : CurrencyTable();
}

}  // namespace

const CurrencyTable& builtin_currencies() {
  static const CurrencyTable table = load_bundled_table();
  return table;
}

int currency_digits(std::string_view code) {
  const Currency* c = builtin_currencies().find(code);
  return c ? c->minor_digits : 2;
}

bool is_known_currency(std::string_view code) { return builtin_currencies().find(code) != nullptr; }

}  // namespace duebook

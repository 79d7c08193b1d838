// The readers of single values a user types or a file holds: dates, amounts, decimals, terms, currency codes.
// Properties: nothing crashes, and whatever is accepted reads back the same from its canonical spelling.
#include <cstdint>

#include "base/date.h"
#include "base/money.h"
#include "customers/terms.h"
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text = as_text(data, size);
  for (std::string_view format : {"YYYY-MM-DD", "MM/DD/YYYY", "DD.MM.YYYY", "DD/MM/YYYY"}) {
    duebook::Result<duebook::Date> d = duebook::parse_date(text, format);
    if (d)
      FUZZ_CHECK(duebook::parse_date(duebook::format_date(d.value(), format), format).value() == d.value());
  }
  for (int digits : {0, 2, 3}) {
    duebook::Result<int64_t> a = duebook::parse_amount(text, digits);
    if (a)
      FUZZ_CHECK(duebook::parse_amount(duebook::format_amount(a.value(), digits), digits).value() ==
                 a.value());
  }
  duebook::Result<duebook::Decimal> dec = duebook::parse_decimal(text);
  if (dec) FUZZ_CHECK(duebook::parse_decimal(duebook::to_string(dec.value())).value() == dec.value());
  duebook::Result<duebook::PaymentTerms> terms = duebook::parse_terms(text);
  if (terms) {
    duebook::Result<duebook::PaymentTerms> again = duebook::parse_terms(duebook::to_string(terms.value()));
    FUZZ_CHECK(again.ok() && again.value() == terms.value());
    // A due date is never before the invoice date (terms are never negative).
    const duebook::Date issued{2026, 1, 31};
    FUZZ_CHECK(!(duebook::due_date(terms.value(), issued) < issued));
  }
  (void)duebook::parse_currency_code(text);
  return 0;
}

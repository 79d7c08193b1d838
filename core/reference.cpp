// Checks of user input against the bundled reference data (currencies) and the terms grammar.
#include "money.h"
#include "queries.h"
#include "terms.h"

namespace duebook {

bool is_known_currency(std::string_view code) { return builtin_currencies().find(code) != nullptr; }

std::string check_terms(std::string_view terms) {
  Result<PaymentTerms> parsed = parse_terms(terms);
  return parsed ? std::string() : describe(parsed.problems());
}

}  // namespace duebook

// Checks of user input against the bundled reference data (currencies) and the terms grammar.
#include <cassert>

#include "charges.h"
#include "money.h"
#include "queries.h"
#include "terms.h"

namespace duebook {

bool is_known_currency(std::string_view code) { return builtin_currencies().find(code) != nullptr; }

std::string check_terms(std::string_view terms) {
  Result<PaymentTerms> parsed = parse_terms(terms);
  return parsed ? std::string() : describe(parsed.problems());
}

const ReferenceRates& builtin_reference_rates() {
  // Built from assets/rates/*.csv (embedded by the build); a broken bundled file fails the tests, so this
  // never fails at run time.
  static const ReferenceRates rates = [] {
    static constexpr std::string_view kBoe =
#include "boe-base-rate.inc"
        ;
    static constexpr std::string_view kEcb =
#include "ecb-mro-rate.inc"
        ;
    ReferenceRates r;
    Result<RateHistory> boe = parse_rate_history(kBoe, "assets/rates/boe-base-rate.csv");
    Result<RateHistory> ecb = parse_rate_history(kEcb, "assets/rates/ecb-mro-rate.csv");
    assert(boe.ok() && ecb.ok());
    if (boe) r.boe_bank_rate = boe.value();
    if (ecb) r.ecb_mro = ecb.value();
    return r;
  }();
  return rates;
}

}  // namespace duebook

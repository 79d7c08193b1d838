// The bundled reference-rate tables, embedded by the build from assets/rates/*.csv.
#include <cassert>

#include "collections/reference_rates.h"

namespace duebook {

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

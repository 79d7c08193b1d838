// The central-bank reference rates Duebook ships with (assets/rates/*.csv), for statutory interest.
#pragma once

#include "collections/charges.h"

namespace duebook {

// The reference rates bundled with this build (assets/rates/), parsed once.
const ReferenceRates& builtin_reference_rates();

}  // namespace duebook

// Requests a window makes to show another one (a customer's page, an invoice, the payment form). The app
// carries them out at the start of the next frame, so no window reaches into another's state while drawing.
#pragma once

#include <cstdint>
#include <optional>

#include "documents.h"

namespace duebook::ui {

struct Navigation {
  int64_t open_customer = 0;                // show this customer's page; 0 = no request
  int64_t open_invoice = 0;                 // show this invoice's window; 0 = no request
  std::optional<int64_t> pay_customer;      // open the payment form for this customer (0 = none chosen yet)
  std::optional<DocumentRequest> document;  // make this PDF and hand it to the platform
};

}  // namespace duebook::ui

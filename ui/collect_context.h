// What every screen of the Collect tab works on: one customer, the invoices chosen, and the day.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "base/date.h"
#include "collections/collections_queries.h"

namespace duebook::ui {

struct CollectContext {
  int64_t customer_id = 0;                  // whose invoices; 0 = none chosen yet
  std::string customer;                     // the customer's name
  std::string currency;                     // the invoices' currency ("" when none is chosen)
  std::vector<CollectionInvoice> invoices;  // the chosen open invoices, by due date
  int64_t open = 0;                         // Σ their open amounts, minor units of `currency`
  Date today;                               // the day every figure is worked out for
};

}  // namespace duebook::ui

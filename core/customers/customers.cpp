// Customers: the names of their statuses.
#include "customers/customers.h"

namespace duebook {

const char* to_string(CustomerStatus status) {
  switch (status) {
    case CustomerStatus::Active:
      return "active";
    case CustomerStatus::CreditHold:
      return "hold";
    case CustomerStatus::CashOnDelivery:
      return "cod";
  }
  return "active";
}

std::optional<CustomerStatus> customer_status_from(std::string_view text) {
  if (text == "active") return CustomerStatus::Active;
  if (text == "hold" || text == "credit-hold") return CustomerStatus::CreditHold;
  if (text == "cod" || text == "cash-on-delivery") return CustomerStatus::CashOnDelivery;
  return std::nullopt;
}

Language customer_language(const CustomerFields& fields) {
  Result<Language> language = parse_language(fields.language);
  return language ? *language : Language::English;
}

}  // namespace duebook

// Payments and credit notes as values: the names of the credit kinds.
#include "invoicing/payments.h"

namespace duebook {

const char* to_string(CreditKind kind) {
  return kind == CreditKind::Payment ? "payment" : "credit_note";
}

std::optional<CreditKind> credit_kind_from(std::string_view text) {
  if (text == "payment") return CreditKind::Payment;
  if (text == "credit_note") return CreditKind::CreditNote;
  return std::nullopt;
}

}  // namespace duebook

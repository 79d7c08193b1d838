// Money in and credit out: payments received, credit notes, their allocation to invoices, refunds of
// unapplied credit, and write-offs. A payment or credit note is a "credit source": whatever part of it is not
// allocated to an invoice (or refunded) is the customer's unapplied credit.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace duebook {

// The two kinds of credit that can be allocated to invoices.
enum class CreditKind { Payment, CreditNote };
const char* to_string(CreditKind kind);  // "payment" / "credit_note"
std::optional<CreditKind> credit_kind_from(std::string_view text);

// Names one payment or credit note.
struct CreditRef {
  CreditKind kind = CreditKind::Payment;  // which table
  int64_t id = 0;                         // its id there
};

}  // namespace duebook

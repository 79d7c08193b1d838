// The early-payment discount ("2/10 Net 30"): what to book when a customer pays within the discount period.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/date.h"
#include "base/money.h"
#include "base/result.h"
#include "customers/terms.h"

namespace duebook {

// A payment that may earn the early-payment discount.
struct EarlyPaymentInput {
  PaymentTerms terms;                // the invoice's terms ("2/10 Net 30")
  Date invoice_date;                 // the invoice's date
  int64_t gross_minor = 0;           // invoice total with tax; the discount is a percent of this
  int64_t net_minor = 0;             // the part without tax
  int64_t tax_minor = 0;             // the tax; net + tax == gross
  int64_t open_minor = 0;            // still open before this payment (gross minus earlier payments)
  Date paid_on;                      // the payment's date
  int64_t paid_minor = 0;            // the payment's amount, > 0
  bool discount_reduces_tax = true;  // setting: the discount also reduces the tax charged
};

// What to book for the payment.
struct EarlyPaymentBooking {
  bool discount_taken = false;       // the payment was in time and covered the discounted amount
  int64_t applied_minor = 0;         // of the payment, applied to the invoice
  int64_t unapplied_minor = 0;       // of the payment, left over (an overpayment, kept as credit)
  int64_t discount_minor = 0;        // the discount booked as a credit on the invoice
  int64_t discount_net_minor = 0;    // of which reduces the net amount
  int64_t discount_tax_minor = 0;    // of which reduces the tax (0 unless discount_reduces_tax)
  int64_t remaining_open_minor = 0;  // open after the payment and the discount
};

// Books a payment. The discount (discount_amount(terms, gross), rounded half-up) is taken when the
// payment is dated on or before discount_deadline and covers open − discount; it then settles the
// invoice: the discount is a credit, any excess is unapplied. Otherwise the payment is applied up to
// the open amount with no discount. When the setting says the discount reduces tax, the discount is
// split between net and tax in proportion to net and tax, by largest remainder (split_by_weights),
// so the two parts always add up to the discount. Fails (where "payment.<field>") when terms are
// invalid, amounts are negative, net + tax != gross, open > gross, or the payment is not positive.
Result<EarlyPaymentBooking> book_early_payment(const EarlyPaymentInput& input);

}  // namespace duebook

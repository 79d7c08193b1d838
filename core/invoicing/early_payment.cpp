// The early-payment discount (early_payment.h).
#include "invoicing/early_payment.h"

#include <algorithm>
#include <cassert>

#include "base/currencies.h"
#include "base/text.h"

namespace duebook {

Result<EarlyPaymentBooking> book_early_payment(const EarlyPaymentInput& in) {
  Problems problems;
  Status terms = validate_terms(in.terms);
  if (!terms) problems.push_back({"payment.terms", terms.problems().front().message});
  if (in.gross_minor < 0 || in.net_minor < 0 || in.tax_minor < 0) {
    problems.push_back({"payment.gross", "gross, net and tax cannot be negative"});
  } else if (in.net_minor + in.tax_minor != in.gross_minor) {
    problems.push_back({"payment.gross", "net + tax must equal gross"});
  }
  if (in.open_minor < 0 || in.open_minor > in.gross_minor) {
    problems.push_back({"payment.open", "the open amount must be between 0 and the gross amount"});
  }
  if (in.paid_minor <= 0) problems.push_back({"payment.amount", "a payment must be positive"});
  if (!problems.empty()) return problems;

  EarlyPaymentBooking b;
  const int64_t discount = discount_amount(in.terms, in.gross_minor);
  const bool in_time = discount_applies(in.terms, in.invoice_date, in.paid_on);
  if (in_time && discount > 0 && in.open_minor > discount && in.paid_minor >= in.open_minor - discount) {
    b.discount_taken = true;
    b.discount_minor = discount;
    b.applied_minor = in.open_minor - discount;
    b.unapplied_minor = in.paid_minor - b.applied_minor;
    b.remaining_open_minor = 0;
    if (in.discount_reduces_tax && in.tax_minor > 0) {
      const std::vector<int64_t> parts = split_by_weights(discount, {in.net_minor, in.tax_minor});
      b.discount_net_minor = parts[0];
      b.discount_tax_minor = parts[1];
    } else {
      b.discount_net_minor = discount;
    }
    return b;
  }
  b.applied_minor = std::min(in.paid_minor, in.open_minor);
  b.unapplied_minor = in.paid_minor - b.applied_minor;
  b.remaining_open_minor = in.open_minor - b.applied_minor;
  return b;
}

}  // namespace duebook

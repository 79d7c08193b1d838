// The charges preview: what each overdue invoice would be charged in late-payment interest and fixed
// compensation under a policy (interest.h), with totals per currency. The rules themselves are apart: late
// fees (late_fees.h), interest (interest.h), reference rates (reference_rates.h). Pure functions on exact
// integers.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/date.h"
#include "base/money.h"
#include "base/result.h"
#include "collections/interest.h"
#include "collections/late_fees.h"
#include "collections/reference_rates.h"

namespace duebook {

// ---------------------------------------------------------------------------------------------
// The charges preview ("duebook charges preview --as-of D --policy P --format json")

// An invoice that may be late, with the payments received on it.
struct ChargeableInvoice {
  std::string invoice;                 // the invoice number
  std::string customer;                // the customer's name
  Date due_date;                       // when it fell due
  Money amount_due;                    // the amount payable on the due date (gross − credits)
  std::vector<DatedPayment> payments;  // payments received, any dates (before the due date too)
};

// What one overdue invoice would be charged.
struct ChargesPreviewRow {
  std::string invoice;                   // the invoice number
  std::string customer;                  // the customer's name
  CurrencyCode currency;                 // the invoice's currency
  Date due_date;                         // when it fell due
  int64_t outstanding_minor = 0;         // unpaid at the end of as_of
  int64_t days_late = 0;                 // as_of − due date
  Decimal annual_rate;                   // the rate in force on as_of, percent a year
  int64_t interest_minor = 0;            // accrued from due + 1 to as_of inclusive
  int64_t fixed_compensation_minor = 0;  // statutory fixed sum (UK s.5A, EU Art. 6); 0 for contract
};

// Totals of one currency.
struct ChargesPreviewTotal {
  CurrencyCode currency;                 // the currency
  int invoices = 0;                      // rows counted
  int64_t outstanding_minor = 0;         // Σ outstanding
  int64_t interest_minor = 0;            // Σ interest
  int64_t fixed_compensation_minor = 0;  // Σ fixed compensation
};

// The preview: one row per overdue invoice, totals per currency, and what was left out.
struct ChargesPreview {
  Date as_of;                               // the day the preview is computed for
  InterestPolicy policy;                    // the policy used
  std::vector<ChargesPreviewRow> rows;      // by customer, then due date, then invoice
  std::vector<ChargesPreviewTotal> totals;  // by currency code
  Problems skipped;                         // invoices not priced, where = invoice number
};

// Prices every invoice with due_date < as_of and something still unpaid at the end of as_of.
// The UK policy applies to GBP debts and the EU policy to EUR debts (the fixed sums are in those
// currencies; a non-euro Member State's reference rate is its own central bank's, which is not
// bundled); other currencies are listed in `skipped`, as are invoices whose rate is missing from the
// history. Fixed compensation is based on the amount unpaid at the end of the due date. Never fails.
ChargesPreview preview_charges(const Date& as_of, const InterestPolicy& policy,
                               const std::vector<ChargeableInvoice>& invoices, const ReferenceRates& rates);

// The preview as JSON: {"as_of","policy","invoices":[{"invoice","customer","currency",
// "due_date","outstanding","days_late","annual_rate","interest","fixed_compensation"}],"totals":[{"currency",
// "invoices","outstanding","interest","fixed_compensation"}],"skipped":[{"invoice","message"}]}.
// Amounts and rates are exact decimal strings ("1234.50", "12.25"), never JSON numbers.
std::string charges_preview_json(const ChargesPreview& preview);

}  // namespace duebook

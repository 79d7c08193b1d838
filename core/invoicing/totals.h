// Invoice totals as EN 16931-1:2017 (the European e-invoicing standard) computes them: line net
// amounts, a tax breakdown per rate, and the document totals BT-106 .. BT-115. Pure: lines in,
// totals out. Business-term numbers (BT-…) and rule ids (BR-…) refer to EN 16931-1.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "base/money.h"
#include "base/result.h"

namespace duebook {

// One invoice line as entered.
struct InvoiceLineInput {
  std::string description;      // BT-153 item name; used only to make problems readable
  Decimal quantity;             // BT-129 invoiced quantity; negative for returns and corrections
  Decimal unit_price;           // BT-146 item net price in major units (19.99, or 0.0125 per unit); >= 0
  int64_t allowance_minor = 0;  // BT-136 line allowance (discount) in minor units; 0..the line's gross
  Decimal tax_rate_percent;     // BT-152 VAT rate in percent (19, 7.7, 0); 0..100
};

// The computed totals of an invoice, all in the currency's minor units.
struct InvoiceTotals {
  // The tax of one rate (EN 16931 "VAT breakdown", BG-23).
  struct TaxBreakdown {
    Decimal rate;     // BT-119 rate in percent, without trailing zeros (19, 7.7)
    int64_t taxable;  // BT-116 sum of the line net amounts at this rate
    int64_t tax;      // BT-117 taxable × rate / 100, rounded half-up once for the whole rate
  };

  std::vector<int64_t> line_net;    // BT-131 per input line, in input order
  std::vector<TaxBreakdown> taxes;  // one entry per distinct rate, by ascending rate
  int64_t sum_line_net = 0;         // BT-106 sum of line net amounts
  int64_t total_without_tax = 0;    // BT-109 = BT-106 (document allowances/charges are not modelled)
  int64_t total_tax = 0;            // BT-110 sum of the breakdown's tax amounts
  int64_t total_with_tax = 0;       // BT-112 = BT-109 + BT-110
  int64_t prepaid = 0;              // BT-113 amount already paid (a deposit, say)
  int64_t amount_due = 0;           // BT-115 = BT-112 − BT-113
};

// Computes an invoice's totals in a currency with `minor_digits` decimals (0..kMaxMinorDigits;
// asserts), generalising EN 16931's two-decimal amounts (BR-DEC-*) to the currency's minor unit:
//   line net (BT-131)   = quantity × unit price, rounded half-up to the minor unit, − allowance
//   taxable (BT-116)    = sum of line nets at that rate                               (BR-CO-10)
//   tax (BT-117)        = taxable × rate / 100, rounded half-up once per rate, not per line (BR-CO-17)
//   BT-106 = Σ BT-131; BT-110 = Σ BT-117 (BR-CO-14); BT-112 = BT-109 + BT-110 (BR-CO-15);
//   BT-115 = BT-112 − BT-113 (BR-CO-16)
// Rounding is symmetric, so a credit note's totals mirror its invoice's. No lines gives all-zero
// totals (a draft; requiring a line, BR-16, is the issuing check's job).
// Fails, listing every problem, when: a unit price is negative (BR-27: use a negative quantity); an
// allowance is negative, larger than its line's gross amount, or on a line whose gross is not
// positive; a tax rate is outside 0..100; prepaid is negative; or any amount overflows int64.
// Problems name the field as "lines[i].field" (0-based i) or "prepaid".
Result<InvoiceTotals> compute_totals(const std::vector<InvoiceLineInput>& lines, int minor_digits,
                                     int64_t prepaid_minor = 0);

}  // namespace duebook

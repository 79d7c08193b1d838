#include "invoicing/totals.h"

#include <algorithm>
#include <cassert>
#include <limits>

namespace duebook {
namespace {

// 10^n as a 128-bit integer, for 0 <= n <= 38.
Int128 pow10_wide(int n) {
  assert(n >= 0 && n <= 38);
  Int128 p = 1;
  for (int i = 0; i < n; ++i) p *= 10;
  return p;
}

// quantity × price in minor units of a currency with `digits` decimals, rounded once half-up.
// False when the result does not fit in int64.
bool gross_line_amount(Decimal quantity, Decimal price, int digits, int64_t* out) {
  const Int128 product = static_cast<Int128>(quantity.units) * price.units;  // |.| < 2^126
  const int scale = quantity.scale + price.scale;                            // product's decimals
  Int128 minor = 0;
  if (scale >= digits) {
    minor = round_div(product, pow10_wide(scale - digits), Rounding::HalfUp);
  } else {
    const Int128 factor = pow10_wide(digits - scale);
    const Int128 limit = std::numeric_limits<Int128>::max() / factor;
    if (product > limit || product < -limit) return false;
    minor = product * factor;
  }
  if (!fits_int64(minor)) return false;
  *out = static_cast<int64_t>(minor);
  return true;
}

std::string line_label(std::size_t i, const InvoiceLineInput& line) {
  std::string label = "line " + std::to_string(i + 1);
  if (!line.description.empty()) label += " (" + line.description + ")";
  return label;
}

}  // namespace

Result<InvoiceTotals> compute_totals(const std::vector<InvoiceLineInput>& lines, int minor_digits,
                                     int64_t prepaid_minor) {
  assert(minor_digits >= 0 && minor_digits <= kMaxMinorDigits);
  const std::string too_large = "the amounts are larger than the largest amount Duebook can hold";
  Problems problems;
  InvoiceTotals totals;
  totals.line_net.assign(lines.size(), 0);

  for (std::size_t i = 0; i < lines.size(); ++i) {
    const InvoiceLineInput& line = lines[i];
    const std::string at = "lines[" + std::to_string(i) + "].";
    const std::string label = line_label(i, line);
    bool line_ok = true;
    if (line.unit_price < Decimal{0, 0}) {
      problems.push_back({at + "unit_price", label + ": the price must not be negative (EN 16931 BR-27); "
                                                     "enter a negative quantity for a return or credit"});
      line_ok = false;
    }
    if (line.tax_rate_percent < Decimal{0, 0} || Decimal{100, 0} < line.tax_rate_percent) {
      problems.push_back(
          {at + "tax_rate_percent",
           label + ": a tax rate of " + to_string(line.tax_rate_percent) + " % is not between 0 and 100"});
      line_ok = false;
    }
    if (line.allowance_minor < 0) {
      problems.push_back({at + "allowance_minor", label + ": the allowance must not be negative"});
      line_ok = false;
    }
    if (!line_ok) continue;

    int64_t gross = 0;
    if (!gross_line_amount(line.quantity, line.unit_price, minor_digits, &gross)) {
      problems.push_back({at + "quantity", label + ": quantity × price is too large"});
      continue;
    }
    if (line.allowance_minor > 0 && gross <= 0) {
      problems.push_back({at + "allowance_minor", label +
                                                      ": an allowance needs a line with a positive amount; "
                                                      "on a return, enter the reduced price instead"});
      continue;
    }
    if (line.allowance_minor > 0 && line.allowance_minor > gross) {
      problems.push_back({at + "allowance_minor",
                          label + ": the allowance " + format_amount(line.allowance_minor, minor_digits) +
                              " is larger than the line amount " + format_amount(gross, minor_digits)});
      continue;
    }
    totals.line_net[i] = gross - line.allowance_minor;  // cannot overflow: 0 <= allowance <= gross

    const Decimal rate = normalized(line.tax_rate_percent);
    auto group = std::find_if(totals.taxes.begin(), totals.taxes.end(),
                              [&](const InvoiceTotals::TaxBreakdown& t) { return t.rate == rate; });
    if (group == totals.taxes.end()) {
      totals.taxes.push_back({rate, 0, 0});
      group = totals.taxes.end() - 1;
    }
    if (!checked_add(group->taxable, totals.line_net[i], &group->taxable) ||
        !checked_add(totals.sum_line_net, totals.line_net[i], &totals.sum_line_net)) {
      problems.push_back({at + "quantity", label + ": " + too_large});
    }
  }
  if (prepaid_minor < 0) problems.push_back({"prepaid", "the prepaid amount must not be negative"});
  if (!problems.empty()) return problems;

  std::sort(totals.taxes.begin(), totals.taxes.end(),
            [](const InvoiceTotals::TaxBreakdown& a, const InvoiceTotals::TaxBreakdown& b) {
              return a.rate < b.rate;
            });
  for (InvoiceTotals::TaxBreakdown& t : totals.taxes) {
    // |tax| <= |taxable| because the rate is at most 100 %, so the cast is exact.
    const Int128 exact = static_cast<Int128>(t.taxable) * t.rate.units;
    t.tax = static_cast<int64_t>(round_div(exact, 100 * pow10_wide(t.rate.scale), Rounding::HalfUp));
    if (!checked_add(totals.total_tax, t.tax, &totals.total_tax)) {
      return Problem{"lines", "the tax total: " + too_large};
    }
  }
  totals.total_without_tax = totals.sum_line_net;
  totals.prepaid = prepaid_minor;
  if (!checked_add(totals.total_without_tax, totals.total_tax, &totals.total_with_tax)) {
    return Problem{"lines", "the invoice total: " + too_large};
  }
  if (!checked_sub(totals.total_with_tax, prepaid_minor, &totals.amount_due)) {
    return Problem{"prepaid", "the amount due: " + too_large};
  }
  return totals;
}

}  // namespace duebook

// One row of a QuickBooks invoice file read as an invoice line: item, quantity, rate, amount and tax.
#include "files/invoice_rows.h"

#include <cctype>

#include "base/currencies.h"
#include "base/money.h"
#include "base/text.h"

namespace duebook {

namespace {

// The line's tax rate from Xero's TaxType: its name holds the rate ("20% (VAT on Income)", "GST 15%", "19%"),
// or says the line is untaxed ("Tax Exempt", "No VAT", "Zero Rated", "None", empty). A bare tax code
// ("OUTPUT2") is refused: a taxed line must never be booked untaxed.
std::optional<Decimal> read_xero_tax(const Row& row) {
  const std::string type(row.get("TaxType"));
  const size_t percent = type.find('%');
  if (percent != std::string::npos) {
    size_t start = percent;
    while (start > 0 && (std::isdigit(static_cast<unsigned char>(type[start - 1])) || type[start - 1] == '.'))
      --start;
    Result<Decimal> r = parse_decimal(type.substr(start, percent - start));
    if (r && r->units >= 0 && !(Decimal{100, 0} < *r)) return r.value();
  } else {
    const std::string t = lower_ascii(type);
    for (const char* untaxed : {"", "none", "no vat", "no gst", "tax exempt", "exempt", "zero rated",
                                "zero rated income", "exempt income", "gst free income", "bas excluded"})
      if (t == untaxed) return Decimal{0, 0};
  }
  row.problem("TaxType", "\"" + type +
                             "\" is not a rate; write the tax type with its rate, as Xero names it "
                             "(\"20% (VAT on Income)\", \"15%\"), or \"Tax Exempt\"");
  return std::nullopt;
}

// The line's tax rate from QuickBooks' tax columns: TaxRate ("20", "20%") when Taxable is not "N"; a row
// with a tax code or "Taxable = Y" but no rate is refused (a taxed line must never be booked untaxed).
// ItemTaxAmount, when given, is summed into `tax_given`.
std::optional<Decimal> read_tax(const Row& row, int digits, std::optional<int64_t>& tax_given) {
  if ((*row.header)["TaxRate"] < 0 && (*row.header)["TaxType"] >= 0) return read_xero_tax(row);
  std::string_view taxable = row.get("Taxable");
  const bool no =
      taxable == "N" || taxable == "n" || lower_ascii(taxable) == "no" || lower_ascii(taxable) == "false";
  std::string rate_text(row.get("TaxRate"));
  if (!rate_text.empty() && rate_text.back() == '%')
    rate_text = trimmed(rate_text.substr(0, rate_text.size() - 1));
  Decimal rate{0, 0};
  if (!rate_text.empty()) {
    Result<Decimal> r = parse_decimal(rate_text);
    if (!r || r->units < 0 || Decimal{100, 0} < *r) {
      row.problem("TaxRate", "\"" + std::string(row.get("TaxRate")) + "\" is not a rate between 0 and 100 %");
      return std::nullopt;
    }
    rate = r.value();
  }
  if (no && rate.units != 0) {
    row.problem("TaxRate", "is " + rate_text + " % but Taxable says the line is not taxed");
    return std::nullopt;
  }
  if (!no && rate_text.empty()) {
    std::string_view code = row.get("ItemTaxCode");
    const std::string c = lower_ascii(code);
    const bool untaxed_code = c.empty() || c == "non" || c == "exempt" || c == "out of scope" || c == "0";
    if (lower_ascii(taxable) == "y" || lower_ascii(taxable) == "yes" || lower_ascii(taxable) == "true")
      row.problem("Taxable",
                  "says the line is taxed but the row has no TaxRate; add the rate as a TaxRate "
                  "column (20 or 20%)");
    else if (!untaxed_code)
      row.problem("ItemTaxCode", "\"" + std::string(code) +
                                     "\" is a tax code, not a rate; add a TaxRate "
                                     "column with its rate (20 or 20%)");
    if (!row.ok()) return std::nullopt;
  }
  if (std::string_view t = row.get("ItemTaxAmount"); !t.empty()) {
    Result<int64_t> a = parse_amount(ungrouped_number(t), digits);
    if (!a) {
      row.problem("ItemTaxAmount", a.problems()[0].message);
      return std::nullopt;
    }
    tax_given = tax_given.value_or(0) + a.value();
  }
  return rate;
}

}  // namespace

std::optional<InvoiceLine> read_invoice_line(const Row& row, const std::string& currency,
                                             std::optional<int64_t>& tax_given) {
  const int digits = currency_digits(currency);
  InvoiceLine line;
  line.description = row.get("ItemDescription");
  if (line.description.empty()) line.description = row.get("Item");
  if (line.description.empty())
    row.problem("ItemDescription", "is empty (EN 16931 BR-25 needs an item name)");
  std::optional<Decimal> quantity = Decimal{1, 0};
  if (std::string_view q = row.get("ItemQuantity"); !q.empty()) {
    Result<Decimal> d = parse_decimal(ungrouped_number(q));
    if (d)
      quantity = d.value();
    else
      row.problem("ItemQuantity", d.problems()[0].message), quantity.reset();
  }
  std::optional<int64_t> amount;
  // Xero's files have no line amount (the line is UnitAmount × Quantity); QuickBooks' state it, and it is
  // checked against the product below.
  const bool stated = (*row.header)["ItemAmount"] >= 0;
  Result<int64_t> a = parse_amount(ungrouped_number(row.get("ItemAmount")), digits);
  if (a)
    amount = a.value();
  else if (stated)
    row.problem("ItemAmount", a.problems()[0].message + " (" + currency + ")");
  std::optional<int64_t> rate;
  if (std::string_view r = row.get("ItemRate"); !r.empty()) {
    Result<int64_t> parsed = parse_amount(ungrouped_number(r), digits);
    if (parsed)
      rate = parsed.value();
    else
      row.problem("ItemRate", parsed.problems()[0].message + " (" + currency + ")");
  } else if (quantity && amount) {
    if (*quantity == Decimal{1, 0})
      rate = *amount;
    else
      row.problem("ItemRate", "is empty; it is needed when ItemQuantity is not 1");
  }
  std::optional<Decimal> tax_rate = read_tax(row, digits, tax_given);
  if (!stated && rate && quantity) {
    Result<int64_t> product = multiply(*rate < 0 ? -*rate : *rate, *quantity);
    if (product) amount = *rate < 0 ? -product.value() : product.value();
  }
  if (!quantity || !rate || !amount || !tax_rate) return std::nullopt;
  // A negative rate (QuickBooks' discount lines) becomes a negative quantity: prices are never negative
  // (BR-27).
  if (*rate < 0) {
    *rate = -*rate;
    quantity = Decimal{-quantity->units, quantity->scale};
  }
  Result<int64_t> product = multiply(*rate, *quantity);
  if (!product) {
    row.problem("ItemAmount", "ItemQuantity × ItemRate is too large");
    return std::nullopt;
  }
  if (product.value() != *amount)
    row.problem("ItemAmount", money_text(*amount, digits) + " is not ItemQuantity × ItemRate = " +
                                  to_string(*quantity) + " × " + money_text(*rate, digits) + " = " +
                                  money_text(product.value(), digits) + " (rounded half-up)");
  line.quantity = *quantity;
  line.unit_price = *rate;
  line.tax_rate = *tax_rate;
  return line;
}

}  // namespace duebook

#include "invoicing/invoice_lines.h"

#include "base/money.h"

namespace duebook {

InvoiceLinesRead read_invoice_lines(const std::vector<InvoiceLineText>& typed, int minor_digits) {
  InvoiceLinesRead read;
  for (std::size_t i = 0; i < typed.size(); ++i) {
    const InvoiceLineText& t = typed[i];
    const std::string at = "lines[" + std::to_string(i) + "].";
    InvoiceLine line;
    line.description = t.description;
    if (Result<Decimal> q = parse_decimal(t.quantity))
      line.quantity = q.value();
    else
      read.problems.push_back({at + "quantity", q.problems()[0].message});
    if (Result<int64_t> p = parse_amount(t.unit_price, minor_digits))
      line.unit_price = p.value();
    else
      read.problems.push_back({at + "unit_price", p.problems()[0].message});
    if (t.tax_rate) {
      if (Result<Decimal> r = parse_decimal(*t.tax_rate))
        line.tax_rate = r.value();
      else
        read.problems.push_back({at + "tax_rate", r.problems()[0].message});
    }
    if (t.discount) {
      if (Result<int64_t> d = parse_amount(*t.discount, minor_digits))
        line.discount = d.value();
      else
        read.problems.push_back({at + "discount", d.problems()[0].message});
    }
    read.lines.push_back(std::move(line));
  }
  return read;
}

std::optional<LineField> line_field_of(std::string_view where) {
  constexpr std::string_view kPrefix = "lines[";
  if (where.substr(0, kPrefix.size()) != kPrefix) return std::nullopt;
  std::size_t i = kPrefix.size();
  LineField out;
  const std::size_t digits_from = i;
  for (; i < where.size() && where[i] >= '0' && where[i] <= '9' && i - digits_from < 9; ++i)
    out.line = out.line * 10 + static_cast<std::size_t>(where[i] - '0');
  if (i == digits_from || i >= where.size() || where[i] != ']') return std::nullopt;
  ++i;
  if (i == where.size()) return out;
  if (where[i] != '.') return std::nullopt;
  out.field = std::string(where.substr(i + 1));
  return out;
}

}  // namespace duebook

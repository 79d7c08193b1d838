// Invoice lines as a person types them (in a form or on the command line), read into InvoiceLines. Both the
// workbench's invoice form and the CLI's --line options read lines here, so they accept the same text and
// name the same fields when they cannot.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "invoicing/invoices.h"

namespace duebook {

// One line as typed: text, not yet read.
struct InvoiceLineText {
  std::string description;              // what was sold; kept as typed (the ledger trims and checks it)
  std::string quantity;                 // a decimal ("3", "0.5", "-1" for a return)
  std::string unit_price;               // major units of the invoice currency ("19.99")
  std::optional<std::string> tax_rate;  // percent ("19", "7.7"); nullopt: none given (0 %)
  std::optional<std::string> discount;  // major units; nullopt: none given (0)
};

// The lines read, or what could not be read.
struct InvoiceLinesRead {
  std::vector<InvoiceLine> lines;  // one per typed line, in order; complete only when `problems` is empty
  Problems problems;               // "lines[2].quantity", "lines[0].unit_price", "lines[1].tax_rate",
                                   // "lines[3].discount" (index into the typed lines): why it is not a number
};

// Reads `typed` with prices and discounts in `minor_digits` decimals (currency_digits of the invoice's
// currency). Every line is read, so every problem is reported at once. Whether the numbers make sense (a
// negative price, a tax rate over 100 %) is left to the ledger, which judges the invoice as a whole. Never
// fails otherwise; `typed` is not changed.
InvoiceLinesRead read_invoice_lines(const std::vector<InvoiceLineText>& typed, int minor_digits);

// Where a problem about one line points: its index and field.
struct LineField {
  std::size_t line = 0;  // index into the lines ("lines[2]" is 2)
  std::string field;     // "quantity", "unit_price", ...; empty for the line as a whole
};

// The line a problem's `where` names, as read_invoice_lines and the ledger write it ("lines[2].quantity",
// "lines[0]"); nullopt for anything else ("lines", "issue_date", "lines[x]").
std::optional<LineField> line_field_of(std::string_view where);

}  // namespace duebook

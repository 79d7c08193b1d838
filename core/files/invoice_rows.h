// One row of a QuickBooks invoice file read as an invoice line (files/invoice_import.cpp gathers the rows of
// each invoice).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "files/import_support.h"
#include "invoicing/invoices.h"

namespace duebook {

// The line of `row`, in `currency`: ItemDescription (else Item), ItemQuantity (1 when empty), ItemRate (the
// amount when the quantity is 1), ItemAmount, which must be quantity × rate rounded half-up, and the tax rate
// from QuickBooks' Taxable/TaxRate/ItemTaxCode columns. ItemTaxAmount, when given, is added to `tax_given`
// (checked against the invoice's tax per rate once all its rows are read). Problems go to the row; nullopt
// when the line cannot be made at all.
std::optional<InvoiceLine> read_invoice_line(const Row& row, const std::string& currency,
                                             std::optional<int64_t>& tax_given);

}  // namespace duebook

// An invoice's content as validated against the ledger, and its JSON form in the invoice events' payloads.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "base/date.h"
#include "base/result.h"
#include "invoicing/invoices.h"
#include "invoicing/totals.h"
#include "store/db.h"
#include "store/projector.h"

namespace duebook {

// An invoice's content as validated: what the fields say plus what follows from them.
struct InvoiceContent {
  InvoiceFields fields;       // normalised fields; terms resolved to the text used
  std::string customer_name;  // the customer's name, for labels
  std::string currency;       // the customer's currency
  Date due_date;              // given or computed from the terms
  bool due_explicit = false;  // the due date was given, not computed
  InvoiceTotals totals;       // EN 16931 totals of the lines
};

// Validates invoice fields against the ledger (customer, terms, dates, lines, totals). `to_issue` adds the
// checks only an issued invoice needs (a line, descriptions, a non-negative total). Problems name fields as
// "customer_id", "terms", "due_date", "lines[i].field".
Result<InvoiceContent> validate_invoice(Db& db, const InvoiceFields& fields, bool to_issue);

// The content as the payload of invoice.drafted / invoice.edited.
Json content_to_json(const InvoiceContent& content);

// The fields back from such a payload (for editing a draft).
InvoiceFields fields_from_content(const Json& content);

}  // namespace duebook

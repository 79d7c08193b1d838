// The aging report written out: as JSON, as an aligned plain-text table and as CSV; the engine that computes
// the report is in aging.h. Customers with nothing open (every bucket 0) and no unapplied credit are left
// out; currencies are sorted by code, customers by name (case-insensitively, then as written); a currency
// with no customer left is left out. Amounts are written with format_amount in the currency's minor digits.
#pragma once

#include <string>
#include <vector>

#include "base/currencies.h"
#include "base/money.h"
#include "reports/aging.h"

namespace duebook {

// Names for the indices: customer_names[customer index], currencies[currency index].
struct AgingLabels {
  std::vector<std::string> customer_names;  // display name of each customer index
  std::vector<Currency> currencies;         // code and minor digits of each currency index
};

// The report as JSON, exactly this shape and spacing (one line, ", " and ": " separators):
// {"as_of": "2026-06-30", "basis": "due_date", "buckets": ["current", ...], "by_currency":
//  [{"currency": "USD", "customers": [{"name": "Acme Ltd", "buckets": ["0.00", ...], "total": "120.50",
//  "unapplied_credit": "0.00"}], "totals": {"buckets": [...], "total": "120.50"}}]}
// Labels must cover every index in the report (asserts). Never fails.
std::string aging_to_json(const AgingReport& report, const AgingLabels& labels);

// The report as aligned plain text: per currency a title line, a header, one line per customer,
// a rule and a TOTAL line; names left-aligned, amounts right-aligned. Never fails.
std::string aging_to_table(const AgingReport& report, const AgingLabels& labels);

// The report as CSV (RFC 4180: CRLF line ends, fields quoted when they hold a comma, quote or line
// break): header currency,customer,<bucket names>,total,unapplied_credit; then the customers of each
// currency followed by a row with customer "TOTAL". Names are written with CsvWriter::text: one starting
// with = + - @ TAB or CR gets a leading apostrophe so that spreadsheets do not run it as a formula (OWASP
// "CSV Injection"). Never fails.
std::string aging_to_csv(const AgingReport& report, const AgingLabels& labels);

}  // namespace duebook

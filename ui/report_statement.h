// The statement report of the Reports tab: one customer and a period give the balance brought forward, every
// invoice, payment, credit and write-off with the running balance, the balance carried forward and how it
// aged by the period's end, a section per currency (core's load_customer_statement). "PDF" hands over the
// printed statement, "CSV" the same lines as a spreadsheet.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "report_context.h"
#include "reports/statement.h"

namespace duebook::ui {

struct StatementReportState {
  int64_t customer_id = 0;  // the chosen customer; 0 = none yet
  std::string find;         // a fragment of the customer's name: the first that holds it is chosen
  std::string from_text;    // the period's first day as typed; "" = three months before its end
  std::string to_text;      // its last day; "" = the app's day
  std::string problem;      // why the typed period is not used
  // The statement, read again when the ledger, the customer or the period changes.
  int64_t cache_revision = -1;
  int64_t cache_customer = 0;
  Date cache_from, cache_to;
  std::optional<CustomerStatement> statement;
  std::string error;
  std::string status;  // the last export's outcome
};

// Draws the report; the aging's bucket edges `limits` age the balance due.
void draw_statement_report(const ReportContext& ctx, StatementReportState& state,
                           const std::vector<int32_t>& limits);

// Facts for end-to-end tests, as JSON text: {"customer", "from", "to", "currencies": [{"currency", "opening",
// "closing", "sum" (of the lines), "lines" (their count), "aging", "aging_total", "credit"}], "status"}; {}
// without a statement.
std::string statement_report_facts(const StatementReportState& state);

}  // namespace duebook::ui

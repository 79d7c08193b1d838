// The collection measures report of the Reports tab: per customer and currency, DSO (simple and countback),
// the CEI and the amount-weighted days late over the 90 days to the app's day, each with its change against
// the 90 days before (an arrow, green when better, red when worse). Columns sort by a click on their header.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "report_context.h"
#include "reports/customer_measures.h"
#include "table_keys.h"

namespace duebook::ui {

// Days of the period the measures cover; the trend compares with the same number of days before it.
inline constexpr int kMeasuresWindowDays = 90;

struct MeasuresReportState {
  // The rows, computed again when the ledger or the day changes.
  int64_t cache_revision = -1;
  Date cache_as_of;
  std::vector<CustomerMeasures> rows;
  std::string error;
  std::vector<int32_t> order;  // rows in the order shown
  int sort_column = 0;         // the column sorted by
  bool descending = false;
  TableCursor keys;  // the keyboard cursor (Enter opens the customer's page)
};

// Draws the report.
void draw_measures_report(const ReportContext& ctx, MeasuresReportState& state);

// Facts for end-to-end tests, as JSON text: {"rows": n, "sort_column", "descending", "first": [names in
// order, up to 10], "cursor" (the keyboard cursor's row, -1 = none)}.
std::string measures_report_facts(const MeasuresReportState& state, const ArSnapshot* snap);

}  // namespace duebook::ui

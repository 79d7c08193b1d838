// The aging report of the Reports tab: what each customer owed on a day (the app's or one typed here), by due
// date or by issue date, in buckets whose edges the user types ("30, 60, 90" or "15, 30, 45, 60"), per
// currency with its totals. A click on an amount lists the invoices behind it (a click on one opens it); a
// click on a customer lists all of theirs. "Export CSV" saves the report through the platform.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/date.h"
#include "report_context.h"
#include "reports/aging.h"
#include "table_keys.h"

namespace duebook::ui {

// One invoice of the drill-down list.
struct AgingDrillRow {
  int64_t invoice_id = 0;  // opens the invoice
  std::string number;      // its number
  std::string issued;      // ISO issue date
  std::string due;         // ISO due date ("" when it has none)
  int32_t age = 0;         // days past due (or since issue) on the report's day
  int64_t open = 0;        // its open amount in the cell on the report's day, minor units
};

struct AgingReportState {
  std::string limits_text = "0, 30, 60, 90";      // the bucket edges as typed
  std::string limits_problem;                     // why the typed edges are not used
  std::vector<int32_t> limits = {0, 30, 60, 90};  // the edges in use
  AgingBasis basis = AgingBasis::DueDate;         // what ages count from
  std::string date_text;                          // the report's own day; "" = the app's
  std::string date_problem;                       // why the typed day is not used
  // The report, computed again when the ledger, the day, the basis or the edges change.
  int64_t cache_revision = -1;
  Date cache_as_of;
  AgingBasis cache_basis = AgingBasis::DueDate;
  std::vector<int32_t> cache_limits;
  std::optional<AgingReport> report;
  std::string error;                          // why the report could not be computed
  std::vector<int32_t> currencies;            // currency indices with rows, by code
  std::vector<std::string> codes;             // their ISO codes
  std::vector<std::string> names;             // per row of the report: its customer's name
  std::vector<std::vector<int32_t>> rows_of;  // per entry of `currencies`: its rows by customer name
  // The drill-down: a customer's invoices in one bucket (bucket -1: every bucket).
  int32_t drill_row = -1;
  int drill_bucket = -1;
  std::string drill_title;
  std::string drill_currency;
  std::vector<AgingDrillRow> drill;
  // The keyboard: the cursor over every customer row (currency by currency; Enter lists their invoices), and
  // while the drill-down shows, its own cursor (Enter opens the invoice; Escape closes the list).
  TableCursor keys;
  TableCursor drill_keys;
  std::string status;   // the last export's outcome
  bool redraw = false;  // the drill-down opened or closed this frame: the next frame lays it out
};

// Draws the report. Reads ctx.snap; computes the aging only when an input changed.
void draw_aging_report(const ReportContext& ctx, AgingReportState& state);

// Facts for end-to-end tests, as JSON text: {"as_of", "basis", "buckets", "limits", "currencies":
// [{"currency", "buckets", "total", "unapplied_credit", "customers": [{"name", "buckets", "total"}]}],
// "cursor" (the keyboard cursor over the customers of every currency in turn; -1 = none), "drill": {"title",
// "currency", "bucket", "active", "cursor", "rows": [{"number", "id", "due", "age", "open"}]}, "status"}; {}
// before the first report.
std::string aging_report_facts(const AgingReportState& state);

}  // namespace duebook::ui

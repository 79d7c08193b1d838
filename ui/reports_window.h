// The Reports tab: a picker of the reports (aging, statement, collection measures, forecast against its
// backtest) and the one picked. Each reads the receivables snapshot, which is read once per change of the
// ledger and shared by all of them; each report computes its figures again only when its inputs change.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "help.h"
#include "navigation.h"
#include "report_aging.h"
#include "report_forecast.h"
#include "report_measures.h"
#include "report_statement.h"

namespace duebook::ui {

class Platform;
class Queries;

// The reports, in the picker's order.
enum class ReportKind { Aging, Statement, Measures, Forecast };
inline constexpr int kReportKinds = 4;

// The picker's name of a report ("Aging", "Statement", "Collection measures", "Forecast vs backtest").
const char* report_title(ReportKind kind);
// The in-app help that explains a report's figures.
HelpTopic report_help(ReportKind kind);

struct ReportsWindowState {
  ReportKind report = ReportKind::Aging;  // the report shown
  // The receivables snapshot, read again when the ledger changes.
  int64_t snapshot_revision = -1;
  std::unique_ptr<ArSnapshot> snapshot;
  std::string snapshot_error;
  int pending_frame = -1;  // the frame that asked for a new snapshot; -1 = none pending
  AgingReportState aging;
  StatementReportState statement;
  MeasuresReportState measures;
  ForecastReportState forecast;
};

// Draws the tab for the app's day `as_of`. After a change of the ledger this frame shows "Computing…" and the
// next reads the receivables again; returns true while that read is pending (the app then draws another
// frame).
bool draw_reports_window(Queries& queries, ReportsWindowState& state, Navigation& nav, Platform& platform,
                         const Date& as_of);

// Facts for end-to-end tests, as JSON text: {"report", "aging", "statement", "measures", "forecast"}.
std::string reports_facts(const ReportsWindowState& state);

}  // namespace duebook::ui

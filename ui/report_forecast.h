// The forecast report of the Reports tab: the 13-week cash forecast made as of 13 weeks before the app's day,
// week by week beside the receipts that actually came in on the invoices open then, with each week's error
// and the mean absolute percentage error (core's backtest_forecast), drawn as bars (what was expected, its
// low–high band) with the receipts marked; and beside it what the forecast says now for the next 13 weeks.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "report_context.h"
#include "reports/forecast.h"

namespace duebook::ui {

struct ForecastReportState {
  std::string currency;  // the currency shown; "" = the one with the most open
  // The forecasts, computed again when the ledger or the day changes.
  int64_t cache_revision = -1;
  Date cache_as_of;
  std::optional<ForecastBacktest> backtest;  // as of the app's day − 13 weeks
  std::optional<CashForecast> forecast;      // as of the app's day
  std::string error;
};

// Draws the report.
void draw_forecast_report(const ReportContext& ctx, ForecastReportState& state);

// Facts for end-to-end tests, as JSON text: {"made_on", "currency", "expected": [13], "actual": [13],
// "error": [13], "now": [13]}; {} before the first report.
std::string forecast_report_facts(const ForecastReportState& state, const ArSnapshot* snap);

}  // namespace duebook::ui

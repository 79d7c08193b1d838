#include "report_forecast.h"

#include <imgui.h>

#include <nlohmann/json.hpp>

#include "chart.h"
#include "collections/forecast_inputs.h"
#include "table_headers.h"
#include "test_hook.h"
#include "widgets.h"

namespace duebook::ui {
namespace {

void compute(const ReportContext& ctx, ForecastReportState& s) {
  s.cache_revision = ctx.revision;
  s.cache_as_of = ctx.as_of;
  ForecastOptions then;
  then.as_of = add_days(ctx.as_of, -7 * kForecastWeeks);
  Result<ForecastBacktest> b =
      backtest_forecast(ctx.snap.ledger, scheduled_receipts(ctx.queries.db(), ctx.snap, then.as_of), then);
  ForecastOptions now;
  now.as_of = ctx.as_of;
  Result<CashForecast> f =
      forecast_cash(ctx.snap.ledger, scheduled_receipts(ctx.queries.db(), ctx.snap, now.as_of), now);
  s.backtest = b ? std::optional<ForecastBacktest>(std::move(b.value())) : std::nullopt;
  s.forecast = f ? std::optional<CashForecast>(std::move(f.value())) : std::nullopt;
  s.error = !b ? describe(b.problems()) : !f ? describe(f.problems()) : "";
}

// The index of the chosen currency (the one with most open then, unless the user picked one); -1 when none
// has anything to compare.
int chosen(const ReportContext& ctx, ForecastReportState& s) {
  int best = -1;
  for (std::size_t c = 0; c < s.backtest->by_currency.size(); ++c) {
    const CurrencyBacktest& cb = s.backtest->by_currency[c];
    if (cb.forecast.open_total == 0 && cb.total_actual == 0) continue;
    if (ctx.snap.labels.currencies[c].code == s.currency) return static_cast<int>(c);
    if (best < 0 ||
        cb.forecast.open_total > s.backtest->by_currency[static_cast<std::size_t>(best)].forecast.open_total)
      best = static_cast<int>(c);
  }
  if (best >= 0) s.currency = ctx.snap.labels.currencies[static_cast<std::size_t>(best)].code;
  return best;
}

void draw_currency_choice(const ReportContext& ctx, ForecastReportState& s) {
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("Currency");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(ImGui::CalcTextSize("EUR").x + ImGui::GetFrameHeight() * 2);
  if (ImGui::BeginCombo("##forecast-currency", s.currency.c_str())) {
    for (std::size_t c = 0; c < s.backtest->by_currency.size(); ++c) {
      const CurrencyBacktest& cb = s.backtest->by_currency[c];
      if (cb.forecast.open_total == 0 && cb.total_actual == 0) continue;
      const std::string& code = ctx.snap.labels.currencies[c].code;
      if (ImGui::Selectable(code.c_str(), code == s.currency)) s.currency = code;
    }
    ImGui::EndCombo();
  }
  test_mark("reports.forecast.currency");
}

void draw_table(const CurrencyBacktest& cb, const CurrencyForecast* now, const Date& then, const Date& today,
                const std::string& code) {
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH |
                                ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingStretchProp;
  if (!ImGui::BeginTable("backtest", 7, flags, ImVec2(0, ImGui::GetContentRegionAvail().y))) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn("Week", ImGuiTableColumnFlags_WidthStretch, 0.5f);
  for (const char* name : {"From", "Forecast then", "Received", "Error", "From (now)", "Forecast now"})
    ImGui::TableSetupColumn(name, ImGuiTableColumnFlags_WidthStretch, 1.0f);
  headers_row({0, 2, 3, 4, 6});
  int64_t expected_total = 0, now_total = 0;
  for (int w = 0; w < kForecastWeeks; ++w) {
    const std::size_t k = static_cast<std::size_t>(w);
    expected_total += cb.forecast.expected.weeks[k];
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    right_aligned(std::to_string(w + 1));
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(display_date(forecast_week_start(then, w)).c_str());
    ImGui::TableNextColumn();
    amount_text(cb.forecast.expected.weeks[k], code, false);
    ImGui::TableNextColumn();
    amount_text(cb.actual[k], code, false);
    ImGui::TableNextColumn();
    amount_text(cb.forecast.expected.weeks[k] - cb.actual[k], code, false);
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(display_date(forecast_week_start(today, w)).c_str());
    ImGui::TableNextColumn();
    if (now) {
      now_total += now->expected.weeks[k];
      amount_text(now->expected.weeks[k], code, false);
    }
  }
  ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
  ImGui::TableNextColumn();
  ImGui::TextUnformatted("Total");
  ImGui::TableNextColumn();
  ImGui::TableNextColumn();
  amount_text(expected_total, code, false);
  ImGui::TableNextColumn();
  amount_text(cb.total_actual, code, false);
  ImGui::TableNextColumn();
  amount_text(expected_total - cb.total_actual, code, false);
  ImGui::TableNextColumn();
  ImGui::TableNextColumn();
  if (now) amount_text(now_total, code, false);
  ImGui::EndTable();
}

}  // namespace

void draw_forecast_report(const ReportContext& ctx, ForecastReportState& s) {
  if (s.cache_revision != ctx.revision || !(s.cache_as_of == ctx.as_of)) compute(ctx, s);
  if (!s.backtest || !s.forecast) return problem_text("The forecast could not be computed: " + s.error);
  const int c = chosen(ctx, s);
  if (c < 0) {
    heading("Nothing to compare yet");
    ImGui::TextWrapped(
        "The backtest compares what the forecast said 13 weeks ago with the payments that came in since. It "
        "needs "
        "invoices open 13 weeks ago: issue invoices and record payments, or import your history with File › "
        "Import CSV.");
    test_mark("reports.empty");
    return;
  }
  const CurrencyBacktest& cb = s.backtest->by_currency[static_cast<std::size_t>(c)];
  const CurrencyForecast* now = static_cast<std::size_t>(c) < s.forecast->by_currency.size()
                                    ? &s.forecast->by_currency[static_cast<std::size_t>(c)]
                                    : nullptr;
  const Date then = s.backtest->as_of;
  draw_currency_choice(ctx, s);
  ImGui::SameLine();
  ImGui::TextDisabled(
      "Forecast made on %s for the 13 weeks after it, against what came in. Mean error: %s.",
      display_date(then).c_str(),
      cb.has_mape ? (format_rational(cb.mape_percent, 1) + " % a week").c_str() : "no receipts yet");
  BandBars chart;
  chart.money = {s.currency, ctx.snap.labels.currencies[static_cast<std::size_t>(c)].minor_digits};
  chart.value_name = "Forecast then";
  chart.band_name = "Low–high";
  chart.marker_name = "Received";
  for (int w = 0; w < kForecastWeeks; ++w) {
    const std::size_t k = static_cast<std::size_t>(w);
    chart.labels.push_back(display_day_month(forecast_week_start(then, w)));
    chart.values.push_back(cb.forecast.expected.weeks[k]);
    chart.low.push_back(cb.forecast.low.weeks[k]);
    chart.high.push_back(cb.forecast.high.weeks[k]);
    chart.markers.push_back(cb.actual[k]);
    chart.marker_notes.push_back("error " +
                                 display_money(cb.forecast.expected.weeks[k] - cb.actual[k], s.currency));
  }
  draw_band_bars("backtest-chart", chart,
                 ImVec2(0, std::max(ImGui::GetFontSize() * 10, ImGui::GetContentRegionAvail().y * 0.42f)));
  test_mark("reports.forecast.chart");
  draw_table(cb, now, then, ctx.as_of, s.currency);
}

std::string forecast_report_facts(const ForecastReportState& s, const ArSnapshot* snap) {
  if (!s.backtest || !snap) return "{}";
  int c = -1;
  for (std::size_t k = 0; k < snap->labels.currencies.size(); ++k)
    if (snap->labels.currencies[k].code == s.currency) c = static_cast<int>(k);
  if (c < 0 || static_cast<std::size_t>(c) >= s.backtest->by_currency.size()) return "{}";
  const CurrencyBacktest& cb = s.backtest->by_currency[static_cast<std::size_t>(c)];
  nlohmann::json expected = nlohmann::json::array(), actual = nlohmann::json::array(),
                 error = nlohmann::json::array();
  for (int w = 0; w < kForecastWeeks; ++w) {
    expected.push_back(cb.forecast.expected.weeks[static_cast<std::size_t>(w)]);
    actual.push_back(cb.actual[static_cast<std::size_t>(w)]);
    error.push_back(cb.absolute_error[static_cast<std::size_t>(w)]);
  }
  return nlohmann::json{{"made_on", to_iso(s.backtest->as_of)},
                        {"currency", s.currency},
                        {"expected", expected},
                        {"actual", actual},
                        {"error", error},
                        {"total_actual", cb.total_actual}}
      .dump();
}

}  // namespace duebook::ui

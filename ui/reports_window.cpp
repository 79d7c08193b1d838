#include "reports_window.h"

#include <imgui.h>

#include <nlohmann/json.hpp>

#include "platform.h"
#include "queries_view.h"
#include "test_hook.h"
#include "widgets.h"

namespace duebook::ui {
namespace {

// What each report is for, under its name in the picker.
const char* report_note(ReportKind kind) {
  switch (kind) {
    case ReportKind::Aging:
      return "Who owes what, how late";
    case ReportKind::Statement:
      return "A customer's account";
    case ReportKind::Measures:
      return "DSO, CEI, days late";
    case ReportKind::Forecast:
      return "Forecast against receipts";
  }
  return "";
}

void draw_picker(ReportsWindowState& s) {
  const float width = ImGui::GetFontSize() * 13;
  ImGui::BeginChild("report-picker", ImVec2(width, 0), true);
  ImGui::AlignTextToFramePadding();
  ImGui::TextDisabled("Reports");
  ImGui::SameLine();
  help_button(HelpTopic::Reports);
  for (int k = 0; k < kReportKinds; ++k) {
    const ReportKind kind = static_cast<ReportKind>(k);
    ImGui::PushID(k);
    const float h = ImGui::GetTextLineHeightWithSpacing() * 2;
    if (ImGui::Selectable("##report", s.report == kind, 0, ImVec2(0, h))) s.report = kind;
    ImGui::PopID();
    test_mark(("reports.pick." + std::to_string(k)).c_str());
    const ImVec2 min = ImGui::GetItemRectMin();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float pad = ImGui::GetStyle().FramePadding.x;
    draw->AddText(ImVec2(min.x + pad, min.y), ImGui::GetColorU32(ImGuiCol_Text), report_title(kind));
    draw->AddText(ImVec2(min.x + pad, min.y + ImGui::GetTextLineHeight()),
                  ImGui::GetColorU32(ImGuiCol_TextDisabled), report_note(kind));
  }
  ImGui::EndChild();
}

}  // namespace

const char* report_title(ReportKind kind) {
  switch (kind) {
    case ReportKind::Aging:
      return "Aging";
    case ReportKind::Statement:
      return "Statement";
    case ReportKind::Measures:
      return "Collection measures";
    case ReportKind::Forecast:
      return "Forecast vs backtest";
  }
  return "";
}

HelpTopic report_help(ReportKind kind) {
  switch (kind) {
    case ReportKind::Aging:
      return HelpTopic::ReportAging;
    case ReportKind::Statement:
      return HelpTopic::ReportStatement;
    case ReportKind::Measures:
      return HelpTopic::ReportMeasures;
    case ReportKind::Forecast:
      return HelpTopic::ReportForecast;
  }
  return HelpTopic::Reports;
}

bool draw_reports_window(Queries& queries, ReportsWindowState& s, Navigation& nav, Platform& platform,
                         const Date& as_of) {
  if (s.snapshot_revision != queries.revision() && s.pending_frame < 0)
    s.pending_frame = ImGui::GetFrameCount();
  if (s.snapshot_revision != queries.revision() && ImGui::GetFrameCount() > s.pending_frame) {
    s.pending_frame = -1;
    Result<ArSnapshot> snap = load_ar_snapshot(queries.db());
    s.snapshot = snap ? std::make_unique<ArSnapshot>(std::move(snap.value())) : nullptr;
    s.snapshot_error = snap ? "" : describe(snap.problems());
    s.snapshot_revision = queries.revision();
  }
  test_mark("reports.header");
  draw_picker(s);
  ImGui::SameLine();
  ImGui::BeginChild("report-body", ImVec2(0, 0), false);
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(report_title(s.report));
  test_mark("reports.title");
  ImGui::SameLine();
  help_button(report_help(s.report));
  ImGui::Separator();
  if (s.pending_frame >= 0) {
    heading("Computing…");
    ImGui::TextWrapped("Reading the receivables for the reports.");
    test_mark("reports.computing");
  } else if (!s.snapshot) {
    problem_text("The reports could not read the ledger: " + s.snapshot_error);
  } else {
    const ReportContext ctx{queries, *s.snapshot, s.snapshot_revision, nav, platform, as_of};
    switch (s.report) {
      case ReportKind::Aging:
        draw_aging_report(ctx, s.aging);
        break;
      case ReportKind::Statement:
        draw_statement_report(ctx, s.statement, s.aging.limits);
        break;
      case ReportKind::Measures:
        draw_measures_report(ctx, s.measures);
        break;
      case ReportKind::Forecast:
        draw_forecast_report(ctx, s.forecast);
        break;
    }
  }
  ImGui::EndChild();
  return s.pending_frame >= 0 || s.aging.redraw;
}

std::string reports_facts(const ReportsWindowState& s) {
  return nlohmann::json{
      {"report", report_title(s.report)},
      {"aging", nlohmann::json::parse(aging_report_facts(s.aging))},
      {"statement", nlohmann::json::parse(statement_report_facts(s.statement))},
      {"measures", nlohmann::json::parse(measures_report_facts(s.measures, s.snapshot.get()))},
      {"forecast", nlohmann::json::parse(forecast_report_facts(s.forecast, s.snapshot.get()))}}
      .dump();
}

}  // namespace duebook::ui

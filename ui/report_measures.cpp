#include "report_measures.h"

#include <imgui.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "table_headers.h"
#include "test_hook.h"
#include "widgets.h"

namespace duebook::ui {
namespace {

const ImVec4 kBetter(0.10f, 0.55f, 0.28f, 1.0f), kWorse(0.78f, 0.16f, 0.14f, 1.0f);

enum Column { kCustomer, kCurrency, kOpen, kDsoSimple, kDsoCountback, kCei, kDaysLate, kColumns };

std::optional<double> sort_value(const Measure& m) {
  return m.defined ? std::optional<double>(to_double(m.value)) : std::nullopt;
}

// A small triangle pointing up or down in the text's colour of better or worse.
void trend_arrow(bool up, bool better) {
  const float h = ImGui::GetTextLineHeight();
  const ImVec2 p = ImGui::GetCursorScreenPos();
  const float w = h * 0.55f;
  const ImU32 colour = ImGui::GetColorU32(better ? kBetter : kWorse);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const float top = p.y + h * 0.25f, bottom = p.y + h * 0.75f;
  if (up)
    draw->AddTriangleFilled(ImVec2(p.x, bottom), ImVec2(p.x + w, bottom), ImVec2(p.x + w / 2, top), colour);
  else
    draw->AddTriangleFilled(ImVec2(p.x, top), ImVec2(p.x + w, top), ImVec2(p.x + w / 2, bottom), colour);
  ImGui::Dummy(ImVec2(w, h));
}

// A measure with its change against the window before; `higher_is_better` picks the arrow's colour.
void measure_cell(const Measure& now, const Measure& before, const char* unit, bool higher_is_better) {
  if (!now.defined) {
    right_aligned("—");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", now.why.c_str());
    return;
  }
  const std::string text = format_rational(now.value, 1) + unit;
  Rational change;
  const bool has_change = before.defined && rational_sub(now.value, before.value, &change);
  const int sign = has_change ? compare(change, rational(0)) : 0;
  const float arrow = ImGui::GetTextLineHeight() * 0.55f + ImGui::GetStyle().ItemSpacing.x;
  const float width = ImGui::CalcTextSize(text.c_str()).x + arrow;
  ImGui::SetCursorPosX(ImGui::GetCursorPosX() + std::max(0.0f, ImGui::GetContentRegionAvail().x - width));
  ImGui::TextUnformatted(text.c_str());
  ImGui::SameLine();
  if (sign != 0)
    trend_arrow(sign > 0, (sign > 0) == higher_is_better);
  else
    ImGui::Dummy(ImVec2(ImGui::GetTextLineHeight() * 0.55f, ImGui::GetTextLineHeight()));
  if (ImGui::IsItemHovered() ||
      (ImGui::IsMouseHoveringRect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax())))
    ImGui::SetTooltip("Before: %s%s", before.defined ? format_rational(before.value, 1).c_str() : "—",
                      before.defined ? unit : "");
}

Measure days_late_measure(const DaysLate& d) {
  Measure m;
  m.defined = d.count > 0;
  m.value = d.average;
  m.why = m.defined ? "" : "no payment in the period";
  return m;
}

void sort_rows(const ReportContext& ctx, MeasuresReportState& s) {
  s.order.resize(s.rows.size());
  for (std::size_t i = 0; i < s.rows.size(); ++i) s.order[i] = static_cast<int32_t>(i);
  auto name = [&](const CustomerMeasures& m) {
    return ctx.snap.labels.customer_names[static_cast<std::size_t>(m.customer)];
  };
  auto code = [&](const CustomerMeasures& m) {
    return ctx.snap.labels.currencies[static_cast<std::size_t>(m.currency)].code;
  };
  auto value = [&](const CustomerMeasures& m) -> std::optional<double> {
    switch (s.sort_column) {
      case kOpen:
        return static_cast<double>(m.receivables);  // ordering only, never shown
      case kDsoSimple:
        return sort_value(m.dso_simple);
      case kDsoCountback:
        return sort_value(m.dso_countback);
      case kCei:
        return sort_value(m.cei);
      case kDaysLate:
        return sort_value(days_late_measure(m.days_late.current));
      default:
        return std::nullopt;
    }
  };
  std::stable_sort(s.order.begin(), s.order.end(), [&](int32_t ia, int32_t ib) {
    const CustomerMeasures& a = s.rows[static_cast<std::size_t>(ia)];
    const CustomerMeasures& b = s.rows[static_cast<std::size_t>(ib)];
    if (s.sort_column == kCustomer) return s.descending ? name(a) > name(b) : name(a) < name(b);
    if (s.sort_column == kCurrency) return s.descending ? code(a) > code(b) : code(a) < code(b);
    const std::optional<double> va = value(a), vb = value(b);
    if (!va || !vb) return va.has_value() && !vb.has_value();  // undefined last
    return s.descending ? *va > *vb : *va < *vb;
  });
}

}  // namespace

void draw_measures_report(const ReportContext& ctx, MeasuresReportState& s) {
  const Date from = add_days(ctx.as_of, -(kMeasuresWindowDays - 1));
  if (s.cache_revision != ctx.revision || !(s.cache_as_of == ctx.as_of)) {
    Result<std::vector<CustomerMeasures>> rows = measures_by_customer(ctx.snap.ledger, from, ctx.as_of);
    s.rows = rows ? std::move(rows.value()) : std::vector<CustomerMeasures>{};
    s.error = rows ? "" : describe(rows.problems());
    s.cache_revision = ctx.revision;
    s.cache_as_of = ctx.as_of;
    sort_rows(ctx, s);
  }
  if (!s.error.empty()) return problem_text("The measures could not be computed: " + s.error);
  if (s.rows.empty()) {
    heading("No payments or invoices to measure");
    ImGui::TextWrapped(
        "DSO, CEI and days late need invoices and the payments against them. Issue invoices and record "
        "payments "
        "(or import them with File › Import CSV); the measures then show how fast each customer pays.");
    test_mark("reports.empty");
    return;
  }
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  ImGui::TextWrapped(
      "%s to %s (%d days), arrows against the %d days before. DSO: days of sales owed; CEI: share of "
      "what was collectable that was collected; days late: weighted by amount.",
      display_date(from).c_str(), display_date(ctx.as_of).c_str(), kMeasuresWindowDays, kMeasuresWindowDays);
  ImGui::PopStyleColor();
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH |
                                ImGuiTableFlags_ScrollY | ImGuiTableFlags_Sortable |
                                ImGuiTableFlags_SizingStretchProp;
  table_keys(s.keys, int(s.order.size()));
  if (!ImGui::BeginTable("measures", kColumns, flags, ImVec2(0, ImGui::GetContentRegionAvail().y))) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn("Customer", ImGuiTableColumnFlags_DefaultSort, 2.4f);
  ImGui::TableSetupColumn("Currency", 0, 1.0f);
  ImGui::TableSetupColumn("Open", ImGuiTableColumnFlags_PreferSortDescending, 1.4f);
  ImGui::TableSetupColumn("DSO simple", ImGuiTableColumnFlags_PreferSortDescending, 1.1f);
  ImGui::TableSetupColumn("DSO countback", ImGuiTableColumnFlags_PreferSortDescending, 1.2f);
  ImGui::TableSetupColumn("CEI", 0, 1.0f);
  ImGui::TableSetupColumn("Days late", ImGuiTableColumnFlags_PreferSortDescending, 1.0f);
  ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
  for (int c = 0; c < kColumns; ++c) {
    ImGui::TableSetColumnIndex(c);
    header_cell(ImGui::TableGetColumnName(c), c >= 2);
    test_mark(("reports.measures.column." + std::to_string(c)).c_str());
  }
  if (ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs(); specs && specs->SpecsDirty) {
    if (specs->SpecsCount > 0) {
      s.sort_column = specs->Specs[0].ColumnIndex;
      s.descending = specs->Specs[0].SortDirection == ImGuiSortDirection_Descending;
    }
    sort_rows(ctx, s);
    specs->SpecsDirty = false;
  }
  for (std::size_t k = 0; k < s.order.size(); ++k) {
    const int32_t i = s.order[k];
    const CustomerMeasures& m = s.rows[static_cast<std::size_t>(i)];
    const std::string& name = ctx.snap.labels.customer_names[static_cast<std::size_t>(m.customer)];
    const std::string& code = ctx.snap.labels.currencies[static_cast<std::size_t>(m.currency)].code;
    const int64_t customer_id = ctx.snap.customer_ids[static_cast<std::size_t>(m.customer)];
    ImGui::TableNextRow();
    if (cursor_row(s.keys, int(k)) == RowKey::Open) ctx.nav.open_customer = customer_id;
    ImGui::TableNextColumn();
    ImGui::PushID(i);
    if (ImGui::Selectable(name.c_str())) ctx.nav.open_customer = customer_id;
    ImGui::PopID();
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(code.c_str());
    ImGui::TableNextColumn();
    amount_text(m.receivables, code);
    ImGui::TableNextColumn();
    measure_cell(m.dso_simple, m.dso_simple_before, " d", false);
    ImGui::TableNextColumn();
    measure_cell(m.dso_countback, m.dso_countback_before, " d", false);
    ImGui::TableNextColumn();
    measure_cell(m.cei, m.cei_before, " %", true);
    ImGui::TableNextColumn();
    measure_cell(days_late_measure(m.days_late.current), days_late_measure(m.days_late.previous), " d",
                 false);
  }
  ImGui::EndTable();
}

std::string measures_report_facts(const MeasuresReportState& s, const ArSnapshot* snap) {
  nlohmann::json first = nlohmann::json::array();
  for (std::size_t k = 0; snap && k < s.order.size() && k < 10; ++k) {
    const CustomerMeasures& m = s.rows[static_cast<std::size_t>(s.order[k])];
    first.push_back({{"name", snap->labels.customer_names[static_cast<std::size_t>(m.customer)]},
                     {"open", m.receivables},
                     {"dso", m.dso_simple.defined ? to_double(m.dso_simple.value) : -1.0}});
  }
  return nlohmann::json{{"rows", s.rows.size()},
                        {"sort_column", s.sort_column},
                        {"descending", s.descending},
                        {"first", first},
                        {"cursor", s.keys.row}}
      .dump();
}

}  // namespace duebook::ui

#include "report_aging.h"

#include <imgui.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <nlohmann/json.hpp>

#include "reports/aging_writers.h"
#include "table_headers.h"
#include "test_hook.h"
#include "widgets.h"

namespace duebook::ui {
namespace {

// "15, 30, 45" (commas or spaces) into the edges, checked by core; the problem when they are not usable.
std::string parse_limits(const std::string& text, std::vector<int32_t>* out) {
  std::vector<int32_t> limits;
  std::string word;
  auto flush = [&]() -> bool {
    if (word.empty()) return true;
    if (word.size() > 5 ||
        !std::all_of(word.begin(), word.end(), [](char c) { return std::isdigit(c) || c == '-'; }))
      return false;
    limits.push_back(static_cast<int32_t>(std::stol(word)));
    word.clear();
    return true;
  };
  for (char c : text + ",") {
    if (c == ',' || c == ' ' || c == ';') {
      if (!flush()) return "Bucket edges are whole numbers of days, e.g. 30, 60, 90";
    } else {
      word += c;
    }
  }
  Result<AgingBuckets> buckets = aging_buckets_from_limits(limits);
  if (!buckets) return "Bucket edges must rise, e.g. 30, 60, 90: " + describe(buckets.problems());
  *out = std::move(limits);
  return "";
}

// The customers' rows per currency, currencies by code and customers by name.
void order_rows(const ArSnapshot& snap, AgingReportState& s) {
  s.currencies.clear();
  s.codes.clear();
  s.names.clear();
  for (const AgingRow& row : s.report->rows)
    s.names.push_back(snap.labels.customer_names[static_cast<std::size_t>(row.customer)]);
  s.rows_of.clear();
  std::vector<std::vector<int32_t>> by_currency(static_cast<std::size_t>(snap.ledger.currency_count));
  for (std::size_t r = 0; r < s.report->rows.size(); ++r) {
    const AgingRow& row = s.report->rows[r];
    if (row.total != 0 || row.unapplied_credit != 0)
      by_currency[static_cast<std::size_t>(row.currency)].push_back(static_cast<int32_t>(r));
  }
  std::vector<int32_t> codes;
  for (std::size_t c = 0; c < by_currency.size(); ++c)
    if (!by_currency[c].empty()) codes.push_back(static_cast<int32_t>(c));
  auto code = [&](int32_t c) { return snap.labels.currencies[static_cast<std::size_t>(c)].code; };
  std::sort(codes.begin(), codes.end(), [&](int32_t a, int32_t b) { return code(a) < code(b); });
  for (int32_t c : codes) {
    std::vector<int32_t> rows = by_currency[static_cast<std::size_t>(c)];
    auto name = [&](int32_t r) {
      return snap.labels
          .customer_names[static_cast<std::size_t>(s.report->rows[static_cast<std::size_t>(r)].customer)];
    };
    std::stable_sort(rows.begin(), rows.end(), [&](int32_t a, int32_t b) { return name(a) < name(b); });
    s.currencies.push_back(c);
    s.codes.push_back(code(c));
    s.rows_of.push_back(std::move(rows));
  }
}

// Lists the invoices behind (row, bucket) (bucket -1: all of the row's) as the drill-down.
void drill(const ArSnapshot& snap, AgingReportState& s, int32_t row, int bucket) {
  s.drill_keys = TableCursor{};  // a new list: its cursor starts again from the top
  const AgingReport& report = *s.report;
  const AgingRow& r = report.rows[static_cast<std::size_t>(row)];
  s.drill_row = row;
  s.drill_bucket = bucket;
  s.drill.clear();
  s.drill_currency = snap.labels.currencies[static_cast<std::size_t>(r.currency)].code;
  s.drill_title = snap.labels.customer_names[static_cast<std::size_t>(r.customer)] + " · " +
                  (bucket < 0 ? std::string("every bucket")
                              : bucket_title(report.buckets.names[static_cast<std::size_t>(bucket)])) +
                  " · " + s.drill_currency;
  for (int b = 0; b < report.bucket_count(); ++b) {
    if (bucket >= 0 && b != bucket) continue;
    for (const AgingItem& item : aging_cell_items(snap.ledger, report, row, b)) {
      const ArInvoice& inv = snap.ledger.invoices[static_cast<std::size_t>(item.invoice)];
      AgingDrillRow d;
      d.invoice_id = snap.invoice_ids[static_cast<std::size_t>(item.invoice)];
      d.number = std::string(snap.invoice_number(item.invoice));
      d.issued = to_iso(civil_from_days(inv.issued_day));
      d.due = inv.due_day == kNoDay ? "" : to_iso(civil_from_days(inv.due_day));
      d.age = item.age;
      d.open = item.open;
      s.drill.push_back(std::move(d));
    }
  }
}

void compute(const ReportContext& ctx, AgingReportState& s, const Date& day) {
  s.cache_revision = ctx.revision;
  s.cache_as_of = day;
  s.cache_basis = s.basis;
  s.cache_limits = s.limits;
  AgingOptions options;
  options.as_of = day;
  options.basis = s.basis;
  options.buckets = aging_buckets_from_limits(s.limits).value();
  Result<AgingReport> report = compute_aging(ctx.snap.ledger, options);
  s.report = report ? std::optional<AgingReport>(std::move(report.value())) : std::nullopt;
  s.error = report ? "" : describe(report.problems());
  s.drill_row = -1;
  s.drill.clear();
  if (s.report) order_rows(ctx.snap, s);
}

void draw_controls(const ReportContext& ctx, AgingReportState& s, const Date& day) {
  const float field = ImGui::CalcTextSize("0000-00-00000").x;
  ImGui::BeginGroup();
  if (text_field("As of", &s.date_text, "reports.aging.date", "", display_date(ctx.as_of).c_str(), field)) {
    Result<Date> d = read_date(s.date_text);
    s.date_problem = s.date_text.empty() || d ? "" : "As of: " + d.problems()[0].message;
  }
  ImGui::EndGroup();
  ImGui::SameLine();
  ImGui::BeginGroup();
  ImGui::TextUnformatted("Age by");
  if (ImGui::RadioButton("Due date", s.basis == AgingBasis::DueDate)) s.basis = AgingBasis::DueDate;
  test_mark("reports.aging.by_due");
  ImGui::SameLine();
  if (ImGui::RadioButton("Issue date", s.basis == AgingBasis::InvoiceDate)) s.basis = AgingBasis::InvoiceDate;
  test_mark("reports.aging.by_issue");
  ImGui::EndGroup();
  ImGui::SameLine();
  ImGui::BeginGroup();
  if (text_field("Bucket edges (days)", &s.limits_text, "reports.aging.limits", "", "0, 30, 60, 90",
                 ImGui::CalcTextSize("0, 30, 60, 90, 120, 180").x))
    s.limits_problem = parse_limits(s.limits_text, &s.limits);
  ImGui::EndGroup();
  ImGui::SameLine();
  ImGui::BeginGroup();
  ImGui::TextUnformatted(" ");
  if (ImGui::Button("Export CSV") && s.report) {
    const std::string name = "duebook-aging-" + to_iso(day) + ".csv";
    Result<std::string> saved =
        ctx.platform.save_file(name, aging_to_csv(*s.report, ctx.snap.labels), "text/csv");
    s.status = saved ? "Exported the aging to " + saved.value() : describe(saved.problems());
  }
  test_mark("reports.aging.export");
  ImGui::EndGroup();
  if (!s.date_problem.empty()) problem_text(s.date_problem);
  if (!s.limits_problem.empty()) problem_text(s.limits_problem);
  if (!s.status.empty()) ImGui::TextDisabled("%s", s.status.c_str());
}

// An amount that lists its invoices when clicked.
bool amount_button(const std::string& id, int64_t amount, const std::string& currency, bool selected) {
  const float x = ImGui::GetCursorPosX();
  ImGui::PushID(id.c_str());
  const bool clicked = ImGui::Selectable("##cell", selected, ImGuiSelectableFlags_AllowItemOverlap);
  ImGui::PopID();
  test_mark(id.c_str());
  ImGui::SameLine();
  ImGui::SetCursorPosX(x);
  if (amount == 0)
    right_aligned("·");
  else
    amount_text(amount, currency, false);
  return clicked;
}

// The customer rows of every currency count as one list for the keyboard; `first` is currency k's first row.
void draw_currency(const ReportContext& ctx, AgingReportState& s, std::size_t k, int first) {
  const AgingReport& report = *s.report;
  const int nb = report.bucket_count();
  const std::string code = ctx.snap.labels.currencies[static_cast<std::size_t>(s.currencies[k])].code;
  heading(code.c_str());
  const ImGuiTableFlags flags =
      ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp;
  if (!ImGui::BeginTable(("aging-" + code).c_str(), nb + 3, flags)) return;
  ImGui::TableSetupColumn("Customer", ImGuiTableColumnFlags_WidthStretch, 2.0f);
  for (const std::string& name : report.buckets.names)
    ImGui::TableSetupColumn(bucket_title(name).c_str(), 0, 1.0f);
  ImGui::TableSetupColumn("Total", 0, 1.1f);
  ImGui::TableSetupColumn("Credit", 0, 1.0f);
  headers_row_right_from(1);
  for (std::size_t i = 0; i < s.rows_of[k].size(); ++i) {
    const int32_t r = s.rows_of[k][i];
    const AgingRow& row = report.rows[static_cast<std::size_t>(r)];
    const std::string& name = ctx.snap.labels.customer_names[static_cast<std::size_t>(row.customer)];
    ImGui::TableNextRow();
    if (cursor_row(s.keys, first + int(i)) == RowKey::Open) drill(ctx.snap, s, r, -1);
    ImGui::TableNextColumn();
    ImGui::PushID(r);
    if (ImGui::Selectable(name.c_str(), s.drill_row == r && s.drill_bucket < 0)) {
      drill(ctx.snap, s, r, -1);
      s.keys.row = first + int(i);
    }
    ImGui::PopID();
    test_mark(("reports.aging.customer." + code + "." + name).c_str());
    for (int b = 0; b < nb; ++b) {
      ImGui::TableNextColumn();
      const std::string id = "reports.aging.cell." + code + "." + name + "." + std::to_string(b);
      if (amount_button(id, report.amount(r, b), code, s.drill_row == r && s.drill_bucket == b))
        drill(ctx.snap, s, r, b);
    }
    ImGui::TableNextColumn();
    amount_text(row.total, code, false);
    ImGui::TableNextColumn();
    if (row.unapplied_credit != 0) amount_text(row.unapplied_credit, code, false);
  }
  const AgingCurrencyTotal& t = report.totals[static_cast<std::size_t>(s.currencies[k])];
  ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
  ImGui::TableNextColumn();
  ImGui::TextUnformatted("Total");
  for (int b = 0; b < nb; ++b) {
    ImGui::TableNextColumn();
    amount_text(t.buckets[static_cast<std::size_t>(b)], code, false);
  }
  ImGui::TableNextColumn();
  amount_text(t.total, code, false);
  test_mark(("reports.aging.total." + code).c_str());
  ImGui::TableNextColumn();
  amount_text(t.unapplied_credit, code, false);
  ImGui::EndTable();
}

void draw_drill(const ReportContext& ctx, AgingReportState& s) {
  heading(("Invoices of " + s.drill_title).c_str());
  if (s.drill.empty()) {
    ImGui::TextWrapped("No open invoice in this cell. Pick another amount above.");
    return;
  }
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH |
                                ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingStretchProp;
  if (!ImGui::BeginTable("aging-drill", 5, flags, ImVec2(0, ImGui::GetContentRegionAvail().y))) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  for (const char* name : {"Invoice", "Issued", "Due", "Days", "Open"})
    ImGui::TableSetupColumn(name, ImGuiTableColumnFlags_WidthStretch, 1.0f);
  headers_row({3, 4});
  for (std::size_t i = 0; i < s.drill.size(); ++i) {
    const AgingDrillRow& d = s.drill[i];
    ImGui::TableNextRow();
    if (cursor_row(s.drill_keys, int(i)) == RowKey::Open) ctx.nav.open_invoice = d.invoice_id;
    ImGui::TableNextColumn();
    ImGui::PushID(static_cast<int>(d.invoice_id));
    if (ImGui::Selectable(d.number.c_str(), false, ImGuiSelectableFlags_SpanAllColumns))
      ctx.nav.open_invoice = d.invoice_id;
    ImGui::PopID();
    test_mark(("reports.drill." + d.number).c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(display_date(d.issued).c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(d.due.empty() ? "—" : display_date(d.due).c_str());
    ImGui::TableNextColumn();
    right_aligned(std::to_string(d.age));
    ImGui::TableNextColumn();
    amount_text(d.open, s.drill_currency, false);
  }
  ImGui::EndTable();
}

// The arrow keys move through the drill-down while it shows (Escape closes it), else through the customers.
void handle_keys(AgingReportState& s) {
  if (s.drill_row < 0) {
    int rows = 0;
    for (const std::vector<int32_t>& of : s.rows_of) rows += int(of.size());
    table_keys(s.keys, rows);
    return;
  }
  s.keys.open = false;
  table_keys(s.drill_keys, int(s.drill.size()));
  if (!ImGui::GetIO().WantTextInput && workbench_focused() &&
      ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false))
    s.drill_row = -1;
}

}  // namespace

void draw_aging_report(const ReportContext& ctx, AgingReportState& s) {
  Result<Date> typed = read_date(s.date_text);
  const Date day = !s.date_text.empty() && typed ? typed.value() : ctx.as_of;
  draw_controls(ctx, s, day);
  if (s.cache_revision != ctx.revision || !(s.cache_as_of == day) || s.cache_basis != s.basis ||
      s.cache_limits != s.limits)
    compute(ctx, s, day);
  if (ctx.snap.ledger.invoices.empty()) {
    heading("No invoices yet");
    ImGui::TextWrapped(
        "The aging lists who owes what and how late. Issue an invoice in the Invoices tab, or bring in your "
        "invoices and payments with File › Import CSV.");
    test_mark("reports.empty");
    return;
  }
  if (!s.report) return problem_text("The aging could not be computed: " + s.error);
  if (s.currencies.empty()) {
    heading("Nothing open on this day");
    ImGui::TextWrapped("Nothing was owed on %s. Type a later day above, or clear it to use the app's day.",
                       display_date(day).c_str());
    test_mark("reports.empty");
    return;
  }
  handle_keys(s);
  const bool drilled = s.drill_row >= 0;
  ImGui::BeginChild("aging-tables",
                    ImVec2(0, drilled ? std::floor(ImGui::GetContentRegionAvail().y * 0.58f) : 0));
  int first = 0;
  for (std::size_t k = 0; k < s.currencies.size(); ++k) {
    draw_currency(ctx, s, k, first);
    first += int(s.rows_of[k].size());
  }
  ImGui::TextDisabled(
      "Click an amount to list its invoices, a customer for all of theirs (or the arrow keys and Enter; "
      "Escape "
      "closes the list).");
  ImGui::EndChild();
  if (drilled) draw_drill(ctx, s);
  s.redraw = drilled != (s.drill_row >= 0);
}

std::string aging_report_facts(const AgingReportState& s) {
  if (!s.report) return "{}";
  const AgingReport& report = *s.report;
  nlohmann::json currencies = nlohmann::json::array();
  for (std::size_t k = 0; k < s.currencies.size(); ++k) {
    const AgingCurrencyTotal& t = report.totals[static_cast<std::size_t>(s.currencies[k])];
    nlohmann::json customers = nlohmann::json::array();
    for (int32_t r : s.rows_of[k]) {
      std::vector<int64_t> buckets;
      for (int b = 0; b < report.bucket_count(); ++b) buckets.push_back(report.amount(r, b));
      customers.push_back({{"name", s.names[static_cast<std::size_t>(r)]},
                           {"buckets", buckets},
                           {"total", report.rows[static_cast<std::size_t>(r)].total}});
    }
    currencies.push_back({{"currency", s.codes[k]},
                          {"buckets", t.buckets},
                          {"total", t.total},
                          {"unapplied_credit", t.unapplied_credit},
                          {"customers", customers}});
  }
  nlohmann::json rows = nlohmann::json::array();
  for (const AgingDrillRow& d : s.drill)
    rows.push_back(
        {{"number", d.number}, {"id", d.invoice_id}, {"due", d.due}, {"age", d.age}, {"open", d.open}});
  return nlohmann::json{{"as_of", to_iso(report.as_of)},
                        {"basis", to_string(report.basis)},
                        {"buckets", report.buckets.names},
                        {"limits", report.buckets.upper_limits},
                        {"currencies", currencies},
                        {"cursor", s.keys.row},
                        {"drill",
                         {{"title", s.drill_title},
                          {"currency", s.drill_currency},
                          {"bucket", s.drill_bucket},
                          {"active", s.drill_row >= 0},
                          {"cursor", s.drill_keys.row},
                          {"rows", rows}}},
                        {"status", s.status}}
      .dump();
}

}  // namespace duebook::ui

#include "dashboard_window.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>

#include "chart.h"
#include "queries_view.h"
#include "table_headers.h"
#include "test_hook.h"
#include "widgets.h"

namespace duebook::ui {
namespace {

const ImVec4 kGood(0.10f, 0.55f, 0.28f, 1.0f), kBad(0.78f, 0.16f, 0.14f, 1.0f);

// A bucket's name as a person reads it: "Not yet due", "1-30 days", "Over 90 days".
std::string bucket_label(const Dashboard& d, std::size_t b) {
  if (b == 0 && !d.bucket_limits.empty() && d.bucket_limits[0] == 0) return "Not yet due";
  if (b == d.bucket_limits.size()) return "Over " + std::to_string(d.bucket_limits.back()) + " days";
  return d.bucket_names[b] + " days";
}

std::string days_text(const Measure& m) {
  return m.defined ? format_rational(m.value, 1) + " days" : "—";
}
// A fraction as a percent (the share overdue).
std::string percent_text(const Measure& m) {
  return m.defined ? format_percent(m.value, 1) + " %" : "—";
}
// A measure already in percent (the CEI).
std::string index_text(const Measure& m) {
  return m.defined ? format_rational(m.value, 1) + " %" : "—";
}

// A measure (days, or an index in percent) with its change since the window before; `higher_is_better`
// colours the change.
void measure_cell(const Measure& now, const Measure& before, bool index, bool higher_is_better) {
  ImGui::TextUnformatted((index ? index_text(now) : days_text(now)).c_str());
  if (!now.defined && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", now.why.c_str());
  Rational change;
  if (!now.defined || !before.defined || !rational_sub(now.value, before.value, &change)) return;
  const int sign = compare(change, rational(0));
  if (sign == 0) return;
  std::string text = format_rational(change, 1);
  if (text[0] == '-')
    text = "\u2212" + text.substr(1);  // a real minus sign
  else
    text = "+" + text;
  ImGui::SameLine();
  ImGui::PushStyleColor(ImGuiCol_Text, (sign > 0) == higher_is_better ? kGood : kBad);
  ImGui::TextUnformatted(text.c_str());
  ImGui::PopStyleColor();
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("Change against the %d days before: was %s", kDashboardWindowDays,
                      (index ? index_text(before) : days_text(before)).c_str());
}

// The headline figures, one row per currency, and today's counts beneath.
void draw_figures(const Dashboard& d) {
  const ImGuiTableFlags flags =
      ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp;
  if (ImGui::BeginTable("dashboard-figures", 7, flags)) {
    for (const char* name :
         {"Currency", "Receivable", "Overdue", "DSO (simple)", "DSO (countback)", "CEI", "Today's worklist"})
      ImGui::TableSetupColumn(name);
    ImGui::TableHeadersRow();
    for (const DashboardCurrency& c : d.currencies) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(c.currency.c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(display_money(c.receivable, c.currency).c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(display_money(c.overdue, c.currency).c_str());
      if (c.share_overdue.defined) {
        ImGui::SameLine();
        ImGui::TextDisabled("(%s)", percent_text(c.share_overdue).c_str());
      }
      ImGui::TableNextColumn();
      measure_cell(c.dso_simple, c.dso_simple_before, false, false);
      ImGui::TableNextColumn();
      measure_cell(c.dso_countback, c.dso_countback_before, false, false);
      ImGui::TableNextColumn();
      measure_cell(c.cei, c.cei_before, true, true);
      ImGui::TableNextColumn();
      ImGui::Text("%d · %s", c.worklist_count, display_money(c.worklist_amount, c.currency).c_str());
    }
    ImGui::EndTable();
  }
  ImGui::TextDisabled("DSO and CEI over the last %d days, change against the %d days before.",
                      kDashboardWindowDays, kDashboardWindowDays);
  ImGui::Text(
      "Worklist today: %d   ·   Broken promises: %d   ·   Customers on hold: %d   ·   Open disputes: %d",
      d.worklist_count, d.broken_promises, d.customers_on_hold, d.open_disputes);
  test_mark("dashboard.counts");
}

void draw_aging(const Dashboard& d, Navigation& nav, float height) {
  heading("Aging by currency");
  StackedBars chart;
  for (std::size_t b = 0; b < d.bucket_names.size(); ++b) {
    chart.segment_names.push_back(bucket_label(d, b));
    chart.segment_colors.push_back(chart_ramp_color(int(b), int(d.bucket_names.size())));
  }
  for (const DashboardCurrency& c : d.currencies) {
    if (c.receivable == 0) continue;
    chart.bar_labels.push_back(display_money(c.receivable, c.currency));
    chart.values.push_back(c.aging);
    chart.counts.push_back(c.aging_invoices);
    chart.money.push_back({c.currency, c.digits});
  }
  if (chart.values.empty()) {
    ImGui::TextWrapped("Nothing is open. The aging shows here once invoices are issued and not yet paid.");
    return;
  }
  chart.test_name = "dashboard.aging";
  const float rows =
      std::round(ImGui::GetFontSize() * 1.8f) * float(chart.values.size()) + ImGui::GetFontSize() * 1.6f;
  const ChartHit hit = draw_stacked_bars("aging", chart, ImVec2(0, std::min(height, rows)));
  if (hit.bar >= 0)
    nav.invoice_list = InvoiceListRequest{hit.segment + 1, chart.money[std::size_t(hit.bar)].currency};
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  ImGui::TextWrapped(
      "Each bar is one currency's receivable by days past due. Click a part to list its invoices.");
  ImGui::PopStyleColor();
}

void draw_forecast(const Dashboard& d, const DashboardCurrency& c, float height) {
  heading(("Cash expected in the next 13 weeks (" + c.currency + ")").c_str());
  if (c.forecast.open_total == 0) {
    ImGui::TextWrapped(
        "No open invoices to forecast. Issue invoices and record payments: the forecast learns "
        "from how each customer has paid.");
    return;
  }
  BandBars chart;
  chart.money = {c.currency, c.digits};
  chart.value_name = "Expected";
  chart.band_name = "Low–high";
  chart.marker_name = "Promised or installment";
  for (int w = 0; w < kForecastWeeks; ++w) {
    chart.labels.push_back(display_day_month(forecast_week_start(d.as_of, w)));
    chart.values.push_back(c.forecast.expected.weeks[std::size_t(w)]);
    chart.low.push_back(c.forecast.low.weeks[std::size_t(w)]);
    chart.high.push_back(c.forecast.high.weeks[std::size_t(w)]);
    chart.markers.push_back(c.scheduled[std::size_t(w)]);
    const int n = c.scheduled_count[std::size_t(w)];
    chart.marker_notes.push_back(std::to_string(n) + (n == 1 ? " receipt" : " receipts"));
  }
  draw_band_bars("forecast", chart, ImVec2(0, height));
  test_mark("dashboard.forecast");
}

void draw_dso_line(const DashboardCurrency& c, float height) {
  heading(("DSO month by month (" + c.currency + ")").c_str());
  LineChart chart;
  bool any = false;
  for (const DsoMonth& m : c.dso_months) {
    chart.labels.push_back(display_month(m.from));
    chart.values.push_back(m.simple.defined ? std::optional<double>(to_double(m.simple.value))
                                            : std::nullopt);
    chart.tooltips.push_back(m.simple.defined ? "DSO " + days_text(m.simple) + "\nOpen " +
                                                    display_money(m.ending_receivables, c.currency) +
                                                    ", invoiced " + display_money(m.credit_sales, c.currency)
                                              : m.simple.why);
    any |= m.simple.defined;
  }
  if (!any) {
    ImGui::TextWrapped(
        "DSO needs a month with invoices. Issue or import invoices to see how fast they are paid.");
    return;
  }
  draw_line_chart("dso", chart, ImVec2(0, height));
  test_mark("dashboard.dso");
}

void draw_top(const DashboardCurrency& c, TableCursor& keys, Navigation& nav, float height) {
  heading(("Owing the most overdue (" + c.currency + ")").c_str());
  if (c.top_overdue.empty()) {
    ImGui::TextWrapped(
        "No customer is overdue in %s. Today's worklist brings reminders as invoices fall due.",
        c.currency.c_str());
    return;
  }
  const ImGuiTableFlags flags =
      ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY;
  table_keys(keys, int(c.top_overdue.size()));
  if (!ImGui::BeginTable("dashboard-top", 4, flags, ImVec2(0, height))) return;
  const float amount = ImGui::CalcTextSize("EUR 000,000.00").x;
  ImGui::TableSetupColumn("Customer", ImGuiTableColumnFlags_WidthStretch, 1.0f);
  ImGui::TableSetupColumn("Overdue", ImGuiTableColumnFlags_WidthFixed, amount);
  ImGui::TableSetupColumn("Days late", ImGuiTableColumnFlags_WidthFixed, ImGui::CalcTextSize("Days late").x);
  ImGui::TableSetupColumn("Next step", ImGuiTableColumnFlags_WidthStretch, 1.2f);
  ImGui::TableSetupScrollFreeze(0, 1);
  headers_row({1, 2});
  for (std::size_t k = 0; k < c.top_overdue.size(); ++k) {
    const OverdueCustomer& o = c.top_overdue[k];
    ImGui::TableNextRow();
    if (cursor_row(keys, int(k)) == RowKey::Open) nav.open_customer = o.customer_id;
    ImGui::TableNextColumn();
    ImGui::PushID(int(o.customer_id));
    if (ImGui::Selectable(o.name.c_str())) nav.open_customer = o.customer_id;
    ImGui::PopID();
    test_mark(("dashboard.top." + o.name).c_str());
    ImGui::TableNextColumn();
    amount_text(o.overdue, c.currency);
    ImGui::TableNextColumn();
    days_late_cell(o.days_late);
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(o.next_step.c_str());
  }
  ImGui::EndTable();
}

const DashboardCurrency& chosen(const Dashboard& d, DashboardWindowState& s) {
  for (const DashboardCurrency& c : d.currencies)
    if (c.currency == s.currency) return c;
  s.currency = d.currencies.front().currency;
  return d.currencies.front();
}

void draw_currency_choice(const Dashboard& d, DashboardWindowState& s) {
  if (d.currencies.size() < 2) return;
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("Charts in");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(ImGui::CalcTextSize("EUR").x + ImGui::GetFrameHeight() * 2);
  if (ImGui::BeginCombo("##dashboard-currency", s.currency.c_str())) {
    for (const DashboardCurrency& c : d.currencies)
      if (ImGui::Selectable(c.currency.c_str(), c.currency == s.currency)) s.currency = c.currency;
    ImGui::EndCombo();
  }
  test_mark("dashboard.currency");
}

void draw_empty() {
  heading("Nothing to show yet");
  ImGui::TextWrapped(
      "The dashboard fills in as soon as the ledger has invoices. Add a customer in the Customers "
      "tab and issue an invoice in the Invoices tab, or bring in your existing invoices and "
      "payments with File › Import CSV.");
  ImGui::TextDisabled(
      "Receivables, DSO and CEI, the aging, the 13-week forecast, DSO by month and the customers "
      "owing the most overdue will appear here.");
  test_mark("dashboard.empty");
}

}  // namespace

bool draw_dashboard_window(Queries& queries, DashboardWindowState& s, Navigation& nav, const Date& as_of) {
  if (!s.job) s.job = std::make_unique<DashboardJob>(queries);
  s.pending = s.cache_revision != queries.revision() || !(s.cache_as_of == as_of);
  if (s.pending) {
    s.job->request(as_of, queries.revision());  // replaces a request for an older ledger or another day
    if (std::optional<Result<Dashboard>> d = s.job->take()) {
      s.cache = *d ? std::optional<Dashboard>(std::move(d->value())) : std::nullopt;
      s.error = *d ? "" : describe(d->problems());
      s.cache_revision = queries.revision();
      s.cache_as_of = as_of;
      s.pending = false;
    }
  }
  ImGui::BeginChild("dashboard", ImVec2(0, 0), false);
  test_mark("dashboard.header");
  if (s.pending) {
    heading("Computing…");
    const double waited = s.job->seconds_waiting();
    const std::string so_far = waited >= 1 ? " (" + std::to_string(int(waited)) + " s so far)" : "";
    ImGui::TextWrapped("Working out the receivables, the aging, DSO and the forecast as of %s%s…",
                       display_date(as_of).c_str(), so_far.c_str());
    test_mark("dashboard.computing");
  } else if (!s.cache) {
    problem_text("The dashboard could not be computed: " + s.error);
  } else if (s.cache->issued_invoices == 0 || s.cache->currencies.empty()) {
    draw_empty();
  } else {
    const Dashboard& d = *s.cache;
    draw_figures(d);
    const DashboardCurrency& c = chosen(d, s);
    draw_currency_choice(d, s);
    const float gap = ImGui::GetStyle().ItemSpacing.x * 2;
    const float left = std::floor((ImGui::GetContentRegionAvail().x - gap) * 0.42f);
    const float block = std::max(ImGui::GetFontSize() * 11,
                                 (ImGui::GetContentRegionAvail().y - ImGui::GetFontSize() * 5) * 0.5f);
    ImGui::BeginGroup();
    ImGui::PushItemWidth(left);
    ImGui::BeginChild("dashboard-left", ImVec2(left, 0), false, ImGuiWindowFlags_NoScrollbar);
    draw_aging(d, nav, block - ImGui::GetFontSize() * 3);
    ImGui::Spacing();
    // The line takes what is left of the column (the aging above it grows with the currencies).
    draw_dso_line(c, std::max(ImGui::GetFontSize() * 7,
                              ImGui::GetContentRegionAvail().y - ImGui::GetFontSize() * 2.2f));
    ImGui::EndChild();
    ImGui::PopItemWidth();
    ImGui::EndGroup();
    ImGui::SameLine(0, gap);
    ImGui::BeginChild("dashboard-right", ImVec2(0, 0), false, ImGuiWindowFlags_NoScrollbar);
    draw_forecast(d, c, block - ImGui::GetFontSize() * 3);
    ImGui::Spacing();
    draw_top(c, s.top_keys, nav,
             std::max(ImGui::GetFontSize() * 8, ImGui::GetContentRegionAvail().y - ImGui::GetFontSize() * 2));
    ImGui::EndChild();
  }
  ImGui::EndChild();
  return s.pending;
}

std::string dashboard_facts(const DashboardWindowState& s) {
  if (!s.cache || s.pending) return s.pending ? R"({"computing": true})" : "{}";
  const Dashboard& d = *s.cache;
  nlohmann::json currencies = nlohmann::json::array();
  for (const DashboardCurrency& c : d.currencies) {
    nlohmann::json top = nlohmann::json::array();
    for (const OverdueCustomer& o : c.top_overdue)
      top.push_back(
          {{"name", o.name}, {"overdue", o.overdue}, {"days_late", o.days_late}, {"next", o.next_step}});
    currencies.push_back({{"currency", c.currency},
                          {"receivable", c.receivable},
                          {"overdue", c.overdue},
                          {"aging", c.aging},
                          {"aging_invoices", c.aging_invoices},
                          {"top", top}});
  }
  return nlohmann::json{{"as_of", to_iso(d.as_of)},
                        {"buckets", d.bucket_names},
                        {"currencies", currencies},
                        {"worklist", d.worklist_count},
                        {"broken_promises", d.broken_promises},
                        {"on_hold", d.customers_on_hold},
                        {"disputes", d.open_disputes},
                        {"issued", d.issued_invoices},
                        {"shown", s.currency},
                        {"top_cursor", s.top_keys.row}}
      .dump();
}

}  // namespace duebook::ui

#include "report_statement.h"

#include <imgui.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "table_headers.h"
#include "table_keys.h"
#include "test_hook.h"
#include "widgets.h"

namespace duebook::ui {
namespace {

const char* line_label(StatementLineKind kind) {
  switch (kind) {
    case StatementLineKind::Invoice:
      return "Invoice";
    case StatementLineKind::Charge:
      return "Charge";
    case StatementLineKind::Refund:
      return "Refund";
    case StatementLineKind::WriteOffReversed:
      return "Write-off reversed";
    case StatementLineKind::Payment:
      return "Payment";
    case StatementLineKind::CreditNote:
      return "Credit note";
    case StatementLineKind::WriteOff:
      return "Write-off";
    case StatementLineKind::Void:
      return "Void";
  }
  return "";
}

// The customers with anything in the receivables, by name, as (name, id).
std::vector<std::pair<std::string, int64_t>> customers(const ArSnapshot& snap) {
  std::vector<bool> used(snap.customer_ids.size(), false);
  for (const ArInvoice& inv : snap.ledger.invoices) used[static_cast<std::size_t>(inv.customer)] = true;
  for (const ArCreditMovement& m : snap.ledger.credits) used[static_cast<std::size_t>(m.customer)] = true;
  std::vector<std::pair<std::string, int64_t>> out;
  for (std::size_t c = 0; c < used.size(); ++c)
    if (used[c]) out.emplace_back(snap.labels.customer_names[c], snap.customer_ids[c]);
  std::sort(out.begin(), out.end());
  return out;
}

void draw_customer_choice(const ReportContext& ctx, StatementReportState& s) {
  const std::vector<std::pair<std::string, int64_t>> list = customers(ctx.snap);
  std::string current = "Choose a customer";
  for (const auto& [name, id] : list)
    if (id == s.customer_id) current = name;
  ImGui::TextUnformatted("Customer");
  if (search_field("##statement-find", "Find a customer  (Ctrl+F)", &s.find, "reports.statement.find",
                   ImGui::GetFontSize() * 12))
    for (const auto& [name, id] : list)
      if (contains_folded(name, s.find)) {
        s.customer_id = id;
        break;
      }
  ImGui::SameLine();
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 16);
  if (ImGui::BeginCombo("##statement-customer", current.c_str(), ImGuiComboFlags_HeightLarge)) {
    for (const auto& [name, id] : list) {
      if (!contains_folded(name, s.find)) continue;
      ImGui::PushID(static_cast<int>(id));
      if (ImGui::Selectable(name.c_str(), id == s.customer_id)) s.customer_id = id;
      ImGui::PopID();
      test_mark(("reports.statement.customer." + name).c_str());
    }
    ImGui::EndCombo();
  }
  test_mark("reports.statement.customer");
}

void draw_section(const StatementSection& sec, const std::vector<std::string>& bucket_names) {
  const std::string& code = sec.currency.code;
  heading(code.c_str());
  const ImGuiTableFlags flags =
      ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp;
  if (ImGui::BeginTable(("statement-" + code).c_str(), 5, flags)) {
    ImGui::TableSetupColumn("Date", 0, 1.0f);
    ImGui::TableSetupColumn("What", 0, 1.2f);
    ImGui::TableSetupColumn("Reference", 0, 1.6f);
    ImGui::TableSetupColumn("Amount", 0, 1.3f);
    ImGui::TableSetupColumn("Balance", 0, 1.3f);
    headers_row({3, 4});
    auto balance_row = [&](const char* what, int64_t balance) {
      ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
      ImGui::TableNextColumn();
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(what);
      ImGui::TableNextColumn();
      ImGui::TableNextColumn();
      ImGui::TableNextColumn();
      amount_text(balance, code, false);
    };
    balance_row("Brought forward", sec.opening_balance);
    for (const StatementLine& l : sec.lines) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(display_date(l.date).c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(line_label(l.kind));
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(l.reference.c_str());
      ImGui::TableNextColumn();
      amount_text(l.amount, code, false);
      ImGui::TableNextColumn();
      amount_text(l.balance, code, false);
    }
    balance_row("Balance due", sec.closing_balance);
    ImGui::EndTable();
  }
  if (bucket_names.empty()) return;
  const int n = static_cast<int>(bucket_names.size());
  if (ImGui::BeginTable(("statement-aging-" + code).c_str(), n + 2, flags)) {
    for (const std::string& name : bucket_names) ImGui::TableSetupColumn(bucket_title(name).c_str());
    ImGui::TableSetupColumn("Open");
    ImGui::TableSetupColumn("Credit");
    headers_row_right_from(0);
    ImGui::TableNextRow();
    for (int64_t amount : sec.aging.buckets) {
      ImGui::TableNextColumn();
      amount_text(amount, code, false);
    }
    ImGui::TableNextColumn();
    amount_text(sec.aging.total, code, false);
    ImGui::TableNextColumn();
    amount_text(sec.aging.unapplied_credit, code, false);
    ImGui::EndTable();
  }
}

}  // namespace

void draw_statement_report(const ReportContext& ctx, StatementReportState& s,
                           const std::vector<int32_t>& limits) {
  if (ctx.snap.ledger.invoices.empty()) {
    heading("No invoices yet");
    ImGui::TextWrapped(
        "A statement lists what a customer was invoiced and paid. Issue an invoice in the Invoices tab or "
        "import "
        "your invoices with File › Import CSV, then choose the customer here.");
    test_mark("reports.empty");
    return;
  }
  ImGui::BeginGroup();
  draw_customer_choice(ctx, s);
  ImGui::EndGroup();
  const float field = ImGui::CalcTextSize("0000-00-00000").x;
  Result<Date> to_typed = read_date(s.to_text);
  const Date to = !s.to_text.empty() && to_typed ? to_typed.value() : ctx.as_of;
  const Date default_from = add_days(add_months(to, -3), 1);
  Result<Date> from_typed = read_date(s.from_text);
  const Date from = !s.from_text.empty() && from_typed ? from_typed.value() : default_from;
  ImGui::SameLine();
  ImGui::BeginGroup();
  text_field("From", &s.from_text, "reports.statement.from", "", display_date(default_from).c_str(), field);
  ImGui::EndGroup();
  ImGui::SameLine();
  ImGui::BeginGroup();
  text_field("To", &s.to_text, "reports.statement.to", "", display_date(ctx.as_of).c_str(), field);
  ImGui::EndGroup();
  ImGui::SameLine();
  ImGui::BeginGroup();
  ImGui::TextUnformatted(" ");
  ImGui::BeginDisabled(!s.statement);
  if (ImGui::Button("PDF")) {
    DocumentRequest r{DocumentRequest::Kind::Statement, s.customer_id, 1, to};
    r.from = from;
    ctx.nav.document = r;
  }
  test_mark("reports.statement.pdf");
  ImGui::SameLine();
  if (ImGui::Button("CSV") && s.statement) {
    const std::string name = "duebook-statement-" + std::to_string(s.customer_id) + "-" + to_iso(to) + ".csv";
    Result<std::string> saved = ctx.platform.save_file(name, statement_to_csv(*s.statement), "text/csv");
    s.status = saved ? "Exported the statement to " + saved.value() : describe(saved.problems());
  }
  test_mark("reports.statement.csv");
  ImGui::EndDisabled();
  ImGui::EndGroup();
  s.problem = !s.from_text.empty() && !from_typed ? "From: " + from_typed.problems()[0].message
              : !s.to_text.empty() && !to_typed   ? "To: " + to_typed.problems()[0].message
              : to < from                         ? "The period ends before it starts"
                                                  : "";
  if (!s.problem.empty()) problem_text(s.problem);
  if (!s.status.empty()) ImGui::TextDisabled("%s", s.status.c_str());
  if (s.customer_id == 0) {
    heading("Choose a customer");
    ImGui::TextWrapped(
        "Pick a customer above to see their statement for the last three months, or type a period.");
    test_mark("reports.empty");
    return;
  }
  if (!s.problem.empty()) return;
  if (s.cache_revision != ctx.revision || s.cache_customer != s.customer_id || !(s.cache_from == from) ||
      !(s.cache_to == to)) {
    Result<CustomerStatement> st = load_customer_statement(ctx.queries.db(), s.customer_id, from, to,
                                                           aging_buckets_from_limits(limits).value());
    s.statement = st ? std::optional<CustomerStatement>(std::move(st.value())) : std::nullopt;
    s.error = st ? "" : describe(st.problems());
    s.cache_revision = ctx.revision;
    s.cache_customer = s.customer_id;
    s.cache_from = from;
    s.cache_to = to;
  }
  if (!s.statement) return problem_text("The statement could not be made: " + s.error);
  ImGui::BeginChild("statement-body");
  if (s.statement->sections.empty())
    ImGui::TextWrapped("Nothing happened on this account by %s. Pick a later end of the period.",
                       display_date(to).c_str());
  for (const StatementSection& sec : s.statement->sections) draw_section(sec, s.statement->bucket_names);
  ImGui::EndChild();
}

std::string statement_report_facts(const StatementReportState& s) {
  if (!s.statement) return "{}";
  nlohmann::json currencies = nlohmann::json::array();
  for (const StatementSection& sec : s.statement->sections) {
    int64_t sum = 0;
    for (const StatementLine& l : sec.lines) sum += l.amount;
    currencies.push_back({{"currency", sec.currency.code},
                          {"sum", sum},
                          {"opening", sec.opening_balance},
                          {"closing", sec.closing_balance},
                          {"lines", sec.lines.size()},
                          {"aging", sec.aging.buckets},
                          {"aging_total", sec.aging.total},
                          {"credit", sec.aging.unapplied_credit}});
  }
  return nlohmann::json{{"customer", s.statement->customer},
                        {"from", to_iso(s.statement->from)},
                        {"to", to_iso(s.statement->to)},
                        {"currencies", currencies},
                        {"status", s.status}}
      .dump();
}

}  // namespace duebook::ui

#include "charges_window.h"

#include <imgui.h>
#include <misc/cpp/imgui_stdlib.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "help.h"
#include "queries_view.h"
#include "table_headers.h"
#include "test_hook.h"
#include "widgets.h"

namespace duebook::ui {
namespace {

const ImGuiTableFlags kTableFlags =
    ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp;

// The day typed, or the tab's day when none is.
Result<Date> charges_day(const ChargesWindowState& s, const CollectContext& ctx) {
  if (s.as_of.empty()) return ctx.today;
  return read_date(s.as_of);
}

bool shown(const ChargesWindowState& s, const CollectContext& ctx, int64_t customer_id) {
  return s.every_customer || customer_id == ctx.customer_id;
}

void refresh(Queries& queries, ChargesWindowState& s, const CollectContext& ctx) {
  const std::string key = std::to_string(queries.revision()) + "|" + to_iso(ctx.today) + "|" + s.as_of + "|" +
                          charges_policy_text(s);
  if (key == s.cache_key) return;
  s.cache_key = key;
  s.preview = ChargesPreview{};
  s.preview_error.clear();
  Result<Date> day = charges_day(s, ctx);
  Result<InterestPolicy> policy = parse_interest_policy(charges_policy_text(s));
  if (!day) s.preview_error = "As of: " + day.problems()[0].message;
  if (!policy) s.preview_error = "Rate: " + describe(policy.problems());
  if (day && policy) s.preview = preview_ledger_charges(queries.db(), *day, *policy);
  Result<std::vector<LateFeeDue>> due = late_fees_due(queries.db(), day ? *day : ctx.today);
  s.fees_due = due ? due.value() : std::vector<LateFeeDue>{};
  s.charges = list_charges(queries.db());
}

void draw_policy(ChargesWindowState& s, const CollectContext& ctx) {
  ImGui::AlignTextToFramePadding();
  ImGui::TextDisabled("Policy");
  const char* names[] = {"Contract rate", "UK Late Payment Act", "EU Directive 2011/7/EU"};
  const char* marks[] = {"charges.policy.contract", "charges.policy.uk", "charges.policy.eu"};
  for (int i = 0; i < 3; ++i) {
    ImGui::SameLine();
    ImGui::RadioButton(names[i], &s.policy, i);
    test_mark(marks[i]);
  }
  if (s.policy == 0) {
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 4);
    ImGui::InputText("##charges-rate", &s.contract_rate);
    test_mark("charges.rate");
    ImGui::SameLine();
    ImGui::TextDisabled("%% a year");
  }
  ImGui::SameLine(0, ImGui::GetFontSize() * 1.5f);
  ImGui::TextDisabled("As of");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 7);
  ImGui::InputTextWithHint("##charges-as-of", display_date(ctx.today).c_str(), &s.as_of);
  test_mark("charges.as_of");
  ImGui::SameLine(0, ImGui::GetFontSize() * 1.5f);
  ImGui::Checkbox("Every customer", &s.every_customer);
  test_mark("charges.every_customer");
  if (!s.preview_error.empty()) problem_text(s.preview_error);
}

void draw_preview(ChargesWindowState& s, const CollectContext& ctx, Commands& commands) {
  heading("Interest and fixed compensation, per overdue invoice");
  int rows = 0;
  if (ImGui::BeginTable("charges-preview", s.every_customer ? 8 : 7, kTableFlags)) {
    ImGui::TableSetupColumn("Invoice");
    if (s.every_customer) ImGui::TableSetupColumn("Customer", ImGuiTableColumnFlags_WidthStretch, 1.6f);
    for (const char* c : {"Due", "Days late", "Outstanding", "Rate, % a year", "Interest", "Compensation"})
      ImGui::TableSetupColumn(c);
    const int o = s.every_customer ? 1 : 0;  // the Customer column's place, when shown
    headers_row({o + 2, o + 3, o + 4, o + 5, o + 6});
    for (const ChargesPreviewRow& r : s.preview.rows) {
      if (!s.every_customer && r.customer != ctx.customer) continue;
      ++rows;
      const std::string cur(r.currency.view());
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(r.invoice.c_str());
      test_mark(("charges.row." + r.invoice).c_str());
      if (s.every_customer) {
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(r.customer.c_str());
      }
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(display_date(r.due_date).c_str());
      ImGui::TableNextColumn();
      right_aligned(std::to_string(r.days_late));
      ImGui::TableNextColumn();
      right_aligned(display_money(r.outstanding_minor, cur));
      ImGui::TableNextColumn();
      right_aligned(to_string(r.annual_rate));
      ImGui::TableNextColumn();
      right_aligned(display_money(r.interest_minor, cur));
      ImGui::TableNextColumn();
      right_aligned(display_money(r.fixed_compensation_minor, cur));
    }
    ImGui::EndTable();
  }
  if (rows == 0) ImGui::TextDisabled("Nothing to charge under this policy on this day.");
  // What the policy leaves out (other currencies, missing rates): the customer's own invoices said plainly,
  // everyone's folded away.
  std::vector<const Problem*> skipped;
  for (const Problem& p : s.preview.skipped)
    if (s.every_customer || std::any_of(ctx.invoices.begin(), ctx.invoices.end(),
                                        [&](const CollectionInvoice& i) { return i.number == p.where; }))
      skipped.push_back(&p);
  const std::string fold = "Not priced under this policy: " + std::to_string(skipped.size()) + " invoice" +
                           (skipped.size() == 1 ? "" : "s") + "###charges-skipped";
  if (!skipped.empty() && ImGui::TreeNode(fold.c_str())) {
    for (const Problem* p : skipped) ImGui::TextDisabled("%s — %s", p->where.c_str(), p->message.c_str());
    ImGui::TreePop();
  }
  Result<Date> day = charges_day(s, ctx);
  if (!day || !s.preview_error.empty()) return;
  // ApplyCharges books every customer's charges at once: the button says so.
  const std::string label = "Apply charges as of " + display_date(*day) + " (every customer)";
  if (confirm_button(label.c_str(), "Confirm: book the charges", "charges.apply", &s.apply_armed))
    commands.submit(ApplyCharges{*day, charges_policy_text(s)}, &s.apply_sink);
  ImGui::SameLine();
  ImGui::TextDisabled(
      "Each late invoice gets one charges invoice; a second run books only what accrued since.");
}

void draw_fees(ChargesWindowState& s, const CollectContext& ctx, Commands& commands) {
  heading("Late fees due (the collections policy's steps)");
  int rows = 0;
  for (const LateFeeDue& f : s.fees_due) {
    if (!shown(s, ctx, f.invoice.customer_id)) continue;
    ++rows;
    ImGui::PushID(rows);
    ImGui::BulletText("%s, step %d: %s", f.invoice.number.c_str(), f.step_index,
                      display_money(f.fee, f.invoice.currency).c_str());
    ImGui::SameLine();
    if (ImGui::SmallButton("Waive…")) {
      s.waive_invoice = f.invoice.id;
      s.waive_step = f.step_index;
      s.waive_label = f.invoice.number + ", step " + std::to_string(f.step_index) + ": " +
                      display_money(f.fee, f.invoice.currency);
    }
    test_mark(("charges.waive_due." + f.invoice.number).c_str());
    ImGui::PopID();
  }
  if (rows == 0) ImGui::TextDisabled("None due.");
  Result<Date> day = charges_day(s, ctx);
  if (rows > 0 && day &&
      confirm_button("Charge the late fees due", "Confirm: charge every fee due", "charges.charge_fees",
                     &s.fees_armed))
    commands.submit(ChargeLateFees{*day}, &s.apply_sink);
}

void draw_waive(ChargesWindowState& s, const CollectContext& ctx, Commands& commands) {
  if (!s.waive_invoice) return;
  ImGui::Spacing();
  ImGui::Text("Waive the late fee of %s", s.waive_label.c_str());
  text_field("Reason", &s.waive_reason, "charges.waive_reason", s.waive_sink.problem_for("reason"),
             "Why it is waived (kept with the waiver)");
  if (confirm_button("Waive the fee", "Confirm the waiver", "charges.waive", &s.waive_armed)) {
    Result<Date> day = charges_day(s, ctx);
    if (s.waive_reason.empty())
      s.waive_sink.problems = {{"reason", "Reason: say why the fee is waived"}};
    else
      commands.submit(WaiveLateFee{s.waive_invoice, s.waive_step, day ? *day : ctx.today, s.waive_reason},
                      &s.waive_sink);
  }
  ImGui::SameLine();
  if (ImGui::Button("Cancel")) s.waive_invoice = 0;
  for (const Problem& p : s.waive_sink.problems)
    if (p.where != "reason") problem_text(p.message);
}

void draw_list(ChargesWindowState& s, const CollectContext& ctx, Navigation& nav) {
  heading("Charged and waived");
  int rows = 0;
  s.list_invoices.clear();
  for (auto c = s.charges.rbegin(); c != s.charges.rend(); ++c)
    if (shown(s, ctx, c->customer_id)) s.list_invoices.push_back(c->invoice_id);
  table_keys(s.keys, int(s.list_invoices.size()));
  if (ImGui::BeginTable("charges-list", 7, kTableFlags)) {
    for (const char* c : {"Date", "Kind", "Invoice", "Billed on", "Amount", "Status", "Basis or reason"})
      ImGui::TableSetupColumn(c);
    headers_row({4});
    for (auto c = s.charges.rbegin(); c != s.charges.rend(); ++c) {
      if (!shown(s, ctx, c->customer_id)) continue;
      ImGui::TableNextRow();
      if (cursor_row(s.keys, rows++) == RowKey::Open) nav.open_invoice = c->invoice_id;
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(display_date(c->date).c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(c->kind.c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(c->invoice.c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(c->charge_invoice.c_str());
      ImGui::TableNextColumn();
      right_aligned(display_money(c->amount, c->currency));
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(c->status.c_str());
      if (c->kind == "late_fee" && c->status == "charged") {
        ImGui::SameLine();
        ImGui::PushID(int(c->id));
        if (ImGui::SmallButton("Waive…")) {
          s.waive_invoice = c->invoice_id;
          s.waive_step = c->step_index;
          s.waive_label = c->invoice + ", step " + std::to_string(c->step_index) + ": " +
                          display_money(c->amount, c->currency);
        }
        ImGui::PopID();
      }
      ImGui::TableNextColumn();
      ImGui::TextUnformatted((c->reason.empty() ? c->basis : c->reason).c_str());
    }
    ImGui::EndTable();
  }
  if (rows == 0) ImGui::TextDisabled("Nothing charged yet.");
}

// Turns the sinks' news into the message line (a run with nothing new to book is news, not an error).
void take_outcomes(ChargesWindowState& s) {
  for (CommandSink* sink : {&s.apply_sink, &s.waive_sink}) {
    if (sink->completed == 0) continue;
    if (sink->outcome) {
      s.message = sink->outcome->label + ": done.";
      if (sink == &s.waive_sink) {
        s.waive_invoice = 0;
        s.waive_reason.clear();
      }
    } else if (!sink->problems.empty()) {
      s.message = describe(sink->problems);
    }
    sink->completed = 0;
    sink->outcome.reset();
  }
}

}  // namespace

std::string charges_policy_text(const ChargesWindowState& s) {
  if (s.policy == 1) return "uk-late-payment";
  if (s.policy == 2) return "eu-late-payment";
  return "contract:" + s.contract_rate;
}

void draw_charges_window(Queries& queries, ChargesWindowState& s, Commands& commands, Navigation& nav,
                         const CollectContext& ctx) {
  take_outcomes(s);
  if (!s.policy_loaded) {  // the screen starts from the company's default interest policy
    s.policy_loaded = true;
    if (Result<InterestPolicy> p = parse_interest_policy(queries.defaults().interest_policy)) {
      s.policy = int(p->kind);
      if (p->kind == InterestPolicyKind::Contract) s.contract_rate = to_string(p->contract_annual_percent);
    }
  }
  refresh(queries, s, ctx);
  ImGui::TextUnformatted("Charges");
  ImGui::SameLine();
  ImGui::TextDisabled("— late-payment interest, fixed compensation and late fees%s%s",
                      s.every_customer || ctx.customer.empty() ? "" : " of ",
                      s.every_customer ? "" : ctx.customer.c_str());
  ImGui::SameLine();
  help_button(HelpTopic::Charges);
  draw_policy(s, ctx);
  if (!s.message.empty()) {
    const bool problem = s.apply_sink.problems.size() + s.waive_sink.problems.size() > 0 &&
                         s.message.find("nothing more to charge") == std::string::npos;
    problem ? problem_text(s.message) : confirmation_text(s.message);
  }
  draw_preview(s, ctx, commands);
  draw_fees(s, ctx, commands);
  draw_waive(s, ctx, commands);
  draw_list(s, ctx, nav);
}

std::string charges_facts(const ChargesWindowState& s) {
  nlohmann::json rows = nlohmann::json::array(), charges = nlohmann::json::array(),
                 fees = nlohmann::json::array();
  for (const ChargesPreviewRow& r : s.preview.rows)
    rows.push_back({{"invoice", r.invoice},
                    {"customer", r.customer},
                    {"days_late", r.days_late},
                    {"annual_rate", to_string(r.annual_rate)},
                    {"interest", r.interest_minor},
                    {"fixed_compensation", r.fixed_compensation_minor}});
  for (const ChargeRecord& c : s.charges)
    charges.push_back({{"kind", c.kind},
                       {"invoice", c.invoice},
                       {"charge_invoice", c.charge_invoice},
                       {"amount", c.amount},
                       {"status", c.status},
                       {"reason", c.reason}});
  for (const LateFeeDue& f : s.fees_due)
    fees.push_back({{"invoice", f.invoice.number}, {"step", f.step_index}, {"fee", f.fee}});
  // The policy of the rows shown: the one typed is priced on the next frame.
  return nlohmann::json{{"policy", to_string(s.preview.policy)},
                        {"as_of", to_iso(s.preview.as_of)},
                        {"message", s.message},
                        {"rows", rows},
                        {"charges", charges},
                        {"list", s.list_invoices},
                        {"cursor", s.keys.row},
                        {"fees_due", fees}}
      .dump();
}

}  // namespace duebook::ui

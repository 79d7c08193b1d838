#include "collect_window.h"

#include <imgui.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "base/currencies.h"
#include "icons.h"
#include "queries_view.h"
#include "test_hook.h"
#include "widgets.h"

namespace duebook::ui {
namespace {

struct ScreenTab {
  CollectScreen screen;
  const char* label;
  const char* test;
};
const ScreenTab kScreens[] = {{CollectScreen::Options, "Options compared", "collect.tab.options"},
                              {CollectScreen::Charges, "Charges", "collect.tab.charges"},
                              {CollectScreen::Plan, "Installments", "collect.tab.plan"},
                              {CollectScreen::Settle, "Settle", "collect.tab.settle"},
                              {CollectScreen::Agency, "Agency", "collect.tab.agency"},
                              {CollectScreen::Factor, "Factoring", "collect.tab.factor"},
                              {CollectScreen::CreditHold, "Credit hold", "collect.tab.hold"}};

const char* screen_name(CollectScreen screen) {
  static const char* names[] = {"options", "charges", "plan", "settle", "agency", "factor", "hold"};
  return names[int(screen)];
}

// An invoice worth collecting by default: overdue on `today`, not a charge, not already handed off.
bool overdue(const CollectionInvoice& inv, const Date& today) {
  return inv.due_date < today && !inv.is_charge && !inv.with_agency && !inv.factored;
}

void refresh(Queries& queries, CollectWindowState& s, const Date& today) {
  const std::string day = to_iso(today);
  if (s.cache_revision == queries.revision() && s.cache_day == day && s.cache_customer == s.customer_id)
    return;
  const bool same_customer = s.cache_customer == s.customer_id;
  std::vector<int64_t> kept;  // the choice survives a change of the ledger or the day
  for (std::size_t i = 0; same_customer && i < s.invoices.size(); ++i)
    if (s.chosen[i]) kept.push_back(s.invoices[i].id);
  s.cache_revision = queries.revision();
  s.cache_day = day;
  s.cache_customer = s.customer_id;
  s.customers.clear();
  for (const CollectionInvoice& inv : queries.open_invoices_of(0, today))  // by customer name
    if (s.customers.empty() || s.customers.back().first != inv.customer_id)
      s.customers.push_back({inv.customer_id, inv.customer});
  s.invoices =
      s.customer_id ? queries.open_invoices_of(s.customer_id, today) : std::vector<CollectionInvoice>{};
  std::optional<Customer> c = s.customer_id ? queries.customer(s.customer_id) : std::nullopt;
  s.customer = c ? c->fields.name : "";
  // The invoices asked for; else those chosen before (the same customer); else the overdue ones.
  const bool restore = !s.wanted.empty() || same_customer;
  const std::vector<int64_t>& want = !s.wanted.empty() ? s.wanted : kept;
  s.chosen.assign(s.invoices.size(), 0);
  for (std::size_t i = 0; i < s.invoices.size(); ++i)
    s.chosen[i] = restore ? std::find(want.begin(), want.end(), s.invoices[i].id) != want.end()
                          : overdue(s.invoices[i], today);
  s.wanted.clear();
}

// The context the screens work on; `error` says why there is none (no customer, mixed currencies).
CollectContext context(const CollectWindowState& s, const Date& today, std::string* error) {
  CollectContext ctx;
  ctx.customer_id = s.customer_id;
  ctx.customer = s.customer;
  ctx.today = today;
  for (std::size_t i = 0; i < s.invoices.size(); ++i) {
    if (!s.chosen[i]) continue;
    const CollectionInvoice& inv = s.invoices[i];
    if (!ctx.currency.empty() && ctx.currency != inv.currency)
      *error = "The invoices chosen are in more than one currency: choose those of one currency.";
    ctx.currency = inv.currency;
    ctx.invoices.push_back(inv);
    ctx.open += inv.open;
  }
  return ctx;
}

void draw_customer_and_invoices(CollectWindowState& s, const Date& today) {
  ImGui::AlignTextToFramePadding();
  ImGui::TextDisabled("Customer");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 16);
  if (ImGui::BeginCombo("##collect-customer",
                        s.customer.empty() ? "Choose a customer" : s.customer.c_str())) {
    for (const auto& [id, name] : s.customers)
      if (ImGui::Selectable(name.c_str(), id == s.customer_id)) s.customer_id = id;
    ImGui::EndCombo();
  }
  test_mark("collect.customer");
  if (s.invoices.empty()) {
    ImGui::SameLine();
    ImGui::TextDisabled(s.customer_id ? "Nothing open." : "Choose whose invoices to collect.");
    return;
  }
  ImGui::SameLine(0, ImGui::GetFontSize());
  ImGui::TextDisabled("Invoices");
  for (std::size_t i = 0; i < s.invoices.size(); ++i) {
    const CollectionInvoice& inv = s.invoices[i];
    const std::string label =
        inv.number + " " + display_money(inv.open, inv.currency) +
        (inv.due_date < today ? " (" + std::to_string(days_between(inv.due_date, today)) + " d late)" : "");
    if (ImGui::GetContentRegionAvail().x < ImGui::CalcTextSize(label.c_str()).x + ImGui::GetFontSize() * 2)
      ImGui::NewLine();
    bool on = s.chosen[i];
    if (ImGui::Checkbox(label.c_str(), &on)) s.chosen[i] = on;
    test_mark(("collect.invoice." + inv.number).c_str());
    ImGui::SameLine();
  }
  ImGui::NewLine();
}

// Fills the endgame forms and the charges from the options' assumptions, so a column's button opens its
// form as compared.
void prefill_from_options(CollectWindowState& s, const CollectContext& ctx) {
  const OptionsAssumptions& t = s.options.typed;
  s.plan.count = t.installments;
  s.plan.first_due = t.first_due;
  s.plan.every = "month";
  s.settle.accept =
      !t.settle.empty() || !s.options.selection
          ? t.settle
          : amount_field_text(s.options.selection->face * 7 / 10, currency_digits(ctx.currency));
  s.agency.commission = t.commission;
  s.agency.recovery = t.success;
  s.factor.advance = t.advance;
  s.factor.fee = t.fee;
  Result<Decimal> advance = parse_decimal(t.advance);
  Rational reserve;
  if (advance && rational_sub(rational(100), rational(*advance), &reserve))
    s.factor.reserve = format_rational(reserve, 2);
  s.charges.policy = t.policy;
  s.charges.contract_rate = t.contract_rate;
}

void draw_screens(Queries& queries, CollectWindowState& s, Commands& commands, Navigation& nav,
                  Platform& platform, const CollectContext& ctx, const std::string& error) {
  if (!ImGui::BeginTabBar("collect-screens")) return;
  for (const ScreenTab& tab : kScreens) {
    const ImGuiTabItemFlags flags =
        s.select_screen && s.screen == tab.screen ? ImGuiTabItemFlags_SetSelected : 0;
    const bool shown = ImGui::BeginTabItem(tab.label, nullptr, flags);
    test_mark(tab.test);
    if (!shown) continue;
    if (!s.select_screen) s.screen = tab.screen;
    ImGui::BeginChild("collect-screen");
    const bool needs_invoices =
        tab.screen != CollectScreen::CreditHold && tab.screen != CollectScreen::Charges;
    if (needs_invoices && !error.empty()) {
      problem_text(error);
    } else {
      std::optional<CollectScreen> start;
      switch (tab.screen) {
        case CollectScreen::Options:
          draw_options_window(queries, s.options, ctx, nav, &start);
          break;
        case CollectScreen::Charges:
          draw_charges_window(queries, s.charges, commands, nav, ctx);
          break;
        case CollectScreen::Plan:
          draw_plan_form(s.plan, commands, ctx);
          break;
        case CollectScreen::Settle:
          draw_settle_form(s.settle, commands, ctx);
          break;
        case CollectScreen::Agency:
          draw_agency_form(queries, s.agency, commands, platform, ctx);
          break;
        case CollectScreen::Factor:
          draw_factor_form(s.factor, commands, ctx);
          break;
        case CollectScreen::CreditHold:
          draw_credit_hold_form(queries, s.hold, commands, ctx);
          break;
      }
      if (start) {
        prefill_from_options(s, ctx);
        s.screen = *start;
        s.select_screen = true;
        ImGui::EndChild();
        ImGui::EndTabItem();
        ImGui::EndTabBar();
        return;
      }
    }
    ImGui::EndChild();
    ImGui::EndTabItem();
  }
  s.select_screen = false;
  ImGui::EndTabBar();
}

}  // namespace

void open_collect(CollectWindowState& s, const CollectRequest& request) {
  s.open = true;
  s.screen = request.screen;
  s.select_screen = true;
  if (request.customer_id && request.customer_id != s.customer_id) {
    s.customer_id = request.customer_id;
    s.cache_customer = -1;
  }
  if (!request.invoice_ids.empty()) {
    s.wanted = request.invoice_ids;
    s.cache_revision = -1;
  }
}

bool draw_collect_tab(Queries& queries, CollectWindowState& s, Commands& commands, Navigation& nav,
                      Platform& platform, const Date& today, bool select) {
  if (!s.open) return false;
  bool open = true;
  const std::string label =
      ICON_COLLECT " Collect" + (s.customer.empty() ? "" : ": " + s.customer) + "###collect";
  const bool shown = ImGui::BeginTabItem(label.c_str(), &open, select ? ImGuiTabItemFlags_SetSelected : 0);
  test_mark("tab.collect");
  if (shown) {
    refresh(queries, s, today);
    draw_customer_and_invoices(s, today);
    std::string error;
    CollectContext ctx = context(s, today, &error);
    if (error.empty() && ctx.invoices.empty())
      error = s.customer_id ? "Choose at least one open invoice." : "Choose a customer.";
    ImGui::Separator();
    draw_screens(queries, s, commands, nav, platform, ctx, error);
    ImGui::EndTabItem();
  }
  if (!open) s = CollectWindowState{};
  return shown;
}

std::string collect_facts(const CollectWindowState& s) {
  nlohmann::json chosen = nlohmann::json::array(), plan = nlohmann::json::array(),
                 problems = nlohmann::json::array();
  for (std::size_t i = 0; i < s.invoices.size(); ++i)
    if (s.chosen[i]) chosen.push_back(s.invoices[i].number);
  for (const Installment& i : s.plan.preview) plan.push_back(i.amount.minor);
  for (const Problem& p : s.plan.problems) problems.push_back({{"where", p.where}, {"message", p.message}});
  int64_t open = 0;
  for (std::size_t i = 0; i < s.invoices.size(); ++i)
    if (s.chosen[i]) open += s.invoices[i].open;
  return nlohmann::json{
      {"open", s.open},
      {"screen", screen_name(s.screen)},
      {"customer_id", s.customer_id},
      {"customer", s.customer},
      {"chosen", chosen},
      {"options", nlohmann::json::parse(options_facts(s.options))},
      {"charges", nlohmann::json::parse(charges_facts(s.charges))},
      {"plan",
       {{"installments", plan},
        {"sum", s.plan.preview.empty() ? 0 : s.plan.preview.back().cumulative_minor},
        {"open", open},
        {"saved", s.plan.saved},
        {"problems", problems}}},
      {"hold", nlohmann::json::parse(credit_hold_facts(s.hold))},
      {"saved", {{"settle", s.settle.saved}, {"agency", s.agency.saved}, {"factor", s.factor.saved}}}}
      .dump();
}

void draw_collect_buttons(Navigation& nav, int64_t customer_id, const std::vector<int64_t>& invoice_ids,
                          const char* test_prefix) {
  struct Button {
    const char* label;
    CollectScreen screen;
    const char* test;
  };
  static const Button buttons[] = {
      {"Options…", CollectScreen::Options, "options"}, {"Charges…", CollectScreen::Charges, "charges"},
      {"Installments…", CollectScreen::Plan, "plan"},  {"Settle…", CollectScreen::Settle, "settle"},
      {"Agency…", CollectScreen::Agency, "agency"},    {"Factor…", CollectScreen::Factor, "factor"}};
  ImGui::TextDisabled("Collect");
  for (const Button& b : buttons) {
    ImGui::SameLine();
    if (ImGui::SmallButton(b.label)) nav.collect = CollectRequest{b.screen, customer_id, invoice_ids};
    test_mark((std::string(test_prefix) + "." + b.test).c_str());
  }
}

}  // namespace duebook::ui

#include "today_window.h"

#include <imgui.h>

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>

#include "base/money.h"
#include "collections/collections_outcome.h"
#include "queries_view.h"
#include "table_headers.h"
#include "test_hook.h"
#include "today_detail.h"
#include "today_outcomes.h"
#include "widgets.h"

namespace duebook::ui {
namespace {

const ImVec4 kConfirmColour{0.10f, 0.45f, 0.20f, 1.0f};

std::string money(int64_t minor, const CurrencyCode& currency) {
  return format_money_for_letter({minor, currency});
}

int64_t oldest_days_late(const WorklistEntry& e) {
  int64_t days = 0;
  for (const WorklistLine& l : e.lines) days = std::max(days, l.days_late);
  return days;
}

const char* pause_words(PauseReason reason) {
  switch (reason) {
    case PauseReason::Disputed:
      return "disputed";
    case PauseReason::WithAgency:
      return "with the agency";
    case PauseReason::Factored:
      return "sold to a factor";
    case PauseReason::PromiseActive:
      return "promise to pay";
    case PauseReason::Snoozed:
      return "snoozed";
    case PauseReason::AwaitingDeadline:
      return "reminder's deadline running";
  }
  return "";
}

const WorklistItem* find_item(const LedgerWorklist& w, int64_t customer_id) {
  for (const WorklistItem& item : w.items)
    if (item.customer_id == customer_id) return &item;
  return nullptr;
}

// "1 customer to contact, EUR 1,000.00 overdue" (one amount per currency).
std::string day_summary(const LedgerWorklist& w) {
  std::map<std::string, std::pair<CurrencyCode, int64_t>> totals;
  for (const WorklistItem& item : w.items) {
    auto& t = totals[std::string(item.entry.currency.view())];
    t.first = item.entry.currency;
    t.second += item.entry.open_minor;
  }
  std::string amounts;
  for (const auto& [code, total] : totals)
    amounts += (amounts.empty() ? "" : " + ") + money(total.second, total.first);
  const size_t n = w.items.size();
  return std::to_string(n) + (n == 1 ? " customer" : " customers") + " to contact" +
         (amounts.empty() ? "" : ", " + amounts + " overdue");
}

void open_entry(Queries& queries, TodayWindowState& s, const WorklistItem& item, const Date& as_of) {
  s.opened = item.customer_id;
  prepare_outcome_drafts(queries, s, item, as_of);
}

// Up/Down move the highlight, Enter opens it, 1..8 record outcomes for the opened entry; not while typing.
void handle_keys(Queries& queries, TodayWindowState& s, Commands& commands, const Date& as_of) {
  const ImGuiIO& io = ImGui::GetIO();
  if (io.WantTextInput || io.KeyCtrl || io.KeyAlt || io.KeySuper) return;
  const std::vector<WorklistItem>& items = s.cache.items;
  const int n = int(items.size());
  if (n > 0 && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_DownArrow)))
    s.cursor = std::min(s.cursor + 1, n - 1);
  if (n > 0 && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_UpArrow)))
    s.cursor = std::max(s.cursor - 1, 0);
  if (n > 0 && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter), false))
    open_entry(queries, s, items[size_t(s.cursor)], as_of);
  const WorklistItem* opened = find_item(s.cache, s.opened);
  if (!opened) return;
  for (int k = 1; k <= kOutcomeCount; ++k)
    if (ImGui::IsKeyPressed('0' + k, false)) choose_outcome(queries, s, commands, *opened, as_of, k);
}

void draw_list(Queries& queries, TodayWindowState& s, const Date& as_of) {
  ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY;
  const float paused_height = s.cache.paused.empty() ? 0.0f : ImGui::GetTextLineHeightWithSpacing() * 7;
  if (ImGui::BeginTable("today-list", 4, flags, ImVec2(0, -paused_height))) {
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("Customer", ImGuiTableColumnFlags_WidthStretch, 1.5f);
    ImGui::TableSetupColumn("Overdue", ImGuiTableColumnFlags_WidthFixed,
                            ImGui::CalcTextSize("EUR 000,000.00").x);
    ImGui::TableSetupColumn("Late", ImGuiTableColumnFlags_WidthFixed, ImGui::CalcTextSize("000 d").x);
    ImGui::TableSetupColumn("Step due", ImGuiTableColumnFlags_WidthStretch, 1.0f);
    headers_row({1, 2});
    for (int i = 0; i < int(s.cache.items.size()); ++i) {
      const WorklistItem& item = s.cache.items[size_t(i)];
      const WorklistEntry& e = item.entry;
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::PushID(int(item.customer_id));
      const bool highlighted = i == s.cursor || item.customer_id == s.opened;
      if (ImGui::Selectable(e.customer.c_str(), highlighted, ImGuiSelectableFlags_SpanAllColumns)) {
        s.cursor = i;
        open_entry(queries, s, item, as_of);
      }
      test_mark(("today.row." + e.customer).c_str());
      ImGui::PopID();
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(money(e.open_minor, e.currency).c_str());
      ImGui::TableNextColumn();
      ImGui::Text("%lld d", (long long)oldest_days_late(e));
      ImGui::TableNextColumn();
      const std::string step = step_title(queries.policy_of(item.customer_id).policy, e.step_index);
      ImGui::TextWrapped("%s", step.c_str());
    }
    ImGui::EndTable();
  }
  if (s.cache.paused.empty()) return;
  heading("Paused (they come back on their own)");
  ImGui::BeginChild("today-paused");
  for (const PausedInvoice& p : s.cache.paused) {
    const std::string back = p.until ? ", back on " + display_date(add_days(*p.until, 1)) : "";
    ImGui::TextWrapped("%s  %s: %s%s", p.customer.c_str(), p.invoice.c_str(), pause_words(p.reason),
                       back.c_str());
    test_mark(("today.paused." + p.customer).c_str());
  }
  ImGui::EndChild();
}

void draw_header(TodayWindowState& s, const Date& as_of) {
  ImGui::Text("Today, %s: %s", display_date(as_of).c_str(), day_summary(s.cache).c_str());
  test_mark("today.header");
  for (const BrokenPromise& b : s.cache.broken_promises) {
    ImGui::SameLine();
    ImGui::TextDisabled("| %s broke a promise (due %s)", b.customer.c_str(), display_date(b.pay_by).c_str());
  }
  if (!s.confirmation.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, kConfirmColour);
    ImGui::TextWrapped("%s", s.confirmation.c_str());
    ImGui::PopStyleColor();
    test_mark("today.confirmation");
  }
  for (const Problem& p : s.cache.problems) problem_text(p.where + ": " + p.message);
}

void draw_detail(Queries& queries, TodayWindowState& s, Commands& commands, Platform& platform,
                 const WorklistItem& item, const Date& as_of) {
  const std::string title = item.entry.customer + " — " +
                            step_title(queries.policy_of(item.customer_id).policy, item.entry.step_index);
  ImGui::TextUnformatted(title.c_str());
  test_mark("today.detail.title");
  const float facts = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) * 0.56f;
  ImGui::BeginChild("today-facts", ImVec2(facts, 0));
  draw_entry_facts(queries, item, as_of);
  draw_outcomes(queries, s, commands, item, as_of);
  ImGui::EndChild();
  ImGui::SameLine();
  ImGui::BeginChild("today-material", ImVec2(0, 0), true);
  std::optional<DocumentRequest> pdf;
  draw_entry_material(queries, platform, item, &pdf);
  if (pdf) {
    pdf->date = as_of;
    s.confirmation = produce_document(queries, platform, commands, &s.document_sink, *pdf);
  }
  ImGui::EndChild();
}

}  // namespace

void draw_today_window(Queries& queries, TodayWindowState& state, Commands& commands, Platform& platform,
                       const Date& as_of) {
  take_outcome_result(state);
  if (state.cache_as_of != as_of) state.confirmation.clear();  // it spoke of another day
  if (state.cache_revision != queries.revision() || state.cache_as_of != as_of) {
    state.cache = queries.worklist(as_of);
    state.cache_revision = queries.revision();
    state.cache_as_of = as_of;
    state.cursor = std::clamp(state.cursor, 0, std::max(0, int(state.cache.items.size()) - 1));
    if (!find_item(state.cache, state.opened)) state.opened = 0;  // done, paused, or not due on this day
  }
  handle_keys(queries, state, commands, as_of);
  draw_header(state, as_of);
  const float list_width = std::max(420.0f, ImGui::GetContentRegionAvail().x * 0.36f);
  ImGui::BeginChild("today-entries", ImVec2(list_width, 0));
  if (state.cache.items.empty())
    empty_note(
        "Nobody to contact on " + display_date(as_of) +
            ". A customer comes up here on the days their collections policy sets after an invoice's "
            "due date (a reminder, a call, a letter); Policies shows the steps, and the As of date looks "
            "at another day.",
        "today.empty");
  draw_list(queries, state, as_of);
  ImGui::EndChild();
  ImGui::SameLine();
  ImGui::BeginChild("today-detail", ImVec2(0, 0), true);
  if (const WorklistItem* item = find_item(state.cache, state.opened))
    draw_detail(queries, state, commands, platform, *item, as_of);
  else {
    ImGui::TextWrapped(
        "Choose a customer on the left (Up/Down, Enter) to see the invoices, the contact and what "
        "to say; then record the outcome (keys 1-8).");
    ImGui::Spacing();
    draw_company_form(queries, state.company, commands);
  }
  ImGui::EndChild();
}

std::string today_facts(Queries& queries, const TodayWindowState& s, const Date& day) {
  const LedgerWorklist& w =
      s.cache_revision == queries.revision() && s.cache_as_of == day ? s.cache : queries.worklist(day);
  nlohmann::json entries = nlohmann::json::array(), paused = nlohmann::json::array(), opened = nullptr;
  for (const WorklistItem& item : w.items) {
    const std::string step = step_title(queries.policy_of(item.customer_id).policy, item.entry.step_index);
    int64_t days_late = 0;
    bool brought_forward = false;  // a broken promise brought a step forward
    for (const WorklistLine& l : item.entry.lines) {
      days_late = std::max(days_late, l.days_late);
      brought_forward |= l.after_broken_promise;
    }
    entries.push_back({{"customer", item.entry.customer},
                       {"customer_id", item.customer_id},
                       {"step", step},
                       {"step_index", item.entry.step_index},
                       {"days_late", days_late},
                       {"brought_forward", brought_forward},
                       {"open_minor", item.entry.open_minor},
                       {"contact", item.entry.contact.name}});
    if (item.customer_id == s.opened)
      opened = {{"customer", item.entry.customer}, {"step", step},
                {"subject", item.subject},         {"body", item.body},
                {"mailto", item.mailto},           {"form", int(s.form)}};
  }
  for (const PausedInvoice& p : w.paused)
    paused.push_back({{"customer", p.customer}, {"invoice", p.invoice}, {"reason", to_string(p.reason)}});
  return nlohmann::json{{"entries", entries},
                        {"paused", paused},
                        {"opened", opened},
                        {"cursor", s.cursor},
                        {"confirmation", s.confirmation}}
      .dump();
}

}  // namespace duebook::ui

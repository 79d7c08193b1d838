#include "command_palette.h"

#include <imgui.h>
#include <misc/cpp/imgui_stdlib.h>

#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>

#include "base/money.h"
#include "queries_view.h"
#include "reports_window.h"
#include "test_hook.h"
#include "widgets.h"

namespace duebook::ui {
namespace {

// Rows of each kind found in the ledger for a query.
constexpr int kLedgerRows = 8;
// ImGui 1.86 names no K key: both platforms index the keys by their key codes, where a letter's code is its
// upper-case ASCII code (DOM keyCode, GLFW_KEY_*).
constexpr int kKeyK = 'K';

char lower(char c) {
  return char(std::tolower(static_cast<unsigned char>(c)));
}

// The screens and actions, always there.
std::vector<PaletteEntry> fixed_entries() {
  std::vector<PaletteEntry> out;
  auto screen = [&](const char* label, const char* tab) {
    PaletteEntry e;
    e.label = label;
    e.kind = "Screen";
    e.tab = tab;
    out.push_back(e);
  };
  screen("Dashboard", "Dashboard");
  screen("Today (worklist)", "Today");
  screen("Customers", "Customers");
  screen("Invoices", "Invoices");
  screen("Payments", "payments");
  screen("History", "History");
  screen("Reports", "Reports");
  for (int k = 0; k < kReportKinds; ++k) {
    PaletteEntry e;
    e.label = std::string("Report: ") + report_title(static_cast<ReportKind>(k));
    e.kind = "Report";
    e.report = k;
    out.push_back(e);
  }
  screen("Collections policies (policy editor)", "Policies");
  screen("Message templates (template editor)", "Templates");
  auto action = [&](const char* label, PaletteAction a, const char* tab = nullptr, bool pay = false) {
    PaletteEntry e;
    e.label = label;
    e.kind = "Action";
    e.action = a;
    e.tab = tab;
    e.pay = pay;
    out.push_back(e);
  };
  action("Issue an invoice", PaletteAction::None, "Invoices");
  action("Add a customer", PaletteAction::None, "Customers");
  action("Record a payment", PaletteAction::None, nullptr, true);
  action("Import CSV…", PaletteAction::Import);
  action("Export invoices (CSV)", PaletteAction::ExportInvoices);
  action("Export the whole ledger", PaletteAction::ExportLedger);
  action("Settings (company, theme, interest, storage)", PaletteAction::Settings);
  action("Toggle theme (light / dark)", PaletteAction::ToggleTheme);
  action("Undo", PaletteAction::Undo);
  action("Redo", PaletteAction::Redo);
  action("Back to today (as-of date)", PaletteAction::BackToToday);
  auto collect = [&](const char* label, CollectScreen which) {
    action(label, PaletteAction::None);
    out.back().collect = int(which);
  };
  collect("Options compared (wait, discount, installments, factoring, agency, settle)",
          CollectScreen::Options);
  collect("Charges: late fees, interest and compensation", CollectScreen::Charges);
  collect("Installment plan", CollectScreen::Plan);
  collect("Settle for less (write off the rest)", CollectScreen::Settle);
  collect("Hand to a collection agency", CollectScreen::Agency);
  collect("Factor invoices", CollectScreen::Factor);
  collect("Credit hold and cash on delivery by rule", CollectScreen::CreditHold);
  return out;
}

// The rows for a query: matching screens and actions, then the ledger's customers and invoices, best first.
std::vector<PaletteEntry> find_entries(Queries& queries, const std::string& query) {
  std::vector<PaletteEntry> out;
  for (PaletteEntry& e : fixed_entries())
    if ((e.score = query.empty() ? 0 : match_score(query, e.label)) >= 0) out.push_back(std::move(e));
  if (!query.empty()) {
    for (const Customer& c : queries.customers({query, 0, kLedgerRows})) {
      PaletteEntry e;
      e.label = c.fields.name;
      e.kind = "Customer";
      e.detail = c.fields.currency;
      e.customer_id = c.id;
      e.score = std::max(1, match_score(query, e.label));  // the ledger's search matched it (accents aside)
      out.push_back(std::move(e));
    }
    InvoiceQuery q;
    q.search = query;
    q.limit = kLedgerRows;
    q.descending = true;
    for (const InvoiceSummary& inv : queries.invoices(q)) {
      if (inv.number.empty()) continue;
      PaletteEntry e;
      e.label = inv.number;
      e.kind = "Invoice";
      e.detail = inv.customer_name + " · open " + display_money(inv.open, inv.currency);
      e.invoice_id = inv.id;
      e.score =
          std::max(1, std::max(match_score(query, inv.number), match_score(query, inv.customer_name) - 50));
      out.push_back(std::move(e));
    }
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const PaletteEntry& a, const PaletteEntry& b) { return a.score > b.score; });
  return out;
}

void choose(const PaletteEntry& e, CommandPaletteState& s, Navigation& nav) {
  if (e.tab) nav.open_tab = e.tab;
  if (e.pay) nav.pay_customer = 0;
  if (e.customer_id) nav.open_customer = e.customer_id;
  if (e.invoice_id) nav.open_invoice = e.invoice_id;
  if (e.collect >= 0) nav.collect = CollectRequest{CollectScreen(e.collect), 0, {}};
  if (e.report >= 0) nav.open_report = e.report;
  s.action = e.action;
  s.open = false;
}

// Up/Down move the highlight, Enter chooses, Escape closes.
void handle_keys(CommandPaletteState& s, Navigation& nav) {
  const int n = int(s.entries.size());
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_DownArrow))) s.cursor = std::min(s.cursor + 1, n - 1);
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_UpArrow))) s.cursor = std::max(s.cursor - 1, 0);
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false)) s.open = false;
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter), false) && s.cursor >= 0 && s.cursor < n)
    choose(s.entries[std::size_t(s.cursor)], s, nav);
}

void draw_rows(CommandPaletteState& s, Navigation& nav) {
  const float row = ImGui::GetTextLineHeightWithSpacing();
  ImGui::BeginChild("palette-rows", ImVec2(0, row * 12.5f));
  for (std::size_t i = 0; i < s.entries.size() && s.open; ++i) {
    const PaletteEntry& e = s.entries[i];
    ImGui::PushID(int(i));
    const bool highlighted = int(i) == s.cursor;
    if (ImGui::Selectable("##row", highlighted)) choose(e, s, nav);
    if (highlighted && ImGui::IsWindowAppearing() == false) ImGui::SetScrollHereY(0.5f);
    test_mark(("palette.row." + std::to_string(i)).c_str());
    ImGui::SameLine(0, 0);
    ImGui::TextDisabled("%-9s", e.kind.c_str());
    ImGui::SameLine();
    ImGui::TextUnformatted(e.label.c_str());
    if (!e.detail.empty()) {
      ImGui::SameLine();
      ImGui::TextDisabled("%s", e.detail.c_str());
    }
    ImGui::PopID();
  }
  if (s.entries.empty()) ImGui::TextDisabled("Nothing matches. Try part of a name or an invoice number.");
  ImGui::EndChild();
}

}  // namespace

int match_score(std::string_view query, std::string_view text) {
  if (query.empty()) return 0;
  std::string q, t;
  for (char c : query) q += lower(c);
  for (char c : text) t += lower(c);
  if (t == q) return 1000;
  const std::size_t at = t.find(q);
  if (at == 0) return 900 - int(std::min<std::size_t>(t.size(), 100));
  if (at != std::string::npos) {
    const bool word = !std::isalnum(static_cast<unsigned char>(t[at - 1]));
    return (word ? 700 : 500) - int(std::min<std::size_t>(at, 100));
  }
  // Fuzzy: every letter in order; fewer and shorter gaps rank higher.
  int gaps = 0;
  std::size_t from = 0;
  for (char c : q) {
    const std::size_t found = t.find(c, from);
    if (found == std::string::npos) return -1;
    gaps += found > from && from > 0 ? 1 : 0;
    from = found + 1;
  }
  return std::max(2, 300 - 20 * gaps - int(std::min<std::size_t>(t.size(), 100)));
}

void open_command_palette(CommandPaletteState& s) {
  s.open = true;
  s.focus = true;
  s.query.clear();
  s.cursor = 0;
  s.cache_revision = -1;
}

void draw_command_palette(Queries& queries, CommandPaletteState& s, Navigation& nav) {
  const ImGuiIO& io = ImGui::GetIO();
  if (io.KeyCtrl && ImGui::IsKeyPressed(kKeyK, false)) open_command_palette(s);
  if (!s.open) return;
  if (s.cache_revision != queries.revision() || s.cache_query != s.query) {
    s.entries = find_entries(queries, s.query);
    s.cache_revision = queries.revision();
    s.cache_query = s.query;
    s.cursor = std::clamp(s.cursor, 0, std::max(0, int(s.entries.size()) - 1));
  }
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  const float width = std::min(vp->WorkSize.x * 0.9f, ImGui::GetFontSize() * 40);
  ImGui::SetNextWindowPos(
      ImVec2(vp->WorkPos.x + (vp->WorkSize.x - width) * 0.5f, vp->WorkPos.y + vp->WorkSize.y * 0.12f));
  ImGui::SetNextWindowSize(ImVec2(width, 0));
  ImGui::SetNextWindowFocus();
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                 ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysAutoResize;
  ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, std::max(1.0f, ImGui::GetFontSize() / 14));
  ImGui::Begin("Command palette", nullptr, flags);
  ImGui::PopStyleVar();
  if (s.focus) ImGui::SetKeyboardFocusHere();
  s.focus = false;
  ImGui::SetNextItemWidth(-1.0f);
  if (ImGui::InputTextWithHint("##palette-query", "Go to a screen, an action, a customer or an invoice…",
                               &s.query))
    s.cursor = 0;
  test_mark("palette.input");
  if (!ImGui::IsItemActive() && !ImGui::IsItemDeactivated())
    s.focus = true;  // keep the keyboard in the field
  handle_keys(s, nav);
  if (s.open) draw_rows(s, nav);
  ImGui::TextDisabled("Up and Down to move · Enter to go · Esc to close");
  ImGui::End();
}

std::string command_palette_facts(const CommandPaletteState& s) {
  nlohmann::json entries = nlohmann::json::array();
  for (const PaletteEntry& e : s.entries) entries.push_back({{"label", e.label}, {"kind", e.kind}});
  return nlohmann::json{{"open", s.open}, {"query", s.query}, {"cursor", s.cursor}, {"entries", entries}}
      .dump();
}

}  // namespace duebook::ui

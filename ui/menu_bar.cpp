#include "menu_bar.h"

#include <imgui.h>

#include "exports.h"
#include "icons.h"
#include "queries_view.h"
#include "test_hook.h"

namespace duebook::ui {
namespace {

void draw_export_items(MenuContext& c) {
  const bool idle = !c.import.running;
  if (ImGui::MenuItem("Export invoices (CSV)", nullptr, false, idle))
    c.status_message = export_invoices_file(c.platform, c.queries, c.today, InvoiceColumns::QuickBooks);
  test_mark("menu.export_invoices");
  if (ImGui::MenuItem("Export invoices (Xero CSV)", nullptr, false, idle))
    c.status_message = export_invoices_file(c.platform, c.queries, c.today, InvoiceColumns::Xero);
  test_mark("menu.export_invoices_xero");
  if (ImGui::MenuItem("Export payments (bank statement CSV)", nullptr, false, idle))
    c.status_message = export_payments_file(c.platform, c.queries, c.today);
  test_mark("menu.export_payments");
  if (ImGui::BeginMenu("Export journal", idle)) {
    if (ImGui::MenuItem("hledger"))
      c.status_message = export_journal_file(c.platform, c.queries, c.today, JournalDialect::Hledger);
    test_mark("menu.export_hledger");
    if (ImGui::MenuItem("ledger"))
      c.status_message = export_journal_file(c.platform, c.queries, c.today, JournalDialect::Ledger);
    test_mark("menu.export_ledger_journal");
    if (ImGui::MenuItem("beancount"))
      c.status_message = export_journal_file(c.platform, c.queries, c.today, JournalDialect::Beancount);
    test_mark("menu.export_beancount");
    ImGui::EndMenu();
  }
  test_mark("menu.export_journal");
  if (ImGui::MenuItem("Ledger file (.duebook): open, merge, export…", nullptr, false, idle))
    c.ledger_file.open = true;
  test_mark("menu.ledger_file");
  if (ImGui::MenuItem("Back up the database now", nullptr, false, idle)) c.platform.back_up();
  test_mark("menu.export_ledger");
}

void draw_view_menu(MenuContext& c) {
  const bool view = ImGui::BeginMenu("View");
  test_mark("menu.view");
  if (!view) return;
  if (ImGui::MenuItem(ICON_THEME " Dark theme", nullptr, c.settings.dark))
    choose_theme(c.platform, c.settings, c.settings.dark ? ThemeChoice::Light : ThemeChoice::Dark);
  test_mark("menu.dark_theme");
  ImGui::Separator();
  if (ImGui::MenuItem(ICON_POLICY " Collections policies")) c.open_tab = "Policies";
  test_mark("menu.policies");
  if (ImGui::MenuItem(ICON_TEMPLATE " Message templates")) c.open_tab = "Templates";
  test_mark("menu.templates");
  ImGui::EndMenu();
}

}  // namespace

void draw_menu_bar(MenuContext& c) {
  if (!ImGui::BeginMenuBar()) return;
  const bool file = ImGui::BeginMenu("File");
  test_mark("menu.file");
  if (file) {
    if (ImGui::MenuItem("Import CSV…", nullptr, false, !c.import.running)) c.import.open = true;
    test_mark("menu.import");
    draw_export_items(c);
    ImGui::Separator();
    if (ImGui::MenuItem(ICON_SETTINGS " Settings…")) c.settings.open = true;
    test_mark("menu.settings");
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu("Edit")) {
    std::string undo = c.queries.undo_label(), redo = c.queries.redo_label();
    if (ImGui::MenuItem(undo.empty() ? "Undo" : ("Undo " + undo).c_str(), "Ctrl+Z", false, !undo.empty()))
      c.commands.undo();
    if (ImGui::MenuItem(redo.empty() ? "Redo" : ("Redo " + redo).c_str(), "Ctrl+Y", false, !redo.empty()))
      c.commands.redo();
    ImGui::EndMenu();
  }
  draw_view_menu(c);
  draw_as_of(c.as_of, c.platform.local_today());
  ImGui::EndMenuBar();
}

}  // namespace duebook::ui

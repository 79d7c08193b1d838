// The workbench: owns the ledger, the windows' states and the command queue, and draws one frame at a time.
#pragma once

#include <memory>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>

#include "as_of_bar.h"
#include "collect_window.h"
#include "command_palette.h"
#include "commands.h"
#include "customer_page.h"
#include "customers_window.h"
#include "dashboard_window.h"
#include "help.h"
#include "history_window.h"
#include "import_window.h"
#include "invoice_window.h"
#include "invoices_window.h"
#include "ledger/ledger.h"
#include "ledger_file_window.h"
#include "navigation.h"
#include "payments_window.h"
#include "platform.h"
#include "policy_editor.h"
#include "queries_view.h"
#include "reply_window.h"
#include "reports_window.h"
#include "settings_window.h"
#include "style.h"
#include "template_editor.h"
#include "today_window.h"
#include "welcome_window.h"

namespace duebook::ui {

class App {
 public:
  // Opens the ledger at platform.database_path(). On failure the app shows the problem instead of the
  // workbench (a newer file, a file that is not a ledger); nothing is written to that file.
  explicit App(Platform& platform);
  ~App();

  // Draws the whole UI into the current ImGui frame, then runs the commands queued while drawing.
  // Returns true when anything changed that needs another frame.
  bool frame();

  // Facts for tests and the status bar, as JSON: {"ready", "customers", "invoices", "revision", "events",
  // "frames", "error", ...}.
  std::string state_json();
  bool ready() const { return ledger_ != nullptr; }
  // Whether the last frame showed the ledger's content: the Dashboard's figures (computed away from the first
  // frame), or the welcome screen of a new ledger.
  bool shows_data() const {
    return ledger_ && (!welcome_.dismissed || (dashboard_.cache.has_value() && !dashboard_.pending));
  }
  // Between frames: ends the reads the ledger's connection has left open, so that its file may be changed
  // from outside (a read-only browser tab loading the writing tab's saved edits).
  void end_reads() {
    if (ledger_) ledger_->db().end_reads();
  }
  // Opens the payment form for customer `customer_id` (its name and currency filled in; 0 = an empty form)
  // and brings the Payments tab to the front on the next frame.
  void open_payment_form(int64_t customer_id);
  // For tests after a crash: SQLite's integrity check, the event chain check (as `duebook verify` runs it)
  // and every customer's name, as JSON {"integrity", "chain_events", "chain_bad_seq", "chain_message",
  // "customers"}.
  std::string check_json();
  // The open ledger (null when none is), for the page's benchmark hook, which only reads through it.
  Ledger* ledger() { return ledger_.get(); }

 private:
  // Opens the ledger at platform.database_path() (the constructor, and again after leaving the demo).
  void open_ledger();
  // Closes the demo ledger and starts a new, empty one in its place (the platform sets the demo aside).
  void leave_demo();
  // The Welcome tab, first, while the ledger is new and no way in was chosen.
  void draw_welcome_tab();
  // The day every screen works on: the as-of date the user set for planning, else the user's local day.
  Date today() const;
  // Draws the tab bar; true when a tab was brought to the front (the next frame shows it).
  bool draw_tabs();
  void draw_status_bar(float height, const SaveState& save);
  // Carries out what the windows asked for in the last frame (open a page, an invoice, the payment form).
  void follow_navigation();
  // Carries out an action chosen in the command palette that the app owns (import, export, settings, undo).
  void run_palette_action(PaletteAction action);
  // The tabs of the customer page, the invoice window and the payment form.
  void draw_account_tabs();
  // The tabs of the collections policy editor and the message template editor.
  void draw_editor_tabs();
  Platform& platform_;
  std::unique_ptr<Ledger> ledger_;
  std::unique_ptr<Queries> queries_;
  std::string open_error_;
  std::string status_message_;
  Commands commands_;
  DashboardWindowState dashboard_;
  CommandPaletteState palette_;
  CustomersWindowState customers_;
  InvoicesWindowState invoices_;
  ReportsWindowState reports_;
  HistoryWindowState history_;
  TodayWindowState today_window_;
  CustomerPageState customer_page_;
  InvoiceWindowState invoice_window_;
  PaymentsWindowState payments_;
  CollectWindowState collect_;  // the Collect tab: options compared, charges, the endgame forms
  PolicyEditorState policy_editor_;
  TemplateEditorState template_editor_;
  Navigation nav_;
  CommandSink document_sink_;         // the record of a reminder or letter produced as PDF
  AsOfState as_of_;                   // the day every screen works on
  const char* select_tab_ = nullptr;  // a tab to bring to the front on the next frame
  ImportWindowState import_;
  LedgerFileWindowState ledger_file_;
  ReplyWindowState reply_;
  SettingsWindowState settings_;
  HelpTopic help_topic_ = HelpTopic::Dashboard;  // the screen in front, which the tab bar's "?" explains
  WelcomeState welcome_;
  bool demo_ = false;           // the ledger is the demo (checked once per change of the ledger)
  int64_t demo_revision_ = -1;  // the ledger revision demo_ was checked at
  bool leaving_demo_ = false;   // "Leave the demo" was confirmed: done after the frame
  int64_t frames_ = 0;
  bool dashboard_pending_ = false,
       reports_pending_ = false;  // the Dashboard asked for its figures: the next frame computes them
  // The status bar's customer count, counted again only when the ledger changes (a COUNT over every customer
  // each frame costs milliseconds at 100,000 customers).
  int64_t customer_count_ = 0, customer_count_revision_ = -1;
};

}  // namespace duebook::ui

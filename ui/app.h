// The workbench: owns the ledger, the windows' states and the command queue, and draws one frame at a time.
#pragma once

#include <memory>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>

#include "commands.h"
#include "customer_page.h"
#include "customers_window.h"
#include "history_window.h"
#include "import_window.h"
#include "invoice_window.h"
#include "invoices_window.h"
#include "ledger/ledger.h"
#include "navigation.h"
#include "payments_window.h"
#include "platform.h"
#include "queries_view.h"
#include "settings_window.h"
#include "today_window.h"

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

 private:
  // The day every screen works on: the as-of date the user set for planning, else the user's local day.
  Date today() const;
  void draw_menu();
  void draw_as_of();
  // Draws the tab bar; true when a tab was brought to the front (the next frame shows it).
  bool draw_tabs();
  nlohmann::json today_json();
  void export_invoices();  // the invoice list as a CSV file, named by today's date
  void draw_status_bar(float height, const SaveState& save);
  // Carries out what the windows asked for in the last frame (open a page, an invoice, the payment form).
  void follow_navigation();
  // The tabs of the customer page, the invoice window and the payment form.
  void draw_account_tabs();
  Platform& platform_;
  std::unique_ptr<Ledger> ledger_;
  std::unique_ptr<Queries> queries_;
  std::string open_error_;
  std::string status_message_;
  Commands commands_;
  CustomersWindowState customers_;
  InvoicesWindowState invoices_;
  HistoryWindowState history_;
  TodayWindowState today_window_;
  CustomerPageState customer_page_;
  InvoiceWindowState invoice_window_;
  PaymentsWindowState payments_;
  Navigation nav_;
  CommandSink document_sink_;         // the record of a reminder or letter produced as PDF
  std::optional<Date> as_of_;         // the as-of date set for planning; none = the local day
  std::string as_of_text_;            // the as-of field as typed
  std::string as_of_error_;           // why the typed date was refused
  const char* select_tab_ = nullptr;  // a tab to bring to the front on the next frame
  ImportWindowState import_;
  SettingsWindowState settings_;
  int64_t frames_ = 0;
};

// Loads the UI font at `pixel_size` from `ttf_path` with the glyphs Duebook shows (Latin, accented names,
// currency signs); falls back to ImGui's built-in font when the file cannot be read.
void load_fonts(const char* ttf_path, float pixel_size);
// Duebook's colours and spacing.
void apply_style(float scale);

}  // namespace duebook::ui

#include "app.h"

#include <imgui.h>
#include <misc/cpp/imgui_stdlib.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <nlohmann/json.hpp>
#include <string_view>
#include <utility>

#include "as_of_bar.h"
#include "backup_bar.h"
#include "collections/collections_outcome.h"
#include "exports.h"
#include "icons.h"
#include "ledger/demo_ledger.h"
#include "menu_bar.h"
#include "save_state_bar.h"
#include "settings_window.h"
#include "test_hook.h"
#include "widgets.h"

namespace duebook::ui {

App::App(Platform& platform) : platform_(platform) {
  open_ledger();
}

void App::open_ledger() {
  LedgerEnv env;
  env.now_ms = [this] { return platform_.now_ms(); };
  env.actor = platform_.name();
  env.seed = uint64_t(platform_.now_ms()) ^ reinterpret_cast<uintptr_t>(this);
  env.wal = platform_.write_ahead_log();
  env.page_size = platform_.new_ledger_page_size();
  Result<std::unique_ptr<Ledger>> ledger = Ledger::open(platform_.database_path(), env);
  if (!ledger) {
    open_error_ = describe(ledger.problems());
    return;
  }
  open_error_.clear();
  as_of_.text = to_iso(platform_.local_today());
  ledger_ = std::move(ledger.value());
  ledger_->set_on_commit([this] { platform_.persist(); });
  queries_ = std::make_unique<Queries>(*ledger_);
  // A new ledger opens on the welcome screen; it stays until a way in is chosen or it is closed, so the tabs
  // do not move while the user adds a first customer.
  welcome_ = WelcomeState{};
  welcome_.dismissed = queries_->event_count() > 0;
}

void App::leave_demo() {
  queries_.reset();
  ledger_.reset();
  // Every window forgets what it showed of the demo (caches are keyed by revisions a new ledger reuses).
  dashboard_ = DashboardWindowState{};
  palette_ = CommandPaletteState{};
  customers_ = CustomersWindowState{};
  invoices_ = InvoicesWindowState{};
  reports_ = ReportsWindowState{};
  history_ = HistoryWindowState{};
  today_window_ = TodayWindowState{};
  customer_page_ = CustomerPageState{};
  invoice_window_ = InvoiceWindowState{};
  payments_ = PaymentsWindowState{};
  collect_ = CollectWindowState{};
  policy_editor_ = PolicyEditorState{};
  template_editor_ = TemplateEditorState{};
  nav_ = Navigation{};
  customer_count_revision_ = -1;
  demo_ = false;
  demo_revision_ = -1;
  leaving_demo_ = !platform_.start_over();
  if (leaving_demo_) {
    open_error_ = "Leaving the demo: starting a new, empty ledger…";
    return;
  }
  open_ledger();
  status_message_ = "Left the demo: this is a new, empty ledger";
  select_tab_ = "Welcome";
}

void App::draw_welcome_tab() {
  if (welcome_.dismissed) return;
  bool open = true;
  const bool shown = ImGui::BeginTabItem(
      "Welcome", &open,
      select_tab_ && std::strcmp(select_tab_, "Welcome") == 0 ? ImGuiTabItemFlags_SetSelected : 0);
  test_mark("tab.welcome");
  if (!open) welcome_.dismissed = true;
  if (!shown) return;
  switch (draw_welcome(welcome_, commands_)) {
    case WelcomeChoice::OwnLedger:
      select_tab_ = "Customers";
      break;
    case WelcomeChoice::ImportFile:
      import_.open = true;
      break;
    case WelcomeChoice::Demo:
      commands_.fill_demo(today());
      break;
    case WelcomeChoice::None:
      break;
  }
  ImGui::EndTabItem();
}

App::~App() = default;

Date App::today() const {
  // The user's own calendar day (not UTC's: late in the evening west of Greenwich UTC is already tomorrow).
  return as_of_.day(platform_.local_today());
}

void App::open_payment_form(int64_t customer_id) {
  if (!queries_) return;
  prefill_payment_form(*queries_, payments_, customer_id);
  select_tab_ = "payments";
  if (std::optional<Customer> customer = customer_id ? queries_->customer(customer_id) : std::nullopt)
    status_message_ = "Record the payment from " + customer->fields.name + " in the payment form";
}

void App::follow_navigation() {
  if (invoices_.open_invoice) nav_.open_invoice = std::exchange(invoices_.open_invoice, 0);
  if (nav_.open_customer) {
    customer_page_.customer_id = std::exchange(nav_.open_customer, 0);
    customer_page_.cache_revision = -1;
    select_tab_ = "customer";
  }
  if (nav_.open_invoice) {
    invoice_window_ = InvoiceWindowState{};
    invoice_window_.invoice_id = std::exchange(nav_.open_invoice, 0);
    select_tab_ = "invoice";
  }
  if (nav_.pay_customer) open_payment_form(*std::exchange(nav_.pay_customer, std::nullopt));
  if (nav_.invoice_list) {
    filter_invoices(invoices_, nav_.invoice_list->overdue, nav_.invoice_list->currency);
    nav_.invoice_list.reset();
    select_tab_ = "Invoices";
  }
  if (nav_.open_tab) select_tab_ = std::exchange(nav_.open_tab, nullptr);
  if (nav_.collect) {  // the palette names no customer: the one of the open page, if the tab has none
    CollectRequest request = *std::exchange(nav_.collect, std::nullopt);
    if (!request.customer_id && !collect_.customer_id) request.customer_id = customer_page_.customer_id;
    open_collect(collect_, request);
    select_tab_ = "collect";
  }
  if (nav_.open_report) {
    reports_.report = static_cast<ReportKind>(*std::exchange(nav_.open_report, std::nullopt));
    select_tab_ = "Reports";
  }
  if (nav_.edit_policy_for) {
    open_policy_for_customer(*queries_, policy_editor_, std::exchange(nav_.edit_policy_for, 0));
    select_tab_ = "Policies";
  }
  if (nav_.statement_file_for)
    status_message_ =
        send_statement_file(platform_, *queries_, std::exchange(nav_.statement_file_for, 0), today());
  if (nav_.document)
    status_message_ = produce_document(*queries_, platform_, commands_, &document_sink_,
                                       *std::exchange(nav_.document, std::nullopt));
}

void App::run_palette_action(PaletteAction action) {
  switch (action) {
    case PaletteAction::None:
      break;
    case PaletteAction::Import:
      import_.open = true;
      break;
    case PaletteAction::ExportInvoices:
      status_message_ = export_invoices_file(platform_, *queries_, today(), InvoiceColumns::QuickBooks);
      break;
    case PaletteAction::ExportLedger:
      platform_.back_up();
      break;
    case PaletteAction::Settings:
      settings_.open = true;
      break;
    case PaletteAction::Undo:
      commands_.undo();
      break;
    case PaletteAction::Redo:
      commands_.redo();
      break;
    case PaletteAction::BackToToday:
      as_of_.reset(platform_.local_today());
      break;
    case PaletteAction::ToggleTheme:
      toggle_theme(platform_, settings_);
      break;
  }
}

void App::draw_account_tabs() {
  auto flags = [&](const char* tab) {
    return select_tab_ && std::string_view(select_tab_) == tab ? ImGuiTabItemFlags_SetSelected : 0;
  };
  const bool payments = ImGui::BeginTabItem(ICON_PAYMENTS " Payments###Payments", nullptr, flags("payments"));
  test_mark("tab.payments");
  if (payments) {
    help_topic_ = HelpTopic::Payments;
    draw_payments_window(*queries_, payments_, commands_, nav_, today());
    ImGui::EndTabItem();
  }
  if (customer_page_.customer_id) {
    bool open = true;
    const std::string label = ICON_PERSON " " +
                              (customer_page_.customer ? customer_page_.customer->fields.name : "") +
                              "###customer-page";
    const bool shown = ImGui::BeginTabItem(label.c_str(), &open, flags("customer"));
    test_mark("tab.customer_page");
    if (shown) {
      help_topic_ = HelpTopic::CustomerPage;
      draw_customer_page(*queries_, customer_page_, commands_, nav_, today());
      ImGui::EndTabItem();
    }
    if (!open) customer_page_ = CustomerPageState{};
  }
  if (invoice_window_.invoice_id) {
    bool open = true;
    const std::string number = invoice_window_.detail ? invoice_window_.detail->summary.number : "";
    const std::string label = ICON_DOCUMENT " Invoice " + number + "###invoice-window";
    const bool shown = ImGui::BeginTabItem(label.c_str(), &open, flags("invoice"));
    test_mark("tab.invoice_window");
    if (shown) {
      help_topic_ = HelpTopic::Invoices;
      draw_invoice_window(*queries_, invoice_window_, commands_, nav_, today());
      ImGui::EndTabItem();
    }
    if (!invoice_window_.e_invoice_request.empty())
      invoice_window_.e_invoice_result = save_e_invoice_file(
          platform_, *queries_, std::exchange(invoice_window_.e_invoice_request, std::string()));
    if (!open) invoice_window_ = InvoiceWindowState{};
  }
  if (draw_collect_tab(*queries_, collect_, commands_, nav_, platform_, today(), flags("collect") != 0))
    help_topic_ = HelpTopic::Collect;
}

void App::draw_editor_tabs() {
  auto flags = [&](const char* tab) {
    return select_tab_ && std::string_view(select_tab_) == tab ? ImGuiTabItemFlags_SetSelected : 0;
  };
  const bool policies = ImGui::BeginTabItem(ICON_POLICY " Policies###Policies", nullptr, flags("Policies"));
  test_mark("tab.policies");
  if (policies) {
    help_topic_ = HelpTopic::Policies;
    draw_policy_editor(*queries_, policy_editor_, commands_, today());
    ImGui::EndTabItem();
  }
  const bool templates =
      ImGui::BeginTabItem(ICON_TEMPLATE " Templates###Templates", nullptr, flags("Templates"));
  test_mark("tab.templates");
  if (templates) {
    help_topic_ = HelpTopic::Templates;
    draw_template_editor(*queries_, template_editor_, commands_, today());
    ImGui::EndTabItem();
  }
}

void App::draw_status_bar(float height, const SaveState& save) {
  ImGui::SetCursorPosY(ImGui::GetWindowHeight() - height);
  ImGui::Separator();
  draw_save_state(save);
  if (save.kind != SaveState::Kind::Unreported) ImGui::SameLine();
  if (draw_backup(platform_, platform_.backup_state(), platform_.now_ms())) {
    ImGui::SameLine();
    ImGui::TextDisabled("|");
    ImGui::SameLine();
  }
  if (customer_count_revision_ != queries_->revision()) {
    customer_count_ = queries_->customer_count("");
    customer_count_revision_ = queries_->revision();
  }
  const long long customers = (long long)customer_count_;
  ImGui::TextDisabled("%s  |  %s  |  %lld %s%s%s", platform_.name(), ledger_->db().path().c_str(), customers,
                      customers == 1 ? "customer" : "customers", status_message_.empty() ? "" : "  |  ",
                      status_message_.c_str());
}

bool App::frame() {
  test_begin_frame();
  ++frames_;
  load_theme(platform_, settings_);
  load_locale(platform_, settings_);
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(vp->WorkPos);
  ImGui::SetNextWindowSize(vp->WorkSize);
  ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                           ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_MenuBar |
                           ImGuiWindowFlags_NoSavedSettings;
  ImGui::Begin("Duebook", nullptr, flags);
  if (!ledger_) {
    if (!leaving_demo_) ImGui::TextWrapped("Duebook could not open its ledger:");
    ImGui::TextWrapped("%s", open_error_.c_str());
    ImGui::End();
    return false;
  }
  if (platform_.take_outside_change()) ledger_->changed_outside();
  MenuContext menu{platform_, *queries_, commands_,       import_, ledger_file_,
                   settings_, as_of_,    status_message_, today()};
  draw_menu_bar(menu);
  if (menu.open_tab) select_tab_ = menu.open_tab;
  const SaveState save = platform_.save_state();
  draw_save_notice(platform_, save);
  ImGuiIO& io = ImGui::GetIO();
  if (io.KeyCtrl && !io.WantTextInput) {
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Z), false))
      io.KeyShift ? commands_.redo() : commands_.undo();
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Y), false)) commands_.redo();
  }
  std::vector<IncomingFile> files = platform_.take_files();
  accept_logo_file(files, settings_.company, commands_);  // asked for by Settings › Company
  // A statement or reply file chosen in the ledger file window leaves it for the reply window.
  if (accept_share_files(files, *queries_, reply_)) ledger_file_.open = false;
  accept_ledger_files(files, ledger_file_, commands_);
  accept_files(std::move(files), *queries_, import_, commands_);
  float status_height = ImGui::GetFrameHeightWithSpacing();
  follow_navigation();
  if (demo_revision_ != ledger_->revision()) {
    demo_revision_ = ledger_->revision();
    demo_ = is_demo_ledger(ledger_->db());
  }
  if (demo_ && draw_demo_banner(welcome_) && save.kind != SaveState::Kind::ReadOnly) leaving_demo_ = true;
  ImGui::BeginChild("workbench", ImVec2(0, -status_height));
  // While an import holds the ledger its rows are half written: the windows wait for the commit.
  bool switching_tab = false;
  if (import_.running)
    ImGui::TextDisabled("Importing %s… the windows come back when the import ends.", import_.file.c_str());
  else
    switching_tab = draw_tabs();
  ImGui::EndChild();
  draw_status_bar(status_height, save);
  ImGui::End();
  if (!import_.running) draw_command_palette(*queries_, palette_, nav_);
  run_palette_action(std::exchange(palette_.action, PaletteAction::None));
  draw_import_window(platform_, import_, commands_);
  draw_ledger_file_window(platform_, *queries_, ledger_file_, commands_);
  draw_reply_window(platform_, reply_, commands_, today());
  draw_settings_window(platform_, settings_, *queries_, commands_);
  if (today_window_.payment_for != 0) open_payment_form(std::exchange(today_window_.payment_for, 0));
  // A window asked for another to open: the next frame carries it out, so it must be drawn.
  const bool navigating = switching_tab || select_tab_ != nullptr || nav_.open_customer ||
                          nav_.open_invoice || nav_.pay_customer || nav_.document || invoices_.open_invoice ||
                          payments_.stale || nav_.invoice_list || nav_.open_tab || nav_.open_report ||
                          dashboard_pending_ || reports_pending_ || palette_.focus || nav_.collect ||
                          nav_.edit_policy_for || nav_.statement_file_for;
  if (save.kind == SaveState::Kind::ReadOnly)  // another window writes the ledger: this one must not
    return commands_.refuse(save.detail, &status_message_) || navigating;
  const bool ran = commands_.run(*ledger_, &status_message_);
  if (ledger_file_.sink.outcome && ledger_file_.sink.outcome->written) welcome_.dismissed = true;
  if (std::string saved = export_requested_ledger_file(platform_, *ledger_, ledger_file_, today());
      !saved.empty())
    status_message_ = saved;
  if (leaving_demo_) {
    leave_demo();
    return true;
  }
  return ran || navigating;
}

bool App::draw_tabs() {
  if (!ImGui::BeginTabBar("windows")) return false;
  // A tab asked for by an action (Today's "Paid") comes to the front once.
  auto flags = [this](const char* name) {
    return select_tab_ && std::strcmp(select_tab_, name) == 0 ? ImGuiTabItemFlags_SetSelected : 0;
  };
  draw_welcome_tab();
  dashboard_pending_ = reports_pending_ = false;  // set again by the tab in front
  const bool dashboard =
      ImGui::BeginTabItem(ICON_DASHBOARD " Dashboard###Dashboard", nullptr, flags("Dashboard"));
  test_mark("tab.dashboard");
  if (dashboard) {
    help_topic_ = HelpTopic::Dashboard;
    dashboard_pending_ = draw_dashboard_window(*queries_, dashboard_, nav_, this->today());
    ImGui::EndTabItem();
  }
  const bool today_open = ImGui::BeginTabItem(ICON_TODAY " Today###Today", nullptr, flags("Today"));
  test_mark("tab.today");
  if (today_open) {
    help_topic_ = HelpTopic::Today;
    draw_today_window(*queries_, today_window_, commands_, platform_, this->today());
    ImGui::EndTabItem();
  }
  {
    const bool customers =
        ImGui::BeginTabItem(ICON_CUSTOMERS " Customers###Customers", nullptr, flags("Customers"));
    test_mark("tab.customers");
    if (customers) {
      help_topic_ = HelpTopic::Customers;
      draw_customers_window(*queries_, customers_, commands_, nav_, today());
      ImGui::EndTabItem();
    }
    const bool invoices =
        ImGui::BeginTabItem(ICON_INVOICES " Invoices###Invoices", nullptr, flags("Invoices"));
    test_mark("tab.invoices");
    if (invoices) {
      help_topic_ = HelpTopic::Invoices;
      draw_invoices_window(*queries_, invoices_, commands_, this->today());
      ImGui::EndTabItem();
    }
    const bool reports = ImGui::BeginTabItem(ICON_REPORTS " Reports###Reports", nullptr, flags("Reports"));
    test_mark("tab.reports");
    if (reports) {
      help_topic_ = report_help(reports_.report);
      reports_pending_ = draw_reports_window(*queries_, reports_, nav_, platform_, this->today());
      ImGui::EndTabItem();
    }
    draw_account_tabs();
    const bool history = ImGui::BeginTabItem(ICON_HISTORY " History###History", nullptr, flags("History"));
    test_mark("tab.history");
    if (history) {
      help_topic_ = HelpTopic::History;
      draw_history_window(*queries_, history_, commands_);
      ImGui::EndTabItem();
    }
  }
  draw_editor_tabs();
  help_tab_button(help_topic_);
  ImGui::EndTabBar();
  const bool switching = select_tab_ != nullptr;  // the tab bar shows the new tab on the next frame
  select_tab_ = nullptr;
  return switching;
}

std::string App::state_json() {
  nlohmann::json j = {{"ready", ready()}, {"frames", frames_}, {"error", open_error_}};
  // Which of the characters the UI must show have a real glyph in the loaded font (not the fallback box).
  nlohmann::json glyphs = nlohmann::json::object();
  if (ImFont* font = ImGui::GetIO().Fonts->Fonts.empty() ? nullptr : ImGui::GetIO().Fonts->Fonts[0])
    for (auto [name, cp] : {std::pair{"euro", 0x20AC},
                            {"pound", 0x00A3},
                            {"yen", 0x00A5},
                            {"e_acute", 0x00E9},
                            {"o_umlaut", 0x00F6},
                            {"z_caron", 0x017E},
                            {"l_stroke", 0x0142}})
      glyphs[name] = font->FindGlyphNoFallback(ImWchar(cp)) != nullptr;
  j["glyphs"] = glyphs;
  if (ledger_) {
    j["customers"] = queries_->customer_count("");
    j["invoices"] = queries_->invoice_count({});
    j["revision"] = ledger_->revision();
    j["events"] = queries_->event_count();
    j["status"] = status_message_;
    j["demo"] = demo_;
    j["welcome"] = !welcome_.dismissed;
    j["save_state"] = save_state_name(platform_.save_state().kind);
    j["as_of"] = to_iso(today());
    j["local_today"] = to_iso(platform_.local_today());
    j["today"] = nlohmann::json::parse(today_facts(*queries_, today_window_, today()));
    j["undo"] = queries_->undo_label();
    const CompanyDefaults defaults = queries_->defaults();
    j["defaults"] = {{"country", defaults.country},
                     {"currency", defaults.currency},
                     {"terms", defaults.terms},
                     {"invoice_series", defaults.invoice_series},
                     {"credit_note_series", defaults.credit_note_series},
                     {"interest_policy", defaults.interest_policy},
                     {"policy", queries_->policy(defaults.policy_id)}};
    j["customer_page"] = nlohmann::json::parse(customer_page_facts(customer_page_));
    j["dashboard"] = nlohmann::json::parse(dashboard_facts(dashboard_));
    j["reports"] = nlohmann::json::parse(reports_facts(reports_));
    j["invoice_window"] = invoice_window_.invoice_id;
    j["history"] = nlohmann::json::parse(history_facts(history_));
    j["invoice_list"] = nlohmann::json::parse(invoice_list_facts(invoices_));
    j["customer_list"] = nlohmann::json::parse(customer_list_facts(customers_));
    j["palette"] = nlohmann::json::parse(command_palette_facts(palette_));
    j["theme"] = settings_.dark ? "dark" : "light";
    j["settings"] = nlohmann::json::parse(settings_facts(settings_));
    j["locale"] = display_locale().id;
    j["policy_editor"] = nlohmann::json::parse(policy_editor_facts(policy_editor_));
    j["template_editor"] = nlohmann::json::parse(template_editor_facts(template_editor_));
    j["collect"] = nlohmann::json::parse(collect_facts(collect_));
    j["ledger_file"] = nlohmann::json::parse(ledger_file_facts(ledger_file_));
    j["reply"] = nlohmann::json::parse(reply_facts(reply_));
    j.update(nlohmann::json::parse(payments_facts(payments_)));
    j["import"] = nlohmann::json::parse(import_facts(import_));
  }
  return j.dump();
}

std::string App::check_json() {
  if (!ledger_) return nlohmann::json{{"error", open_error_}}.dump();
  std::string integrity = integrity_check(ledger_->db());
  ChainCheck chain = ledger_->verify();
  nlohmann::json names = nlohmann::json::array();
  for (const Customer& c : queries_->customers({"", 0, 1000000})) names.push_back(c.fields.name);
  return nlohmann::json{{"integrity", integrity},
                        {"chain_events", chain.events},
                        {"chain_bad_seq", chain.first_bad_seq},
                        {"chain_message", chain.message},
                        {"customers", names}}
      .dump();
}

}  // namespace duebook::ui

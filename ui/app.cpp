#include "app.h"

#include <imgui.h>

#include <cstdio>
#include <nlohmann/json.hpp>

#include "backup_bar.h"
#include "save_state_bar.h"
#include "settings_window.h"
#include "test_hook.h"

namespace duebook::ui {

App::App(Platform& platform) : platform_(platform) {
  LedgerEnv env;
  env.now_ms = [&platform] { return platform.now_ms(); };
  env.actor = platform.name();
  env.seed = uint64_t(platform.now_ms()) ^ reinterpret_cast<uintptr_t>(this);
  env.wal = platform.write_ahead_log();
  Result<std::unique_ptr<Ledger>> ledger = Ledger::open(platform.database_path(), env);
  if (!ledger) {
    open_error_ = describe(ledger.problems());
    return;
  }
  ledger_ = std::move(ledger.value());
  ledger_->set_on_commit([&platform] { platform.persist(); });
  queries_ = std::make_unique<Queries>(*ledger_);
}

App::~App() = default;

void App::export_invoices() {
  std::string name = "duebook-invoices-" + to_iso(today()) + ".csv";
  Result<std::string> saved = platform_.save_file(name, queries_->invoices_csv(), "text/csv");
  status_message_ = saved ? "Exported the invoices to " + saved.value() : describe(saved.problems());
}

Date App::today() const {
  // The platform's clock in UTC: the ledger's dates are calendar days without a time zone.
  return civil_from_days(platform_.now_ms() / 86400000);
}

void App::draw_menu() {
  if (!ImGui::BeginMenuBar()) return;
  const bool file = ImGui::BeginMenu("File");
  test_mark("menu.file");
  if (file) {
    if (ImGui::MenuItem("Import CSV…", nullptr, false, !import_.running)) import_.open = true;
    test_mark("menu.import");
    if (ImGui::MenuItem("Export invoices (CSV)", nullptr, false, !import_.running)) export_invoices();
    test_mark("menu.export_invoices");
    if (ImGui::MenuItem("Export the whole ledger", nullptr, false, !import_.running)) platform_.back_up();
    test_mark("menu.export_ledger");
    ImGui::Separator();
    if (ImGui::MenuItem("Settings…")) settings_.open = true;
    test_mark("menu.settings");
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu("Edit")) {
    std::string undo = queries_->undo_label(), redo = queries_->redo_label();
    if (ImGui::MenuItem(undo.empty() ? "Undo" : ("Undo " + undo).c_str(), "Ctrl+Z", false, !undo.empty()))
      commands_.undo();
    if (ImGui::MenuItem(redo.empty() ? "Redo" : ("Redo " + redo).c_str(), "Ctrl+Y", false, !redo.empty()))
      commands_.redo();
    ImGui::EndMenu();
  }
  ImGui::EndMenuBar();
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
  ImGui::TextDisabled("%s  |  %s  |  %lld customers%s%s", platform_.name(), ledger_->db().path().c_str(),
                      (long long)queries_->customer_count(""), status_message_.empty() ? "" : "  |  ",
                      status_message_.c_str());
}

bool App::frame() {
  test_begin_frame();
  ++frames_;
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(vp->WorkPos);
  ImGui::SetNextWindowSize(vp->WorkSize);
  ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                           ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_MenuBar |
                           ImGuiWindowFlags_NoSavedSettings;
  ImGui::Begin("Duebook", nullptr, flags);
  if (!ledger_) {
    ImGui::TextWrapped("Duebook could not open its ledger:");
    ImGui::TextWrapped("%s", open_error_.c_str());
    ImGui::End();
    return false;
  }
  draw_menu();
  const SaveState save = platform_.save_state();
  draw_save_notice(platform_, save);
  ImGuiIO& io = ImGui::GetIO();
  if (io.KeyCtrl && !io.WantTextInput) {
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Z), false))
      io.KeyShift ? commands_.redo() : commands_.undo();
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Y), false)) commands_.redo();
  }
  accept_files(platform_.take_files(), *queries_, import_, commands_);
  float status_height = ImGui::GetFrameHeightWithSpacing();
  ImGui::BeginChild("workbench", ImVec2(0, -status_height));
  // While an import holds the ledger its rows are half written: the windows wait for the commit.
  if (import_.running) {
    ImGui::TextDisabled("Importing %s… the windows come back when the import ends.", import_.file.c_str());
  } else if (ImGui::BeginTabBar("windows")) {
    const bool customers = ImGui::BeginTabItem("Customers");
    test_mark("tab.customers");
    if (customers) {
      draw_customers_window(*queries_, customers_, commands_);
      ImGui::EndTabItem();
    }
    const bool invoices = ImGui::BeginTabItem("Invoices");
    test_mark("tab.invoices");
    if (invoices) {
      draw_invoices_window(*queries_, invoices_, commands_, today());
      ImGui::EndTabItem();
    }
    const bool history = ImGui::BeginTabItem("History");
    test_mark("tab.history");
    if (history) {
      draw_history_window(*queries_, history_, commands_);
      ImGui::EndTabItem();
    }
    ImGui::EndTabBar();
  }
  ImGui::EndChild();
  draw_status_bar(status_height, save);
  ImGui::End();
  draw_import_window(platform_, import_, commands_);
  draw_settings_window(platform_, settings_);
  if (save.kind == SaveState::Kind::ReadOnly)  // another window writes the ledger: this one must not
    return commands_.refuse(save.detail, &status_message_);
  return commands_.run(*ledger_, &status_message_);
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
    j["save_state"] = save_state_name(platform_.save_state().kind);
    nlohmann::json problems = nlohmann::json::array();
    for (const Problem& p : import_.sink.problems)
      problems.push_back({{"where", p.where}, {"message", p.message}});
    j["import"] = {
        {"running", import_.running},  {"progress", import_.progress},
        {"file", import_.file},        {"done", import_.sink.outcome ? import_.sink.outcome->label : ""},
        {"error", import_.read_error}, {"problems", problems}};
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

void load_fonts(const char* ttf_path, float pixel_size) {
  ImGuiIO& io = ImGui::GetIO();
  // Basic Latin + Latin-1 (£ ¥ and accented names), Latin Extended-A/B (Polish, Czech, Turkish…),
  // General Punctuation (dashes, quotes, …), Currency Symbols (€ ₹ ₺ …), minus sign.
  static const ImWchar ranges[] = {0x0020, 0x024F, 0x2000, 0x206F, 0x20A0, 0x20CF, 0x2212, 0x2212, 0};
  ImFontConfig config;
  config.OversampleH = 2;
  config.OversampleV = 1;
  config.PixelSnapH = true;
  if (ttf_path && io.Fonts->AddFontFromFileTTF(ttf_path, pixel_size, &config, ranges)) return;
  std::fprintf(stderr, "duebook: cannot load font %s; using the built-in one\n",
               ttf_path ? ttf_path : "(none)");
  ImFontConfig fallback;
  fallback.SizePixels = pixel_size;
  io.Fonts->AddFontDefault(&fallback);
}

void apply_style(float scale) {
  ImGui::StyleColorsLight();
  ImGuiStyle& style = ImGui::GetStyle();
  style.WindowRounding = 0.0f;
  style.ChildRounding = 4.0f;
  style.FrameRounding = 4.0f;
  style.GrabRounding = 4.0f;
  style.TabRounding = 4.0f;
  style.FramePadding = ImVec2(8, 5);
  style.ItemSpacing = ImVec2(8, 6);
  style.WindowPadding = ImVec2(12, 10);
  style.CellPadding = ImVec2(6, 4);
  ImVec4* c = style.Colors;
  c[ImGuiCol_WindowBg] = ImVec4(0.97f, 0.97f, 0.96f, 1.0f);
  c[ImGuiCol_ChildBg] = ImVec4(1.0f, 1.0f, 1.0f, 0.0f);
  c[ImGuiCol_Button] = ImVec4(0.80f, 0.87f, 0.94f, 1.0f);
  c[ImGuiCol_ButtonHovered] = ImVec4(0.68f, 0.79f, 0.90f, 1.0f);
  c[ImGuiCol_ButtonActive] = ImVec4(0.58f, 0.71f, 0.86f, 1.0f);
  c[ImGuiCol_Header] = ImVec4(0.16f, 0.42f, 0.60f, 0.25f);
  c[ImGuiCol_HeaderHovered] = ImVec4(0.16f, 0.42f, 0.60f, 0.35f);
  c[ImGuiCol_Tab] = ImVec4(0.86f, 0.89f, 0.92f, 1.0f);
  c[ImGuiCol_TabActive] = ImVec4(0.80f, 0.87f, 0.94f, 1.0f);
  c[ImGuiCol_TabHovered] = ImVec4(0.68f, 0.79f, 0.90f, 1.0f);
  style.ScaleAllSizes(scale);
}

}  // namespace duebook::ui

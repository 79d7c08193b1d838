#include "import_window.h"

#include <imgui.h>
#include <misc/cpp/imgui_stdlib.h>

#include <cctype>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "style.h"
#include "test_hook.h"

namespace duebook::ui {
namespace {

const ImVec4 kNoteColour(0.72f, 0.38f, 0.02f, 1.0f);  // a warning about what was done

bool all_digits(const std::string& s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  return true;
}

void start(const IncomingFile& f, const Queries& queries, ImportWindowState& state, Commands& commands) {
  state.open = true;
  state.file = f.name;
  state.read_error.clear();
  state.sink.problems.clear();
  state.sink.outcome.reset();
  if (!f.error.empty()) {
    state.read_error = f.name + ": " + f.error;
    return;
  }
  Result<CsvImportKind> kind = queries.import_kind(f.name, f.bytes);
  if (!kind) {
    state.read_error = describe(kind.problems());
    return;
  }
  state.kind = kind.value() == CsvImportKind::Invoices ? "invoices" : "payments";
  state.started = state.sink.completed;
  state.running = true;
  state.progress = 0;
  if (kind.value() == CsvImportKind::Invoices)
    commands.start_import(ImportInvoices{f.name, f.bytes, "", "USD"}, &state.sink);
  else
    commands.start_import(ImportPayments{f.name, f.bytes, ""}, &state.sink);
}

void draw_problems(const Problems& problems) {
  ImGui::TextColored(palette().problem, "Nothing was imported: %zu problem%s.", problems.size(),
                     problems.size() == 1 ? "" : "s");
  test_mark("import.refused");
  ImGui::TextWrapped("Correct the file and import it again; all rows or none are imported.");
  const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY |
                                ImGuiTableFlags_SizingStretchProp;
  if (!ImGui::BeginTable("import.problems", 4, flags, ImVec2(0, ImGui::GetContentRegionAvail().y))) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn("File", ImGuiTableColumnFlags_WidthStretch, 2.0f);
  ImGui::TableSetupColumn("Row", ImGuiTableColumnFlags_WidthStretch, 0.6f);
  ImGui::TableSetupColumn("Field", ImGuiTableColumnFlags_WidthStretch, 1.4f);
  ImGui::TableSetupColumn("Problem", ImGuiTableColumnFlags_WidthStretch, 5.0f);
  ImGui::TableHeadersRow();
  ImGuiListClipper clipper;
  clipper.Begin(int(problems.size()));
  while (clipper.Step())
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
      ProblemPlace at = place_of(problems[size_t(i)].where);
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(at.file.c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(at.row.c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(at.field.c_str());
      ImGui::TableNextColumn();
      ImGui::TextWrapped("%s", problems[size_t(i)].message.c_str());
    }
  ImGui::EndTable();
  test_mark("import.problems");
}

void draw_choose(Platform& platform, ImportWindowState& state) {
  if (platform.has_file_dialog()) {
    if (ImGui::Button("Choose a CSV file…")) platform.choose_file(".csv,text/csv");
    test_mark("import.choose");
    ImGui::SameLine();
    ImGui::TextDisabled("or drop one anywhere on the page");
  } else {
    ImGui::SetNextItemWidth(-110);
    ImGui::InputTextWithHint("##path", "path of a CSV file, or drop one on the window", &state.path);
    test_mark("import.path");
    ImGui::SameLine();
    if (ImGui::Button("Import", ImVec2(-1, 0)) && !state.path.empty()) platform.open_path(state.path);
    test_mark("import.open_path");
  }
  ImGui::TextDisabled(
      "Invoices: QuickBooks Online's invoice export (InvoiceNo, Customer, InvoiceDate, ItemAmount…),");
  ImGui::TextDisabled("or Xero's (ContactName, InvoiceNumber, InvoiceDate, UnitAmount, TaxType…).");
  ImGui::TextDisabled("Payments: Date, Customer, Amount, Currency, Reference, Method.");
}

}  // namespace

ProblemPlace place_of(const std::string& where) {
  ProblemPlace at;
  // file:row:field, file:row or file; the file name may itself hold a colon, so read from the right.
  size_t last = where.rfind(':');
  if (last == std::string::npos) return ProblemPlace{where, "", ""};
  std::string tail = where.substr(last + 1);
  std::string head = where.substr(0, last);
  if (all_digits(tail)) return ProblemPlace{head, tail, ""};
  size_t middle = head.rfind(':');
  if (middle != std::string::npos && all_digits(head.substr(middle + 1)))
    return ProblemPlace{head.substr(0, middle), head.substr(middle + 1), tail};
  return ProblemPlace{where, "", ""};
}

void accept_files(std::vector<IncomingFile> files, const Queries& queries, ImportWindowState& state,
                  Commands& commands) {
  for (const IncomingFile& f : files) {
    if (state.running) {
      state.open = true;
      state.read_error = f.name + " was not imported: another import is under way; drop it again afterwards";
      continue;
    }
    start(f, queries, state, commands);
  }
}

void draw_import_window(Platform& platform, ImportWindowState& state, Commands& commands) {
  std::optional<double> progress = commands.import_progress();
  if (state.running && !progress && state.sink.completed != state.started) state.running = false;
  if (progress) state.progress = *progress;
  if (!state.open) return;
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(
      ImVec2(vp->WorkPos.x + vp->WorkSize.x * 0.5f, vp->WorkPos.y + vp->WorkSize.y * 0.45f),
      ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSize(ImVec2(760, 420), ImGuiCond_Appearing);
  bool* close = state.running ? nullptr : &state.open;
  if (!ImGui::Begin("Import CSV", close, ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings)) {
    ImGui::End();
    return;
  }
  test_mark("import.window");
  if (state.running) {
    ImGui::Text("Importing %s from %s", state.kind.c_str(), state.file.c_str());
    char label[32];
    std::snprintf(label, sizeof label, "%d%%", int(state.progress * 100));
    ImGui::ProgressBar(float(state.progress), ImVec2(-1, 0), label);
    test_mark("import.progress");
    ImGui::TextDisabled(
        "The ledger takes no other change until the import ends; nothing is kept if it is "
        "cancelled or refused.");
    if (ImGui::Button("Cancel")) commands.cancel_import();
    test_mark("import.cancel");
    ImGui::End();
    return;
  }
  draw_choose(platform, state);
  ImGui::Separator();
  if (!state.read_error.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, palette().problem);
    ImGui::TextWrapped("%s", state.read_error.c_str());
    ImGui::PopStyleColor();
    test_mark("import.read_error");
  } else if (state.sink.outcome) {
    ImGui::Text("%s: done.", state.sink.outcome->label.c_str());
    test_mark("import.done");
    for (const std::string& note : state.sink.outcome->notes) {  // e.g. new customers that look like others
      ImGui::PushStyleColor(ImGuiCol_Text, kNoteColour);
      ImGui::TextWrapped("Note: %s", note.c_str());
      ImGui::PopStyleColor();
    }
    if (ImGui::Button("Close")) state.open = false;
    test_mark("import.close");
  } else if (!state.sink.problems.empty()) {
    draw_problems(state.sink.problems);
  }
  ImGui::End();
}

std::string import_facts(const ImportWindowState& s) {
  nlohmann::json problems = nlohmann::json::array();
  for (const Problem& p : s.sink.problems) problems.push_back({{"where", p.where}, {"message", p.message}});
  nlohmann::json j = {{"running", s.running},  {"progress", s.progress},
                      {"file", s.file},        {"done", s.sink.outcome ? s.sink.outcome->label : ""},
                      {"error", s.read_error}, {"problems", problems}};
  return j.dump();
}

}  // namespace duebook::ui

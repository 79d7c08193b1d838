#include "ledger_file_window.h"

#include <imgui.h>
#include <misc/cpp/imgui_stdlib.h>

#include <nlohmann/json.hpp>

#include "customers/customer_queries.h"
#include "store/events.h"
#include "test_hook.h"
#include "widgets.h"

namespace duebook::ui {
namespace {

const ImVec4 kErrorColour(0.70f, 0.10f, 0.10f, 1.0f);
const char* const kChoiceNames[] = {"Decide…", "Keep mine", "Keep theirs", "Keep both (renumber theirs)"};

bool ends_with(const std::string& text, const std::string& tail) {
  return text.size() >= tail.size() && text.compare(text.size() - tail.size(), tail.size(), tail) == 0;
}

ConflictChoice choice_of(int index) {
  return index == 1 ? ConflictChoice::Mine : index == 2 ? ConflictChoice::Theirs : ConflictChoice::Both;
}

void read(const IncomingFile& f, LedgerFileWindowState& s, Commands& commands) {
  s.open = true;
  s.name = f.name;
  s.file.reset();
  s.read_error.clear();
  s.sink.problems.clear();
  s.sink.outcome.reset();
  s.choices.clear();
  if (!f.error.empty()) {
    s.read_error = f.name + ": " + f.error;
    return;
  }
  Result<LedgerFile> file = read_ledger_file(f.name, f.bytes);
  if (!file) {
    s.read_error = describe(file.problems());
    return;
  }
  s.file = std::make_shared<const LedgerFile>(std::move(file).value());
  s.busy = true;
  commands.open_ledger_file({s.file, {}, true, &s.sink});
}

// What the file holds, from its manifest.
void draw_manifest(const LedgerFileWindowState& s) {
  const LedgerFileManifest& m = s.file->manifest;
  ImGui::Text("%s", s.name.c_str());
  ImGui::TextDisabled("%lld events of %s, written by %s %s; ledger %s", static_cast<long long>(m.events),
                      m.scope == "whole" ? "a whole ledger" : ("a part: " + m.selection).c_str(),
                      m.program.c_str(), m.program_version.c_str(), m.ledger_id.substr(0, 12).c_str());
}

// The file's events this ledger lacks (a dry run with undecided conflicts adds none, but they are still new).
int64_t new_events(const LedgerFileOutcome& o) {
  return o.file_events - o.known_events;
}

// The dry run's verdict in a sentence.
std::string verdict(const LedgerFileOutcome& o) {
  const std::string n = std::to_string(new_events(o));
  if (o.mode == "contained")
    return "Nothing to add: this ledger already holds all " + std::to_string(o.file_events) +
           " events of the file.";
  if (o.mode == "open")
    return "Opens into this empty ledger: " + n + " events, the same books as the source.";
  if (o.mode == "append") return "Continues this ledger: " + n + " later events to add.";
  return "Both sides changed since they parted: " + n + " of the file's events to add (" +
         std::to_string(o.known_events) + " already here).";
}

// The conflicts, each with its choice; true when every one is decided.
bool draw_conflicts(LedgerFileWindowState& s, const LedgerFileOutcome& o) {
  s.choices.resize(o.conflicts.size(), 0);
  ImGui::TextColored(kErrorColour, "%zu conflict%s to decide before anything is written:", o.conflicts.size(),
                     o.conflicts.size() == 1 ? "" : "s");
  const ImGuiTableFlags flags =
      ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp;
  bool all = true;
  if (!ImGui::BeginTable("ledger_file.conflicts", 4, flags)) return false;
  ImGui::TableSetupColumn("Conflict", ImGuiTableColumnFlags_WidthStretch, 3.0f);
  ImGui::TableSetupColumn("Here", ImGuiTableColumnFlags_WidthStretch, 2.0f);
  ImGui::TableSetupColumn("In the file", ImGuiTableColumnFlags_WidthStretch, 2.0f);
  ImGui::TableSetupColumn("Keep", ImGuiTableColumnFlags_WidthFixed, 220.0f);
  ImGui::TableHeadersRow();
  for (size_t i = 0; i < o.conflicts.size(); ++i) {
    const LedgerConflict& c = o.conflicts[i];
    ImGui::PushID(int(i));
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextWrapped("%s", c.what.c_str());
    ImGui::TableNextColumn();
    ImGui::TextWrapped("%s", c.mine.c_str());
    ImGui::TableNextColumn();
    ImGui::TextWrapped("%s (event %lld)", c.theirs.c_str(), static_cast<long long>(c.theirs_seq));
    ImGui::TableNextColumn();
    ImGui::SetNextItemWidth(-1);
    const std::string mark = "ledger_file.conflict." + std::to_string(i);
    if (ImGui::BeginCombo("##keep", kChoiceNames[s.choices[i]])) {
      static const char* const keys[] = {"", ".mine", ".theirs", ".both"};
      for (int k = 1; k < 4; ++k) {
        if (ImGui::Selectable(kChoiceNames[k], s.choices[i] == k)) s.choices[i] = k;
        test_mark((mark + keys[k]).c_str());
      }
      ImGui::EndCombo();
    }
    test_mark(mark.c_str());
    all = all && s.choices[i] != 0;
    ImGui::PopID();
  }
  ImGui::EndTable();
  return all;
}

void draw_dry_run(LedgerFileWindowState& s, Commands& commands, const LedgerFileOutcome& o) {
  ImGui::TextWrapped("%s", verdict(o).c_str());
  test_mark("ledger_file.summary");
  if (o.mode == "contained") return;
  if (!o.added.empty() &&
      ImGui::TreeNode("ledger_file.added", "What it adds (%zu actions)", o.added.size())) {
    ImGui::BeginChild("added", ImVec2(0, std::min(160.0f, ImGui::GetTextLineHeightWithSpacing() * 8)), true);
    ImGuiListClipper clipper;
    clipper.Begin(int(o.added.size()));
    while (clipper.Step())
      for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i)
        ImGui::TextUnformatted(o.added[size_t(i)].c_str());
    ImGui::EndChild();
    ImGui::TreePop();
  }
  const bool decided = o.conflicts.empty() || draw_conflicts(s, o);
  ImGui::BeginDisabled(!decided);
  const std::string label = (o.mode == "open"     ? "Open "
                             : o.mode == "append" ? "Add "
                                                  : "Merge ") +
                            std::to_string(new_events(o)) + " events into this ledger";
  if (ImGui::Button(label.c_str())) {
    ConflictDecisions decisions;
    for (int c : s.choices) decisions.each.push_back(choice_of(c));
    s.busy = true;
    commands.open_ledger_file({s.file, decisions, false, &s.sink});
  }
  ImGui::EndDisabled();
  test_mark("ledger_file.apply");
  if (!decided) {
    ImGui::SameLine();
    ImGui::TextDisabled("Decide every conflict first.");
  }
}

void draw_done(const LedgerFileOutcome& o) {
  ImGui::Text("Added %lld events (%s).", static_cast<long long>(o.added_events), o.mode.c_str());
  test_mark("ledger_file.done");
  for (const std::string& r : o.renumbered) ImGui::BulletText("Renumbered the file's %s", r.c_str());
  if (o.undone_actions)
    ImGui::BulletText("Undid %lld action(s) here to keep the file's side",
                      static_cast<long long>(o.undone_actions));
}

void draw_open(Platform& platform, LedgerFileWindowState& s, Commands& commands) {
  heading("Open a ledger file");
  if (platform.has_file_dialog()) {
    if (ImGui::Button("Choose a .duebook file…")) platform.choose_file(".duebook");
    test_mark("ledger_file.choose");
    ImGui::SameLine();
    ImGui::TextDisabled("or drop one anywhere on the page (a customer's reply or statement file opens too)");
  } else {
    ImGui::SetNextItemWidth(-110);
    ImGui::InputTextWithHint(
        "##path", "path of a .duebook file (a ledger, or a customer's statement or reply)", &s.path);
    test_mark("ledger_file.path");
    ImGui::SameLine();
    if (ImGui::Button("Open", ImVec2(-1, 0)) && !s.path.empty()) platform.open_path(s.path);
    test_mark("ledger_file.open");
  }
  if (!s.read_error.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, kErrorColour);
    ImGui::TextWrapped("Refused, nothing was written: %s", s.read_error.c_str());
    ImGui::PopStyleColor();
    test_mark("ledger_file.error");
    return;
  }
  if (!s.file) return;
  draw_manifest(s);
  if (s.busy) {
    ImGui::TextDisabled("Reading…");
  } else if (!s.sink.problems.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, kErrorColour);
    ImGui::TextWrapped("Refused, nothing was written: %s", describe(s.sink.problems).c_str());
    ImGui::PopStyleColor();
    test_mark("ledger_file.error");
  } else if (s.sink.outcome && s.sink.dry_run) {
    draw_dry_run(s, commands, *s.sink.outcome);
  } else if (s.sink.outcome) {
    draw_done(*s.sink.outcome);
  }
}

void draw_export(Queries& queries, LedgerFileWindowState& s) {
  heading("Export a ledger file");
  ImGui::RadioButton("The whole ledger", &s.scope, 0);
  ImGui::SameLine();
  ImGui::RadioButton("One customer's history", &s.scope, 1);
  ImGui::SameLine();
  ImGui::RadioButton("Events in a date range", &s.scope, 2);
  if (s.scope == 1) {
    ImGui::SetNextItemWidth(320);
    ImGui::InputTextWithHint("Customer##export", "the customer's name", &s.customer);
    test_mark("ledger_file.export_customer");
  } else if (s.scope == 2) {
    ImGui::SetNextItemWidth(140);
    ImGui::InputTextWithHint("From##export", date_form(), &s.from);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(140);
    ImGui::InputTextWithHint("To##export", date_form(), &s.to);
  }
  if (ImGui::Button("Export ledger file")) {
    LedgerSelection selection;
    s.export_error.clear();
    if (s.scope == 1) {
      if (std::optional<Customer> c = find_customer_by_name(queries.db(), s.customer))
        selection.customer = c->id;
      else
        s.export_error = "Customer: no customer named \"" + s.customer + "\"";
    } else if (s.scope == 2) {
      Result<Date> from = read_date(s.from), to = read_date(s.to);
      if (!from)
        s.export_error = "From: " + from.problems()[0].message;
      else if (!to)
        s.export_error = "To: " + to.problems()[0].message;
      else if (*to < *from)
        s.export_error = "To: is before From";
      else
        selection.from = *from, selection.to = *to;
    }
    if (s.export_error.empty()) s.export_request = selection;
  }
  test_mark("ledger_file.export");
  if (!s.export_error.empty()) ImGui::TextColored(kErrorColour, "%s", s.export_error.c_str());
}

}  // namespace

void accept_ledger_files(std::vector<IncomingFile>& files, LedgerFileWindowState& state, Commands& commands) {
  std::vector<IncomingFile> rest;
  for (IncomingFile& f : files) {
    if (ends_with(f.name, ".duebook"))
      read(f, state, commands);
    else
      rest.push_back(std::move(f));
  }
  files = std::move(rest);
}

void draw_ledger_file_window(Platform& platform, Queries& queries, LedgerFileWindowState& state,
                             Commands& commands) {
  if (state.busy && state.sink.completed) state.busy = false;
  if (!state.open) return;
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(
      ImVec2(vp->WorkPos.x + vp->WorkSize.x * 0.5f, vp->WorkPos.y + vp->WorkSize.y * 0.45f),
      ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSize(ImVec2(860, 520), ImGuiCond_Appearing);
  if (!ImGui::Begin("Ledger file", &state.open,
                    ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings)) {
    ImGui::End();
    return;
  }
  test_mark("ledger_file.window");
  draw_open(platform, state, commands);
  ImGui::Spacing();
  draw_export(queries, state);
  ImGui::End();
}

std::string export_requested_ledger_file(Platform& platform, Ledger& ledger, LedgerFileWindowState& state,
                                         const Date& today) {
  if (!state.export_request) return "";
  const LedgerSelection selection = *std::exchange(state.export_request, std::nullopt);
  Result<LedgerFile> file = export_ledger_file(ledger, selection, DUEBOOK_VERSION);
  if (!file) {
    state.export_error = describe(file.problems());
    return "No ledger file: " + state.export_error;
  }
  const std::string bytes = write_ledger_file(file.value());
  std::string name = "duebook-" + to_iso(today);
  if (selection.customer) name += "-customer-" + std::to_string(*selection.customer);
  if (selection.from) name += "-from-" + to_iso(*selection.from) + "-to-" + to_iso(*selection.to);
  Result<std::string> saved = platform.save_file(name + ".duebook", bytes, "application/octet-stream");
  if (!saved) return "The ledger file was not saved: " + describe(saved.problems());
  return "Saved the ledger file (" + std::to_string(file->events.size()) + " events) to " + saved.value();
}

std::string ledger_file_facts(const LedgerFileWindowState& s) {
  nlohmann::json j;
  j["open"] = s.open;
  j["file"] = s.name;
  j["error"] = !s.read_error.empty() ? s.read_error : describe(s.sink.problems);
  if (s.sink.outcome) {
    const LedgerFileOutcome& o = *s.sink.outcome;
    j["mode"] = o.mode;
    j["dry_run"] = s.sink.dry_run;
    j["file_events"] = o.file_events;
    j["known"] = o.known_events;
    j["added"] = o.added_events;
    j["conflicts"] = nlohmann::json::array();
    for (const LedgerConflict& c : o.conflicts)
      j["conflicts"].push_back({{"what", c.what}, {"mine", c.mine}, {"theirs", c.theirs}});
    j["renumbered"] = o.renumbered;
    j["undone"] = o.undone_actions;
    j["written"] = o.written;
  }
  return j.dump();
}

}  // namespace duebook::ui

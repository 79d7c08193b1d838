#include "template_editor.h"

#include <imgui.h>
#include <misc/cpp/imgui_stdlib.h>

#include <nlohmann/json.hpp>

#include "collections/collections_queries.h"
#include "collections/custom_templates.h"
#include "collections/templates_default.h"
#include "icons.h"
#include "queries_view.h"
#include "style.h"
#include "test_hook.h"
#include "widgets.h"

namespace duebook::ui {
namespace {

void load(Queries& queries, TemplateEditorState& s, const std::string& id) {
  const std::vector<MessageTemplate> custom = custom_templates(queries.db());
  const MessageTemplate* t =
      template_in_use(custom, id.empty() ? default_templates().front().id : id, s.language);
  if (!t) t = template_in_use(custom, default_templates().front().id, s.language);
  s.id = t->id;
  s.subject = t->subject;
  s.body = t->body;
  s.customised = find_template(custom, t->id, s.language) != nullptr;
  s.dirty = false;
  s.loaded_revision = queries.revision();
}

const WorklistItem* preview_item(const TemplateEditorState& s) {
  const WorklistItem* best = nullptr;
  for (const WorklistItem& item : s.worklist.items) {
    if (item.customer_id == s.customer_id) return &item;
    if (!best || item.entry.lines.size() > best->entry.lines.size()) best = &item;
  }
  return best;
}

void render_preview(Queries& queries, TemplateEditorState& s) {
  MessageTemplate t{s.id, StepAction::EmailReminder, s.subject, s.body, s.language};
  Status checked = check_template(t);
  s.warnings = checked ? Problems{} : checked.problems();
  s.preview_subject.clear();
  s.preview_body.clear();
  s.render_problems.clear();
  const WorklistItem* item = preview_item(s);
  if (!item) return;
  Result<RenderedMessage> r = render_message(
      t, values_for_entry(item->entry, queries.company(), item->fee_minor, item->interest_minor, s.language),
      "");
  if (r) {
    s.preview_subject = r->subject;
    s.preview_body = r->body;
  } else {
    s.render_problems = r.problems();
  }
}

void draw_picker(Queries& queries, TemplateEditorState& s) {
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("Template");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(260);
  if (ImGui::BeginCombo("##template", s.id.c_str())) {
    for (const MessageTemplate& t : default_templates())
      if (ImGui::Selectable(t.id.c_str(), t.id == s.id)) load(queries, s, t.id);
    ImGui::EndCombo();
  }
  test_mark("template.pick");
  ImGui::SameLine();
  ImGui::TextUnformatted("in");
  for (Language l : known_languages()) {
    ImGui::SameLine();
    if (ImGui::RadioButton(language_name(l), l == s.language) && l != s.language) {
      s.language = l;
      load(queries, s, s.id);
    }
    test_mark((std::string("template.language.") + language_code(l)).c_str());
  }
  ImGui::SameLine();
  ImGui::TextDisabled(s.customised ? "your own wording" : "the built-in wording");
}

void draw_placeholders(TemplateEditorState& s) {
  heading("Placeholders (click to add to the text)");
  const float right = ImGui::GetCursorScreenPos().x + ImGui::GetContentRegionAvail().x;  // the column's edge
  bool first = true;
  for (const std::string& name : known_placeholders()) {
    const std::string label = "{{" + name + "}}";
    const float width = ImGui::CalcTextSize(label.c_str()).x + ImGui::GetStyle().FramePadding.x * 2;
    if (!first) {
      ImGui::SameLine();
      if (ImGui::GetCursorScreenPos().x + width > right) ImGui::NewLine();
    }
    first = false;
    if (ImGui::SmallButton(label.c_str())) {
      if (!s.body.empty() && s.body.back() != '\n' && s.body.back() != ' ') s.body += ' ';
      s.body += label;
      s.dirty = true;
    }
  }
}

void draw_text(TemplateEditorState& s, float height) {
  s.dirty |= text_field("Subject", &s.subject, "template.subject", s.sink.problem_for("subject"));
  s.dirty |= text_area("Body", &s.body, "template.body", height);
  if (!s.sink.problem_for("body").empty()) problem_text(s.sink.problem_for("body"));
  for (const Problem& w : s.warnings) {
    const bool subject = w.where.size() >= 8 && w.where.compare(w.where.size() - 8, 8, ".subject") == 0;
    warning_text(std::string("Warning (") + (subject ? "subject" : "body") + "): " + w.message +
                 " — it cannot be saved until every placeholder is one of the list.");
  }
  test_mark("template.warnings");
}

void draw_buttons(TemplateEditorState& s, Commands& commands) {
  ImGui::BeginDisabled(!s.dirty || !s.warnings.empty());
  if (ImGui::Button(ICON_SAVE " Save template"))
    commands.submit(SaveTemplate{s.id, s.subject, s.body, false, s.language}, &s.sink);
  ImGui::EndDisabled();
  test_mark("template.save");
  ImGui::SameLine();
  ImGui::BeginDisabled(!s.customised);
  if (ImGui::Button(ICON_RESET " Reset to the built-in wording"))
    commands.submit(SaveTemplate{s.id, "", "", true, s.language}, &s.sink);
  ImGui::EndDisabled();
  test_mark("template.reset");
  if (s.sink.problems.size() && s.sink.problem_for("subject").empty() && s.sink.problem_for("body").empty())
    problem_text(describe(s.sink.problems));
  if (!s.message.empty()) confirmation_text(s.message);
}

void draw_preview(Queries& queries, TemplateEditorState& s) {
  ImGui::TextUnformatted("Preview for");
  ImGui::SameLine();
  const WorklistItem* item = preview_item(s);
  ImGui::SetNextItemWidth(-1);
  const std::string current = item ? item->entry.customer + " (" + std::to_string(item->entry.lines.size()) +
                                         (item->entry.lines.size() == 1 ? " invoice)" : " invoices)")
                                   : "nobody is on today's worklist";
  if (ImGui::BeginCombo("##preview_customer", current.c_str())) {
    for (const WorklistItem& w : s.worklist.items) {
      const std::string label = w.entry.customer + " (" + std::to_string(w.entry.lines.size()) + ")##" +
                                std::to_string(w.customer_id);
      if (ImGui::Selectable(label.c_str(), item && w.customer_id == item->customer_id))
        s.customer_id = w.customer_id;
    }
    ImGui::EndCombo();
  }
  test_mark("template.preview_customer");
  render_preview(queries, s);
  ImGui::Separator();
  if (!s.render_problems.empty()) {
    problem_text("The preview cannot be rendered: " + describe(s.render_problems));
    return;
  }
  ImGui::TextWrapped("%s", s.preview_subject.c_str());
  ImGui::Separator();
  ImGui::BeginChild("preview_body", ImVec2(0, 0), false, ImGuiWindowFlags_HorizontalScrollbar);
  ImGui::TextUnformatted(s.preview_body.c_str());
  ImGui::EndChild();
  test_mark("template.preview");
}

}  // namespace

void draw_template_editor(Queries& queries, TemplateEditorState& state, Commands& commands,
                          const Date& today) {
  if (state.sink.completed != state.seen) {
    state.seen = state.sink.completed;
    if (state.sink.outcome) {
      state.message = state.sink.outcome->label + ".";
      state.dirty = false;
      state.loaded_revision = -1;
    }
  }
  if (state.id.empty() || (!state.dirty && state.loaded_revision != queries.revision()))
    load(queries, state, state.id);
  if (state.worklist_revision != queries.revision() || !(state.worklist_day == today)) {
    state.worklist = queries.worklist(today);
    state.worklist_revision = queries.revision();
    state.worklist_day = today;
  }
  draw_picker(queries, state);
  const float half = ImGui::GetContentRegionAvail().x * 0.5f;
  if (ImGui::BeginTable("template_layout", 2, ImGuiTableFlags_Resizable | ImGuiTableFlags_BordersInnerV)) {
    ImGui::TableSetupColumn("edit", ImGuiTableColumnFlags_WidthStretch, half);
    ImGui::TableSetupColumn("preview", ImGuiTableColumnFlags_WidthStretch, half);
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    draw_text(state, ImGui::GetContentRegionAvail().y * 0.45f);
    draw_buttons(state, commands);
    draw_placeholders(state);
    ImGui::TableNextColumn();
    draw_preview(queries, state);
    ImGui::EndTable();
  }
}

std::string template_editor_facts(const TemplateEditorState& state) {
  nlohmann::json warnings = nlohmann::json::array();
  for (const Problem& w : state.warnings) warnings.push_back(w.message);
  const WorklistItem* item = preview_item(state);
  return nlohmann::json{{"id", state.id},
                        {"language", language_code(state.language)},
                        {"dirty", state.dirty},
                        {"customised", state.customised},
                        {"customer", item ? item->entry.customer : ""},
                        {"lines", item ? item->entry.lines.size() : 0},
                        {"warnings", warnings},
                        {"preview_subject", state.preview_subject},
                        {"preview_body", state.preview_body},
                        {"message", state.message}}
      .dump();
}

}  // namespace duebook::ui

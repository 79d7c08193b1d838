#include "policy_editor.h"

#include <imgui.h>
#include <misc/cpp/imgui_stdlib.h>

#include <nlohmann/json.hpp>
#include <set>

#include "collections/collections_outcome.h"
#include "collections/collections_queries.h"
#include "collections/templates_default.h"
#include "icons.h"
#include "queries_view.h"
#include "style.h"
#include "table_headers.h"
#include "test_hook.h"
#include "widgets.h"

namespace duebook::ui {
namespace {

constexpr StepAction kActions[] = {
    StepAction::EmailReminder, StepAction::PhoneCall,   StepAction::Letter,      StepAction::EscalationLetter,
    StepAction::CreditHold,    StepAction::FinalNotice, StepAction::HandToAgency};

const char* action_label(StepAction action) {
  switch (action) {
    case StepAction::EmailReminder:
      return "Email reminder";
    case StepAction::PhoneCall:
      return "Phone call";
    case StepAction::Letter:
      return "Letter";
    case StepAction::EscalationLetter:
      return "Letter to the senior manager";
    case StepAction::CreditHold:
      return "Credit hold";
    case StepAction::FinalNotice:
      return "Final notice";
    case StepAction::HandToAgency:
      return "Hand to an agency";
  }
  return "";
}

// Whom a step reaches: the worklist takes the escalation contact for a letter to the senior manager and the
// billing contact otherwise (collections_policy.h, build_worklist).
const char* contact_label(StepAction action) {
  return action == StepAction::EscalationLetter ? "escalation contact" : "billing contact";
}

// A widget name for tests that lives as long as the program (test_mark keeps the pointer).
const char* test_name(const std::string& name) {
  static std::set<std::string> names;
  return names.insert(name).first->c_str();
}

void load(PolicyEditorState& s, const PolicyRecord& record) {
  s.policy_id = record.id;
  s.draft = record;
  s.dirty = false;
}

void refresh(Queries& queries, PolicyEditorState& s) {
  if (s.cache_revision == queries.revision()) return;
  s.cache_revision = queries.revision();
  s.policies = list_policies(queries.db());
  if (s.policy_id < 0 && !s.policies.empty()) load(s, s.policies.front());
}

// Takes in what the last save or assignment brought: a saved policy is reloaded by its id and, when the
// editor was opened for a customer, assigned to it.
void take_results(PolicyEditorState& s, Commands& commands) {
  if (s.save_sink.completed != s.save_seen) {
    s.save_seen = s.save_sink.completed;
    if (s.save_sink.outcome) {
      s.policy_id = s.save_sink.outcome->created_id;
      s.dirty = false;
      s.message = "Saved: " + s.save_sink.outcome->label + ".";
      if (s.for_customer) commands.submit(SetCustomerPolicy{s.for_customer, s.policy_id}, &s.assign_sink);
    }
  }
  if (s.assign_sink.completed != s.assign_seen) {
    s.assign_seen = s.assign_sink.completed;
    if (s.assign_sink.outcome) s.message = s.assign_sink.outcome->label + ".";
  }
}

void draw_picker(PolicyEditorState& s) {
  std::string current = "(choose)";
  for (const PolicyRecord& p : s.policies)
    if (p.id == s.policy_id) current = p.policy.name + (p.id == 0 ? " (built-in)" : "");
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("Policy");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(280);
  if (ImGui::BeginCombo("##policy", current.c_str())) {
    for (const PolicyRecord& p : s.policies) {
      const std::string label =
          p.policy.name + (p.id == 0 ? " (built-in)" : "") + "##" + std::to_string(p.id);
      if (ImGui::Selectable(label.c_str(), p.id == s.policy_id)) load(s, p);
    }
    ImGui::EndCombo();
  }
  test_mark("policy.pick");
  ImGui::SameLine();
  if (s.for_customer)
    ImGui::TextDisabled("Saving assigns it to %s.", s.customer_name.c_str());
  else
    ImGui::TextDisabled("Open a customer's page to assign a policy to it.");
  if (s.policy_id == 0)
    ImGui::TextDisabled(
        "The built-in policy is never changed: saving it makes a new policy under a new name.");
}

void draw_template_combo(CollectionStep& step, int i, bool* changed) {
  const std::string id = "##template" + std::to_string(i);
  ImGui::SetNextItemWidth(-1);
  if (ImGui::BeginCombo(id.c_str(),
                        step.template_id.empty() ? "(the action's own)" : step.template_id.c_str())) {
    if (ImGui::Selectable("(the action's own)", step.template_id.empty()))
      step.template_id.clear(), *changed = true;
    for (const MessageTemplate& t : default_templates())
      if (t.action == step.action && ImGui::Selectable(t.id.c_str(), t.id == step.template_id))
        step.template_id = t.id, *changed = true;
    ImGui::EndCombo();
  }
}

// One row of the steps table; returns what the row's buttons asked: -1 up, +1 down, 2 remove, 0 nothing.
int draw_step_row(CollectionStep& step, int i, int count, bool* changed) {
  ImGui::TableNextRow();
  ImGui::TableNextColumn();
  ImGui::AlignTextToFramePadding();
  ImGui::Text("%d", i + 1);
  ImGui::TableNextColumn();
  ImGui::SetNextItemWidth(-1);
  *changed |= ImGui::InputInt(("##offset" + std::to_string(i)).c_str(), &step.offset_days, 1, 7);
  test_mark(test_name("policy.step." + std::to_string(i) + ".offset"));
  ImGui::TableNextColumn();
  ImGui::SetNextItemWidth(-1);
  if (ImGui::BeginCombo(("##action" + std::to_string(i)).c_str(), action_label(step.action))) {
    for (StepAction a : kActions)
      if (ImGui::Selectable(action_label(a), a == step.action)) {
        if (a != step.action) step.template_id.clear();
        step.action = a;
        *changed = true;
      }
    ImGui::EndCombo();
  }
  ImGui::TableNextColumn();
  draw_template_combo(step, i, changed);
  ImGui::TableNextColumn();
  ImGui::AlignTextToFramePadding();
  ImGui::TextDisabled("%s", contact_label(step.action));
  ImGui::TableNextColumn();
  ImGui::SetNextItemWidth(-1);
  *changed |= ImGui::InputInt(("##deadline" + std::to_string(i)).c_str(), &step.payment_deadline_days, 0, 0);
  ImGui::TableNextColumn();
  *changed |= ImGui::Checkbox(("##fee" + std::to_string(i)).c_str(), &step.late_fee);
  ImGui::SameLine();
  *changed |= ImGui::Checkbox(("##interest" + std::to_string(i)).c_str(), &step.interest_notice);
  ImGui::TableNextColumn();
  int asked = 0;
  ImGui::BeginDisabled(i == 0);
  if (ImGui::SmallButton((ICON_UP "##up" + std::to_string(i)).c_str())) asked = -1;
  ImGui::EndDisabled();
  test_mark(test_name("policy.step." + std::to_string(i) + ".up"));
  ImGui::SameLine();
  ImGui::BeginDisabled(i + 1 == count);
  if (ImGui::SmallButton((ICON_DOWN "##down" + std::to_string(i)).c_str())) asked = 1;
  ImGui::EndDisabled();
  test_mark(test_name("policy.step." + std::to_string(i) + ".down"));
  ImGui::SameLine();
  if (ImGui::SmallButton((ICON_DELETE "##remove" + std::to_string(i)).c_str())) asked = 2;
  test_mark(test_name("policy.step." + std::to_string(i) + ".remove"));
  return asked;
}

void draw_steps(PolicyEditorState& s) {
  std::vector<CollectionStep>& steps = s.draft.policy.steps;
  const ImGuiTableFlags flags =
      ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingFixedFit;
  if (ImGui::BeginTable("steps", 8, flags)) {
    ImGui::TableSetupColumn("#");
    ImGui::TableSetupColumn("Day from due", 0, 120);
    ImGui::TableSetupColumn("Action", 0, 210);
    ImGui::TableSetupColumn("Message template", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn("Reaches");
    ImGui::TableSetupColumn("Deadline (days)", 0, 110);
    ImGui::TableSetupColumn("Fee  Interest");
    ImGui::TableSetupColumn("Order");
    ImGui::TableHeadersRow();
    int move = -1, by = 0;
    for (int i = 0; i < int(steps.size()); ++i) {
      ImGui::PushID(i);
      const int asked = draw_step_row(steps[size_t(i)], i, int(steps.size()), &s.dirty);
      ImGui::PopID();
      if (asked) move = i, by = asked;
    }
    ImGui::EndTable();
    if (move >= 0 && by == 2) {
      steps.erase(steps.begin() + move);
      s.dirty = true;
    } else if (move >= 0) {
      std::swap(steps[size_t(move)], steps[size_t(move + by)]);
      s.dirty = true;
    }
  }
  if (ImGui::Button(ICON_ADD " Add a step")) {
    CollectionStep step;
    step.offset_days = steps.empty() ? 1 : steps.back().offset_days + 7;
    steps.push_back(step);
    s.dirty = true;
  }
  test_mark("policy.add");
}

void draw_preview(PolicyEditorState& s, const Date& today) {
  heading("Schedule for a sample invoice");
  const Date issued = add_days(today, -30);
  ImGui::TextDisabled("Invoice issued %s, due %s (30 days), nothing paid:", display_date(issued).c_str(),
                      display_date(today).c_str());
  s.preview.clear();
  if (!ImGui::BeginTable("preview", 3, ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_RowBg)) return;
  ImGui::TableSetupColumn("Day", 0, 110);
  ImGui::TableSetupColumn("Days late", 0, 80);
  ImGui::TableSetupColumn("What happens", ImGuiTableColumnFlags_WidthStretch);
  headers_row({1});
  const CollectionPolicy& p = s.draft.policy;
  for (int i = 0; i < int(p.steps.size()); ++i) {
    const CollectionStep& step = p.steps[size_t(i)];
    const Date day = add_days(today, step.offset_days);
    s.preview.push_back(day);
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(display_date(day).c_str());
    ImGui::TableNextColumn();
    days_late_cell(step.offset_days);
    ImGui::TableNextColumn();
    ImGui::Text("%s (%s), to the %s", step_title(p, i).c_str(), action_label(step.action),
                contact_label(step.action));
  }
  ImGui::EndTable();
  test_mark("policy.preview");
}

void draw_save(PolicyEditorState& s, Commands& commands) {
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("Name");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(280);
  s.dirty |= ImGui::InputText("##policy_name", &s.draft.policy.name);
  test_mark("policy.name");
  ImGui::SameLine();
  Status valid = validate_policy(s.draft.policy);
  ImGui::BeginDisabled(!valid || !s.dirty);
  if (ImGui::Button(s.for_customer ? ICON_SAVE " Save and assign" : ICON_SAVE " Save policy"))
    commands.submit(SavePolicy{s.policy_id, policy_record_to_json(s.draft)}, &s.save_sink);
  ImGui::EndDisabled();
  test_mark("policy.save");
  ImGui::SameLine();
  ImGui::BeginDisabled(!s.dirty);
  const bool discard = ImGui::Button("Discard changes");
  ImGui::EndDisabled();
  if (discard) {
    for (const PolicyRecord& p : s.policies)
      if (p.id == s.policy_id) load(s, p);
  }
  if (!valid)
    for (const Problem& p : valid.problems()) problem_text(p.where + ": " + p.message);
  if (!s.save_sink.problems.empty())
    for (const Problem& p : s.save_sink.problems)
      problem_text((p.where.empty() ? "" : p.where + ": ") + p.message);
  if (!s.assign_sink.problems.empty()) problem_text(describe(s.assign_sink.problems));
  if (!s.message.empty()) confirmation_text(s.message);
}

}  // namespace

void open_policy_for_customer(Queries& queries, PolicyEditorState& state, int64_t customer_id) {
  std::optional<Customer> customer = queries.customer(customer_id);
  if (!customer) return;
  load(state, queries.policy_of(customer_id));
  state.for_customer = customer_id;
  state.customer_name = customer->fields.name;
  state.message.clear();
}

void draw_policy_editor(Queries& queries, PolicyEditorState& state, Commands& commands, const Date& today) {
  refresh(queries, state);
  take_results(state, commands);
  draw_picker(state);
  draw_save(state, commands);
  heading("Steps");
  ImGui::TextDisabled(
      "Days are counted from the due date (negative: before it). The worklist proposes the most "
      "advanced step whose day has come.");
  draw_steps(state);
  draw_preview(state, today);
}

std::string policy_editor_facts(const PolicyEditorState& state) {
  nlohmann::json offsets = nlohmann::json::array(), preview = nlohmann::json::array(),
                 problems = nlohmann::json::array();
  for (const CollectionStep& step : state.draft.policy.steps) offsets.push_back(step.offset_days);
  for (const Date& d : state.preview) preview.push_back(to_iso(d));
  for (const Problem& p : state.save_sink.problems) problems.push_back(p.where + ": " + p.message);
  return nlohmann::json{{"policy_id", state.policy_id}, {"name", state.draft.policy.name},
                        {"dirty", state.dirty},         {"for_customer", state.for_customer},
                        {"offsets", offsets},           {"preview", preview},
                        {"problems", problems},         {"message", state.message}}
      .dump();
}

}  // namespace duebook::ui

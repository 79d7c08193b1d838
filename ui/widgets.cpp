#include "widgets.h"

#include <imgui.h>
#include <misc/cpp/imgui_stdlib.h>

#include <cstring>

#include "test_hook.h"

namespace duebook::ui {

static const ImVec4 kErrorColour{0.75f, 0.12f, 0.12f, 1.0f};

// Shows `label` up to any "##" suffix (which only makes the id unique).
static void label_text(const char* label) {
  const char* end = std::strstr(label, "##");
  ImGui::TextUnformatted(label, end);
}

bool text_field(const char* label, std::string* text, const char* test_name, const std::string& problem,
                const char* hint, float width) {
  label_text(label);
  ImGui::SetNextItemWidth(width);
  std::string id = std::string("##") + test_name;
  bool changed = hint ? ImGui::InputTextWithHint(id.c_str(), hint, text) : ImGui::InputText(id.c_str(), text);
  test_mark(test_name);
  if (!problem.empty()) problem_text(problem);
  return changed;
}

bool text_area(const char* label, std::string* text, const char* test_name, float height) {
  label_text(label);
  std::string id = std::string("##") + test_name;
  bool changed = ImGui::InputTextMultiline(id.c_str(), text, ImVec2(-1.0f, height));
  test_mark(test_name);
  return changed;
}

void problem_text(const std::string& message) {
  ImGui::PushStyleColor(ImGuiCol_Text, kErrorColour);
  ImGui::TextWrapped("%s", message.c_str());
  ImGui::PopStyleColor();
}

void heading(const char* text) {
  ImGui::Spacing();
  ImGui::TextDisabled("%s", text);
  ImGui::Separator();
}

}  // namespace duebook::ui

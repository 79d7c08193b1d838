#include "as_of_bar.h"

#include <imgui.h>
#include <misc/cpp/imgui_stdlib.h>

#include "style.h"
#include "test_hook.h"
#include "widgets.h"

namespace duebook::ui {

void AsOfState::reset(const Date& local_today) {
  as_of.reset();
  error.clear();
  text = display_date(local_today);
}

void draw_as_of(AsOfState& s, const Date& local_today) {
  const std::string shown = display_date(s.day(local_today));
  ImGui::TextDisabled("|");
  ImGui::TextUnformatted("As of");  // the same width either way: the field never moves under the pointer
  ImGui::SetNextItemWidth(ImGui::CalcTextSize("0000-00-00").x + ImGui::GetStyle().FramePadding.x * 2 + 4);
  const bool entered = ImGui::InputText("##as-of", &s.text, ImGuiInputTextFlags_EnterReturnsTrue);
  test_mark("asof.date");
  if (entered || ImGui::IsItemDeactivatedAfterEdit()) {
    Result<Date> day = read_date(s.text);
    if (!day) {
      s.error = "As of: " + day.problems()[0].message;
    } else {
      s.error.clear();
      s.as_of = *day == local_today ? std::nullopt : std::optional<Date>(*day);
      s.text = display_date(*day);
    }
  } else if (!ImGui::IsItemActive() && s.error.empty()) {
    s.text = shown;
  }
  if (s.as_of && s.error.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, palette().warning);
    ImGui::TextUnformatted("planning");
    ImGui::PopStyleColor();
    test_mark("asof.planning");
  }
  if (!s.error.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, palette().problem);
    ImGui::TextUnformatted(s.error.c_str());
    ImGui::PopStyleColor();
    test_mark("asof.error");
  }
  if (s.as_of || !s.error.empty()) {
    if (ImGui::SmallButton("Back to today")) {
      s.reset(local_today);
    }
    test_mark("asof.today");
  }
}

}  // namespace duebook::ui

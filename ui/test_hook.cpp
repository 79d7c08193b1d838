#include "test_hook.h"

#include <imgui.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace duebook::ui {
namespace {

struct MarkedItem {
  std::string name;  // test name of the widget
  ImVec2 min, max;   // its rectangle in display pixels
};

std::vector<MarkedItem> current, last;

}  // namespace

void test_mark(const char* name) {
  current.push_back({name, ImGui::GetItemRectMin(), ImGui::GetItemRectMax()});
}

void test_mark_rect(const char* name, float min_x, float min_y, float max_x, float max_y) {
  current.push_back({name, ImVec2(min_x, min_y), ImVec2(max_x, max_y)});
}

void test_begin_frame() {
  last.swap(current);
  current.clear();
}

std::string test_items_json(bool frame_just_drawn) {
  nlohmann::json items = nlohmann::json::object();
  for (const MarkedItem& m : frame_just_drawn ? current : last)
    items[m.name] = {m.min.x, m.min.y, m.max.x - m.min.x, m.max.y - m.min.y};
  return nlohmann::json{{"items", items}}.dump();
}

}  // namespace duebook::ui

#include "widgets.h"

#include <imgui.h>
#include <misc/cpp/imgui_stdlib.h>

#include <algorithm>
#include <cstring>

#include "base/currencies.h"
#include "base/money.h"
#include "style.h"
#include "test_hook.h"

namespace duebook::ui {

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
  ImGui::PushStyleColor(ImGuiCol_Text, palette().problem);
  ImGui::TextWrapped("%s", message.c_str());
  ImGui::PopStyleColor();
}

void heading(const char* text) {
  ImGui::Spacing();
  ImGui::TextDisabled("%s", text);
  ImGui::Separator();
}

void empty_note(const std::string& text, const char* mark) {
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextDisabled("%s", text.c_str());
  ImGui::PopTextWrapPos();
  test_mark(mark);
}

void confirmation_text(const std::string& message) {
  ImGui::PushStyleColor(ImGuiCol_Text, palette().done);
  ImGui::TextWrapped("%s", message.c_str());
  ImGui::PopStyleColor();
}

namespace {
// The display locale: one per workbench, like the theme's palette; set from Settings.
const Locale* g_display_locale = nullptr;
}  // namespace

const Locale& display_locale() {
  return g_display_locale ? *g_display_locale : *find_locale("en-US");
}

void set_display_locale(const Locale& locale) {
  g_display_locale = &locale;
}

std::string display_money(int64_t minor, const std::string& currency) {
  Result<CurrencyCode> code = parse_currency_code(currency);
  if (!code) return format_number(minor, currency_digits(currency), display_locale());
  return format_money(Money{minor, *code}, display_locale());
}

std::string amount_field_text(int64_t minor, int digits) {
  return format_number(minor, digits, display_locale());
}

Result<int64_t> read_amount(const std::string& text, int digits) {
  return parse_number(text, digits, display_locale());
}

std::string display_date(const Date& date) {
  return format_date(date, display_locale());
}

std::string display_date(const std::string& iso_text) {
  if (iso_text.size() != 10) return iso_text;
  Result<Date> date = parse_date(iso_text);
  return date ? display_date(*date) : iso_text;
}

std::string display_day_month(const Date& date) {
  return format_day_month(date, display_locale());
}

std::string display_month(const Date& date) {
  return format_month(date, display_locale());
}

const char* date_form() {
  return display_locale().date_format.c_str();
}

Result<Date> read_date(const std::string& text) {
  return parse_date(text, display_locale());
}

void amount_text(int64_t minor, const std::string& currency, bool with_code) {
  if (minor < 0) ImGui::PushStyleColor(ImGuiCol_Text, palette().negative);
  right_aligned(with_code ? display_money(minor, currency)
                          : format_number(minor, currency_digits(currency), display_locale()));
  if (minor < 0) ImGui::PopStyleColor();
}

bool confirm_button(const char* label, const char* confirm_label, const char* test_name, bool* armed) {
  bool done = false;
  if (!*armed) {
    if (ImGui::Button(label)) *armed = true;
    test_mark(test_name);
  } else {
    ImGui::PushStyleColor(ImGuiCol_Button, palette().confirm_button);
    if (ImGui::Button(confirm_label)) {
      done = true;
      *armed = false;
    }
    ImGui::PopStyleColor();
    test_mark(test_name);
    ImGui::SameLine();
    if (ImGui::SmallButton("Cancel")) *armed = false;
  }
  return done;
}

void right_aligned(const std::string& text, bool disabled) {
  const float width = ImGui::CalcTextSize(text.c_str()).x;
  const float room = ImGui::GetContentRegionAvail().x;
  if (room > width) ImGui::SetCursorPosX(ImGui::GetCursorPosX() + room - width);
  if (disabled)
    ImGui::TextDisabled("%s", text.c_str());
  else
    ImGui::TextUnformatted(text.c_str());
}

void days_late_cell(int64_t days) {
  const ImVec4 colour = days > 0 ? palette().overdue : ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled);
  ImGui::PushStyleColor(ImGuiCol_Text, colour);
  right_aligned(std::to_string(days));
  ImGui::PopStyleColor();
}

void warning_text(const std::string& message) {
  ImGui::PushStyleColor(ImGuiCol_Text, palette().warning);
  ImGui::TextWrapped("%s", message.c_str());
  ImGui::PopStyleColor();
}

}  // namespace duebook::ui

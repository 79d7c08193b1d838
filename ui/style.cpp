#include "style.h"

#include <imgui.h>

#include <cstdio>

#include "icons.h"

namespace duebook::ui {
namespace {

ImVec4 rgb(int hex, float alpha = 1.0f) {
  return ImVec4(float((hex >> 16) & 0xff) / 255.0f, float((hex >> 8) & 0xff) / 255.0f,
                float(hex & 0xff) / 255.0f, alpha);
}

// Contrast ratios against the window background, by WCAG 2.1's relative-luminance formula (§1.4.3 asks 4.5:1
// for text): light theme on #F7F7F5 — text #1F2328 14.7:1, dimmed #59616B 5.8:1 (6.3:1 in a white field),
// negative and problem #B3261E 6.1:1, overdue #9A4A00 5.8:1, done #1A6B35 6.1:1, warning #8A5300 5.9:1; text
// on a button #D5E2F0 12.0:1.
const ThemePalette kLight{false,         rgb(0xB3261E), rgb(0x9A4A00),        rgb(0xB3261E), rgb(0x1A6B35),
                          rgb(0x8A5300), rgb(0x2F6DB5), rgb(0x59616B, 0.35f), rgb(0xEEA090)};
// Dark theme on #1C1F24 — text #E6E8EB 13.5:1, dimmed #9AA3AD 6.5:1 (5.3:1 in a field #2A2F36), negative and
// problem #FF8A80 7.2:1, overdue #F0B35A 8.9:1, done #7BD389 9.1:1, warning #F0C05A 9.8:1; text on a button
// #2E4A6B 7.4:1.
const ThemePalette kDark{true,          rgb(0xFF8A80), rgb(0xF0B35A),        rgb(0xFF8A80), rgb(0x7BD389),
                         rgb(0xF0C05A), rgb(0x6FA8E8), rgb(0x9AA3AD, 0.35f), rgb(0x8C3B30)};

const ThemePalette* g_palette = &kLight;
float g_scale = 1.0f;

void spacing(ImGuiStyle& style) {
  style.WindowRounding = 0.0f;
  style.ChildRounding = 4.0f;
  style.FrameRounding = 4.0f;
  style.PopupRounding = 4.0f;
  style.GrabRounding = 4.0f;
  style.TabRounding = 4.0f;
  style.ScrollbarRounding = 6.0f;
  style.FramePadding = ImVec2(8, 5);
  style.ItemSpacing = ImVec2(8, 6);
  style.ItemInnerSpacing = ImVec2(6, 4);
  style.WindowPadding = ImVec2(12, 10);
  style.CellPadding = ImVec2(6, 4);
  style.ScrollbarSize = 12.0f;
  style.WindowBorderSize = 0.0f;
  style.PopupBorderSize = 1.0f;
  style.FrameBorderSize = 0.0f;
}

void light_colours(ImVec4* c) {
  ImGui::StyleColorsLight();
  c[ImGuiCol_Text] = rgb(0x1F2328);
  c[ImGuiCol_TextDisabled] = rgb(0x59616B);
  c[ImGuiCol_WindowBg] = rgb(0xF7F7F5);
  c[ImGuiCol_ChildBg] = rgb(0xFFFFFF, 0.0f);
  c[ImGuiCol_PopupBg] = rgb(0xFFFFFF);
  c[ImGuiCol_MenuBarBg] = rgb(0xECEDEF);
  c[ImGuiCol_FrameBg] = rgb(0xFFFFFF);
  c[ImGuiCol_FrameBgHovered] = rgb(0xE8EEF6);
  c[ImGuiCol_FrameBgActive] = rgb(0xDCE6F2);
  c[ImGuiCol_Border] = rgb(0xC9CDD2);
  c[ImGuiCol_Button] = rgb(0xD5E2F0);
  c[ImGuiCol_ButtonHovered] = rgb(0xB9CFE7);
  c[ImGuiCol_ButtonActive] = rgb(0x9EBCDD);
  c[ImGuiCol_Header] = rgb(0x2F6DB5, 0.18f);
  c[ImGuiCol_HeaderHovered] = rgb(0x2F6DB5, 0.28f);
  c[ImGuiCol_HeaderActive] = rgb(0x2F6DB5, 0.38f);
  c[ImGuiCol_Tab] = rgb(0xE1E5EA);
  c[ImGuiCol_TabHovered] = rgb(0xB9CFE7);
  c[ImGuiCol_TabActive] = rgb(0xD5E2F0);
  c[ImGuiCol_TableHeaderBg] = rgb(0xE6E9ED);
  c[ImGuiCol_TableRowBgAlt] = rgb(0x000000, 0.03f);
  c[ImGuiCol_CheckMark] = rgb(0x2F6DB5);
  c[ImGuiCol_PlotHistogram] = rgb(0x9CC0E8);  // a bar with text on it (credit used): 8.4:1
}

void dark_colours(ImVec4* c) {
  ImGui::StyleColorsDark();
  c[ImGuiCol_Text] = rgb(0xE6E8EB);
  c[ImGuiCol_TextDisabled] = rgb(0x9AA3AD);
  c[ImGuiCol_WindowBg] = rgb(0x1C1F24);
  c[ImGuiCol_ChildBg] = rgb(0x000000, 0.0f);
  c[ImGuiCol_PopupBg] = rgb(0x24282E);
  c[ImGuiCol_MenuBarBg] = rgb(0x23272D);
  c[ImGuiCol_FrameBg] = rgb(0x2A2F36);
  c[ImGuiCol_FrameBgHovered] = rgb(0x343A42);
  c[ImGuiCol_FrameBgActive] = rgb(0x3C434C);
  c[ImGuiCol_Border] = rgb(0x3C434C);
  c[ImGuiCol_Button] = rgb(0x2E4A6B);
  c[ImGuiCol_ButtonHovered] = rgb(0x3A5C84);
  c[ImGuiCol_ButtonActive] = rgb(0x466D9C);
  c[ImGuiCol_Header] = rgb(0x6FA8E8, 0.20f);
  c[ImGuiCol_HeaderHovered] = rgb(0x6FA8E8, 0.30f);
  c[ImGuiCol_HeaderActive] = rgb(0x6FA8E8, 0.40f);
  c[ImGuiCol_Tab] = rgb(0x262A30);
  c[ImGuiCol_TabHovered] = rgb(0x3A5C84);
  c[ImGuiCol_TabActive] = rgb(0x2E4A6B);
  c[ImGuiCol_TitleBg] = rgb(0x23272D);
  c[ImGuiCol_TitleBgActive] = rgb(0x2E4A6B);
  c[ImGuiCol_TableHeaderBg] = rgb(0x2A2F36);
  c[ImGuiCol_TableRowBgAlt] = rgb(0xFFFFFF, 0.03f);
  c[ImGuiCol_CheckMark] = rgb(0x6FA8E8);
  c[ImGuiCol_PlotHistogram] = rgb(0x2E5A8C);  // a bar with text on it (credit used): 5.8:1
}

}  // namespace

const char* to_string(ThemeChoice choice) {
  switch (choice) {
    case ThemeChoice::Light:
      return "light";
    case ThemeChoice::Dark:
      return "dark";
    case ThemeChoice::System:
      break;
  }
  return "system";
}

ThemeChoice theme_choice_from(std::string_view text) {
  if (text == "light") return ThemeChoice::Light;
  if (text == "dark") return ThemeChoice::Dark;
  return ThemeChoice::System;
}

void load_fonts(const char* ttf_path, float pixel_size, const char* icon_ttf_path) {
  ImGuiIO& io = ImGui::GetIO();
  // Basic Latin + Latin-1 (£ ¥ and accented names), Latin Extended-A/B (Polish, Czech, Turkish…),
  // General Punctuation (dashes, quotes, …), Currency Symbols (€ ₹ ₺ …), minus sign.
  static const ImWchar ranges[] = {0x0020, 0x024F, 0x2000, 0x206F, 0x20A0, 0x20CF, 0x2212, 0x2212, 0};
  ImFontConfig config;
  config.OversampleH = 2;
  config.OversampleV = 1;
  config.PixelSnapH = true;
  if (!ttf_path || !io.Fonts->AddFontFromFileTTF(ttf_path, pixel_size, &config, ranges)) {
    std::fprintf(stderr, "duebook: cannot load font %s; using the built-in one\n",
                 ttf_path ? ttf_path : "(none)");
    ImFontConfig fallback;
    fallback.SizePixels = pixel_size;
    io.Fonts->AddFontDefault(&fallback);
  }
  if (!icon_ttf_path) return;
  // The icons merged into the same font, only the glyphs icons.h names, a little lower to sit on the text
  // line.
  ImFontConfig icons;
  icons.MergeMode = true;
  icons.PixelSnapH = true;
  icons.GlyphOffset = ImVec2(0, pixel_size * 0.18f);
  icons.GlyphMinAdvanceX = pixel_size;
  if (!io.Fonts->AddFontFromFileTTF(icon_ttf_path, pixel_size, &icons, icon_glyph_ranges()))
    std::fprintf(stderr, "duebook: cannot load the icon font %s; labels show without icons\n", icon_ttf_path);
}

void apply_style(float scale, bool dark) {
  g_scale = scale;
  ImGuiStyle& style = ImGui::GetStyle();
  style = ImGuiStyle();
  if (dark)
    dark_colours(style.Colors);
  else
    light_colours(style.Colors);
  g_palette = dark ? &kDark : &kLight;
  spacing(style);
  style.ScaleAllSizes(scale);
}

void apply_theme(bool dark) {
  apply_style(g_scale, dark);
}

const ThemePalette& palette() {
  return *g_palette;
}

}  // namespace duebook::ui

#include "style.h"

#include <imgui.h>

#include <cstdio>

namespace duebook::ui {

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

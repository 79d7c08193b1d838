// Duebook's look: the UI font, and a light and a dark theme (colours and spacing of every window) with the
// palette the windows use for amounts, overdue days and problems.
#pragma once

#include <imgui.h>

#include <string_view>

namespace duebook::ui {

// Which theme the user chose; System follows the platform's preference (the browser's prefers-color-scheme).
enum class ThemeChoice { System, Light, Dark };

// "system", "light", "dark": the spelling kept as the "theme" preference.
const char* to_string(ThemeChoice choice);
// Reads that spelling; anything else is System.
ThemeChoice theme_choice_from(std::string_view text);

// The colours the windows use beyond ImGui's own, for the theme in force. Each text colour has a contrast of
// at least 4.5:1 against the window background (WCAG 2.1 §1.4.3), checked in style.cpp beside the values.
struct ThemePalette {
  bool dark = false;      // the dark theme is in force
  ImVec4 negative;        // negative amounts (credits, refunds)
  ImVec4 overdue;         // days past due, overdue amounts
  ImVec4 problem;         // error messages
  ImVec4 done;            // confirmations
  ImVec4 warning;         // warnings (an unknown placeholder)
  ImVec4 accent;          // chart bars, highlights
  ImVec4 chart_grid;      // chart axes and grid lines
  ImVec4 confirm_button;  // a button armed to confirm
};

// Loads the UI font at `pixel_size` from `ttf_path` with the glyphs Duebook shows (Latin, accented names,
// currency signs), merging in the icon glyphs of icons.h from `icon_ttf_path` when given and readable; falls
// back to ImGui's built-in font when the text font cannot be read.
void load_fonts(const char* ttf_path, float pixel_size, const char* icon_ttf_path = nullptr);
// Applies the light or the dark theme's colours and spacing at `scale` (device pixels per UI pixel); the
// scale is remembered for later theme changes.
void apply_style(float scale, bool dark = false);
// Switches to the light or dark theme at the scale last applied (at once: the next item drawn uses it).
void apply_theme(bool dark);
// The palette of the theme in force.
const ThemePalette& palette();

}  // namespace duebook::ui

// Duebook's look: the UI font and the colours and spacing of every window.
#pragma once

namespace duebook::ui {

// Loads the UI font at `pixel_size` from `ttf_path` with the glyphs Duebook shows (Latin, accented names,
// currency signs); falls back to ImGui's built-in font when the file cannot be read.
void load_fonts(const char* ttf_path, float pixel_size);
// Duebook's colours and spacing.
void apply_style(float scale);

}  // namespace duebook::ui

// The keyboard as ImGui 1.86 reads it in the browser (keys_web.cpp).
#pragma once

#include <imgui.h>

namespace duebook::web {

// Maps the keys ImGui needs to their DOM keyCode (io.KeysDown is indexed by keyCode).
void map_keys(ImGuiIO& io);

// Decodes one UTF-8 code point when `s` holds exactly one; else 0.
unsigned single_code_point(const char* s);

}  // namespace duebook::web

// The keyboard as ImGui 1.86 reads it in the browser: DOM key codes and typed characters (keys_web.h).
#include "keys_web.h"

#include <cstring>

namespace duebook::web {

// DOM keyCode of the keys ImGui 1.86 needs mapped (io.KeysDown is indexed by keyCode).
void map_keys(ImGuiIO& io) {
  const struct {
    ImGuiKey key;
    int code;
  } map[] = {{ImGuiKey_Tab, 9},         {ImGuiKey_LeftArrow, 37},
             {ImGuiKey_RightArrow, 39}, {ImGuiKey_UpArrow, 38},
             {ImGuiKey_DownArrow, 40},  {ImGuiKey_PageUp, 33},
             {ImGuiKey_PageDown, 34},   {ImGuiKey_Home, 36},
             {ImGuiKey_End, 35},        {ImGuiKey_Insert, 45},
             {ImGuiKey_Delete, 46},     {ImGuiKey_Backspace, 8},
             {ImGuiKey_Space, 32},      {ImGuiKey_Enter, 13},
             {ImGuiKey_Escape, 27},     {ImGuiKey_KeyPadEnter, 13},
             {ImGuiKey_A, 65},          {ImGuiKey_C, 67},
             {ImGuiKey_V, 86},          {ImGuiKey_X, 88},
             {ImGuiKey_Y, 89},          {ImGuiKey_Z, 90}};
  for (const auto& m : map) io.KeyMap[m.key] = m.code;
}

// Decodes one UTF-8 code point when `s` holds exactly one; else 0.
unsigned single_code_point(const char* s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s);
  unsigned c = p[0];
  int len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
  if (len == 0 || std::strlen(s) != size_t(len)) return 0;
  if (len == 1) return c;
  unsigned cp = c & (0x7F >> len);
  for (int i = 1; i < len; ++i) cp = (cp << 6) | (p[i] & 0x3F);
  return cp;
}

}  // namespace duebook::web

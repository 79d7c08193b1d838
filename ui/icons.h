// The icons the workbench shows, from Material Design Icons (Debian's fonts-material-design-icons-iconfont,
// MaterialIcons-Regular.ttf): each a UTF-8 string to put before a label ("" ICON_SAVE " Save"). Only these
// glyphs are merged into the font atlas (icon_glyph_ranges), and only they are packed into the web build.
#pragma once

#include <imgui.h>

#define ICON_DASHBOARD "\xee\xa1\xb1"  // U+E871
#define ICON_TODAY "\xee\xa3\x9f"      // U+E8DF
#define ICON_CUSTOMERS "\xee\x9f\xaf"  // U+E7EF
#define ICON_INVOICES "\xee\xa2\xb0"   // U+E8B0
#define ICON_PAYMENTS "\xee\xa2\xa1"   // U+E8A1
#define ICON_HISTORY "\xee\xa2\x89"    // U+E889
#define ICON_SETTINGS "\xee\xa2\xb8"   // U+E8B8
#define ICON_POLICY "\xef\x87\x82"     // U+F1C2
#define ICON_TEMPLATE "\xee\x85\x98"   // U+E158
#define ICON_THEME "\xee\x90\x8a"      // U+E40A
#define ICON_SAVE "\xee\x85\xa1"       // U+E161
#define ICON_ADD "\xee\x85\x85"        // U+E145
#define ICON_DELETE "\xee\xa1\xb2"     // U+E872
#define ICON_UP "\xee\x97\x98"         // U+E5D8
#define ICON_DOWN "\xee\x97\x9b"       // U+E5DB
#define ICON_SEARCH "\xee\xa2\xb6"     // U+E8B6
#define ICON_RESET "\xef\x81\x93"      // U+F053
#define ICON_PERSON "\xee\x9f\xbd"     // U+E7FD
#define ICON_DOCUMENT "\xee\xa1\xb3"   // U+E873
#define ICON_REPORTS "\xee\xa1\x9c"    // U+E85C
#define ICON_COLLECT "\xee\x88\xa7"    // U+E227

namespace duebook::ui {

// The code points above as ImGui glyph ranges (pairs, zero-terminated), for merging into the UI font.
const ImWchar* icon_glyph_ranges();
// The same list as "U+E871,U+E8DF,..." for the font subsetter (kept in step with the web build's subset).
inline constexpr const char* kIconUnicodes =
    "U+E145,U+E158,U+E161,U+E227,U+E40A,U+E5D8,U+E5DB,U+E7EF,U+E7FD,U+E85C,U+E871,U+E872,U+E873,U+E889,U+"
    "E8A1,U+E8B0,U+E8B6,U+E8B8,U+E8DF,U+F053,U+F1C2";

}  // namespace duebook::ui

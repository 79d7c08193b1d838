// Small text helpers shared by every layer: trimming, ASCII case, problem messages.
#pragma once

#include <string>
#include <string_view>

#include "base/result.h"

namespace duebook {

// `text` without leading and trailing blanks (spaces, tabs, CR, LF), as a view into it.
std::string_view trim_view(std::string_view text);

// `text` in double quotes, for a message that quotes what it read: "abc" (inner quotes are not escaped).
std::string quoted(std::string_view text);

// `text` without leading and trailing blanks (spaces, tabs, CR, LF).
std::string trimmed(std::string_view text);

// The messages of `problems` joined by "; ", without their field names (for a problem re-filed under another
// field).
std::string messages_of(const Problems& problems);

// ASCII letters lower-cased; other bytes (UTF-8) unchanged.
std::string lower_ascii(std::string_view text);

}  // namespace duebook

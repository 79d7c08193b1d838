// Small text helpers shared by every layer: trimming, ASCII case, problem messages.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

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

// `pattern` with each "%<key>" replaced by its value, in order of the pairs: fill("Pay %a by %d.", {{'a',
// "EUR 5.00"}, {'d', "2026-12-31"}}) is "Pay EUR 5.00 by 2026-12-31.". A key the pattern lacks is ignored.
// The printed documents' and the statement lines' word tables are written as such patterns, so that each
// language puts the figures where its grammar wants them.
std::string fill(const char* pattern, std::initializer_list<std::pair<char, std::string>> values);

// ASCII letters lower-cased; other bytes (UTF-8) unchanged.
std::string lower_ascii(std::string_view text);

// `text` (UTF-8) with every kind of blank made one plain space: no-break spaces (U+00A0, U+202F), the Unicode
// spaces U+1680, U+2000..U+200A, U+205F, U+3000, tabs and line ends become ' ', zero-width characters
// (U+200B, U+2060, U+FEFF) are dropped, runs of spaces collapse to one, and the ends are trimmed. Two names a
// reader cannot tell apart on screen give the same result. Bytes that are not UTF-8 are kept as they are.
std::string normalize_blanks(std::string_view text);

// The first control character in `text` (UTF-8): C0 (U+0000..U+001F) except those in `allowed`, DEL (U+007F)
// and C1 (U+0080..U+009F). Returns its byte offset and code point, or nullopt when there is none.
struct ControlChar {
  size_t offset = 0;  // byte offset in the text
  uint32_t code = 0;  // the code point
};
std::optional<ControlChar> find_control(std::string_view text, std::string_view allowed = "");

// "U+0000": how a message names a code point.
std::string code_point_name(uint32_t code);

// `text` with control characters shown instead of obeyed, for a terminal or a fixed-width table: "\n", "\t",
// "\r" and "\x1b"-style escapes (C1 as "\u0085"); returns the text unchanged when it has none.
std::string escape_controls(std::string_view text);

}  // namespace duebook

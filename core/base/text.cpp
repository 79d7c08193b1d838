// Small text helpers shared by every layer.
#include "base/text.h"

#include <cstdio>
#include <utility>

namespace duebook {

std::string_view trim_view(std::string_view s) {
  size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return {};
  size_t e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}

std::string quoted(std::string_view text) {
  return "\"" + std::string(text) + "\"";
}

std::string trimmed(std::string_view s) {
  return std::string(trim_view(s));
}

std::string messages_of(const Problems& problems) {
  std::string out;
  for (const Problem& p : problems) out += (out.empty() ? "" : "; ") + p.message;
  return out;
}

std::string lower_ascii(std::string_view text) {
  std::string out(text);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
  return out;
}

namespace {

// The code point at `s[i]` and its length in bytes when it is a well-formed 2- or 3-byte UTF-8 sequence;
// {0, 1} otherwise (ASCII and anything else are handled byte by byte).
std::pair<uint32_t, size_t> decode_at(std::string_view s, size_t i) {
  const unsigned char c = static_cast<unsigned char>(s[i]);
  auto cont = [&](size_t k) {
    return i + k < s.size() && (static_cast<unsigned char>(s[i + k]) & 0xC0) == 0x80;
  };
  if (c >= 0xC2 && c <= 0xDF && cont(1))
    return {uint32_t(c & 0x1F) << 6 | (static_cast<unsigned char>(s[i + 1]) & 0x3F), 2};
  if (c >= 0xE0 && c <= 0xEF && cont(1) && cont(2))
    return {uint32_t(c & 0x0F) << 12 | uint32_t(static_cast<unsigned char>(s[i + 1]) & 0x3F) << 6 |
                (static_cast<unsigned char>(s[i + 2]) & 0x3F),
            3};
  return {0, 1};
}

bool is_unicode_space(uint32_t cp) {
  return cp == 0x00A0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F || cp == 0x205F ||
         cp == 0x3000;
}

bool is_zero_width(uint32_t cp) {
  return cp == 0x200B || cp == 0x2060 || cp == 0xFEFF;
}

}  // namespace

std::string normalize_blanks(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  for (size_t i = 0; i < text.size();) {
    const char c = text[i];
    auto [cp, len] = decode_at(text, i);
    const bool blank = c == ' ' || c == '\t' || c == '\r' || c == '\n' || is_unicode_space(cp);
    if (blank || is_zero_width(cp)) {
      pending_space = pending_space || blank;
      i += len;
      continue;
    }
    if (pending_space && !out.empty()) out += ' ';
    pending_space = false;
    out.append(text.substr(i, len));
    i += len;
  }
  return out;
}

std::optional<ControlChar> find_control(std::string_view text, std::string_view allowed) {
  for (size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if ((c < 0x20 || c == 0x7F) && allowed.find(char(c)) == std::string_view::npos) return ControlChar{i, c};
    if (c == 0xC2 && i + 1 < text.size()) {
      const unsigned char next = static_cast<unsigned char>(text[i + 1]);
      if (next >= 0x80 && next <= 0x9F) return ControlChar{i, next};
    }
  }
  return std::nullopt;
}

std::string code_point_name(uint32_t code) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "U+%04X", unsigned(code));
  return buf;
}

std::string escape_controls(std::string_view text) {
  if (!find_control(text)) return std::string(text);
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    char buf[8];
    if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c < 0x20 || c == 0x7F) {
      std::snprintf(buf, sizeof buf, "\\x%02x", unsigned(c));
      out += buf;
    } else if (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
               static_cast<unsigned char>(text[i + 1]) <= 0x9F) {
      std::snprintf(buf, sizeof buf, "\\u%04x", unsigned(static_cast<unsigned char>(text[++i])));
      out += buf;
    } else {
      out += char(c);
    }
  }
  return out;
}

std::string fill(const char* pattern, std::initializer_list<std::pair<char, std::string>> values) {
  std::string out;
  for (const char* p = pattern; *p; ++p) {
    if (*p == '%' && p[1]) {
      bool replaced = false;
      for (const auto& [key, value] : values)
        if (p[1] == key) {
          out += value;
          replaced = true;
          break;
        }
      if (replaced) {
        ++p;
        continue;
      }
    }
    out.push_back(*p);
  }
  return out;
}

}  // namespace duebook

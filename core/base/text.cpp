// Small text helpers shared by every layer.
#include "base/text.h"

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

}  // namespace duebook

// Base64 (RFC 4648 §4, the standard alphabet with '=' padding): binary data written as text, e.g. the
// company's logo inside an event's JSON payload.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace duebook {

// `bytes` in base64, padded to a multiple of four characters ("" for "").
std::string base64_encode(std::string_view bytes);

// The bytes `text` encodes, or nullopt when it is not base64: a length not a multiple of four, a character
// outside the alphabet, or padding anywhere but at the end. No whitespace is allowed.
std::optional<std::string> base64_decode(std::string_view text);

}  // namespace duebook

// SHA-256 (FIPS 180-4), used to chain the event log so any edit of a stored event is detected.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace duebook {

class Sha256 {
 public:
  Sha256();
  void update(std::string_view bytes);
  std::array<uint8_t, 32> finish();  // the object must not be updated after finish()

 private:
  void block(const uint8_t* p);
  uint32_t h_[8];
  uint8_t buf_[64];
  size_t buf_len_ = 0;
  uint64_t total_ = 0;
};

// Lower-case hex digest of `bytes`.
std::string sha256_hex(std::string_view bytes);

}  // namespace duebook

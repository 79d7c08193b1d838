// SHA-256 (FIPS 180-4), used to chain the event log so any edit of a stored event is detected.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace duebook {

class Sha256 {
 public:
  // Best: the CPU's SHA instructions when it has them (x86-64 SHA extensions, about 4x faster: an import
  // hashes its file and every event it writes), else portable C++. Portable: always the portable code (for
  // tests).
  enum class Engine { Best, Portable };
  explicit Sha256(Engine engine = Engine::Best);
  void update(std::string_view bytes);
  std::array<uint8_t, 32> finish();  // the object must not be updated after finish()
  std::string finish_hex();          // finish(), in lower-case hex

  // True when Engine::Best uses the CPU's SHA instructions on this machine.
  static bool hardware();

 private:
  void blocks(const uint8_t* p, size_t count);  // `count` 64-byte blocks
  void block(const uint8_t* p);
  bool hardware_ = false;
  uint32_t h_[8];
  uint8_t buf_[64];
  size_t buf_len_ = 0;
  uint64_t total_ = 0;
};

// Lower-case hex digest of `bytes`.
std::string sha256_hex(std::string_view bytes);

}  // namespace duebook

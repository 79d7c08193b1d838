// Deterministic pseudo-random numbers for ids, demo data and tests: the same seed gives the same numbers on
// every platform (std:: distributions are not specified exactly).
#pragma once

#include <cstdint>

namespace duebook {

// SplitMix64 (Steele, Lea and Flood, "Fast splittable pseudorandom number generators", OOPSLA 2014): small,
// fast, every 64-bit state a valid one. Not for secrets.
struct SplitMix64 {
  uint64_t state = 0;  // advanced by every draw

  // The next 64 random bits.
  uint64_t next();
  // 0..n-1 (0 when n <= 0).
  int64_t below(int64_t n);
  // lo..hi, both included (hi >= lo).
  int64_t between(int64_t lo, int64_t hi);
  // True `percent` times in a hundred.
  bool chance(int percent);
};

}  // namespace duebook

#include "base/random.h"

namespace duebook {

uint64_t SplitMix64::next() {
  uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

int64_t SplitMix64::below(int64_t n) {
  return n <= 0 ? 0 : int64_t(next() % uint64_t(n));
}

int64_t SplitMix64::between(int64_t lo, int64_t hi) {
  return lo + below(hi - lo + 1);
}

bool SplitMix64::chance(int percent) {
  return below(100) < percent;
}

}  // namespace duebook

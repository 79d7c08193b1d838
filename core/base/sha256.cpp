#include "base/sha256.h"

#include <cstring>

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__)) && !defined(__EMSCRIPTEN__)
#define DUEBOOK_SHA_NI 1
#include <cpuid.h>
#include <immintrin.h>
#endif

namespace duebook {
namespace {

constexpr uint32_t kRound[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};

// A macro, not a function: debug builds do not inline, and the event log hashes every event it appends.
#define DUEBOOK_ROTR(x, n) (((x) >> (n)) | ((x) << (32 - (n))))

}  // namespace

#ifdef DUEBOOK_SHA_NI
namespace {

// `count` blocks with the SHA extensions (Intel's "SHA Extensions" paper, 2013): four rounds per pair of
// sha256rnds2, the message schedule with sha256msg1/msg2 four words at a time. The state is kept as ABEF and
// CDGH.
__attribute__((target("sha,sse4.1"))) void blocks_sha_ni(uint32_t h[8], const uint8_t* p, size_t count) {
  const __m128i byte_swap = _mm_set_epi64x(0x0c0d0e0f08090a0bLL, 0x0405060700010203LL);
  __m128i tmp = _mm_shuffle_epi32(_mm_loadu_si128(reinterpret_cast<const __m128i*>(h)), 0xB1);         // CDAB
  __m128i state1 = _mm_shuffle_epi32(_mm_loadu_si128(reinterpret_cast<const __m128i*>(h + 4)), 0x1B);  // EFGH
  __m128i state0 = _mm_alignr_epi8(tmp, state1, 8);                                                    // ABEF
  state1 = _mm_blend_epi16(state1, tmp, 0xF0);                                                         // CDGH
  for (; count > 0; --count, p += 64) {
    const __m128i abef = state0, cdgh = state1;
    __m128i w[4];
    for (int i = 0; i < 4; ++i)
      w[i] = _mm_shuffle_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 16 * i)), byte_swap);
    for (int i = 0; i < 16; ++i) {  // rounds 4i .. 4i + 3; w[i & 3] holds their message words
      __m128i& cur = w[i & 3];
      __m128i& prev = w[(i + 3) & 3];
      __m128i& next = w[(i + 1) & 3];
      __m128i msg = _mm_add_epi32(cur, _mm_loadu_si128(reinterpret_cast<const __m128i*>(kRound + 4 * i)));
      state1 = _mm_sha256rnds2_epu32(state1, state0, msg);
      if (i >= 3 &&
          i <= 14) {  // finish words 4(i+1) .. 4(i+1) + 3 in `next` (started by msg1 three steps ago)
        next = _mm_add_epi32(next, _mm_alignr_epi8(cur, prev, 4));
        next = _mm_sha256msg2_epu32(next, cur);
      }
      state0 = _mm_sha256rnds2_epu32(state0, state1, _mm_shuffle_epi32(msg, 0x0E));
      if (i >= 1 && i <= 12) prev = _mm_sha256msg1_epu32(prev, cur);  // start words 4(i+3) .. in `prev`
    }
    state0 = _mm_add_epi32(state0, abef);
    state1 = _mm_add_epi32(state1, cdgh);
  }
  tmp = _mm_shuffle_epi32(state0, 0x1B);        // FEBA
  state1 = _mm_shuffle_epi32(state1, 0xB1);     // DCHG
  state0 = _mm_blend_epi16(tmp, state1, 0xF0);  // DCBA
  state1 = _mm_alignr_epi8(state1, tmp, 8);     // ABEF
  _mm_storeu_si128(reinterpret_cast<__m128i*>(h), state0);
  _mm_storeu_si128(reinterpret_cast<__m128i*>(h + 4), state1);
}

}  // namespace

bool Sha256::hardware() {
  // CPUID directly (leaf 7 EBX bit 29: SHA; leaf 1 ECX bit 19: SSE4.1): clang 14's __builtin_cpu_supports
  // does not know "sha".
  static const bool has = [] {
    unsigned a = 0, b = 0, c = 0, d = 0;
    if (!__get_cpuid(1, &a, &b, &c, &d) || !(c & (1u << 19))) return false;
    return __get_cpuid_count(7, 0, &a, &b, &c, &d) && (b & (1u << 29));
  }();
  return has;
}
#else
bool Sha256::hardware() {
  return false;
}
#endif

Sha256::Sha256(Engine engine)
    : hardware_(engine == Engine::Best && hardware()), h_{0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                                                          0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19} {}

void Sha256::blocks(const uint8_t* p, size_t count) {
#ifdef DUEBOOK_SHA_NI
  if (hardware_) {
    blocks_sha_ni(h_, p, count);
    return;
  }
#endif
  for (; count > 0; --count, p += 64) block(p);
}

// One 64-byte block (FIPS 180-4 section 6.2.2). The rounds are written out eight at a time with the working
// variables renamed instead of shifted, and the message schedule is computed as it is consumed, which roughly
// halves the time per block against the textbook loop; the event log hashes every event it appends.
void Sha256::block(const uint8_t* p) {
  uint32_t w[16];
  for (int i = 0; i < 16; ++i)
    w[i] =
        uint32_t(p[4 * i]) << 24 | uint32_t(p[4 * i + 1]) << 16 | uint32_t(p[4 * i + 2]) << 8 | p[4 * i + 3];
  uint32_t a = h_[0], b = h_[1], c = h_[2], d = h_[3], e = h_[4], f = h_[5], g = h_[6], h = h_[7];
#define DUEBOOK_SHA_ROUND(a, b, c, d, e, f, g, h, i, wi)                                              \
  do {                                                                                                \
    uint32_t t1 = h + (DUEBOOK_ROTR(e, 6) ^ DUEBOOK_ROTR(e, 11) ^ DUEBOOK_ROTR(e, 25)) +              \
                  (g ^ (e & (f ^ g))) + kRound[i] + (wi);                                             \
    uint32_t t2 =                                                                                     \
        (DUEBOOK_ROTR(a, 2) ^ DUEBOOK_ROTR(a, 13) ^ DUEBOOK_ROTR(a, 22)) + ((a & b) | (c & (a | b))); \
    d += t1;                                                                                          \
    h = t1 + t2;                                                                                      \
  } while (0)
  for (int i = 0; i < 64; i += 8) {
    // Schedule words i..i+7 into w[(i + k) & 15]; each overwrites word i + k - 16, whose round is done.
    if (i >= 16)
      for (int j = i; j < i + 8; ++j) {
        uint32_t w15 = w[(j - 15) & 15], w2 = w[(j - 2) & 15];
        w[j & 15] += (DUEBOOK_ROTR(w15, 7) ^ DUEBOOK_ROTR(w15, 18) ^ (w15 >> 3)) + w[(j - 7) & 15] +
                     (DUEBOOK_ROTR(w2, 17) ^ DUEBOOK_ROTR(w2, 19) ^ (w2 >> 10));
      }
    const int k = i & 15;
    DUEBOOK_SHA_ROUND(a, b, c, d, e, f, g, h, i, w[k]);
    DUEBOOK_SHA_ROUND(h, a, b, c, d, e, f, g, i + 1, w[k + 1]);
    DUEBOOK_SHA_ROUND(g, h, a, b, c, d, e, f, i + 2, w[k + 2]);
    DUEBOOK_SHA_ROUND(f, g, h, a, b, c, d, e, i + 3, w[k + 3]);
    DUEBOOK_SHA_ROUND(e, f, g, h, a, b, c, d, i + 4, w[k + 4]);
    DUEBOOK_SHA_ROUND(d, e, f, g, h, a, b, c, i + 5, w[k + 5]);
    DUEBOOK_SHA_ROUND(c, d, e, f, g, h, a, b, i + 6, w[k + 6]);
    DUEBOOK_SHA_ROUND(b, c, d, e, f, g, h, a, i + 7, w[k + 7]);
  }
#undef DUEBOOK_SHA_ROUND
  h_[0] += a;
  h_[1] += b;
  h_[2] += c;
  h_[3] += d;
  h_[4] += e;
  h_[5] += f;
  h_[6] += g;
  h_[7] += h;
}

void Sha256::update(std::string_view bytes) {
  auto* p = reinterpret_cast<const uint8_t*>(bytes.data());
  size_t n = bytes.size();
  total_ += n;
  if (buf_len_ > 0) {  // top up a partial block first
    size_t take = std::min(n, sizeof buf_ - buf_len_);
    std::memcpy(buf_ + buf_len_, p, take);
    buf_len_ += take;
    p += take;
    n -= take;
    if (buf_len_ < 64) return;
    blocks(buf_, 1);
    buf_len_ = 0;
  }
  blocks(p, n / 64);  // whole blocks straight from the input
  p += n / 64 * 64;
  n %= 64;
  std::memcpy(buf_, p, n);
  buf_len_ = n;
}

std::array<uint8_t, 32> Sha256::finish() {
  uint64_t bits = total_ * 8;
  uint8_t pad = 0x80;
  update(std::string_view(reinterpret_cast<const char*>(&pad), 1));
  uint8_t zero = 0;
  while (buf_len_ != 56) update(std::string_view(reinterpret_cast<const char*>(&zero), 1));
  uint8_t len[8];
  for (int i = 0; i < 8; ++i) len[i] = uint8_t(bits >> (56 - 8 * i));
  update(std::string_view(reinterpret_cast<const char*>(len), 8));
  std::array<uint8_t, 32> out{};
  for (int i = 0; i < 8; ++i)
    for (int j = 0; j < 4; ++j) out[4 * i + j] = uint8_t(h_[i] >> (24 - 8 * j));
  return out;
}

std::string Sha256::finish_hex() {
  static const char* hex = "0123456789abcdef";
  std::string out;
  for (uint8_t b : finish()) {
    out += hex[b >> 4];
    out += hex[b & 15];
  }
  return out;
}

std::string sha256_hex(std::string_view bytes) {
  Sha256 s;
  s.update(bytes);
  return s.finish_hex();
}

}  // namespace duebook

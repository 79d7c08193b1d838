#include "base/raster_image.h"

#include <zlib.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <optional>

namespace duebook {

namespace {

constexpr std::string_view kPngSignature("\x89PNG\r\n\x1a\n", 8);

Problem bad(const std::string& why) {
  return Problem{"image", why};
}

uint32_t be32(std::string_view b, size_t at) {
  return uint32_t(uint8_t(b[at])) << 24 | uint32_t(uint8_t(b[at + 1])) << 16 |
         uint32_t(uint8_t(b[at + 2])) << 8 | uint32_t(uint8_t(b[at + 3]));
}

uint32_t be16(std::string_view b, size_t at) {
  return uint32_t(uint8_t(b[at])) << 8 | uint32_t(uint8_t(b[at + 1]));
}

std::optional<Problem> size_problem(uint32_t width, uint32_t height) {
  if (width == 0 || height == 0) return bad("the picture has no pixels");
  if (width > uint32_t(kMaxImageSide) || height > uint32_t(kMaxImageSide))
    return bad("the picture is " + std::to_string(width) + " × " + std::to_string(height) +
               " pixels; at most " + std::to_string(kMaxImageSide) + " on a side");
  return std::nullopt;
}

// JPEG: the walk of markers up to the frame header, as a PDF writer reads it (ITU T.81 §B.1.1.2-B.2.2).
Result<RasterImage> read_jpeg(std::string_view b) {
  size_t at = 2;
  for (;;) {
    if (at + 4 > b.size()) return bad("the JPEG file ends before its frame header (damaged)");
    if (uint8_t(b[at]) != 0xFF)
      return bad("the JPEG file is damaged (no marker at byte " + std::to_string(at) + ")");
    const uint8_t marker = uint8_t(b[at + 1]);
    if (marker == 0xDA || marker == 0xD9) return bad("the JPEG file has no frame header (damaged)");
    const uint32_t length = be16(b, at + 2);
    if (length < 2)
      return bad("the JPEG file is damaged (a segment of length " + std::to_string(length) + ")");
    if (marker == 0xC0 || marker == 0xC1 || marker == 0xC2) {
      if (at + 10 > b.size()) return bad("the JPEG file ends inside its frame header (damaged)");
      const int precision = uint8_t(b[at + 4]);
      const uint32_t height = be16(b, at + 5), width = be16(b, at + 7);
      const int components = uint8_t(b[at + 9]);
      if (precision != 8)
        return bad("the JPEG has " + std::to_string(precision) + "-bit samples; only 8-bit is read");
      if (components == 4) return bad("the JPEG is in CMYK; save it in RGB");
      if (components != 1 && components != 3)
        return bad("the JPEG has " + std::to_string(components) +
                   " colour components; 1 (grey) or 3 (colour)");
      if (std::optional<Problem> p = size_problem(width, height)) return *p;
      RasterImage image;
      image.format = RasterImage::Format::Jpeg;
      image.width = int(width);
      image.height = int(height);
      image.channels = components;
      image.jpeg = std::string(b);
      return image;
    }
    if (marker >= 0xC3 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC)
      return bad(
          "the JPEG is lossless, hierarchical or arithmetic-coded; save it as a baseline JPEG or a PNG");
    at += 2 + length;
  }
}

// PNG's Paeth predictor (PNG specification §9.4).
uint8_t paeth(int a, int b, int c) {
  const int p = a + b - c, pa = std::abs(p - a), pb = std::abs(p - b), pc = std::abs(p - c);
  if (pa <= pb && pa <= pc) return uint8_t(a);
  return uint8_t(pb <= pc ? b : c);
}

struct PngHeader {
  uint32_t width = 0, height = 0;
  int depth = 0, type = 0;
};

// Samples per pixel of a colour type (§6.1): 0 grey, 2 RGB, 3 palette index, 4 grey + alpha, 6 RGBA.
int samples_of(int type) {
  switch (type) {
    case 0:
      return 1;
    case 2:
      return 3;
    case 3:
      return 1;
    case 4:
      return 2;
    case 6:
      return 4;
    default:
      return 0;
  }
}

bool depth_allowed(int type, int depth) {  // §11.2.2, table 11.1
  switch (type) {
    case 0:
      return depth == 1 || depth == 2 || depth == 4 || depth == 8 || depth == 16;
    case 3:
      return depth == 1 || depth == 2 || depth == 4 || depth == 8;
    case 2:
    case 4:
    case 6:
      return depth == 8 || depth == 16;
    default:
      return false;
  }
}

Result<RasterImage> read_png(std::string_view b) {
  PngHeader h;
  std::string idat, palette, trns;
  bool ended = false;
  size_t at = kPngSignature.size();
  for (bool first = true; !ended; first = false) {
    if (at + 12 > b.size()) return bad("the PNG file ends early (damaged; no IEND chunk)");
    const uint32_t length = be32(b, at);
    if (length > b.size() - at - 12) return bad("the PNG file ends inside a chunk (damaged)");
    const std::string_view type = b.substr(at + 4, 4), data = b.substr(at + 8, length);
    const uLong crc =
        crc32(crc32(0L, Z_NULL, 0), reinterpret_cast<const Bytef*>(b.data() + at + 4), uInt(length + 4));
    if (crc != be32(b, at + 8 + length))
      return bad("the PNG file is damaged (chunk " + std::string(type) + " fails its CRC check)");
    if (first != (type == "IHDR")) return bad("the PNG file does not start with its header chunk (damaged)");
    if (type == "IHDR") {
      if (length != 13) return bad("the PNG header chunk has the wrong length (damaged)");
      h.width = be32(data, 0);
      h.height = be32(data, 4);
      h.depth = uint8_t(data[8]);
      h.type = uint8_t(data[9]);
      if (!depth_allowed(h.type, h.depth))
        return bad("the PNG has colour type " + std::to_string(h.type) + " at " + std::to_string(h.depth) +
                   " bits, which the PNG specification does not allow");
      if (data[10] != 0 || data[11] != 0) return bad("the PNG uses an unknown compression or filter method");
      if (data[12] != 0) return bad("the PNG is interlaced; save it without interlacing");
      if (std::optional<Problem> p = size_problem(h.width, h.height)) return *p;
    } else if (type == "PLTE") {
      palette = std::string(data);
    } else if (type == "tRNS") {
      trns = std::string(data);
    } else if (type == "IDAT") {
      idat += data;
    } else if (type == "IEND") {
      ended = true;
    } else if ((uint8_t(type[0]) & 0x20) == 0) {
      return bad("the PNG has a critical chunk " + std::string(type) + " this reader does not know");
    }
    at += 12 + length;
  }
  if (h.type == 3 && (palette.empty() || palette.size() % 3 != 0))
    return bad("the PNG has a palette colour type but no valid palette (damaged)");
  if (idat.empty()) return bad("the PNG has no image data (damaged)");

  const int samples = samples_of(h.type);
  const size_t bits_per_pixel = size_t(samples) * size_t(h.depth);
  const size_t stride = (size_t(h.width) * bits_per_pixel + 7) / 8;
  const size_t bpp = std::max<size_t>(1, bits_per_pixel / 8);  // filter distance in bytes (§9.2)
  std::string raw((stride + 1) * h.height, '\0');
  uLongf raw_size = uLongf(raw.size());
  const int z = uncompress(reinterpret_cast<Bytef*>(raw.data()), &raw_size,
                           reinterpret_cast<const Bytef*>(idat.data()), uLong(idat.size()));
  if (z != Z_OK || raw_size != raw.size())
    return bad("the PNG's image data does not inflate to its " + std::to_string(h.height) +
               " rows (damaged)");

  // Undo each row's filter (§9.2) in place.
  std::string rows(stride * h.height, '\0');
  for (uint32_t y = 0; y < h.height; ++y) {
    const uint8_t filter = uint8_t(raw[y * (stride + 1)]);
    const uint8_t* in = reinterpret_cast<const uint8_t*>(raw.data()) + y * (stride + 1) + 1;
    uint8_t* out = reinterpret_cast<uint8_t*>(rows.data()) + y * stride;
    const uint8_t* up = y > 0 ? out - stride : nullptr;
    if (filter > 4) return bad("the PNG's row " + std::to_string(y + 1) + " has an unknown filter (damaged)");
    for (size_t i = 0; i < stride; ++i) {
      const int a = i >= bpp ? out[i - bpp] : 0, u = up ? up[i] : 0, c = (up && i >= bpp) ? up[i - bpp] : 0;
      int v = in[i];
      switch (filter) {
        case 1:
          v += a;
          break;
        case 2:
          v += u;
          break;
        case 3:
          v += (a + u) / 2;
          break;
        case 4:
          v += paeth(a, u, c);
          break;
        default:
          break;
      }
      out[i] = uint8_t(v);
    }
  }

  RasterImage image;
  image.width = int(h.width);
  image.height = int(h.height);
  image.channels = (h.type == 2 || h.type == 3 || h.type == 6) ? 3 : 1;
  const size_t count = size_t(h.width) * h.height;
  image.pixels.resize(count * size_t(image.channels));
  std::string alpha(count, '\xFF');
  bool transparent = false;
  const int max_sample = (1 << std::min(h.depth, 8)) - 1;
  // Sample k of pixel x in row `row`, reduced to 8 bits (16-bit: the high byte; 1-4 bits: scaled up).
  auto sample = [&](const uint8_t* row, size_t x, int k) -> int {
    const size_t index = x * size_t(samples) + size_t(k);
    if (h.depth == 8) return row[index];
    if (h.depth == 16) return row[index * 2];
    const size_t bit = index * size_t(h.depth);
    const int v = (row[bit / 8] >> (8 - h.depth - int(bit % 8))) & max_sample;
    return h.type == 3 ? v : v * 255 / max_sample;
  };
  // The full-depth value of sample k (for comparing with tRNS, §11.3.2.1).
  auto full = [&](const uint8_t* row, size_t x, int k) -> uint32_t {
    const size_t index = x * size_t(samples) + size_t(k);
    if (h.depth == 16) return be16(std::string_view(reinterpret_cast<const char*>(row), stride), index * 2);
    if (h.depth == 8) return row[index];
    const size_t bit = index * size_t(h.depth);
    return uint32_t((row[bit / 8] >> (8 - h.depth - int(bit % 8))) & max_sample);
  };
  const size_t colours = palette.size() / 3;
  for (uint32_t y = 0; y < h.height; ++y) {
    const uint8_t* row = reinterpret_cast<const uint8_t*>(rows.data()) + y * stride;
    for (size_t x = 0; x < h.width; ++x) {
      const size_t p = size_t(y) * h.width + x;
      uint8_t* px = reinterpret_cast<uint8_t*>(image.pixels.data()) + p * size_t(image.channels);
      uint8_t a = 255;
      switch (h.type) {
        case 0:
          px[0] = uint8_t(sample(row, x, 0));
          if (trns.size() >= 2 && full(row, x, 0) == be16(trns, 0)) a = 0;
          break;
        case 2:
          for (int k = 0; k < 3; ++k) px[k] = uint8_t(sample(row, x, k));
          if (trns.size() >= 6 && full(row, x, 0) == be16(trns, 0) && full(row, x, 1) == be16(trns, 2) &&
              full(row, x, 2) == be16(trns, 4))
            a = 0;
          break;
        case 3: {
          const size_t index = size_t(sample(row, x, 0));
          if (index >= colours)
            return bad("the PNG uses colour " + std::to_string(index) + " of a " + std::to_string(colours) +
                       "-colour palette (damaged)");
          for (int k = 0; k < 3; ++k) px[k] = uint8_t(palette[index * 3 + size_t(k)]);
          if (index < trns.size()) a = uint8_t(trns[index]);
          break;
        }
        case 4:
          px[0] = uint8_t(sample(row, x, 0));
          a = uint8_t(sample(row, x, 1));
          break;
        case 6:
          for (int k = 0; k < 3; ++k) px[k] = uint8_t(sample(row, x, k));
          a = uint8_t(sample(row, x, 3));
          break;
        default:
          break;
      }
      alpha[p] = char(a);
      transparent |= a != 255;
    }
  }
  if (transparent) image.alpha = std::move(alpha);
  return image;
}

}  // namespace

std::string_view image_format_name(std::string_view bytes) {
  if (bytes.substr(0, kPngSignature.size()) == kPngSignature) return "PNG";
  if (bytes.size() >= 3 && uint8_t(bytes[0]) == 0xFF && uint8_t(bytes[1]) == 0xD8 &&
      uint8_t(bytes[2]) == 0xFF)
    return "JPEG";
  return {};
}

Result<RasterImage> read_image(std::string_view bytes) {
  const std::string_view format = image_format_name(bytes);
  if (format.empty()) return bad("not a PNG or JPEG picture");
  if (bytes.size() > kMaxImageBytes)
    return bad("the picture is " + std::to_string(bytes.size() / 1024) + " KB; at most " +
               std::to_string(kMaxImageBytes / 1024) + " KB");
  return format == "PNG" ? read_png(bytes) : read_jpeg(bytes);
}

}  // namespace duebook

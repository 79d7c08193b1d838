// The pictures a user hands the ledger (the company's logo): PNG (ISO/IEC 15948, the W3C PNG specification)
// decoded to 8-bit pixels with their transparency, and JPEG (ISO/IEC 10918-1, JFIF) checked and kept as it
// is, since a PDF embeds a JPEG's data unchanged (PDF 32000-1 §7.4.8, DCTDecode).
#pragma once

#include <string>
#include <string_view>

#include "base/result.h"

namespace duebook {

// A picture ready to be placed in a PDF.
struct RasterImage {
  enum class Format { Png, Jpeg };
  Format format = Format::Png;  // what the file was
  int width = 0;                // pixels
  int height = 0;               // pixels
  int channels = 0;             // colour channels: 1 (grey) or 3 (RGB)
  std::string pixels;           // PNG: width × height × channels bytes, rows top to bottom; JPEG: empty
  std::string alpha;  // PNG with any transparent pixel: width × height bytes (255 opaque); else empty
  std::string jpeg;   // JPEG: the file as given; PNG: empty
};

// The largest picture read, in pixels on a side, and the largest file, in bytes (a logo, not a photograph).
constexpr int kMaxImageSide = 4000;
constexpr size_t kMaxImageBytes = 512 * 1024;

// "PNG" or "JPEG" when `bytes` starts with that format's signature, else "".
std::string_view image_format_name(std::string_view bytes);

// Reads a PNG or JPEG picture. PNG: every colour type at every bit depth the specification allows (16-bit
// samples keep their high byte; a palette's and tRNS's transparency becomes the alpha), not interlaced, each
// chunk's CRC checked. JPEG: baseline, extended or progressive (SOF0, SOF1, SOF2), 8-bit, grey or YCbCr.
// Fails (field "image") saying why: not a PNG or JPEG file, larger than kMaxImageBytes or kMaxImageSide,
// damaged (a bad CRC, truncated data, compressed data that does not inflate to the rows), interlaced, a CMYK
// or arithmetic-coded JPEG.
Result<RasterImage> read_image(std::string_view bytes);

}  // namespace duebook

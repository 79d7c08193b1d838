// The company's logo: base64 (RFC 4648), the PNG and JPEG reader (the PNG specification, ITU T.81), the logo
// saved in the ledger (SetCompanyLogo: refused when unreadable, undone, rebuilt from the events) and placed
// on the documents' letterhead.
#include <doctest/doctest.h>
#include <zlib.h>

#include <string>
#include <vector>

#include "base/base64.h"
#include "base/raster_image.h"
#include "collections/company_logo.h"
#include "files/invoice_document.h"
#include "files/pdf_document.h"
#include "receivables_checks.h"
#include "test_support.h"

using namespace duebook;

namespace {

PdfFonts test_fonts() {
  return {DUEBOOK_TEST_FONT_DIR "/DejaVuSans.ttf", DUEBOOK_TEST_FONT_DIR "/DejaVuSans-Bold.ttf"};
}

void put32(std::string& out, uint32_t v) {
  for (int shift : {24, 16, 8, 0}) out += char((v >> shift) & 0xFF);
}

void chunk(std::string& out, const std::string& type, const std::string& data) {
  put32(out, uint32_t(data.size()));
  const std::string body = type + data;
  out += body;
  put32(out, uint32_t(crc32(crc32(0L, Z_NULL, 0), reinterpret_cast<const Bytef*>(body.data()),
                            uInt(body.size()))));
}

// A PNG of colour `type` at `depth` bits whose filtered rows (each starting with its filter byte) are `rows`.
std::string png(uint32_t width, uint32_t height, int type, int depth, const std::string& rows,
                const std::string& palette = {}, const std::string& trns = {}, int interlace = 0) {
  std::string out("\x89PNG\r\n\x1a\n", 8), header;
  put32(header, width);
  put32(header, height);
  header += char(depth);
  header += char(type);
  header += std::string(2, '\0');
  header += char(interlace);
  chunk(out, "IHDR", header);
  if (!palette.empty()) chunk(out, "PLTE", palette);
  if (!trns.empty()) chunk(out, "tRNS", trns);
  std::string packed(compressBound(uLong(rows.size())), '\0');
  uLongf size = uLongf(packed.size());
  REQUIRE(compress(reinterpret_cast<Bytef*>(packed.data()), &size,
                   reinterpret_cast<const Bytef*>(rows.data()), uLong(rows.size())) == Z_OK);
  packed.resize(size);
  chunk(out, "IDAT", packed);
  chunk(out, "IEND", "");
  return out;
}

std::string bytes(std::initializer_list<int> values) {
  std::string out;
  for (int v : values) out += char(v);
  return out;
}

// A JPEG's markers up to its frame header (SOF `marker`), enough for the reader and the PDF writer.
std::string jpeg(int marker, int width, int height, int components, int precision = 8) {
  std::string out = bytes({0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10});  // SOI, APP0 (JFIF) of 16 bytes
  out += std::string("JFIF\0", 5) + bytes({1, 1, 0, 0, 1, 0, 1, 0, 0});
  out += bytes({0xFF, marker, 0x00, 8 + 3 * components, precision, height >> 8, height & 0xFF, width >> 8,
                width & 0xFF, components});
  for (int c = 0; c < components; ++c) out += bytes({c + 1, 0x11, 0});
  return out + bytes({0xFF, 0xD9});
}

}  // namespace

TEST_CASE("base64 follows RFC 4648's test vectors both ways and refuses what is not base64") {
  // RFC 4648 §10.
  struct Case {
    const char* plain;
    const char* encoded;
  } cases[] = {{"", ""},
               {"f", "Zg=="},
               {"fo", "Zm8="},
               {"foo", "Zm9v"},
               {"foob", "Zm9vYg=="},
               {"fooba", "Zm9vYmE="},
               {"foobar", "Zm9vYmFy"}};
  for (const Case& c : cases) {
    CAPTURE(c.plain);
    CHECK(base64_encode(c.plain) == c.encoded);
    CHECK(base64_decode(c.encoded) == std::string(c.plain));
  }
  const std::string binary = bytes({0, 0xFF, 0xFE, 0x80, 0x7F, 0x3E, 0x3F});
  CHECK(base64_decode(base64_encode(binary)) == binary);
  CHECK(base64_encode(bytes({0xFB, 0xFF})) == "+/8=");
  for (const char* bad : {"Zg=", "Zg==Zg==", "Z===", "Zm9v!A==", "Zm 9v", "=Zm9"}) {
    CAPTURE(bad);
    CHECK_FALSE(base64_decode(bad).has_value());
  }
}

TEST_CASE("PNGs of every colour type are read to 8-bit pixels, their filters undone and their alpha kept") {
  SUBCASE("RGB at 8 bits, the Sub, Up, Average and Paeth filters") {
    // Two pixels a row: (10,20,30) (40,50,60), then the same row again under each filter.
    const std::string first = bytes({0, 10, 20, 30, 40, 50, 60});
    const std::string sub = bytes({1, 10, 20, 30, 30, 30, 30});     // each byte minus the pixel to its left
    const std::string up = bytes({2, 0, 0, 0, 0, 0, 0});            // minus the byte above
    const std::string average = bytes({3, 5, 10, 15, 15, 15, 15});  // minus floor((left + above) / 2)
    const std::string paeth = bytes({4, 0, 0, 0, 0, 0, 0});  // above is the nearest predictor each time
    Result<RasterImage> image = read_image(png(2, 5, 2, 8, first + sub + up + average + paeth));
    REQUIRE(image.ok());
    CHECK(image->format == RasterImage::Format::Png);
    CHECK(image->width == 2);
    CHECK(image->height == 5);
    CHECK(image->channels == 3);
    const std::string row = bytes({10, 20, 30, 40, 50, 60});
    CHECK(image->pixels == row + row + row + row + row);
    CHECK(image->alpha.empty());  // nothing transparent: no mask
  }
  SUBCASE("RGBA keeps its alpha; fully opaque RGBA needs no mask") {
    Result<RasterImage> image = read_image(png(2, 1, 6, 8, bytes({0, 1, 2, 3, 128, 4, 5, 6, 255})));
    REQUIRE(image.ok());
    CHECK(image->pixels == bytes({1, 2, 3, 4, 5, 6}));
    CHECK(image->alpha == bytes({128, 255}));
    Result<RasterImage> opaque = read_image(png(1, 1, 6, 8, bytes({0, 1, 2, 3, 255})));
    REQUIRE(opaque.ok());
    CHECK(opaque->alpha.empty());
  }
  SUBCASE("a palette at 2 bits with tRNS: indexes looked up, their transparency kept") {
    const std::string palette = bytes({255, 0, 0, 0, 255, 0, 0, 0, 255});
    // Indexes 0 1 2 1 packed in one byte: 00 01 10 01.
    Result<RasterImage> image = read_image(png(4, 1, 3, 2, bytes({0, 0x19}), palette, bytes({0, 255})));
    REQUIRE(image.ok());
    CHECK(image->channels == 3);
    CHECK(image->pixels == bytes({255, 0, 0, 0, 255, 0, 0, 0, 255, 0, 255, 0}));
    CHECK(image->alpha == bytes({0, 255, 255, 255}));  // index 0 transparent, 1 opaque, 2 beyond tRNS
  }
  SUBCASE("grey at 1 bit is scaled to 0 and 255; grey + alpha and 16-bit samples keep their high byte") {
    Result<RasterImage> bits = read_image(png(3, 1, 0, 1, bytes({0, 0xA0})));  // 1 0 1
    REQUIRE(bits.ok());
    CHECK(bits->channels == 1);
    CHECK(bits->pixels == bytes({255, 0, 255}));
    Result<RasterImage> grey_alpha = read_image(png(1, 1, 4, 16, bytes({0, 0x12, 0x34, 0x80, 0x00})));
    REQUIRE(grey_alpha.ok());
    CHECK(grey_alpha->pixels == bytes({0x12}));
    CHECK(grey_alpha->alpha == bytes({0x80}));
  }
}

TEST_CASE("pictures that cannot be printed are refused, saying why") {
  const std::string good = png(1, 1, 2, 8, bytes({0, 1, 2, 3}));
  struct Case {
    const char* what;
    std::string file;
    const char* says;
  } cases[] = {
      {"a GIF", "GIF89a\x01\x00\x01\x00", "not a PNG or JPEG"},
      {"an empty file", "", "not a PNG or JPEG"},
      {"a damaged chunk", good.substr(0, 30) + "X" + good.substr(31), "CRC"},
      {"a cut-off file", good.substr(0, good.size() - 12), "ends early"},
      {"an interlaced PNG", png(1, 1, 2, 8, bytes({0, 1, 2, 3}), {}, {}, 1), "interlaced"},
      {"too few rows", png(1, 2, 2, 8, bytes({0, 1, 2, 3})), "does not inflate"},
      {"an unknown filter", png(1, 1, 2, 8, bytes({7, 1, 2, 3})), "unknown filter"},
      {"RGB at 4 bits", png(1, 1, 2, 4, bytes({0, 0x12})), "does not allow"},
      {"a palette without PLTE", png(1, 1, 3, 8, bytes({0, 0})), "no valid palette"},
      {"an index past the palette", png(1, 1, 3, 8, bytes({0, 2}), bytes({1, 2, 3})), "palette"},
      {"a huge picture", png(5000, 1, 0, 8, std::string(5001, '\0')), "at most 4000"},
      {"too large a file", good + std::string(kMaxImageBytes, '\0'), "at most 512 KB"},
      {"a CMYK JPEG", jpeg(0xC0, 10, 10, 4), "CMYK"},
      {"a lossless JPEG", jpeg(0xC3, 10, 10, 3), "baseline JPEG"},
      {"a 12-bit JPEG", jpeg(0xC1, 10, 10, 3, 12), "8-bit"},
      {"a JPEG with no frame", bytes({0xFF, 0xD8, 0xFF, 0xD9, 0, 0}), "no frame header"},
  };
  for (const Case& c : cases) {
    Result<RasterImage> image = read_image(c.file);
    REQUIRE_FALSE(image.ok());
    INFO(c.what, ": ", image.problems()[0].message);
    CHECK(image.problems()[0].where == "image");
    CHECK(image.problems()[0].message.find(c.says) != std::string::npos);
  }
}

TEST_CASE(
    "a baseline or progressive JPEG is kept as it is, with its size and colours from the frame header") {
  for (int marker : {0xC0, 0xC2}) {
    Result<RasterImage> image = read_image(jpeg(marker, 320, 120, 3));
    REQUIRE(image.ok());
    CHECK(image->format == RasterImage::Format::Jpeg);
    CHECK(image->width == 320);
    CHECK(image->height == 120);
    CHECK(image->channels == 3);
    CHECK(image->jpeg == jpeg(marker, 320, 120, 3));
    CHECK(image->pixels.empty());
  }
  CHECK(read_image(jpeg(0xC0, 16, 16, 1))->channels == 1);
}

TEST_CASE("the logo is saved, refused when unreadable, undone and rebuilt from the events") {
  TestLedger t;
  CHECK_FALSE(company_logo(t->db()).has_value());
  CHECK_FALSE(t->execute(SetCompanyLogo{}).ok());  // nothing to remove

  const size_t events = read_events(t->db()).size();
  Result<ActionOutcome> gif = t->execute(SetCompanyLogo{"GIF89a", "logo.gif"});
  REQUIRE_FALSE(gif.ok());
  CHECK(gif.problems()[0].where == "logo");
  CHECK(gif.problems()[0].message == "logo.gif: not a PNG or JPEG picture");
  CHECK(read_events(t->db()).size() == events);

  const std::string first = png(2, 1, 6, 8, bytes({0, 1, 2, 3, 128, 4, 5, 6, 255}));
  must(*t.ledger, SetCompanyLogo{first, "logo.png"});
  REQUIRE(company_logo(t->db()).has_value());
  CHECK(company_logo(t->db())->media_type == "image/png");
  CHECK(company_logo(t->db())->bytes == first);
  CHECK(company_logo_image(t->db())->alpha == bytes({128, 255}));
  CHECK(t->execute(SetCompanyLogo{first, "logo.png"}).problems()[0].message == "nothing changed");

  const std::string second = jpeg(0xC0, 320, 120, 3);
  must(*t.ledger, SetCompanyLogo{second, "logo.jpg"});
  CHECK(company_logo(t->db())->media_type == "image/jpeg");
  REQUIRE(t->undo().ok());
  CHECK(company_logo(t->db())->bytes == first);
  REQUIRE(t->redo().ok());
  CHECK(company_logo(t->db())->bytes == second);
  REQUIRE(t->rebuild().ok());
  CHECK(company_logo(t->db())->bytes == second);
  CHECK(t->verify().first_bad_seq == 0);

  must(*t.ledger, SetCompanyLogo{});
  CHECK_FALSE(company_logo(t->db()).has_value());
  REQUIRE(t->undo().ok());
  CHECK(company_logo(t->db())->bytes == second);
}

TEST_CASE("the letterhead carries the logo on every page, a PNG with its soft mask, a JPEG as DCT data") {
  SUBCASE("PNG with transparency") {
    auto doc = PdfDocument::create(test_fonts(), "Test");
    REQUIRE(doc.ok());
    Result<RasterImage> logo = read_image(png(2, 1, 6, 8, bytes({0, 1, 2, 3, 128, 4, 5, 6, 255})));
    REQUIRE(logo.ok());
    CHECK(doc.value()->set_logo(*logo));
    doc.value()->set_letterhead({"Nordlicht GmbH"}, "footer");
    doc.value()->new_page();
    Result<std::string> pdf = doc.value()->finish();
    REQUIRE(pdf.ok());
    CHECK(pdf->find("/SMask") != std::string::npos);
    CHECK(pdf->find("/Width 2") != std::string::npos);
  }
  SUBCASE("JPEG") {
    auto doc = PdfDocument::create(test_fonts(), "Test");
    REQUIRE(doc.ok());
    Result<RasterImage> logo = read_image(jpeg(0xC0, 320, 120, 3));
    REQUIRE(logo.ok());
    CHECK(doc.value()->set_logo(*logo));
    doc.value()->set_letterhead({"Nordlicht GmbH"}, "footer");
    Result<std::string> pdf = doc.value()->finish();
    REQUIRE(pdf.ok());
    CHECK(pdf->find("/DCTDecode") != std::string::npos);
    CHECK(pdf->find("/Width 320") != std::string::npos);
  }
}

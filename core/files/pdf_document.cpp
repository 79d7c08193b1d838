#include "files/pdf_document.h"

#include <hpdf.h>

#include <algorithm>
#include <cstdio>

namespace duebook {

namespace {

constexpr float kTop = PdfDocument::kPageHeight - 50.f;  // the first baseline below the top margin
constexpr float kFooterY = 30.f;                         // the footer's baseline
constexpr float kLeading = 1.35f;                        // line height per point of font size

void on_error(HPDF_STATUS error, HPDF_STATUS detail, void* user) {
  auto* status = static_cast<unsigned long*>(user);
  if (*status == 0) *status = (unsigned long)error << 16 | (unsigned long)(detail & 0xffff);
}

// The byte length of the UTF-8 sequence starting with `lead`.
size_t utf8_length(unsigned char lead) {
  return lead < 0x80 ? 1 : lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
}

}  // namespace

class PdfDocumentImpl {
 public:
  HPDF_Doc pdf = nullptr;
  HPDF_Font regular = nullptr;
  HPDF_Font bold = nullptr;
  std::vector<HPDF_Page> pages;
  float y = kTop;
  unsigned long error = 0;
  std::vector<std::string> letterhead;
  std::string footer;
  bool placed = false;        // something was placed on the current page below the letterhead
  HPDF_Image logo = nullptr;  // the letterhead's picture, or none
  float logo_width = 0;       // its size on the page, points
  float logo_height = 0;

  ~PdfDocumentImpl() {
    if (pdf) HPDF_Free(pdf);
  }
  HPDF_Page page() const { return pages.back(); }
  HPDF_Font font(bool is_bold) const { return is_bold ? bold : regular; }

  void put(HPDF_Page p, float x, float baseline, const std::string& text, float size, bool is_bold) {
    if (text.empty()) return;
    HPDF_Page_BeginText(p);
    HPDF_Page_SetFontAndSize(p, font(is_bold), size);
    HPDF_Page_TextOut(p, x, baseline, text.c_str());
    HPDF_Page_EndText(p);
  }

  float width(const std::string& text, float size, bool is_bold) const {
    if (text.empty()) return 0;
    HPDF_TextWidth w =
        HPDF_Font_TextWidth(font(is_bold), (const HPDF_BYTE*)text.data(), HPDF_UINT(text.size()));
    return float(w.width) * size / 1000.f;
  }

  void draw_letterhead() {
    y = kTop;
    if (letterhead.empty()) return;
    HPDF_Page p = page();
    float name_x = PdfDocument::kMargin, name_y = y, bottom = y - 10.f;
    if (logo) {
      // The picture's top at the name's cap height; the name beside it, centred on it.
      const float top = y + 11.f;
      HPDF_Page_DrawImage(p, logo, PdfDocument::kMargin, top - logo_height, logo_width, logo_height);
      name_x += logo_width + 12.f;
      name_y = std::min(y, top - logo_height / 2 - 5.f);
      bottom = std::min(bottom, top - logo_height - 8.f);
    }
    put(p, name_x, name_y, letterhead[0], 15, true);
    const float line_y = y;
    for (size_t i = 1; i < letterhead.size(); ++i) {
      const float w = width(letterhead[i], 8.5f, false);
      put(p, PdfDocument::kRight - w, line_y + 4 - float(i - 1) * 11.f, letterhead[i], 8.5f, false);
    }
    bottom = std::min(bottom, line_y + 4 - float(letterhead.size() - 1) * 11.f);
    HPDF_Page_SetLineWidth(p, 0.8f);
    HPDF_Page_SetRGBStroke(p, 0.2f, 0.3f, 0.5f);
    HPDF_Page_MoveTo(p, PdfDocument::kMargin, bottom);
    HPDF_Page_LineTo(p, PdfDocument::kRight, bottom);
    HPDF_Page_Stroke(p);
    HPDF_Page_SetRGBStroke(p, 0, 0, 0);
    y = bottom - 26.f;
  }

  void add_page() {
    HPDF_Page p = HPDF_AddPage(pdf);
    HPDF_Page_SetSize(p, HPDF_PAGE_SIZE_A4, HPDF_PAGE_PORTRAIT);
    pages.push_back(p);
    placed = false;
    draw_letterhead();
  }
};

PdfDocument::PdfDocument(std::unique_ptr<PdfDocumentImpl> impl) : impl_(std::move(impl)) {}
PdfDocument::~PdfDocument() = default;

Result<std::unique_ptr<PdfDocument>> PdfDocument::create(const PdfFonts& fonts, const std::string& title) {
  auto impl = std::make_unique<PdfDocumentImpl>();
  impl->pdf = HPDF_New(on_error, &impl->error);
  if (!impl->pdf) return Problem{"pdf", "the PDF library could not start (out of memory)"};
  HPDF_SetCompressionMode(impl->pdf, HPDF_COMP_ALL);
  HPDF_UseUTFEncodings(impl->pdf);
  HPDF_SetCurrentEncoder(impl->pdf, "UTF-8");
  for (const std::string* path : {&fonts.regular, &fonts.bold}) {
    if (FILE* f = std::fopen(path->c_str(), "rb")) {
      std::fclose(f);
    } else {
      return Problem{"font", "cannot read the font file \"" + *path + "\""};
    }
    const char* name = HPDF_LoadTTFontFromFile(impl->pdf, path->c_str(), HPDF_TRUE);
    HPDF_Font font = name ? HPDF_GetFont(impl->pdf, name, "UTF-8") : nullptr;
    if (!font || impl->error)
      return Problem{"font", "\"" + *path + "\" is not a TrueType font the PDF library can embed"};
    (path == &fonts.regular ? impl->regular : impl->bold) = font;
  }
  HPDF_SetInfoAttr(impl->pdf, HPDF_INFO_TITLE, title.c_str());
  HPDF_SetInfoAttr(impl->pdf, HPDF_INFO_CREATOR, "Duebook");
  impl->add_page();
  return std::unique_ptr<PdfDocument>(new PdfDocument(std::move(impl)));
}

void PdfDocument::set_letterhead(const std::vector<std::string>& lines, const std::string& footer) {
  impl_->letterhead = lines;
  impl_->footer = footer;
  if (!impl_->placed) impl_->draw_letterhead();
}

bool PdfDocument::set_logo(const RasterImage& image) {
  PdfDocumentImpl& d = *impl_;
  const unsigned long error_before = d.error;
  HPDF_Image loaded = nullptr;
  if (image.format == RasterImage::Format::Jpeg) {
    loaded = HPDF_LoadJpegImageFromMem(d.pdf, reinterpret_cast<const HPDF_BYTE*>(image.jpeg.data()),
                                       HPDF_UINT(image.jpeg.size()));
  } else {
    const HPDF_ColorSpace space = image.channels == 3 ? HPDF_CS_DEVICE_RGB : HPDF_CS_DEVICE_GRAY;
    loaded = HPDF_LoadRawImageFromMem(d.pdf, reinterpret_cast<const HPDF_BYTE*>(image.pixels.data()),
                                      HPDF_UINT(image.width), HPDF_UINT(image.height), space, 8);
    if (loaded && !image.alpha.empty()) {
      HPDF_Image mask =
          HPDF_LoadRawImageFromMem(d.pdf, reinterpret_cast<const HPDF_BYTE*>(image.alpha.data()),
                                   HPDF_UINT(image.width), HPDF_UINT(image.height), HPDF_CS_DEVICE_GRAY, 8);
      if (!mask || HPDF_Image_AddSMask(loaded, mask) != HPDF_OK) loaded = nullptr;
    }
  }
  if (!loaded || d.error != error_before) {
    HPDF_ResetError(d.pdf);
    d.error = error_before;
    return false;
  }
  const float scale = std::min(kLogoWidth / float(image.width), kLogoHeight / float(image.height));
  d.logo = loaded;
  d.logo_width = float(image.width) * scale;
  d.logo_height = float(image.height) * scale;
  return true;
}

void PdfDocument::text(float x, const std::string& text, float size, bool bold) {
  keep(0);
  impl_->put(impl_->page(), x, impl_->y, text, size, bold);
  impl_->placed = true;
}

void PdfDocument::text_right(float x_right, const std::string& text, float size, bool bold) {
  this->text(x_right - text_width(text, size, bold), text, size, bold);
}

float PdfDocument::text_width(const std::string& text, float size, bool bold) const {
  return impl_->width(text, size, bold);
}

void PdfDocument::down(float points) {
  impl_->y -= points;
  keep(0);
}

void PdfDocument::keep(float points) {
  if (impl_->y - points < kMargin) new_page();
}

void PdfDocument::new_page() {
  impl_->add_page();
}

void PdfDocument::paragraph(float x, float width, const std::string& text, float size, bool bold) {
  const float leading = size * kLeading;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string line, word;
    auto flush_word = [&] {
      if (word.empty()) return;
      std::string candidate = line.empty() ? word : line + " " + word;
      if (!line.empty() && text_width(candidate, size, bold) > width) {
        keep(leading);
        this->text(x, line, size, bold);
        down(leading);
        line = word;
      } else {
        line = candidate;
      }
      word.clear();
    };
    for (size_t i = start; i < end; ++i) {
      if (text[i] == ' ')
        flush_word();
      else
        word += text[i];
    }
    flush_word();
    keep(leading);
    this->text(x, line, size, bold);
    down(leading);
    start = end + 1;
  }
}

void PdfDocument::rule() {
  HPDF_Page p = impl_->page();
  HPDF_Page_SetLineWidth(p, 0.5f);
  HPDF_Page_SetGrayStroke(p, 0.6f);
  HPDF_Page_MoveTo(p, kMargin, impl_->y);
  HPDF_Page_LineTo(p, kRight, impl_->y);
  HPDF_Page_Stroke(p);
  HPDF_Page_SetGrayStroke(p, 0);
}

namespace {

// `text` cut (at a character boundary) with "…" so that it fits `width`.
std::string fit(const PdfDocument& doc, const std::string& text, float width, float size, bool bold) {
  if (doc.text_width(text, size, bold) <= width) return text;
  std::string out;
  for (size_t i = 0; i < text.size();) {
    const size_t n = utf8_length((unsigned char)text[i]);
    if (doc.text_width(out + text.substr(i, n) + "…", size, bold) > width) break;
    out += text.substr(i, n);
    i += n;
  }
  return out + "…";
}

}  // namespace

void PdfDocument::table(float x, const std::vector<PdfColumn>& columns,
                        const std::vector<std::vector<std::string>>& rows,
                        const std::vector<size_t>& bold_rows) {
  constexpr float size = 9, row_height = 14, pad = 4;
  auto draw_row = [&](const std::vector<std::string>& cells, bool bold) {
    float left = x;
    for (size_t c = 0; c < columns.size(); ++c) {
      const std::string cell =
          c < cells.size() ? fit(*this, cells[c], columns[c].width - pad, size, bold) : "";
      if (columns[c].align == PdfAlign::Right)
        text_right(left + columns[c].width - pad, cell, size, bold);
      else
        text(left, cell, size, bold);
      left += columns[c].width;
    }
  };
  auto header = [&] {
    std::vector<std::string> titles;
    for (const PdfColumn& c : columns) titles.push_back(c.title);
    draw_row(titles, true);
    impl_->y -= 4;
    rule();
    impl_->y -= row_height - 4;
  };
  keep(row_height * 3);
  header();
  for (size_t r = 0; r < rows.size(); ++r) {
    if (impl_->y - row_height < kMargin) {
      new_page();
      header();
    }
    bool bold = false;
    for (size_t b : bold_rows) bold |= b == r;
    draw_row(rows[r], bold);
    impl_->y -= row_height;
  }
}

void PdfDocument::qr_code(float x, const QrMatrix& matrix, float size) {
  if (matrix.width <= 0) return;
  keep(size);
  HPDF_Page p = impl_->page();
  const float module = size / float(matrix.width);
  HPDF_Page_SetGrayFill(p, 0);
  for (int row = 0; row < matrix.width; ++row)
    for (int col = 0; col < matrix.width; ++col)
      if (matrix.dark[size_t(row * matrix.width + col)])
        HPDF_Page_Rectangle(p, x + float(col) * module, impl_->y - float(row + 1) * module, module, module);
  HPDF_Page_Fill(p);
}

void PdfDocument::stamp(const std::string& text) {
  // Diagonally across the middle of the page in a light red, drawn before the page's content so that the text
  // over it stays readable.
  HPDF_Page p = impl_->page();
  constexpr float size = 84, cosine = 0.8192f, sine = 0.5736f;  // 35 degrees
  const float w = impl_->width(text, size, true);
  const float x = kPageWidth / 2 - (w / 2) * cosine + (size / 3) * sine;
  const float y = kPageHeight / 2 - (w / 2) * sine - (size / 3) * cosine;
  HPDF_Page_GSave(p);
  HPDF_Page_SetRGBFill(p, 0.98f, 0.86f, 0.84f);
  HPDF_Page_BeginText(p);
  HPDF_Page_SetFontAndSize(p, impl_->bold, size);
  HPDF_Page_SetTextMatrix(p, cosine, sine, -sine, cosine, x, y);
  HPDF_Page_ShowText(p, text.c_str());
  HPDF_Page_EndText(p);
  HPDF_Page_GRestore(p);
}

float PdfDocument::y() const {
  return impl_->y;
}

int PdfDocument::page() const {
  return int(impl_->pages.size());
}

Result<std::string> PdfDocument::finish() {
  const size_t count = impl_->pages.size();
  for (size_t i = 0; i < count; ++i) {
    HPDF_Page p = impl_->pages[i];
    const std::string number = "Page " + std::to_string(i + 1) + " of " + std::to_string(count);
    HPDF_Page_SetGrayFill(p, 0.35f);
    // The footer on its own line above the page number, so a long one (company, bank account, the ledger's
    // anchor) never runs into it.
    impl_->put(p, kMargin, kFooterY + 10, impl_->footer, 7.5f, false);
    impl_->put(p, kRight - impl_->width(number, 7.5f, false), kFooterY, number, 7.5f, false);
    HPDF_Page_SetGrayFill(p, 0);
  }
  if (HPDF_SaveToStream(impl_->pdf) != HPDF_OK || impl_->error)
    return Problem{"pdf",
                   "the PDF could not be written (libharu error " + std::to_string(impl_->error >> 16) + ")"};
  std::string bytes(HPDF_GetStreamSize(impl_->pdf), '\0');
  HPDF_UINT32 size = HPDF_UINT32(bytes.size());
  const HPDF_STATUS read = HPDF_ReadFromStream(impl_->pdf, (HPDF_BYTE*)bytes.data(), &size);
  if (read != HPDF_OK && read != HPDF_STREAM_EOF)
    return Problem{"pdf", "the PDF could not be read back from memory"};
  bytes.resize(size);
  return bytes;
}

}  // namespace duebook

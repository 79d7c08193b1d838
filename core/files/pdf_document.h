// A small layout API over libharu for the ledger's printed documents (invoices, reminders, statements,
// letters, receipts, evidence packs): A4 pages with a letterhead at the top of each, a footer with the page
// numbers, text at a cursor that moves down the page, right-aligned amounts, tables that break over pages and
// repeat their header, and filled squares (the payment QR code). Text is UTF-8 in an embedded, subset
// TrueType font (DejaVu Sans), so € £ ¥ and accented names print and stay selectable. Knows nothing of the
// platform: the font files are named by the caller and the PDF comes back as bytes.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "base/raster_image.h"
#include "base/result.h"

namespace duebook {

// The TrueType files the text is set in (regular and bold).
struct PdfFonts {
  std::string regular;  // path of DejaVuSans.ttf (or another Unicode TrueType font)
  std::string bold;     // path of DejaVuSans-Bold.ttf
};

// How a table column lines up its text.
enum class PdfAlign { Left, Right };

// One column of a table: its width in points and alignment.
struct PdfColumn {
  std::string title;                // the header text
  float width = 80;                 // points
  PdfAlign align = PdfAlign::Left;  // amounts are right-aligned
};

// A QR code's modules, row by row: true = dark.
struct QrMatrix {
  int width = 0;           // modules per side
  std::vector<bool> dark;  // width × width, row-major
};

class PdfDocumentImpl;

// One PDF being laid out. Coordinates are points from the page's left edge; the cursor (`y`) counts down
// from the top margin. Every call that places text first makes room, starting a new page (with the
// letterhead) when the rest of the page is too short.
class PdfDocument {
 public:
  static constexpr float kPageWidth = 595.28f;   // A4, points
  static constexpr float kPageHeight = 841.89f;  // A4, points
  static constexpr float kMargin = 50.f;         // left, right and bottom margin
  static constexpr float kRight = kPageWidth - kMargin;

  // Starts a document with one page. `title` goes into the PDF's information dictionary. Fails (where
  // "font") naming the file when a font cannot be read, or when libharu cannot start.
  static Result<std::unique_ptr<PdfDocument>> create(const PdfFonts& fonts, const std::string& title);
  ~PdfDocument();

  // Lines drawn at the top of every page from now on (the first page included, when nothing was placed on
  // it yet): the first in bold and larger, the others small. Also the left part of each page's footer.
  void set_letterhead(const std::vector<std::string>& lines, const std::string& footer);

  // The room a logo takes at the letterhead's left, in points: a picture is scaled to fit it, keeping its
  // proportions.
  static constexpr float kLogoWidth = 160.f;
  static constexpr float kLogoHeight = 48.f;
  // Places `image` at the left of the letterhead, the company's name beside it, on every page whose
  // letterhead is drawn from now on: call it before set_letterhead. The picture is embedded once; a PNG's
  // transparency is kept (a soft mask), a JPEG's data is embedded as it is. False, and the document
  // unchanged, when the PDF library refuses the picture.
  bool set_logo(const RasterImage& image);
  // Places `text` at x on the current line (the cursor's baseline), in `size` points.
  void text(float x, const std::string& text, float size = 10, bool bold = false);
  // Places `text` so that it ends at x_right.
  void text_right(float x_right, const std::string& text, float size = 10, bool bold = false);
  // The width of `text` in points at `size`.
  float text_width(const std::string& text, float size = 10, bool bold = false) const;
  // Moves the cursor down by `points` (a new page when it would pass the bottom margin).
  void down(float points);
  // Starts a new page when fewer than `points` are left above the bottom margin.
  void keep(float points);
  // Starts a new page (with the letterhead).
  void new_page();
  // Writes `text` from x, wrapped to `width`, one line per `leading` points; '\n' starts a new line.
  void paragraph(float x, float width, const std::string& text, float size = 10, bool bold = false);
  // A thin horizontal line across the text area at the cursor.
  void rule();
  // A table: the header in bold, then each row; when a row does not fit, a new page repeats the header.
  // `bold_rows` marks rows (by index) set in bold (totals). Cells too wide for their column are shortened.
  void table(float x, const std::vector<PdfColumn>& columns,
             const std::vector<std::vector<std::string>>& rows, const std::vector<size_t>& bold_rows = {});
  // Draws the QR code's dark modules as filled squares, its top-left corner at (x, the cursor), `size`
  // points wide (a 4-module quiet zone is the caller's margin). The cursor does not move.
  void qr_code(float x, const QrMatrix& matrix, float size);
  // A large, light mark across the current page (e.g. "DUPLICATE").
  void stamp(const std::string& text);
  // The cursor: the current baseline, in points from the page's bottom edge.
  float y() const;
  // The page being written, 1-based.
  int page() const;

  // Writes "page N of M" (and the footer text) on every page and returns the PDF's bytes. The document is
  // finished: nothing may be placed afterwards. Fails when libharu reports an error.
  Result<std::string> finish();

 private:
  explicit PdfDocument(std::unique_ptr<PdfDocumentImpl> impl);
  std::unique_ptr<PdfDocumentImpl> impl_;
};

}  // namespace duebook

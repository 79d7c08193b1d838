// CSV as RFC 4180 describes it, read one record at a time: fields separated by commas, optionally wrapped in
// double quotes (inside which commas, CR, LF and "" for one quote are data), records ended by LF or CRLF.
// A UTF-8 byte-order mark at the start is skipped. Spreadsheet exports (QuickBooks, Excel) write this form.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace duebook {

class CsvReader {
 public:
  // Reads `text`, which must outlive the reader.
  explicit CsvReader(std::string_view text);

  // Reads the next record into `fields` (reusing its strings' capacity). Returns false at the end of the text,
  // or on malformed input (then error() says why). line() is the 1-based line the record starts on, which is
  // what a text editor or spreadsheet shows as its row. Blank lines are skipped.
  bool next(std::vector<std::string>& fields);
  int64_t line() const { return line_; }
  // Empty unless the text is malformed: a quoted field never closed, or text right after a closing quote.
  const std::string& error() const { return error_; }

 private:
  std::string_view text_;  // the whole text
  size_t pos_ = 0;         // where the next record starts
  int64_t next_line_ = 1;  // line number at pos_
  int64_t line_ = 0;       // line the last record started on
  std::string error_;      // why reading stopped early; empty while the text is well-formed
};

}  // namespace duebook

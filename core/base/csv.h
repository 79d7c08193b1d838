// CSV as RFC 4180 describes it: fields separated by commas, optionally wrapped in double quotes (inside which
// commas, CR, LF and "" for one quote are data), records ended by LF or CRLF. CsvReader reads it one record
// at a time (a UTF-8 byte-order mark at the start is skipped; spreadsheet exports such as QuickBooks' and
// Excel's write this form); CsvWriter writes every CSV the program makes, guarded for spreadsheets.
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

  // Reads the next record into `fields` (reusing its strings' capacity). Returns false at the end of the
  // text, or on malformed input (then error() says why). line() is the 1-based line the record starts on,
  // which is what a text editor or spreadsheet shows as its row. Blank lines are skipped.
  bool next(std::vector<std::string>& fields);
  int64_t line() const { return line_; }
  // How many bytes of the text have been read (for progress: the whole text's size once at the end).
  size_t position() const { return pos_; }
  // Empty unless the text is malformed: a quoted field never closed, or text right after a closing quote.
  const std::string& error() const { return error_; }

 private:
  std::string_view text_;  // the whole text
  size_t pos_ = 0;         // where the next record starts
  int64_t next_line_ = 1;  // line number at pos_
  int64_t line_ = 0;       // line the last record started on
  std::string error_;      // why reading stopped early; empty while the text is well-formed
};

// Writes CSV records (RFC 4180: CRLF line ends, a field quoted only when it holds a comma, quote, CR or LF,
// a quote inside written as two). Text that came from a user and starts with = + - @ TAB or CR gets a
// leading apostrophe, so that a spreadsheet opening the file shows it instead of running it as a formula
// (OWASP "CSV Injection"). Values the program made (amounts, dates, counts, codes) are written as they are,
// so that a negative amount stays a number.
class CsvWriter {
 public:
  // Appends a field of user text (a name, a reference, a note): guarded, then quoted when needed.
  CsvWriter& text(std::string_view field);
  // Appends a field the program made (an amount, a date, a code): quoted when needed, never guarded.
  CsvWriter& value(std::string_view field);
  // Ends the record with CRLF; the next field starts a new record.
  CsvWriter& end_record();
  // What has been written so far.
  const std::string& str() const { return out_; }

 private:
  void separate();
  std::string out_;           // the records written so far
  bool record_open_ = false;  // a field has been written since the last end_record
};

// One field as CsvWriter::text writes it (guarded, quoted when needed), for a caller writing its own records.
std::string csv_text_field(std::string_view field);
// One field as CsvWriter::value writes it (quoted when needed, never guarded).
std::string csv_value_field(std::string_view field);

}  // namespace duebook

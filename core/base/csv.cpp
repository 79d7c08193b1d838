#include "base/csv.h"

namespace duebook {

CsvReader::CsvReader(std::string_view text) : text_(text) {
  if (text_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = 3;
}

bool CsvReader::next(std::vector<std::string>& fields) {
  if (!error_.empty()) return false;
  // Skip blank lines (a record of nothing but a line end).
  while (pos_ < text_.size() && (text_[pos_] == '\n' || text_[pos_] == '\r')) {
    if (text_[pos_] == '\n') ++next_line_;
    ++pos_;
  }
  if (pos_ >= text_.size()) return false;
  line_ = next_line_;
  size_t count = 0;
  auto field = [&]() -> std::string& {
    if (count == fields.size()) fields.emplace_back();
    std::string& f = fields[count++];
    f.clear();
    return f;
  };
  const size_t n = text_.size();
  for (;;) {
    std::string& f = field();
    if (pos_ < n && text_[pos_] == '"') {
      ++pos_;
      for (;;) {
        size_t quote = text_.find('"', pos_);
        if (quote == std::string_view::npos) {
          error_ = "line " + std::to_string(line_) + ": a quoted field is never closed";
          return false;
        }
        std::string_view chunk = text_.substr(pos_, quote - pos_);
        for (char c : chunk)
          if (c == '\n') ++next_line_;
        f.append(chunk);
        pos_ = quote + 1;
        if (pos_ < n && text_[pos_] == '"') {  // "" is one quote
          f += '"';
          ++pos_;
          continue;
        }
        break;
      }
      if (pos_ < n && text_[pos_] != ',' && text_[pos_] != '\n' && text_[pos_] != '\r') {
        error_ = "line " + std::to_string(next_line_) + ": unexpected text after a closing quote";
        return false;
      }
    } else {
      size_t end = text_.find_first_of(",\r\n", pos_);
      if (end == std::string_view::npos) end = n;
      f.assign(text_.data() + pos_, end - pos_);
      pos_ = end;
    }
    if (pos_ < n && text_[pos_] == ',') {
      ++pos_;
      continue;
    }
    // End of record: CRLF, LF, a lone CR, or the end of the text.
    if (pos_ < n && text_[pos_] == '\r') ++pos_;
    if (pos_ < n && text_[pos_] == '\n') ++pos_;
    ++next_line_;
    break;
  }
  fields.resize(count);
  return true;
}

// ---------------------------------------------------------------------------------------------
// Writing

namespace {

// `field` in double quotes, inner quotes doubled.
std::string csv_quoted(std::string_view field) {
  std::string quoted = "\"";
  for (char c : field) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

// A UTF-8 byte-order mark at the very start of the text is taken as the file's mark and skipped by readers
// (ours included): a first field that begins with one is quoted, so it reads back whole.
std::string at_start(std::string field, bool start) {
  if (start && field.rfind("\xEF\xBB\xBF", 0) == 0) return csv_quoted(field);
  return field;
}

}  // namespace

std::string csv_value_field(std::string_view field) {
  if (field.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(field);
  return csv_quoted(field);
}

std::string csv_text_field(std::string_view field) {
  // The characters a spreadsheet takes as the start of a formula (OWASP "CSV Injection").
  if (!field.empty() && std::string_view("=+-@\t\r").find(field[0]) != std::string_view::npos)
    return csv_value_field("'" + std::string(field));
  return csv_value_field(field);
}

void CsvWriter::separate() {
  if (record_open_) out_ += ',';
  record_open_ = true;
}

CsvWriter& CsvWriter::text(std::string_view field) {
  separate();
  out_ += at_start(csv_text_field(field), out_.empty());
  return *this;
}

CsvWriter& CsvWriter::value(std::string_view field) {
  separate();
  out_ += at_start(csv_value_field(field), out_.empty());
  return *this;
}

CsvWriter& CsvWriter::end_record() {
  out_ += "\r\n";
  record_open_ = false;
  return *this;
}

}  // namespace duebook

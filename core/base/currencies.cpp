// The bundled currency table. The build generates currencies.inc from assets/currencies.csv by
// wrapping the file in a raw string literal (cmake/EmbedText.cmake), so the data lives only in the
// asset and is never copied into source by hand.
#include "base/currencies.h"

#include <algorithm>
#include <cassert>
#include <string_view>

#include "base/text.h"

namespace duebook {
namespace {

constexpr std::string_view kBundledCurrenciesCsv =
#include "currencies.inc"
    ;

CurrencyTable load_bundled_table() {
  Result<CurrencyTable> parsed = parse_currency_table(kBundledCurrenciesCsv, "assets/currencies.csv");
  assert(parsed.ok() && "assets/currencies.csv does not parse; see tests/core/test_money.cpp");
  return parsed.ok() ? std::move(parsed).value() : CurrencyTable();
}

}  // namespace

CurrencyTable::CurrencyTable(std::vector<Currency> sorted_rows) : rows_(std::move(sorted_rows)) {
  for (std::size_t i = 1; i < rows_.size(); ++i) assert(rows_[i - 1].code < rows_[i].code);
}

const Currency* CurrencyTable::find(std::string_view code) const {
  auto it = std::lower_bound(rows_.begin(), rows_.end(), code,
                             [](const Currency& c, std::string_view k) { return c.code < k; });
  return it != rows_.end() && it->code == code ? &*it : nullptr;
}

namespace {

// Splits a currency CSV row into code, digits and name (the rest, optionally quoted). Returns the
// number of fields found (1..3).
int split_currency_row(std::string_view line, std::string_view fields[3]) {
  int n = 0;
  while (n < 2) {
    const std::size_t comma = line.find(',');
    if (comma == std::string_view::npos) break;
    fields[n++] = trim_view(line.substr(0, comma));
    line.remove_prefix(comma + 1);
  }
  fields[n++] = trim_view(line);
  return n;
}

// Removes CSV quoting from a name field; returns false on an unterminated or stray quote.
bool unquote(std::string_view field, std::string* out) {
  out->clear();
  if (field.empty() || field.front() != '"') {
    if (field.find('"') != std::string_view::npos) return false;
    out->assign(field);
    return true;
  }
  if (field.size() < 2 || field.back() != '"') return false;
  field = field.substr(1, field.size() - 2);
  for (std::size_t i = 0; i < field.size(); ++i) {
    if (field[i] == '"') {
      if (i + 1 >= field.size() || field[i + 1] != '"') return false;
      ++i;
    }
    out->push_back(field[i]);
  }
  return true;
}

bool is_currency_code(std::string_view s) {
  return s.size() == 3 && std::all_of(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    const char x = a[i] >= 'A' && a[i] <= 'Z' ? static_cast<char>(a[i] - 'A' + 'a') : a[i];
    if (x != b[i]) return false;
  }
  return true;
}

// Where a problem in the table is: "file:row:field".
std::string problem_at(const std::string& file, int row, const char* field) {
  return file + ":" + std::to_string(row) + ":" + field;
}

// Reads one currency row, its `count` fields split into f; true with *out filled when the row is usable,
// else false with its problems added (the row is then left out).
bool read_currency_row(const std::string_view f[3], int count, const std::string& file, int row,
                       Currency* out, Problems& problems) {
  Currency& c = *out;
  bool row_ok = true;
  if (!is_currency_code(f[0])) {
    problems.push_back(
        {problem_at(file, row, "code"), quoted(f[0]) + " is not a currency code (three capital letters)"});
    row_ok = false;
  }
  c.code.assign(f[0]);
  if (count < 2) {
    problems.push_back({problem_at(file, row, "digits"), "missing; each row needs code,digits,name"});
    return false;
  }
  const std::string_view d = f[1];
  if (d.size() != 1 || d[0] < '0' || d[0] > '9' || d[0] - '0' > kMaxMinorDigits) {
    problems.push_back(
        {problem_at(file, row, "digits"),
         quoted(d) + " is not a number of minor-unit digits from 0 to " + std::to_string(kMaxMinorDigits)});
    row_ok = false;
  } else {
    c.minor_digits = d[0] - '0';
  }
  if (count < 3 || f[2].empty()) {
    problems.push_back({problem_at(file, row, "name"), "missing; each row needs code,digits,name"});
    row_ok = false;
  } else if (!unquote(f[2], &c.name)) {
    problems.push_back({problem_at(file, row, "name"), "has an unmatched double quote: " + quoted(f[2])});
    row_ok = false;
  }
  return row_ok;
}

// The rows sorted by code, each code once: a duplicate is reported at its later row (row_of[i] is the line
// of rows[i]) and left out.
std::vector<Currency> sorted_unique_currencies(std::vector<Currency>& rows, const std::vector<int>& row_of,
                                               const std::string& file, Problems& problems) {
  // Sort keeping file order among equal codes so that the duplicate is reported at its later row.
  std::vector<std::size_t> order(rows.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return rows[a].code < rows[b].code; });
  std::vector<Currency> sorted;
  sorted.reserve(rows.size());
  int kept_row = 0;  // line number of sorted.back()
  for (std::size_t i : order) {
    if (!sorted.empty() && sorted.back().code == rows[i].code) {
      problems.push_back(
          {problem_at(file, row_of[i], "code"),
           "duplicate currency " + rows[i].code + " (first on row " + std::to_string(kept_row) + ")"});
      continue;
    }
    kept_row = row_of[i];
    sorted.push_back(std::move(rows[i]));
  }
  return sorted;
}

}  // namespace

Result<CurrencyTable> parse_currency_table(std::string_view csv, std::string_view file_name) {
  const std::string file(file_name);
  Problems problems;
  std::vector<Currency> rows;
  std::vector<int> row_of;  // line number of each entry in `rows`, for duplicate messages
  bool header_seen = false;
  int row = 0;
  while (!csv.empty()) {
    ++row;
    const std::size_t nl = csv.find('\n');
    std::string_view line = csv.substr(0, nl);
    csv.remove_prefix(nl == std::string_view::npos ? csv.size() : nl + 1);
    line = trim_view(line);
    if (line.empty() || line.front() == '#') continue;

    std::string_view f[3];
    const int count = split_currency_row(line, f);
    if (!header_seen) {
      if (count != 3 || !iequals(f[0], "code") || !iequals(f[1], "digits") || !iequals(f[2], "name")) {
        problems.push_back({problem_at(file, row, "header"),
                            "expected the header line \"code,digits,name\", found " + quoted(line)});
        return problems;  // without the header the columns mean nothing
      }
      header_seen = true;
      continue;
    }
    Currency c;
    if (!read_currency_row(f, count, file, row, &c, problems)) continue;
    rows.push_back(std::move(c));
    row_of.push_back(row);
  }

  if (!header_seen) {
    problems.push_back({file, "is empty: expected the header line \"code,digits,name\" and currencies"});
    return problems;
  }
  std::vector<Currency> sorted = sorted_unique_currencies(rows, row_of, file, problems);
  if (problems.empty() && sorted.empty()) problems.push_back({file, "has a header but no currencies"});
  if (!problems.empty()) return problems;
  return CurrencyTable(std::move(sorted));
}

const CurrencyTable& builtin_currencies() {
  static const CurrencyTable table = load_bundled_table();
  return table;
}

int currency_digits(std::string_view code) {
  const Currency* c = builtin_currencies().find(code);
  return c ? c->minor_digits : 2;
}

bool is_known_currency(std::string_view code) {
  return builtin_currencies().find(code) != nullptr;
}

}  // namespace duebook

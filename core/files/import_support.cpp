// What the invoice and payment imports share (import_support.h).
#include "files/import_support.h"

#include <algorithm>

#include "base/money.h"
#include "base/text.h"
#include "customers/customer_queries.h"

namespace duebook {

Header read_header(const std::vector<std::string>& fields, const std::vector<const char*>& required,
                   const std::string& file, Problems& problems) {
  Header h;
  for (size_t i = 0; i < fields.size(); ++i) {
    std::string name = trimmed(fields[i]);
    if (!name.empty() && name[0] == '*') name = trimmed(name.substr(1));
    h.index.emplace(lower_ascii(name), int(i));
    h.names.push_back(name);
  }
  for (const char* name : required)
    if (h[name] < 0)
      problems.push_back({file + ":1:" + name, "the file has no " + std::string(name) + " column"});
  return h;
}

bool valid_utf8(std::string_view s) {
  size_t i = 0, n = s.size();
  while (i < n) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    int len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
    if (len == 0 || c > 0xF4 || i + size_t(len) > n) return false;
    unsigned char c1 = static_cast<unsigned char>(s[i + 1]);
    if ((c1 & 0xC0) != 0x80) return false;
    if ((c == 0xE0 && c1 < 0xA0) || (c == 0xED && c1 > 0x9F) || (c == 0xF0 && c1 < 0x90) ||
        (c == 0xF4 && c1 > 0x8F))
      return false;
    for (int k = 2; k < len; ++k)
      if ((static_cast<unsigned char>(s[i + size_t(k)]) & 0xC0) != 0x80) return false;
    i += size_t(len);
  }
  return true;
}

void check_utf8(const Row& row, const std::vector<std::string>& names) {
  for (size_t i = 0; i < row.fields->size(); ++i)
    if (!valid_utf8((*row.fields)[i]))
      row.problem(i < names.size() ? names[i] : "column " + std::to_string(i + 1),
                  "is not UTF-8 text; save the file as CSV UTF-8");
}

std::optional<Date> read_date(const Row& row, const char* column, const std::string& format) {
  std::string_view text = row.get(column);
  std::string fmt = !format.empty()                       ? format
                    : text.find('/') != std::string::npos ? "MM/DD/YYYY"
                                                          : "YYYY-MM-DD";
  Result<Date> d = parse_date(text, fmt);
  if (!d) {
    row.problem(column, d.problems()[0].message);
    return std::nullopt;
  }
  return d.value();
}

std::string money_text(int64_t minor, int digits) {
  return format_amount(minor, digits);
}

std::optional<Problem> already_imported(Db& db, const std::string& file, const std::string& sha) {
  Statement& st =
      db.prepare("SELECT id, file, at_ms FROM imports WHERE sha256 = ?1 AND retracted = 0 LIMIT 1");
  st.bind_all(sha);
  std::optional<Problem> p;
  if (st.step())
    p = Problem{file, "this file was already imported on " + to_iso(civil_from_days(st.int64(2) / 86400000)) +
                          " (import #" + std::to_string(st.int64(0)) + " of " + st.text(1) +
                          "); nothing was written"};
  st.reset();
  return p;
}

bool is_bulk(Db& db, const char* table, std::string_view text) {
  constexpr int64_t kBulkRows = 10000;
  const int64_t rows = static_cast<int64_t>(std::count(text.begin(), text.end(), '\n'));
  if (rows < kBulkRows) return false;
  Statement& st = db.prepare(std::string("SELECT coalesce(max(rowid), 0) FROM ") + table);
  const int64_t existing = st.step() ? st.int64(0) : 0;
  st.reset();
  return rows * 4 >= existing;
}

Json import_record(int64_t id, const char* kind, const std::string& file, const std::string& sha,
                   int64_t rows, int64_t invoices, int64_t payments, int64_t customers) {
  return {{"id", id},     {"kind", kind},         {"file", file},         {"sha256", sha},
          {"rows", rows}, {"invoices", invoices}, {"payments", payments}, {"customers", customers}};
}

// The file name without its folders, for labels.
std::string base_name(const std::string& path) {
  size_t slash = path.find_last_of("/\\");
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

std::function<Status(EventSink&)> run_all_steps(std::function<Result<bool>(EventSink&, int64_t)> step) {
  return [step = std::move(step)](EventSink& sink) -> Status {
    for (;;) {
      Result<bool> done = step(sink, INT64_MAX);
      if (!done) return done.problems();
      if (done.value()) return ok_status();
    }
  };
}

}  // namespace duebook

// What the invoice and payment imports share (import_support.h).
#include "files/import_support.h"

#include <algorithm>

#include "base/money.h"
#include "base/result.h"
#include "base/text.h"
#include "customers/customer_queries.h"
#include "invoicing/deposits.h"

namespace duebook {

Header read_header(const std::vector<std::string>& fields, const std::vector<const char*>& required,
                   const std::string& file, Problems& problems, const std::vector<ColumnAlias>& aliases) {
  Header h;
  for (size_t i = 0; i < fields.size(); ++i) {
    std::string name = trimmed(fields[i]);
    if (!name.empty() && name[0] == '*') name = trimmed(name.substr(1));
    auto [at, fresh] = h.index.emplace(lower_ascii(name), int(i));
    // Which of two columns of one name holds the data cannot be guessed: the file is refused.
    if (!fresh && !name.empty())
      problems.push_back({file + ":1:" + name, "the column appears twice (columns " +
                                                   std::to_string(at->second + 1) + " and " +
                                                   std::to_string(i + 1) + "); keep one"});
    h.names.push_back(name);
  }
  for (const ColumnAlias& a : aliases) {
    auto alias = h.index.find(lower_ascii(a.alias));
    if (alias != h.index.end()) h.index.emplace(lower_ascii(a.name), alias->second);
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

void check_text(const Row& row, const std::vector<std::string>& names) {
  for (size_t i = 0; i < row.fields->size(); ++i) {
    const std::string& cell = (*row.fields)[i];
    const std::string column = i < names.size() ? names[i] : "column " + std::to_string(i + 1);
    if (!valid_utf8(cell))
      row.problem(column, "is not UTF-8 text; save the file as CSV UTF-8");
    else if (std::optional<ControlChar> bad = find_control(cell, "\t\r\n"))
      row.problem(column, "contains the control character " + code_point_name(bad->code) + " at character " +
                              std::to_string(bad->offset + 1) + "; a record keeps printable text only");
  }
}

std::vector<std::string> unread_columns(const Header& header, std::initializer_list<const char*> read) {
  std::vector<std::string> out;
  for (const std::string& name : header.names) {
    if (name.empty()) continue;
    bool known = false;
    for (const char* r : read) known = known || lower_ascii(name) == lower_ascii(r);
    if (!known) out.push_back(name);
  }
  return out;
}

std::string ungrouped_number(std::string_view text) {
  // [sign] 1 to 3 digits, then groups of ",ddd", then an optional ".fraction": "1,000", "-12,345.67".
  size_t i = (!text.empty() && (text[0] == '-' || text[0] == '+')) ? 1 : 0;
  size_t lead = 0;
  while (i + lead < text.size() && text[i + lead] >= '0' && text[i + lead] <= '9') ++lead;
  if (lead == 0 || lead > 3 || i + lead >= text.size() || text[i + lead] != ',') return std::string(text);
  size_t j = i + lead;
  while (j < text.size() && text[j] == ',') {
    for (size_t k = 1; k <= 3; ++k)
      if (j + k >= text.size() || text[j + k] < '0' || text[j + k] > '9') return std::string(text);
    j += 4;
  }
  if (j < text.size() && text[j] != '.') return std::string(text);
  std::string out;
  for (char c : text)
    if (c != ',') out += c;
  return out;
}

Result<std::string> decode_text(const std::string& file, std::string_view bytes) {
  auto utf16 = [&](size_t from, bool little) -> Result<std::string> {
    std::string out;
    out.reserve(bytes.size());
    for (size_t i = from; i + 1 < bytes.size(); i += 2) {
      auto unit = [&](size_t at) {
        const auto lo = static_cast<unsigned char>(bytes[at + (little ? 0 : 1)]);
        const auto hi = static_cast<unsigned char>(bytes[at + (little ? 1 : 0)]);
        return uint32_t(hi) << 8 | lo;
      };
      uint32_t cp = unit(i);
      if (cp >= 0xD800 && cp <= 0xDBFF && i + 3 < bytes.size()) {
        const uint32_t low = unit(i + 2);
        if (low < 0xDC00 || low > 0xDFFF) return Problem{file, "is not valid UTF-16 (a lone surrogate)"};
        cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
        i += 2;
      } else if (cp >= 0xD800 && cp <= 0xDFFF) {
        return Problem{file, "is not valid UTF-16 (a lone surrogate)"};
      }
      if (cp < 0x80) {
        out += char(cp);
      } else if (cp < 0x800) {
        out += char(0xC0 | cp >> 6), out += char(0x80 | (cp & 0x3F));
      } else if (cp < 0x10000) {
        out += char(0xE0 | cp >> 12), out += char(0x80 | (cp >> 6 & 0x3F)), out += char(0x80 | (cp & 0x3F));
      } else {
        out += char(0xF0 | cp >> 18), out += char(0x80 | (cp >> 12 & 0x3F));
        out += char(0x80 | (cp >> 6 & 0x3F)), out += char(0x80 | (cp & 0x3F));
      }
    }
    if ((bytes.size() - from) % 2) return Problem{file, "is not valid UTF-16 (an odd number of bytes)"};
    return out;
  };
  if (bytes.size() >= 2 && bytes[0] == '\xFF' && bytes[1] == '\xFE') return utf16(2, true);
  if (bytes.size() >= 2 && bytes[0] == '\xFE' && bytes[1] == '\xFF') return utf16(2, false);
  // UTF-16 without a byte-order mark: ASCII text with every other byte NUL.
  if (bytes.size() >= 4 && ((bytes[0] != 0 && bytes[1] == 0 && bytes[3] == 0) ||
                            (bytes[0] == 0 && bytes[1] != 0 && bytes[2] == 0)))
    return Problem{file, "looks like UTF-16 text without a byte-order mark; save it as CSV UTF-8"};
  return std::string();  // as it is
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
                   int64_t rows, int64_t invoices, int64_t payments, int64_t customers,
                   const std::vector<std::string>& unread) {
  Json j = {{"id", id},     {"kind", kind},         {"file", file},         {"sha256", sha},
            {"rows", rows}, {"invoices", invoices}, {"payments", payments}, {"customers", customers}};
  std::string list;
  for (const std::string& name : unread) list += (list.empty() ? "" : ", ") + name;
  // Only when there are some, so the events of files that had none read back as they were written.
  if (!list.empty()) j["unread_columns"] = list;
  return j;
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

Result<bool> CheckedBatches::write(EventSink& sink, size_t count) {
  for (size_t n = 0; n < std::max<size_t>(count, 1) && next_ < emits_.size(); ++n, ++next_) {
    if (Status s = emits_[next_](sink); !s) return s.problems();
    emits_[next_] = nullptr;
  }
  return next_ == emits_.size();
}

Result<int64_t> imported_deposit(std::string_view cell, std::string_view terms, int64_t total, int digits) {
  if (cell.empty()) return invoice_deposit(terms, total);
  Result<int64_t> amount = parse_amount(ungrouped_number(cell), digits);
  if (!amount) return amount.problems();
  if (amount.value() < 0) return Problem{"Deposit", "is negative"};
  if (amount.value() > total)
    return Problem{"Deposit", money_text(amount.value(), digits) + " is more than the invoice's total " +
                                  money_text(total, digits)};
  return amount.value();
}

}  // namespace duebook

// What the invoice and payment imports share: the header and rows of a CSV file, checks of its text, the
// ledger's customers by name, and the settings that make a bulk import fast (a large page cache, indexes
// built once at the end).
#pragma once

#include <cstdint>
#include <functional>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/date.h"
#include "base/result.h"
#include "base/text.h"
#include "customers/customer_queries.h"
#include "store/db.h"
#include "store/projector.h"

namespace duebook {

// Column positions by canonical name; -1 when the file has no such column.
struct Header {
  std::unordered_map<std::string, int> index;  // lower-case name without '*' -> position
  std::vector<std::string> names;              // names as written, by position
  // The position of column `name` (a string literal: positions are remembered by its address, as every cell
  // of every row asks), or -1.
  int operator[](const char* name) const {
    for (const auto& [literal, position] : memo)
      if (literal == name) return position;
    auto it = index.find(lower_ascii(name));
    int position = it == index.end() ? -1 : it->second;
    memo.emplace_back(name, position);
    return position;
  }
  // The column `name` as the file writes it (the other program's name when it is read through an alias), or
  // `name` itself when the file has no such column: what a problem names.
  std::string written(const std::string& name) const {
    auto it = index.find(lower_ascii(name));
    return it == index.end() || size_t(it->second) >= names.size() ? name : names[size_t(it->second)];
  }
  mutable std::vector<std::pair<const char*, int>> memo;  // literal -> position, filled on first use
};

// One column another program names differently: `alias` is read as `name` when the file has no `name`.
struct ColumnAlias {
  const char* name;   // the name the importer asks for
  const char* alias;  // the other program's name for it
};

// Reads the header record: names are matched case-insensitively, with blanks and a leading '*' (QuickBooks'
// and Xero's mark of a required column) ignored; each alias whose column the file has, and whose name it has
// not, reads that column under the name. Problems for required columns that are missing.
Header read_header(const std::vector<std::string>& fields, const std::vector<const char*>& required,
                   const std::string& file, Problems& problems, const std::vector<ColumnAlias>& aliases = {});

// One CSV row with its problems.
struct Row {
  const std::vector<std::string>* fields = nullptr;  // the record
  const Header* header = nullptr;                    // column positions
  std::string file;                                  // file name for problems
  int64_t line = 0;                                  // row number as a spreadsheet shows it
  Problems* problems = nullptr;                      // where problems go
  size_t problems_before = 0;                        // problems count when the row was started

  // The cell of `column` without surrounding blanks (a view into the record); empty when the file has no such
  // column or the row is short.
  std::string_view get(const char* column) const {
    int i = (*header)[column];
    if (i < 0 || size_t(i) >= fields->size()) return {};
    std::string_view v = (*fields)[size_t(i)];
    size_t b = v.find_first_not_of(" \t\r\n");
    if (b == std::string_view::npos) return {};
    return v.substr(b, v.find_last_not_of(" \t\r\n") - b + 1);
  }
  void problem(const std::string& column, const std::string& message) const {
    problems->push_back({file + ":" + std::to_string(line) + ":" + header->written(column), message});
  }
  bool ok() const { return problems->size() == problems_before; }
};

// True when `s` is well-formed UTF-8 (RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF).
bool valid_utf8(std::string_view s);

// Problems for fields of the record that are not UTF-8 (which JSON, and so the event log, cannot hold) or
// that hold control characters other than tab and line ends (NUL, ESC…: never stored, never printed raw).
void check_text(const Row& row, const std::vector<std::string>& names);

// The header's names that are not among `read` (case-insensitively), in file order: the import's report
// lists them, so no column is dropped without a word.
std::vector<std::string> unread_columns(const Header& header, std::initializer_list<const char*> read);

// `text` without the thousands separators of the "1,234.56" number format when they are unambiguous there:
// "1,000" -> "1000", "-12,345.67" -> "-12345.67"; anything else ("1,5", "12,34") comes back unchanged, for
// the number reader to refuse.
std::string ungrouped_number(std::string_view text);

// The text of a file's bytes as UTF-8: UTF-16 with a byte-order mark (little- or big-endian) is converted;
// an empty string means "use the bytes as they are" (UTF-8, with or without its BOM, which the CSV reader
// skips). UTF-16 without a mark, or broken UTF-16, is a problem naming `file`.
Result<std::string> decode_text(const std::string& file, std::string_view bytes);

// Reads a date in the given format, or (format empty) ISO 8601 or US month/day/year by its look.
std::optional<Date> read_date(const Row& row, const char* column, const std::string& format);

std::string money_text(int64_t minor, int digits);

// The down payment of an imported invoice of `total` (minor units, `digits` decimals): the Deposit cell when
// it is not empty (an amount, 0 = none, at most the total), else what `terms` ask ("30% deposit, Net 30":
// invoice_deposit, invoicing/deposits.h) — so the Terms column, or the customer's terms (which "require a
// down payment" sets), apply as they do to a typed invoice. Fails with a message for the Deposit column.
Result<int64_t> imported_deposit(std::string_view cell, std::string_view terms, int64_t total, int digits);

// "already imported on 2026-03-01" when a file with this digest was imported and not undone.
std::optional<Problem> already_imported(Db& db, const std::string& file, const std::string& sha);

// The ledger's customers by name key, read in one pass when the import starts (one indexed probe per new name
// would cost more for a large file), plus the ones the import creates.
struct KnownCustomer {
  int64_t id = 0;        // customer id
  std::string currency;  // the customer's currency
  std::string terms;     // default terms
};

class CustomerCache {
 public:
  explicit CustomerCache(Db& db) {
    Statement& st = db.prepare("SELECT id, name_key, currency, terms FROM customers WHERE retracted = 0");
    while (st.step()) cache_[st.text(1)] = {st.int64(0), st.text(2), st.text(3)};
    st.reset();
  }
  // The customer named `name` (case-insensitively), or nullptr when there is none. Pointers stay valid.
  const KnownCustomer* find(const std::string& name) const {
    auto it = cache_.find(name_key(name));
    return it == cache_.end() ? nullptr : &it->second;
  }
  const KnownCustomer* remember(const std::string& name, KnownCustomer k) {
    return &(cache_[name_key(name)] = std::move(k));
  }

 private:
  std::unordered_map<std::string, KnownCustomer> cache_;
};

// Raises SQLite's page cache to 256 MiB while a bulk import runs, so the indexes it inserts into at random
// places (by customer) stay in memory instead of being spilled and re-read; restores the setting after.
class BulkCache {
 public:
  explicit BulkCache(Db& db) : db_(db) {
    Statement& st = db_.prepare("PRAGMA cache_size");
    old_ = st.step() ? st.int64(0) : -2000;
    st.reset();
    (void)db_.exec("PRAGMA cache_size = -262144");
  }
  ~BulkCache() { (void)db_.exec("PRAGMA cache_size = " + std::to_string(old_)); }
  BulkCache(const BulkCache&) = delete;
  BulkCache& operator=(const BulkCache&) = delete;

 private:
  Db& db_;
  int64_t old_ = 0;
};

// A bulk import into a ledger small beside the file: a table's secondary indexes are dropped while its rows
// go in and built again once they are all in, within the same transaction. Building an index is one sort;
// keeping it up to date is an insert at a random place per row. For a million invoices that is 12 s against
// 18 s (docs/benchmarks.md). If the import fails, the rollback brings the indexes back as they were; on
// success they are built from the very SQL they were created with (sqlite_master), so migrations stay the one
// definition.
class DeferredIndexes {
 public:
  // Drops the indexes of `table` except those in `keep` (ones the import reads) when `bulk`; else does
  // nothing.
  DeferredIndexes(Db& db, const char* table, std::initializer_list<std::string_view> keep, bool bulk)
      : db_(db) {
    if (!bulk) return;
    Statement& st = db_.prepare(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ?1 AND sql IS NOT NULL "
        "ORDER BY name");
    st.bind_all(table);
    std::vector<std::pair<std::string, std::string>> indexes;  // name, CREATE INDEX statement
    while (st.step())
      if (std::find(keep.begin(), keep.end(), st.text_view(0)) == keep.end())
        indexes.emplace_back(st.text(0), st.text(1));
    st.reset();
    // One that cannot be dropped stays and is kept up to date row by row: slower, still right.
    for (auto& [name, create] : indexes)
      if (db_.exec("DROP INDEX \"" + name + "\"")) sql_.push_back(std::move(create));
  }
  // Builds the dropped indexes again. Must be called before the import commits.
  Status restore() {
    std::vector<std::string> sql = std::move(sql_);
    sql_.clear();
    for (const std::string& create : sql)
      if (Status s = db_.exec(create); !s) return s;
    return ok_status();
  }
  // A failed import is rolled back, which restores them anyway; this only makes sure that no path forgets.
  ~DeferredIndexes() { (void)restore(); }
  DeferredIndexes(const DeferredIndexes&) = delete;
  DeferredIndexes& operator=(const DeferredIndexes&) = delete;

 private:
  Db& db_;
  std::vector<std::string> sql_;  // CREATE INDEX statements of the dropped indexes
};

// True when a file of `text` is large beside the `table` it imports into: 10,000 rows or more, and at least a
// quarter of the rows already there (building the index again then costs less than inserting into it).
bool is_bulk(Db& db, const char* table, std::string_view text);

// A StreamPlan's `run` made of its `step`: steps without a row limit until everything is emitted.
std::function<Status(EventSink&)> run_all_steps(std::function<Result<bool>(EventSink&, int64_t)> step);

// The batches of rows an import has read and checked before the write lock (StreamPlan::check), each kept as
// the function that emits its events; written in order once the ledger holds the lock.
class CheckedBatches {
 public:
  using Emit = std::function<Status(EventSink&)>;
  // Keeps one more batch, to be written after those kept before.
  void add(Emit emit) { emits_.push_back(std::move(emit)); }
  // Emits up to `count` more batches (at least one), freeing each once written; true once all are written.
  Result<bool> write(EventSink& sink, size_t count);
  // The share of the batches written so far (1 when there are none).
  double share_written() const { return emits_.empty() ? 1.0 : double(next_) / double(emits_.size()); }

 private:
  std::vector<Emit> emits_;
  size_t next_ = 0;  // the first batch not yet written
};

// A file's text as an importer reads it: the command's bytes, or their conversion to UTF-8 when decode_text
// had to convert them (then kept here). Neither copied nor moved, so the view stays valid.
class ImportText {
 public:
  ImportText(std::string_view bytes, std::string decoded)
      : decoded_(std::move(decoded)), view_(decoded_.empty() ? bytes : std::string_view(decoded_)) {}
  ImportText(const ImportText&) = delete;
  ImportText& operator=(const ImportText&) = delete;
  std::string_view view() const { return view_; }

 private:
  std::string decoded_;    // the converted text; empty when the bytes are read as they are
  std::string_view view_;  // decoded_ or the bytes
};

// The import.recorded payload; `unread` lists the file's columns the importer did not read.
Json import_record(int64_t id, const char* kind, const std::string& file, const std::string& sha,
                   int64_t rows, int64_t invoices, int64_t payments, int64_t customers,
                   const std::vector<std::string>& unread);

// The file name without its folders, for labels.
std::string base_name(const std::string& path);

}  // namespace duebook

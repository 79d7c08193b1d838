// Thin RAII wrappers over SQLite: Db (a connection), Statement (a prepared statement with bound
// parameters — user text never becomes SQL), Transaction (nestable through SAVEPOINT).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "base/result.h"

struct sqlite3;
struct sqlite3_stmt;

namespace duebook {

class Statement;

class Db {
 public:
  // Opens (creating if missing) the database file at `path` (":memory:" for a private in-memory one).
  // On failure returns a problem naming the path; nothing is created.
  static Result<std::unique_ptr<Db>> open(const std::string& path);
  ~Db();
  Db(const Db&) = delete;
  Db& operator=(const Db&) = delete;

  // Runs one or more statements without parameters (schema, pragmas). Returns the SQLite error as a problem.
  Status exec(std::string_view sql);
  // Prepares `sql`; cached, so preparing the same text again reuses the compiled statement.
  // A failure to prepare is a programmer mistake (the SQL is ours) and asserts.
  Statement& prepare(std::string_view sql);
  int64_t last_insert_rowid() const;
  int changes() const;
  std::string error_message() const;
  const std::string& path() const { return path_; }

  // Whether statements may change the database. The ledger hands its connection out read-only and opens it
  // for writing only inside its own transactions, so nothing can write around the event log. While read-only,
  // a statement that would write fails (step() false, run() a problem naming SQLITE_AUTH or read-only) and
  // changes nothing; transaction control and reads work as usual.
  void set_writable(bool writable) { writable_ = writable; }
  bool writable() const { return writable_; }
  sqlite3* handle() { return db_; }

 private:
  Db(sqlite3* db, std::string path);
  struct Cache;
  sqlite3* db_;
  std::string path_;
  std::unique_ptr<Cache> cache_;
  friend class Transaction;
  int savepoint_depth_ = 0;
  bool writable_ = true;
};

// SQLite's check of the file's structure (PRAGMA integrity_check): "ok", or its findings joined by "; ".
// Reads only.
std::string integrity_check(Db& db);

// A prepared statement. bind() by 1-based index; step() returns true while a row is available.
// reset() happens automatically when the statement is prepared again from the cache.
class Statement {
 public:
  Statement(Db& db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  Statement& bind(int index, int64_t value);
  Statement& bind(int index, int value) { return bind(index, int64_t{value}); }
  Statement& bind(int index, std::string_view value);
  Statement& bind(int index, const char* value) { return bind(index, std::string_view(value)); }
  Statement& bind(int index, const std::string& value) { return bind(index, std::string_view(value)); }
  Statement& bind_null(int index);
  Statement& bind(int index, const std::optional<int64_t>& value) {
    return value ? bind(index, *value) : bind_null(index);
  }
  // Binds several values at 1, 2, 3, ...
  template <class... Ts>
  Statement& bind_all(const Ts&... values) {
    int i = 0;
    (bind(++i, values), ...);
    return *this;
  }

  // Advances to the next row; false when done. A constraint or I/O error is recorded for ok()/error().
  bool step();
  // Runs a statement that returns no rows; returns its error, if any, as a problem.
  Status run();
  void reset();

  int64_t int64(int column) const;
  std::string text(int column) const;
  std::string_view text_view(int column) const;  // valid until the next step()/reset()
  bool is_null(int column) const;
  std::optional<int64_t> opt_int64(int column) const;

 private:
  Db& db_;
  sqlite3_stmt* stmt_;
  int last_rc_ = 0;
};

// Opens a transaction (or, when one is open, a SAVEPOINT) that rolls back unless commit() is called.
class Transaction {
 public:
  explicit Transaction(Db& db);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  // Makes the changes durable (outermost) or folds them into the enclosing transaction.
  Status commit();

 private:
  Db& db_;
  std::string name_;
  bool done_ = false;
};

}  // namespace duebook

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

// How a database file is opened.
enum class OpenMode {
  Create,    // read and write; a missing file is created
  Existing,  // read and write; a missing file is refused, nothing is created
  ReadOnly,  // SQLITE_OPEN_READONLY: SQLite itself refuses every write; a missing file is refused
};

// A failure that is not the caller's mistake nor its input's: the file's schema lacks what our SQL names (a
// damaged file), or another connection held the lock longer than the busy timeout.
enum class FaultKind { None, SchemaDamaged, Busy };
struct Fault {
  FaultKind kind = FaultKind::None;  // None: no fault so far
  std::string detail;                // SQLite's message and, for SchemaDamaged, the SQL that failed
};

class Db {
 public:
  // Opens the database file at `path` (":memory:" for a private in-memory one) as `mode` says. On failure
  // returns a problem naming the path ("no such file" when it is missing and may not be created); nothing is
  // created then.
  static Result<std::unique_ptr<Db>> open(const std::string& path, OpenMode mode = OpenMode::Create);
  ~Db();
  Db(const Db&) = delete;
  Db& operator=(const Db&) = delete;

  // Runs one or more statements without parameters (schema, pragmas). Returns the SQLite error as a problem.
  Status exec(std::string_view sql);
  // Prepares `sql`; cached, so preparing the same text again reuses the compiled statement.
  // Our SQL fails to prepare only when the file's schema lacks a table or column it names (a damaged file),
  // or when the schema cannot be read for a lock: that is data, not a programmer mistake, so it must not
  // abort. The statement returned then is a failed one (bind does nothing, step() is false, run() returns the
  // error) and the failure is recorded as the connection's fault(): callers read on as if no row matched, and
  // the program reports the fault instead of the result. Tests check fault() stays clear
  // (tests/test_support.h), so a mistake in our own SQL still fails loudly there.
  Statement& prepare(std::string_view sql);
  // The first failure recorded on this connection that is neither the caller's mistake nor its input's (a
  // damaged schema, a lock held too long); kind None when there was none.
  const Fault& fault() const { return fault_; }
  // Records `kind` unless a fault is already recorded (the first one explains the rest).
  void record_fault(FaultKind kind, std::string detail);
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
  // Ends the reads this connection's statements have left open (a statement stepped to a row and not reset
  // holds its read transaction), so that the file may be changed from outside. Does nothing inside a
  // transaction; the statements are prepared again (and reset) as usual at their next use.
  void end_reads();

 private:
  Db(sqlite3* db, std::string path);
  struct Cache;
  sqlite3* db_;
  std::string path_;
  std::unique_ptr<Cache> cache_;
  friend class Transaction;
  int savepoint_depth_ = 0;
  bool writable_ = true;
  Fault fault_;
};

// SQLite's check of the file's structure (PRAGMA integrity_check): "ok", or its findings joined by "; ".
// Reads only.
std::string integrity_check(Db& db);

// A prepared statement. bind() by 1-based index; step() returns true while a row is available.
// reset() happens automatically when the statement is prepared again from the cache.
class Statement {
 public:
  // `stmt` null: a statement that failed to prepare (Db::prepare); it returns no rows and runs to an error.
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

// Whether an outermost transaction takes the write lock at once.
enum class TransactionKind {
  Read,   // deferred: reads see one state; a write later may find another writer first (SQLITE_BUSY at once)
  Write,  // BEGIN IMMEDIATE: waits up to the busy timeout for the write lock before anything is read, so a
          // read-then-write never meets a writer that came in between
};

// Opens a transaction (or, when one is open, a SAVEPOINT) that rolls back unless commit() is called.
class Transaction {
 public:
  // When the write lock of a Write transaction cannot be had, commit() returns that problem (and the fault is
  // recorded on `db`); statements inside fail as they would without the lock.
  explicit Transaction(Db& db, TransactionKind kind = TransactionKind::Read);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  // Makes the changes durable (outermost) or folds them into the enclosing transaction.
  Status commit();

 private:
  Db& db_;
  std::string name_;
  bool done_ = false;
  bool began_ = false;          // this transaction ran BEGIN IMMEDIATE, so it ends with COMMIT or ROLLBACK
  Status begun_ = ok_status();  // the outcome of BEGIN IMMEDIATE
};

}  // namespace duebook

#include "store/db.h"

#include <sqlite3.h>

#include <cassert>
#include <filesystem>
#include <string>
#include <unordered_map>

namespace duebook {
namespace {

// SQLite's authorizer, consulted while a statement is compiled: while the connection is read-only, anything
// that would change the schema or a table is denied (reads, pragmas and transaction control are allowed).
int authorize_writes(void* self, int action, const char*, const char*, const char*, const char*) {
  if (static_cast<const Db*>(self)->writable()) return SQLITE_OK;
  switch (action) {
    case SQLITE_INSERT:
    case SQLITE_UPDATE:
    case SQLITE_DELETE:
    case SQLITE_CREATE_INDEX:
    case SQLITE_CREATE_TABLE:
    case SQLITE_CREATE_TRIGGER:
    case SQLITE_CREATE_VIEW:
    case SQLITE_DROP_INDEX:
    case SQLITE_DROP_TABLE:
    case SQLITE_DROP_TRIGGER:
    case SQLITE_DROP_VIEW:
    case SQLITE_ALTER_TABLE:
    case SQLITE_REINDEX:
    case SQLITE_ANALYZE:
    case SQLITE_ATTACH:
    case SQLITE_DETACH:
      return SQLITE_DENY;
    default:
      return SQLITE_OK;
  }
}

// Another connection holds a lock we wait for (SQLITE_BUSY, with its extended codes).
bool is_busy(int rc) {
  return (rc & 0xff) == SQLITE_BUSY;
}

}  // namespace

struct Db::Cache {
  std::unordered_map<std::string, std::unique_ptr<Statement>> statements;
  // What prepare returns for SQL that failed to prepare: no SQLite statement behind it and no state of its
  // own, so one serves every failure and a reference to it never dangles.
  std::unique_ptr<Statement> failed;
};

Db::Db(sqlite3* db, std::string path) : db_(db), path_(std::move(path)), cache_(std::make_unique<Cache>()) {}

Db::~Db() {
  cache_.reset();  // finalize statements before closing
  sqlite3_close(db_);
}

Result<std::unique_ptr<Db>> Db::open(const std::string& path, OpenMode mode) {
  const bool in_memory = path == ":memory:" || path.empty();
  if (mode != OpenMode::Create && !in_memory) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) return Problem{path, "no such file"};
    if (std::filesystem::is_directory(path, ec)) return Problem{path, "is a directory, not a ledger file"};
  }
  int flags = mode == OpenMode::ReadOnly ? SQLITE_OPEN_READONLY
              : mode == OpenMode::Create ? SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE
                                         : SQLITE_OPEN_READWRITE;
  sqlite3* raw = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
  if (rc != SQLITE_OK) {
    std::string msg = raw ? sqlite3_errmsg(raw) : sqlite3_errstr(rc);
    sqlite3_close(raw);
    return Problem{path, "cannot open the database: " + msg};
  }
  sqlite3_extended_result_codes(raw, 1);
  auto db = std::unique_ptr<Db>(new Db(raw, path));
  sqlite3_set_authorizer(raw, authorize_writes, db.get());
  return db;
}

Status Db::exec(std::string_view sql) {
  char* err = nullptr;
  std::string text(sql);
  if (sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
    std::string msg = err ? err : "unknown error";
    sqlite3_free(err);
    if (is_busy(sqlite3_extended_errcode(db_))) record_fault(FaultKind::Busy, msg);
    return Problem{path_, msg};
  }
  return ok_status();
}

void Db::record_fault(FaultKind kind, std::string detail) {
  if (fault_.kind != FaultKind::None) return;
  fault_.kind = kind;
  fault_.detail = std::move(detail);
}

Statement& Db::prepare(std::string_view sql) {
  std::string key(sql);
  auto it = cache_->statements.find(key);
  if (it != cache_->statements.end()) {
    it->second->reset();
    return *it->second;
  }
  sqlite3_stmt* stmt = nullptr;
  int rc = sqlite3_prepare_v3(db_, key.data(), int(key.size()), SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
  if (rc != SQLITE_OK) {
    // Not cached: once the file is repaired (or the lock released) the same text prepares again.
    if (is_busy(rc))
      record_fault(FaultKind::Busy, sqlite3_errmsg(db_));
    else
      record_fault(FaultKind::SchemaDamaged, std::string(sqlite3_errmsg(db_)) + " (in: " + key + ")");
    if (!cache_->failed) cache_->failed = std::make_unique<Statement>(*this, nullptr);
    return *cache_->failed;
  }
  auto& slot = cache_->statements[key];
  slot = std::make_unique<Statement>(*this, stmt);
  return *slot;
}

int64_t Db::last_insert_rowid() const {
  return sqlite3_last_insert_rowid(db_);
}
void Db::end_reads() {
  if (!sqlite3_get_autocommit(db_)) return;
  for (sqlite3_stmt* s = sqlite3_next_stmt(db_, nullptr); s; s = sqlite3_next_stmt(db_, s))
    if (sqlite3_stmt_busy(s)) sqlite3_reset(s);
}

int Db::changes() const {
  return sqlite3_changes(db_);
}
std::string Db::error_message() const {
  return sqlite3_errmsg(db_);
}

Statement::~Statement() {
  sqlite3_finalize(stmt_);
}

Statement& Statement::bind(int index, int64_t value) {
  if (!stmt_) return *this;
  sqlite3_bind_int64(stmt_, index, value);
  return *this;
}
Statement& Statement::bind(int index, std::string_view value) {
  if (!stmt_) return *this;
  sqlite3_bind_text(stmt_, index, value.data(), int(value.size()), SQLITE_TRANSIENT);
  return *this;
}
Statement& Statement::bind_null(int index) {
  if (!stmt_) return *this;
  sqlite3_bind_null(stmt_, index);
  return *this;
}

bool Statement::step() {
  if (!stmt_) {
    last_rc_ = SQLITE_ERROR;
    return false;
  }
  // A statement compiled while the connection was writable (and cached) is refused here when it no longer is.
  if (!db_.writable() && !sqlite3_stmt_readonly(stmt_)) {
    last_rc_ = SQLITE_READONLY;
    return false;
  }
  last_rc_ = sqlite3_step(stmt_);
  if (is_busy(last_rc_)) db_.record_fault(FaultKind::Busy, db_.error_message());
  return last_rc_ == SQLITE_ROW;
}

Status Statement::run() {
  while (step()) {
  }
  int rc = last_rc_;
  reset();
  if (rc == SQLITE_READONLY && !db_.writable())
    return Problem{db_.path(), "the database is open read-only here"};
  if (!stmt_) return Problem{db_.path(), "a statement could not be prepared: " + db_.fault().detail};
  if (rc != SQLITE_DONE) return Problem{db_.path(), db_.error_message()};
  return ok_status();
}

void Statement::reset() {
  if (!stmt_) return;
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

// The column readers are only called after step() returned true, which a failed statement never does; they
// still answer "no value" for one, so a caller that reads anyway gets nothing rather than a crash.
int64_t Statement::int64(int column) const {
  return stmt_ ? sqlite3_column_int64(stmt_, column) : 0;
}
std::string Statement::text(int column) const {
  return std::string(text_view(column));
}
std::string_view Statement::text_view(int column) const {
  if (!stmt_) return {};
  auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
  return p ? std::string_view(p, size_t(sqlite3_column_bytes(stmt_, column))) : std::string_view();
}
bool Statement::is_null(int column) const {
  return !stmt_ || sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}
std::optional<int64_t> Statement::opt_int64(int column) const {
  if (is_null(column)) return std::nullopt;
  return int64(column);
}

Transaction::Transaction(Db& db, TransactionKind kind) : db_(db) {
  if (kind == TransactionKind::Write && db_.savepoint_depth_ == 0 && sqlite3_get_autocommit(db_.db_)) {
    began_ = true;
    begun_ = db_.exec("BEGIN IMMEDIATE");
  }
  name_ = "sp" + std::to_string(db_.savepoint_depth_++);
  Status s = db_.exec("SAVEPOINT " + name_);
  assert(s.ok());
  (void)s;
}

Transaction::~Transaction() {
  if (!done_) {
    (void)db_.exec("ROLLBACK TO " + name_);
    (void)db_.exec("RELEASE " + name_);
    if (began_ && !sqlite3_get_autocommit(db_.db_)) (void)db_.exec("ROLLBACK");
  }
  --db_.savepoint_depth_;
}

Status Transaction::commit() {
  assert(!done_);
  if (!begun_) return begun_;  // without the write lock: the destructor rolls back
  if (Status s = db_.exec("RELEASE " + name_); !s) return s;
  if (began_)
    if (Status s = db_.exec("COMMIT"); !s) return s;  // e.g. busy: the destructor rolls back
  done_ = true;
  return ok_status();
}

std::string integrity_check(Db& db) {
  Statement& st = db.prepare("PRAGMA integrity_check");
  std::string findings;
  while (st.step()) findings += (findings.empty() ? "" : "; ") + st.text(0);
  st.reset();
  return findings;
}

}  // namespace duebook

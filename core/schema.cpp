#include "schema.h"

namespace duebook {
namespace {

struct Migration {
  int version;       // applied in increasing order, never renumbered
  const char* name;  // what it does
  const char* sql;   // statements run inside the migration's transaction
};

// Never edit a migration that has shipped: add a new one.
const Migration kMigrations[] = {
    {1, "event log, actions, customers and contacts", R"SQL(
CREATE TABLE events(
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  at_ms INTEGER NOT NULL,
  actor TEXT NOT NULL,
  type TEXT NOT NULL,
  payload TEXT NOT NULL,
  action INTEGER NOT NULL,
  action_kind TEXT NOT NULL,
  action_target INTEGER NOT NULL,
  label TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL);
CREATE INDEX events_by_action ON events(action);

CREATE TABLE settings(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;

CREATE TABLE actions(
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,
  target INTEGER NOT NULL,
  label TEXT NOT NULL,
  state TEXT NOT NULL,
  first_seq INTEGER NOT NULL,
  last_seq INTEGER NOT NULL);

CREATE TABLE customers(
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  name_key TEXT NOT NULL,
  currency TEXT NOT NULL,
  address TEXT NOT NULL DEFAULT '',
  tax_id TEXT NOT NULL DEFAULT '',
  terms TEXT NOT NULL DEFAULT '',
  credit_limit INTEGER,
  notes TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'active',
  retracted INTEGER NOT NULL DEFAULT 0,
  created_seq INTEGER NOT NULL);
CREATE INDEX customers_by_name ON customers(retracted, name_key);

CREATE TABLE contacts(
  customer_id INTEGER NOT NULL,
  position INTEGER NOT NULL,
  role TEXT NOT NULL,
  name TEXT NOT NULL,
  email TEXT NOT NULL DEFAULT '',
  phone TEXT NOT NULL DEFAULT '',
  PRIMARY KEY(customer_id, position)) WITHOUT ROWID;
)SQL"},
};

}  // namespace

int latest_schema_version() { return kMigrations[std::size(kMigrations) - 1].version; }

const std::vector<std::string>& projection_tables() {
  static const std::vector<std::string> tables = {"actions", "customers", "contacts"};
  return tables;
}

Status migrate(Db& db) {
  Statement& app = db.prepare("PRAGMA application_id");
  int64_t application_id = app.step() ? app.int64(0) : 0;
  app.reset();
  Statement& ver = db.prepare("PRAGMA user_version");
  int64_t version = ver.step() ? ver.int64(0) : 0;
  ver.reset();

  if (application_id != 0 && application_id != kApplicationId)
    return Problem{db.path(), "this is not a Duebook ledger (it belongs to another application)"};
  if (application_id == 0 && version == 0) {
    Statement& any = db.prepare("SELECT count(*) FROM sqlite_schema");
    int64_t objects = any.step() ? any.int64(0) : 0;
    any.reset();
    if (objects > 0) return Problem{db.path(), "this SQLite file is not a Duebook ledger"};
  }
  if (version > latest_schema_version())
    return Problem{db.path(), "this ledger was written by a newer Duebook (schema " + std::to_string(version) +
                                  "; this version reads up to " + std::to_string(latest_schema_version()) +
                                  "). Update Duebook to open it."};
  if (version == latest_schema_version()) return ok_status();

  Transaction tx(db);
  if (Status s = db.exec("CREATE TABLE IF NOT EXISTS schema_migrations(version INTEGER PRIMARY KEY, name TEXT "
                         "NOT NULL)");
      !s)
    return s;
  for (const Migration& m : kMigrations) {
    if (m.version <= version) continue;
    if (Status s = db.exec(m.sql); !s)
      return Problem{db.path(), "migration " + std::to_string(m.version) + " failed: " + describe(s.problems())};
    if (Status s = db.prepare("INSERT INTO schema_migrations(version, name) VALUES (?1, ?2)")
                       .bind_all(int64_t{m.version}, m.name)
                       .run();
        !s)
      return s;
  }
  if (Status s = db.exec("PRAGMA application_id = " + std::to_string(kApplicationId) +
                         "; PRAGMA user_version = " + std::to_string(latest_schema_version()));
      !s)
    return s;
  return tx.commit();
}

}  // namespace duebook

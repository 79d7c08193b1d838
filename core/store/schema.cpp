#include "store/schema.h"

namespace duebook {
namespace {

struct Migration {
  int version;       // applied in increasing order, never renumbered
  const char* name;  // what it does
  const char* sql;   // statements run inside the migration's transaction (store/migrations/NNNN_*.sql)
};

// Never edit a migration that has shipped: add a new one.
const Migration kMigrations[] = {
    {1, "event log, actions, customers and contacts",
#include "0001_event_log_customers.inc"
    },
    {2, "invoices, credit notes, payments, allocations, balances, schedules, imports",
#include "0002_receivables.inc"
    },
    {3, "collections: policies, steps done, contact log, promises, disputes, holds, charges, plans, endgame",
#include "0003_collections.inc"
    },
    {4, "the unpaid invoices by due date",
#include "0004_unpaid_invoices_by_due.inc"
    },
};

}  // namespace

int latest_schema_version() { return kMigrations[std::size(kMigrations) - 1].version; }

std::vector<std::string> projection_tables(Db& db) {
  // Every table but the log's own: a new table is a projection unless it is added here, and the rebuild test
  // (tests/core/test_ledger.cpp) proves each projection is rebuilt identically from the events.
  Statement& st = db.prepare(
      "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
      "AND name NOT IN ('events', 'settings', 'schema_migrations') ORDER BY name");
  std::vector<std::string> tables;
  while (st.step()) tables.push_back(st.text(0));
  st.reset();
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

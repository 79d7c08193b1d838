#include "store/schema.h"

#include <set>

namespace duebook {
namespace {

struct Migration {
  int version;       // applied in increasing order, never renumbered
  const char* name;  // what it does
  const char* sql;   // statements run inside the migration's transaction (store/migrations/NNNN_*.sql)
};

// Never edit a migration that has shipped: add a new one.
const Migration kMigrations[] = {
    {
        1,
        "event log, actions, customers and contacts",
#include "0001_event_log_customers.inc"
    },
    {
        2,
        "invoices, credit notes, payments, allocations, balances, schedules, imports",
#include "0002_receivables.inc"
    },
    {
        3,
        "collections: policies, steps done, contact log, promises, disputes, holds, charges, plans, endgame",
#include "0003_collections.inc"
    },
    {
        4,
        "the unpaid invoices by due date",
#include "0004_unpaid_invoices_by_due.inc"
    },
    {
        5,
        "the deposit an invoice asks for on receipt",
#include "0005_invoice_deposits.inc"
    },
    {
        6,
        "the columns an import did not read",
#include "0006_import_unread_columns.inc"
    },
    {
        7,
        "the customer pages: events by customer and record, placements and disputes by customer",
#include "0007_customer_pages.inc"
    },
    {
        8,
        "the language a customer is written to in",
#include "0008_customer_language.inc"
    },
    {
        9,
        "a customer's country and electronic address for e-invoices",
#include "0009_customer_einvoice_ids.inc"
    },
};

}  // namespace

int latest_schema_version() {
  return kMigrations[std::size(kMigrations) - 1].version;
}

Status restore_missing_projections(Db& db) {
  std::set<std::string> present;
  Statement& names = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'");
  while (names.step()) present.insert(names.text(0));
  names.reset();
  for (const char* own : {"events", "settings", "schema_migrations"})
    if (!present.count(own))
      return Problem{db.path(),
                     std::string("the ledger has lost its ") + own + " table: it cannot be rebuilt"};
  // The schema as the migrations make it, in a private in-memory database: tables first, then their indexes.
  Result<std::unique_ptr<Db>> fresh = Db::open(":memory:");
  if (!fresh) return fresh.problems();
  if (Status s = migrate(*fresh.value()); !s) return s;
  Statement& wanted = fresh.value()->prepare(
      "SELECT type, name, tbl_name, sql FROM sqlite_schema WHERE sql IS NOT NULL AND name NOT LIKE "
      "'sqlite_%' "
      "ORDER BY type <> 'table', rowid");
  std::set<std::string> restored;
  while (wanted.step()) {
    const std::string type = wanted.text(0), name = wanted.text(1), table = wanted.text(2);
    if (type == "table" ? present.count(name) > 0 : restored.count(table) == 0) continue;
    if (Status s = db.exec(wanted.text(3)); !s) return s;
    if (type == "table") restored.insert(name);
  }
  wanted.reset();
  return ok_status();
}

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

namespace {

int64_t pragma_value(Db& db, const char* sql) {
  Statement& st = db.prepare(sql);
  int64_t value = st.step() ? st.int64(0) : 0;
  st.reset();
  return value;
}

}  // namespace

Status check_ledger_identity(Db& db, bool allow_empty) {
  // Reading the schema fails on a file that is not SQLite at all ("file is not a database"), or is locked.
  if (Status s = db.exec("SELECT count(*) FROM sqlite_schema"); !s) return s;
  const int64_t application_id = pragma_value(db, "PRAGMA application_id");
  const int64_t version = pragma_value(db, "PRAGMA user_version");
  if (application_id != 0 && application_id != kApplicationId)
    return Problem{db.path(), "this is not a Duebook ledger (it belongs to another application)"};
  if (application_id == 0 && version == 0) {
    if (pragma_value(db, "SELECT count(*) FROM sqlite_schema") > 0)
      return Problem{db.path(), "this SQLite file is not a Duebook ledger"};
    if (!allow_empty) return Problem{db.path(), "the file is empty, not a Duebook ledger"};
  }
  if (version > latest_schema_version())
    return Problem{db.path(), "this ledger was written by a newer Duebook (schema " +
                                  std::to_string(version) + "; this version reads up to " +
                                  std::to_string(latest_schema_version()) + "). Update Duebook to open it."};
  return ok_status();
}

Status migrate(Db& db) {
  if (Status s = check_ledger_identity(db, true); !s) return s;
  const int64_t version = pragma_value(db, "PRAGMA user_version");
  if (version == latest_schema_version()) return ok_status();

  Transaction tx(db, TransactionKind::Write);
  if (Status s =
          db.exec("CREATE TABLE IF NOT EXISTS schema_migrations(version INTEGER PRIMARY KEY, name TEXT "
                  "NOT NULL)");
      !s)
    return s;
  for (const Migration& m : kMigrations) {
    if (m.version <= version) continue;
    if (Status s = db.exec(m.sql); !s)
      return Problem{db.path(),
                     "migration " + std::to_string(m.version) + " failed: " + describe(s.problems())};
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

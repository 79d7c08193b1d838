// The database layout: numbered migrations, recorded in schema_migrations; a database written by a newer
// Duebook is refused rather than misread.
#pragma once

#include <string>
#include <vector>

#include "base/result.h"
#include "store/db.h"

namespace duebook {

constexpr int kApplicationId = 0x44756542;  // "DueB", so `file` and tools can tell our databases apart

// The newest schema version this build knows.
int latest_schema_version();

// Reads the application id and schema version (changing nothing) and refuses, with a problem naming the file,
// a database that belongs to another application, a non-empty SQLite file without our id, or a schema newer
// than this build. An empty database (a new or 0-byte file) is accepted only when `allow_empty` (the caller
// is about to create the ledger in it); otherwise it is refused as "empty, not a Duebook ledger".
Status check_ledger_identity(Db& db, bool allow_empty);

// Brings `db` up to the latest schema inside one transaction. A database with another application id, or a
// schema newer than this build, is refused with a problem naming the file; nothing is changed then.
Status migrate(Db& db);

// Creates again, empty and with their indexes, the projection tables (and only those) that a damaged file has
// lost, as the migrations define them, so a rebuild can refill them. The log's own tables are never created
// here: a file without its event log is refused with a problem naming it. Changes nothing when none is
// missing.
Status restore_missing_projections(Db& db);

// Tables derived from the event log, by name: every table of the schema but the log's own (events, settings,
// schema_migrations). Rebuild empties and refills exactly these.
std::vector<std::string> projection_tables(Db& db);

}  // namespace duebook

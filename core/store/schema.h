// The database layout: numbered migrations, recorded in schema_migrations; a database written by a newer
// Duebook is refused rather than misread.
#pragma once

#include <string>
#include <vector>

#include "store/db.h"
#include "base/result.h"

namespace duebook {

constexpr int kApplicationId = 0x44756542;  // "DueB", so `file` and tools can tell our databases apart

// The newest schema version this build knows.
int latest_schema_version();

// Brings `db` up to the latest schema inside one transaction. A database with another application id, or a
// schema newer than this build, is refused with a problem naming the file; nothing is changed then.
Status migrate(Db& db);

// Tables derived from the event log, by name: every table of the schema but the log's own (events, settings,
// schema_migrations). Rebuild empties and refills exactly these.
std::vector<std::string> projection_tables(Db& db);

}  // namespace duebook

#include "test_support.h"

#include "store/schema.h"

namespace duebook {

std::string dump_projections(Db& db) {
  std::string out;
  for (const std::string& table : projection_tables(db)) {
    out += "[" + table + "]\n";
    // Column list from the schema, so a new column is compared without editing this function.
    Statement& cols = db.prepare("SELECT name FROM pragma_table_info(?1) ORDER BY cid");
    cols.bind_all(table);
    std::string select = "SELECT ";
    bool first = true;
    while (cols.step()) {
      select += (first ? "quote(" : " || '|' || quote(") + cols.text(0) + ")";
      first = false;
    }
    cols.reset();
    select += " FROM " + table + " ORDER BY 1";
    Statement& rows = db.prepare(select);
    while (rows.step()) out += rows.text(0) + "\n";
    rows.reset();
  }
  return out;
}

}  // namespace duebook

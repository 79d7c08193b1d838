#include "ledger/ledger_audit.h"

#include "store/db.h"
#include "store/events.h"
#include "store/schema.h"

namespace duebook {

Result<ProjectionCheck> check_projections(Ledger& ledger) {
  // An empty path is SQLite's private temporary database: on disk when it grows, removed when closed.
  LedgerEnv env;
  env.wal = false;
  Result<std::unique_ptr<Ledger>> scratch = Ledger::open("", env);
  if (!scratch) return scratch.problems();
  Db& s = scratch.value()->db();
  s.set_writable(true);  // the scratch copy is this function's own: it receives the log before the replay
  // The log and the tables are copied in one read transaction of the ledger file, so that another program
  // committing meanwhile cannot make them disagree; the replay and the comparison then run on the copies.
  if (Status st = s.prepare("ATTACH DATABASE ?1 AS src").bind_all(ledger.db().path()).run(); !st)
    return st.problems();
  if (Status st = s.exec("ATTACH DATABASE '' AS snap"); !st) return st.problems();
  const std::vector<std::string> tables = projection_tables(s);
  {
    Transaction copy(s, TransactionKind::Read);
    if (Status st = s.exec("INSERT INTO main.events SELECT * FROM src.events"); !st) return st.problems();
    for (const std::string& table : tables) {
      Statement& exists =
          s.prepare("SELECT count(*) FROM src.sqlite_master WHERE type = 'table' AND name = ?1");
      exists.bind_all(table);
      const bool present = exists.step() && exists.int64(0) > 0;
      exists.reset();
      if (present)
        if (Status st = s.exec("CREATE TABLE snap.\"" + table + "\" AS SELECT * FROM src.\"" + table + "\"");
            !st)
          return st.problems();
    }
    if (Status st = copy.commit(); !st) return st.problems();
  }
  if (Status st = s.exec("DETACH DATABASE src"); !st) return st.problems();
  s.set_writable(false);
  if (Status st = scratch.value()->rebuild(); !st) return st.problems();
  ProjectionCheck check;
  for (const std::string& table : tables) {
    ++check.tables;
    Statement& exists =
        s.prepare("SELECT count(*) FROM snap.sqlite_master WHERE type = 'table' AND name = ?1");
    exists.bind_all(table);
    const bool present = exists.step() && exists.int64(0) > 0;
    exists.reset();
    if (!present) {
      check.first_bad = table;
      check.missing_rows = -1;
      return check;
    }
    Statement& diff = s.prepare("SELECT (SELECT count(*) FROM (SELECT * FROM main.\"" + table +
                                "\" EXCEPT SELECT * FROM snap.\"" + table +
                                "\")), (SELECT count(*) FROM (SELECT "
                                "* FROM snap.\"" +
                                table + "\" EXCEPT SELECT * FROM main.\"" + table + "\"))");
    if (diff.step() && (diff.int64(0) || diff.int64(1))) {
      check.first_bad = table;
      check.missing_rows = diff.int64(0);
      check.unexpected_rows = diff.int64(1);
    }
    diff.reset();
    if (!check.first_bad.empty()) return check;
  }
  return check;
}

Status check_anchor(Db& db, const std::string& anchor) {
  const size_t colon = anchor.find(':');
  int64_t seq = 0;
  bool numeric = colon != std::string::npos && colon > 0 && colon <= 18;
  for (size_t i = 0; numeric && i < colon; ++i) numeric = anchor[i] >= '0' && anchor[i] <= '9';
  const std::string hash = numeric ? anchor.substr(colon + 1) : std::string();
  if (!numeric || hash.size() < 8 || hash.find_first_not_of("0123456789abcdef") != std::string::npos)
    return Problem{"--anchor",
                   "\"" + anchor + "\" is not an anchor; write it as verify prints it (SEQ:HASH)"};
  seq = std::stoll(anchor.substr(0, colon));
  const int64_t last = last_event_seq(db);
  if (last < seq)
    return Problem{"anchor " + anchor, "the log ends at event " + std::to_string(last) + ": events " +
                                           std::to_string(last + 1) + ".." + std::to_string(seq) +
                                           " were removed since the anchor was noted"};
  std::vector<Event> at = read_events(db, seq, seq);
  if (at.empty() || at[0].hash.compare(0, hash.size(), hash) != 0)
    return Problem{"anchor " + anchor, "event " + std::to_string(seq) +
                                           " is not the one the anchor names: the log was changed since"};
  return ok_status();
}

}  // namespace duebook

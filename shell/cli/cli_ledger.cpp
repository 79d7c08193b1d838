// CLI commands over the ledger as a whole: init, demo, log, verify, rebuild, undo, redo.
#include <ostream>

#include "cli.h"
#include "ledger/demo_ledger.h"
#include "ledger/ledger_audit.h"

namespace duebook::cli {
namespace {

int init(Context& ctx, Args& args) {
  if (int rc = ctx.leftover(args)) return rc;
  if (!ctx.ledger()) return kIoError;
  ctx.out << "Ledger ready at " << ctx.db_path << "\n";
  return kOk;
}

int demo(Context& ctx, Args& args) {
  std::optional<std::string> today_text = args.option("--today");
  if (int rc = ctx.leftover(args)) return rc;
  Result<Date> today = date_arg(ctx, today_text, "--today");
  if (!today) return ctx.rejected(today.problems());
  Ledger* ledger = ctx.ledger();
  if (!ledger) return kIoError;
  Result<DemoSummary> made = fill_demo_ledger(*ledger, today.value());
  if (!made) return ctx.rejected(made.problems());
  ctx.out << "Demo ledger ready at " << ctx.db_path << " (as of " << iso(today.value())
          << "): " << made->customers << " customers, " << made->invoices << " invoices, " << made->payments
          << " payments, " << made->collections << " collections actions. Try: duebook --db \"" << ctx.db_path
          << "\" collections worklist\n";
  return kOk;
}

int log(Context& ctx, Args& args) {
  std::optional<std::string> from = args.option("--from");
  if (int rc = ctx.leftover(args)) return rc;
  Ledger* ledger = ctx.ledger();
  if (!ledger) return kIoError;
  Table t{{"seq", "id", "at_ms", "actor", "action", "kind", "type", "label", "payload", "hash"},
          {},
          {true, false, true, false, true}};
  for (const Event& e : read_events(ledger->db(), from ? std::atoll(from->c_str()) : 1))
    t.rows.push_back({std::to_string(e.seq), e.id, std::to_string(e.at_ms), e.actor, std::to_string(e.action),
                      to_string(e.action_kind), e.type, e.label, e.payload, e.hash});
  ctx.print(t);
  return kOk;
}

// Three checks, each of which a different tampering defeats alone: the hash chain (an event edited), the
// projections against a replay of the log (a table edited, or pages damaged under a passing integrity check),
// and an anchor noted earlier (the last events deleted).
int verify(Context& ctx, Args& args) {
  std::optional<std::string> anchor = args.option("--anchor");
  if (int rc = ctx.leftover(args)) return rc;
  Ledger* ledger = ctx.ledger();
  if (!ledger) return kIoError;
  ChainCheck check = ledger->verify();
  if (check.first_bad_seq) {
    ctx.err << "duebook: " << ctx.db_path << ": event " << check.first_bad_seq << ": " << check.message
            << "\n";
    return kRejected;
  }
  if (anchor)
    if (Status s = check_anchor(ledger->db(), *anchor); !s) return ctx.rejected(s.problems());
  Result<ProjectionCheck> projections = check_projections(*ledger);
  if (!projections) return ctx.rejected(projections.problems());
  if (!projections->first_bad.empty()) {
    ctx.err << "duebook: " << ctx.db_path << ": the " << projections->first_bad << " table "
            << (projections->missing_rows < 0
                    ? std::string("is missing")
                    : "does not match the event log (" + std::to_string(projections->missing_rows) +
                          " rows missing or changed, " + std::to_string(projections->unexpected_rows) +
                          " rows the log does not make)")
            << ": it was changed outside Duebook or damaged; `duebook rebuild` makes it again from the log\n";
    return kRejected;
  }
  ctx.out << "OK: " << check.events << " events, hash chain intact; " << projections->tables
          << " tables match the log\n"
          << "anchor: " << chain_anchor(ledger->db())
          << "   (note it down; `duebook verify --anchor` with it later shows whether events were removed)\n";
  return kOk;
}

int rebuild(Context& ctx, Args& args) {
  if (int rc = ctx.leftover(args)) return rc;
  Ledger* ledger = ctx.ledger();
  if (!ledger) return kIoError;
  if (Status s = ledger->rebuild(); !s) return ctx.rejected(s.problems());
  ctx.out << "Rebuilt the projections from " << ledger->verify().events << " events\n";
  return kOk;
}

int undo_or_redo(Context& ctx, Args& args, bool undo) {
  if (int rc = ctx.leftover(args)) return rc;
  Ledger* ledger = ctx.ledger();
  if (!ledger) return kIoError;
  Result<ActionOutcome> r = undo ? ledger->undo() : ledger->redo();
  if (!r) return ctx.rejected(r.problems());
  ctx.out << (undo ? "" : "Redo ") << r->label << "\n";
  return kOk;
}

}  // namespace

const std::vector<Handler>& ledger_handlers() {
  static const std::vector<Handler> handlers = {
      {"init", "", "create (or open and migrate) the ledger file", init},
      {"demo", "",
       "fill a new ledger with a demo business dated up to today [--today DATE], to explore every screen",
       demo},
      {"log", "", "the event log [--from SEQ]", log},
      {"verify", "",
       "re-hash the event chain, compare every table with a replay of the log, print the chain's anchor "
       "[--anchor SEQ:HASH checks one noted earlier]",
       verify},
      {"rebuild", "", "replay the event log into fresh projections", rebuild},
      {"undo", "", "reverse the last action (appends compensating events)",
       [](Context& c, Args& a) { return undo_or_redo(c, a, true); }},
      {"redo", "", "re-apply the last undone action",
       [](Context& c, Args& a) { return undo_or_redo(c, a, false); }},
  };
  return handlers;
}

}  // namespace duebook::cli

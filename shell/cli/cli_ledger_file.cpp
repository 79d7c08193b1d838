#include "cli_ledger_file.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "ledger/customer_reply.h"
#include "ledger/ledger_file_export.h"
#include "ledger/ledger_file_open.h"

#ifndef DUEBOOK_VERSION
#define DUEBOOK_VERSION "0"
#endif

namespace duebook::cli {
int export_ledger_file_command(Context& ctx, Args& args) {
  std::optional<std::string> output = args.option("--output"), customer = args.option("--customer");
  std::optional<std::string> from = args.option("--from"), to = args.option("--to");
  LedgerSelection selection;
  while (std::optional<std::string> n = args.option("--invoice")) selection.invoices.push_back(*n);
  if (int rc = ctx.leftover(args)) return rc;
  if (!output) return ctx.usage("export --format duebook needs --output FILE.duebook");
  Problems problems;
  if (from) selection.from = value_or_problem(parse_date(*from), problems, "--from");
  if (to) selection.to = value_or_problem(parse_date(*to), problems, "--to");
  if (!problems.empty()) return ctx.rejected(problems);
  Ledger* ledger = ctx.ledger();
  if (!ledger) return kIoError;
  if (customer) {
    std::optional<Customer> c = find_customer_arg(ledger->db(), *customer);
    if (!c) return ctx.rejected({{"--customer", "no customer \"" + *customer + "\""}});
    selection.customer = c->id;
  }
  Result<LedgerFile> file = export_ledger_file(*ledger, selection, DUEBOOK_VERSION);
  if (!file) return ctx.rejected(file.problems());
  LedgerFile written = std::move(file).value();
  const std::string bytes = write_ledger_file(written);
  std::ofstream out(*output, std::ios::binary | std::ios::trunc);
  out << bytes;
  out.close();
  if (!out) {
    ctx.err << "duebook: " << *output << ": cannot write the file\n";
    return kIoError;
  }
  ctx.out << "Exported " << written.manifest.events << " of " << written.manifest.source_events << " events ("
          << (written.manifest.scope == "whole" ? "the whole ledger" : written.manifest.selection) << ") to "
          << *output << "\n";
  return kOk;
}

int import_ledger_file_command(Context& ctx, Args& args, const std::string& path) {
  const bool dry_run = args.flag("--dry-run");
  std::optional<std::string> resolve = args.option("--resolve");
  if (int rc = ctx.leftover(args)) return rc;
  ConflictChoice choice = ConflictChoice::Ask;
  if (resolve) {
    if (*resolve == "mine")
      choice = ConflictChoice::Mine;
    else if (*resolve == "theirs")
      choice = ConflictChoice::Theirs;
    else if (*resolve == "both")
      choice = ConflictChoice::Both;
    else
      return ctx.usage("--resolve must be mine, theirs or both, not \"" + *resolve + "\"");
  }
  const LedgerFileLimits limits;
  const Input input = read_input(ctx, path, limits.max_bytes);
  if (input.rc) return input.rc;
  const std::string* bytes = &input.bytes;
  if (ShareFileKind kind = sniff_share_file(*bytes);
      kind == ShareFileKind::Statement || kind == ShareFileKind::Reply)
    return ctx.rejected({{path, kind == ShareFileKind::Reply
                                    ? "is a customer's reply file, not a ledger file: import it with --reply"
                                    : "is a statement file for a customer to answer, not a ledger file"}});
  Result<LedgerFile> file = read_ledger_file(path, *bytes, limits);
  if (!file) return ctx.rejected(file.problems());
  Ledger* ledger = ctx.ledger();
  if (!ledger) return kIoError;
  Result<LedgerFileOutcome> r = open_ledger_file(*ledger, file.value(), choice, dry_run);
  if (!r) {
    Problems problems = r.problems();
    for (Problem& p : problems) p.where = path + (p.where.empty() ? "" : ": " + p.where);
    return ctx.rejected(problems);
  }
  const LedgerFileOutcome& o = r.value();
  if (o.mode == "contained") {
    ctx.out << path << ": already contained: all " << o.file_events
            << " events are in this ledger; nothing to add\n";
    return kOk;
  }
  if (o.undecided) {
    for (const LedgerConflict& c : o.conflicts)
      ctx.err << "duebook: " << path << ": event " << c.theirs_seq << ": conflict: " << c.what << " (here: \""
              << c.mine << "\"; in the file: \"" << c.theirs << "\")\n";
    ctx.err << "duebook: " << o.conflicts.size()
            << " conflict(s); nothing was written. Decide them with --resolve mine|theirs|both\n";
    return kRejected;
  }
  Table t{{"action"}, {}, {false}};
  for (const std::string& label : o.added) t.rows.push_back({label});
  ctx.print(t);
  for (const std::string& n : o.renumbered) ctx.out << "Renumbered the file's " << n << "\n";
  ctx.out << (o.written ? "Added " : "Would add ") << o.added_events << " events (" << o.mode << "; "
          << o.known_events << " of the file's " << o.file_events << " already here";
  if (!o.conflicts.empty()) ctx.out << "; " << o.conflicts.size() << " conflict(s) decided: " << *resolve;
  if (o.undone_actions) ctx.out << "; undid " << o.undone_actions << " action(s) here";
  ctx.out << ")" << (dry_run ? "; dry run, nothing was written" : "") << "\n";
  return kOk;
}

}  // namespace duebook::cli

// CLI commands that move whole files: import --invoices|--payments FILE.csv, export (the event log as JSON
// lines).
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <ostream>
#include <sstream>

#include "cli.h"
#include "cli_ledger_file.h"
#include "files/invoice_export.h"
#include "files/journal_export.h"
#include "files/ubl_export.h"
#include "invoicing/invoice_queries.h"

namespace duebook::cli {
namespace {

int import(Context& ctx, Args& args) {
  if (std::optional<std::string> ledger_file = args.option("--ledger"))
    return import_ledger_file_command(ctx, args, *ledger_file);
  if (std::optional<std::string> reply = args.option("--reply"))
    return import_reply_command(ctx, args, *reply);
  std::optional<std::string> invoices = args.option("--invoices"), payments = args.option("--payments");
  std::optional<std::string> date_format = args.option("--date-format"), currency = args.option("--currency");
  if (int rc = ctx.leftover(args)) return rc;
  if (bool(invoices) == bool(payments))
    return ctx.usage("import needs --invoices FILE.csv or --payments FILE.csv");
  if (payments && currency) return ctx.usage("--currency applies to --invoices only");
  const std::string& path = invoices ? *invoices : *payments;
  Input text = read_input(ctx, path);
  if (text.rc) return text.rc;
  Ledger* ledger = ctx.ledger();
  if (!ledger) return kIoError;
  Result<ActionOutcome> r =
      invoices ? ledger->execute(ImportInvoices{path, std::move(text.bytes), date_format.value_or(""),
                                                currency.value_or("USD")})
               : ledger->execute(ImportPayments{path, std::move(text.bytes), date_format.value_or("")});
  if (!r) return ctx.rejected(r.problems());
  ImportSummary s = *find_import(ledger->db(), r->created_id);
  Table t{{"import", "file", "rows", "invoices", "payments", "new_customers", "sha256"},
          {},
          {true, false, true, true, true, true}};
  t.rows.push_back({std::to_string(s.id), s.file, std::to_string(s.rows), std::to_string(s.invoices),
                    std::to_string(s.payments), std::to_string(s.customers), s.sha256});
  ctx.print(t);
  for (const std::string& note : r->notes) ctx.err << "duebook: " << path << ": note: " << note << "\n";
  if (!s.unread_columns.empty())
    ctx.err << "duebook: " << path
            << ": columns not read (their values are not in the ledger): " << s.unread_columns << "\n";
  return kOk;
}

// The receivables as an hledger, ledger or beancount journal.
int export_journal(Context& ctx, Args& args, JournalDialect dialect) {
  std::optional<std::string> output = args.option("--output");
  if (int rc = ctx.leftover(args)) return rc;
  if (!output) return ctx.usage("export --format " + ctx.format + " needs --output FILE");
  Ledger* ledger = ctx.ledger();
  if (!ledger) return kIoError;
  Result<JournalBook> book = read_journal_book(ledger->db());
  if (!book) return ctx.rejected(book.problems());
  if (int rc = write_output(ctx, *output, write_journal(book.value(), dialect))) return rc;
  ctx.out << "Exported " << book->transactions.size() << " transactions (" << ctx.format << ") to " << *output
          << "\n";
  return kOk;
}

// The invoices as CSV in QuickBooks' or Xero's columns, or the payments as a bank statement.
int export_csv(Context& ctx, Args& args, std::optional<InvoiceColumns> columns) {
  std::optional<std::string> output = args.option("--output");
  if (int rc = ctx.leftover(args)) return rc;
  if (!output) return ctx.usage("export --format " + ctx.format + " needs --output FILE.csv");
  Ledger* ledger = ctx.ledger();
  if (!ledger) return kIoError;
  const std::string text = columns ? invoices_csv(ledger->db(), *columns) : payments_csv(ledger->db());
  if (int rc = write_output(ctx, *output, text)) return rc;
  int64_t rows = -1;  // the header is not a row
  for (char c : text) rows += c == '\n';
  ctx.out << "Exported " << rows << " rows (" << ctx.format << ") to " << *output << "\n";
  return kOk;
}

// One invoice or credit note as a UBL 2.1 / Peppol BIS Billing 3.0 e-invoice.
int export_ubl(Context& ctx, Args& args) {
  std::optional<std::string> output = args.option("--output"), number = args.option("--invoice");
  if (int rc = ctx.leftover(args)) return rc;
  if (!output || !number) return ctx.usage("export --format ubl needs --invoice NUMBER --output FILE.xml");
  Ledger* ledger = ctx.ledger();
  if (!ledger) return kIoError;
  Result<std::string> xml = ubl_document(ledger->db(), *number);
  if (!xml) return ctx.rejected(xml.problems());
  if (int rc = write_output(ctx, *output, xml.value())) return rc;
  ctx.out << "Exported " << *number << " (UBL, Peppol BIS Billing 3.0) to " << *output << "\n";
  return kOk;
}

// One JSON object per line per event, payload as an object, in log order: enough for another ledger to verify
// the chain and replay it.
int export_log(Context& ctx, Args& args) {
  if (ctx.format == "duebook") return export_ledger_file_command(ctx, args);
  if (std::optional<JournalDialect> dialect = journal_dialect(ctx.format))
    return export_journal(ctx, args, *dialect);
  if (std::optional<InvoiceColumns> columns = invoice_columns(ctx.format))
    return export_csv(ctx, args, columns);
  if (ctx.format == "payments") return export_csv(ctx, args, std::nullopt);
  if (ctx.format == "ubl") return export_ubl(ctx, args);
  std::optional<std::string> output = args.option("--output");
  if (int rc = ctx.leftover(args)) return rc;
  Ledger* ledger = ctx.ledger();
  if (!ledger) return kIoError;
  std::ofstream file;
  if (output) {
    file.open(*output, std::ios::binary | std::ios::trunc);
    if (!file) {
      ctx.err << "duebook: " << *output << ": cannot write the file\n";
      return kIoError;
    }
  }
  std::ostream& out = output ? file : ctx.out;
  const int64_t kPage = 256;  // batch events of imports are large
  int64_t count = 0;
  for (int64_t from = 1;; from += kPage) {
    std::vector<Event> page = read_events(ledger->db(), from, from + kPage - 1);
    if (page.empty()) break;
    for (const Event& e : page) {
      nlohmann::ordered_json j = {{"seq", e.seq},
                                  {"id", e.id},
                                  {"at_ms", e.at_ms},
                                  {"actor", e.actor},
                                  {"type", e.type},
                                  {"action", e.action},
                                  {"action_kind", to_string(e.action_kind)},
                                  {"action_target", e.action_target},
                                  {"label", e.label},
                                  {"prev_hash", e.prev_hash},
                                  {"hash", e.hash}};
      j["payload"] = nlohmann::ordered_json::parse(e.payload, nullptr, false);
      out << j.dump() << "\n";
      ++count;
    }
  }
  out.flush();
  if (!out) {
    ctx.err << "duebook: " << output.value_or("stdout") << ": write error\n";
    return kIoError;
  }
  if (output) ctx.out << "Exported " << count << " events to " << *output << "\n";
  return kOk;
}

}  // namespace

const std::vector<Handler>& import_handlers() {
  static const std::vector<Handler> handlers = {
      {"import", "",
       "import a CSV, all rows or none: --invoices FILE (QuickBooks or Xero columns) [--currency C] | "
       "--payments "
       "FILE; "
       "[--date-format MM/DD/YYYY|DD/MM/YYYY|DD.MM.YYYY]; or a ledger file: --ledger FILE.duebook "
       "[--dry-run] [--resolve mine|theirs|both]; or a customer's reply file: --reply FILE.duebook "
       "[--dry-run]",
       import},
      {"export", "",
       "the whole ledger as JSON lines, one event per line [--output FILE]; or a ledger file: --format "
       "duebook "
       "[--customer C] [--invoice N]... [--from D] [--to D] --output FILE.duebook; or the receivables as a "
       "journal: --format hledger|ledger|beancount --output FILE; or the invoices as CSV: --format "
       "quickbooks|xero --output FILE.csv; or the payments as a bank statement: --format payments --output "
       "FILE.csv; or an e-invoice: --format ubl --invoice NUMBER --output FILE.xml",
       export_log},
  };
  return handlers;
}

}  // namespace duebook::cli

// The command-line interface over the same core the windows use:
//   duebook [--db PATH] [--format table|json|csv] COMMAND [SUBCOMMAND] [ARGS...]
// Exit codes: 0 ok, 2 usage error, 3 rejected input (stderr names file, row and field), 4 I/O error.
#pragma once

#include <functional>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/date.h"
#include "customers/customer_queries.h"
#include "ledger/ledger.h"

namespace duebook::cli {

enum Exit { kOk = 0, kUsage = 2, kRejected = 3, kIoError = 4 };

// The arguments after the command words, with helpers to take options out of them.
class Args {
 public:
  explicit Args(std::vector<std::string> words) : words_(std::move(words)) {}
  // Removes and returns the value of --name VALUE or --name=VALUE.
  std::optional<std::string> option(const std::string& name);
  // Removes --name and returns whether it was there.
  bool flag(const std::string& name);
  // Removes and returns the next positional word.
  std::optional<std::string> positional();
  // Words not taken; a command reports them as unknown.
  const std::vector<std::string>& rest() const { return words_; }

 private:
  std::vector<std::string> words_;
};

// A result table, printed as an aligned table, JSON (an array of objects) or CSV.
struct Table {
  std::vector<std::string> columns;            // header names, also the JSON keys
  std::vector<std::vector<std::string>> rows;  // cells as text
  std::vector<bool> numeric;                   // per column: right-align, and a JSON number
};

struct Context {
  Context(std::string db, std::string fmt, std::ostream& o, std::ostream& e)
      : db_path(std::move(db)), format(std::move(fmt)), out(o), err(e) {}
  std::string db_path;  // --db
  std::string format;   // --format: table (default), json or csv
  std::ostream& out;    // results
  std::ostream& err;    // problems
  LedgerEnv env;        // clock and actor for events
  // How ledger() opens the file: only `init` creates one (Create); commands that only read open it ReadOnly;
  // every other command needs an existing ledger (Existing).
  OpenMode mode = OpenMode::Existing;
  // Opens the ledger (once); on failure prints the problem, naming the path, and returns nullptr.
  Ledger* ledger();
  // The exit code of a command that returned `rc`: when the ledger's connection recorded a fault (a damaged
  // schema, another program's lock held too long) that was not reported yet, prints it and returns kIoError,
  // since what the command did or printed rests on a file it could not fully read or write.
  int finish(int rc);
  // Prints `table` in the chosen format.
  void print(const Table& table);
  // Prints problems to err and returns kRejected; when the ledger's connection recorded a fault, the problems
  // are its consequence, so the fault is reported instead (kIoError).
  int rejected(const Problems& problems);
  // kOk when every argument was taken, else prints the first one left and returns kUsage. Handlers call it
  // after taking their options and before changing anything.
  int leftover(const Args& args);
  // Prints a usage message and returns kUsage.
  int usage(const std::string& message);

 private:
  // Prints the connection's fault, if any, once; whether there was one.
  bool report_fault();
  std::unique_ptr<Ledger> ledger_;
  bool fault_reported_ = false;
  bool chain_broken_ = false;  // a writing command found the event log's chain broken and wrote nothing
};

// Runs the CLI with argv-style words (without the program name). `window` is called when no command is given.
int run(const std::vector<std::string>& words, std::ostream& out, std::ostream& err,
        const std::function<int(const std::string& db_path)>& window);

// One command handler per "command subcommand" pair. Domains register theirs in a list (cli_*.cpp).
struct Handler {
  const char* command;     // "customer"
  const char* subcommand;  // "add", or "" when the command has none
  const char* summary;     // one line for --help
  int (*run)(Context& ctx, Args& args);
};
const std::vector<Handler>& customer_handlers();
const std::vector<Handler>& ledger_handlers();
const std::vector<Handler>& invoice_handlers();  // cli_invoices.cpp: invoice, credit-note, schedule
const std::vector<Handler>& payment_handlers();  // cli_payments.cpp: payment, customer balance
const std::vector<Handler>& import_handlers();   // cli_import.cpp: import, export
const std::vector<Handler>&
report_handlers();  // cli_reports.cpp: report aging, statement, dso, cei, forecast, ...
const std::vector<Handler>&
collections_handlers();                           // cli_collections*.cpp: collections, contact, promise, ...
const std::vector<Handler>& document_handlers();  // cli_documents.cpp: document invoice, reminder, ...
const std::vector<Handler>& share_handlers();     // cli_share.cpp: share statement, share reply
// import --reply FILE [--dry-run]: records a customer's reply file (cli_share.cpp).
int import_reply_command(Context& ctx, Args& args, const std::string& path);
const std::vector<Handler>& settings_handlers();  // cli_settings.cpp: settings show | set, rate list | add
// Every list, in the order --help shows them.
const std::vector<const std::vector<Handler>*>& all_handlers();

// Shared helpers for handlers.

// The value of `result`; when it has none, nullopt, and its first problem is added to `problems` (re-filed
// under `where` when that is given, for a core problem about an option the user typed). Handlers read every
// option this way, so that one run names every option that is wrong.
template <class T>
std::optional<T> value_or_problem(Result<T> result, Problems& problems, const std::string& where = "") {
  if (result) return std::move(result).value();
  Problem problem = result.problems()[0];
  if (!where.empty()) problem.where = where;
  problems.push_back(std::move(problem));
  return std::nullopt;
}

// Which invoices an invoice argument may name.
enum class InvoiceScope {
  Any,     // drafts too
  Issued,  // issued invoices only (open or not): a draft, a discarded or an unknown one is none
};
// An invoice named by number (case-insensitive), "#ID", or a bare id when no invoice has that number; nullopt
// when there is none in `scope`. A number is looked up whatever the scope (only issued invoices have one).
std::optional<int64_t> invoice_arg(Db& db, const std::string& key, InvoiceScope scope);

// A customer named by id ("12" or "#12") or exact name (case-insensitive); nullopt when there is none.
std::optional<Customer> find_customer_arg(Db& db, const std::string& key);
// The date in `text` (YYYY-MM-DD), or today (UTC, from ctx.env's clock) when `text` is not given. Problems
// name `option`.
Result<Date> date_arg(const Context& ctx, const std::optional<std::string>& text, const std::string& option);
// An amount typed in major units of `currency`; problems name `option`.
Result<int64_t> amount_arg(const std::string& text, const std::string& currency, const std::string& option);
// A whole input file, or the exit code of a failure already explained on err: kRejected for a file over
// `limit` bytes (no limit when negative), kIoError for a folder or a file that cannot be read.
struct Input {
  std::string bytes;
  int rc = kOk;
};
Input read_input(Context& ctx, const std::string& path, int64_t limit = -1);
// Writes `text` to `path`; kOk, or kIoError after saying why.
int write_output(Context& ctx, const std::string& path, const std::string& text);
// Minor units as major-unit text in the currency's digits ("1234.50").
std::string money_text(int64_t minor, const std::string& currency);

}  // namespace duebook::cli

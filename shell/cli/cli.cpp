#include "cli.h"

#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "base/csv.h"
#include "base/currencies.h"
#include "base/money.h"
#include "base/table.h"
#include "collections/collections_queries.h"
#include "desktop/platform_desktop.h"
#include "invoicing/invoice_queries.h"
#include "invoicing/invoices.h"

namespace duebook::cli {

std::optional<std::string> Args::option(const std::string& name) {
  for (size_t i = 0; i < words_.size(); ++i) {
    const std::string& w = words_[i];
    if (w == name && i + 1 < words_.size()) {
      std::string value = words_[i + 1];
      words_.erase(words_.begin() + long(i), words_.begin() + long(i) + 2);
      return value;
    }
    if (w.rfind(name + "=", 0) == 0) {
      std::string value = w.substr(name.size() + 1);
      words_.erase(words_.begin() + long(i));
      return value;
    }
  }
  return std::nullopt;
}

bool Args::flag(const std::string& name) {
  for (size_t i = 0; i < words_.size(); ++i)
    if (words_[i] == name) {
      words_.erase(words_.begin() + long(i));
      return true;
    }
  return false;
}

std::optional<std::string> Args::positional() {
  for (size_t i = 0; i < words_.size(); ++i)
    if (words_[i].rfind("--", 0) != 0) {
      std::string value = words_[i];
      words_.erase(words_.begin() + long(i));
      return value;
    }
  return std::nullopt;
}

const std::vector<const std::vector<Handler>*>& all_handlers() {
  static const std::vector<const std::vector<Handler>*> lists = {
      &ledger_handlers(), &customer_handlers(), &invoice_handlers(),     &payment_handlers(),
      &import_handlers(), &report_handlers(),   &collections_handlers(), &document_handlers(),
      &share_handlers(),  &settings_handlers()};
  return lists;
}

std::optional<Customer> find_customer_arg(Db& db, const std::string& key) {
  if (key.empty()) return std::nullopt;
  std::string digits = key[0] == '#' ? key.substr(1) : key;
  if (!digits.empty() && digits.find_first_not_of("0123456789") == std::string::npos)
    if (auto c = find_customer(db, std::atoll(digits.c_str()))) return c;
  return find_customer_by_name(db, key);
}

std::optional<int64_t> invoice_arg(Db& db, const std::string& key, InvoiceScope scope) {
  auto exists = [&](int64_t id) {
    return scope == InvoiceScope::Any ? find_invoice(db, id).has_value()
                                      : find_collection_invoice(db, id).has_value();
  };
  if (key.empty()) return std::nullopt;
  if (key[0] == '#') {
    const int64_t id = std::atoll(key.c_str() + 1);
    return exists(id) ? std::optional<int64_t>(id) : std::nullopt;
  }
  if (std::optional<int64_t> id = find_invoice_by_number(db, key)) return id;
  if (key.find_first_not_of("0123456789") == std::string::npos) {
    const int64_t id = std::atoll(key.c_str());
    if (exists(id)) return id;
  }
  return std::nullopt;
}

Result<Date> date_arg(const Context& ctx, const std::optional<std::string>& text, const std::string& option) {
  if (!text) return civil_from_days(ctx.env.now_ms() / 86400000);
  Problems problems;
  if (std::optional<Date> d = value_or_problem(parse_date(*text), problems, option)) return *d;
  return problems;
}

Input read_input(Context& ctx, const std::string& path, int64_t limit) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    ctx.err << "duebook: " << path << ": is a directory, not a file\n";
    return {"", kIoError};
  }
  const auto size = std::filesystem::file_size(path, ec);
  if (!ec && limit >= 0 && int64_t(size) > limit) {
    ctx.err << "duebook: " << path << ": the file is " << size << " bytes, over the limit of " << limit
            << "\n";
    return {"", kRejected};
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    ctx.err << "duebook: " << path << ": cannot read the file\n";
    return {"", kIoError};
  }
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) {
    ctx.err << "duebook: " << path << ": read error\n";
    return {"", kIoError};
  }
  return {text.str(), kOk};
}

int write_output(Context& ctx, const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  out.close();
  if (!out) {
    ctx.err << "duebook: " << path << ": cannot write the file\n";
    return kIoError;
  }
  return kOk;
}

Result<int64_t> amount_arg(const std::string& text, const std::string& currency, const std::string& option) {
  Problems problems;
  if (std::optional<int64_t> a =
          value_or_problem(parse_amount(text, currency_digits(currency)), problems, option))
    return *a;
  return problems;
}

std::string money_text(int64_t minor, const std::string& currency) {
  return format_amount(minor, currency_digits(currency));
}

namespace {

// Whether `cell` is a plain decimal number ("-12.50", "+5", "3"): a spreadsheet reads it as a number, not as
// a formula, so it is written without the guard that user text gets.
bool is_plain_number(const std::string& cell) {
  std::size_t i = (!cell.empty() && (cell[0] == '-' || cell[0] == '+')) ? 1 : 0;
  const std::size_t digits_from = i;
  while (i < cell.size() && cell[i] >= '0' && cell[i] <= '9') ++i;
  if (i == digits_from) return false;
  if (i < cell.size() && cell[i] == '.') {
    const std::size_t decimals_from = ++i;
    while (i < cell.size() && cell[i] >= '0' && cell[i] <= '9') ++i;
    if (i == decimals_from) return false;
  }
  return i == cell.size();
}

}  // namespace

void Context::print(const Table& t) {
  auto is_numeric = [&](size_t c) { return c < t.numeric.size() && t.numeric[c]; };
  if (format == "json") {
    nlohmann::ordered_json rows = nlohmann::ordered_json::array();
    for (const auto& row : t.rows) {
      nlohmann::ordered_json o;
      for (size_t c = 0; c < t.columns.size(); ++c) o[t.columns[c]] = c < row.size() ? row[c] : "";
      rows.push_back(o);
    }
    out << rows.dump(2) << "\n";
  } else if (format == "csv") {
    CsvWriter csv;
    for (const std::string& column : t.columns) csv.value(column);
    csv.end_record();
    for (const auto& row : t.rows) {
      for (size_t c = 0; c < row.size(); ++c) {
        if (is_numeric(c) || is_plain_number(row[c]))
          csv.value(row[c]);
        else
          csv.text(row[c]);
      }
      csv.end_record();
    }
    out << csv.str();
  } else {
    std::vector<Align> align(t.columns.size(), Align::Left);
    for (size_t c = 0; c < align.size(); ++c)
      if (is_numeric(c)) align[c] = Align::Right;
    std::vector<std::vector<std::string>> lines{t.columns};
    lines.insert(lines.end(), t.rows.begin(), t.rows.end());
    out << format_table(lines, align);
  }
}

int Context::rejected(const Problems& problems) {
  if (report_fault()) return kIoError;
  err << "duebook: rejected:\n" << describe(problems) << "\n";
  return kRejected;
}

int Context::leftover(const Args& args) {
  return args.rest().empty() ? kOk : usage("unexpected argument \"" + args.rest()[0] + "\"");
}

int Context::usage(const std::string& message) {
  err << "duebook: " << message << "\nRun 'duebook --help' for the commands.\n";
  return kUsage;
}

Ledger* Context::ledger() {
  if (ledger_) return ledger_.get();
  Result<std::unique_ptr<Ledger>> opened = Ledger::open(db_path, env, mode);
  if (!opened) {
    err << "duebook: " << describe(opened.problems()) << "\n";
    std::error_code ec;
    if (mode != OpenMode::Create &&
        (!std::filesystem::exists(db_path, ec) ||
         (std::filesystem::is_regular_file(db_path, ec) && std::filesystem::file_size(db_path, ec) == 0)))
      err << "duebook: to create a new ledger there, run: duebook --db \"" << db_path << "\" init\n";
    return nullptr;
  }
  // A writing command on a broken chain would build on evidence that no longer holds (an import's
  // allocations, an undo's compensations, a rebuild copying the tampered payload into the tables): it
  // refuses, exit 3.
  if (mode == OpenMode::Existing) {
    ChainCheck chain = opened.value()->verify();
    if (chain.first_bad_seq) {
      err << "duebook: " << db_path << ": the event log is broken at event " << chain.first_bad_seq << " ("
          << chain.message << "); nothing was written. Investigate with 'duebook --db \"" << db_path
          << "\" verify' and restore the ledger from a backup\n";
      chain_broken_ = true;
      return nullptr;
    }
  }
  ledger_ = std::move(opened.value());
  return ledger_.get();
}

bool Context::report_fault() {
  if (!ledger_) return false;
  const Fault& fault = ledger_->db().fault();
  if (fault.kind == FaultKind::None) return false;
  if (fault_reported_) return true;
  fault_reported_ = true;
  if (fault.kind == FaultKind::Busy) {
    err << "duebook: " << db_path << ": the ledger is in use by another program (waited "
        << env.busy_timeout_ms / 1000.0 << " s for it: " << fault.detail
        << "); nothing was changed, try again\n";
  } else {
    err << "duebook: " << db_path << ": the ledger's tables are damaged: " << fault.detail << "\n"
        << "duebook: run 'duebook --db \"" << db_path
        << "\" verify' to check the event log, then 'duebook --db \"" << db_path
        << "\" rebuild' to rebuild the tables from it\n";
  }
  return true;
}

int Context::finish(int rc) {
  if (chain_broken_) return kRejected;
  return report_fault() ? kIoError : rc;
}

namespace {

// Whether `h` only reads the ledger: it then opens the file read-only, so a ledger on read-only media (or one
// that must not change, such as evidence) can be verified, listed and reported on.
bool reads_only(const Handler& h) {
  const std::string command = h.command, sub = h.subcommand;
  return command == "verify" || command == "log" || command == "export" || command == "report" ||
         command == "share" || sub == "list" || sub == "show" ||
         (command == "customer" && (sub == "balance" || sub == "accounts" || sub == "timeline")) ||
         (command == "document" && sub != "reminder" && sub != "letter");
}

int run_handler(const Handler& h, Context& ctx, Args& args) {
  ctx.mode = std::string(h.command) == "init" || std::string(h.command) == "demo" ? OpenMode::Create
             : reads_only(h)                                                      ? OpenMode::ReadOnly
                                                                                  : OpenMode::Existing;
  return ctx.finish(h.run(ctx, args));
}

}  // namespace

static void print_help(std::ostream& out) {
  out << "Duebook: invoicing and collections.\n\n"
         "Usage: duebook [--db PATH] [--format table|json|csv] COMMAND [SUBCOMMAND] [ARGS...]\n"
         "       duebook [--db PATH]            open the workbench window\n\n"
         "Commands:\n";
  for (const auto* list : all_handlers())
    for (const Handler& h : *list) {
      std::string name = std::string(h.command) + (*h.subcommand ? std::string(" ") + h.subcommand : "");
      out << "  " << name << std::string(name.size() < 22 ? 22 - name.size() : 1, ' ') << h.summary << "\n";
    }
  out << "\nExit codes: 0 ok, 2 usage error, 3 rejected input, 4 I/O error.\n";
}

// `duebook COMMAND [SUBCOMMAND] --help`: the usage of each matching command with its options. False when no
// command matches.
static bool print_command_help(std::ostream& out, const std::string& command,
                               const std::optional<std::string>& sub) {
  bool any = false;
  for (const auto* list : all_handlers())
    for (const Handler& h : *list) {
      if (command != h.command || (sub && *sub != h.subcommand)) continue;
      if (!any) out << "Usage:\n";
      any = true;
      out << "  duebook [--db PATH] [--format table|json|csv] " << h.command << (*h.subcommand ? " " : "")
          << h.subcommand << "\n      " << h.summary << "\n";
    }
  if (any) out << "\nExit codes: 0 ok, 2 usage error, 3 rejected input, 4 I/O error.\n";
  return any;
}

int run(const std::vector<std::string>& words, std::ostream& out, std::ostream& err,
        const std::function<int(const std::string&)>& window) {
  Args args(words);
  if (args.flag("--help") || args.flag("-h")) {
    args.option("--db");
    args.option("--format");
    std::optional<std::string> command = args.positional();
    if (!command) {
      print_help(out);
      return kOk;
    }
    std::optional<std::string> sub = args.positional();
    if (print_command_help(out, *command, sub)) return kOk;
    err << "duebook: no command \"" << *command << (sub ? " " + *sub : "")
        << "\"\nRun 'duebook --help' for the commands.\n";
    return kUsage;
  }
  std::optional<std::string> db = args.option("--db");
  std::optional<std::string> format = args.option("--format");
  Context ctx(db ? *db : "", format ? *format : "table", out, err);
  std::optional<std::string> command = args.positional();
  // export's own formats (duebook, the journals, the CSV column sets) are read by the export command.
  const bool export_format = ctx.format == "duebook" || ctx.format == "hledger" || ctx.format == "ledger" ||
                             ctx.format == "beancount" || ctx.format == "quickbooks" ||
                             ctx.format == "xero" || ctx.format == "payments" || ctx.format == "ubl";
  if (ctx.format != "table" && ctx.format != "json" && ctx.format != "csv" &&
      !(command == "export" && export_format))
    return ctx.usage("--format must be table, json or csv, not \"" + ctx.format + "\"");
  if (!command) return window(db ? *db : shell::default_database_path());
  if (ctx.db_path.empty()) ctx.db_path = shell::default_database_path();
  ctx.env.now_ms = [] {
    using namespace std::chrono;
    return int64_t(duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count());
  };
  const char* user = std::getenv("USER");
  ctx.env.actor = std::string("cli:") + (user ? user : "user");
  ctx.env.seed = uint64_t(ctx.env.now_ms()) * 0x9e3779b97f4a7c15ULL ^ uint64_t(getpid());

  for (const auto* list : all_handlers()) {
    // A command with subcommands takes the next word as the subcommand.
    for (const Handler& h : *list) {
      if (*command != h.command || *h.subcommand) continue;
      return run_handler(h, ctx, args);
    }
  }
  bool known = false;
  for (const auto* list : all_handlers())
    for (const Handler& h : *list) known |= *command == h.command;
  if (!known) return ctx.usage("unknown command \"" + *command + "\"");
  std::optional<std::string> sub = args.positional();
  for (const auto* list : all_handlers())
    for (const Handler& h : *list)
      if (*command == h.command && sub && *sub == h.subcommand) {
        return run_handler(h, ctx, args);
      }
  return ctx.usage("unknown subcommand \"" + *command + " " + (sub ? *sub : "") + "\"");
}

}  // namespace duebook::cli

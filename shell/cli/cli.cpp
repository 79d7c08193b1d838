#include "cli.h"

#include <chrono>
#include <cstdlib>
#include <iostream>
#include <nlohmann/json.hpp>
#include <unistd.h>

#include "invoicing/invoices.h"
#include "base/money.h"
#include "desktop/platform_desktop.h"
#include "base/currencies.h"

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

std::string csv_escape(const std::string& cell) {
  if (cell.find_first_of(",\"\r\n") == std::string::npos) return cell;
  std::string out = "\"";
  for (char c : cell) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

const std::vector<const std::vector<Handler>*>& all_handlers() {
  static const std::vector<const std::vector<Handler>*> lists = {
      &ledger_handlers(), &customer_handlers(), &invoice_handlers(), &payment_handlers(), &import_handlers(),
      &report_handlers(), &collections_handlers()};
  return lists;
}

std::optional<Customer> find_customer_arg(Db& db, const std::string& key) {
  if (key.empty()) return std::nullopt;
  std::string digits = key[0] == '#' ? key.substr(1) : key;
  if (!digits.empty() && digits.find_first_not_of("0123456789") == std::string::npos)
    if (auto c = find_customer(db, std::atoll(digits.c_str()))) return c;
  return find_customer_by_name(db, key);
}

Result<Date> date_arg(const Context& ctx, const std::optional<std::string>& text, const std::string& option) {
  if (!text) return civil_from_days(ctx.env.now_ms() / 86400000);
  Result<Date> d = parse_date(*text);
  if (!d) return Problem{option, d.problems()[0].message};
  return d;
}

Result<int64_t> amount_arg(const std::string& text, const std::string& currency, const std::string& option) {
  Result<int64_t> a = parse_amount(text, currency_digits(currency));
  if (!a) return Problem{option, a.problems()[0].message};
  return a;
}

std::string money_text(int64_t minor, const std::string& currency) {
  return format_amount(minor, currency_digits(currency));
}

// Display width of UTF-8 text: one column per code point (continuation bytes do not count).
static size_t display_width(const std::string& s) {
  size_t n = 0;
  for (unsigned char c : s)
    if ((c & 0xC0) != 0x80) ++n;
  return n;
}

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
    for (size_t c = 0; c < t.columns.size(); ++c) out << (c ? "," : "") << csv_escape(t.columns[c]);
    out << "\r\n";
    for (const auto& row : t.rows) {
      for (size_t c = 0; c < row.size(); ++c) out << (c ? "," : "") << csv_escape(row[c]);
      out << "\r\n";
    }
  } else {
    std::vector<size_t> width(t.columns.size());
    for (size_t c = 0; c < t.columns.size(); ++c) width[c] = display_width(t.columns[c]);
    for (const auto& row : t.rows)
      for (size_t c = 0; c < row.size() && c < width.size(); ++c) width[c] = std::max(width[c], display_width(row[c]));
    auto line = [&](const std::vector<std::string>& cells) {
      std::string s;
      for (size_t c = 0; c < width.size(); ++c) {
        std::string cell = c < cells.size() ? cells[c] : "";
        std::string pad(width[c] - display_width(cell), ' ');
        s += (c ? "  " : "") + (is_numeric(c) ? pad + cell : cell + (c + 1 < width.size() ? pad : ""));
      }
      out << s << "\n";
    };
    line(t.columns);
    std::vector<std::string> rule;
    for (size_t w : width) rule.push_back(std::string(w, '-'));
    line(rule);
    for (const auto& row : t.rows) line(row);
  }
}

int Context::rejected(const Problems& problems) {
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
  Result<std::unique_ptr<Ledger>> opened = Ledger::open(db_path, env);
  if (!opened) {
    err << "duebook: " << describe(opened.problems()) << "\n";
    return nullptr;
  }
  ledger_ = std::move(opened.value());
  return ledger_.get();
}

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

int run(const std::vector<std::string>& words, std::ostream& out, std::ostream& err,
        const std::function<int(const std::string&)>& window) {
  Args args(words);
  if (args.flag("--help") || args.flag("-h")) {
    print_help(out);
    return kOk;
  }
  std::optional<std::string> db = args.option("--db");
  std::optional<std::string> format = args.option("--format");
  Context ctx(db ? *db : "", format ? *format : "table", out, err);
  if (ctx.format != "table" && ctx.format != "json" && ctx.format != "csv")
    return ctx.usage("--format must be table, json or csv, not \"" + ctx.format + "\"");
  std::optional<std::string> command = args.positional();
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
      return h.run(ctx, args);
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
        return h.run(ctx, args);
      }
  return ctx.usage("unknown subcommand \"" + *command + " " + (sub ? *sub : "") + "\"");
}

}  // namespace duebook::cli

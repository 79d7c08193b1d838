// duebook-bench: times the core on a generated ledger (see gen_main.cpp), natively or as WebAssembly.
//   duebook-bench --data DIR --db PATH [--runs N] [--import-runs N] [--as-of YYYY-MM-DD] [--reuse-db 1]
// --reuse-db 1 keeps a database a previous run imported (no import timings): for working on the reports.
// Prints one JSON object: each measure's median and every run in milliseconds, plus sizes.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "ledger/ledger.h"
#include "query_timings.h"

using namespace duebook;
using duebook::bench::Measures;
using Clock = std::chrono::steady_clock;

namespace {

double ms_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

std::string read_file(const std::string& path, bool* ok) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  *ok = bool(in) || in.eof();
  return s.str();
}

int64_t file_size(const std::string& path) {
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  return in ? int64_t(in.tellg()) : 0;
}

[[noreturn]] void fail(const std::string& what) {
  std::fprintf(stderr, "duebook-bench: %s\n", what.c_str());
  std::exit(3);
}

std::unique_ptr<Ledger> open_ledger(const std::string& db_path, bool fresh) {
  if (fresh)
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) std::remove((db_path + suffix).c_str());
  LedgerEnv env;
  env.now_ms = [] { return int64_t{1782777600000}; };  // fixed: runs are comparable
  env.actor = "bench";
  env.seed = 7;
  Result<std::unique_ptr<Ledger>> opened = Ledger::open(db_path, env);
  if (!opened) fail(describe(opened.problems()));
  return std::move(opened.value());
}

// Times `command` on `ledger`; the command is built before the clock starts.
double time_command(Ledger& ledger, const Command& command) {
  auto start = Clock::now();
  Result<ActionOutcome> r = ledger.execute(command);
  if (!r) fail(describe(r.problems()).substr(0, 2000));
  return ms_since(start);
}

// Imports the generated invoices, then the payments, each into a new database `runs` times (a file is
// imported once per ledger, by design), timing each. Returns the ledger of the last run.
std::unique_ptr<Ledger> time_imports(const std::string& db_path, const std::string& data, int runs,
                                     Measures& m) {
  bool ok = true;
  const std::string invoices_csv = read_file(data + "/invoices.csv", &ok);
  const std::string payments_csv = read_file(data + "/payments.csv", &ok);
  if (!ok) fail("cannot read " + data);
  std::vector<double> invoices, payments;
  std::unique_ptr<Ledger> ledger;
  for (int r = 0; r < runs; ++r) {
    ledger.reset();
    ledger = open_ledger(db_path, true);
    invoices.push_back(time_command(*ledger, ImportInvoices{"invoices.csv", invoices_csv, "", "USD"}));
    payments.push_back(time_command(*ledger, ImportPayments{"payments.csv", payments_csv, ""}));
  }
  m.record("import_invoices", invoices);
  m.record("import_payments", payments);
  return ledger;
}

}  // namespace

int main(int argc, char** argv) {
  std::string data, db_path;
  int runs = 5, import_runs = 3;
  bool reuse_db = false;
  Date as_of{2026, 6, 30};
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string k = argv[i], v = argv[i + 1];
    if (k == "--data")
      data = v;
    else if (k == "--db")
      db_path = v;
    else if (k == "--reuse-db")
      reuse_db = v == "1";
    else if (k == "--runs")
      runs = std::max(1, std::atoi(v.c_str()));
    else if (k == "--import-runs")
      import_runs = std::max(1, std::atoi(v.c_str()));
    else if (k == "--as-of") {
      Result<Date> d = parse_date(v, "YYYY-MM-DD");
      if (!d) return 2;
      as_of = d.value();
    }
  }
  if (data.empty() || db_path.empty()) {
    std::fprintf(stderr,
                 "usage: duebook-bench --data DIR --db PATH [--runs N] [--import-runs N] [--as-of DATE] "
                 "[--reuse-db 1]\n");
    return 2;
  }
  reuse_db = reuse_db && file_size(db_path) > 0;
  Measures m;
  std::unique_ptr<Ledger> opened =
      reuse_db ? open_ledger(db_path, false) : time_imports(db_path, data, import_runs, m);
  Ledger& ledger = *opened;
  (void)ledger.db().exec("PRAGMA wal_checkpoint(TRUNCATE)");
  m.json["db_bytes"] = file_size(db_path);
  m.json["csv_bytes"] = file_size(data + "/invoices.csv") + file_size(data + "/payments.csv");

  if (!time_queries(ledger.db(), as_of, runs, m)) fail(m.error);
  std::printf("%s\n", m.json.dump(2).c_str());
  return 0;
}

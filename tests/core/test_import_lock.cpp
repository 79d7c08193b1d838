// An import reads and checks its whole file before the ledger takes the write lock: another program keeps
// writing meanwhile, a refused file never waits for the lock, and a ledger that changed between the check
// and the write is planned again under the lock.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "customers/customer_queries.h"
#include "files/imports.h"
#include "invoicing/invoice_queries.h"
#include "ledger/stream_job.h"
#include "receivables_checks.h"
#include "test_support.h"

using namespace duebook;

namespace {

// A second program's connection to the ledger file, holding its write lock while it lives.
struct OtherWriter {
  std::unique_ptr<Db> db;
  explicit OtherWriter(const std::string& path) {
    Result<std::unique_ptr<Db>> opened = Db::open(path, OpenMode::Existing);
    REQUIRE_MESSAGE(opened.ok(), describe(opened.problems()));
    db = std::move(opened.value());
    REQUIRE(db->exec("BEGIN IMMEDIATE").ok());
  }
  ~OtherWriter() { (void)db->exec("ROLLBACK"); }
};

// `seed` tells two programs' event ids apart (their clocks are the same fixed one).
std::unique_ptr<Ledger> open_file_ledger(const std::string& path, int busy_timeout_ms, uint64_t seed = 42) {
  LedgerEnv env = test_env();
  env.seed = seed;
  env.wal = true;  // as the desktop and the command line keep it: readers go on while another writes
  env.busy_timeout_ms = busy_timeout_ms;
  Result<std::unique_ptr<Ledger>> r = Ledger::open(path, env);
  REQUIRE_MESSAGE(r.ok(), describe(r.problems()));
  return std::move(r.value());
}

const char* kBadInvoices =
    "InvoiceNo,Customer,InvoiceDate,ItemDescription,ItemAmount\n"
    "2001,Acme Ltd,2026-02-30,Consulting,100.00\n";

}  // namespace

TEST_CASE("a refused file is reported while another program holds the write lock") {
  TempFile file("import-lock");
  auto ledger = open_file_ledger(file.path, 200);
  must(*ledger, AddCustomer{customer_fields("Acme Ltd")});
  OtherWriter other(file.path);
  Result<ActionOutcome> bad = ledger->execute(ImportInvoices{"bad.csv", kBadInvoices, "", "USD"});
  REQUIRE_FALSE(bad.ok());
  // The file's own problem, not a wait for the lock that ends in "in use".
  CHECK(describe(bad.problems()).find("bad.csv:2:InvoiceDate") != std::string::npos);
  CHECK(describe(bad.problems()).find("locked") == std::string::npos);
  // The ledger never asked for the lock: a wait that ran out would be recorded as the connection's fault.
  CHECK(ledger->db().fault().kind == FaultKind::None);
}

TEST_CASE("a job checks its file without the write lock; another program writes meanwhile") {
  TempFile file("import-lock");
  auto ledger = open_file_ledger(file.path, 2000);
  must(*ledger, AddCustomer{customer_fields("Acme Ltd")});
  Result<std::unique_ptr<StreamJob>> job =
      ledger->start(ImportInvoices{"invoices_good.csv", fixture("invoices_good.csv"), "", "USD"});
  REQUIRE(job.ok());
  // The six rows are read and checked one at a time, and the end found: no write lock is held, so another
  // program takes it at once, each time.
  for (int i = 0; i < 7; ++i) {
    Result<bool> done = job.value()->step(1);
    REQUIRE_MESSAGE(done.ok(), describe(done.problems()));
    CHECK_FALSE(done.value());
    CHECK(job.value()->progress() <= 0.5);
    OtherWriter other(file.path);  // would fail (busy) if the job held the lock
  }
  // Another program adds a customer the file does not name: the job plans again under the lock and
  // imports the whole file after it.
  {
    auto second = open_file_ledger(file.path, 2000, 7);
    must(*second, AddCustomer{customer_fields("Zeta GmbH", "EUR")});
  }
  Result<bool> done = false;
  while (done.ok() && !done.value()) done = job.value()->step(1000);
  REQUIRE_MESSAGE(done.ok(), describe(done.problems()));
  CHECK(job.value()->outcome().created_id > 0);
  CHECK(find_import(ledger->db(), job.value()->outcome().created_id)->invoices == 5);
  CHECK(find_customer_by_name(ledger->db(), "Zeta GmbH"));
  CHECK(ledger->verify().first_bad_seq == 0);
  CHECK(receivables_violations(ledger->db()) == "");
}

TEST_CASE("a ledger changed between the check and the write is checked again: a number taken meanwhile") {
  TempFile file("import-lock");
  auto ledger = open_file_ledger(file.path, 2000);
  must(*ledger, AddCustomer{customer_fields("Acme Ltd")});
  const std::string text = fixture("invoices_good.csv");
  Result<std::unique_ptr<StreamJob>> job =
      ledger->start(ImportInvoices{"invoices_good.csv", text, "", "USD"});
  REQUIRE(job.ok());
  Result<bool> checked = false;
  for (int i = 0; i < 7 && checked.ok(); ++i) checked = job.value()->step(1);  // the whole file, checked
  REQUIRE(checked.ok());
  CHECK(job.value()->progress() == 0.5);
  // Another program imports a file holding invoice 1003 while this one waits to write.
  std::string before;  // the ledger after the other program's import, as a program opening it now sees it
  {
    auto second = open_file_ledger(file.path, 2000, 7);
    const std::string one =
        "InvoiceNo,Customer,InvoiceDate,ItemDescription,ItemAmount\n1003,Acme Ltd,2026-01-20,Visit,80.00\n";
    REQUIRE(second->execute(ImportInvoices{"one.csv", one, "", "USD"}).ok());
    before = dump_projections(second->db());
  }
  Result<bool> done = false;
  while (done.ok() && !done.value()) done = job.value()->step(1000);
  REQUIRE_FALSE(done.ok());
  CHECK(describe(done.problems()).find("invoices_good.csv:6:InvoiceNo") != std::string::npos);
  CHECK(describe(done.problems()).find("1003 already exists") != std::string::npos);
  CHECK(dump_projections(ledger->db()) == before);
  CHECK_FALSE(ledger->busy());
}

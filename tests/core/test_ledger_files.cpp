// Ledger files as they come: missing, empty, another application's, read-only, damaged (issue 12).
#include <doctest/doctest.h>
#include <sqlite3.h>

#include <fstream>
#include <iterator>
#include <string>

#include "customers/customer_queries.h"
#include "invoicing/invoice_queries.h"
#include "ledger/ledger.h"
#include "store/schema.h"
#include "test_support.h"

using namespace duebook;

namespace {

// The file's bytes ("" when it does not exist).
std::string file_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// The page size the connection reports.
int64_t page_size(Db& db) {
  Statement& st = db.prepare("PRAGMA page_size");
  const int64_t value = st.step() ? st.int64(0) : 0;
  st.reset();
  return value;
}

bool file_exists(const std::string& path) {
  return std::ifstream(path).good();
}

// A ledger with one customer, closed, in rollback-journal mode (test_env), at `path`.
void write_small_ledger(const std::string& path) {
  std::unique_ptr<Ledger> ledger = open_test_ledger(path);
  REQUIRE(ledger->execute(AddCustomer{customer_fields("Acme Ltd")}).ok());
}

}  // namespace

TEST_CASE("only OpenMode::Create makes a ledger of a missing or empty file") {
  TempFile file("missing");
  for (OpenMode mode : {OpenMode::Existing, OpenMode::ReadOnly}) {
    Result<std::unique_ptr<Ledger>> refused = Ledger::open(file.path, test_env(), mode);
    REQUIRE_FALSE(refused.ok());
    CHECK(describe(refused.problems()) == file.path + ": no such file");
    CHECK_FALSE(file_exists(file.path));
  }
  { std::ofstream(file.path, std::ios::binary); }  // 0 bytes
  for (OpenMode mode : {OpenMode::Existing, OpenMode::ReadOnly}) {
    Result<std::unique_ptr<Ledger>> refused = Ledger::open(file.path, test_env(), mode);
    REQUIRE_FALSE(refused.ok());
    CHECK(describe(refused.problems()) == file.path + ": the file is empty, not a Duebook ledger");
    CHECK(file_bytes(file.path).empty());
  }
  Result<std::unique_ptr<Ledger>> created = Ledger::open(file.path, test_env(), OpenMode::Create);
  REQUIRE(created.ok());
  CHECK(created.value()->verify().events == 0);
}

TEST_CASE("another application's SQLite file is refused byte for byte as it was") {
  for (int application_id : {0, 1234}) {
    CAPTURE(application_id);
    TempFile file("foreign");
    {
      auto db = Db::open(file.path);
      REQUIRE(db.ok());
      REQUIRE(db.value()
                  ->exec("PRAGMA application_id = " + std::to_string(application_id) +
                         "; CREATE TABLE notes(body TEXT); INSERT INTO notes VALUES ('theirs')")
                  .ok());
    }
    const std::string before = file_bytes(file.path);
    REQUIRE_FALSE(before.empty());
    LedgerEnv env = test_env();
    env.wal = true;  // switching the journal mode to WAL would rewrite the header: it must not happen first
    for (OpenMode mode : {OpenMode::Create, OpenMode::Existing, OpenMode::ReadOnly}) {
      Result<std::unique_ptr<Ledger>> refused = Ledger::open(file.path, env, mode);
      REQUIRE_FALSE(refused.ok());
      CHECK(describe(refused.problems()).find("not a Duebook ledger") != std::string::npos);
      CHECK(file_bytes(file.path) == before);
      CHECK_FALSE(file_exists(file.path + "-wal"));
    }
  }
}

TEST_CASE("a read-only open reads the ledger and SQLite itself refuses every write") {
  TempFile file("readonly");
  write_small_ledger(file.path);
  const std::string before = file_bytes(file.path);
  LedgerEnv env = test_env();
  env.wal = true;  // a read-write open would switch the file to WAL, changing its header
  {
    Result<std::unique_ptr<Ledger>> opened = Ledger::open(file.path, env, OpenMode::ReadOnly);
    REQUIRE_MESSAGE(opened.ok(), describe(opened.problems()));
    Ledger& ledger = *opened.value();
    CHECK(ledger.verify().events == 1);
    CHECK(count_customers(ledger.db(), "") == 1);
    // Even with the ledger's own guard lifted, the connection cannot write: the file was opened read-only.
    ledger.db().set_writable(true);
    CHECK_FALSE(ledger.db().exec("CREATE TABLE scratch(x)").ok());
    CHECK_FALSE(ledger.execute(AddCustomer{customer_fields("Beta GmbH")}).ok());
    CHECK(ledger.db().fault().kind == FaultKind::None);
  }
  CHECK(file_bytes(file.path) == before);
}

TEST_CASE("a missing projection table is a recorded fault, not an abort") {
  TempFile file("damaged");
  write_small_ledger(file.path);
  {
    auto db = Db::open(file.path);
    REQUIRE(db.ok());
    REQUIRE(db.value()->exec("DROP TABLE invoices").ok());
  }
  std::unique_ptr<Ledger> ledger = open_test_ledger(file.path);
  CHECK(ledger->db().fault().kind == FaultKind::None);
  CHECK_FALSE(find_invoice(ledger->db(), 1).has_value());  // reads on as if no row matched
  CHECK(ledger->db().fault().kind == FaultKind::SchemaDamaged);
  CHECK(ledger->db().fault().detail.find("no such table: invoices") != std::string::npos);
  // A failed statement runs to an error, so a write planned on it is refused and nothing is stored.
  Statement& failed = ledger->db().prepare("SELECT id FROM invoices WHERE id = ?1");
  failed.bind_all(int64_t{1});
  CHECK_FALSE(failed.step());
  CHECK_FALSE(failed.run().ok());
  CHECK(ledger->verify().events == 1);
}

TEST_CASE("rebuild creates again a projection table the file lost, and refills it") {
  TempFile file("lost-table");
  write_small_ledger(file.path);
  {
    auto db = Db::open(file.path);
    REQUIRE(db.ok());
    REQUIRE(db.value()->exec("PRAGMA foreign_keys = OFF; DROP TABLE customers").ok());
  }
  std::unique_ptr<Ledger> ledger = open_test_ledger(file.path);
  REQUIRE(ledger->rebuild().ok());
  CHECK(ledger->db().fault().kind == FaultKind::None);
  CHECK(count_customers(ledger->db(), "") == 1);
  CHECK(find_customer_by_name(ledger->db(), "Acme Ltd").has_value());
}

TEST_CASE("rebuild refuses a file that lost its event log") {
  TempFile file("lost-log");
  write_small_ledger(file.path);
  {
    auto db = Db::open(file.path);
    REQUIRE(db.ok());
    REQUIRE(db.value()->exec("DROP TABLE events").ok());
  }
  std::unique_ptr<Ledger> ledger = open_test_ledger(file.path);
  Status rebuilt = ledger->rebuild();
  REQUIRE_FALSE(rebuilt.ok());
  CHECK(describe(rebuilt.problems()).find("lost its events table") != std::string::npos);
}

TEST_CASE("a new ledger takes the page size its host asks for; an existing one keeps its own") {
  TempFile file("pages");
  LedgerEnv small = test_env();
  small.page_size = 1024;
  {
    std::unique_ptr<Ledger> ledger = Ledger::open(file.path, small).value();
    REQUIRE(ledger->execute(AddCustomer{customer_fields("Acme Ltd")}).ok());
    CHECK(page_size(ledger->db()) == 1024);
  }
  const std::string bytes = file_bytes(file.path);
  REQUIRE(bytes.size() > 18);
  CHECK((uint8_t(bytes[16]) << 8 | uint8_t(bytes[17])) == 1024);  // the file header says so too
  CHECK(bytes.size() % 1024 == 0);
  LedgerEnv large = test_env();
  large.page_size = 8192;
  large.seed = 43;  // the fixed clock and another seed: event ids differ from the first open's
  std::unique_ptr<Ledger> reopened = Ledger::open(file.path, large).value();
  CHECK(page_size(reopened->db()) == 1024);
  Result<ActionOutcome> added = reopened->execute(AddCustomer{customer_fields("Bell GmbH")});
  REQUIRE_MESSAGE(added.ok(), describe(added.problems()));
  CHECK(page_size(reopened->db()) == 1024);
  CHECK(list_customers(reopened->db(), CustomerQuery{}).size() == 2);
}

TEST_CASE("a change made from outside bumps the revision without a commit") {
  TempFile file("outside");
  std::unique_ptr<Ledger> ledger = open_test_ledger(file.path);
  int commits = 0;
  ledger->set_on_commit([&commits] { ++commits; });
  const int64_t before = ledger->revision();
  {
    std::unique_ptr<Ledger> other = open_test_ledger(file.path);
    REQUIRE(other->execute(AddCustomer{customer_fields("Written Elsewhere")}).ok());
  }
  // A statement stepped to a row and left holds its read; end_reads ends it (the file may then change).
  Statement& held = ledger->db().prepare("SELECT 1 FROM events UNION ALL SELECT 2");
  REQUIRE(held.step());
  CHECK(sqlite3_stmt_busy(sqlite3_next_stmt(ledger->db().handle(), nullptr)) != 0);
  ledger->db().end_reads();
  for (sqlite3_stmt* st = sqlite3_next_stmt(ledger->db().handle(), nullptr); st;
       st = sqlite3_next_stmt(ledger->db().handle(), st))
    CHECK(sqlite3_stmt_busy(st) == 0);
  ledger->changed_outside();
  CHECK(ledger->revision() == before + 1);
  CHECK(commits == 0);
  // SQLite sees the other connection's commit at the next read.
  CHECK(list_customers(ledger->db(), CustomerQuery{}).size() == 1);
}

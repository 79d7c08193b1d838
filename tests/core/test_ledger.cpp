// The ledger's event log, projections, undo/redo, rebuild and schema guard, through its public API.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdio>
#include <string>

#include "customers/customer_queries.h"
#include "ledger/ledger.h"
#include "store/schema.h"
#include "test_support.h"

using namespace duebook;

TEST_CASE("adding a customer appends one event and fills the projection") {
  TestLedger t;
  Result<ActionOutcome> r = t->execute(AddCustomer{customer_fields("Acme Ltd", "EUR")});
  REQUIRE(r.ok());
  CHECK(r->created_id == 1);
  CHECK(r->first_seq == 1);
  std::optional<Customer> c = find_customer(t->db(), 1);
  REQUIRE(c);
  CHECK(c->fields.name == "Acme Ltd");
  CHECK(c->fields.currency == "EUR");
  std::vector<Event> events = read_events(t->db());
  REQUIRE(events.size() == 1);
  CHECK(events[0].type == "customer.added");
  CHECK(events[0].id.size() == 26);
  CHECK(events[0].prev_hash == std::string(64, '0'));
}

TEST_CASE("a rejected command writes nothing and names each bad field") {
  TestLedger t;
  CustomerFields f = customer_fields("  ", "EURO");
  f.terms = "whenever";
  f.contacts.push_back({"billing", "Ann", "not-an-email", ""});
  Result<ActionOutcome> r = t->execute(AddCustomer{f});
  REQUIRE_FALSE(r.ok());
  std::string text = describe(r.problems());
  CHECK(text.find("name:") != std::string::npos);
  CHECK(text.find("currency:") != std::string::npos);
  CHECK(text.find("terms:") != std::string::npos);
  CHECK(text.find("contacts[1].email:") != std::string::npos);
  CHECK(read_events(t->db()).empty());
  CHECK(count_customers(t->db(), "") == 0);
}

TEST_CASE("customer names are unique regardless of case") {
  TestLedger t;
  REQUIRE(t->execute(AddCustomer{customer_fields("Acme Ltd")}).ok());
  Result<ActionOutcome> again = t->execute(AddCustomer{customer_fields("ACME LTD")});
  REQUIRE_FALSE(again.ok());
  CHECK(again.problems()[0].where == "name");
}

TEST_CASE("undo and redo append compensating events and never delete") {
  TestLedger t;
  REQUIRE(t->execute(AddCustomer{customer_fields("Acme Ltd")}).ok());
  CustomerFields edited = customer_fields("Acme Limited");
  REQUIRE(t->execute(EditCustomer{1, edited}).ok());
  CHECK(t->undo_label() == "Edit customer Acme Limited");

  REQUIRE(t->undo().ok());
  CHECK(find_customer(t->db(), 1)->fields.name == "Acme Ltd");
  REQUIRE(t->undo().ok());
  CHECK_FALSE(find_customer(t->db(), 1));
  CHECK_FALSE(t->undo().ok());  // nothing left
  CHECK(read_events(t->db()).size() == 4);

  REQUIRE(t->redo().ok());
  CHECK(find_customer(t->db(), 1)->fields.name == "Acme Ltd");
  REQUIRE(t->redo().ok());
  CHECK(find_customer(t->db(), 1)->fields.name == "Acme Limited");
  CHECK_FALSE(t->redo().ok());
  CHECK(read_events(t->db()).size() == 6);

  // A new action after an undo ends the chance to redo.
  REQUIRE(t->undo().ok());
  REQUIRE(t->execute(AddCustomer{customer_fields("Beta GmbH")}).ok());
  CHECK(t->redo_label().empty());
  CHECK(find_customer(t->db(), 1)->fields.name == "Acme Ltd");
}

TEST_CASE("rebuild replays the log into identical projections") {
  TestLedger t;
  REQUIRE(t->execute(AddCustomer{customer_fields("Acme Ltd")}).ok());
  REQUIRE(t->execute(AddCustomer{customer_fields("Zeta SA", "CHF")}).ok());
  REQUIRE(t->undo().ok());
  REQUIRE(t->redo().ok());
  CustomerFields f = customer_fields("Acme Ltd");
  f.status = CustomerStatus::CreditHold;
  f.contacts.push_back({"escalation", "Dana Boss", "dana@example.com", "+44 20 0000"});
  REQUIRE(t->execute(EditCustomer{1, f}).ok());
  std::string before = dump_projections(t->db());
  REQUIRE(t->rebuild().ok());
  CHECK(dump_projections(t->db()) == before);
}

TEST_CASE("verify finds an edited event") {
  TestLedger t;
  REQUIRE(t->execute(AddCustomer{customer_fields("Acme Ltd")}).ok());
  REQUIRE(t->execute(AddCustomer{customer_fields("Beta GmbH")}).ok());
  CHECK(t->verify().first_bad_seq == 0);
  CHECK(t->verify().events == 2);
  t->db().set_writable(true);  // another program editing the file behind the ledger's back
  REQUIRE(t->db().exec("UPDATE events SET payload = replace(payload, 'Acme', 'Acne') WHERE seq = 1").ok());
  ChainCheck check = t->verify();
  CHECK(check.first_bad_seq == 1);
  CHECK(check.message.find("hash") != std::string::npos);
}

TEST_CASE("the ledger survives closing and reopening its file") {
  TempFile file("reopen");
  {
    auto ledger = open_test_ledger(file.path);
    REQUIRE(ledger->execute(AddCustomer{customer_fields("Acme Ltd")}).ok());
  }
  auto ledger = open_test_ledger(file.path);
  CHECK(count_customers(ledger->db(), "") == 1);
  CHECK(ledger->verify().events == 1);
}

TEST_CASE("a ledger written by a newer schema is refused and left unchanged") {
  TempFile file("newer");
  { open_test_ledger(file.path); }
  {
    auto db = Db::open(file.path);
    REQUIRE(db.ok());
    REQUIRE(db.value()->exec("PRAGMA user_version = 999").ok());
  }
  Result<std::unique_ptr<Ledger>> refused = Ledger::open(file.path, test_env());
  REQUIRE_FALSE(refused.ok());
  CHECK(describe(refused.problems()).find("newer Duebook") != std::string::npos);
  auto db = Db::open(file.path);
  Statement& st = db.value()->prepare("PRAGMA user_version");
  REQUIRE(st.step());
  CHECK(st.int64(0) == 999);
}

TEST_CASE("a SQLite file of another application is refused") {
  TempFile file("foreign");
  {
    auto db = Db::open(file.path);
    REQUIRE(db.value()->exec("CREATE TABLE notes(x)").ok());
  }
  Result<std::unique_ptr<Ledger>> refused = Ledger::open(file.path, test_env());
  REQUIRE_FALSE(refused.ok());
  CHECK(describe(refused.problems()).find("not a Duebook ledger") != std::string::npos);
}

TEST_CASE("customer search matches a fragment, pages, and escapes LIKE wildcards") {
  TestLedger t;
  for (const char* name : {"Acme Ltd", "Acme Trading", "Beta 100% GmbH", "Café Müller", "Zeta_SA"})
    REQUIRE(t->execute(AddCustomer{customer_fields(name)}).ok());
  CHECK(count_customers(t->db(), "acme") == 2);
  CHECK(count_customers(t->db(), "%") == 1);
  CHECK(count_customers(t->db(), "_") == 1);
  CHECK(count_customers(t->db(), "Müller") == 1);
  std::vector<Customer> page = list_customers(t->db(), {"", 1, 2});
  REQUIRE(page.size() == 2);
  CHECK(page[0].fields.name == "Acme Trading");
  CHECK(page[1].fields.name == "Beta 100% GmbH");
}

TEST_CASE("the connection the ledger hands out refuses writes around the event log") {
  TestLedger t;
  REQUIRE(t->execute(AddCustomer{customer_fields("Acme Ltd")}).ok());
  std::string before = dump_projections(t->db());
  CHECK_FALSE(t->db().exec("DELETE FROM customers").ok());
  CHECK_FALSE(t->db().exec("UPDATE events SET payload = '{}' WHERE seq = 1").ok());
  CHECK_FALSE(t->db().exec("CREATE TABLE notes(x)").ok());
  CHECK(dump_projections(t->db()) == before);
  CHECK(t->verify().first_bad_seq == 0);
  // The ledger's own operations still write.
  REQUIRE(t->execute(AddCustomer{customer_fields("Beta GmbH")}).ok());
  CHECK(count_customers(t->db(), "") == 2);
  REQUIRE(t->undo().ok());
  CHECK(count_customers(t->db(), "") == 1);
}

TEST_CASE("the projection tables are every table of the schema but the log's own") {
  TestLedger t;
  std::vector<std::string> tables = projection_tables(t->db());
  auto has = [&](const char* name) { return std::find(tables.begin(), tables.end(), name) != tables.end(); };
  CHECK(has("customers"));
  CHECK(has("invoices"));
  CHECK(has("factored_invoices"));
  CHECK(has("actions"));
  CHECK_FALSE(has("events"));
  CHECK_FALSE(has("settings"));
  CHECK_FALSE(has("schema_migrations"));
  CHECK(tables.size() == 30);
}

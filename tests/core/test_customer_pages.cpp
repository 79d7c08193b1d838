// The queries behind the workbench's customer pages: the customers list (balance, overdue, days late,
// standing; sorted, searched, paged) and one customer's timeline (the payment preview:
// test_payment_preview.cpp).
#include <doctest/doctest.h>

#include <chrono>

#include "collections/collections_queries.h"
#include "collections/customer_accounts.h"
#include "collections/customer_timeline.h"
#include "customers/customer_queries.h"
#include "files/invoice_import.h"
#include "files/payment_import.h"
#include "invoicing/invoice_queries.h"
#include "invoicing/payment_preview.h"
#include "receivables_checks.h"
#include "store/schema.h"
#include "test_support.h"

using namespace duebook;

namespace {

std::string names(const std::vector<CustomerAccount>& rows) {
  std::string s;
  for (const CustomerAccount& a : rows) s += a.name + " ";
  return s;
}

CustomerAccountQuery accounts_query(AccountSort sort, bool descending, const char* as_of = "2026-03-15") {
  CustomerAccountQuery q;
  q.as_of = day(as_of);
  q.sort = sort;
  q.descending = descending;
  return q;
}

bool plan_uses(const std::vector<std::string>& plan, const std::string& index) {
  for (const std::string& step : plan)
    if (step.find(index) != std::string::npos) return true;
  return false;
}

}  // namespace

// Net 30 invoices (terms.h: due 30 days after issue). As of 2026-03-15:
//   Acme: 100.00 issued 01-05 (due 02-04, 39 days late) and 50.00 issued 02-20 (due 03-22, not yet due);
//         20.00 paid → the oldest first (allocation rule): 80.00 open on the first. balance 130.00,
//         overdue 80.00.
//   Beta: 300.00 issued 01-30 (due 03-01, 14 days late), on credit hold. balance 300.00, overdue 300.00.
//   Cato: no invoices, 5.00 paid in advance: balance -5.00, nothing overdue, active.
TEST_CASE("customers list: balance, overdue, days late and standing, sorted by each column") {
  TestLedger t;
  int64_t acme = must(*t.ledger, AddCustomer{customer_fields("Acme Ltd")});
  CustomerFields beta_fields = customer_fields("Beta GmbH");
  int64_t beta = must(*t.ledger, AddCustomer{beta_fields});
  int64_t cato = must(*t.ledger, AddCustomer{customer_fields("Cato SA")});
  must(*t.ledger, AddInvoice{invoice_for(acme, "2026-01-05", 10000), true});
  must(*t.ledger, AddInvoice{invoice_for(acme, "2026-02-20", 5000), true});
  must(*t.ledger, AddInvoice{invoice_for(beta, "2026-01-30", 30000), true});
  must(*t.ledger, RecordPayment{acme, day("2026-02-25"), 2000, "", "", ""});
  must(*t.ledger, RecordPayment{cato, day("2026-02-25"), 500, "", "", ""});
  beta_fields.status = CustomerStatus::CreditHold;
  must(*t.ledger, EditCustomer{beta, beta_fields});
  CHECK(t->undo_label() == "Put Beta GmbH on credit hold");  // the history names a hold as one

  std::vector<CustomerAccount> rows =
      list_customer_accounts(t->db(), accounts_query(AccountSort::Name, false));
  REQUIRE(rows.size() == 3);
  CHECK(names(rows) == "Acme Ltd Beta GmbH Cato SA ");
  CHECK(rows[0].balance == 13000);
  CHECK(rows[0].overdue == 8000);
  CHECK(rows[0].days_late == 39);
  CHECK(rows[0].oldest_due == "2026-02-04");
  CHECK(rows[0].open_invoices == 2);
  CHECK(rows[0].standing == AccountStanding::Active);
  CHECK(rows[1].balance == 30000);
  CHECK(rows[1].overdue == 30000);
  CHECK(rows[1].days_late == 14);
  CHECK(rows[1].standing == AccountStanding::OnHold);
  CHECK(std::string(to_string(rows[1].standing)) == "on hold");
  CHECK(rows[2].balance == -500);
  CHECK(rows[2].unapplied == 500);
  CHECK(rows[2].overdue == 0);
  CHECK(rows[2].days_late == 0);
  CHECK(rows[2].oldest_due == "");

  struct Case {
    AccountSort sort;
    bool descending;
    const char* expected;
  };
  const Case cases[] = {
      {AccountSort::Name, true, "Cato SA Beta GmbH Acme Ltd "},
      {AccountSort::Balance, false, "Cato SA Acme Ltd Beta GmbH "},
      {AccountSort::Balance, true, "Beta GmbH Acme Ltd Cato SA "},
      {AccountSort::Overdue, true, "Beta GmbH Acme Ltd Cato SA "},
      {AccountSort::Overdue, false, "Cato SA Acme Ltd Beta GmbH "},
      {AccountSort::DaysLate, true, "Acme Ltd Beta GmbH Cato SA "},
      {AccountSort::DaysLate, false, "Cato SA Beta GmbH Acme Ltd "},
      {AccountSort::Standing, true, "Beta GmbH Acme Ltd Cato SA "},
  };
  for (const Case& c : cases) {
    CAPTURE(int(c.sort));
    CAPTURE(c.descending);
    CHECK(names(list_customer_accounts(t->db(), accounts_query(c.sort, c.descending))) == c.expected);
  }
  // Earlier as-of day: Acme's first invoice (due 02-04) is not yet late on 02-01.
  std::vector<CustomerAccount> early =
      list_customer_accounts(t->db(), accounts_query(AccountSort::Name, false, "2026-02-01"));
  CHECK(early[0].overdue == 0);
  CHECK(early[0].days_late == 0);
  // Search and paging.
  CustomerAccountQuery q = accounts_query(AccountSort::Name, false);
  q.search = "GMBH";
  CHECK(names(list_customer_accounts(t->db(), q)) == "Beta GmbH ");
  q.search = "";
  q.offset = 1;
  q.limit = 1;
  CHECK(names(list_customer_accounts(t->db(), q)) == "Beta GmbH ");
  q.offset = 3;
  CHECK(list_customer_accounts(t->db(), q).empty());
}

TEST_CASE("putting a customer on hold and releasing it read as such in the history") {
  TestLedger t;
  CustomerFields f = customer_fields("Acme Ltd");
  int64_t acme = must(*t.ledger, AddCustomer{f});
  f.status = CustomerStatus::CreditHold;
  f.notes = "2026-03-01 on hold: 60 days late";  // the reason, noted with the hold
  must(*t.ledger, EditCustomer{acme, f});
  CHECK(t->undo_label() == "Put Acme Ltd on credit hold");
  f.status = CustomerStatus::Active;
  must(*t.ledger, EditCustomer{acme, f});
  CHECK(t->undo_label() == "Release Acme Ltd from credit hold");
  f.status = CustomerStatus::CashOnDelivery;
  f.terms = "Net 7";  // more than the standing changes: an edit
  must(*t.ledger, EditCustomer{acme, f});
  CHECK(t->undo_label() == "Edit customer Acme Ltd");
  f.status = CustomerStatus::Active;
  must(*t.ledger, EditCustomer{acme, f});
  CHECK(t->undo_label() == "Release Acme Ltd from cash on delivery");
}

TEST_CASE(
    "customers list at 100,000 customers: a page by name reads only the page, an amount sort stays fast") {
  TempFile file("accounts-100k");
  Result<std::unique_ptr<Db>> opened = Db::open(file.path);
  REQUIRE(opened.ok());
  Db& db = *opened.value();
  REQUIRE(migrate(db).ok());
  // Projection rows written directly (the query reads only these tables): 100,000 customers, three invoices
  // each (one paid, one overdue, one not yet due) and their balances.
  REQUIRE(db.exec("BEGIN").ok());
  Statement& customer = db.prepare(
      "INSERT INTO customers(id, name, name_key, currency, created_seq) VALUES (?1, ?2, ?3, 'EUR', ?1)");
  Statement& invoice = db.prepare(
      "INSERT INTO invoices(id, number, series, customer_id, currency, issue_date, due_date, due_explicit, "
      "terms, "
      "memo, net, tax, total, open_amount, issued, status, settled_on, created_seq) VALUES (?1, ?2, 'INV', "
      "?3, "
      "'EUR', ?4, ?5, 0, 'Net 30', '', ?6, 0, ?6, ?7, 1, ?8, CASE WHEN ?8 = 'paid' THEN '2026-01-20' END, "
      "?1)");
  Statement& balance = db.prepare(
      "INSERT INTO customer_balances(customer_id, ar_balance, unapplied_credit) VALUES (?1, ?2, 0)");
  const int64_t kCustomers = 100000;
  for (int64_t c = 1; c <= kCustomers; ++c) {
    std::string name = "Customer " + std::to_string(c);
    REQUIRE(customer.bind_all(c, name, name_key(name)).run().ok());
    const int64_t late = 100 + c % 997;  // the overdue amount differs between customers
    for (int k = 0; k < 3; ++k) {
      const int64_t id = c * 3 + k;
      const char* due = k == 0 ? "2026-01-10" : k == 1 ? "2026-02-01" : "2026-04-30";
      const int64_t open = k == 0 ? 0 : k == 1 ? late : 50;
      const bool paid = k == 0;
      REQUIRE(invoice
                  .bind_all(id, "INV-" + std::to_string(id), c, "2026-01-01", due, 1000, open,
                            paid ? "paid" : "open")
                  .run()
                  .ok());
    }
    REQUIRE(balance.bind_all(c, late + 50).run().ok());
  }
  REQUIRE(db.exec("COMMIT").ok());

  CustomerAccountQuery q = accounts_query(AccountSort::Name, false);
  q.limit = 64;
  CHECK(plan_uses(customer_accounts_plan(db, q), "customers_by_name"));
  CHECK(plan_uses(customer_accounts_plan(db, q), "invoices_by_customer"));
  for (AccountSort sort : {AccountSort::Name, AccountSort::Balance, AccountSort::Overdue,
                           AccountSort::DaysLate, AccountSort::Standing}) {
    q.sort = sort;
    q.descending = true;
    q.offset = 5000;
    auto start = std::chrono::steady_clock::now();
    std::vector<CustomerAccount> rows = list_customer_accounts(db, q);
    double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    MESSAGE("100k customers, sort " << int(sort) << ": " << ms << " ms");
    REQUIRE(rows.size() == 64);
    CHECK(rows[0].overdue == rows[0].balance - 50);
    CHECK(rows[0].days_late == 42);  // 2026-02-01 to 2026-03-15
    // A name page touches 64 customers; a sort by an amount reads all 100,000 once.
    CHECK(ms < (sort == AccountSort::Name ? 250.0 : 5000.0));
  }
  q.sort = AccountSort::Overdue;
  q.offset = 0;
  CHECK(list_customer_accounts(db, q)[0].overdue == 100 + 996);
  CHECK(db.fault().kind == FaultKind::None);
}

// The story of one customer, in the order it was recorded; the timeline reads it back newest first.
TEST_CASE("customer timeline: every action about the customer, newest first, with date, actor and hash") {
  TestLedger t;
  int64_t acme = must(*t.ledger, AddCustomer{customer_fields("Acme Ltd")});
  int64_t other = must(*t.ledger, AddCustomer{customer_fields("Other plc")});
  int64_t inv = must(*t.ledger, AddInvoice{invoice_for(acme, "2026-01-05", 10000), true});
  must(*t.ledger, AddInvoice{invoice_for(other, "2026-01-06", 999), true});
  must(*t.ledger, LogContact{acme, day("2026-02-10"), "phone", "Ann", "promised", "pays next week", {inv}});
  must(*t.ledger, AddPromise{acme, day("2026-02-10"), day("2026-02-17"), 4000, {inv}, ""});
  must(*t.ledger, RecordPayment{acme, day("2026-02-16"), 4000, "", "bank transfer", ""});
  must(*t.ledger, OpenDispute{inv, day("2026-02-20"), "pricing", "too dear"});
  must(*t.ledger, ResolveDispute{inv, day("2026-02-25"), "rejected", std::nullopt, ""});
  must(*t.ledger, VoidInvoice{inv, day("2026-02-26"), "issued twice"});
  REQUIRE(t->undo().ok());  // the void is taken back

  std::vector<TimelineEntry> tl = customer_timeline(t->db(), acme);
  std::string kinds, dates;
  for (const TimelineEntry& e : tl) kinds += e.kind + " ", dates += e.date + " ";
  CHECK(kinds == "undo invoice dispute dispute payment promise call invoice customer ");
  CHECK(dates.substr(0, 44) == "2026-01-01 2026-02-26 2026-02-25 2026-02-20 ");  // the undo: the day recorded
  REQUIRE(tl.size() == 9);
  CHECK(tl[4].what == "Record payment of 40.00 USD from Acme Ltd");
  CHECK(tl[7].date == "2026-01-05");
  CHECK(tl[8].kind == "customer");
  for (const TimelineEntry& e : tl) {
    CHECK(e.actor == "test");
    REQUIRE(e.hash_prefix.size() == 12);
    std::vector<Event> ev = read_events(t->db(), e.seq, e.seq);
    REQUIRE(ev.size() == 1);
    CHECK(ev[0].hash.substr(0, 12) == e.hash_prefix);
  }
  for (size_t i = 1; i < tl.size(); ++i) CHECK(tl[i - 1].seq > tl[i].seq);
  // The other customer's invoice is not on Acme's timeline, and Acme's is not on the other's.
  std::vector<TimelineEntry> others = customer_timeline(t->db(), other);
  REQUIRE(others.size() == 2);
  CHECK(others[0].what.find("Other plc") != std::string::npos);
  CHECK(customer_timeline(t->db(), acme, 3).size() == 3);
  CHECK(customer_timeline(t->db(), 999).empty());
  std::vector<std::string> plan = customer_timeline_plan(t->db(), acme);
  CHECK(plan_uses(plan, "events_by_customer"));
  CHECK(plan_uses(plan, "events_by_record"));
}

// A batch import is one entry on the timeline of each customer it created invoices or payments for, with the
// file's name (without its folders) and what it created for that customer.
TEST_CASE("customer timeline: an import that created the customer's invoices or payments is one entry") {
  TestLedger t;
  int64_t acme = must(*t.ledger, AddCustomer{customer_fields("Acme Ltd")});
  const std::string invoices =
      "InvoiceNo,Customer,InvoiceDate,DueDate,Terms,Memo,ItemDescription,ItemQuantity,ItemRate,ItemAmount,"
      "Currency\n"
      "7001,Acme Ltd,2026-03-01,,Net 30,,Work,1,100.00,100.00,USD\n"
      "7002,Acme Ltd,2026-03-02,,Net 30,,Work,1,50.00,50.00,USD\n"
      "7003,Beta Inc,2026-03-03,,Net 30,,Work,1,20.00,20.00,USD\n";
  REQUIRE(t->execute(ImportInvoices{"/exports/march.csv", invoices, "", "USD"}).ok());
  const std::string payments =
      "Date,Customer,Amount,Currency,Reference,Method\n2026-04-02,Acme Ltd,30.00,USD,7001,bank transfer\n";
  REQUIRE(t->execute(ImportPayments{"april.csv", payments, ""}).ok());

  std::vector<TimelineEntry> tl = customer_timeline(t->db(), acme);
  REQUIRE(tl.size() == 3);
  CHECK(tl[0].kind == "import");
  CHECK(tl[0].what == "Import payments from april.csv: 1 payment");
  CHECK(tl[0].import_file == "april.csv");
  CHECK(tl[0].import_payments == 1);
  CHECK(tl[0].import_invoices == 0);
  CHECK(tl[1].kind == "import");
  CHECK(tl[1].what == "Import invoices from march.csv: 2 invoices");
  CHECK(tl[1].import_invoices == 2);
  CHECK(tl[2].kind == "customer");
  for (const TimelineEntry& e : tl) {
    std::vector<Event> ev = read_events(t->db(), e.seq, e.seq);
    REQUIRE(ev.size() == 1);
    CHECK(ev[0].hash.substr(0, 12) == e.hash_prefix);
  }
  CHECK(read_events(t->db(), tl[0].seq, tl[0].seq)[0].type == "import.recorded");
  // The customer the import created: its creation and its one invoice are the same entry.
  std::optional<Customer> beta = find_customer_by_name(t->db(), "Beta Inc");
  REQUIRE(beta);
  std::vector<TimelineEntry> bt = customer_timeline(t->db(), beta->id);
  REQUIRE(bt.size() == 1);
  CHECK(bt[0].what == "Import invoices from march.csv: 1 invoice");
  CHECK(plan_uses(customer_timeline_plan(t->db(), acme), "events_by_record"));
}

// Down payments (invoicing/deposits.h): the deposit asked on receipt, the balance on the terms, and how the
// invoice, the aging and the worklist show them; changing a customer's terms to ask for one.
#include <doctest/doctest.h>

#include "collections/collections_worklist.h"
#include "customers/customer_queries.h"
#include "files/invoice_import.h"
#include "invoicing/deposits.h"
#include "invoicing/invoice_queries.h"
#include "receivables_checks.h"
#include "reports/aging.h"
#include "reports/ar_snapshot.h"
#include "test_support.h"

using namespace duebook;

// "30% deposit, Net 30": 30 % of the invoice total up front (due on receipt, i.e. on the invoice date), the
// rest on the net date (customers/terms.h reads the phrase; deposit_amount rounds half-up). Whatever reduces
// the invoice pays the deposit first (the deposit is asked for before the work starts).
TEST_CASE("due parts: the deposit first, then the balance") {
  struct Case {
    const char* why;
    const char* terms;
    int64_t total, open;
    int64_t deposit, deposit_open, balance_open;  // balance_open -1: no balance part
  };
  const Case cases[] = {
      {"nothing paid", "30% deposit, Net 30", 100000, 100000, 30000, 30000, 70000},
      {"part of the deposit paid", "30% deposit, Net 30", 100000, 90000, 30000, 20000, 70000},
      {"deposit paid exactly", "30% deposit, Net 30", 100000, 70000, 30000, 0, 70000},
      {"more than the deposit paid", "30% deposit, Net 30", 100000, 50000, 30000, 0, 50000},
      {"half-up rounding: 25 % of 100.02 = 25.005", "25% deposit, Net 30", 10002, 10002, 2501, 2501, 7501},
      {"the whole invoice up front", "100% deposit, Net 30", 5000, 5000, 5000, 5000, -1},
      {"no deposit", "Net 30", 5000, 5000, 0, -1, 5000},
  };
  for (const Case& c : cases) {
    CAPTURE(c.why);
    const int64_t deposit = invoice_deposit(c.terms, c.total);
    CHECK(deposit == c.deposit);
    std::vector<DuePart> parts = due_parts(c.total, deposit, c.open, day("2026-03-01"), day("2026-03-31"));
    size_t k = 0;
    if (c.deposit_open >= 0) {
      REQUIRE(parts.size() > k);
      CHECK(parts[k].deposit);
      CHECK(parts[k].due == day("2026-03-01"));
      CHECK(parts[k].open == c.deposit_open);
      ++k;
    }
    if (c.balance_open >= 0) {
      REQUIRE(parts.size() > k);
      CHECK_FALSE(parts[k].deposit);
      CHECK(parts[k].due == day("2026-03-31"));
      CHECK(parts[k].open == c.balance_open);
      ++k;
    }
    CHECK(parts.size() == k);
  }
  CHECK(invoice_deposit("not terms at all", 1000) == 0);
  std::vector<DuePart> parts = due_parts(1000, 300, 1000, day("2026-03-01"), day("2026-03-31"));
  CHECK(overdue_on(parts, day("2026-03-01")).amount == 0);  // due on the day: not late yet
  CHECK(overdue_on(parts, day("2026-03-02")).amount == 300);
  CHECK(*overdue_on(parts, day("2026-03-02")).since == day("2026-03-01"));
  CHECK(overdue_on(parts, day("2026-04-01")).amount == 1000);
}

TEST_CASE("an invoice on deposit terms: shown in parts, aged in parts, chased for the deposit") {
  TestLedger t;
  int64_t acme = must(*t.ledger, AddCustomer{customer_fields("Acme Ltd")});
  int64_t inv =
      must(*t.ledger, AddInvoice{invoice_for(acme, "2026-03-01", 100000, "30% deposit, Net 30"), true});
  InvoiceDetail d = *find_invoice(t->db(), inv);
  CHECK(d.deposit == 30000);
  REQUIRE(d.parts.size() == 2);
  CHECK(d.parts[0].open == 30000);

  // Aging as of 2026-03-10: the deposit is 9 days late (1-30), the balance not due (current).
  auto aging = [&](const char* as_of) {
    Result<ArSnapshot> snap = load_ar_snapshot(t->db(), {});
    REQUIRE(snap.ok());
    AgingOptions options;
    options.as_of = day(as_of);
    Result<AgingReport> r = compute_aging(snap->ledger, options);
    REQUIRE(r.ok());
    REQUIRE(r->rows.size() == 1);
    std::vector<AgingItem> late = aging_cell_items(snap->ledger, *r, 0, 1);
    std::string text;
    for (int b = 0; b < r->bucket_count(); ++b) text += std::to_string(r->amount(0, b)) + " ";
    text += "| " + std::to_string(r->rows[0].open_invoices) + " |";
    for (const AgingItem& i : late) text += " " + std::to_string(i.open) + "@" + std::to_string(i.age);
    return text;
  };
  CHECK(aging("2026-03-01") == "100000 0 0 0 0 | 1 |");  // all current on the day it is issued
  CHECK(aging("2026-03-10") == "70000 30000 0 0 0 | 1 | 30000@9");
  // Both late: the deposit 35 days (31-60), the balance 5 (1-30); the 1-30 cell lists the balance's part.
  CHECK(aging("2026-04-05") == "0 70000 30000 0 0 | 1 | 70000@5");
  CHECK(aging("2026-06-30") == "0 0 0 0 100000 | 1 |");  // both 90+: one piece

  // The credit review counts the deposit's days late, not the balance's (not due yet).
  for (const CreditReview& r : review_credit_holds(t->db(), day("2026-03-10"), CreditHoldRules{}))
    if (r.customer_id == acme) CHECK(r.facts.max_days_overdue == 9);

  LedgerWorklist w = load_worklist(t->db(), day("2026-03-10"));
  REQUIRE(w.items.size() == 1);
  REQUIRE(w.items[0].entry.lines.size() == 1);
  CHECK(w.items[0].entry.lines[0].due_date == day("2026-03-01"));
  CHECK(w.items[0].entry.lines[0].open.minor == 30000);

  // A partial payment of the deposit: 10000 still late.
  must(*t.ledger, RecordPayment{acme, day("2026-03-05"), 20000, "", "", ""});
  CHECK(aging("2026-03-10") == "70000 10000 0 0 0 | 1 | 10000@9");
  CHECK(load_worklist(t->db(), day("2026-03-10")).items[0].entry.lines[0].open.minor == 10000);
  // The rest of the deposit: nothing late until the net date.
  must(*t.ledger, RecordPayment{acme, day("2026-03-06"), 10000, "", "", ""});
  CHECK(aging("2026-03-10") == "70000 0 0 0 0 | 1 |");
  CHECK(load_worklist(t->db(), day("2026-03-10")).items.empty());
  CHECK(receivables_violations(t->db()) == "");
  std::string before = dump_projections(t->db());
  REQUIRE(t->rebuild().ok());
  CHECK(dump_projections(t->db()) == before);
}

TEST_CASE("require a deposit: the customer's terms ask for one on new invoices") {
  TestLedger t;
  int64_t acme = must(*t.ledger, AddCustomer{customer_fields("Acme Ltd")});
  int64_t old_invoice = must(*t.ledger, AddInvoice{invoice_for(acme, "2026-03-01", 1000, ""), true});
  must(*t.ledger, RequireDeposit{acme, Decimal{25, 0}});
  CHECK(find_customer(t->db(), acme)->fields.terms == "25% deposit, Net 30");
  int64_t new_invoice = must(*t.ledger, AddInvoice{invoice_for(acme, "2026-03-02", 1000, ""), true});
  CHECK(find_invoice(t->db(), old_invoice)->deposit == 0);
  CHECK(find_invoice(t->db(), new_invoice)->deposit == 250);
  struct Case {
    const char* why;
    RequireDeposit command;
    const char* where;
  };
  const Case cases[] = {
      {"unknown customer", {99, Decimal{10, 0}}, "customer_id"},
      {"more than 100 %", {acme, Decimal{101, 0}}, "percent"},
      {"negative", {acme, Decimal{-5, 0}}, "percent"},
      {"no change", {acme, Decimal{25, 0}}, "percent"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.why);
    Result<ActionOutcome> r = t->execute(c.command);
    REQUIRE_FALSE(r.ok());
    CHECK(r.problems()[0].where == c.where);
  }
  must(*t.ledger, RequireDeposit{acme, Decimal{0, 0}});
  CHECK(find_customer(t->db(), acme)->fields.terms == "Net 30");
  REQUIRE(t->undo().ok());
  CHECK(find_customer(t->db(), acme)->fields.terms == "25% deposit, Net 30");
}

// Deposits in invoice imports, as with typed invoices (invoicing/deposits.h: the deposit the terms ask for,
// rounded half-up, due on receipt): the Deposit column when filled in, else the invoice's Terms, else the
// customer's terms (which "require a down payment" sets). Expected values by hand:
//   8001  200.00, customer's "25% deposit, Net 30"      → 25 % of 200.00 = 50.00
//   8002  100.00, Deposit 10.00                          → 10.00 (the column wins)
//   8003  100.00, Terms "Net 15"                         → none
//   8004  100.00, Terms "40% deposit, Net 30"            → 40.00
//   8005  100.00, Deposit 0                              → none, though the customer's terms ask 25 %
TEST_CASE("invoice import: a deposit from the Deposit column, else as the terms ask") {
  TestLedger t;
  int64_t acme = must(*t.ledger, AddCustomer{customer_fields("Acme Ltd")});
  must(*t.ledger, RequireDeposit{acme, Decimal{25, 0}});
  const std::string header =
      "InvoiceNo,Customer,InvoiceDate,DueDate,Terms,Memo,ItemDescription,ItemQuantity,ItemRate,ItemAmount,"
      "Deposit\n";
  const std::string good = header +
                           "8001,Acme Ltd,2026-03-01,,,,Work,1,200.00,200.00,\n"
                           "8002,Acme Ltd,2026-03-01,,,,Work,1,100.00,100.00,10.00\n"
                           "8003,Acme Ltd,2026-03-01,,Net 15,,Work,1,100.00,100.00,\n"
                           "8004,Acme Ltd,2026-03-01,,\"40% deposit, Net 30\",,Work,1,100.00,100.00,\n"
                           "8005,Acme Ltd,2026-03-01,,,,Work,1,100.00,100.00,0\n";
  REQUIRE(t->execute(ImportInvoices{"deposits.csv", good, "", "USD"}).ok());
  const std::pair<const char*, int64_t> expected[] = {
      {"8001", 5000}, {"8002", 1000}, {"8003", 0}, {"8004", 4000}, {"8005", 0}};
  for (const auto& row : expected) {
    const char* number = row.first;  // a structured binding cannot be captured (CAPTURE) before C++20
    const int64_t deposit = row.second;
    CAPTURE(number);
    std::optional<int64_t> id = find_invoice_by_number(t->db(), number);
    REQUIRE(id);
    std::optional<InvoiceDetail> d = find_invoice(t->db(), *id);
    CHECK(d->deposit == deposit);
    CHECK(d->parts.size() == (deposit > 0 ? 2u : 1u));
    if (deposit > 0) {
      CHECK(d->parts[0].deposit);
      CHECK(to_iso(d->parts[0].due) == "2026-03-01");  // due on receipt
    }
  }
  // The deposit is in the event: a rebuild reads it back the same.
  const std::string imported = dump_projections(t->db());
  REQUIRE(t->rebuild().ok());
  CHECK(dump_projections(t->db()) == imported);
  CHECK(receivables_violations(t->db()) == "");

  // A deposit that is not an amount, or more than the total, refuses the file naming row and column.
  const int64_t events = last_event_seq(t->db());
  const std::string bad = header +
                          "8101,Acme Ltd,2026-03-01,,,,Work,1,100.00,100.00,150.00\n"
                          "8102,Acme Ltd,2026-03-01,,,,Work,1,100.00,100.00,ten\n";
  Result<ActionOutcome> r = t->execute(ImportInvoices{"bad.csv", bad, "", "USD"});
  REQUIRE_FALSE(r.ok());
  const std::string problems = describe(r.problems());
  CHECK(problems.find("bad.csv:2:Deposit") != std::string::npos);
  CHECK(problems.find("more than the invoice's total 100.00") != std::string::npos);
  CHECK(problems.find("bad.csv:3:Deposit") != std::string::npos);
  CHECK(last_event_seq(t->db()) == events);
}

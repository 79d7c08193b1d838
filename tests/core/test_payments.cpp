// Payments, allocation, credit notes, refunds: the allocation rule as a table, and the ledger's bookkeeping.
#include <doctest/doctest.h>

#include "customers/customer_queries.h"
#include "invoicing/invoice_queries.h"
#include "receivables_checks.h"
#include "test_support.h"

using namespace duebook;

namespace {

AllocationCandidate open_inv(int64_t id, const char* number, const char* due, const char* issued,
                             int64_t open) {
  return {id, number, day(due), day(issued), open};
}

std::string shares_text(const std::vector<AllocationShare>& shares) {
  std::string s;
  for (const AllocationShare& a : shares)
    s += std::to_string(a.invoice_id) + ":" + std::to_string(a.amount) + " ";
  return s;
}

}  // namespace

// The allocation rule of issue 3 ("to the invoice named by the payer's reference if it matches an open
// invoice number, otherwise oldest due date first, then issue date, then number; overpayment stays as
// unapplied credit"). Expected values worked out by hand from that rule.
TEST_CASE("allocation rule: reference first, then oldest due date, issue date, number") {
  const std::vector<AllocationCandidate> open = {
      open_inv(1, "INV-2026-0001", "2026-02-28", "2026-01-29", 1000),
      open_inv(2, "INV-2026-0002", "2026-02-15", "2026-01-16", 500),  // due first
      open_inv(3, "INV-2026-0003", "2026-02-15", "2026-01-10", 700),  // same due, issued earlier: before #2
      open_inv(4, "INV-2026-0004", "2026-03-31", "2026-03-01", 400),
      open_inv(5, "A-9", "2026-03-31", "2026-03-01", 300),  // same due and issue as #4: "A-9" < "INV"
  };
  struct Case {
    const char* why;
    int64_t amount;
    const char* reference;
    const char* expected;  // invoice:amount in the order applied
  };
  const Case cases[] = {
      {"no reference: oldest due, then older issue date", 900, "", "3:700 2:200 "},
      {"exact cover of the two oldest", 1200, "", "3:700 2:500 "},
      {"reference names an invoice: it goes first", 1000, "INV-2026-0004", "4:400 3:600 "},
      {"reference is case-insensitive", 400, "inv-2026-0004", "4:400 "},
      {"reference smaller than the named invoice", 100, "INV-2026-0001", "1:100 "},
      {"reference naming two invoices, in the order named", 800, "INV-2026-0004, A-9", "4:400 5:300 3:100 "},
      {"reference words around the number", 500, "Payment for INV-2026-0002 thanks", "2:500 "},
      {"reference not matching any invoice: oldest first", 100, "cheque 000123", "3:100 "},
      {"same due and issue date: number decides", 3600, "", "3:700 2:500 1:1000 5:300 4:400 "},
      {"overpayment: everything paid, the rest stays unapplied", 5000, "", "3:700 2:500 1:1000 5:300 4:400 "},
  };
  for (const Case& c : cases) {
    CAPTURE(c.why);
    CHECK(shares_text(allocate_payment(c.amount, c.reference, open)) == c.expected);
  }
  CHECK(allocate_payment(100, "", {}).empty());
}

TEST_CASE("referenced_numbers splits a reference into candidate numbers") {
  CHECK(referenced_numbers("") == std::vector<std::string>{});
  CHECK(referenced_numbers(" INV-1 ") == std::vector<std::string>{"INV-1"});
  CHECK(referenced_numbers("INV 7") == std::vector<std::string>{"INV 7", "INV", "7"});
  CHECK(referenced_numbers("a,b;a") == std::vector<std::string>{"a,b;a", "a", "b"});
}

TEST_CASE("a payment is allocated by the rule, overpayment stays unapplied, and undo reverses it") {
  TestLedger t;
  int64_t acme = must(*t.ledger, AddCustomer{customer_fields("Acme Ltd")});
  int64_t a = must(*t.ledger, AddInvoice{invoice_for(acme, "2026-01-10", 10000), true});
  int64_t b = must(*t.ledger, AddInvoice{invoice_for(acme, "2026-01-05", 5000), true});
  std::string before = dump_projections(t->db());
  int64_t pay = must(*t.ledger, RecordPayment{acme, day("2026-02-10"), 16000, "usd", "bank transfer", ""});
  CHECK(find_invoice(t->db(), b)->summary.status == InvoiceStatus::Paid);  // older due date, paid first
  CHECK(find_invoice(t->db(), b)->summary.settled_on == "2026-02-10");
  CHECK(find_invoice(t->db(), a)->summary.status == InvoiceStatus::Paid);
  std::optional<CustomerBalance> bal = customer_balance(t->db(), acme);
  CHECK(bal->ar_balance == 0);
  CHECK(bal->unapplied_credit == 1000);
  CHECK(bal->net_balance == -1000);
  std::vector<PaymentSummary> payments = list_payments(t->db(), {});
  REQUIRE(payments.size() == 1);
  CHECK(payments[0].unallocated == 1000);
  CHECK(payments[0].applied_to == "INV-2026-0002, INV-2026-0001");
  CHECK(receivables_violations(t->db()) == "");

  REQUIRE(t->undo().ok());
  std::string undone = dump_projections(t->db());
  CHECK(find_invoice(t->db(), a)->summary.status == InvoiceStatus::Open);
  CHECK(customer_balance(t->db(), acme)->ar_balance == 15000);
  CHECK(customer_balance(t->db(), acme)->unapplied_credit == 0);
  CHECK(list_payments(t->db(), {})[0].status == "reversed");
  REQUIRE(t->redo().ok());
  CHECK(customer_balance(t->db(), acme)->unapplied_credit == 1000);
  CHECK(find_invoice(t->db(), a)->summary.status == InvoiceStatus::Paid);
  CHECK(receivables_violations(t->db()) == "");
  (void)pay;
  (void)before;
  (void)undone;
}

TEST_CASE("a payment in another currency than the customer's is rejected") {
  TestLedger t;
  int64_t acme = must(*t.ledger, AddCustomer{customer_fields("Acme Ltd", "EUR")});
  Result<ActionOutcome> r = t->execute(RecordPayment{acme, day("2026-02-10"), 100, "USD", "", ""});
  REQUIRE_FALSE(r.ok());
  CHECK(r.problems()[0].where == "currency");
  Result<ActionOutcome> zero = t->execute(RecordPayment{acme, day("2026-02-10"), 0, "", "", ""});
  REQUIRE_FALSE(zero.ok());
  CHECK(zero.problems()[0].where == "amount");
  CHECK(read_events(t->db()).size() == 1);
}

TEST_CASE("a payment received before the invoice is applied on the invoice date") {
  TestLedger t;
  int64_t acme = must(*t.ledger, AddCustomer{customer_fields("Acme Ltd")});
  must(*t.ledger, RecordPayment{acme, day("2026-01-01"), 500, "", "", ""});
  int64_t id = must(*t.ledger, AddInvoice{invoice_for(acme, "2026-01-20", 500), true});
  CHECK(find_invoice(t->db(), id)->summary.status == InvoiceStatus::Open);  // credit is not applied by itself
  must(*t.ledger, AllocateCredit{{CreditKind::Payment, 1}, {{id, std::nullopt}}, std::nullopt});
  InvoiceDetail d = *find_invoice(t->db(), id);
  CHECK(d.summary.status == InvoiceStatus::Paid);
  CHECK(d.applied[0].date == "2026-01-20");
  CHECK(d.summary.settled_on == "2026-01-20");
  CHECK(customer_balance(t->db(), acme)->unapplied_credit == 0);
}

TEST_CASE("allocating credit checks the source, the invoice and both amounts") {
  TestLedger t;
  int64_t acme = must(*t.ledger, AddCustomer{customer_fields("Acme Ltd")});
  int64_t beta = must(*t.ledger, AddCustomer{customer_fields("Beta GmbH")});
  int64_t inv = must(*t.ledger, AddInvoice{invoice_for(acme, "2026-01-20", 500), true});
  int64_t other = must(*t.ledger, AddInvoice{invoice_for(beta, "2026-01-20", 500), true});
  int64_t pay = must(*t.ledger, RecordPayment{acme, day("2026-01-01"), 300, "", "", "advance"});
  // Auto-allocation: the payment dated before the invoice still goes to it, on the invoice date.
  CHECK(find_invoice(t->db(), inv)->summary.open == 200);
  int64_t pay2 = must(*t.ledger, RecordPayment{acme, day("2026-01-25"), 1000, "", "", ""});
  CHECK(find_invoice(t->db(), inv)->summary.open == 0);
  CHECK(customer_balance(t->db(), acme)->unapplied_credit == 800);
  int64_t inv3 = must(*t.ledger, AddInvoice{invoice_for(acme, "2026-01-26", 500), true});
  struct Case {
    const char* why;
    AllocateCredit command;
    const char* where;
  };
  const Case cases[] = {
      {"unknown payment", {{CreditKind::Payment, 99}, {{inv3, std::nullopt}}, std::nullopt}, "source"},
      {"no targets", {{CreditKind::Payment, pay2}, {}, std::nullopt}, "targets"},
      {"another customer's invoice",
       {{CreditKind::Payment, pay2}, {{other, std::nullopt}}, std::nullopt},
       "targets[0].invoice_id"},
      {"a paid invoice",
       {{CreditKind::Payment, pay2}, {{inv, std::nullopt}}, std::nullopt},
       "targets[0].invoice_id"},
      {"more than the invoice's open amount",
       {{CreditKind::Payment, pay2}, {{inv3, 501}}, std::nullopt},
       "targets[0].amount"},
      {"nothing left on the payment",
       {{CreditKind::Payment, pay}, {{inv3, std::nullopt}}, std::nullopt},
       "targets[0].amount"},
      {"date before the payment", {{CreditKind::Payment, pay2}, {{inv3, 10}}, day("2026-01-24")}, "date"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.why);
    Result<ActionOutcome> r = t->execute(c.command);
    REQUIRE_FALSE(r.ok());
    CHECK(r.problems()[0].where == c.where);
  }
  must(*t.ledger, AllocateCredit{{CreditKind::Payment, pay2}, {{inv3, 150}}, std::nullopt});
  CHECK(find_invoice(t->db(), inv3)->summary.open == 350);
  CHECK(customer_balance(t->db(), acme)->unapplied_credit == 650);
  CHECK(receivables_violations(t->db()) == "");
}

TEST_CASE("credit notes reduce an invoice up to its open amount, or become customer credit") {
  TestLedger t;
  int64_t acme = must(*t.ledger, AddCustomer{customer_fields("Acme Ltd")});
  int64_t inv = must(*t.ledger, AddInvoice{invoice_for(acme, "2026-01-20", 500), true});
  Result<ActionOutcome> too_much = t->execute(AddCreditNote{acme, inv, day("2026-01-21"), 501, "x", "CN"});
  REQUIRE_FALSE(too_much.ok());
  CHECK(too_much.problems()[0].where == "amount");
  int64_t cn = must(*t.ledger, AddCreditNote{acme, inv, day("2026-01-21"), 200, "price", "CN"});
  CHECK(find_credit_note(t->db(), cn)->number == "CN-2026-0001");
  CHECK(find_credit_note(t->db(), cn)->unallocated == 0);
  CHECK(find_invoice(t->db(), inv)->summary.open == 300);
  CHECK(find_invoice(t->db(), inv)->amounts.credited == 200);
  int64_t loose = must(*t.ledger, AddCreditNote{acme, 0, day("2026-01-22"), 1000, "goodwill", "CN"});
  CHECK(find_credit_note(t->db(), loose)->number == "CN-2026-0002");
  CHECK(customer_balance(t->db(), acme)->unapplied_credit == 1000);
  must(*t.ledger, AllocateCredit{{CreditKind::CreditNote, loose}, {{inv, std::nullopt}}, std::nullopt});
  CHECK(find_invoice(t->db(), inv)->summary.status == InvoiceStatus::Paid);
  CHECK(customer_balance(t->db(), acme)->unapplied_credit == 700);
  CHECK(receivables_violations(t->db()) == "");
  // Undo the allocation and both credit notes: the invoice is fully open again, numbers stay used.
  REQUIRE(t->undo().ok());
  REQUIRE(t->undo().ok());
  REQUIRE(t->undo().ok());
  CHECK(find_invoice(t->db(), inv)->summary.open == 500);
  CHECK(find_credit_note(t->db(), cn)->status == "void");
  CHECK(customer_balance(t->db(), acme)->unapplied_credit == 0);
  int64_t again = must(*t.ledger, AddCreditNote{acme, 0, day("2026-01-23"), 10, "x", "CN"});
  CHECK(find_credit_note(t->db(), again)->number == "CN-2026-0003");
  CHECK(receivables_violations(t->db()) == "");
}

TEST_CASE("refunds pay out unapplied credit, oldest first, never more than there is") {
  TestLedger t;
  int64_t acme = must(*t.ledger, AddCustomer{customer_fields("Acme Ltd")});
  must(*t.ledger, RecordPayment{acme, day("2026-01-01"), 300, "", "", ""});
  must(*t.ledger, AddCreditNote{acme, 0, day("2026-01-02"), 200, "goodwill", "CN"});
  Result<ActionOutcome> too_much =
      t->execute(RefundCredit{acme, 501, day("2026-02-01"), "bank", "", std::nullopt});
  REQUIRE_FALSE(too_much.ok());
  CHECK(too_much.problems()[0].where == "amount");
  must(*t.ledger, RefundCredit{acme, 400, day("2026-02-01"), "bank", "R1", std::nullopt});
  CHECK(customer_balance(t->db(), acme)->unapplied_credit == 100);
  CHECK(list_payments(t->db(), {})[0].unallocated == 0);  // the older source is used first
  CHECK(receivables_violations(t->db()) == "");
  REQUIRE(t->undo().ok());
  CHECK(customer_balance(t->db(), acme)->unapplied_credit == 500);
  CHECK(receivables_violations(t->db()) == "");
}

TEST_CASE("rebuild reproduces every projection after a mixed history") {
  TestLedger t;
  int64_t acme = must(*t.ledger, AddCustomer{customer_fields("Acme Ltd")});
  int64_t yen = must(*t.ledger, AddCustomer{customer_fields("Kaisha KK", "JPY")});
  int64_t i1 = must(*t.ledger, AddInvoice{invoice_for(acme, "2026-01-10", 10000), true});
  must(*t.ledger, AddInvoice{invoice_for(yen, "2026-01-11", 5000), true});
  int64_t d = must(*t.ledger, AddInvoice{invoice_for(acme, "2026-01-12", 700), false});
  must(*t.ledger, RecordPayment{acme, day("2026-01-20"), 4000, "", "card", "INV-2026-0001"});
  must(*t.ledger, AddCreditNote{acme, i1, day("2026-01-21"), 1000, "late", "CN"});
  must(*t.ledger, IssueInvoice{d, std::nullopt});
  REQUIRE(t->undo().ok());
  REQUIRE(t->redo().ok());
  must(*t.ledger, VoidInvoice{i1, day("2026-01-25"), "duplicate"});
  must(*t.ledger, RefundCredit{acme, 500, day("2026-01-26"), "bank", "", std::nullopt});
  REQUIRE(t->undo().ok());
  must(*t.ledger, WriteOffInvoice{d, 100, day("2026-02-01"), "rounding"});
  ScheduleFields s;
  s.customer_id = yen;
  s.start = day("2026-01-31");
  s.lines = {line("Rent", "1", 100000)};
  must(*t.ledger, AddSchedule{s});
  must(*t.ledger, RunSchedules{day("2026-04-30")});
  CHECK(receivables_violations(t->db()) == "");
  std::string before = dump_projections(t->db());
  REQUIRE(t->rebuild().ok());
  CHECK(dump_projections(t->db()) == before);
}

// The unapplied credit list: what customer_balance's unapplied_credit adds up, one row per payment or credit
// note, oldest first; fully used, reversed and void sources are not listed.
TEST_CASE("unapplied credits: payments and credit notes with credit left, per customer and for everyone") {
  TestLedger t;
  int64_t acme = must(*t.ledger, AddCustomer{customer_fields("Acme Ltd")});
  int64_t beta = must(*t.ledger, AddCustomer{customer_fields("Beta plc")});
  must(*t.ledger, AddInvoice{invoice_for(acme, "2026-01-05", 10000), true});
  // 120.00 against 100.00 open: 20.00 left (the allocation rule keeps an overpayment as unapplied credit).
  int64_t pay = must(*t.ledger, RecordPayment{acme, day("2026-02-01"), 12000, "", "bank transfer", "R-7"});
  int64_t cn = must(*t.ledger, AddCreditNote{acme, 0, day("2026-01-20"), 500, "goodwill", "CN"});
  must(*t.ledger, RecordPayment{beta, day("2026-01-10"), 300, "", "card", ""});
  must(*t.ledger, RefundCredit{beta, 300, day("2026-01-11"), "bank", "", std::nullopt});
  int64_t beta_cn = must(*t.ledger, AddCreditNote{beta, 0, day("2026-03-01"), 700, "returned goods", "CN"});

  std::vector<UnappliedCredit> all = list_unapplied_credits(t->db(), 0);
  REQUIRE(all.size() == 3);  // Beta's refunded payment is not listed
  CHECK(all[0].source.kind == CreditKind::CreditNote);
  CHECK(all[0].source.id == cn);
  CHECK(all[0].number == "CN-2026-0001");
  CHECK(all[0].unapplied == 500);
  CHECK(all[0].detail == "goodwill");
  CHECK(all[1].source.kind == CreditKind::Payment);
  CHECK(all[1].source.id == pay);
  CHECK(all[1].amount == 12000);
  CHECK(all[1].unapplied == 2000);
  CHECK(all[1].detail == "bank transfer R-7");
  CHECK(all[1].customer_name == "Acme Ltd");
  CHECK(all[2].source.id == beta_cn);
  CHECK(all[2].customer_id == beta);

  std::vector<UnappliedCredit> mine = list_unapplied_credits(t->db(), acme);
  REQUIRE(mine.size() == 2);
  int64_t total = 0;
  for (const UnappliedCredit& c : mine) total += c.unapplied;
  CHECK(total == customer_balance(t->db(), acme)->unapplied_credit);
  CHECK(list_unapplied_credits(t->db(), acme, 1).size() == 1);
  CHECK(list_unapplied_credits(t->db(), 999).empty());

  // Applying the credit note to a new invoice uses it up; what is left of it stays listed.
  int64_t inv2 = must(*t.ledger, AddInvoice{invoice_for(acme, "2026-03-05", 400), true});
  must(*t.ledger, AllocateCredit{{CreditKind::CreditNote, cn}, {{inv2, std::nullopt}}, std::nullopt});
  mine = list_unapplied_credits(t->db(), acme);
  REQUIRE(mine.size() == 2);
  CHECK(mine[0].unapplied == 100);  // 5.00 − 4.00
  CHECK(find_invoice(t->db(), inv2)->summary.open == 0);
}

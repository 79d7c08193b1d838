// Invoices through the ledger: drafting, issuing with gapless numbers, voiding, write-offs, undo and redo.
#include <doctest/doctest.h>

#include "customers/customer_queries.h"
#include "invoicing/invoice_queries.h"
#include "receivables_checks.h"
#include "test_support.h"

using namespace duebook;

namespace {

int64_t add_customer(TestLedger& t, const std::string& name, const std::string& currency = "USD") {
  return must(*t.ledger, AddCustomer{customer_fields(name, currency)});
}

InvoiceDetail detail(TestLedger& t, int64_t id) {
  std::optional<InvoiceDetail> d = find_invoice(t->db(), id);
  REQUIRE(d);
  return *d;
}

}  // namespace

TEST_CASE("a draft is editable, gets no number, and issuing numbers it gaplessly per series and year") {
  TestLedger t;
  int64_t acme = add_customer(t, "Acme Ltd");
  int64_t draft = must(*t.ledger, AddInvoice{invoice_for(acme, "2026-03-01", 10000), false});
  CHECK(detail(t, draft).summary.status == InvoiceStatus::Draft);
  CHECK(detail(t, draft).summary.number.empty());
  CHECK(customer_balance(t->db(), acme)->ar_balance == 0);

  InvoiceFields edited = invoice_for(acme, "2026-03-02", 12000);
  edited.memo = "March work";
  must(*t.ledger, EditInvoice{draft, edited});
  CHECK(detail(t, draft).amounts.total == 12000);
  CHECK(detail(t, draft).memo == "March work");

  int64_t first = must(*t.ledger, AddInvoice{invoice_for(acme, "2026-03-05", 5000), true});
  CHECK(detail(t, first).summary.number == "INV-2026-0001");
  must(*t.ledger, IssueInvoice{draft, std::nullopt});
  CHECK(detail(t, draft).summary.number == "INV-2026-0002");
  CHECK(detail(t, draft).summary.status == InvoiceStatus::Open);
  // Terms "Net 30" from 2026-03-02: due 2026-04-01 (terms.h: Net = invoice date + net_days).
  CHECK(detail(t, draft).summary.due_date == "2026-04-01");
  // A new year restarts the counter; another series has its own.
  CHECK(detail(t, must(*t.ledger, AddInvoice{invoice_for(acme, "2027-01-02", 100), true})).summary.number ==
        "INV-2027-0001");
  InvoiceFields other = invoice_for(acme, "2026-06-01", 100);
  other.series = "SRV";
  CHECK(detail(t, must(*t.ledger, AddInvoice{other, true})).summary.number == "SRV-2026-0001");
  CHECK(customer_balance(t->db(), acme)->ar_balance == 12000 + 5000 + 100 + 100);
  CHECK(receivables_violations(t->db()) == "");
}

TEST_CASE("an issued invoice is never edited, discarded or issued again") {
  TestLedger t;
  int64_t acme = add_customer(t, "Acme Ltd");
  int64_t id = must(*t.ledger, AddInvoice{invoice_for(acme, "2026-03-01", 10000), true});
  size_t events = read_events(t->db()).size();
  CHECK_FALSE(t->execute(EditInvoice{id, invoice_for(acme, "2026-03-01", 1)}).ok());
  CHECK_FALSE(t->execute(DiscardInvoice{id}).ok());
  CHECK_FALSE(t->execute(IssueInvoice{id, std::nullopt}).ok());
  CHECK(read_events(t->db()).size() == events);
}

TEST_CASE("invoice validation names every bad field and writes nothing") {
  TestLedger t;
  int64_t acme = add_customer(t, "Acme Ltd");
  InvoiceFields f = invoice_for(acme, "2026-03-10", 100, "whenever");
  f.due_date = day("2026-03-01");
  f.series = "IN V";
  f.lines.push_back(line("", "1", -5, "150"));
  Result<ActionOutcome> r = t->execute(AddInvoice{f, true});
  REQUIRE_FALSE(r.ok());
  std::string text = describe(r.problems());
  CHECK(text.find("terms:") != std::string::npos);
  CHECK(text.find("due_date:") != std::string::npos);
  CHECK(text.find("series:") != std::string::npos);
  CHECK(text.find("lines[1].description:") != std::string::npos);
  CHECK(text.find("lines[1].unit_price:") != std::string::npos);
  CHECK(text.find("lines[1].tax_rate_percent:") != std::string::npos);
  CHECK(read_events(t->db()).size() == 1);  // only the customer

  int64_t blank =
      must(*t.ledger, AddInvoice{InvoiceFields{acme, "INV", day("2026-03-01"), "", {}, "", {}}, false});
  Result<ActionOutcome> empty = t->execute(IssueInvoice{blank, std::nullopt});
  REQUIRE_FALSE(empty.ok());
  CHECK(empty.problems()[0].where == "lines");  // EN 16931 BR-16: an invoice has at least one line
  CHECK_FALSE(t->execute(AddInvoice{invoice_for(99, "2026-03-01", 100), true}).ok());
}

// Totals on an invoice follow EN 16931-1 (totals.h): tax per rate on the rate's taxable sum (BR-CO-17),
// total = net + tax (BR-CO-15). Values computed by hand from those rules.
TEST_CASE("invoice totals are the EN 16931 totals of its lines") {
  struct Case {
    const char* why;
    std::vector<InvoiceLine> lines;
    int64_t net, tax, total;
  };
  const Case cases[] = {
      // BR-CO-17: 3 lines of 0.99 at 19 %: taxable 2.97, tax 0.5643 -> 0.56 (not 3 × 0.19 = 0.57 per line)
      {"tax once per rate",
       {line("a", "1", 99, "19"), line("b", "1", 99, "19"), line("c", "1", 99, "19")},
       297,
       56,
       353},
      // BT-131 = qty × price − allowance: 2.5 × 10.00 − 1.00 = 24.00; 7.7 % of 24.00 = 1.848 -> 1.85
      {"quantity decimal and discount", {line("d", "2.5", 1000, "7.7", 100)}, 2400, 185, 2585},
      // Two rates, each rounded on its own (BR-CO-17), then summed (BR-CO-14): 19 % of 10.00 + 7 % of 5.05
      // (0.3535)
      {"two rates", {line("e", "1", 1000, "19"), line("f", "1", 505, "7")}, 1505, 190 + 35, 1730},
      // A return line (negative quantity) reduces the total
      {"return line", {line("g", "3", 1000), line("h", "-1", 1000)}, 2000, 0, 2000},
  };
  for (const Case& c : cases) {
    CAPTURE(c.why);
    TestLedger t;
    int64_t acme = add_customer(t, "Acme Ltd");
    InvoiceFields f = invoice_for(acme, "2026-03-01", 1);
    f.lines = c.lines;
    InvoiceDetail d = detail(t, must(*t.ledger, AddInvoice{f, true}));
    CHECK(d.amounts.net == c.net);
    CHECK(d.amounts.tax == c.tax);
    CHECK(d.amounts.total == c.total);
    CHECK(d.summary.open == c.total);
  }
}

// Due dates follow the terms (terms.h definitions), or the explicit date; the customer's terms are the
// default.
TEST_CASE("the due date comes from the invoice's terms, the customer's terms, or is given") {
  struct Case {
    const char* terms;
    std::optional<const char*> due;
    const char* expected;
  };
  const Case cases[] = {
      {"Net 30", std::nullopt, "2026-03-31"},              // Net: invoice date + 30 days
      {"Due on receipt", std::nullopt, "2026-03-01"},      // DueOnReceipt: the invoice date
      {"Net 30 EOM", std::nullopt, "2026-04-30"},          // NetEom: end of March + 30 days
      {"15th of next month", std::nullopt, "2026-04-15"},  // Proximo 15
      {"", std::nullopt, "2026-03-31"},                    // empty: the customer's "Net 30"
      {"Net 30", "2026-05-05", "2026-05-05"},              // explicit due date wins
  };
  TestLedger t;
  int64_t acme = add_customer(t, "Acme Ltd");
  for (const Case& c : cases) {
    CAPTURE(c.terms);
    InvoiceFields f = invoice_for(acme, "2026-03-01", 100, c.terms);
    if (c.due) f.due_date = day(*c.due);
    CHECK(detail(t, must(*t.ledger, AddInvoice{f, true})).summary.due_date == c.expected);
  }
}

TEST_CASE("undoing an issue voids the invoice; its number is never reused; redo reinstates it") {
  TestLedger t;
  int64_t acme = add_customer(t, "Acme Ltd");
  int64_t id = must(*t.ledger, AddInvoice{invoice_for(acme, "2026-03-01", 10000), true});
  std::string issued = dump_projections(t->db());
  REQUIRE(t->undo().ok());
  InvoiceDetail d = detail(t, id);
  CHECK(d.summary.status ==
        InvoiceStatus::Void);  // drafted + issued in one action: voided (and draft discarded)
  CHECK(d.summary.number == "INV-2026-0001");
  CHECK(customer_balance(t->db(), acme)->ar_balance == 0);
  int64_t next = must(*t.ledger, AddInvoice{invoice_for(acme, "2026-03-02", 500), true});
  CHECK(detail(t, next).summary.number == "INV-2026-0002");
  REQUIRE(t->undo().ok());
  REQUIRE(t->redo().ok());
  CHECK(detail(t, next).summary.status == InvoiceStatus::Open);
  CHECK(receivables_violations(t->db()) == "");

  // Issuing a draft alone, undone: void, not a draft again.
  int64_t draft = must(*t.ledger, AddInvoice{invoice_for(acme, "2026-04-01", 700), false});
  must(*t.ledger, IssueInvoice{draft, day("2026-04-03")});
  CHECK(detail(t, draft).summary.issue_date == "2026-04-03");
  CHECK(detail(t, draft).summary.due_date == "2026-05-03");
  REQUIRE(t->undo().ok());
  CHECK(detail(t, draft).summary.status == InvoiceStatus::Void);
  CHECK(detail(t, draft).void_reason == "issue undone");
  REQUIRE(t->redo().ok());
  CHECK(detail(t, draft).summary.status == InvoiceStatus::Open);
  CHECK(detail(t, draft).void_reason.empty());
  (void)issued;
}

TEST_CASE("voiding a paid invoice moves its payment back to unapplied credit; undo restores it") {
  TestLedger t;
  int64_t acme = add_customer(t, "Acme Ltd");
  int64_t id = must(*t.ledger, AddInvoice{invoice_for(acme, "2026-03-01", 10000), true});
  must(*t.ledger, RecordPayment{acme, day("2026-03-10"), 6000, "", "bank", ""});
  must(*t.ledger, AddCreditNote{acme, id, day("2026-03-11"), 1000, "damaged", "CN"});
  must(*t.ledger, WriteOffInvoice{id, 500, day("2026-03-12"), "small difference"});
  CHECK(detail(t, id).summary.open == 2500);
  CHECK(detail(t, id).summary.status == InvoiceStatus::Partial);
  std::string before = dump_projections(t->db());

  Result<ActionOutcome> no_reason = t->execute(VoidInvoice{id, day("2026-03-20"), " "});
  REQUIRE_FALSE(no_reason.ok());
  CHECK(no_reason.problems()[0].where == "reason");
  must(*t.ledger, VoidInvoice{id, day("2026-03-20"), "wrong customer"});
  InvoiceDetail d = detail(t, id);
  CHECK(d.summary.status == InvoiceStatus::Void);
  CHECK(d.summary.settled_on == "2026-03-20");
  CHECK(d.applied.empty());
  std::optional<CustomerBalance> b = customer_balance(t->db(), acme);
  CHECK(b->ar_balance == 0);
  CHECK(b->unapplied_credit == 6000 + 1000);  // the payment and the credit note are free again
  CHECK(receivables_violations(t->db()) == "");

  REQUIRE(t->undo().ok());
  std::string undone = dump_projections(t->db());
  // The projections equal the state before the void except for the history of actions.
  CHECK(undone.substr(undone.find("[customers]")) == before.substr(before.find("[customers]")));
}

TEST_CASE("write-offs reduce the open amount, never beyond it, and settle the invoice") {
  TestLedger t;
  int64_t acme = add_customer(t, "Acme Ltd");
  int64_t id = must(*t.ledger, AddInvoice{invoice_for(acme, "2026-03-01", 10000), true});
  Result<ActionOutcome> too_much = t->execute(WriteOffInvoice{id, 10001, day("2026-04-01"), "bad debt"});
  REQUIRE_FALSE(too_much.ok());
  CHECK(too_much.problems()[0].where == "amount");
  must(*t.ledger, WriteOffInvoice{id, std::nullopt, day("2026-04-01"), "bad debt"});
  InvoiceDetail d = detail(t, id);
  CHECK(d.summary.open == 0);
  CHECK(d.summary.status == InvoiceStatus::Paid);
  CHECK(d.summary.settled_on == "2026-04-01");
  CHECK(d.amounts.written_off == 10000);
  REQUIRE(t->undo().ok());
  CHECK(detail(t, id).summary.open == 10000);
  CHECK(detail(t, id).summary.settled_on.empty());
  CHECK(receivables_violations(t->db()) == "");
}

TEST_CASE("drafts can be discarded and restored by undo") {
  TestLedger t;
  int64_t acme = add_customer(t, "Acme Ltd");
  int64_t id = must(*t.ledger, AddInvoice{invoice_for(acme, "2026-03-01", 100), false});
  must(*t.ledger, DiscardInvoice{id});
  CHECK(detail(t, id).summary.status == InvoiceStatus::Discarded);
  CHECK(count_invoices(t->db(), InvoiceQuery{}) == 0);
  REQUIRE(t->undo().ok());
  CHECK(detail(t, id).summary.status == InvoiceStatus::Draft);
  REQUIRE(t->undo().ok());  // the drafting itself
  CHECK(detail(t, id).summary.status == InvoiceStatus::Discarded);
  REQUIRE(t->redo().ok());
  CHECK(detail(t, id).summary.status == InvoiceStatus::Draft);
}

TEST_CASE("invoice lists filter, search, sort and page") {
  TestLedger t;
  int64_t acme = add_customer(t, "Acme Ltd");
  int64_t beta = add_customer(t, "Beta GmbH");
  must(*t.ledger, AddInvoice{invoice_for(acme, "2026-01-10", 300), true});  // INV-2026-0001 due 02-09
  must(*t.ledger, AddInvoice{invoice_for(beta, "2026-01-05", 100), true});  // INV-2026-0002 due 02-04
  must(*t.ledger, AddInvoice{invoice_for(acme, "2026-01-20", 200), true});  // INV-2026-0003 due 02-19
  must(*t.ledger, AddInvoice{invoice_for(beta, "2026-02-01", 50), false});  // draft
  must(*t.ledger, RecordPayment{acme, day("2026-02-01"), 300, "", "", "INV-2026-0001"});

  auto numbers = [&](InvoiceQuery q) {
    std::string s;
    for (const InvoiceSummary& i : list_invoices(t->db(), q))
      s += (i.number.empty() ? "draft" : i.number) + " ";
    return s;
  };
  CHECK(numbers({}) == "INV-2026-0001 INV-2026-0002 INV-2026-0003 draft ");
  CHECK(numbers({"paid"}) == "INV-2026-0001 ");
  CHECK(numbers({"unpaid"}) == "INV-2026-0002 INV-2026-0003 ");
  CHECK(numbers({"", acme}) == "INV-2026-0001 INV-2026-0003 ");
  CHECK(numbers({"", 0, "beta"}) == "INV-2026-0002 draft ");
  CHECK(numbers({"", 0, "0003"}) == "INV-2026-0003 ");
  CHECK(numbers({"", 0, "", InvoiceSort::DueDate}) == "INV-2026-0002 INV-2026-0001 INV-2026-0003 draft ");
  CHECK(numbers({"", 0, "", InvoiceSort::Amount, true}) ==
        "INV-2026-0001 INV-2026-0003 INV-2026-0002 draft ");
  CHECK(numbers({"", 0, "", InvoiceSort::Number, false, 1, 2}) == "INV-2026-0002 INV-2026-0003 ");
  CHECK(count_invoices(t->db(), {"unpaid"}) == 2);
  InvoiceDetail d = detail(t, 1);
  REQUIRE(d.applied.size() == 1);
  CHECK(d.applied[0].kind == "payment");
  CHECK(d.applied[0].amount == 300);
  REQUIRE(d.lines.size() == 1);
  CHECK(d.lines[0].net == 300);
}

TEST_CASE("an overdue page of unpaid invoices reads only the unpaid ones in its due range") {
  // The invoice list's page (unpaid, one overdue bucket, a name fragment, by amount) must not scan the
  // ledger: at a million invoices that is the difference between 3 ms and 100 ms (docs/benchmarks.md).
  TestLedger t;
  int64_t acme = add_customer(t, "Acme Ltd");
  must(*t.ledger, AddInvoice{invoice_for(acme, "2026-01-10", 300), true});
  InvoiceQuery q;
  q.status = "unpaid";
  q.search = "acme";
  q.sort = InvoiceSort::Amount;
  q.descending = true;
  q.due_from = "2026-01-01";
  q.due_to = "2026-03-01";
  std::string plan;
  for (const std::string& step : invoice_page_plan(t->db(), q)) plan += step + "; ";
  CHECK_MESSAGE(
      plan.find("USING INDEX invoices_unpaid_by_due (due_date>? AND due_date<?)") != std::string::npos, plan);
  CHECK(plan.find("SCAN i") == std::string::npos);
  CHECK(list_invoices(t->db(), q).size() == 1);
  q.due_to = "2026-02-08";  // due 02-09: outside the range
  CHECK(list_invoices(t->db(), q).empty());
  // Paid invoices leave the index: the same page no longer shows it.
  q.due_to = "2026-03-01";
  must(*t.ledger, RecordPayment{acme, day("2026-02-01"), 300, "", "", "INV-2026-0001"});
  CHECK(list_invoices(t->db(), q).empty());
  q.status = "paid";
  CHECK(list_invoices(t->db(), q).size() == 1);
}

TEST_CASE("the invoice list keeps to one currency when asked, and counts alike") {
  // The dashboard's aging bars are per currency: a click lists one bucket's invoices of that currency only.
  TestLedger t;
  int64_t acme = must(*t.ledger, AddCustomer{customer_fields("Acme Ltd", "EUR")});
  int64_t birch = must(*t.ledger, AddCustomer{customer_fields("Birch Inc", "USD")});
  must(*t.ledger, AddInvoice{invoice_for(acme, "2026-01-10", 300), true});
  must(*t.ledger, AddInvoice{invoice_for(birch, "2026-01-11", 500), true});
  must(*t.ledger, AddInvoice{invoice_for(acme, "2026-01-12", 700), true});
  InvoiceQuery q;
  q.status = "unpaid";
  q.currency = "EUR";
  std::vector<InvoiceSummary> eur = list_invoices(t->db(), q);
  REQUIRE(eur.size() == 2);
  for (const InvoiceSummary& s : eur) CHECK(s.currency == "EUR");
  CHECK(count_invoices(t->db(), q) == 2);
  q.currency = "USD";
  REQUIRE(list_invoices(t->db(), q).size() == 1);
  CHECK(list_invoices(t->db(), q)[0].customer_name == "Birch Inc");
  q.currency = "GBP";
  CHECK(count_invoices(t->db(), q) == 0);
  q.currency.clear();
  CHECK(count_invoices(t->db(), q) == 3);
}

TEST_CASE("a customer's currency cannot change once invoices exist") {
  TestLedger t;
  int64_t acme = add_customer(t, "Acme Ltd");
  must(*t.ledger, AddInvoice{invoice_for(acme, "2026-01-10", 300), false});
  Result<ActionOutcome> r = t->execute(EditCustomer{acme, customer_fields("Acme Ltd", "EUR")});
  REQUIRE_FALSE(r.ok());
  CHECK(r.problems()[0].where == "currency");
}

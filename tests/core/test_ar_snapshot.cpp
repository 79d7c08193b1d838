// The receivables ledger read from the projections (core/ar_snapshot.h) and the customer statement
// (core/statement.h): a small ledger built through commands, aged as of days before and after each
// payment, credit note, write-off and void, against figures worked out by hand.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "reports/ar_measures.h"
#include "reports/ar_snapshot.h"
#include "reports/statement.h"
#include "test_support.h"

using namespace duebook;

namespace {

Date on(const char* iso) {
  Result<Date> d = parse_date(iso);
  REQUIRE_MESSAGE(d.ok(), iso);
  return d.value();
}

int64_t run(Ledger& ledger, const Command& command) {
  Result<ActionOutcome> r = ledger.execute(command);
  REQUIRE_MESSAGE(r.ok(), describe(r.problems()));
  return r->created_id;
}

// Issues an invoice of one line of `amount` minor units dated `issued`, Net 30 unless `due` is given.
int64_t invoice(Ledger& ledger, int64_t customer, const char* issued, int64_t amount,
                const char* due = nullptr) {
  InvoiceFields f;
  f.customer_id = customer;
  f.issue_date = on(issued);
  f.terms = "Net 30";
  if (due) f.due_date = on(due);
  InvoiceLine line;
  line.description = "Services";
  line.unit_price = amount;
  f.lines.push_back(line);
  return run(ledger, AddInvoice{f, true});
}

int64_t pay(Ledger& ledger, int64_t customer, const char* date, int64_t amount) {
  return run(ledger, RecordPayment{customer, on(date), amount, "", "bank transfer", ""});
}

ArSnapshot snapshot(Ledger& ledger, int64_t customer = 0) {
  ArSnapshotOptions options;
  options.customer_id = customer;
  Result<ArSnapshot> snap = load_ar_snapshot(ledger.db(), options);
  REQUIRE_MESSAGE(snap.ok(), describe(snap.problems()));
  REQUIRE_MESSAGE(check_ar_ledger(snap->ledger).ok(), describe(check_ar_ledger(snap->ledger).problems()));
  return std::move(snap).value();
}

// The aging as one line per (customer, currency) with anything in it, sorted:
// "Acme Ltd USD 0 4000 5000 0 0 credit 0".
std::string aged(const ArSnapshot& snap, const char* as_of,
                 const AgingBuckets& buckets = default_aging_buckets()) {
  AgingOptions options;
  options.as_of = on(as_of);
  options.buckets = buckets;
  Result<AgingReport> r = compute_aging(snap.ledger, options);
  REQUIRE_MESSAGE(r.ok(), describe(r.problems()));
  std::vector<std::string> lines;
  for (std::size_t row = 0; row < r->rows.size(); ++row) {
    const AgingRow& a = r->rows[row];
    std::string line = snap.labels.customer_names[static_cast<std::size_t>(a.customer)] + " " +
                       snap.labels.currencies[static_cast<std::size_t>(a.currency)].code;
    for (int b = 0; b < r->bucket_count(); ++b)
      line += " " + std::to_string(r->amount(static_cast<int32_t>(row), b));
    line += " credit " + std::to_string(a.unapplied_credit);
    lines.push_back(line);
  }
  std::sort(lines.begin(), lines.end());
  std::string out;
  for (const std::string& l : lines) out += l + "\n";
  return out;
}

// The book most cases below read. Acme Ltd (USD, Net 30) and Beta GmbH (EUR, Net 30):
//   inv1  Acme  issued 2026-01-01  100.00  due 2026-01-31
//   inv2  Acme  issued 2026-02-01   50.00  due 2026-03-03
//   inv3  Beta  issued 2026-01-15  200.00  due 2026-02-14
//   Beta pays 250.00 dated 2026-01-10 (recorded after inv3): allocated 200.00 on inv3's issue day
//        2026-01-15 (money never applies before the invoice exists); 50.00 stays unapplied.
//   Acme pays 60.00 on 2026-02-10: oldest due first, all on inv1 (open 40.00).
//   Credit note 10.00 on inv2 dated 2026-03-05 (open 40.00).
//   Write-off 15.00 of inv1 on 2026-04-15 (open 25.00).
//   inv2 voided on 2026-04-20: the credit note's 10.00 goes back to Acme's unapplied credit that day.
struct Book {
  TestLedger t;
  int64_t acme = 0, beta = 0, inv1 = 0, inv2 = 0, inv3 = 0;
  Book() {
    Ledger& l = *t.ledger;
    acme = run(l, AddCustomer{customer_fields("Acme Ltd", "USD")});
    beta = run(l, AddCustomer{customer_fields("Beta GmbH", "EUR")});
    inv1 = invoice(l, acme, "2026-01-01", 10000);
    inv2 = invoice(l, acme, "2026-02-01", 5000);
    inv3 = invoice(l, beta, "2026-01-15", 20000);
    pay(l, beta, "2026-01-10", 25000);
    pay(l, acme, "2026-02-10", 6000);
    AddCreditNote cn;
    cn.customer_id = acme;
    cn.invoice_id = inv2;
    cn.date = on("2026-03-05");
    cn.amount = 1000;
    cn.reason = "damaged goods";
    run(l, cn);
    run(l, WriteOffInvoice{inv1, int64_t{1500}, on("2026-04-15"), "small difference"});
    run(l, VoidInvoice{inv2, on("2026-04-20"), "issued twice"});
  }
};

}  // namespace

TEST_CASE("ar snapshot: the rows, labels and indices read from the projections") {
  Book b;
  const ArSnapshot snap = snapshot(*b.t.ledger);
  CHECK(snap.ledger.customer_count == 2);
  CHECK(snap.ledger.currency_count == 2);
  CHECK(snap.labels.customer_names == std::vector<std::string>{"Acme Ltd", "Beta GmbH"});
  REQUIRE(snap.ledger.invoices.size() == 3);
  CHECK(snap.invoice_ids == std::vector<int64_t>{b.inv1, b.inv2, b.inv3});
  CHECK(snap.invoice_number(1) == "INV-2026-0002");
  CHECK(snap.invoice_index(b.inv3) == 2);
  CHECK(snap.invoice_index(999) == -1);
  CHECK(snap.customer_index_of(b.beta) == 1);
  CHECK(snap.currency_index("EUR") == snap.ledger.invoices[2].currency);
  CHECK(snap.currency_index("JPY") == -1);
  const ArInvoice& inv2 = snap.ledger.invoices[1];
  CHECK(inv2.issued_day == day_number(on("2026-02-01")));
  CHECK(inv2.due_day == day_number(on("2026-03-03")));  // Net 30: 2026-02-01 + 30 days
  CHECK(inv2.voided_day == day_number(on("2026-04-20")));
  CHECK(inv2.settled_day == kNoDay);  // 40.00 was still open when it was voided
  // inv3 was settled by the allocation on its issue day.
  CHECK(snap.ledger.invoices[2].settled_day == day_number(on("2026-01-15")));
  // Reductions sorted by invoice: inv1 payment 60 + write-off 15; inv2 the credit note the void undid;
  // inv3 the payment.
  REQUIRE(snap.ledger.reductions.size() == 4);
  CHECK(snap.ledger.reductions[0].amount == 6000);
  CHECK(snap.ledger.reductions[1].kind == ReductionKind::WriteOff);
  CHECK(snap.ledger.reductions[2].kind == ReductionKind::CreditNote);
  CHECK(snap.ledger.reductions[2].invoice == 1);
  CHECK(snap.ledger.reductions[3].day == day_number(on("2026-01-15")));
  // Movements: Beta +250 / −200; Acme +60 / −60; credit note +10 / −10 and +10 back on the void day.
  int64_t sum = 0;
  for (const ArCreditMovement& c : snap.ledger.credits) sum += c.amount;
  CHECK(sum == 5000 + 1000);
}

TEST_CASE("ar snapshot: an aging as of a past day says what it said that day") {
  Book b;
  const ArSnapshot snap = snapshot(*b.t.ledger);
  // Before anything was issued or paid: nothing.
  CHECK(aged(snap, "2025-12-31") == "");
  // 2026-01-12: inv1 is due 2026-01-31, −19 days: current 100.00. Beta's 250.00 arrived on 01-10 and
  // inv3 (issued 01-15) does not exist yet: all of it is unapplied credit.
  CHECK(aged(snap, "2026-01-12") ==
        "Acme Ltd USD 10000 0 0 0 0 credit 0\n"
        "Beta GmbH EUR 0 0 0 0 0 credit 25000\n");
  // 2026-02-09, the day before Acme's payment: inv1 is 9 days late (1-30) with all 100.00 open; inv2
  // (due 03-03) current; inv3 settled on 01-15; Beta's credit 250 − 200 = 50.00.
  CHECK(aged(snap, "2026-02-09") ==
        "Acme Ltd USD 5000 10000 0 0 0 credit 0\n"
        "Beta GmbH EUR 0 0 0 0 0 credit 5000\n");
  // 2026-02-10, the payment's day: inv1 100 − 60 = 40.00, 10 days late.
  CHECK(aged(snap, "2026-02-10") ==
        "Acme Ltd USD 5000 4000 0 0 0 credit 0\n"
        "Beta GmbH EUR 0 0 0 0 0 credit 5000\n");
  // 2026-03-04, the day before the credit note: inv2 is 1 day late with 50.00; inv1 32 days (31-60).
  CHECK(aged(snap, "2026-03-04") ==
        "Acme Ltd USD 0 5000 4000 0 0 credit 0\n"
        "Beta GmbH EUR 0 0 0 0 0 credit 5000\n");
  // 2026-03-05: inv2 50 − 10 = 40.00, 2 days late; the credit note is issued and applied the same day:
  // +10 −10, no unapplied credit.
  CHECK(aged(snap, "2026-03-05") ==
        "Acme Ltd USD 0 4000 4000 0 0 credit 0\n"
        "Beta GmbH EUR 0 0 0 0 0 credit 5000\n");
  // 2026-04-15, the write-off's day: inv1 40 − 15 = 25.00, 74 days late (61-90); inv2 43 days (31-60).
  CHECK(aged(snap, "2026-04-15") ==
        "Acme Ltd USD 0 0 4000 2500 0 credit 0\n"
        "Beta GmbH EUR 0 0 0 0 0 credit 5000\n");
  // 2026-04-19, the day before the void: inv2 still owes 40.00, 47 days late.
  CHECK(aged(snap, "2026-04-19") ==
        "Acme Ltd USD 0 0 4000 2500 0 credit 0\n"
        "Beta GmbH EUR 0 0 0 0 0 credit 5000\n");
  // 2026-04-20: inv2 is gone and its credit note's 10.00 is Acme's unapplied credit again.
  CHECK(aged(snap, "2026-04-20") ==
        "Acme Ltd USD 0 0 0 2500 0 credit 1000\n"
        "Beta GmbH EUR 0 0 0 0 0 credit 5000\n");
  // inv1 is 90 days late on 2026-05-01 (01-31 + 90): still 61-90; 91 days on 05-02: 90+.
  CHECK(aged(snap, "2026-05-01") ==
        "Acme Ltd USD 0 0 0 2500 0 credit 1000\n"
        "Beta GmbH EUR 0 0 0 0 0 credit 5000\n");
  CHECK(aged(snap, "2026-05-02") ==
        "Acme Ltd USD 0 0 0 0 2500 credit 1000\n"
        "Beta GmbH EUR 0 0 0 0 0 credit 5000\n");
  // By invoice date: on 2026-02-10 inv1 is 40 days old (31-60), inv2 9 days (1-30).
  AgingOptions by_issue;
  by_issue.as_of = on("2026-02-10");
  by_issue.basis = AgingBasis::InvoiceDate;
  Result<AgingReport> r = compute_aging(snap.ledger, by_issue);
  REQUIRE(r.ok());
  const int32_t acme_usd = r->find_row(0, snap.currency_index("USD"));
  CHECK(r->amount(acme_usd, 1) == 5000);
  CHECK(r->amount(acme_usd, 2) == 4000);
}

TEST_CASE("ar snapshot: multi-currency JSON and one customer's snapshot") {
  Book b;
  const ArSnapshot snap = snapshot(*b.t.ledger);
  AgingOptions options;
  options.as_of = on("2026-03-31");
  Result<AgingReport> r = compute_aging(snap.ledger, options);
  REQUIRE(r.ok());
  // inv1 40.00 is 59 days late (31-60), inv2 40.00 is 28 days late (1-30); sections sorted by code.
  CHECK(
      aging_to_json(*r, snap.labels) ==
      R"({"as_of": "2026-03-31", "basis": "due_date", "buckets": ["current", "1-30", "31-60", "61-90", "90+"], )"
      R"("by_currency": [{"currency": "EUR", "customers": [{"name": "Beta GmbH", "buckets": ["0.00", "0.00", )"
      R"("0.00", "0.00", "0.00"], "total": "0.00", "unapplied_credit": "50.00"}], "totals": {"buckets": ["0.00", )"
      R"("0.00", "0.00", "0.00", "0.00"], "total": "0.00"}}, {"currency": "USD", "customers": [{"name": )"
      R"("Acme Ltd", "buckets": ["0.00", "40.00", "40.00", "0.00", "0.00"], "total": "80.00", )"
      R"("unapplied_credit": "0.00"}], "totals": {"buckets": ["0.00", "40.00", "40.00", "0.00", "0.00"], )"
      R"("total": "80.00"}}]})");
  // Acme alone: one customer, one currency, the same figures.
  const ArSnapshot acme = snapshot(*b.t.ledger, b.acme);
  CHECK(acme.ledger.customer_count == 1);
  CHECK(acme.ledger.invoices.size() == 2);
  CHECK(aged(acme, "2026-03-31") == "Acme Ltd USD 0 4000 4000 0 0 credit 0\n");
  CHECK(aged(acme, "2026-04-20") == "Acme Ltd USD 0 0 0 2500 0 credit 1000\n");
  ArSnapshotOptions unknown;
  unknown.customer_id = 99;
  Result<ArSnapshot> none = load_ar_snapshot(b.t->db(), unknown);
  REQUIRE_FALSE(none.ok());
  CHECK(none.problems()[0].where == "customer_id");
}

TEST_CASE("ar snapshot: bucket edges 0/1/30/31/60/61/90/91 days past due") {
  TestLedger t;
  const int64_t c = run(*t.ledger, AddCustomer{customer_fields("Edge Co", "USD")});
  // As of 2026-06-30, due dates that many days earlier; amounts 1, 2, 4, ... to tell them apart.
  const struct {
    const char* due;                 // 2026-06-30 − age
    int64_t amount;                  // minor units
  } rows[] = {{"2026-06-30", 1},     // 0 days: current
              {"2026-06-29", 2},     // 1: 1-30
              {"2026-05-31", 4},     // 30: 1-30
              {"2026-05-30", 8},     // 31: 31-60
              {"2026-05-01", 16},    // 60: 31-60
              {"2026-04-30", 32},    // 61: 61-90
              {"2026-04-01", 64},    // 90: 61-90
              {"2026-03-31", 128}};  // 91: 90+
  for (const auto& row : rows) invoice(*t.ledger, c, "2026-03-01", row.amount, row.due);
  const ArSnapshot snap = snapshot(*t.ledger);
  // current 1; 1-30 2 + 4 = 6; 31-60 8 + 16 = 24; 61-90 32 + 64 = 96; 90+ 128.
  CHECK(aged(snap, "2026-06-30") == "Edge Co USD 1 6 24 96 128 credit 0\n");
  // The layout --buckets 30,60 gives: current, 1-30, 31-60, 60+ (limits 0, 30, 60).
  Result<AgingBuckets> layout = aging_buckets_from_limits({0, 30, 60});
  REQUIRE(layout.ok());
  CHECK(aged(snap, "2026-06-30", layout.value()) == "Edge Co USD 1 6 24 224 credit 0\n");  // 32 + 64 + 128
  // A day earlier every age is one less: 0 → −1 stays current, 1 → 0 joins it (1 + 2 = 3), 30 → 29,
  // 31 → 30 (4 + 8 = 12 in 1-30), 60 → 59, 61 → 60 (16 + 32 = 48 in 31-60), 90 → 89, 91 → 90 (64 + 128).
  CHECK(aged(snap, "2026-06-29") == "Edge Co USD 3 12 48 192 0 credit 0\n");
}

TEST_CASE("ar snapshot: undone rows never happened, voided ones did until the void") {
  TestLedger t;
  Ledger& l = *t.ledger;
  const int64_t c = run(l, AddCustomer{customer_fields("Undo Co", "USD")});
  // A payment recorded before any invoice exists: 30.00 of unapplied credit from 2026-01-05.
  const int64_t payment = pay(l, c, "2026-01-05", 3000);
  const int64_t kept = invoice(l, c, "2026-01-01", 10000);    // due 01-31
  const int64_t undone = invoice(l, c, "2026-01-02", 20000);  // due 02-01
  // 20.00 of the payment to `kept` on 01-10, then 10.00 to `undone` on 01-10, which is undone again.
  AllocateCredit to_kept{{CreditKind::Payment, payment}, {{kept, int64_t{2000}}}, on("2026-01-10")};
  run(l, to_kept);
  AllocateCredit to_undone{{CreditKind::Payment, payment}, {{undone, int64_t{1000}}}, on("2026-01-10")};
  run(l, to_undone);
  REQUIRE(l.undo().ok());
  // Both invoices voided on 2026-02-15: `kept`'s allocation is handed back by the void, `undone` had none.
  run(l, VoidInvoice{kept, on("2026-02-15"), "wrong customer"});
  run(l, VoidInvoice{undone, on("2026-02-15"), "wrong customer"});
  // A second payment, recorded and undone: it never existed.
  pay(l, c, "2026-01-20", 99900);
  REQUIRE(l.undo().ok());
  // An invoice whose issue is undone is a void on its issue day: it never shows.
  invoice(l, c, "2026-01-03", 70000);
  REQUIRE(l.undo().ok());
  const ArSnapshot snap = snapshot(l);
  // 2026-01-06: both invoices current, the whole 30.00 unapplied.
  CHECK(aged(snap, "2026-01-06") == "Undo Co USD 30000 0 0 0 0 credit 3000\n");
  // 2026-01-10: `kept` 100 − 20 = 80.00; `undone` still 200.00 (its allocation was undone); credit
  // 30 − 20 = 10.00.
  CHECK(aged(snap, "2026-01-10") == "Undo Co USD 28000 0 0 0 0 credit 1000\n");
  // 2026-02-14: `kept` 14 days late (1-30) 80.00, `undone` 13 days late 200.00.
  CHECK(aged(snap, "2026-02-14") == "Undo Co USD 0 28000 0 0 0 credit 1000\n");
  // 2026-02-15: both void; the 20.00 is back: 30.00 of credit again.
  CHECK(aged(snap, "2026-02-15") == "Undo Co USD 0 0 0 0 0 credit 3000\n");
}

TEST_CASE("ar snapshot: a rebuilt ledger reads the same") {
  Book b;
  const std::string before =
      aged(snapshot(*b.t.ledger), "2026-04-19") + aged(snapshot(*b.t.ledger), "2026-04-20");
  REQUIRE(b.t->rebuild().ok());
  CHECK(aged(snapshot(*b.t.ledger), "2026-04-19") + aged(snapshot(*b.t.ledger), "2026-04-20") == before);
}

TEST_CASE("statement: opening balance, dated lines with a running balance, closing balance and aging") {
  Book b;
  Result<CustomerStatement> st =
      load_customer_statement(b.t->db(), b.acme, on("2026-02-01"), on("2026-04-30"));
  REQUIRE_MESSAGE(st.ok(), describe(st.problems()));
  REQUIRE(st->sections.size() == 1);
  const StatementSection& s = st->sections[0];
  CHECK(s.currency.code == "USD");
  CHECK(s.opening_balance == 10000);  // inv1, issued 2026-01-01
  struct Expected {
    const char* date;
    StatementLineKind kind;
    int64_t amount, balance;
  };
  const Expected expected[] = {
      {"2026-02-01", StatementLineKind::Invoice, 5000, 15000},     // 100 + 50
      {"2026-02-10", StatementLineKind::Payment, -6000, 9000},     // 150 − 60
      {"2026-03-05", StatementLineKind::CreditNote, -1000, 8000},  // 90 − 10
      {"2026-04-15", StatementLineKind::WriteOff, -1500, 6500},    // 80 − 15
      {"2026-04-20", StatementLineKind::Void, -5000, 1500},        // 65 − 50
  };
  REQUIRE(s.lines.size() == std::size(expected));
  for (std::size_t i = 0; i < s.lines.size(); ++i) {
    CAPTURE(i);
    CHECK(to_iso(s.lines[i].date) == expected[i].date);
    CHECK(s.lines[i].kind == expected[i].kind);
    CHECK(s.lines[i].amount == expected[i].amount);
    CHECK(s.lines[i].balance == expected[i].balance);
  }
  CHECK(s.lines[0].reference == "INV-2026-0002 due 2026-03-03");
  CHECK(s.lines[2].reference == "Credit note CN-2026-0001 on INV-2026-0002");
  CHECK(s.closing_balance == 1500);
  // Aging on 2026-04-30: inv1 25.00 is 89 days late (61-90); the void handed back 10.00 of credit.
  // Closing balance = open − unapplied credit = 25 − 10 = 15.00.
  CHECK(s.aging.buckets == std::vector<int64_t>{0, 0, 0, 2500, 0});
  CHECK(s.aging.unapplied_credit == 1000);
  CHECK(s.closing_balance == s.aging.total - s.aging.unapplied_credit);
  // The period before: only inv1, 100.00.
  Result<CustomerStatement> jan =
      load_customer_statement(b.t->db(), b.acme, on("2026-01-01"), on("2026-01-31"));
  REQUIRE(jan.ok());
  CHECK(jan->sections[0].opening_balance == 0);
  CHECK(jan->sections[0].lines.size() == 1);
  CHECK(jan->sections[0].closing_balance == 10000);
  CHECK(statement_to_csv(*jan) ==
        "currency,date,kind,reference,amount,balance\r\n"
        "USD,2026-01-01,opening,,,0.00\r\n"
        "USD,2026-01-01,invoice,INV-2026-0001 due 2026-01-31,100.00,100.00\r\n"
        "USD,2026-01-31,closing,,,100.00\r\n"
        "USD,2026-01-31,aging:current,,100.00,\r\n"  // due 01-31: 0 days late on the 31st
        "USD,2026-01-31,aging:1-30,,0.00,\r\n"
        "USD,2026-01-31,aging:31-60,,0.00,\r\n"
        "USD,2026-01-31,aging:61-90,,0.00,\r\n"
        "USD,2026-01-31,aging:90+,,0.00,\r\n"
        "USD,2026-01-31,aging:unapplied_credit,,0.00,\r\n");
  // Beta paid before its invoice: the payment line comes first and the balance goes negative.
  Result<CustomerStatement> beta =
      load_customer_statement(b.t->db(), b.beta, on("2026-01-01"), on("2026-01-31"));
  REQUIRE(beta.ok());
  REQUIRE(beta->sections[0].lines.size() == 2);
  CHECK(beta->sections[0].lines[0].balance == -25000);  // 0 − 250
  CHECK(beta->sections[0].lines[1].balance == -5000);   // −250 + 200
  CHECK(beta->sections[0].aging.unapplied_credit == 5000);
}

TEST_CASE("statement: a void ends the invoice's write-offs; assembly checks its input") {
  TestLedger t;
  Ledger& l = *t.ledger;
  const int64_t c = run(l, AddCustomer{customer_fields("Gone Ltd", "GBP")});
  const int64_t inv = invoice(l, c, "2026-01-01", 1000);
  run(l, WriteOffInvoice{inv, std::nullopt, on("2026-02-01"), "customer gone"});
  run(l, VoidInvoice{inv, on("2026-03-01"), "issued in error"});
  const ArSnapshot snap = snapshot(l);
  // Written off in full on 02-01: settled that day, then voided on 03-01.
  CHECK(snap.ledger.invoices[0].settled_day == day_number(on("2026-02-01")));
  CHECK(aged(snap, "2026-01-15") == "Gone Ltd GBP 1000 0 0 0 0 credit 0\n");
  CHECK(aged(snap, "2026-02-15") == "");
  Result<CustomerStatement> st = load_customer_statement(l.db(), c, on("2026-01-01"), on("2026-03-31"));
  REQUIRE(st.ok());
  const std::vector<StatementLine>& lines = st->sections[0].lines;
  REQUIRE(lines.size() == 4);
  CHECK(lines[0].balance == 1000);                              // invoice
  CHECK(lines[1].balance == 0);                                 // write-off 10.00
  CHECK(lines[2].kind == StatementLineKind::WriteOffReversed);  // on the void day, before the void
  CHECK(lines[2].balance == 1000);
  CHECK(lines[3].kind == StatementLineKind::Void);
  CHECK(lines[3].balance == 0);

  StatementInput bad;
  bad.from = on("2026-02-01");
  bad.to = on("2026-01-31");
  CHECK(assemble_statement(bad).problems()[0].where == "to");
  bad.to = on("2026-02-28");
  bad.entries.push_back({0, 3, StatementLineKind::Invoice, "X", 1});
  CHECK(assemble_statement(bad).problems()[0].where == "entries[0].currency");
}

TEST_CASE("ar measures: DSO and CEI from the book") {
  Book b;
  const ArSnapshot snap = snapshot(*b.t.ledger);
  // Q1 2026 (90 days). USD: sales inv1 100 + inv2 50 (voided only in April) = 150.00; open on 03-31
  // inv1 40 + inv2 40 = 80.00, none current. Simple DSO = 80 / 150 × 90 = 48. Countback from 03-31:
  // March (31 days) sold 0 → 31 days, left 80; February (28) sold 50 → 59 days, left 30; January (31)
  // sold 100 → 59 + 30/100 × 31 = 68.3.
  Result<std::vector<CurrencyDso>> dso = dso_by_currency(snap.ledger, on("2026-01-01"), on("2026-03-31"));
  REQUIRE(dso.ok());
  const int32_t usd = snap.currency_index("USD");
  const CurrencyDso* d = nullptr;
  for (const CurrencyDso& x : *dso)
    if (x.currency == usd) d = &x;
  REQUIRE(d);
  CHECK(d->credit_sales == 15000);
  CHECK(d->ending_receivables == 8000);
  CHECK(format_rational(d->simple.value, 2) == "48.00");
  CHECK(format_rational(d->countback.value, 2) == "68.30");
  CHECK(format_rational(d->best_possible.value, 2) == "0.00");
  // CEI, USD: beginning 0, sales 150, ending 80, current 0: (0 + 150 − 80) / (0 + 150 − 0) = 46.67 %.
  Result<std::vector<CurrencyCei>> cei = cei_by_currency(snap.ledger, on("2026-01-01"), on("2026-03-31"));
  REQUIRE(cei.ok());
  for (const CurrencyCei& x : *cei)
    if (x.currency == usd) CHECK(format_rational(x.cei.value, 2) == "46.67");
  // April: inv2 voided in it, so no USD sales: the DSO is undefined, and says why.
  Result<std::vector<CurrencyDso>> april = dso_by_currency(snap.ledger, on("2026-04-01"), on("2026-04-30"));
  REQUIRE(april.ok());
  for (const CurrencyDso& x : *april)
    if (x.currency == usd) CHECK_FALSE(x.simple.defined);
  CHECK(dso_by_currency(snap.ledger, on("2026-02-01"), on("2026-01-01")).problems()[0].where == "to");
  // Days late: Acme paid 60.00 on inv1 10 days after its due date 01-31.
  Result<std::vector<CurrencyDaysLate>> late =
      days_late_by_currency(snap.ledger, on("2026-01-01"), on("2026-03-31"));
  REQUIRE(late.ok());
  for (const CurrencyDaysLate& x : *late)
    if (x.currency == usd) CHECK(x.report.all.current.average == rational(10));
}

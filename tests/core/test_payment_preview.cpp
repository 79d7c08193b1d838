// The payment preview (invoicing/payment_preview.h): what a payment will settle, the early-payment discounts
// it earns and what stays unapplied — and that RecordPayment books exactly that.
#include <doctest/doctest.h>

#include "customers/customer_queries.h"
#include "invoicing/invoice_queries.h"
#include "invoicing/payment_preview.h"
#include "receivables_checks.h"
#include "test_support.h"

using namespace duebook;

namespace {

// "invoice:applied+discount" per line, in order.
std::string lines_text(const PaymentPreview& p) {
  std::string s;
  for (const PaymentPreviewLine& l : p.lines)
    s += l.number + ":" + std::to_string(l.applied) + "+" + std::to_string(l.discount) + " ";
  return s;
}

// The same shape, read back from what the ledger booked for payment `payment_id`: the payment's allocations
// and the credit notes allocated on the same invoices by that payment's action.
std::string booked_text(Db& db, const PaymentPreview& p, int64_t payment_id) {
  std::string s;
  for (const PaymentPreviewLine& l : p.lines) {
    int64_t applied = 0, discount = 0;
    const InvoiceDetail invoice = *find_invoice(db, l.invoice_id);
    for (const AppliedCredit& a : invoice.applied) {
      if (a.kind == "payment" && a.source_id == payment_id) applied += a.amount;
      if (a.kind == "credit_note" &&
          find_credit_note(db, a.source_id)->reason.find("payment #" + std::to_string(payment_id)) !=
              std::string::npos)
        discount += a.amount;
    }
    s += l.number + ":" + std::to_string(applied) + "+" + std::to_string(discount) + " ";
  }
  return s;
}

// Records `payment`, requiring that its preview and what was booked agree; returns the preview.
PaymentPreview record_as_previewed(Ledger& ledger, const RecordPayment& payment) {
  Result<PaymentPreview> preview = preview_payment(ledger.db(), payment);
  REQUIRE_MESSAGE(preview.ok(), describe(preview.problems()));
  int64_t id = must(ledger, payment);
  CHECK(booked_text(ledger.db(), *preview, id) == lines_text(*preview));
  for (const PaymentSummary& s : list_payments(ledger.db(), {}))
    if (s.id == id) CHECK(s.unallocated == preview->unapplied);
  CHECK(receivables_violations(ledger.db()) == "");
  return *preview;
}

}  // namespace

// "2/10 Net 30": 2 % off the invoice total when paid within 10 days of the invoice date, else the full amount
// within 30 days (the trade-credit term as defined in customers/terms.h, e.g. Investopedia "2/10 Net 30").
// An invoice of 100.00 dated 2026-03-01: deadline 2026-03-11, discount 2.00, discounted amount 98.00.
// book_early_payment takes the discount when the payment is in time and covers open − discount.
TEST_CASE("preview and booking of an early-payment discount: deadline, day after, short and over") {
  struct Case {
    const char* why;
    const char* paid_on;
    int64_t amount;
    const char* lines;   // number:applied+discount
    int64_t open_after;  // on the invoice
    int64_t unapplied;   // of the payment
  };
  const Case cases[] = {
      {"day 9, 98 %", "2026-03-10", 9800, "INV-2026-0001:9800+200 ", 0, 0},
      {"on the deadline day", "2026-03-11", 9800, "INV-2026-0001:9800+200 ", 0, 0},
      {"the day after the deadline: no discount", "2026-03-12", 9800, "INV-2026-0001:9800+0 ", 200, 0},
      {"short of the discounted amount: no discount", "2026-03-05", 9700, "INV-2026-0001:9700+0 ", 300, 0},
      {"overpayment in time: discount, the excess unapplied", "2026-03-05", 10000, "INV-2026-0001:9800+200 ",
       0, 200},
      {"full amount after the deadline", "2026-03-20", 10000, "INV-2026-0001:10000+0 ", 0, 0},
  };
  for (const Case& c : cases) {
    CAPTURE(c.why);
    TestLedger t;
    int64_t acme = must(*t.ledger, AddCustomer{customer_fields("Acme Ltd")});
    int64_t inv = must(*t.ledger, AddInvoice{invoice_for(acme, "2026-03-01", 10000, "2/10 Net 30"), true});
    PaymentPreview p =
        record_as_previewed(*t.ledger, RecordPayment{acme, day(c.paid_on), c.amount, "", "", ""});
    CHECK(lines_text(p) == c.lines);
    CHECK(p.unapplied == c.unapplied);
    CHECK(p.lines[0].discount_deadline == "2026-03-11");
    CHECK(p.lines[0].discount_offered == 200);
    InvoiceDetail d = *find_invoice(t->db(), inv);
    CHECK(d.summary.open == c.open_after);
    CHECK(d.discount == 200);  // what the invoice window shows: the offer and its deadline
    CHECK(d.discount_deadline == "2026-03-11");
    const bool labelled = d.applied.back().label.find("(early-payment discount)") != std::string::npos;
    CHECK(labelled == (p.discounts > 0));
    CHECK(customer_balance(t->db(), acme)->unapplied_credit == c.unapplied);
  }
}

TEST_CASE("discounts let a payment reach further invoices; undo takes the discounts back too") {
  TestLedger t;
  int64_t acme = must(*t.ledger, AddCustomer{customer_fields("Acme Ltd")});
  int64_t a = must(*t.ledger, AddInvoice{invoice_for(acme, "2026-03-01", 10000, "2/10 Net 30"), true});
  int64_t b = must(*t.ledger, AddInvoice{invoice_for(acme, "2026-03-02", 10000, "2/10 Net 30"), true});
  int64_t c = must(*t.ledger, AddInvoice{invoice_for(acme, "2026-03-03", 500), true});
  std::string before = dump_projections(t->db());
  // 20000 = 9800 + 9800 + 400: the two discounts (400) free money for the third invoice.
  PaymentPreview p =
      record_as_previewed(*t.ledger, RecordPayment{acme, day("2026-03-05"), 20000, "", "", ""});
  CHECK(lines_text(p) == "INV-2026-0001:9800+200 INV-2026-0002:9800+200 INV-2026-0003:400+0 ");
  CHECK(p.discounts == 400);
  CHECK(find_invoice(t->db(), a)->summary.status == InvoiceStatus::Paid);
  CHECK(find_invoice(t->db(), b)->summary.status == InvoiceStatus::Paid);
  CHECK(find_invoice(t->db(), c)->summary.open == 100);
  CHECK(find_credit_note(t->db(), 1)->number == "CN-2026-0001");
  CHECK(find_credit_note(t->db(), 2)->number == "CN-2026-0002");
  CHECK(find_credit_note(t->db(), 2)->reason.find("2/10 Net 30") != std::string::npos);
  std::string after = dump_projections(t->db());
  REQUIRE(t->undo().ok());
  CHECK(find_invoice(t->db(), a)->summary.open == 10000);
  CHECK(find_credit_note(t->db(), 1)->status == "void");
  CHECK(customer_balance(t->db(), acme)->ar_balance == 20500);
  CHECK(receivables_violations(t->db()) == "");
  REQUIRE(t->redo().ok());
  CHECK(find_invoice(t->db(), b)->summary.status == InvoiceStatus::Paid);
  REQUIRE(t->rebuild().ok());
  CHECK(receivables_violations(t->db()) == "");
  (void)before;
  (void)after;
}

TEST_CASE("manual allocations: booked as given, with the discount an amount earns; bad ones name the row") {
  TestLedger t;
  int64_t acme = must(*t.ledger, AddCustomer{customer_fields("Acme Ltd")});
  int64_t beta = must(*t.ledger, AddCustomer{customer_fields("Beta GmbH")});
  int64_t a = must(*t.ledger, AddInvoice{invoice_for(acme, "2026-03-01", 10000), true});
  int64_t b = must(*t.ledger, AddInvoice{invoice_for(acme, "2026-03-02", 5000, "2/10 Net 30"), true});
  int64_t other = must(*t.ledger, AddInvoice{invoice_for(beta, "2026-03-02", 5000), true});
  struct Case {
    const char* why;
    std::vector<AllocationShare> allocations;
    const char* where;
  };
  const Case cases[] = {
      {"another customer's invoice", {{other, 100}}, "allocations[0].invoice_id"},
      {"named twice", {{a, 100}, {a, 100}}, "allocations[1].invoice_id"},
      {"zero", {{a, 0}}, "allocations[0].amount"},
      {"more than open", {{a, 10001}}, "allocations[0].amount"},
      {"more than the payment", {{a, 10000}, {b, 4000}}, "allocations[1].amount"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.why);
    RecordPayment r{acme, day("2026-03-05"), 12000, "", "", "", c.allocations};
    Result<PaymentPreview> p = preview_payment(t->db(), r);
    REQUIRE_FALSE(p.ok());
    CHECK(p.problems()[0].where == c.where);
    Result<ActionOutcome> booked = t->execute(r);
    REQUIRE_FALSE(booked.ok());
    CHECK(booked.problems()[0].where == c.where);
  }
  // By hand: the newer invoice first (in time: 4900 + 100 discount), 3000 on the older, 100 left over.
  PaymentPreview p = record_as_previewed(
      *t.ledger, RecordPayment{acme, day("2026-03-05"), 8000, "", "", "", {{b, 5000}, {a, 3000}}});
  CHECK(p.manual);
  CHECK(lines_text(p) == "INV-2026-0002:4900+100 INV-2026-0001:3000+0 ");
  CHECK(p.unapplied == 100);
  CHECK(find_invoice(t->db(), a)->summary.open == 7000);
  CHECK(find_invoice(t->db(), b)->summary.status == InvoiceStatus::Paid);
  CHECK(customer_balance(t->db(), acme)->unapplied_credit == 100);
}

TEST_CASE("the preview follows the reference and refuses what RecordPayment refuses") {
  TestLedger t;
  int64_t acme = must(*t.ledger, AddCustomer{customer_fields("Acme Ltd", "EUR")});
  must(*t.ledger, AddInvoice{invoice_for(acme, "2026-03-01", 1000), true});
  must(*t.ledger, AddInvoice{invoice_for(acme, "2026-03-02", 1000), true});
  const size_t events = read_events(t->db()).size();
  Result<PaymentPreview> p =
      preview_payment(t->db(), RecordPayment{acme, day("2026-03-05"), 1500, "", "", "INV-2026-0002"});
  REQUIRE(p.ok());
  CHECK(lines_text(*p) == "INV-2026-0002:1000+0 INV-2026-0001:500+0 ");
  CHECK(p->lines[0].by_reference);
  CHECK_FALSE(p->lines[1].by_reference);
  CHECK(p->lines[1].open_after == 500);
  CHECK(p->currency == "EUR");
  Result<PaymentPreview> bad =
      preview_payment(t->db(), RecordPayment{acme, day("2026-03-05"), 100, "USD", "", ""});
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.problems()[0].where == "currency");
  CHECK_FALSE(preview_payment(t->db(), RecordPayment{99, day("2026-03-05"), 100, "", "", ""}).ok());
  CHECK(read_events(t->db()).size() == events);  // previews write nothing
}

// Properties of the receivables ledger read from the projections (core/ar_snapshot.h), over seeded random
// books: an aging as of a past day equals what it said that day, whatever is done later; an Undo takes every
// aging back to what it was before the undone action (and a Redo forward again); the aging of the far future
// adds up to the projections' own balances.
#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <random>
#include <string>
#include <variant>
#include <vector>

#include "reports/ar_snapshot.h"
#include "test_support.h"

using namespace duebook;

namespace {

// A random book, one dated command at a time, each day later than the one before.
struct RandomBook {
  TestLedger t;
  std::mt19937_64 rng{20260101};
  std::vector<int64_t> customers;
  Date today{2026, 1, 1};
  int64_t touched = 0;  // the invoice a write-off, credit note or allocation last aimed at: voided more
                        // often, so that voids meet rows an Undo removed before them

  RandomBook() {
    for (const char* currency : {"USD", "USD", "EUR"}) {
      Result<ActionOutcome> r =
          t->execute(AddCustomer{customer_fields("Customer " + std::to_string(customers.size()), currency)});
      REQUIRE(r.ok());
      customers.push_back(r->created_id);
    }
  }

  int64_t pick(int64_t n) { return static_cast<int64_t>(rng() % static_cast<uint64_t>(n)); }

  // Rows of `sql` as (id, amount, customer).
  std::vector<std::array<int64_t, 3>> rows(const char* sql) {
    std::vector<std::array<int64_t, 3>> out;
    Statement& st = t->db().prepare(sql);
    while (st.step()) out.push_back({st.int64(0), st.int64(1), st.int64(2)});
    st.reset();
    return out;
  }

  // Moves the day on and tries one random command; true when the ledger accepted it.
  bool step() {
    today = add_days(today, 1 + pick(3));
    const auto open = rows(
        "SELECT id, open_amount, customer_id FROM invoices WHERE issued = 1 AND voided = 0 AND open_amount > "
        "0");
    const auto issued =
        rows("SELECT id, open_amount, customer_id FROM invoices WHERE issued = 1 AND voided = 0");
    const auto credit = rows(
        "SELECT id, unallocated, customer_id FROM payments WHERE status = 'received' AND "
        "unallocated > 0");
    const int64_t customer = customers[static_cast<std::size_t>(pick(3))];
    Command command = AddCustomer{};
    switch (pick(9)) {
      case 0:
      case 1:
      case 2: {  // an invoice, due by Net 30 or on a day of its own (possibly its issue day)
        InvoiceFields f;
        f.customer_id = customer;
        f.issue_date = today;
        f.terms = "Net 30";
        if (pick(2)) f.due_date = add_days(today, pick(45));
        InvoiceLine line;
        line.description = "Work";
        line.unit_price = 100 + pick(100000);
        f.lines.push_back(line);
        command = AddInvoice{f, true};
        break;
      }
      case 3:
      case 4:  // a payment, allocated by the rule; sometimes more than is open
        command = RecordPayment{customer, today, 100 + pick(80000), "", "bank transfer", ""};
        break;
      case 5: {  // a credit note, against an open invoice or the customer
        AddCreditNote cn;
        cn.customer_id = customer;
        cn.date = today;
        cn.reason = "goodwill";
        cn.amount = 1 + pick(5000);
        if (!open.empty() && pick(2)) {
          const auto& inv = open[static_cast<std::size_t>(pick(static_cast<int64_t>(open.size())))];
          cn.customer_id = inv[2];
          cn.invoice_id = touched = inv[0];
          cn.amount = 1 + pick(inv[1]);
        }
        command = cn;
        break;
      }
      case 6: {  // part or all of an open invoice written off
        if (open.empty()) return false;
        const auto& inv = open[static_cast<std::size_t>(pick(static_cast<int64_t>(open.size())))];
        touched = inv[0];
        command = WriteOffInvoice{inv[0], pick(2) ? std::optional<int64_t>{1 + pick(inv[1])} : std::nullopt,
                                  today, "bad debt"};
        break;
      }
      case 7: {  // a void, handing back what was applied and ending the write-offs
        if (issued.empty()) return false;
        const int64_t any = issued[static_cast<std::size_t>(pick(static_cast<int64_t>(issued.size())))][0];
        command = VoidInvoice{touched && pick(2) ? touched : any, today, "error"};
        break;
      }
      default: {  // unapplied credit allocated to an open invoice of the same customer, or refunded
        if (credit.empty()) return false;
        const auto& pay = credit[static_cast<std::size_t>(pick(static_cast<int64_t>(credit.size())))];
        const int64_t amount = 1 + pick(pay[1]);
        for (const auto& inv : open)
          if (inv[2] == pay[2] && pick(2)) {
            AllocateCredit a;
            a.source = {CreditKind::Payment, pay[0]};
            a.targets.push_back({inv[0], std::min(amount, inv[1])});
            touched = inv[0];
            a.date = today;
            command = a;
            break;
          }
        if (std::holds_alternative<AddCustomer>(command))
          command = RefundCredit{pay[2], amount, today, "bank transfer", "", std::nullopt};
        break;
      }
    }
    return t->execute(command).ok();
  }

  ArSnapshot snapshot() {
    Result<ArSnapshot> s = load_ar_snapshot(t->db());
    REQUIRE_MESSAGE(s.ok(), describe(s.problems()));
    REQUIRE(check_ar_ledger(s->ledger).ok());
    return std::move(s).value();
  }
};

// Every cell and credit of the aging as of `day`, as text.
std::string aging_text(const ArSnapshot& snap, const Date& day) {
  AgingOptions options;
  options.as_of = day;
  options.collect_invoices = false;
  Result<AgingReport> r = compute_aging(snap.ledger, options);
  REQUIRE(r.ok());
  return aging_to_json(*r, snap.labels);
}

// The agings as of every tenth day from 2025-12-31 over the whole book's span, or up to the day before
// `until`.
std::string agings(const ArSnapshot& snap, const Date& until = Date{2028, 3, 1}) {
  std::string out;
  for (Date d{2025, 12, 31}; d < until; d = add_days(d, 10)) out += aging_text(snap, d) + "\n";
  return out;
}

}  // namespace

TEST_CASE("ar snapshot history: an aging as of a past day equals what it said that day") {
  RandomBook book;
  std::vector<std::pair<Date, std::string>> said;
  int accepted = 0;
  for (int i = 0; i < 200; ++i) {
    if (!book.step()) continue;
    ++accepted;
    said.push_back({book.today, aging_text(book.snapshot(), book.today)});
  }
  CHECK(accepted > 120);
  const ArSnapshot final_snapshot = book.snapshot();
  for (const auto& entry : said) {  // not a structured binding: CAPTURE's lambda cannot capture one in C++17
    const Date& day = entry.first;
    CAPTURE(to_iso(day));
    CHECK(aging_text(final_snapshot, day) == entry.second);
  }
  // And after rebuilding the projections from the log.
  REQUIRE(book.t->rebuild().ok());
  const ArSnapshot rebuilt = book.snapshot();
  for (const auto& [day, text] : said) CHECK(aging_text(rebuilt, day) == text);
}

TEST_CASE(
    "ar snapshot history: undo and redo move every aging back and forth; totals match the projections") {
  RandomBook book;
  std::vector<std::string> before;  // the agings before each action still undoable, oldest first
  std::string redo_target;          // the agings a redo must give back; empty when there is no redo
  int undos = 0, redos = 0;
  for (int i = 0; i < 400; ++i) {
    const std::string now = agings(book.snapshot());
    const uint64_t r = book.rng() % 10;
    if (r < 2 && !before.empty()) {
      REQUIRE(book.t->undo().ok());
      ++undos;
      CHECK(agings(book.snapshot()) == before.back());
      before.pop_back();
      redo_target = now;
    } else if (r < 3 && !redo_target.empty()) {
      REQUIRE(book.t->redo().ok());
      ++redos;
      CHECK(agings(book.snapshot()) == redo_target);
      before.push_back(now);
      redo_target.clear();
    } else {
      const ArSnapshot was = book.snapshot();
      if (book.step()) {
        before.push_back(now);
        redo_target.clear();  // a new action ends the chance to redo
        // Dated today: no aging of an earlier day moves (a void hands back only what it found applied).
        CHECK(agings(book.snapshot(), book.today) == agings(was, book.today));
      }
    }
    // The far future: the open total and the credit of each customer are the projections' balances.
    const ArSnapshot snap = book.snapshot();
    AgingOptions far;
    far.as_of = Date{9999, 12, 31};
    Result<AgingReport> report = compute_aging(snap.ledger, far);
    REQUIRE(report.ok());
    Statement& balances =
        book.t->db().prepare("SELECT customer_id, ar_balance, unapplied_credit FROM customer_balances");
    while (balances.step()) {
      const int32_t c = snap.customer_index_of(balances.int64(0));
      int64_t open = 0, credit = 0;
      for (const AgingRow& row : report->rows)
        if (row.customer == c) open += row.total, credit += row.unapplied_credit;
      CAPTURE(balances.int64(0));
      CHECK(open == balances.int64(1));
      CHECK(credit == balances.int64(2));
    }
    balances.reset();
  }
  CHECK(undos > 10);
  CHECK(redos > 3);
}

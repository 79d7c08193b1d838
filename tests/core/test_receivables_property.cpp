// A seeded property test: a long random walk of receivables operations (issue, pay, credit, void, allocate,
// refund, write off, undo, redo, ...) through the real ledger. After every step a rejected command must have
// written nothing; every kCheckEvery steps (and at the end) every receivables invariant must hold
// (receivables_checks.h); at step kRebuildAt and at the end, rebuilding from the log must reproduce every
// projection exactly.
#include <doctest/doctest.h>

#include <chrono>
#include <map>

#include "base/random.h"
#include "base/sha256.h"
#include "invoicing/invoice_queries.h"
#include "receivables_checks.h"
#include "test_support.h"

using namespace duebook;

namespace {

// The requirement is 100,000 operations. A slow platform (WebAssembly under Node in a debug build, say) may
// lower it here; the walk is the same prefix for any count.
constexpr int kOperations = 100000;
constexpr int kCheckEvery = 10000;
constexpr int kRebuildAt = 10000;  // and at the end
constexpr uint64_t kSeed = 0x6475656201;

// The first column of the first row of `sql`, with ?1 and ?2 bound when the SQL has them; 0 when none.
int64_t scalar(Db& db, const std::string& sql, int64_t a = 0, int64_t b = 0) {
  Statement& st = db.prepare(sql);
  st.bind_all(a, b);  // SQLite ignores (reports, unchecked) parameters the statement does not have
  int64_t v = st.step() && !st.is_null(0) ? st.int64(0) : 0;
  st.reset();
  return v;
}

std::string text(Db& db, const std::string& sql, int64_t a) {
  Statement& st = db.prepare(sql);
  st.bind_all(a);
  std::string v = st.step() ? st.text(0) : "";
  st.reset();
  return v;
}

// Highest ids of the tables the walk picks from: rows are never deleted, so these only grow. Refreshed every
// hundred steps (a pick from a slightly older window is just as good).
struct MaxIds {
  std::map<std::string, int64_t> by_table;  // table -> max(id)
  int64_t refreshed_at = -1000;             // step of the last refresh
};

// A row id of `table` matching `where` (with ?2 bound to `arg`), looked for in a window of a few hundred rows
// at a random place among the newest couple of thousand (where most of the action is), so a pick costs the
// same on a large ledger as on a small one. 0 when the window has none: the command is then rejected, which
// is tested too.
int64_t pick(Db& db, SplitMix64& rng, MaxIds& ids, const std::string& table, const std::string& where,
             int64_t arg = 0) {
  int64_t max_id = ids.by_table[table];
  if (max_id == 0) return 0;
  int64_t start = std::max<int64_t>(1, max_id - rng.below(2000));
  std::string sql =
      "SELECT id FROM " + table + " WHERE id BETWEEN ?1 AND ?1 + 300 AND " + where + " ORDER BY id LIMIT 1";
  int64_t id = scalar(db, sql, start, arg);
  return id ? id : scalar(db, sql, std::max<int64_t>(1, max_id - 300), arg);
}

struct Walk {
  TestLedger t;
  SplitMix64 rng{kSeed};
  Date today{2026, 1, 1};
  std::vector<int64_t> customers;
  MaxIds ids;
  int64_t last_seq = 0;  // the last event in the log, as the walk knows it
  int accepted = 0, rejected = 0, undos = 0, redos = 0;
  bool just_undone = false;  // the last step undid something, so redo is possible

  Db& db() { return t->db(); }

  InvoiceFields random_invoice(int64_t customer) {
    static const char* kRates[] = {"0", "7", "19", "20", "7.7"};
    static const char* kQuantities[] = {"1", "2", "3", "1.5", "0.25", "10"};
    InvoiceFields f;
    f.customer_id = customer;
    f.issue_date = add_days(today, -rng.below(20));
    f.terms = rng.chance(50) ? "" : rng.chance(50) ? "Net 15" : "2/10 Net 30";
    for (int64_t i = 0, n = rng.between(1, 3); i < n; ++i) {
      // One draw per statement: the order function arguments are evaluated in differs between compilers, and
      // the walk must be the same in the native and the WebAssembly build.
      const char* quantity = kQuantities[rng.below(6)];
      int64_t price = rng.between(1, 200000);
      const char* rate = kRates[rng.below(5)];
      f.lines.push_back(line("Item " + std::to_string(i), quantity, price, rate, 0));
    }
    if (rng.chance(10)) f.lines[0].discount = rng.between(0, f.lines[0].unit_price / 2);
    return f;
  }

  Command next_command() {
    int64_t customer = customers[size_t(rng.below(int64_t(customers.size())))];
    int64_t roll = rng.below(100);
    if (roll < 22) return AddInvoice{random_invoice(customer), true};
    if (roll < 26) return AddInvoice{random_invoice(customer), false};
    if (roll < 30)
      return IssueInvoice{pick(db(), rng, ids, "invoices", "issued = 0 AND discarded = 0"), std::nullopt};
    if (roll < 31) return DiscardInvoice{pick(db(), rng, ids, "invoices", "issued = 0")};
    if (roll < 32) {
      int64_t draft = pick(db(), rng, ids, "invoices", "issued = 0 AND discarded = 0");
      return EditInvoice{draft, random_invoice(customer)};
    }
    if (roll < 50) {
      RecordPayment p{customer, today, rng.between(1, 300000), "", rng.chance(50) ? "bank" : "card", ""};
      if (rng.chance(40)) {  // name an open invoice, sometimes paying it exactly
        int64_t inv = pick(db(), rng, ids, "invoices", "customer_id = ?2 AND open_amount > 0", customer);
        if (inv) {
          p.reference = text(db(), "SELECT number FROM invoices WHERE id = ?1", inv);
          if (rng.chance(50)) p.amount = scalar(db(), "SELECT open_amount FROM invoices WHERE id = ?1", inv);
        }
      }
      return p;
    }
    if (roll < 57) {
      AddCreditNote c{customer, 0, today, rng.between(1, 50000), "random", "CN"};
      if (rng.chance(60)) {
        c.invoice_id = pick(db(), rng, ids, "invoices", "customer_id = ?2 AND open_amount > 0", customer);
        int64_t open = scalar(db(), "SELECT open_amount FROM invoices WHERE id = ?1", c.invoice_id);
        if (open > 0) c.amount = rng.between(1, open + (rng.chance(5) ? 10 : 0));  // now and then too much
      }
      return c;
    }
    if (roll < 61)
      return VoidInvoice{pick(db(), rng, ids, "invoices", "issued = 1 AND voided = 0"), today, "random void"};
    if (roll < 66) {
      bool payment = rng.chance(70);
      int64_t source = payment
                           ? pick(db(), rng, ids, "payments", "status = 'received' AND unallocated > 0")
                           : pick(db(), rng, ids, "credit_notes", "status = 'issued' AND unallocated > 0");
      int64_t owner = scalar(db(),
                             std::string("SELECT customer_id FROM ") +
                                 (payment ? "payments" : "credit_notes") + " WHERE id = ?1",
                             source);
      int64_t inv = pick(db(), rng, ids, "invoices", "customer_id = ?2 AND open_amount > 0", owner);
      AllocateCredit a{{payment ? CreditKind::Payment : CreditKind::CreditNote, source},
                       {{inv, std::nullopt}},
                       std::nullopt};
      if (rng.chance(30)) a.targets[0].amount = rng.between(1, 20000);
      return a;
    }
    if (roll < 68) {
      int64_t unapplied =
          scalar(db(), "SELECT unapplied_credit FROM customer_balances WHERE customer_id = ?1", customer);
      return RefundCredit{customer,    rng.between(1, std::max<int64_t>(1, unapplied)), today, "bank", "",
                          std::nullopt};
    }
    if (roll < 71) {
      int64_t inv = pick(db(), rng, ids, "invoices", "open_amount > 0");
      int64_t open = scalar(db(), "SELECT open_amount FROM invoices WHERE id = ?1", inv);
      std::optional<int64_t> amount;
      if (rng.chance(60)) amount = rng.between(1, std::max<int64_t>(1, open));
      return WriteOffInvoice{inv, amount, today, "uncollectable"};
    }
    if (roll < 85) return AddInvoice{random_invoice(customer), true};
    RecordPayment p{customer, today, rng.between(1, 300000), "", "bank", ""};
    return p;
  }

  void step(int i) {
    if (rng.chance(30)) today = add_days(today, 1);
    if (i - ids.refreshed_at >= 100) {
      for (const char* table : {"invoices", "payments", "credit_notes"})
        ids.by_table[table] = scalar(db(), std::string("SELECT coalesce(max(id), 0) FROM ") + table);
      ids.refreshed_at = i;
    }
    int64_t roll = rng.below(100);
    Result<ActionOutcome> r = Problem{"", "not run"};
    if (roll < 14) {
      r = t->undo();
      undos += r.ok();
      just_undone = r.ok();
    } else if (roll < 18 || (just_undone && roll < 60)) {  // redo is only possible right after undos
      r = t->redo();
      redos += r.ok();
      just_undone = false;
    } else if (roll < 21 && i % 7 == 0) {
      ScheduleFields s;
      s.customer_id = customers[size_t(rng.below(int64_t(customers.size())))];
      s.frequency = rng.chance(50) ? Frequency::Monthly : Frequency::EveryNDays;
      s.every_days = s.frequency == Frequency::EveryNDays ? int(rng.between(7, 30)) : 0;
      s.start = today;
      s.end = add_days(today, 120);
      s.lines = {line("Subscription", "1", rng.between(1000, 9000))};
      r = t->execute(AddSchedule{s});
    } else if (roll < 23) {
      r = t->execute(RunSchedules{today});
    } else {
      r = t->execute(next_command());
    }
    if (r.ok() && roll >= 18) just_undone = false;
    if (r.ok()) {
      ++accepted;
      if (r->first_seq != last_seq + 1) FAIL("step " << i << ": the log has a gap or extra events");
      last_seq = r->last_seq;
    } else {
      ++rejected;
      // A rejected command writes nothing.
      if (scalar(db(), "SELECT coalesce(max(seq), 0) FROM events") != last_seq)
        FAIL("step " << i << ": rejected but wrote events: " << describe(r.problems()));
    }
  }
};

}  // namespace

TEST_CASE(
    "property: random receivables operations keep every invariant, and rebuild reproduces the projections") {
  auto start = std::chrono::steady_clock::now();
  Walk w;
  for (const char* currency : {"USD", "EUR", "JPY", "USD", "GBP", "BHD"}) {
    CustomerFields f = customer_fields("Customer " + std::to_string(w.customers.size() + 1), currency);
    f.terms = w.customers.size() % 2 ? "Net 30" : "Net 30 EOM";
    w.customers.push_back(must(*w.t.ledger, AddCustomer{f}));
  }
  w.last_seq = scalar(w.db(), "SELECT max(seq) FROM events");
  using Clock = std::chrono::steady_clock;
  double walk_s = 0, check_s = 0, rebuild_s = 0;
  std::string digest;  // of the final projections: the native and WebAssembly runs print the same
  auto since = [](Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); };
  for (int i = 1; i <= kOperations; ++i) {
    Clock::time_point t0 = Clock::now();
    w.step(i);
    walk_s += since(t0);
    if (i % kCheckEvery == 0 || i == kOperations) {
      t0 = Clock::now();
      std::string violations = receivables_violations(w.db());
      check_s += since(t0);
      if (!violations.empty()) FAIL("step " << i << ":\n" << violations);
    }
    if (i == kRebuildAt || i == kOperations) {
      t0 = Clock::now();
      std::string before = dump_projections(w.db());
      REQUIRE(w.t->rebuild().ok());
      bool same = dump_projections(w.db()) == before;
      if (i == kOperations) digest = sha256_hex(before);
      rebuild_s += since(t0);
      if (!same) FAIL("step " << i << ": rebuild changed the projections");
    }
  }
  double seconds = std::chrono::duration<double>(Clock::now() - start).count();
  MESSAGE("walk " << walk_s << " s, invariant checks " << check_s << " s, rebuild + compare " << rebuild_s
                  << " s");
  int64_t events = scalar(w.db(), "SELECT count(*) FROM events");
  int64_t invoices = scalar(w.db(), "SELECT count(*) FROM invoices WHERE issued = ?1 OR ?2 = 1", 1);
  MESSAGE(kOperations << " operations in " << seconds << " s: " << w.accepted << " accepted, " << w.rejected
                      << " rejected, " << w.undos << " undos, " << w.redos << " redos; " << events
                      << " events, " << invoices << " issued invoices; projections sha256 " << digest);
  // The walk must exercise every path, not just reject its way through.
  CHECK(w.accepted > kOperations / 2);
  CHECK(w.undos > kOperations / 20);
  CHECK(w.redos > kOperations / 50);
  CHECK(scalar(w.db(), "SELECT count(*) FROM invoices WHERE status = 'void'") > 0);
  CHECK(scalar(w.db(), "SELECT count(*) FROM allocations WHERE source_kind = 'credit_note'") > 0);
  CHECK(scalar(w.db(), "SELECT count(*) FROM refunds") > 0);
  CHECK(scalar(w.db(), "SELECT count(*) FROM write_offs") > 0);
  CHECK(scalar(w.db(), "SELECT count(*) FROM invoices WHERE schedule_id IS NOT NULL") > 0);
}

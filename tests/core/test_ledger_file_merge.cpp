// Merging a ledger file into a ledger that shares its history (issue 14): the union of events by id, real
// conflicts listed and decided, the ledger unchanged on any refusal.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "base/sha256.h"
#include "files/ledger_file.h"
#include "ledger/ledger_audit.h"
#include "ledger/ledger_file_export.h"
#include "ledger/ledger_file_open.h"
#include "receivables_checks.h"
#include "test_support.h"

using namespace duebook;

namespace {

std::unique_ptr<Ledger> open_seeded(const std::string& path, uint64_t seed) {
  LedgerEnv env = test_env();
  env.seed = seed;  // two copies of one ledger must not draw the same event ids
  Result<std::unique_ptr<Ledger>> r = Ledger::open(path, env);
  REQUIRE_MESSAGE(r.ok(), describe(r.problems()));
  return std::move(r.value());
}

std::string file_sha(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return sha256_hex(std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()));
}

LedgerFile exported(Ledger& ledger) {
  Result<LedgerFile> file = export_ledger_file(ledger, {}, "test");
  REQUIRE_MESSAGE(file.ok(), describe(file.problems()));
  LedgerFile f = std::move(file).value();
  Result<LedgerFile> back = read_ledger_file("test.duebook", write_ledger_file(f));
  REQUIRE_MESSAGE(back.ok(), describe(back.problems()));
  return std::move(back).value();
}

// What the books say, by names and numbers (row ids differ between two merged copies).
std::string books(Db& db) {
  std::string out;
  Statement& st = db.prepare(
      "SELECT c.name || ' ' || b.ar_balance || ' ' || b.unapplied_credit FROM customers c "
      "JOIN customer_balances b ON b.customer_id = c.id ORDER BY c.name");
  while (st.step()) out += st.text(0) + "\n";
  st.reset();
  Statement& inv = db.prepare(
      "SELECT coalesce(i.number, 'draft') || ' ' || c.name || ' ' || i.total || ' ' || i.open_amount || ' ' "
      "|| "
      "i.status FROM invoices i JOIN customers c ON c.id = i.customer_id ORDER BY i.number, c.name, i.total");
  while (inv.step()) out += inv.text(0) + "\n";
  inv.reset();
  return out;
}

// The id of Zed Co in `ledger`.
int64_t zed_there(Ledger& ledger) {
  Statement& st = ledger.db().prepare("SELECT id FROM customers WHERE name = 'Zed Co'");
  const int64_t id = st.step() ? st.int64(0) : 0;
  st.reset();
  return id;
}

// Two files holding one ledger: `mine` (seed 1) and a copy made by opening its ledger file (seed 2).
struct TwoCopies {
  TempFile mine_path{"merge-mine"}, theirs_path{"merge-theirs"};
  std::unique_ptr<Ledger> mine = open_seeded(mine_path.path, 1);
  std::unique_ptr<Ledger> theirs;
  int64_t acme = 0, first_invoice = 0;
  TwoCopies() {
    acme = must(*mine, AddCustomer{customer_fields("Acme Ltd")});
    first_invoice = must(*mine, AddInvoice{invoice_for(acme, "2026-01-10", 10000), true});
    theirs = open_seeded(theirs_path.path, 2);
    REQUIRE(open_ledger_file(*theirs, exported(*mine), ConflictChoice::Ask, false).ok());
  }
};

}  // namespace

TEST_CASE("two diverged copies merged both ways give the same books") {
  TwoCopies t;
  // Each side goes on alone: here a new customer and invoice; there a payment on the shared invoice and
  // another new customer with an invoice.
  const int64_t zed = must(*t.mine, AddCustomer{customer_fields("Zed Co")});
  must(*t.mine, AddInvoice{invoice_for(zed, "2026-01-20", 2500), false});
  must(*t.theirs, RecordPayment{t.acme, day("2026-02-01"), 4000, "", "bank transfer", ""});
  const int64_t yak = must(*t.theirs, AddCustomer{customer_fields("Yak Inc")});
  must(*t.theirs, AddInvoice{invoice_for(yak, "2026-01-21", 900), false});
  LedgerFile from_mine = exported(*t.mine), from_theirs = exported(*t.theirs);
  Result<LedgerFileOutcome> into_mine = open_ledger_file(*t.mine, from_theirs, ConflictChoice::Ask, false);
  REQUIRE_MESSAGE(into_mine.ok(), describe(into_mine.problems()));
  CHECK(into_mine->mode == "merge");
  CHECK(into_mine->conflicts.empty());
  Result<LedgerFileOutcome> into_theirs = open_ledger_file(*t.theirs, from_mine, ConflictChoice::Ask, false);
  REQUIRE_MESSAGE(into_theirs.ok(), describe(into_theirs.problems()));
  const std::string merged = books(t.mine->db());
  CHECK(merged == books(t.theirs->db()));
  CHECK(merged ==
        "Acme Ltd 6000 0\ndraft Yak Inc 900 0 draft\ndraft Zed Co 2500 0 draft\n"
        "INV-2026-0001 Acme Ltd 10000 6000 partial\n");
  for (Ledger* l : {t.mine.get(), t.theirs.get()}) {
    CHECK(l->verify().first_bad_seq == 0);
    Result<ProjectionCheck> tables = check_projections(*l);
    REQUIRE(tables.ok());
    CHECK(tables->first_bad.empty());
  }
  // They go on, and their next file merges again: each side's copy of the other's events was chained afresh
  // and its rows renumbered, and the merge follows that numbering (their invoice for Zed lands on Zed here).
  const int64_t quebec = must(*t.theirs, AddCustomer{customer_fields("Quebec SA")});
  must(*t.theirs, AddInvoice{invoice_for(quebec, "2026-02-01", 700), true});
  must(*t.theirs, AddInvoice{invoice_for(zed_there(*t.theirs), "2026-02-02", 300), true});
  Result<LedgerFileOutcome> next = open_ledger_file(*t.mine, exported(*t.theirs), ConflictChoice::Ask, false);
  REQUIRE_MESSAGE(next.ok(), describe(next.problems()));
  CHECK(next->mode == "merge");
  CHECK(books(t.mine->db()) == books(t.theirs->db()));
  CHECK(books(t.mine->db()).find("INV-2026-0003 Zed Co 300 300 open") != std::string::npos);
  // Each side now holds the union: the other's file is contained, and so is a second merge.
  Result<LedgerFileOutcome> again = open_ledger_file(*t.mine, from_theirs, ConflictChoice::Ask, false);
  REQUIRE_MESSAGE(again.ok(), describe(again.problems()));
  CHECK(again->mode == "contained");
}

TEST_CASE("a file that continues this ledger is appended as it is: the other copy's chain") {
  TwoCopies t;
  must(*t.theirs, RecordPayment{t.acme, day("2026-02-01"), 4000, "", "", ""});
  LedgerFile later = exported(*t.theirs);
  Result<LedgerFileOutcome> out = open_ledger_file(*t.mine, later, ConflictChoice::Ask, false);
  REQUIRE_MESSAGE(out.ok(), describe(out.problems()));
  CHECK(out->mode == "append");
  CHECK(chain_anchor(t.mine->db()) == chain_anchor(t.theirs->db()));
  CHECK(dump_projections(t.mine->db()) == dump_projections(t.theirs->db()));
}

TEST_CASE("the same invoice number issued on both sides is a conflict: listed, then decided") {
  TwoCopies t;
  must(*t.mine, AddInvoice{invoice_for(t.acme, "2026-01-20", 2500), true});   // INV-2026-0002 here
  must(*t.theirs, AddInvoice{invoice_for(t.acme, "2026-01-21", 900), true});  // INV-2026-0002 there
  LedgerFile file = exported(*t.theirs);
  const std::string before = books(t.mine->db());
  t.mine.reset();
  const std::string sha_before = file_sha(t.mine_path.path);
  t.mine = open_seeded(t.mine_path.path, 3);
  Result<LedgerFileOutcome> asked = open_ledger_file(*t.mine, file, ConflictChoice::Ask, false);
  REQUIRE(asked.ok());
  REQUIRE(asked->conflicts.size() == 1);
  CHECK(asked->conflicts[0].what ==
        "invoice number INV-2026-0002 issued on both sides with different content");
  CHECK_FALSE(asked->written);
  CHECK(asked->undecided);
  t.mine.reset();
  CHECK(file_sha(t.mine_path.path) == sha_before);  // nothing written, byte for byte
  t.mine = open_seeded(t.mine_path.path, 4);

  SUBCASE("keep both: theirs takes the next number") {
    Result<LedgerFileOutcome> both = open_ledger_file(*t.mine, file, ConflictChoice::Both, false);
    REQUIRE_MESSAGE(both.ok(), describe(both.problems()));
    CHECK(both->renumbered == std::vector<std::string>{"INV-2026-0002 -> INV-2026-0003"});
    CHECK(books(t.mine->db()) ==
          "Acme Ltd 13400 0\nINV-2026-0001 Acme Ltd 10000 10000 open\nINV-2026-0002 Acme Ltd 2500 2500 open\n"
          "INV-2026-0003 Acme Ltd 900 900 open\n");
  }
  SUBCASE("keep mine: their issue is left out") {
    Result<LedgerFileOutcome> mine = open_ledger_file(*t.mine, file, ConflictChoice::Mine, false);
    REQUIRE_MESSAGE(mine.ok(), describe(mine.problems()));
    CHECK(books(t.mine->db()) == before);
  }
  SUBCASE("keep theirs: mine is undone (voided, its number never reused), theirs renumbered") {
    Result<LedgerFileOutcome> theirs = open_ledger_file(*t.mine, file, ConflictChoice::Theirs, false);
    REQUIRE_MESSAGE(theirs.ok(), describe(theirs.problems()));
    CHECK(theirs->undone_actions == 1);
    CHECK(books(t.mine->db()) ==
          "Acme Ltd 10900 0\nINV-2026-0001 Acme Ltd 10000 10000 open\nINV-2026-0002 Acme Ltd 2500 0 void\n"
          "INV-2026-0003 Acme Ltd 900 900 open\n");
  }
  CHECK(t.mine->verify().first_bad_seq == 0);
}

TEST_CASE("a payment allocated differently, and an invoice voided on one side and paid on the other") {
  TwoCopies t;
  const int64_t second = must(*t.mine, AddInvoice{invoice_for(t.acme, "2026-01-05", 3000), true});
  // A payment of 1000 with 100 allocated by hand: 900 stays unapplied for either side to allocate.
  const int64_t pay =
      must(*t.mine,
           RecordPayment{
               t.acme, day("2026-02-01"), 1000, "", "", "advance", {AllocationShare{t.first_invoice, 100}}});
  REQUIRE(open_ledger_file(*t.theirs, exported(*t.mine), ConflictChoice::Ask, false).ok());
  const CreditRef credit{CreditKind::Payment, pay};
  SUBCASE("allocated differently") {
    must(*t.mine, AllocateCredit{credit, {{second, 500}}, std::nullopt});
    must(*t.theirs, AllocateCredit{credit, {{t.first_invoice, 500}}, std::nullopt});
    Result<LedgerFileOutcome> asked =
        open_ledger_file(*t.mine, exported(*t.theirs), ConflictChoice::Ask, false);
    REQUIRE_MESSAGE(asked.ok(), describe(asked.problems()));
    REQUIRE(asked->conflicts.size() == 1);
    CHECK(asked->conflicts[0].what == "payment #1 allocated differently on each side");
    Result<LedgerFileOutcome> mine =
        open_ledger_file(*t.mine, exported(*t.theirs), ConflictChoice::Mine, false);
    REQUIRE_MESSAGE(mine.ok(), describe(mine.problems()));
    // Mine: 500 of the payment's 900 to the second invoice; 400 stays unapplied.
    CHECK(books(t.mine->db()) ==
          "Acme Ltd 12400 400\nINV-2026-0001 Acme Ltd 10000 9900 partial\n"
          "INV-2026-0002 Acme Ltd 3000 2500 partial\n");
  }
  SUBCASE("voided here, paid there") {
    must(*t.mine, VoidInvoice{second, day("2026-02-02"), "sent twice"});
    must(*t.theirs, AllocateCredit{credit, {{second, 900}}, std::nullopt});
    Result<LedgerFileOutcome> asked =
        open_ledger_file(*t.mine, exported(*t.theirs), ConflictChoice::Ask, false);
    REQUIRE_MESSAGE(asked.ok(), describe(asked.problems()));
    REQUIRE(asked->conflicts.size() == 1);
    CHECK(asked->conflicts[0].what == "invoice #2 voided here and paid in the file");
    // Keeping theirs undoes the void and keeps the payment.
    Result<LedgerFileOutcome> theirs =
        open_ledger_file(*t.mine, exported(*t.theirs), ConflictChoice::Theirs, false);
    REQUIRE_MESSAGE(theirs.ok(), describe(theirs.problems()));
    CHECK(books(t.mine->db()) ==
          "Acme Ltd 12000 0\nINV-2026-0001 Acme Ltd 10000 9900 partial\n"
          "INV-2026-0002 Acme Ltd 3000 2100 partial\n");
  }
  CHECK(t.mine->verify().first_bad_seq == 0);
}

TEST_CASE(
    "rows made by a bulk import on one side are renumbered in the merge, and a customer's part carries it") {
  TwoCopies t;
  // Here a customer added by hand takes customer id 2; there an import makes customers 2 and 3 and their
  // invoices (the bulk event lists them in columns).
  must(*t.mine, AddCustomer{customer_fields("Zed Co")});
  const std::string csv =
      "InvoiceNo,Customer,InvoiceDate,ItemDescription,ItemAmount,Currency\n"
      "7001,Kilo Ltd,2026-01-15,Work,120.00,USD\n7002,Lima Ltd,2026-01-16,Work,80.00,USD\n";
  must(*t.theirs, ImportInvoices{"batch.csv", csv, "", "USD"});
  must(*t.theirs, RecordPayment{3, day("2026-02-01"), 8000, "", "", "7002"});  // Lima pays 7002 in full
  LedgerFile from_mine = exported(*t.mine), from_theirs = exported(*t.theirs);
  Result<LedgerFileOutcome> into_mine = open_ledger_file(*t.mine, from_theirs, ConflictChoice::Ask, false);
  REQUIRE_MESSAGE(into_mine.ok(), describe(into_mine.problems()));
  Result<LedgerFileOutcome> into_theirs = open_ledger_file(*t.theirs, from_mine, ConflictChoice::Ask, false);
  REQUIRE_MESSAGE(into_theirs.ok(), describe(into_theirs.problems()));
  const std::string merged = books(t.mine->db());
  CHECK(merged == books(t.theirs->db()));
  CHECK(merged ==
        "Acme Ltd 10000 0\nKilo Ltd 12000 0\nLima Ltd 0 0\n7001 Kilo Ltd 12000 12000 open\n"
        "7002 Lima Ltd 8000 0 paid\nINV-2026-0001 Acme Ltd 10000 10000 open\n");
  // Here Lima is customer 4 (Zed kept 2): the payment followed it.
  Statement& lima = t.mine->db().prepare("SELECT id FROM customers WHERE name = 'Lima Ltd'");
  REQUIRE(lima.step());
  CHECK(lima.int64(0) == 4);
  lima.reset();
  // A part for Lima: the import comes whole (it names Kilo too), Lima's payment comes, Acme's invoice does
  // not.
  LedgerSelection part;
  part.customer = 4;
  Result<LedgerFile> file = export_ledger_file(*t.mine, part, "test");
  REQUIRE_MESSAGE(file.ok(), describe(file.problems()));
  TestLedger copy;
  REQUIRE(open_ledger_file(*copy.ledger, file.value(), ConflictChoice::Ask, false).ok());
  const std::string lima_books = books(copy->db());
  CHECK(lima_books.find("7002 Lima Ltd 8000 0 paid") != std::string::npos);
  CHECK(lima_books.find("INV-2026-0001") == std::string::npos);
}

TEST_CASE("each conflict decided its own way") {
  TwoCopies t;
  // Both sides issue INV-2026-0002 and INV-2026-0003.
  must(*t.mine, AddInvoice{invoice_for(t.acme, "2026-01-20", 2500), true});
  must(*t.mine, AddInvoice{invoice_for(t.acme, "2026-01-22", 2600), true});
  must(*t.theirs, AddInvoice{invoice_for(t.acme, "2026-01-21", 900), true});
  must(*t.theirs, AddInvoice{invoice_for(t.acme, "2026-01-23", 800), true});
  LedgerFile file = exported(*t.theirs);
  Result<LedgerFileOutcome> asked = open_ledger_file(*t.mine, file, ConflictChoice::Ask, false);
  REQUIRE(asked.ok());
  REQUIRE(asked->conflicts.size() == 2);
  CHECK(asked->conflicts[0].what.find("INV-2026-0002") != std::string::npos);
  CHECK(asked->conflicts[1].what.find("INV-2026-0003") != std::string::npos);
  // One decision short is a problem, not a guess.
  ConflictDecisions short_one{ConflictChoice::Ask, {ConflictChoice::Mine}};
  CHECK(describe(open_ledger_file(*t.mine, file, short_one, false).problems()) ==
        "the file brings 2 conflict(s) but 1 decision(s) were given");
  // Keep mine for the first, both for the second: their 0002 stays out, their 0003 becomes 0004.
  ConflictDecisions decisions{ConflictChoice::Ask, {ConflictChoice::Mine, ConflictChoice::Both}};
  Result<LedgerFileOutcome> out = open_ledger_file(*t.mine, file, decisions, false);
  REQUIRE_MESSAGE(out.ok(), describe(out.problems()));
  CHECK(out->written);
  CHECK(out->renumbered == std::vector<std::string>{"INV-2026-0003 -> INV-2026-0004"});
  CHECK(books(t.mine->db()) ==
        "Acme Ltd 15900 0\nINV-2026-0001 Acme Ltd 10000 10000 open\nINV-2026-0002 Acme Ltd 2500 2500 open\n"
        "INV-2026-0003 Acme Ltd 2600 2600 open\nINV-2026-0004 Acme Ltd 800 800 open\n");
  CHECK(t.mine->verify().first_bad_seq == 0);
}

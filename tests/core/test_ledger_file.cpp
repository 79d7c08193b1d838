// The Duebook ledger file (issue 14): export, open into an empty ledger, merge, integrity.
#include <doctest/doctest.h>

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

std::string file_sha(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return sha256_hex(std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()));
}

// The ledger's file bytes as written and read back (every export goes through the format).
LedgerFile exported(Ledger& ledger, const LedgerSelection& selection = {}) {
  Result<LedgerFile> file = export_ledger_file(ledger, selection, "test");
  REQUIRE_MESSAGE(file.ok(), describe(file.problems()));
  LedgerFile f = std::move(file).value();
  Result<LedgerFile> back = read_ledger_file("test.duebook", write_ledger_file(f));
  REQUIRE_MESSAGE(back.ok(), describe(back.problems()));
  return std::move(back).value();
}

std::string exported_bytes(Ledger& ledger) {
  Result<LedgerFile> file = export_ledger_file(ledger, {}, "test");
  REQUIRE(file.ok());
  LedgerFile f = std::move(file).value();
  return write_ledger_file(f);
}

// Two customers, issued invoices, a payment by the rule, an undone and redone action.
void fill(Ledger& l) {
  const int64_t acme = must(l, AddCustomer{customer_fields("Acme Ltd")});
  const int64_t beta = must(l, AddCustomer{customer_fields("Beta GmbH", "EUR")});
  must(l, AddInvoice{invoice_for(acme, "2026-01-10", 10000), true});
  must(l, AddInvoice{invoice_for(acme, "2026-01-12", 5000), true});
  must(l, AddInvoice{invoice_for(beta, "2026-01-11", 700), true});
  must(l, RecordPayment{acme, day("2026-02-01"), 3000, "", "bank transfer", ""});
  REQUIRE(l.undo().ok());
  REQUIRE(l.redo().ok());
}

// What the books say, by names and numbers (row ids differ between two merged copies): customers and their
// balances, invoices and what is open on them.
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

// Replaces the first occurrence of `from` in `text` with `to`.
std::string replaced(std::string text, const std::string& from, const std::string& to) {
  const size_t at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

// `text` without its line `n` (1-based).
std::string without_line(const std::string& text, int n) {
  size_t start = 0;
  for (int i = 1; i < n; ++i) start = text.find('\n', start) + 1;
  return text.substr(0, start) + text.substr(text.find('\n', start) + 1);
}

// `bytes` with the first digit of the manifest's content hash changed.
std::string with_other_content_hash(std::string bytes) {
  const std::string key = "\"content_sha256\":\"";
  const size_t at = bytes.find(key) + key.size();
  bytes[at] = bytes[at] == '0' ? '1' : '0';
  return bytes;
}

}  // namespace

TEST_CASE("a whole ledger opened into an empty one has identical projections and verifies") {
  TestLedger source;
  fill(*source.ledger);
  LedgerFile file = exported(*source.ledger);
  CHECK(file.manifest.scope == "whole");
  CHECK(file.manifest.events == source->verify().events);
  CHECK(file.manifest.ledger_id == ledger_id(source->db()));
  CHECK(file.manifest.anchor == chain_anchor(source->db()));
  TempFile copy_file("ledger-file-copy");  // on disk: check_projections attaches the ledger's file
  std::unique_ptr<Ledger> copy = open_test_ledger(copy_file.path);
  Result<LedgerFileOutcome> out = open_ledger_file(*copy, file, ConflictChoice::Ask, false);
  REQUIRE_MESSAGE(out.ok(), describe(out.problems()));
  CHECK(out->mode == "open");
  CHECK(out->added_events == file.manifest.events);
  CHECK(dump_projections(copy->db()) == dump_projections(source->db()));
  CHECK(copy->verify().first_bad_seq == 0);
  CHECK(check_anchor(copy->db(), file.manifest.anchor).ok());  // the source's anchor holds in the copy
  Result<ProjectionCheck> tables = check_projections(*copy);
  REQUIRE(tables.ok());
  CHECK(tables->first_bad.empty());
  // The same file again, and a dry run, change nothing.
  Result<LedgerFileOutcome> again = open_ledger_file(*copy, file, ConflictChoice::Ask, false);
  REQUIRE(again.ok());
  CHECK(again->mode == "contained");
  CHECK_FALSE(again->written);
  CHECK(copy->verify().events == file.manifest.events);
}

TEST_CASE("a dry run reports what it would add and writes nothing") {
  TestLedger source;
  fill(*source.ledger);
  LedgerFile file = exported(*source.ledger);
  TestLedger copy;
  Result<LedgerFileOutcome> out = open_ledger_file(*copy.ledger, file, ConflictChoice::Ask, true);
  REQUIRE(out.ok());
  CHECK(out->added_events == file.manifest.events);
  CHECK_FALSE(out->written);
  CHECK(copy->verify().events == 0);
}

TEST_CASE("a damaged or tampered file is refused, saying what is wrong and where") {
  TestLedger source;
  fill(*source.ledger);
  const std::string good = exported_bytes(*source.ledger);
  REQUIRE(read_ledger_file("f.duebook", good).ok());
  struct Case {
    const char* why;
    std::string bytes;
    const char* expected;  // the problem, "where: message", contains this
  };
  const Case cases[] = {
      {"payload edited", replaced(good, "\"total\\\":10000", "\"total\\\":10001"),
       "event 3: its hash does not match its contents"},
      {"a line removed", without_line(good, 3), "f.duebook:3: event 3: event 2 is missing"},
      {"content hash changed", with_other_content_hash(good), "the content hash does not match the manifest"},
      {"newer major version", replaced(good, "\"version\":\"1.0\"", "\"version\":\"2.0\""),
       "written in ledger file format 2.0 by Duebook test; this Duebook reads format 1.x"},
      {"needs a newer reader", replaced(good, "\"min_reader\":\"1.0\"", "\"min_reader\":\"1.3\""),
       "needs a reader of format 1.3 or newer"},
      {"not a ledger file", "hello\n", "not a .duebook file"},
      {"another format", replaced(good, "duebook-ledger", "other-thing"), "not a Duebook ledger file"},
      {"cut short", good.substr(0, good.rfind('\n', good.size() - 2) + 1), "the file was cut short"},
      {"empty", "", "the file is empty"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.why);
    Result<LedgerFile> r = read_ledger_file("f.duebook", c.bytes);
    REQUIRE_FALSE(r.ok());
    CHECK_MESSAGE(describe(r.problems()).find(c.expected) != std::string::npos, describe(r.problems()));
  }
  // A whitespace change between events is caught by the content hash.
  std::string spaced = replaced(good, "\"seq\":2,", "\"seq\": 2,");
  Result<LedgerFile> r = read_ledger_file("f.duebook", spaced);
  REQUIRE_FALSE(r.ok());
  CHECK(describe(r.problems()) ==
        "f.duebook: the content hash does not match the manifest: the file was changed "
        "after it was written");
}

TEST_CASE("limits: size, event count and nesting are refused before anything is read into the ledger") {
  TestLedger source;
  fill(*source.ledger);
  const std::string good = exported_bytes(*source.ledger);
  LedgerFileLimits small;
  small.max_bytes = 100;
  CHECK(describe(read_ledger_file("f", good, small).problems()).find("over the limit of 100") !=
        std::string::npos);
  LedgerFileLimits few;
  few.max_events = 2;
  CHECK(describe(read_ledger_file("f", good, few).problems()).find("over the limit of 2") !=
        std::string::npos);
  LedgerFileLimits shallow;
  shallow.max_depth = 1;  // every payload nests at least one object
  CHECK(describe(read_ledger_file("f", good, shallow).problems()).find("nests deeper than 1") !=
        std::string::npos);
}

TEST_CASE("unknown optional fields of a newer minor version survive a round trip") {
  TestLedger source;
  fill(*source.ledger);
  std::string bytes = exported_bytes(*source.ledger);
  Result<LedgerFile> base = read_ledger_file("f", bytes);
  REQUIRE(base.ok());
  LedgerFile newer = base.value();
  newer.manifest.minor = 4;
  newer.manifest.extra["signature"] = {{"by", "Acme"}, {"value", "abc"}};
  newer.event_extras[1] = {{"device", "tablet-7"}};
  const std::string written = write_ledger_file(newer);
  Result<LedgerFile> read = read_ledger_file("f", written);
  REQUIRE_MESSAGE(read.ok(), describe(read.problems()));
  CHECK(read->manifest.minor == 4);
  CHECK(read->manifest.extra["signature"]["by"] == "Acme");
  CHECK(read->event_extras[1]["device"] == "tablet-7");
  LedgerFile again = read.value();
  CHECK(write_ledger_file(again) == written);
}

TEST_CASE("a customer's part of a ledger is a self-consistent history") {
  TestLedger source;
  fill(*source.ledger);
  LedgerSelection acme;
  acme.customer = 1;
  LedgerFile part = exported(*source.ledger, acme);
  CHECK(part.manifest.scope == "subset");
  CHECK(part.manifest.events < part.manifest.source_events);
  TestLedger copy;
  Result<LedgerFileOutcome> out = open_ledger_file(*copy.ledger, part, ConflictChoice::Ask, false);
  REQUIRE_MESSAGE(out.ok(), describe(out.problems()));
  CHECK(copy->verify().first_bad_seq == 0);
  const std::string acme_books = books(copy->db());
  CHECK(acme_books.find("Acme Ltd") != std::string::npos);
  CHECK(acme_books.find("Beta GmbH") == std::string::npos);
  // Acme's invoices are what they are in the source.
  Statement& st = copy->db().prepare("SELECT group_concat(number || ':' || open_amount) FROM invoices");
  REQUIRE(st.step());
  CHECK(st.text(0) == "INV-2026-0001:7000,INV-2026-0002:5000");
  st.reset();
  // Unknown customers and invoice numbers are refused.
  LedgerSelection nobody;
  nobody.customer = 99;
  CHECK(describe(export_ledger_file(*source.ledger, nobody, "t").problems()) ==
        "--customer: no customer with id 99");
  LedgerSelection invoice;
  invoice.invoices = {"INV-2026-0003"};
  LedgerFile beta = exported(*source.ledger, invoice);
  TestLedger beta_copy;
  REQUIRE(open_ledger_file(*beta_copy.ledger, beta, ConflictChoice::Ask, false).ok());
  CHECK(books(beta_copy->db()) == "Beta GmbH 700 0\nINV-2026-0003 Beta GmbH 700 700 open\n");
}

TEST_CASE("a file whose events do not apply here is refused, the ledger's file unchanged byte for byte") {
  TestLedger source;
  fill(*source.ledger);
  LedgerFile file = exported(*source.ledger);
  // A part without the first invoice's draft: its issue names an invoice this ledger does not have.
  file.manifest.scope = "subset";
  size_t draft = 0;
  while (file.events[draft].type != "invoice.drafted") ++draft;
  file.events.erase(file.events.begin() + int64_t(draft));
  file.event_extras.erase(file.event_extras.begin() + int64_t(draft));
  Result<LedgerFile> part = read_ledger_file("part.duebook", write_ledger_file(file));
  REQUIRE_MESSAGE(part.ok(), describe(part.problems()));
  TempFile db("ledger-file-refused");
  open_test_ledger(db.path).reset();  // an empty ledger file on disk
  const std::string before = file_sha(db.path);
  {
    std::unique_ptr<Ledger> ledger = open_test_ledger(db.path);
    Result<LedgerFileOutcome> out = open_ledger_file(*ledger, part.value(), ConflictChoice::Ask, false);
    REQUIRE_FALSE(out.ok());
    CHECK(describe(out.problems()).find("does not apply here") != std::string::npos);
    CHECK(ledger->verify().events == 0);
  }
  CHECK(file_sha(db.path) == before);
}

TEST_CASE("a date range takes the events recorded in it, with what they need from before") {
  TestLedger source;
  fill(*source.ledger);  // every event recorded on 2026-01-01 (the test clock)
  LedgerSelection before;
  before.to = day("2025-12-31");
  LedgerFile none = exported(*source.ledger, before);
  CHECK(none.manifest.scope == "subset");
  CHECK(none.manifest.events == 0);
  CHECK(none.manifest.selection == "to 2025-12-31");
  LedgerSelection from;
  from.from = day("2026-01-01");
  from.to = day("2026-01-01");
  LedgerFile all = exported(*source.ledger, from);
  CHECK(all.manifest.events == all.manifest.source_events);
  TestLedger copy;
  REQUIRE(open_ledger_file(*copy.ledger, all, ConflictChoice::Ask, false).ok());
  CHECK(books(copy->db()) == books(source->db()));
}

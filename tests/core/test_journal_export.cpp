// The journal writers (files/journal_export.h) on hand-made books: account names each tool accepts, exact
// amounts in the currency's decimals, text kept off each tool's syntax. The real tools read the exported
// files of a whole ledger in tests/cli/journals.sh.
#include <doctest/doctest.h>

#include <string>

#include "files/journal_export.h"

namespace duebook {
namespace {

JournalBook book_of(std::string customer, std::string currency, int digits, int64_t amount) {
  JournalBook book;
  book.customers.push_back({1, std::move(customer)});
  JournalTransaction t;
  t.date = "2026-03-01";
  t.code = "INV-1";
  t.description = "Invoice INV-1; \"rush\"";
  t.currency = std::move(currency);
  t.digits = digits;
  t.tags = {{"invoice", "INV-1", false}, {"due", "2026-03-31", true}};
  t.links = {"INV 1"};
  t.postings = {{JournalAccount::Receivable, amount}, {JournalAccount::Sales, -amount}};
  book.transactions.push_back(t);
  return book;
}

TEST_CASE("journal: customer account components each tool accepts, unique") {
  // hledger's and ledger's account separator is ':' (hledger.org/journal.html "Account names"); beancount's
  // components start with a capital or digit and hold letters, digits and '-' (beancount lexer ACCOUNTNAME).
  struct Case {
    const char* name;
    const char* plain;
    const char* bean;
  };
  const Case cases[] = {
      {"Acme Ltd", "Acme Ltd", "Acme-Ltd"},
      {"Beta: GmbH", "Beta- GmbH", "Beta-GmbH"},
      {"  (Paren)  two  spaces ", "Paren) two spaces", "Paren-two-spaces"},
      {"café müller", "café müller", "Café-müller"},
      {"::", "--", "Customer"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.name);
    JournalBook book = book_of(c.name, "EUR", 2, 100);
    CHECK(journal_customer_accounts(book, JournalDialect::Hledger)[0] == c.plain);
    CHECK(journal_customer_accounts(book, JournalDialect::Beancount)[0] == c.bean);
  }
  JournalBook two = book_of("A:B", "EUR", 2, 1);
  two.customers.push_back({7, "A-B"});
  const std::vector<std::string> names = journal_customer_accounts(two, JournalDialect::Ledger);
  CHECK(names == std::vector<std::string>{"A-B", "A-B-7"});
}

TEST_CASE("journal: amounts exact in the currency's decimals, the code as commodity") {
  // JPY has no minor unit, BHD three (ISO 4217).
  CHECK(write_journal(book_of("A", "JPY", 0, 99999), JournalDialect::Hledger)
            .find("    Assets:Receivable:A    99999 JPY\n") != std::string::npos);
  CHECK(write_journal(book_of("A", "BHD", 3, -1234), JournalDialect::Ledger)
            .find("    Assets:Receivable:A    -1.234 BHD\n") != std::string::npos);
  CHECK(write_journal(book_of("A", "EUR", 2, 5), JournalDialect::Beancount)
            .find("  Income:Sales  -0.05 EUR\n") != std::string::npos);
}

TEST_CASE("journal: text kept off the syntax; tags, metadata, links and declarations") {
  const std::string h = write_journal(book_of("Acme", "EUR", 2, 100), JournalDialect::Hledger);
  CHECK(h.find("2026-03-01 * (INV-1) Acme | Invoice INV-1- \"rush\"\n") !=
        std::string::npos);  // ';' comments
  CHECK(h.find("    ; due: 2026-03-31\n") != std::string::npos);
  CHECK(h.find("account Assets:Receivable:Acme\n") != std::string::npos);
  const std::string l = write_journal(book_of("Acme", "EUR", 2, 100), JournalDialect::Ledger);
  CHECK(l.find("commodity EUR\n") != std::string::npos);
  CHECK(l.find("tag invoice\n") != std::string::npos);
  const std::string b = write_journal(book_of("Acme", "EUR", 2, 100), JournalDialect::Beancount);
  CHECK(b.find("2026-03-01 open Assets:Receivable:Acme\n") != std::string::npos);
  CHECK(b.find("2026-03-01 * \"Acme\" \"Invoice INV-1; \\\"rush\\\"\" ^INV-1\n") != std::string::npos);
  CHECK(b.find("  due: 2026-03-31\n") != std::string::npos);  // a date, unquoted
  CHECK(b.find("  invoice: \"INV-1\"\n") != std::string::npos);
}

}  // namespace
}  // namespace duebook

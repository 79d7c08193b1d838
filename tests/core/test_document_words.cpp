// The printed documents' word tables (files/*_words.h, reports/statement_words.h): every language has every
// word, each pattern has the same placeholders as the English one (a translation that loses "%a" would print
// a sentence without its amount), and the translations are really translated. Then a statement's lines worded
// in German, and the kinds and field names the evidence pack translates.
#include <doctest/doctest.h>

#include <cctype>
#include <set>
#include <string>
#include <type_traits>

#include "customers/customer_queries.h"
#include "files/account_words.h"
#include "files/agreement_words.h"
#include "files/document_words.h"
#include "files/evidence_words.h"
#include "invoicing/invoice_queries.h"
#include "receivables_checks.h"
#include "reports/statement.h"
#include "reports/statement_words.h"
#include "test_support.h"

using namespace duebook;

namespace {

// A word table seen as its words: each table is a struct of `const char*` (and arrays of them) only, so its
// bytes are that many pointers in a row.
template <typename Table>
std::vector<const char*> words_of(const Table& table) {
  static_assert(std::is_standard_layout_v<Table> && sizeof(Table) % sizeof(const char*) == 0);
  const auto* first = reinterpret_cast<const char* const*>(&table);
  return {first, first + sizeof(Table) / sizeof(const char*)};
}

// The placeholders of a pattern: "%a" and the like (a '%' before a letter; "19 %" is no placeholder).
std::multiset<char> placeholders(const std::string& pattern) {
  std::multiset<char> out;
  for (size_t i = 0; i + 1 < pattern.size(); ++i)
    if (pattern[i] == '%' && std::isalpha(static_cast<unsigned char>(pattern[i + 1])))
      out.insert(pattern[i + 1]);
  return out;
}

// Checks one table in every language against the English one. At least `translated` of its words must differ
// from English in each other language (some words are the same in both: "Plan", "Import", "Total (%c)").
template <typename Table>
void check_table(const char* name, const Table& (*table)(Language), size_t translated) {
  CAPTURE(name);
  const std::vector<const char*> english = words_of(table(Language::English));
  for (Language language : known_languages()) {
    CAPTURE(language_code(language));
    const std::vector<const char*> words = words_of(table(language));
    REQUIRE(words.size() == english.size());
    size_t differ = 0;
    for (size_t i = 0; i < words.size(); ++i) {
      CAPTURE(i);
      REQUIRE(words[i] != nullptr);
      CHECK(std::string(words[i]) != "");
      CHECK(placeholders(words[i]) == placeholders(english[i]));
      differ += std::string(words[i]) != english[i];
    }
    if (language != Language::English) CHECK(differ >= translated);
  }
}

}  // namespace

TEST_CASE("every document word table has every word in every language, with the English placeholders") {
  check_table("document_words", &document_words, 40);
  check_table("account_words", &account_words, 35);
  check_table("evidence_words", &evidence_words, 50);
  check_table("agreement_words", &agreement_words, 15);
  check_table("statement_line_words", &statement_line_words, 12);
}

TEST_CASE("the documents' words are the ones a native accountant would use") {
  // The titles of the receipt and the statement, the balance brought forward (brief, issue 15).
  CHECK(std::string(account_words(Language::German).receipt) == "Zahlungsbestätigung");
  CHECK(std::string(account_words(Language::German).statement) == "Kontoauszug");
  CHECK(std::string(account_words(Language::German).brought_forward) == "Saldovortrag");
  CHECK(std::string(account_words(Language::French).statement) == "Relevé de compte");
  CHECK(std::string(account_words(Language::French).brought_forward) == "Solde reporté");
  CHECK(std::string(account_words(Language::Spanish).statement) == "Extracto de cuenta");
  CHECK(std::string(account_words(Language::Spanish).brought_forward) == "Saldo anterior");
  // A kind in StatementLineKind's order.
  CHECK(std::string(kind_word(account_words(Language::English), StatementLineKind::CreditNote)) ==
        "Credit note");
  CHECK(std::string(kind_word(account_words(Language::German), StatementLineKind::Payment)) == "Zahlung");
  CHECK(std::string(kind_word(account_words(Language::French), StatementLineKind::Void)) == "Annulation");
}

TEST_CASE("the evidence pack names the timeline's kinds and the payload's fields in the language") {
  const EvidenceWords& de = evidence_words(Language::German);
  CHECK(timeline_kind_word(de, "payment") == "Zahlung");
  CHECK(timeline_kind_word(de, "credit note") == "Gutschrift");
  CHECK(timeline_kind_word(evidence_words(Language::Spanish), "redo") == "rehacer");
  CHECK(timeline_kind_word(de, "something new") == "something new");  // kept as it is
  CHECK(detail_field_word(evidence_words(Language::French), "notes") == "notes");
  CHECK(detail_field_word(de, "outcome") == "Ergebnis");
  CHECK(detail_field_word(evidence_words(Language::English), "resolution") == "resolution");
}

TEST_CASE("a statement's lines are worded in the language asked for, English by default") {
  TestLedger t;
  const int64_t c = must(*t.ledger, AddCustomer{customer_fields("Müller Bau GmbH", "EUR")});
  InvoiceFields inv = invoice_for(c, "2026-12-01", 123456);
  inv.due_date = day("2026-12-31");
  must(*t.ledger, AddInvoice{inv, true});
  const std::string number = list_invoices(t->db(), {}).front().number;

  Result<CustomerStatement> en = load_customer_statement(t->db(), c, day("2026-12-01"), day("2027-01-31"));
  REQUIRE(en.ok());
  REQUIRE(en->sections.size() == 1);
  CHECK(en->sections[0].lines[0].reference == number + " due 2026-12-31");  // as statements always said

  Result<CustomerStatement> de = load_customer_statement(t->db(), c, day("2026-12-01"), day("2027-01-31"),
                                                         default_aging_buckets(), Language::German);
  REQUIRE(de.ok());
  CHECK(de->sections[0].lines[0].reference == number + ", fällig am 31.12.2026");
  // Only the words change: the figures are the same.
  CHECK(de->sections[0].closing_balance == en->sections[0].closing_balance);

  Result<CustomerStatement> fr = load_customer_statement(t->db(), c, day("2026-12-01"), day("2027-01-31"),
                                                         default_aging_buckets(), Language::French);
  REQUIRE(fr.ok());
  CHECK(fr->sections[0].lines[0].reference == number + ", échéance le 31/12/2026");
}

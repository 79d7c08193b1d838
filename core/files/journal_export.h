// The receivables written as a plain-text accounting journal for hledger, ledger or beancount (the
// transactions come from files/journal_entries.h). Amounts are exact: minor units written in the currency's
// decimals with the ISO code as the commodity ("1234.50 EUR", "1000 JPY"). The customer's accounts are
// Assets:Receivable:<name> and Liabilities:Customer credit:<name> (beancount: Liabilities:Customer-Credit),
// the name made valid for the tool and kept unique.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "files/journal_entries.h"
#include "store/db.h"

namespace duebook {

// The tool a journal is written for.
enum class JournalDialect {
  Hledger,    // hledger journal format (hledger.org/journal.html)
  Ledger,     // ledger 3 (ledger-cli.org/doc/ledger3.html, "Journal Format")
  Beancount,  // beancount 2 (beancount.github.io/docs/beancount_language_syntax.html)
};

// "hledger", "ledger" or "beancount"; nullopt for any other name.
std::optional<JournalDialect> journal_dialect(std::string_view name);

// Each customer's account component, by customer index, valid for the dialect and unique: hledger and ledger
// keep the name, with ':' (the account separator) made '-', blanks folded to one space and a leading '(' or
// '[' (virtual postings) dropped; beancount keeps ASCII letters, digits and UTF-8 letters, everything else
// made '-', the first letter upper-cased. A name that would clash with an earlier one gets "-<id>" added.
std::vector<std::string> journal_customer_accounts(const JournalBook& book, JournalDialect dialect);

// The full account name of `account` for the customer whose component is `customer` (ignored by the
// accounts that are not per customer), e.g. "Assets:Receivable:Acme Ltd".
std::string journal_account_name(JournalDialect dialect, JournalAccount account, const std::string& customer);

// The book as a journal the tool reads with no error: account declarations (beancount: open directives on the
// first transaction's day), then the transactions by date, each with its document number, tags or metadata
// (invoice, due date, payment, reference) and links. Text from the ledger is kept off the syntax (a ';'
// or newline in a description, a quote in a beancount string). Never fails.
std::string write_journal(const JournalBook& book, JournalDialect dialect);

// read_journal_book then write_journal. Fails as read_journal_book does; reads only.
Result<std::string> journal_text(Db& db, JournalDialect dialect);

}  // namespace duebook

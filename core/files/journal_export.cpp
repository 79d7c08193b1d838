#include "files/journal_export.h"

#include <set>

#include "base/money.h"

namespace duebook {
namespace {

bool ascii_alnum(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// `text` on one line with the characters `syntax` gives meaning made `with`, blanks folded to one space.
std::string one_line(std::string_view text, std::string_view syntax, char with) {
  std::string out;
  for (char c : text) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7f || c == ' ') {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else if (syntax.find(c) != std::string_view::npos) {
      out += with;
    } else {
      out += c;
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

// hledger / ledger: a name that stays one account component.
std::string plain_component(std::string_view name) {
  std::string out = one_line(name, ":;", '-');
  size_t start = 0;
  while (start < out.size() && (out[start] == '(' || out[start] == '[' || out[start] == ' ')) ++start;
  out.erase(0, start);
  return out.empty() ? "Customer" : out;
}

// beancount: [A-Z0-9 or UTF-8][A-Za-z0-9- or UTF-8]* (the lexer's ACCOUNTNAME component).
std::string beancount_component(std::string_view name) {
  std::string out;
  for (char c : name) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (ascii_alnum(u) || u >= 0x80)
      out += c;
    else if (!out.empty() && out.back() != '-')
      out += '-';
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  if (out.empty()) return "Customer";
  if (out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 'a' + 'A');
  return out;
}

// A beancount link or tag: [A-Za-z0-9-_/.]+.
std::string beancount_link(std::string_view text) {
  std::string out;
  for (char c : text) {
    const unsigned char u = static_cast<unsigned char>(c);
    out += ascii_alnum(u) || c == '-' || c == '_' || c == '/' || c == '.' ? c : '-';
  }
  return out.empty() ? "-" : out;
}

// A beancount string literal.
std::string beancount_string(std::string_view text) {
  std::string out = "\"";
  for (char c : one_line(text, "", ' ')) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

std::string amount_text(int64_t minor, int digits, const std::string& currency) {
  return format_amount(minor, digits) + " " + currency;
}

void write_plain(std::string& out, const JournalTransaction& t, const std::string& customer_name,
                 const std::string& component, JournalDialect dialect) {
  out += t.date + " *";
  const std::string code = one_line(t.code, "()", '-');
  if (!code.empty()) out += " (" + code + ")";
  out += " " + one_line(customer_name, ";|", '-') + " | " + one_line(t.description, ";", '-') + "\n";
  for (const JournalTag& tag : t.tags)  // one per line: a ledger metadata line, an hledger tag
    out += "    ; " + tag.key + ": " + one_line(tag.value, ",", ' ') + "\n";
  for (const JournalPosting& p : t.postings)
    out += "    " + journal_account_name(dialect, p.account, component) + "    " +
           amount_text(p.amount, t.digits, t.currency) + "\n";
  out += "\n";
}

void write_beancount(std::string& out, const JournalTransaction& t, const std::string& customer_name,
                     const std::string& component) {
  out += t.date + " * " + beancount_string(customer_name) + " " + beancount_string(t.description);
  std::set<std::string> seen;
  for (const std::string& link : t.links)
    if (seen.insert(beancount_link(link)).second) out += " ^" + beancount_link(link);
  out += "\n";
  for (const JournalTag& tag : t.tags)
    out += "  " + tag.key + ": " + (tag.is_date ? tag.value : beancount_string(tag.value)) + "\n";
  for (const JournalPosting& p : t.postings)
    out += "  " + journal_account_name(JournalDialect::Beancount, p.account, component) + "  " +
           amount_text(p.amount, t.digits, t.currency) + "\n";
  out += "\n";
}

}  // namespace

std::optional<JournalDialect> journal_dialect(std::string_view name) {
  if (name == "hledger") return JournalDialect::Hledger;
  if (name == "ledger") return JournalDialect::Ledger;
  if (name == "beancount") return JournalDialect::Beancount;
  return std::nullopt;
}

std::vector<std::string> journal_customer_accounts(const JournalBook& book, JournalDialect dialect) {
  std::vector<std::string> names;
  std::set<std::string> taken;
  for (const JournalCustomer& c : book.customers) {
    std::string name =
        dialect == JournalDialect::Beancount ? beancount_component(c.name) : plain_component(c.name);
    if (!taken.insert(name).second) {
      name += "-" + std::to_string(c.id);
      taken.insert(name);
    }
    names.push_back(std::move(name));
  }
  return names;
}

std::string journal_account_name(JournalDialect dialect, JournalAccount account,
                                 const std::string& customer) {
  const bool bean = dialect == JournalDialect::Beancount;
  switch (account) {
    case JournalAccount::Receivable:
      return "Assets:Receivable:" + customer;
    case JournalAccount::CustomerCredit:
      return (bean ? "Liabilities:Customer-Credit:" : "Liabilities:Customer credit:") + customer;
    case JournalAccount::Cash:
      return "Assets:Cash";
    case JournalAccount::Sales:
      return "Income:Sales";
    case JournalAccount::LateFees:
      return bean ? "Income:Late-Fees" : "Income:Late fees";
    case JournalAccount::Interest:
      return "Income:Interest";
    case JournalAccount::Compensation:
      return "Income:Compensation";
    case JournalAccount::CreditNotes:
      return bean ? "Income:Credit-Notes" : "Income:Credit notes";
    case JournalAccount::BadDebts:
      return bean ? "Expenses:Bad-Debts" : "Expenses:Bad debts";
  }
  return "Equity:Unknown";
}

std::string write_journal(const JournalBook& book, JournalDialect dialect) {
  const std::vector<std::string> components = journal_customer_accounts(book, dialect);
  const bool bean = dialect == JournalDialect::Beancount;
  std::set<std::string> accounts;
  for (const JournalTransaction& t : book.transactions)
    for (const JournalPosting& p : t.postings)
      accounts.insert(journal_account_name(dialect, p.account, components[static_cast<size_t>(t.customer)]));
  std::string out = "; ";
  out +=
      "Receivables exported by Duebook: invoices, credit notes, payments, allocations, write-offs, refunds "
      "and voids.\n";
  if (bean) out += "option \"title\" \"Receivables\"\n";
  out += "\n";
  const std::string opened = book.transactions.empty() ? "" : book.transactions.front().date;
  for (const std::string& a : accounts)
    out += (bean ? opened + " open " : std::string("account ")) + a + "\n";
  if (dialect ==
      JournalDialect::Ledger) {  // declared, so that ledger --strict reads the file without a warning
    std::set<std::string> commodities, tags;
    for (const JournalTransaction& t : book.transactions) {
      commodities.insert(t.currency);
      for (const JournalTag& tag : t.tags) tags.insert(tag.key);
    }
    for (const std::string& c : commodities) out += "commodity " + c + "\n";
    for (const std::string& t : tags) out += "tag " + t + "\n";
  }
  out += "\n";
  for (const JournalTransaction& t : book.transactions) {
    const size_t c = static_cast<size_t>(t.customer);
    if (bean)
      write_beancount(out, t, book.customers[c].name, components[c]);
    else
      write_plain(out, t, book.customers[c].name, components[c], dialect);
  }
  return out;
}

Result<std::string> journal_text(Db& db, JournalDialect dialect) {
  Result<JournalBook> book = read_journal_book(db);
  if (!book) return book.problems();
  return write_journal(book.value(), dialect);
}

}  // namespace duebook

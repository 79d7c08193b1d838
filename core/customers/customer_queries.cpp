#include "customers/customer_queries.h"

#include <algorithm>
#include <cctype>
#include <sstream>
#include <unordered_set>

#include "base/text.h"

namespace duebook {
namespace {

const char* kCustomerColumns =
    "SELECT id, name, currency, address, tax_id, terms, credit_limit, notes, status, language, country, "
    "endpoint FROM "
    "customers ";

Customer read_customer(Db& db, Statement& st) {
  Customer c;
  c.id = st.int64(0);
  c.fields.name = st.text(1);
  c.fields.currency = st.text(2);
  c.fields.address = st.text(3);
  c.fields.tax_id = st.text(4);
  c.fields.terms = st.text(5);
  c.fields.credit_limit = st.opt_int64(6);
  c.fields.notes = st.text(7);
  c.fields.status = customer_status_from(st.text_view(8)).value_or(CustomerStatus::Active);
  c.fields.language = st.text(9);
  c.fields.country = st.text(10);
  c.fields.endpoint = st.text(11);
  Statement& contacts =
      db.prepare("SELECT role, name, email, phone FROM contacts WHERE customer_id = ?1 ORDER BY position");
  contacts.bind_all(c.id);
  while (contacts.step())
    c.fields.contacts.push_back({contacts.text(0), contacts.text(1), contacts.text(2), contacts.text(3)});
  contacts.reset();
  return c;
}

// LIKE pattern matching `fragment` anywhere, with LIKE's wildcards escaped.
std::string like_pattern(std::string_view fragment) {
  std::string p = "%";
  for (char c : name_key(fragment)) {
    if (c == '%' || c == '_' || c == '\\') p += '\\';
    p += c;
  }
  return p + "%";
}

}  // namespace

std::optional<Customer> find_customer(Db& db, int64_t id) {
  Statement& st = db.prepare(std::string(kCustomerColumns) + "WHERE id = ?1 AND retracted = 0");
  st.bind_all(id);
  if (!st.step()) return std::nullopt;
  Customer c = read_customer(db, st);
  st.reset();
  return c;
}

std::optional<Customer> find_customer_by_name(Db& db, std::string_view name) {
  Statement& st = db.prepare(std::string(kCustomerColumns) + "WHERE retracted = 0 AND name_key = ?1");
  st.bind_all(name_key(name));
  if (!st.step()) return std::nullopt;
  Customer c = read_customer(db, st);
  st.reset();
  return c;
}

std::vector<Customer> list_customers(Db& db, const CustomerQuery& query) {
  Statement& st = db.prepare(std::string(kCustomerColumns) +
                             "WHERE retracted = 0 AND name_key LIKE ?1 ESCAPE '\\' ORDER BY name_key, id "
                             "LIMIT ?2 OFFSET ?3");
  st.bind_all(like_pattern(query.search), query.limit, query.offset);
  std::vector<Customer> out;
  // Collect ids first: read_customer prepares another statement on the same connection.
  std::vector<Customer> rows;
  while (st.step()) {
    Customer c;
    c.id = st.int64(0);
    rows.push_back(c);
  }
  st.reset();
  for (const Customer& r : rows)
    if (auto c = find_customer(db, r.id)) out.push_back(std::move(*c));
  return out;
}

int64_t count_customers(Db& db, std::string_view search) {
  Statement& st =
      db.prepare("SELECT count(*) FROM customers WHERE retracted = 0 AND name_key LIKE ?1 ESCAPE '\\'");
  st.bind_all(like_pattern(search));
  int64_t n = st.step() ? st.int64(0) : 0;
  st.reset();
  return n;
}

std::string name_key(std::string_view name) {
  return lower_ascii(normalize_blanks(name));
}

namespace {

// Legal forms a company name may end with, as similarity_key reads them (punctuation already blanks).
const std::unordered_set<std::string>& legal_forms() {
  static const std::unordered_set<std::string> forms = {
      "ltd",  "limited", "inc", "incorporated", "llc", "llp", "plc",  "corp", "corporation", "co", "company",
      "gmbh", "ag",      "kg",  "ug",           "sa",  "sas", "sarl", "srl",  "spa",         "bv", "nv",
      "ab",   "as",      "oy",  "aps",          "pty", "kk",  "sl",   "lp",   "ek"};
  return forms;
}

}  // namespace

std::string similarity_key(std::string_view name) {
  std::string key = name_key(name);
  for (char& ch : key)
    if (static_cast<unsigned char>(ch) < 0x80 && !std::isalnum(static_cast<unsigned char>(ch))) ch = ' ';
  std::vector<std::string> words;
  std::istringstream in(key);
  for (std::string w; in >> w;) words.push_back(w);
  // "S A" and "B V" (the dots read as blanks) are one form; a name that is only a form stays as it is.
  auto ends_in_form = [&]() -> size_t {
    if (words.size() >= 3 && legal_forms().count(words[words.size() - 2] + words.back())) return 2;
    if (words.size() >= 2 && legal_forms().count(words.back())) return 1;
    return 0;
  };
  for (size_t n = ends_in_form(); n > 0; n = ends_in_form()) words.resize(words.size() - n);
  std::string out;
  for (const std::string& w : words) out += (out.empty() ? "" : " ") + w;
  return out;
}

bool one_typo_apart(std::string_view a, std::string_view b) {
  if (a.size() < 6 || b.size() < 6 || a == b) return false;
  if (a.size() > b.size() + 1 || b.size() > a.size() + 1) return false;
  size_t i = 0;
  while (i < a.size() && i < b.size() && a[i] == b[i]) ++i;
  if (a.size() == b.size()) {
    if (a.substr(i + 1) == b.substr(i + 1)) return true;  // one changed
    return i + 1 < a.size() && a[i] == b[i + 1] && a[i + 1] == b[i] && a.substr(i + 2) == b.substr(i + 2);
  }
  const std::string_view& longer = a.size() > b.size() ? a : b;
  const std::string_view& shorter = a.size() > b.size() ? b : a;
  return longer.substr(i + 1) == shorter.substr(i);  // one added
}

std::vector<Customer> similar_customers(Db& db, std::string_view name, int64_t except_id, size_t limit) {
  const std::string key = similarity_key(name), exact = name_key(name);
  std::vector<std::pair<int, int64_t>> found;  // (0 same key, 1 one typo apart), id
  if (key.empty()) return {};
  Statement& st = db.prepare("SELECT id, name FROM customers WHERE id <> ?1 ORDER BY id");
  st.bind_all(except_id);
  while (st.step()) {
    std::string_view other = st.text_view(1);
    if (name_key(other) == exact) continue;
    std::string other_key = similarity_key(other);
    if (other_key == key)
      found.emplace_back(0, st.int64(0));
    else if (one_typo_apart(other_key, key))
      found.emplace_back(1, st.int64(0));
  }
  st.reset();
  std::stable_sort(found.begin(), found.end(),
                   [](const auto& x, const auto& y) { return x.first < y.first; });
  std::vector<Customer> out;
  for (const auto& [nearness, id] : found) {
    if (out.size() == limit) break;
    if (std::optional<Customer> c = find_customer(db, id)) out.push_back(std::move(*c));
  }
  return out;
}

}  // namespace duebook

#include "customers/customer_queries.h"

#include "base/text.h"

namespace duebook {
namespace {

const char* kCustomerColumns =
    "SELECT id, name, currency, address, tax_id, terms, credit_limit, notes, status FROM customers ";

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

}  // namespace duebook

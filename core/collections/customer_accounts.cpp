#include "collections/customer_accounts.h"

#include "customers/customer_queries.h"

namespace duebook {
namespace {

// Per customer, through the invoices_by_customer index (customer_id, settled_on, due_date): what is open on
// invoices due before ?1, and the oldest such due date. Drafts and void invoices have nothing open.
const char* kAccountsSql =
    "SELECT c.id, c.name, c.currency, "
    "CASE WHEN EXISTS(SELECT 1 FROM agency_placements a WHERE a.customer_id = c.id AND a.recalled = 0) THEN "
    "3 "
    "WHEN c.status = 'hold' THEN 2 WHEN c.status = 'cod' THEN 1 ELSE 0 END AS standing, "
    "coalesce(b.ar_balance, 0) - coalesce(b.unapplied_credit, 0) AS balance, "
    "coalesce((SELECT sum(i.open_amount) FROM invoices i WHERE i.customer_id = c.id AND i.settled_on IS NULL "
    "AND i.due_date < ?1 AND i.open_amount > 0), 0) AS overdue, "
    "(SELECT min(i.due_date) FROM invoices i WHERE i.customer_id = c.id AND i.settled_on IS NULL "
    "AND i.due_date < ?1 AND i.open_amount > 0) AS oldest, "
    "coalesce(b.unapplied_credit, 0), "
    "(SELECT count(*) FROM invoices i WHERE i.customer_id = c.id AND i.settled_on IS NULL "
    "AND i.open_amount > 0) "
    "FROM customers c LEFT JOIN customer_balances b ON b.customer_id = c.id "
    "WHERE c.retracted = 0 AND c.name_key LIKE ?2 ESCAPE '\\' ";

// The ORDER BY of a sort: a fixed text per column, never user input. An older due date is more days late.
std::string order_by(AccountSort sort, bool descending) {
  const char* dir = descending ? " DESC" : "";
  const char* reverse = descending ? "" : " DESC";
  switch (sort) {
    case AccountSort::Name:
      return std::string("ORDER BY c.name_key") + dir + ", c.id" + dir;
    case AccountSort::Balance:
      return std::string("ORDER BY balance") + dir + ", c.name_key, c.id";
    case AccountSort::Overdue:
      return std::string("ORDER BY overdue") + dir + ", c.name_key, c.id";
    case AccountSort::DaysLate:  // an older due date is more days late; none counts as 0 days
      return std::string("ORDER BY coalesce(oldest, '9999-12-31')") + reverse + ", c.name_key, c.id";
    case AccountSort::Standing:
      return std::string("ORDER BY standing") + dir + ", c.name_key, c.id";
  }
  return "ORDER BY c.name_key, c.id";
}

std::string accounts_sql(const CustomerAccountQuery& q) {
  return std::string(kAccountsSql) + order_by(q.sort, q.descending) + " LIMIT ?3 OFFSET ?4";
}

// LIKE pattern matching `fragment` anywhere in a name key, with LIKE's wildcards escaped.
std::string like_pattern(std::string_view fragment) {
  std::string p = "%";
  for (char c : name_key(fragment)) {
    if (c == '%' || c == '_' || c == '\\') p += '\\';
    p += c;
  }
  return p + "%";
}

}  // namespace

const char* to_string(AccountStanding standing) {
  switch (standing) {
    case AccountStanding::Active:
      return "active";
    case AccountStanding::CashOnDelivery:
      return "cash on delivery";
    case AccountStanding::OnHold:
      return "on hold";
    case AccountStanding::WithAgency:
      return "with agency";
  }
  return "active";
}

std::vector<CustomerAccount> list_customer_accounts(Db& db, const CustomerAccountQuery& q) {
  Statement& st = db.prepare(accounts_sql(q));
  const std::string as_of = to_iso(q.as_of);
  st.bind_all(as_of, like_pattern(q.search), q.limit, q.offset);
  std::vector<CustomerAccount> out;
  while (st.step()) {
    CustomerAccount a;
    a.id = st.int64(0);
    a.name = st.text(1);
    a.currency = st.text(2);
    a.standing = AccountStanding(st.int64(3));
    a.balance = st.int64(4);
    a.overdue = st.int64(5);
    if (!st.is_null(6)) {
      a.oldest_due = st.text(6);
      if (Result<Date> due = parse_date(a.oldest_due)) a.days_late = days_between(due.value(), q.as_of);
    }
    a.unapplied = st.int64(7);
    a.open_invoices = st.int64(8);
    out.push_back(std::move(a));
  }
  st.reset();
  return out;
}

std::vector<std::string> customer_accounts_plan(Db& db, const CustomerAccountQuery& q) {
  Statement& st = db.prepare("EXPLAIN QUERY PLAN " + accounts_sql(q));
  st.bind_all(to_iso(q.as_of), like_pattern(q.search), q.limit, q.offset);
  std::vector<std::string> out;
  while (st.step()) out.push_back(st.text(3));
  st.reset();
  return out;
}

}  // namespace duebook

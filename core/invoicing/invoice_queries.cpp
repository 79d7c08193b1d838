#include "invoicing/invoice_queries.h"

#include "base/money.h"
#include "customers/customer_queries.h"
#include "customers/terms.h"

namespace duebook {
namespace {

const char* kSummaryColumns =
    "SELECT i.id, coalesce(i.number, ''), i.status, i.customer_id, coalesce(c.name, ''), i.currency, "
    "i.issue_date, "
    "i.due_date, i.total, i.open_amount, coalesce(i.settled_on, '') FROM invoices i "
    "LEFT JOIN customers c ON c.id = i.customer_id ";

InvoiceSummary read_summary(Statement& st) {
  InvoiceSummary s;
  s.id = st.int64(0);
  s.number = st.text(1);
  s.status = invoice_status_from(st.text_view(2)).value_or(InvoiceStatus::Draft);
  s.customer_id = st.int64(3);
  s.customer_name = st.text(4);
  s.currency = st.text(5);
  s.issue_date = st.text(6);
  s.due_date = st.text(7);
  s.total = st.int64(8);
  s.open = st.int64(9);
  s.settled_on = st.text(10);
  return s;
}

std::string like_fragment(std::string_view fragment) {
  std::string p = "%";
  for (char c : name_key(fragment)) {
    if (c == '%' || c == '_' || c == '\\') p += '\\';
    p += c;
  }
  return p + "%";
}

// The WHERE clause for a query. Only fixed SQL text is chosen here; user text is always bound (?1 status,
// ?2 customer, ?3 search pattern, ?6 due from, ?7 due to, ?8 currency).
std::string where_clause(const InvoiceQuery& q) {
  std::string w = "WHERE 1 = 1";
  if (q.status.empty())
    w += " AND i.status <> 'discarded'";
  else if (q.status == "unpaid")
    w += " AND i.status IN ('open', 'partial')";
  else
    w += " AND i.status = ?1";
  if (q.customer_id) w += " AND i.customer_id = ?2";
  if (!q.search.empty())
    w += " AND (lower(coalesce(i.number, '')) LIKE ?3 ESCAPE '\\' OR c.name_key LIKE ?3 ESCAPE '\\')";
  if (!q.due_from.empty()) w += " AND i.due_date >= ?6";
  if (!q.due_to.empty()) w += " AND i.due_date <= ?7";
  if (!q.currency.empty()) w += " AND i.currency = ?8";
  return w;
}

void bind_query(Statement& st, const InvoiceQuery& q) {
  if (!q.status.empty() && q.status != "unpaid") st.bind(1, q.status);
  if (q.customer_id) st.bind(2, q.customer_id);
  if (!q.search.empty()) st.bind(3, like_fragment(q.search));
  if (!q.due_from.empty()) st.bind(6, q.due_from);
  if (!q.due_to.empty()) st.bind(7, q.due_to);
  if (!q.currency.empty()) st.bind(8, q.currency);
}

}  // namespace

namespace {

std::string page_sql(const InvoiceQuery& q) {
  const char* dir = q.descending ? " DESC" : "";
  std::string order;
  switch (q.sort) {
    case InvoiceSort::Number:
      order = std::string(" ORDER BY i.number IS NULL, i.number") + dir + ", i.id" + dir;
      break;
    case InvoiceSort::DueDate:
      order = std::string(" ORDER BY i.due_date") + dir + ", i.id" + dir;
      break;
    case InvoiceSort::IssueDate:
      order = std::string(" ORDER BY i.issue_date") + dir + ", i.id" + dir;
      break;
    case InvoiceSort::Amount:
      order = std::string(" ORDER BY i.total") + dir + ", i.id" + dir;
      break;
  }
  return std::string(kSummaryColumns) + where_clause(q) + order + " LIMIT ?4 OFFSET ?5";
}

}  // namespace

std::vector<InvoiceSummary> list_invoices(Db& db, const InvoiceQuery& q) {
  Statement& st = db.prepare(page_sql(q));
  bind_query(st, q);
  st.bind(4, q.limit).bind(5, q.offset);
  std::vector<InvoiceSummary> out;
  while (st.step()) out.push_back(read_summary(st));
  st.reset();
  return out;
}

std::vector<std::string> invoice_page_plan(Db& db, const InvoiceQuery& q) {
  Statement& st = db.prepare("EXPLAIN QUERY PLAN " + page_sql(q));
  std::vector<std::string> steps;
  while (st.step()) steps.push_back(st.text(3));
  st.reset();
  return steps;
}

int64_t count_invoices(Db& db, const InvoiceQuery& q) {
  Statement& st = db.prepare(
      "SELECT count(*) FROM invoices i LEFT JOIN customers c ON c.id = i.customer_id " + where_clause(q));
  bind_query(st, q);
  int64_t n = st.step() ? st.int64(0) : 0;
  st.reset();
  return n;
}

std::optional<int64_t> find_invoice_by_number(Db& db, std::string_view number) {
  Statement& st = db.prepare("SELECT id FROM invoices WHERE number = ?1 COLLATE NOCASE");
  st.bind_all(number);
  std::optional<int64_t> id = st.step() ? std::optional<int64_t>(st.int64(0)) : std::nullopt;
  st.reset();
  return id;
}

std::optional<InvoiceDetail> find_invoice(Db& db, int64_t id) {
  Statement& st = db.prepare(std::string(kSummaryColumns) + "WHERE i.id = ?1");
  st.bind_all(id);
  if (!st.step()) return std::nullopt;
  InvoiceDetail d;
  d.summary = read_summary(st);
  st.reset();
  Statement& more = db.prepare(
      "SELECT terms, memo, external, net, tax, total, allocated, credited, written_off, open_amount, "
      "coalesce(voided_on, ''), void_reason, deposit FROM invoices WHERE id = ?1");
  more.bind_all(id);
  if (more.step()) {
    d.deposit = more.int64(12);
    d.terms = more.text(0);
    d.memo = more.text(1);
    d.external_number = more.int64(2) != 0;
    d.amounts = {more.int64(3), more.int64(4), more.int64(5), more.int64(6),
                 more.int64(7), more.int64(8), more.int64(9)};
    d.voided_on = more.text(10);
    d.void_reason = more.text(11);
  }
  more.reset();
  if (Result<PaymentTerms> terms = parse_terms(d.terms)) {
    if (std::optional<Date> deadline = discount_deadline(*terms, iso_date(d.summary.issue_date))) {
      d.discount = discount_amount(*terms, d.amounts.total);
      d.discount_deadline = iso(*deadline);
    }
  }
  if (d.summary.status != InvoiceStatus::Draft && d.summary.status != InvoiceStatus::Discarded)
    d.parts = due_parts(d.amounts.total, d.deposit, d.amounts.open, iso_date(d.summary.issue_date),
                        iso_date(d.summary.due_date));
  Statement& lines = db.prepare(
      "SELECT description, quantity, unit_price, discount, tax_rate, net FROM invoice_lines WHERE invoice_id "
      "= ?1 "
      "ORDER BY position");
  lines.bind_all(id);
  while (lines.step()) {
    InvoiceLineView v;
    v.line.description = lines.text(0);
    if (Result<Decimal> q = parse_decimal(lines.text_view(1))) v.line.quantity = q.value();
    v.line.unit_price = lines.int64(2);
    v.line.discount = lines.int64(3);
    if (Result<Decimal> r = parse_decimal(lines.text_view(4))) v.line.tax_rate = r.value();
    v.net = lines.int64(5);
    d.lines.push_back(std::move(v));
  }
  lines.reset();
  Statement& applied = db.prepare(
      "SELECT a.source_kind, a.id, a.source_id, a.amount, a.date, "
      "CASE a.source_kind WHEN 'payment' THEN 'payment #' || p.id || CASE WHEN p.method <> '' THEN ' (' || "
      "p.method || ')' ELSE '' END || CASE WHEN p.reference <> '' THEN ' ref ' || p.reference ELSE '' END "
      "ELSE 'credit note ' || n.number || CASE WHEN substr(n.reason, 1, 22) = 'Early-payment discount' "
      "THEN ' (early-payment discount)' ELSE '' END END "
      "FROM allocations a LEFT JOIN payments p ON a.source_kind = 'payment' AND p.id = a.source_id "
      "LEFT JOIN credit_notes n ON a.source_kind = 'credit_note' AND n.id = a.source_id "
      "WHERE a.invoice_id = ?1 AND a.removed = 0 "
      "UNION ALL SELECT 'write_off', id, 0, amount, date, 'write-off: ' || reason FROM write_offs "
      "WHERE invoice_id = ?1 AND reversed = 0 ORDER BY 5, 2");
  applied.bind_all(id);
  while (applied.step())
    d.applied.push_back({applied.text(0), applied.int64(1), applied.int64(2), applied.text(5),
                         applied.int64(3), applied.text(4)});
  applied.reset();
  return d;
}

std::vector<PaymentSummary> list_payments(Db& db, const PaymentQuery& q) {
  Statement& st = db.prepare(
      "SELECT p.id, p.customer_id, coalesce(c.name, ''), p.date, p.amount, p.currency, p.method, "
      "p.reference, "
      "p.unallocated, p.status, coalesce((SELECT group_concat(i.number, ', ') FROM allocations a JOIN "
      "invoices i "
      "ON i.id = a.invoice_id WHERE a.source_kind = 'payment' AND a.source_id = p.id AND a.removed = 0), '') "
      "FROM payments p LEFT JOIN customers c ON c.id = p.customer_id "
      "WHERE (?1 = 0 OR p.customer_id = ?1) ORDER BY p.date DESC, p.id DESC LIMIT ?2 OFFSET ?3");
  st.bind_all(q.customer_id, q.limit, q.offset);
  std::vector<PaymentSummary> out;
  while (st.step())
    out.push_back({st.int64(0), st.int64(1), st.text(2), st.text(3), st.int64(4), st.text(5), st.text(6),
                   st.text(7), st.int64(8), st.text(9), st.text(10)});
  st.reset();
  return out;
}

std::optional<CreditNoteSummary> find_credit_note(Db& db, int64_t id) {
  Statement& st = db.prepare(
      "SELECT id, number, customer_id, coalesce(invoice_id, 0), date, amount, unallocated, status, reason "
      "FROM credit_notes WHERE id = ?1");
  st.bind_all(id);
  if (!st.step()) return std::nullopt;
  CreditNoteSummary n{st.int64(0), st.text(1),  st.int64(2), st.int64(3), st.text(4),
                      st.int64(5), st.int64(6), st.text(7),  st.text(8)};
  st.reset();
  return n;
}

std::optional<int64_t> find_credit_note_by_number(Db& db, std::string_view number) {
  Statement& st = db.prepare("SELECT id FROM credit_notes WHERE number = ?1 COLLATE NOCASE");
  st.bind_all(number);
  std::optional<int64_t> id = st.step() ? std::optional<int64_t>(st.int64(0)) : std::nullopt;
  st.reset();
  return id;
}

std::vector<UnappliedCredit> list_unapplied_credits(Db& db, int64_t customer_id, int64_t limit) {
  Statement& st = db.prepare(
      "SELECT x.k, x.id, x.customer_id, coalesce(c.name, ''), x.number, x.date, x.amount, x.unallocated, "
      "x.currency, x.detail FROM (SELECT 0 AS k, id, customer_id, '' AS number, date, amount, unallocated, "
      "currency, "
      "trim(method || ' ' || reference) AS detail FROM payments WHERE status = 'received' AND unallocated > "
      "0 "
      "AND (?1 = 0 OR customer_id = ?1) "
      "UNION ALL SELECT 1, id, customer_id, number, date, amount, unallocated, currency, reason "
      "FROM credit_notes WHERE status = 'issued' AND unallocated > 0 AND (?1 = 0 OR customer_id = ?1)) x "
      "LEFT JOIN customers c ON c.id = x.customer_id ORDER BY x.date, x.k, x.id LIMIT ?2");
  st.bind_all(customer_id, limit);
  std::vector<UnappliedCredit> out;
  while (st.step())
    out.push_back({{st.int64(0) == 0 ? CreditKind::Payment : CreditKind::CreditNote, st.int64(1)},
                   st.int64(2),
                   st.text(3),
                   st.text(4),
                   st.text(5),
                   st.int64(6),
                   st.int64(7),
                   st.text(8),
                   st.text(9)});
  st.reset();
  return out;
}

std::optional<CustomerBalance> customer_balance(Db& db, int64_t customer_id) {
  std::optional<Customer> c = find_customer(db, customer_id);
  if (!c) return std::nullopt;
  CustomerBalance b;
  b.customer_id = customer_id;
  b.currency = c->fields.currency;
  Statement& st =
      db.prepare("SELECT ar_balance, unapplied_credit FROM customer_balances WHERE customer_id = ?1");
  st.bind_all(customer_id);
  if (st.step()) b.ar_balance = st.int64(0), b.unapplied_credit = st.int64(1);
  st.reset();
  b.net_balance = b.ar_balance - b.unapplied_credit;
  Statement& open = db.prepare(
      "SELECT count(*) FROM invoices WHERE customer_id = ?1 AND settled_on IS NULL AND open_amount > 0");
  open.bind_all(customer_id);
  b.open_invoices = open.step() ? open.int64(0) : 0;
  open.reset();
  return b;
}

std::optional<ImportSummary> find_import(Db& db, int64_t id) {
  Statement& st = db.prepare(
      "SELECT id, kind, file, sha256, rows, invoices, payments, customers, retracted, unread_columns FROM "
      "imports WHERE id = ?1");
  st.bind_all(id);
  if (!st.step()) return std::nullopt;
  ImportSummary s{st.int64(0), st.text(1),  st.text(2),  st.text(3),       st.int64(4),
                  st.int64(5), st.int64(6), st.int64(7), st.int64(8) != 0, st.text(9)};
  st.reset();
  return s;
}

std::vector<ScheduleSummary> list_schedules(Db& db) {
  Statement& st = db.prepare(
      "SELECT id, customer_id, frequency, every_days, start_date, coalesce(end_date, ''), next_index, "
      "removed "
      "FROM schedules ORDER BY id");
  std::vector<ScheduleSummary> out;
  while (st.step())
    out.push_back({st.int64(0), st.int64(1), st.text(2), st.int64(3), st.text(4), st.text(5), st.int64(6),
                   st.int64(7) != 0});
  st.reset();
  return out;
}

}  // namespace duebook

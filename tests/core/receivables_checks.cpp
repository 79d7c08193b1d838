#include "receivables_checks.h"

#include <doctest/doctest.h>

#include <map>

#include "base/money.h"

namespace duebook {
namespace {

// Runs `sql` and returns its rows as text, columns separated by '|'.
std::map<std::string, std::string> keyed(Db& db, const std::string& sql) {
  std::map<std::string, std::string> out;
  Statement& st = db.prepare(sql);
  while (st.step()) out[st.text(0)] = st.text(1);
  st.reset();
  return out;
}

void compare(std::string& out, const char* what, const std::map<std::string, std::string>& stored,
             const std::map<std::string, std::string>& recomputed) {
  for (const auto& [key, value] : recomputed) {
    auto it = stored.find(key);
    std::string have = it == stored.end() ? "(none)" : it->second;
    if (have != value)
      out += std::string(what) + " " + key + ": stored " + have + ", recomputed " + value + "\n";
  }
  for (const auto& [key, value] : stored)
    if (!recomputed.count(key))
      out += std::string(what) + " " + key + ": stored " + value + ", recomputed none\n";
}

void expect_none(std::string& out, Db& db, const char* what, const std::string& sql) {
  Statement& st = db.prepare(sql);
  while (st.step()) out += std::string(what) + ": " + st.text(0) + "\n";
  st.reset();
}

}  // namespace

std::string receivables_violations(Db& db) {
  std::string out;
  // Customer balances: stored (non-zero rows) against recomputed from invoices, allocations, write-offs.
  compare(out, "AR balance",
          keyed(db, "SELECT customer_id, ar_balance FROM customer_balances WHERE ar_balance <> 0"),
          keyed(db,
                "SELECT c, sum(v) FROM ("
                " SELECT customer_id c, total v FROM invoices WHERE issued = 1 AND voided = 0"
                " UNION ALL SELECT a.customer_id, -a.amount FROM allocations a JOIN invoices i ON i.id = "
                "   a.invoice_id WHERE a.removed = 0 AND i.voided = 0"
                " UNION ALL SELECT w.customer_id, -w.amount FROM write_offs w JOIN invoices i ON i.id = "
                "   w.invoice_id WHERE w.reversed = 0 AND i.voided = 0)"
                " GROUP BY c HAVING sum(v) <> 0"));
  compare(out, "AR balance vs open amounts",
          keyed(db, "SELECT customer_id, ar_balance FROM customer_balances WHERE ar_balance <> 0"),
          keyed(db,
                "SELECT customer_id, sum(open_amount) FROM invoices GROUP BY customer_id "
                "HAVING sum(open_amount) <> 0"));
  compare(
      out, "unapplied credit",
      keyed(db, "SELECT customer_id, unapplied_credit FROM customer_balances WHERE unapplied_credit <> 0"),
      keyed(db,
            "SELECT c, sum(v) FROM ("
            " SELECT customer_id c, amount v FROM payments WHERE status = 'received'"
            " UNION ALL SELECT customer_id, amount FROM credit_notes WHERE status = 'issued'"
            " UNION ALL SELECT a.customer_id, -a.amount FROM allocations a LEFT JOIN payments p ON "
            "   a.source_kind = 'payment' AND p.id = a.source_id LEFT JOIN credit_notes n ON "
            "   a.source_kind = 'credit_note' AND n.id = a.source_id WHERE a.removed = 0 AND "
            "   coalesce(p.status, n.status) IN ('received', 'issued')"
            " UNION ALL SELECT r.customer_id, -r.amount FROM refunds r LEFT JOIN payments p ON "
            "   r.source_kind = 'payment' AND p.id = r.source_id LEFT JOIN credit_notes n ON "
            "   r.source_kind = 'credit_note' AND n.id = r.source_id WHERE r.reversed = 0 AND "
            "   coalesce(p.status, n.status) IN ('received', 'issued'))"
            " GROUP BY c HAVING sum(v) <> 0"));
  // Credit sources: unallocated = amount − allocations − refunds, within 0..amount.
  for (const char* table : {"payments", "credit_notes"}) {
    std::string kind = std::string(table) == "payments" ? "payment" : "credit_note";
    expect_none(
        out, db, "credit source over-used",
        "SELECT '" + kind +
            " ' || s.id || ' amount ' || s.amount || ' unallocated ' || s.unallocated || "
            "' used ' || (coalesce((SELECT sum(amount) FROM allocations WHERE source_kind = '" +
            kind +
            "' AND source_id = s.id AND removed = 0), 0) + coalesce((SELECT sum(amount) FROM refunds WHERE "
            "source_kind = '" +
            kind + "' AND source_id = s.id AND reversed = 0), 0)) FROM " + table +
            " s WHERE s.unallocated < 0 OR s.unallocated > s.amount OR s.unallocated <> s.amount - "
            "coalesce((SELECT sum(amount) FROM allocations WHERE source_kind = '" +
            kind +
            "' AND source_id = s.id AND removed = 0), 0) - coalesce((SELECT sum(amount) FROM refunds WHERE "
            "source_kind = '" +
            kind + "' AND source_id = s.id AND reversed = 0), 0)");
  }
  // Invoices.
  expect_none(out, db, "negative open amount", "SELECT id FROM invoices WHERE open_amount < 0");
  expect_none(out, db, "open amount",
              "SELECT id || ' open ' || open_amount FROM invoices WHERE issued = 1 AND voided = 0 AND "
              "open_amount <> total - allocated - credited - written_off");
  expect_none(out, db, "not open but has an open amount",
              "SELECT id FROM invoices WHERE (issued = 0 OR voided = 1) AND open_amount <> 0");
  expect_none(
      out, db, "applied sums",
      "SELECT i.id FROM invoices i WHERE i.allocated <> coalesce((SELECT sum(amount) FROM allocations a "
      "WHERE a.invoice_id = i.id AND a.removed = 0 AND a.source_kind = 'payment'), 0) OR i.credited <> "
      "coalesce((SELECT sum(amount) FROM allocations a WHERE a.invoice_id = i.id AND a.removed = 0 AND "
      "a.source_kind = 'credit_note'), 0) OR i.written_off <> coalesce((SELECT sum(amount) FROM "
      "write_offs w WHERE w.invoice_id = i.id AND w.reversed = 0), 0)");
  expect_none(
      out, db, "void invoice with something applied",
      "SELECT id FROM invoices WHERE voided = 1 AND (allocated <> 0 OR credited <> 0 OR written_off <> 0)");
  expect_none(out, db, "settled_on",
              "SELECT id || ' ' || status || ' ' || coalesce(settled_on, 'NULL') FROM invoices WHERE "
              "(settled_on IS NULL) <> (status NOT IN ('paid', 'void'))");
  expect_none(
      out, db, "status",
      "SELECT id || ' ' || status FROM invoices WHERE status <> CASE WHEN issued = 0 AND discarded = 1 THEN "
      "'discarded' WHEN issued = 0 THEN 'draft' WHEN voided = 1 THEN 'void' WHEN open_amount = 0 THEN 'paid' "
      "WHEN "
      "allocated + credited + written_off > 0 THEN 'partial' ELSE 'open' END");
  expect_none(out, db, "allocation to an invoice of another customer",
              "SELECT a.id FROM allocations a JOIN invoices i ON i.id = a.invoice_id WHERE a.customer_id <> "
              "i.customer_id");
  // Gapless series: counters 1..max with no hole, per series and year.
  expect_none(out, db, "gap in invoice numbers",
              "SELECT series || '-' || number_year FROM invoices WHERE counter IS NOT NULL GROUP BY series, "
              "number_year HAVING count(*) <> max(counter) OR count(DISTINCT counter) <> count(*)");
  expect_none(out, db, "gap in credit note numbers",
              "SELECT series || '-' || number_year FROM credit_notes GROUP BY series, number_year "
              "HAVING count(*) <> max(counter)");
  return out;
}

InvoiceLine line(const std::string& description, const std::string& quantity, int64_t unit_price,
                 const std::string& rate, int64_t discount) {
  InvoiceLine l;
  l.description = description;
  l.quantity = parse_decimal(quantity).value();
  l.unit_price = unit_price;
  l.tax_rate = parse_decimal(rate).value();
  l.discount = discount;
  return l;
}

Date day(const std::string& iso_text) {
  Result<Date> d = parse_date(iso_text);
  REQUIRE_MESSAGE(d.ok(), iso_text);
  return d.value();
}

InvoiceFields invoice_for(int64_t customer, const std::string& date, int64_t amount,
                          const std::string& terms) {
  InvoiceFields f;
  f.customer_id = customer;
  f.issue_date = day(date);
  f.terms = terms;
  f.lines.push_back(line("Services", "1", amount));
  return f;
}

int64_t must(Ledger& ledger, const Command& command) {
  Result<ActionOutcome> r = ledger.execute(command);
  REQUIRE_MESSAGE(r.ok(), describe(r.problems()));
  return r->created_id;
}

}  // namespace duebook

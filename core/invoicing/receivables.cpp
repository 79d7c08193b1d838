#include "invoicing/receivables.h"

#include <algorithm>
#include <cassert>
#include <unordered_set>

namespace duebook {

// ---------------------------------------------------------------------------------------------
// Pure pieces of invoices.h

// ---------------------------------------------------------------------------------------------
// Small helpers

std::optional<CustomerBrief> find_customer_brief(Db& db, int64_t id) {
  Statement& st = db.prepare("SELECT name, currency, terms FROM customers WHERE id = ?1 AND retracted = 0");
  st.bind_all(id);
  std::optional<CustomerBrief> c;
  if (st.step()) c = CustomerBrief{id, st.text(0), st.text(1), st.text(2)};
  st.reset();
  return c;
}

// ---------------------------------------------------------------------------------------------
// Invoice state

std::optional<InvoiceRowState> load_invoice_state(Db& db, int64_t id) {
  Statement& st = db.prepare(
      "SELECT customer_id, issued, discarded, voided, net, tax, total, allocated, credited, written_off, "
      "open_amount, issue_date, coalesce(voided_on, ''), void_reason, settled_on FROM invoices WHERE id = "
      "?1");
  st.bind_all(id);
  if (!st.step()) return std::nullopt;
  InvoiceRowState s;
  s.id = id;
  s.customer_id = st.int64(0);
  s.issued = st.int64(1) != 0;
  s.discarded = st.int64(2) != 0;
  s.voided = st.int64(3) != 0;
  s.amounts = {st.int64(4), st.int64(5), st.int64(6), st.int64(7), st.int64(8), st.int64(9), st.int64(10)};
  s.issue_date = st.text(11);
  s.voided_on = st.text(12);
  s.void_reason = st.text(13);
  if (!st.is_null(14)) s.settled_on = st.text(14);
  st.reset();
  return s;
}

InvoiceStatus derive_status(const InvoiceRowState& s, int64_t open) {
  // An issued invoice is never "discarded": undoing "draft and issue" voids it and discards the draft, and
  // the number it took must stay visible as a void invoice.
  if (!s.issued) return s.discarded ? InvoiceStatus::Discarded : InvoiceStatus::Draft;
  if (s.voided) return InvoiceStatus::Void;
  if (open == 0) return InvoiceStatus::Paid;
  if (s.amounts.allocated + s.amounts.credited + s.amounts.written_off > 0) return InvoiceStatus::Partial;
  return InvoiceStatus::Open;
}

Status save_invoice_state(Db& db, const InvoiceRowState& before, InvoiceRowState after, int64_t* ar_delta,
                          std::string_view reduction_date) {
  InvoiceAmounts& a = after.amounts;
  bool counts = after.issued && !after.voided;
  a.open = counts ? a.total - a.allocated - a.credited - a.written_off : 0;
  InvoiceStatus status = derive_status(after, a.open);
  std::optional<std::string> settled_on;
  const InvoiceAmounts& b = before.amounts;
  if (status == InvoiceStatus::Void) {
    settled_on = after.voided_on;
  } else if (status == InvoiceStatus::Paid && !reduction_date.empty() &&
             b.allocated + b.credited + b.written_off == 0) {
    settled_on = std::max(std::string(reduction_date), after.issue_date);  // the one reduction there is
  } else if (status == InvoiceStatus::Paid) {
    Statement& latest = db.prepare(
        "SELECT max(d) FROM (SELECT max(date) AS d FROM allocations WHERE invoice_id = ?1 AND removed = 0 "
        "UNION ALL SELECT max(date) FROM write_offs WHERE invoice_id = ?1 AND reversed = 0)");
    latest.bind_all(after.id);
    std::string d = latest.step() && !latest.is_null(0) ? latest.text(0) : "";
    latest.reset();
    settled_on = std::max(d, after.issue_date);
  }
  // settled_on is indexed (invoices_by_customer): SET it only when it changes, or SQLite rewrites the index
  // entry.
  bool settled_changes = settled_on.value_or("") != before.settled_on;
  Statement& st = db.prepare(
      settled_changes
          ? "UPDATE invoices SET allocated = ?2, credited = ?3, written_off = ?4, open_amount = ?5, issued = "
            "?6, "
            "discarded = ?7, voided = ?8, voided_on = ?9, void_reason = ?10, status = ?11, settled_on = ?12 "
            "WHERE id = ?1"
          : "UPDATE invoices SET allocated = ?2, credited = ?3, written_off = ?4, open_amount = ?5, issued = "
            "?6, "
            "discarded = ?7, voided = ?8, voided_on = ?9, void_reason = ?10, status = ?11 WHERE id = ?1");
  st.bind_all(after.id, a.allocated, a.credited, a.written_off, a.open, int64_t(after.issued),
              int64_t(after.discarded), int64_t(after.voided));
  if (after.voided)
    st.bind(9, after.voided_on);
  else
    st.bind_null(9);
  st.bind(10, after.void_reason).bind(11, to_string(status));
  if (settled_changes) {
    if (settled_on)
      st.bind(12, *settled_on);
    else
      st.bind_null(12);
  }
  if (Status s = st.run(); !s) return s;
  if (ar_delta) {
    *ar_delta += a.open - before.amounts.open;
    return ok_status();
  }
  return move_balance(db, after.customer_id, a.open - before.amounts.open, 0);
}

Status move_balance(Db& db, int64_t customer_id, int64_t ar_delta, int64_t credit_delta) {
  if (ar_delta == 0 && credit_delta == 0) return ok_status();
  return db
      .prepare(
          "INSERT INTO customer_balances(customer_id, ar_balance, unapplied_credit) VALUES (?1, ?2, ?3) "
          "ON CONFLICT(customer_id) DO UPDATE SET ar_balance = ar_balance + excluded.ar_balance, "
          "unapplied_credit = unapplied_credit + excluded.unapplied_credit")
      .bind_all(customer_id, ar_delta, credit_delta)
      .run();
}

// ---------------------------------------------------------------------------------------------
// Credit sources

std::optional<CreditSourceState> load_credit(Db& db, const CreditRef& ref) {
  const char* sql = ref.kind == CreditKind::Payment
                        ? "SELECT customer_id, amount, unallocated, status = 'received', date, '#' || id "
                          "FROM payments WHERE id = ?1"
                        : "SELECT customer_id, amount, unallocated, status = 'issued', date, number "
                          "FROM credit_notes WHERE id = ?1";
  Statement& st = db.prepare(sql);
  st.bind_all(ref.id);
  if (!st.step()) return std::nullopt;
  CreditSourceState c;
  c.ref = ref;
  c.customer_id = st.int64(0);
  c.amount = st.int64(1);
  c.unallocated = st.int64(2);
  c.active = st.int64(3) != 0;
  c.date = st.text(4);
  c.label = std::string(ref.kind == CreditKind::Payment ? "payment " : "credit note ") + st.text(5);
  st.reset();
  return c;
}

Status move_credit(Db& db, const CreditRef& ref, int64_t delta) {
  std::optional<CreditSourceState> c = load_credit(db, ref);
  if (!c) return Problem{"", std::string("no ") + to_string(ref.kind) + " " + std::to_string(ref.id)};
  const char* sql = ref.kind == CreditKind::Payment
                        ? "UPDATE payments SET unallocated = ?2 WHERE id = ?1"
                        : "UPDATE credit_notes SET unallocated = ?2 WHERE id = ?1";
  if (Status s = db.prepare(sql).bind_all(ref.id, c->unallocated + delta).run(); !s) return s;
  return c->active ? move_balance(db, c->customer_id, 0, delta) : ok_status();
}

// ---------------------------------------------------------------------------------------------
// Numbering

bool number_taken(Db& db, std::string_view kind, std::string_view number) {
  Statement& st =
      db.prepare(kind == "invoice" ? "SELECT 1 FROM invoices WHERE number = ?1 COLLATE NOCASE"
                                   : "SELECT 1 FROM credit_notes WHERE number = ?1 COLLATE NOCASE");
  st.bind_all(number);
  bool taken = st.step();
  st.reset();
  return taken;
}

SeriesNumber next_series_number(Db& db, std::string_view kind, std::string_view prefix, int year) {
  Statement& st = db.prepare("SELECT last FROM number_series WHERE kind = ?1 AND prefix = ?2 AND year = ?3");
  st.bind_all(kind, prefix, int64_t{year});
  int64_t counter = (st.step() ? st.int64(0) : 0) + 1;
  st.reset();
  std::string number = series_number(prefix, year, counter);
  while (number_taken(db, kind, number)) number = series_number(prefix, year, ++counter);
  return {number, year, counter};
}

Status record_series_number(Db& db, std::string_view kind, std::string_view prefix, int year,
                            int64_t counter) {
  return db
      .prepare(
          "INSERT INTO number_series(kind, prefix, year, last) VALUES (?1, ?2, ?3, ?4) "
          "ON CONFLICT(kind, prefix, year) DO UPDATE SET last = max(last, excluded.last)")
      .bind_all(kind, prefix, int64_t{year}, counter)
      .run();
}

// ---------------------------------------------------------------------------------------------
// Allocation candidates

std::vector<AllocationCandidate> allocation_candidates(Db& db, int64_t customer_id, int64_t amount,
                                                       std::string_view reference,
                                                       const std::unordered_map<int64_t, int64_t>* pending) {
  std::vector<AllocationCandidate> out;
  std::unordered_set<int64_t> seen;
  int64_t covered = 0;
  auto read = [&](Statement& st) {
    AllocationCandidate inv{st.int64(0), st.text(1), iso_date(st.text_view(2)), iso_date(st.text_view(3)),
                            st.int64(4)};
    if (pending)
      if (auto it = pending->find(inv.id); it != pending->end()) inv.open = it->second;
    if (inv.open <= 0 || !seen.insert(inv.id).second) return;
    covered += inv.open;
    out.push_back(std::move(inv));
  };
  for (const std::string& number : referenced_numbers(reference)) {
    Statement& st = db.prepare(
        "SELECT id, number, due_date, issue_date, open_amount FROM invoices "
        "WHERE number = ?1 COLLATE NOCASE AND customer_id = ?2 AND open_amount > 0");
    st.bind_all(number, customer_id);
    if (st.step()) read(st);
    st.reset();
  }
  // invoices_by_customer serves this in the rule's order (open invoices have no settled_on), so the scan
  // stops as soon as the amount is covered; drafts (also unsettled) are skipped by open_amount > 0.
  Statement& oldest = db.prepare(
      "SELECT id, number, due_date, issue_date, open_amount FROM invoices "
      "WHERE customer_id = ?1 AND settled_on IS NULL AND open_amount > 0 ORDER BY due_date, issue_date, "
      "number, id");
  oldest.bind_all(customer_id);
  while (covered < amount && oldest.step()) read(oldest);
  oldest.reset();
  return out;
}

namespace {

// "INV-2026-0007": letters (and digits), a dash, a four-digit year, a dash, digits: the form series_number
// makes.
bool looks_like_series_number(std::string_view w) {
  const size_t second = w.rfind('-');
  if (second == std::string_view::npos || second < 6 || second + 1 >= w.size()) return false;
  const size_t first = second - 5;
  if (w[first] != '-') return false;
  for (size_t i = first + 1; i < second; ++i)
    if (w[i] < '0' || w[i] > '9') return false;
  for (size_t i = second + 1; i < w.size(); ++i)
    if (w[i] < '0' || w[i] > '9') return false;
  return first > 0;
}

}  // namespace

std::optional<std::string> reference_problem(Db& db, int64_t customer_id, std::string_view reference) {
  for (const std::string& number : referenced_numbers(reference)) {
    Statement& st = db.prepare(
        "SELECT i.customer_id, c.name FROM invoices i JOIN customers c ON c.id = i.customer_id "
        "WHERE i.number = ?1 COLLATE NOCASE");
    st.bind_all(number);
    std::optional<std::string> owner;
    bool own = false;
    while (st.step()) {
      if (st.int64(0) == customer_id)
        own = true;
      else
        owner = st.text(1);
    }
    st.reset();
    if (!own && owner)
      return "names invoice " + number + ", which is " + *owner +
             "'s; record the payment for that customer, or correct the reference";
    if (!own && !owner && looks_like_series_number(number))
      return "names invoice " + number +
             ", which does not exist; correct the reference, or leave it empty "
             "to apply the payment oldest due first";
  }
  return std::nullopt;
}

}  // namespace duebook

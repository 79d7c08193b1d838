#include "reports/ar_snapshot.h"

#include <algorithm>
#include <cassert>
#include <unordered_map>

#include "base/currencies.h"

namespace duebook {

int32_t stored_day(std::string_view t) {
  if (t.size() != 10 || t[4] != '-' || t[7] != '-') return kNoDay;
  int v[8];
  static constexpr int kPos[8] = {0, 1, 2, 3, 5, 6, 8, 9};
  for (int i = 0; i < 8; ++i) {
    const char c = t[static_cast<std::size_t>(kPos[i])];
    if (c < '0' || c > '9') return kNoDay;
    v[i] = c - '0';
  }
  const Date d{v[0] * 1000 + v[1] * 100 + v[2] * 10 + v[3], v[4] * 10 + v[5], v[6] * 10 + v[7]};
  if (!is_valid(d)) return kNoDay;
  return day_number(d);
}

int32_t ArSnapshot::invoice_index(int64_t id) const {
  auto it = std::lower_bound(invoice_ids.begin(), invoice_ids.end(), id);
  return it != invoice_ids.end() && *it == id ? static_cast<int32_t>(it - invoice_ids.begin()) : -1;
}

std::string_view ArSnapshot::invoice_number(int32_t index) const {
  assert(index >= 0 && static_cast<std::size_t>(index) < invoice_ids.size());
  if (number_end.empty()) return {};
  const uint32_t begin = index == 0 ? 0 : number_end[static_cast<std::size_t>(index) - 1];
  return std::string_view(number_text).substr(begin, number_end[static_cast<std::size_t>(index)] - begin);
}

int32_t ArSnapshot::customer_index_of(int64_t id) const {
  return id >= 0 && static_cast<uint64_t>(id) < customer_index.size()
             ? customer_index[static_cast<std::size_t>(id)]
             : -1;
}

int32_t ArSnapshot::currency_index(std::string_view code) const {
  for (std::size_t i = 0; i < labels.currencies.size(); ++i)
    if (labels.currencies[i].code == code) return static_cast<int32_t>(i);
  return -1;
}

namespace {

// The SQL of each read, without and with the one-customer filter (?1). Two texts rather than
// "?1 = 0 OR customer_id = ?1", which would keep SQLite from using the customer indexes.
struct Sql {
  const char* all;       // every customer
  const char* customer;  // customer ?1 only
};

const Sql kCustomers = {"SELECT id, name FROM customers ORDER BY id",
                        "SELECT id, name FROM customers WHERE id = ?1"};
const Sql kInvoices = {
    "SELECT id, customer_id, currency, issue_date, due_date, settled_on, voided_on, total, number, deposit "
    "FROM invoices WHERE issued = 1 ORDER BY id",
    "SELECT id, customer_id, currency, issue_date, due_date, settled_on, voided_on, total, number, deposit "
    "FROM invoices WHERE customer_id = ?1 AND issued = 1 ORDER BY id"};
const Sql kAllocations = {"SELECT id, invoice_id, amount, date, source_kind, removed FROM allocations",
                          "SELECT id, invoice_id, amount, date, source_kind, removed FROM allocations "
                          "WHERE invoice_id IN (SELECT id FROM invoices WHERE customer_id = ?1)"};
const Sql kWriteOffs = {"SELECT id, invoice_id, amount, date, reversed FROM write_offs",
                        "SELECT id, invoice_id, amount, date, reversed FROM write_offs "
                        "WHERE invoice_id IN (SELECT id FROM invoices WHERE customer_id = ?1)"};
const Sql kPayments = {
    "SELECT id, customer_id, currency, date, amount FROM payments WHERE status = 'received'",
    "SELECT id, customer_id, currency, date, amount FROM payments "
    "WHERE customer_id = ?1 AND status = 'received'"};
const Sql kCreditNotes = {
    "SELECT id, customer_id, currency, date, amount FROM credit_notes WHERE status = 'issued'",
    "SELECT id, customer_id, currency, date, amount FROM credit_notes WHERE customer_id = ?1 AND status = "
    "'issued'"};
// A refund is in the currency of the payment or credit note it pays back.
const Sql kRefunds = {
    "SELECT r.id, r.customer_id, coalesce(p.currency, c.currency), r.date, r.amount FROM refunds r "
    "LEFT JOIN payments p ON r.source_kind = 'payment' AND p.id = r.source_id "
    "LEFT JOIN credit_notes c ON r.source_kind = 'credit_note' AND c.id = r.source_id WHERE r.reversed = 0",
    "SELECT r.id, r.customer_id, coalesce(p.currency, c.currency), r.date, r.amount FROM refunds r "
    "LEFT JOIN payments p ON r.source_kind = 'payment' AND p.id = r.source_id "
    "LEFT JOIN credit_notes c ON r.source_kind = 'credit_note' AND c.id = r.source_id "
    "WHERE r.reversed = 0 AND r.customer_id = ?1"};

// stored_day with the month of the last date remembered: the rows of a table mostly fall in a few
// months at a time, and a day of a known month is its first day number plus the day of the month.
class DayMemo {
 public:
  int32_t operator()(std::string_view t) {
    if (t.size() != 10 || t[4] != '-' || t[7] != '-') return kNoDay;
    int v[8];
    static constexpr int kPos[8] = {0, 1, 2, 3, 5, 6, 8, 9};
    for (int i = 0; i < 8; ++i) {
      const char c = t[static_cast<std::size_t>(kPos[i])];
      if (c < '0' || c > '9') return kNoDay;
      v[i] = c - '0';
    }
    const int year = v[0] * 1000 + v[1] * 100 + v[2] * 10 + v[3], month = v[4] * 10 + v[5],
              day = v[6] * 10 + v[7];
    if (month < 1 || month > 12) return kNoDay;
    const int key = year * 16 + month;
    if (key != key_) {
      key_ = key;
      first_ = day_number(Date{year, month, 1});
      length_ = days_in_month(year, month);
    }
    return day >= 1 && day <= length_ ? first_ + day - 1 : kNoDay;
  }

 private:
  int key_ = -1;       // year × 16 + month of the month remembered; -1 for none
  int32_t first_ = 0;  // the day number of its first day
  int length_ = 0;     // its days
};

// A removed allocation or reversed write-off of a voided invoice, until the log says whether the void
// did it (it then stays, dated) or an Undo did (it never happened).
struct Pending {
  int64_t id = 0;                               // allocation or write-off id
  bool write_off = false;                       // a write-off, else an allocation
  int32_t invoice = 0;                          // invoice index
  int32_t day = 0;                              // its day
  int64_t amount = 0;                           // its amount
  ReductionKind kind = ReductionKind::Payment;  // what it was
};

// Reads the rows into `snap`, tracking what a problem must name.
class Loader {
 public:
  Loader(Db& db, const ArSnapshotOptions& options, ArSnapshot& snap)
      : db_(db), options_(options), snap_(snap), ledger_(snap.ledger) {}

  Status run() {
    if (Status s = read_customers(); !s) return s;
    if (Status s = read_invoices(); !s) return s;
    if (Status s = read_allocations(); !s) return s;
    if (Status s = read_write_offs(); !s) return s;
    if (Status s = resolve_pending(); !s) return s;
    sort_reductions();
    settle_voided();
    if (Status s = read_credit_sources(kPayments, "payments", +1); !s) return s;
    if (Status s = read_credit_sources(kCreditNotes, "credit_notes", +1); !s) return s;
    if (Status s = read_credit_sources(kRefunds, "refunds", -1); !s) return s;
    ledger_.currency_count = static_cast<int32_t>(snap_.labels.currencies.size());
    build_open_index(ledger_);  // as-of reports then read only what was open on their day
    return ok_status();
  }

 private:
  Statement& prepare(const Sql& sql) {
    Statement& st = db_.prepare(options_.customer_id ? sql.customer : sql.all);
    if (options_.customer_id) st.bind(1, options_.customer_id);
    return st;
  }

  int64_t scalar(const char* sql) {
    Statement& st = db_.prepare(sql);
    const int64_t v = st.step() ? st.int64(0) : 0;
    st.reset();
    return v;
  }

  // max(id) of a table as a count (ids start at 1 and are never reused, so it bounds the rows).
  std::size_t id_bound(const char* sql) {
    return static_cast<std::size_t>(std::max<int64_t>(scalar(sql), 0));
  }

  static Problem damaged(const char* table, int64_t id, const char* column, const std::string& what) {
    return Problem{std::string(table) + "[" + std::to_string(id) + "]." + column,
                   what + "; the projections look damaged: run 'duebook rebuild'"};
  }

  // The currency index of `code`, added when first met. A handful of currencies: a linear search over
  // the codes packed into integers beats hashing.
  int32_t currency(std::string_view code) {
    std::vector<Currency>& list = snap_.labels.currencies;
    const uint32_t key =
        code.size() == 3 ? packed(code) : 0;  // ISO codes are three letters; others go slowly
    for (std::size_t i = 0; i < list.size(); ++i)
      if (key ? currency_keys_[i] == key : list[i].code == code) return static_cast<int32_t>(i);
    const Currency* known = builtin_currencies().find(code);
    list.push_back(known ? *known : Currency{std::string(code), 2, std::string(code)});
    currency_keys_.push_back(list.back().code.size() == 3 ? packed(list.back().code) : 0);
    return static_cast<int32_t>(list.size() - 1);
  }

  // Three bytes as one integer, never 0.
  static uint32_t packed(std::string_view code) {
    return 0x1000000u | static_cast<uint32_t>(static_cast<unsigned char>(code[0])) << 16 |
           static_cast<uint32_t>(static_cast<unsigned char>(code[1])) << 8 |
           static_cast<unsigned char>(code[2]);
  }

  Status read_customers() {
    const int64_t max_id =
        options_.customer_id ? options_.customer_id : scalar("SELECT max(id) FROM customers");
    snap_.customer_index.assign(static_cast<std::size_t>(std::max<int64_t>(max_id, 0) + 1), -1);
    Statement& st = prepare(kCustomers);
    while (st.step()) {
      const int64_t id = st.int64(0);
      if (id < 0 || id > max_id) continue;  // cannot happen: ids come from max(id)
      snap_.customer_index[static_cast<std::size_t>(id)] = static_cast<int32_t>(snap_.customer_ids.size());
      snap_.customer_ids.push_back(id);
      snap_.labels.customer_names.push_back(st.text(1));
    }
    st.reset();
    if (options_.customer_id && snap_.customer_ids.empty())
      return Problem{"customer_id", "no customer with id " + std::to_string(options_.customer_id)};
    ledger_.customer_count = static_cast<int32_t>(snap_.customer_ids.size());
    return ok_status();
  }

  int32_t customer(int64_t id) const { return snap_.customer_index_of(id); }

  Status read_invoices() {
    DayMemo issue_day, due_day, settled_day;
    const int64_t max_id = scalar("SELECT max(id) FROM invoices");
    slot_.assign(static_cast<std::size_t>(std::max<int64_t>(max_id, 0) + 1), -1);
    if (!options_.customer_id) {
      ledger_.invoices.reserve(static_cast<std::size_t>(std::max<int64_t>(max_id, 0)));
      snap_.invoice_ids.reserve(ledger_.invoices.capacity());
      if (options_.invoice_numbers) {
        snap_.number_end.reserve(ledger_.invoices.capacity());
        snap_.number_text.reserve(ledger_.invoices.capacity() * 14);
      }
    }
    Statement& st = prepare(kInvoices);
    Status status = ok_status();
    while (st.step()) {
      const int64_t id = st.int64(0);
      ArInvoice inv;
      inv.customer = customer(st.int64(1));
      if (inv.customer < 0) {
        status = damaged("invoices", id, "customer_id", "no such customer");
        break;
      }
      inv.currency = currency(st.text_view(2));
      inv.issued_day = issue_day(st.text_view(3));
      inv.due_day = due_day(st.text_view(4));
      const bool voided = !st.is_null(6);
      if (voided)
        inv.voided_day = stored_day(st.text_view(6));
      else if (!st.is_null(5))
        inv.settled_day = settled_day(st.text_view(5));
      inv.total = st.int64(7);
      const char* bad = inv.issued_day == kNoDay                                 ? "issue_date"
                        : inv.due_day == kNoDay                                  ? "due_date"
                        : voided && inv.voided_day == kNoDay                     ? "voided_on"
                        : !voided && !st.is_null(5) && inv.settled_day == kNoDay ? "settled_on"
                                                                                 : nullptr;
      if (bad) {
        status = damaged("invoices", id, bad, "is not an ISO date");
        break;
      }
      if (id < 0 || id > max_id) continue;  // cannot happen: ids come from max(id)
      // A due date before the issue date ages from the due date; a void or settlement is never earlier
      // than the issue in a healthy projection.
      if (inv.settled_day != kNoDay) inv.settled_day = std::max(inv.settled_day, inv.issued_day);
      if (inv.voided_day != kNoDay) inv.voided_day = std::max(inv.voided_day, inv.issued_day);
      slot_[static_cast<std::size_t>(id)] = static_cast<int32_t>(ledger_.invoices.size());
      if (const int64_t deposit = st.int64(9); deposit > 0)
        ledger_.deposits.push_back({static_cast<int32_t>(ledger_.invoices.size()), deposit});
      ledger_.invoices.push_back(inv);
      snap_.invoice_ids.push_back(id);
      if (options_.invoice_numbers) {
        snap_.number_text += st.text_view(8);
        snap_.number_end.push_back(static_cast<uint32_t>(snap_.number_text.size()));
      }
    }
    st.reset();
    return status;
  }

  // The index of invoice `id`, or -1.
  int32_t invoice(int64_t id) const {
    return id >= 0 && static_cast<uint64_t>(id) < slot_.size() ? slot_[static_cast<std::size_t>(id)] : -1;
  }

  void add_credit(int32_t invoice_index, int32_t day, int64_t amount) {
    const ArInvoice& inv = ledger_.invoices[static_cast<std::size_t>(invoice_index)];
    ledger_.credits.push_back(ArCreditMovement{inv.customer, inv.currency, day, amount});
  }

  Status read_allocations() {
    DayMemo day_of;
    if (!options_.customer_id) {  // every allocation is a reduction and a credit movement, as is a payment
      const std::size_t allocations = id_bound("SELECT max(id) FROM allocations");
      ledger_.reductions.reserve(allocations + id_bound("SELECT max(id) FROM write_offs"));
      ledger_.credits.reserve(allocations + id_bound("SELECT max(id) FROM payments"));
    }
    Statement& st = prepare(kAllocations);
    Status status = ok_status();
    while (st.step()) {
      const int64_t id = st.int64(0);
      const bool removed = st.int64(5) != 0;
      const int32_t index = invoice(st.int64(1));
      if (index < 0) {
        if (removed) continue;  // retracted together with its invoice's issue
        status = damaged("allocations", id, "invoice_id", "no such issued invoice");
        break;
      }
      const int32_t day = day_of(st.text_view(3));
      if (day == kNoDay) {
        status = damaged("allocations", id, "date", "is not an ISO date");
        break;
      }
      const int64_t amount = st.int64(2);
      const ReductionKind kind =
          st.text_view(4) == "credit_note" ? ReductionKind::CreditNote : ReductionKind::Payment;
      if (!removed) {
        ledger_.reductions.push_back(ArReduction{index, day, amount, kind});
        add_credit(index, day, -amount);  // the payment's or credit note's credit is used up
      } else if (ledger_.invoices[static_cast<std::size_t>(index)].voided_day != kNoDay) {
        pending_.push_back(Pending{id, false, index, day, amount, kind});
      }  // else: undone, and the invoice still stands: it never happened
    }
    st.reset();
    return status;
  }

  Status read_write_offs() {
    DayMemo day_of;
    Statement& st = prepare(kWriteOffs);
    Status status = ok_status();
    while (st.step()) {
      const int64_t id = st.int64(0);
      const bool reversed = st.int64(4) != 0;
      const int32_t index = invoice(st.int64(1));
      if (index < 0) {
        if (reversed) continue;
        status = damaged("write_offs", id, "invoice_id", "no such issued invoice");
        break;
      }
      const int32_t day = day_of(st.text_view(3));
      if (day == kNoDay) {
        status = damaged("write_offs", id, "date", "is not an ISO date");
        break;
      }
      const int64_t amount = st.int64(2);
      if (!reversed)
        ledger_.reductions.push_back(ArReduction{index, day, amount, ReductionKind::WriteOff});
      else if (ledger_.invoices[static_cast<std::size_t>(index)].voided_day != kNoDay)
        pending_.push_back(Pending{id, true, index, day, amount, ReductionKind::WriteOff});
    }
    st.reset();
    return status;
  }

  // Asks the log, for each pending row, whether its last removal was an Undo. Only the events after
  // the first pending invoice was created are read, and only when there is a pending row at all.
  Status resolve_pending() {
    if (pending_.empty()) return ok_status();
    int64_t from_seq = INT64_MAX;
    Statement& created = db_.prepare("SELECT created_seq FROM invoices WHERE id = ?1");
    for (const Pending& p : pending_) {
      created.bind(1, snap_.invoice_ids[static_cast<std::size_t>(p.invoice)]);
      if (created.step()) from_seq = std::min(from_seq, created.int64(0));
      created.reset();
    }
    // id -> whether the last removal was an undo, per kind (allocation ids and write-off ids overlap).
    std::unordered_map<int64_t, bool> allocation_undone, write_off_undone;
    for (const Pending& p : pending_) (p.write_off ? write_off_undone : allocation_undone)[p.id] = false;
    Statement& log = db_.prepare(
        "SELECT type = 'invoice.write_off_reversed', json_extract(payload, '$.id'), action_kind = 'undo' "
        "FROM events WHERE seq > ?1 AND type IN ('allocation.removed', 'invoice.write_off_reversed') "
        "ORDER BY seq");
    log.bind(1, from_seq == INT64_MAX ? 0 : from_seq);
    while (log.step()) {
      auto& undone = log.int64(0) ? write_off_undone : allocation_undone;
      auto it = undone.find(log.int64(1));
      if (it != undone.end()) it->second = log.int64(2) != 0;
    }
    log.reset();
    for (const Pending& p : pending_) {
      if ((p.write_off ? write_off_undone : allocation_undone)[p.id]) continue;
      ledger_.reductions.push_back(ArReduction{p.invoice, p.day, p.amount, p.kind});
      if (p.write_off) continue;
      // The credit was used on its day and handed back by the void (not before the allocation).
      const int32_t voided = ledger_.invoices[static_cast<std::size_t>(p.invoice)].voided_day;
      add_credit(p.invoice, p.day, -p.amount);
      add_credit(p.invoice, std::max(p.day, voided), p.amount);
    }
    return ok_status();
  }

  // A stable counting sort by invoice index: linear, and most rows arrive nearly in order anyway.
  void sort_reductions() {
    std::vector<ArReduction>& r = ledger_.reductions;
    bool sorted = true;
    for (std::size_t k = 1; k < r.size() && sorted; ++k) sorted = r[k - 1].invoice <= r[k].invoice;
    if (sorted) return;
    std::vector<uint32_t> start(ledger_.invoices.size() + 1, 0);
    for (const ArReduction& x : r) ++start[static_cast<std::size_t>(x.invoice) + 1];
    for (std::size_t i = 1; i < start.size(); ++i) start[i] += start[i - 1];
    std::vector<ArReduction> out(r.size());
    for (const ArReduction& x : r) out[start[static_cast<std::size_t>(x.invoice)]++] = x;
    r.swap(out);
  }

  // A voided invoice's settled day is gone from the projection (it holds the void day there); the day
  // the reductions before the void brought it to zero, if they did, is worked out again.
  void settle_voided() {
    const std::vector<ArReduction>& r = ledger_.reductions;
    std::size_t k = 0;
    for (std::size_t i = 0; i < ledger_.invoices.size(); ++i) {
      const std::size_t begin = k;
      while (k < r.size() && static_cast<std::size_t>(r[k].invoice) == i) ++k;
      ArInvoice& inv = ledger_.invoices[i];
      if (inv.voided_day == kNoDay) continue;
      int64_t open = inv.total;
      int32_t last = inv.issued_day;
      bool overflow = false;
      for (std::size_t j = begin; j < k; ++j) {
        if (r[j].day >= inv.voided_day) continue;
        overflow |= __builtin_sub_overflow(open, r[j].amount, &open);
        last = std::max(last, r[j].day);
      }
      if (open == 0 && !overflow) inv.settled_day = last;
    }
  }

  Status read_credit_sources(const Sql& sql, const char* table, int64_t sign) {
    DayMemo day_of;
    Statement& st = prepare(sql);
    Status status = ok_status();
    while (st.step()) {
      const int64_t id = st.int64(0);
      const int32_t cust = customer(st.int64(1));
      if (cust < 0) {
        status = damaged(table, id, "customer_id", "no such customer");
        break;
      }
      if (st.is_null(2)) {
        status = damaged(table, id, "source_id", "no such payment or credit note");
        break;
      }
      const int32_t day = day_of(st.text_view(3));
      if (day == kNoDay) {
        status = damaged(table, id, "date", "is not an ISO date");
        break;
      }
      ledger_.credits.push_back(ArCreditMovement{cust, currency(st.text_view(2)), day, sign * st.int64(4)});
    }
    st.reset();
    return status;
  }

  Db& db_;                               // the ledger's database, read only
  const ArSnapshotOptions& options_;     // what to read
  ArSnapshot& snap_;                     // the result being filled
  ArLedger& ledger_;                     // snap_.ledger
  std::vector<int32_t> slot_;            // invoice id -> invoice index, -1 for drafts and other customers'
  std::vector<Pending> pending_;         // removals on voided invoices the log has to explain
  std::vector<uint32_t> currency_keys_;  // per currency index: packed(code), 0 when not three bytes
};

}  // namespace

Result<ArSnapshot> load_ar_snapshot(Db& db, const ArSnapshotOptions& options) {
  ArSnapshot snap;
  Transaction read(db);  // one consistent state across the queries; nothing to commit
  Loader loader(db, options, snap);
  if (Status s = loader.run(); !s) return s.problems();
  return snap;
}

}  // namespace duebook

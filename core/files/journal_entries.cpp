#include "files/journal_entries.h"

#include <algorithm>
#include <unordered_map>

#include "base/currencies.h"

namespace duebook {
namespace {

// Same-day order: the invoice exists before anything reduces it, the money arrives before it is allocated.
enum Rank { kInvoice, kCreditNote, kPayment, kAllocation, kWriteOff, kRefund, kVoid };

// An issued invoice, as the other rows need it.
struct InvoiceRow {
  std::string number;                  // its number
  int32_t customer = 0;                // customer index
  std::string currency;                // its currency
  std::string voided_on;               // "" unless voided
  std::vector<JournalPosting> income;  // its income side (negative amounts), by kind of charge
  int64_t reduced_by_void_day = 0;     // reductions dated on or before the void day
  int64_t handed_back = 0;             // allocations the void handed back to the customer's credit
};

class Reader {
 public:
  explicit Reader(Db& db) : db_(db) {}

  Result<JournalBook> run() {
    Transaction read(db_);  // one consistent state across the queries
    read_customers();
    read_charge_kinds();
    if (Status s = read_invoices(); !s) return s.problems();
    read_allocations();
    read_write_offs();
    if (Status s = read_money("payments", kPayments, kPayment); !s) return s.problems();
    if (Status s = read_money("credit_notes", kCreditNotes, kCreditNote); !s) return s.problems();
    if (Status s = read_money("refunds", kRefunds, kRefund); !s) return s.problems();
    add_voids();
    std::vector<size_t> order(pending_.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
      const Pending &x = pending_[a], &y = pending_[b];
      if (x.txn.date != y.txn.date) return x.txn.date < y.txn.date;
      if (x.rank != y.rank) return x.rank < y.rank;
      return x.id < y.id;
    });
    for (size_t i : order) book_.transactions.push_back(std::move(pending_[i].txn));
    return std::move(book_);
  }

 private:
  struct Pending {
    Rank rank = kInvoice;    // same-day order
    int64_t id = 0;          // row id within its kind
    JournalTransaction txn;  // the transaction
  };

  static constexpr const char* kPayments =
      "SELECT id, customer_id, currency, date, amount, reference, method FROM payments "
      "WHERE status = 'received'";
  static constexpr const char* kCreditNotes =
      "SELECT c.id, c.customer_id, c.currency, c.date, c.amount, c.number, c.reason, "
      "coalesce(i.number, '') FROM credit_notes c LEFT JOIN invoices i ON i.id = c.invoice_id "
      "WHERE c.status = 'issued'";
  static constexpr const char* kRefunds =
      "SELECT r.id, r.customer_id, coalesce(p.currency, c.currency), r.date, r.amount, r.reference, r.method "
      "FROM refunds r LEFT JOIN payments p ON r.source_kind = 'payment' AND p.id = r.source_id "
      "LEFT JOIN credit_notes c ON r.source_kind = 'credit_note' AND c.id = r.source_id "
      "WHERE r.reversed = 0 AND coalesce(p.currency, c.currency) IS NOT NULL";

  void read_customers() {
    Statement& st = db_.prepare("SELECT id, name FROM customers ORDER BY id");
    while (st.step()) {
      customer_index_[st.int64(0)] = static_cast<int32_t>(book_.customers.size());
      book_.customers.push_back(JournalCustomer{st.int64(0), st.text(1)});
    }
    st.reset();
  }

  // The charges each charges invoice books: one charges invoice may hold interest and compensation both.
  void read_charge_kinds() {
    Statement& st = db_.prepare(
        "SELECT charge_invoice_id, kind, amount FROM charges WHERE charge_invoice_id IS NOT NULL ORDER BY "
        "id");
    while (st.step()) {
      const std::string_view kind = st.text_view(1);
      const JournalAccount account = kind == "late_fee"   ? JournalAccount::LateFees
                                     : kind == "interest" ? JournalAccount::Interest
                                                          : JournalAccount::Compensation;
      charge_income_[st.int64(0)].push_back(JournalPosting{account, -st.int64(2)});
    }
    st.reset();
  }

  // The income side of an invoice of `total`: its charges by kind, the rest sales.
  std::vector<JournalPosting> income_of(int64_t id, int64_t total) {
    std::vector<JournalPosting> income;
    int64_t rest = -total;
    if (auto k = charge_income_.find(id); k != charge_income_.end())
      for (const JournalPosting& p : k->second) {
        income.push_back(p);
        rest -= p.amount;
      }
    if (rest != 0 || income.empty()) income.push_back(JournalPosting{JournalAccount::Sales, rest});
    return income;
  }

  JournalTransaction start(const std::string& date, int32_t customer, const std::string& currency) {
    JournalTransaction t;
    t.date = date;
    t.customer = customer;
    t.currency = currency;
    t.digits = currency_digits(currency);
    return t;
  }

  void add(Rank rank, int64_t id, JournalTransaction txn) {
    for (const JournalPosting& p : txn.postings)
      if (p.amount != 0) {
        pending_.push_back(Pending{rank, id, std::move(txn)});
        return;
      }
  }

  Status read_invoices() {
    Statement& st = db_.prepare(
        "SELECT id, number, customer_id, currency, issue_date, due_date, total, "
        "CASE WHEN voided THEN coalesce(voided_on, issue_date) ELSE '' END FROM invoices WHERE issued = 1 "
        "ORDER BY id");
    Status status = ok_status();
    while (st.step()) {
      const int64_t id = st.int64(0);
      auto c = customer_index_.find(st.int64(2));
      if (c == customer_index_.end()) {
        status = Problem{"invoices[" + std::to_string(id) + "].customer_id", "no such customer"};
        break;
      }
      const int64_t total = st.int64(6);
      InvoiceRow row{st.text(1), c->second, st.text(3), st.text(7), income_of(id, total), 0, 0};
      JournalTransaction t = start(st.text(4), row.customer, row.currency);
      t.code = row.number;
      const JournalAccount first = row.income.front().account;
      const char* what = charge_income_.count(id) == 0       ? "Invoice "
                         : first == JournalAccount::LateFees ? "Late fee invoice "
                                                             : "Late payment charges invoice ";
      t.description = what + row.number;
      t.tags = {{"invoice", row.number, false}, {"due", st.text(5), true}};
      t.links = {row.number};
      t.postings = {{JournalAccount::Receivable, total}};
      t.postings.insert(t.postings.end(), row.income.begin(), row.income.end());
      totals_[id] = total;
      add(kInvoice, id, std::move(t));
      invoices_.emplace(id, std::move(row));
    }
    st.reset();
    return status;
  }

  // Whether the last event that removed row `id` (an allocation or write-off) was an Undo: the row then never
  // happened, where a void's removal leaves it standing on its own day.
  bool undone(const char* event_type, int64_t id) {
    Statement& st = db_.prepare(
        "SELECT action_kind = 'undo' FROM events WHERE type = ?1 AND json_extract(payload, '$.id') = ?2 "
        "ORDER BY seq DESC LIMIT 1");
    st.bind(1, event_type).bind(2, id);
    const bool result = st.step() && st.int64(0) != 0;
    st.reset();
    return result;
  }

  // Whether a reduction of `inv` on `date`, removed or not, stands in the receivables; a removed one
  // stands only on a voided invoice, when the void (not an Undo) removed it, and `*by_void` then says so.
  bool stands(const InvoiceRow& inv, bool removed, const char* event_type, int64_t id, bool* by_void) {
    *by_void = false;
    if (!removed) return true;
    if (inv.voided_on.empty() || undone(event_type, id)) return false;
    *by_void = true;
    return true;
  }

  void read_allocations() {
    Statement& st = db_.prepare(
        "SELECT a.id, a.invoice_id, a.amount, a.date, a.removed, a.source_kind, "
        "coalesce(p.reference, c.number, ''), a.source_id FROM allocations a "
        "LEFT JOIN payments p ON a.source_kind = 'payment' AND p.id = a.source_id "
        "LEFT JOIN credit_notes c ON a.source_kind = 'credit_note' AND c.id = a.source_id ORDER BY a.id");
    struct Row {
      int64_t id, invoice, amount, source;
      std::string date, kind, label;
      bool removed;
    };
    std::vector<Row> rows;  // read first: stands() asks the log with another statement
    while (st.step())
      rows.push_back(Row{st.int64(0), st.int64(1), st.int64(2), st.int64(7), st.text(3), st.text(5),
                         st.text(6), st.int64(4) != 0});
    st.reset();
    for (const Row& r : rows) {
      auto it = invoices_.find(r.invoice);
      if (it == invoices_.end()) continue;  // a draft's or an undone issue's
      InvoiceRow& inv = it->second;
      bool by_void = false;
      if (!stands(inv, r.removed, "allocation.removed", r.id, &by_void)) continue;
      // After the void day the invoice is gone: the credit used and handed back the same day nets to nothing.
      if (!inv.voided_on.empty() && r.date > inv.voided_on) continue;
      JournalTransaction t = start(r.date, inv.customer, inv.currency);
      const bool payment = r.kind == "payment";
      t.code = r.label;
      t.description = (payment ? "Payment " + (r.label.empty() ? "#" + std::to_string(r.source) : r.label)
                               : "Credit note " + r.label) +
                      " applied to " + inv.number;
      t.tags = {{"invoice", inv.number, false}};
      if (payment)
        t.tags.push_back({"payment", std::to_string(r.source), false});
      else
        t.tags.push_back({"credit_note", r.label, false});
      t.links = {inv.number};
      if (payment) t.links.push_back("payment-" + std::to_string(r.source));
      t.postings = {{JournalAccount::CustomerCredit, r.amount}, {JournalAccount::Receivable, -r.amount}};
      if (!inv.voided_on.empty()) inv.reduced_by_void_day += r.amount;
      if (by_void) inv.handed_back += r.amount;
      add(kAllocation, r.id, std::move(t));
    }
  }

  void read_write_offs() {
    Statement& st =
        db_.prepare("SELECT id, invoice_id, amount, date, reversed, reason FROM write_offs ORDER BY id");
    struct Row {
      int64_t id, invoice, amount;
      std::string date, reason;
      bool reversed;
    };
    std::vector<Row> rows;
    while (st.step())
      rows.push_back(Row{st.int64(0), st.int64(1), st.int64(2), st.text(3), st.text(5), st.int64(4) != 0});
    st.reset();
    for (const Row& r : rows) {
      auto it = invoices_.find(r.invoice);
      if (it == invoices_.end()) continue;
      InvoiceRow& inv = it->second;
      bool by_void = false;
      if (!stands(inv, r.reversed, "invoice.write_off_reversed", r.id, &by_void)) continue;
      if (!inv.voided_on.empty() && r.date > inv.voided_on) continue;
      JournalTransaction t = start(r.date, inv.customer, inv.currency);
      t.code = inv.number;
      t.description = "Write-off of " + inv.number;
      t.tags = {{"invoice", inv.number, false}};
      if (!r.reason.empty()) t.tags.push_back({"reason", r.reason, false});
      t.links = {inv.number};
      t.postings = {{JournalAccount::BadDebts, r.amount}, {JournalAccount::Receivable, -r.amount}};
      if (!inv.voided_on.empty()) inv.reduced_by_void_day += r.amount;
      add(kWriteOff, r.id, std::move(t));
    }
  }

  // Payments received (+), credit notes issued (+) and refunds (−) on the customer's credit account.
  Status read_money(const char* table, const char* sql, Rank rank) {
    Statement& st = db_.prepare(sql);
    Status status = ok_status();
    while (st.step()) {
      const int64_t id = st.int64(0);
      auto c = customer_index_.find(st.int64(1));
      if (c == customer_index_.end()) {
        status = Problem{std::string(table) + "[" + std::to_string(id) + "].customer_id", "no such customer"};
        break;
      }
      JournalTransaction t = start(st.text(3), c->second, st.text(2));
      const int64_t amount = st.int64(4);
      const std::string label = st.text(5);
      if (rank == kCreditNote) {
        t.code = label;
        t.description = "Credit note " + label;
        t.tags = {{"credit_note", label, false}};
        if (!st.text_view(6).empty()) t.tags.push_back({"reason", st.text(6), false});
        if (!st.text_view(7).empty()) {
          t.tags.push_back({"invoice", st.text(7), false});
          t.links = {st.text(7)};
        }
        t.postings = {{JournalAccount::CreditNotes, amount}, {JournalAccount::CustomerCredit, -amount}};
      } else {
        const bool payment = rank == kPayment;
        t.code = label;
        t.description = std::string(payment ? "Payment " : "Refund ") +
                        (label.empty() ? "#" + std::to_string(id) : label);
        if (payment) {
          t.tags = {{"payment", std::to_string(id), false}};
          t.links = {"payment-" + std::to_string(id)};
        }
        if (!label.empty()) t.tags.push_back({"reference", label, false});
        const int64_t sign = payment ? 1 : -1;
        t.postings = {{JournalAccount::Cash, sign * amount},
                      {JournalAccount::CustomerCredit, -sign * amount}};
      }
      add(rank, id, std::move(t));
    }
    st.reset();
    return status;
  }

  void add_voids() {
    for (auto& [id, inv] : invoices_) {
      if (inv.voided_on.empty()) continue;
      const int64_t open = totals_[id] - inv.reduced_by_void_day;
      JournalTransaction t = start(inv.voided_on, inv.customer, inv.currency);
      t.code = inv.number;
      t.description = "Void of " + inv.number;
      t.tags = {{"invoice", inv.number, false}};
      t.links = {inv.number};
      // The income is reversed as it was booked when the whole invoice goes; else against its first account.
      t.postings = {{JournalAccount::Receivable, -open}, {JournalAccount::CustomerCredit, -inv.handed_back}};
      if (open + inv.handed_back == totals_[id])
        for (const JournalPosting& p : inv.income) t.postings.push_back({p.account, -p.amount});
      else
        t.postings.push_back({inv.income.front().account, open + inv.handed_back});
      t.postings.erase(std::remove_if(t.postings.begin(), t.postings.end(),
                                      [](const JournalPosting& p) { return p.amount == 0; }),
                       t.postings.end());
      add(kVoid, id, std::move(t));
    }
  }

  Db& db_;                                               // the ledger, read only
  JournalBook book_;                                     // the result
  std::vector<Pending> pending_;                         // transactions before sorting
  std::unordered_map<int64_t, int32_t> customer_index_;  // customer id -> index
  std::unordered_map<int64_t, std::vector<JournalPosting>>
      charge_income_;                                 // charges invoice id -> its charges
  std::unordered_map<int64_t, InvoiceRow> invoices_;  // issued invoice id -> row
  std::unordered_map<int64_t, int64_t> totals_;       // issued invoice id -> total
};

}  // namespace

Result<JournalBook> read_journal_book(Db& db) {
  return Reader(db).run();
}

}  // namespace duebook

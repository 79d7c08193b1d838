// CSV imports of payments, in one action: every row is read, checked and allocated as RecordPayment allocates
// (the rule, with early-payment discounts booked as credit notes) before the ledger takes its write lock; any
// problem refuses the whole file, reporting every bad row as file:row:field, and a good file is then written
// in batches without being read again.
#include "files/payment_import.h"

#include <algorithm>
#include <initializer_list>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "base/csv.h"
#include "base/currencies.h"
#include "base/sha256.h"
#include "base/text.h"
#include "customers/customer_commands.h"
#include "customers/customer_queries.h"
#include "customers/terms.h"
#include "files/import_batches.h"
#include "files/import_support.h"
#include "invoicing/payment_preview.h"
#include "invoicing/receivables.h"

namespace duebook {

namespace {

class PaymentImporter {
 public:
  // `decoded` is the file's text when it had to be converted (UTF-16), else empty: the command's bytes are
  // read.
  PaymentImporter(Db& db, const ImportPayments& c, int64_t import_id, std::string sha, std::string decoded)
      : db_(db),
        c_(c),
        import_id_(import_id),
        sha_(std::move(sha)),
        text_(c.text, std::move(decoded)),
        customers_(db) {}

  // Reads, checks and allocates up to `budget` more rows (the header first), gathering a batch each thousand
  // payments without writing anything; true once the whole file is checked. The import's settings (a large
  // cache, and later deferred indexes) hold until the importer goes.
  Result<bool> check(int64_t budget) {
    if (!csv_) {
      cache_.emplace(db_);
      csv_.emplace(text_.view());
      if (!csv_->next(fields_))
        return Problem{c_.file_name + ":1", csv_->error().empty() ? "the file is empty" : csv_->error()};
      header_ = read_header(fields_, {"Date", "Customer", "Amount"}, c_.file_name, problems_);
      if (!problems_.empty()) return problems_;
      unread_ = unread_columns(header_, {"Date", "Customer", "Amount", "Currency", "Method", "Reference"});
      next_payment_id_ = next_id(db_, "payments");
      next_allocation_id_ = next_id(db_, "allocations");
      next_credit_note_id_ = next_id(db_, "credit_notes");
    }
    for (int64_t n = 0; n < budget; ++n) {
      if (!csv_->next(fields_)) {
        if (Status s = end(); !s) return s.problems();
        checked_ = true;
        return true;
      }
      ++rows_;
      Row row{&fields_, &header_, c_.file_name, csv_->line(), &problems_, problems_.size()};
      check_text(row, header_.names);
      read_row(row);
      if (batch_.size() >= kBatch) gather();
    }
    return false;
  }

  // Writes up to `budget` more rows' worth of the checked payments, checking the file first when check() has
  // not finished; true once the whole file is emitted.
  Result<bool> step(EventSink& sink, int64_t budget) {
    if (!checked_) {
      Result<bool> checked = check(budget);
      if (!checked) return checked.problems();
      return false;
    }
    if (!payment_indexes_) {
      // Allocating reads the invoices (by customer, by number) and, to date a settlement, an invoice's
      // allocations: the discounts written with each batch do.
      const bool bulk = is_bulk(db_, "payments", text_.view());
      payment_indexes_.emplace(db_, "payments", std::initializer_list<std::string_view>{}, bulk);
      allocation_indexes_.emplace(db_, "allocations",
                                  std::initializer_list<std::string_view>{"allocations_by_invoice"}, bulk);
    }
    Result<bool> done = batches_.write(sink, size_t(std::max<int64_t>(budget / int64_t(kBatch), 1)));
    if (!done || !done.value()) return done;
    if (Status s = payment_indexes_->restore(); !s) return s.problems();
    if (Status s = allocation_indexes_->restore(); !s) return s.problems();
    if (Status s = sink.emit("import.recorded", import_record(import_id_, "payments", c_.file_name, sha_,
                                                              rows_, 0, payments_, 0, unread_));
        !s)
      return s.problems();
    return true;
  }

  // How far the import is: checking the file is the first half, writing it the second.
  double progress() const {
    if (checked_) return 0.5 + 0.5 * batches_.share_written();
    return csv_ && !text_.view().empty() ? 0.5 * double(csv_->position()) / double(text_.view().size()) : 0.0;
  }

 private:
  // After the last row: the last batch; the file's problems, if any.
  Status end() {
    if (!csv_->error().empty())
      problems_.push_back({c_.file_name + ":" + std::to_string(csv_->line()), csv_->error()});
    gather();
    if (!problems_.empty()) return problems_;
    if (payments_ == 0) return Problem{c_.file_name, "the file has no payment rows"};
    return ok_status();
  }

  // Validates one row and, when the file is still good, allocates it by the rule and adds it to the batch.
  void read_row(const Row& row) {
    std::string name(row.get("Customer"));
    const KnownCustomer* customer = nullptr;
    if (name.empty())
      row.problem("Customer", "is empty");
    else if (!(customer = customers_.find(name)))
      row.problem("Customer", "no customer named \"" + name + "\"");
    std::optional<Date> date = read_date(row, "Date", c_.date_format);
    std::string currency(row.get("Currency"));
    for (char& ch : currency)
      if (ch >= 'a' && ch <= 'z') ch = char(ch - 'a' + 'A');
    if (customer && !currency.empty() && currency != customer->currency)
      row.problem("Currency",
                  "the payment is in " + currency + " but " + name + " is invoiced in " + customer->currency);
    const int digits = currency_digits(customer ? customer->currency : currency);
    Result<int64_t> amount = parse_amount(ungrouped_number(row.get("Amount")), digits);
    if (!amount)
      row.problem("Amount", amount.problems()[0].message);
    else if (amount.value() <= 0)
      row.problem("Amount", "must be more than zero");
    std::string_view method = row.get("Method"), reference = row.get("Reference");
    if (method.size() > 100) row.problem("Method", "is longer than 100 characters");
    if (reference.size() > 200) row.problem("Reference", "is longer than 200 characters");
    if (customer)
      if (std::optional<std::string> why = reference_problem(db_, customer->id, reference))
        row.problem("Reference", *why);
    if (!row.ok() || !problems_.empty()) return;  // a rejected file writes nothing: stop planning
    ImportedPayment pay;
    pay.id = next_payment_id_++;
    pay.customer_id = customer->id;
    pay.date = to_iso(*date);
    pay.amount = amount.value();
    pay.currency = customer->currency;
    pay.method = std::string(method);
    pay.reference = std::string(reference);
    // The plan RecordPayment books (payment_preview.h), against the open amounts this file's earlier rows
    // leave (none of them written yet).
    std::vector<PaymentPreviewLine> lines =
        plan_payment_lines(db_, customer->id, *date, pay.amount, reference, &pending_open_);
    bool discounted = false;
    for (const PaymentPreviewLine& line : lines) {
      if (line.applied > 0)
        pay.allocations.push_back({next_allocation_id_++, line.invoice_id, line.applied, line.date});
      pending_open_[line.invoice_id] = line.open_after;
      discounted = discounted || line.discount > 0;
    }
    if (discounted) discounts_.push_back({pay.id, pay.customer_id, pay.currency, std::move(lines)});
    batch_.push_back(std::move(pay));
    ++payments_;
  }

  // Keeps the batch as one payments.imported event followed by its early-payment discounts, each a credit
  // note allocated to its invoice, as RecordPayment books them. Later payments were allocated against the
  // open amounts the earlier ones leave (pending_open_), so the events are exactly what applying them in
  // order does. Nothing is kept once the file has problems: it is refused anyway.
  void gather() {
    if (batch_.empty() || !problems_.empty()) return;
    batches_.add([this, rows = std::move(batch_), discounts = std::move(discounts_)](EventSink& sink) {
      Status s = sink.emit_applied("payments.imported", imported_payments_text(import_id_, rows),
                                   [this, &rows](Db& db, const Event& e) {
                                     return insert_imported_payments(db, e, import_id_, rows);
                                   });
      for (const Discounted& d : discounts) {
        if (!s) break;
        s = emit_all(sink, discount_events(db_, d.lines, d.customer_id, d.currency, d.payment_id,
                                           &next_credit_note_id_, &next_allocation_id_));
      }
      return s;
    });
    batch_.clear();
    discounts_.clear();
  }

  // A payment of the batch that earned early-payment discounts.
  struct Discounted {
    int64_t payment_id = 0;
    int64_t customer_id = 0;
    std::string currency;
    std::vector<PaymentPreviewLine> lines;  // its plan; the lines with a discount are booked
  };

  static constexpr size_t kBatch = 1000;  // payments per payments.imported event
  Db& db_;
  const ImportPayments& c_;
  int64_t import_id_;
  std::string sha_;
  ImportText text_;                                    // the text read
  std::vector<std::string> unread_;                    // the header's columns this importer does not read
  std::optional<BulkCache> cache_;                     // from the first check on
  std::optional<DeferredIndexes> payment_indexes_;     // from the first write on
  std::optional<DeferredIndexes> allocation_indexes_;  // from the first write on
  std::optional<CsvReader> csv_;                       // from the first check on
  std::vector<std::string> fields_;                    // the record being read
  Header header_;                                      // column positions
  Problems problems_;
  CustomerCache customers_;
  std::vector<ImportedPayment> batch_;  // payments not yet in a batch
  std::vector<Discounted> discounts_;   // their discounts, written after them
  std::unordered_map<int64_t, int64_t>
      pending_open_;        // invoice -> open amount after this file's allocations (none written yet)
  CheckedBatches batches_;  // the checked batches, written under the write lock
  bool checked_ = false;    // the whole file is checked (batches_ is complete)
  int64_t next_payment_id_ = 0, next_allocation_id_ = 0, next_credit_note_id_ = 0;
  int64_t rows_ = 0, payments_ = 0;
};

}  // namespace

Result<StreamPlan> stream_command(Db& db, const ImportPayments& command) {
  std::string sha = sha256_hex(command.text);
  if (std::optional<Problem> p = already_imported(db, command.file_name, sha)) return *p;
  Result<std::string> decoded = decode_text(command.file_name, command.text);
  if (!decoded) return decoded.problems();
  StreamPlan plan;
  plan.label = "Import payments from " + base_name(command.file_name);
  plan.created_id = next_id(db, "imports");
  auto importer =
      std::make_shared<PaymentImporter>(db, command, plan.created_id, sha, std::move(decoded.value()));
  plan.check = [importer](int64_t rows) { return importer->check(rows); };
  plan.step = [importer](EventSink& sink, int64_t rows) { return importer->step(sink, rows); };
  plan.progress = [importer] { return importer->progress(); };
  plan.run = run_all_steps(plan.step);
  return plan;
}

}  // namespace duebook

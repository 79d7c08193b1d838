// CSV imports of invoices (QuickBooks Online's export columns), in one action: every row is read and checked
// before the ledger takes its write lock (later rows see the invoices and customers of earlier ones), any
// problem refuses the whole file, reporting every bad row as file:row:field, and a good file is then written
// in batches without being read again. Each file's SHA-256 is recorded, so the same file is never imported
// twice.
#include "files/invoice_import.h"

#include <algorithm>
#include <initializer_list>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "base/csv.h"
#include "base/currencies.h"
#include "base/sha256.h"
#include "base/text.h"
#include "collections/company_defaults.h"
#include "customers/customer_commands.h"
#include "customers/customer_queries.h"
#include "customers/terms.h"
#include "files/import_batches.h"
#include "files/import_support.h"
#include "files/invoice_rows.h"
#include "invoicing/receivables.h"

namespace duebook {

namespace {

// The invoice being gathered from consecutive rows with one InvoiceNo.
struct PendingInvoice {
  std::string number;                        // InvoiceNo as written
  std::string number_key;                    // lower-cased, to group rows
  int64_t first_line = 0;                    // its first row
  std::string customer;                      // Customer as written on its first row
  std::string currency;                      // resolved currency
  std::string currency_written;              // the Currency cell of its first row, upper-cased ("" if none)
  std::string terms_written;                 // the Terms cell of its first row
  std::optional<Date> issue_date, due_date;  // InvoiceDate, DueDate
  std::string terms;                         // Terms text
  std::string memo;                          // Memo
  std::string deposit;                       // the Deposit cell of its first row ("" = as the terms ask)
  const KnownCustomer* known = nullptr;      // the customer when the ledger (or this import) has it
  std::vector<InvoiceLine> lines;            // one per row
  std::optional<int64_t> tax_given;          // the sum of the rows' ItemTaxAmount, when the file has them
  bool bad = false;                          // a row of it has a problem
};

class InvoiceImporter {
 public:
  // `decoded` is the file's text when it had to be converted (UTF-16), else empty: the command's bytes are
  // read.
  InvoiceImporter(Db& db, const ImportInvoices& c, int64_t import_id, std::string sha, std::string decoded)
      : db_(db),
        c_(c),
        import_id_(import_id),
        sha_(std::move(sha)),
        text_(c.text, std::move(decoded)),
        customers_(db),
        policy_(company_defaults(db).policy_id) {}

  // Reads and checks up to `budget` more rows (the header first), gathering the invoices they complete
  // without writing anything; true once the whole file is checked. The import's settings (a large cache, and
  // later deferred indexes) hold until the importer goes.
  Result<bool> check(int64_t budget) {
    if (!csv_) {
      cache_.emplace(db_);
      csv_.emplace(text_.view());
      if (!csv_->next(fields_))
        return Problem{c_.file_name + ":1", csv_->error().empty() ? "the file is empty" : csv_->error()};
      header_ = read_header(fields_, {"InvoiceNo", "Customer", "InvoiceDate"}, c_.file_name, problems_,
                            kXeroColumns);
      // Xero's files have no line amount: it is UnitAmount × Quantity (invoice_rows.h). QuickBooks' state it.
      if (header_["ItemAmount"] < 0 && header_["UnitAmount"] < 0)
        problems_.push_back({c_.file_name + ":1:ItemAmount", "the file has no ItemAmount column"});
      if (!problems_.empty()) return problems_;
      unread_ = unread_columns(header_, kColumns);
    }
    for (int64_t n = 0; n < budget; ++n) {
      if (!csv_->next(fields_)) {
        if (Status s = end(); !s) return s.problems();
        checked_ = true;
        return true;
      }
      ++rows_;
      Row row{&fields_, &header_, c_.file_name, csv_->line(), &problems_, problems_.size()};
      read_row(row);
    }
    return false;
  }

  // Writes up to `budget` more rows' worth of the checked invoices, checking the file first when check() has
  // not finished; true once the whole file is emitted.
  Result<bool> step(EventSink& sink, int64_t budget) {
    if (!checked_) {
      Result<bool> checked = check(budget);
      if (!checked) return checked.problems();
      return false;
    }
    // The number index stays: it is unique, the last guard against a number taken twice.
    if (!indexes_)
      indexes_.emplace(db_, "invoices", std::initializer_list<std::string_view>{"invoices_by_number"},
                       is_bulk(db_, "invoices", text_.view()));
    Result<bool> done = batches_.write(sink, size_t(std::max<int64_t>(budget / int64_t(kBatch), 1)));
    if (!done || !done.value()) return done;
    if (Status s = indexes_->restore(); !s) return s.problems();
    if (Status s = sink.emit("import.recorded", import_record(import_id_, "invoices", c_.file_name, sha_,
                                                              rows_, invoices_, 0, created_, unread_));
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
  // After the last row: the last invoice and batch; the file's problems, if any.
  Status end() {
    if (!csv_->error().empty())
      problems_.push_back({c_.file_name + ":" + std::to_string(csv_->line()), csv_->error()});
    finish();
    gather();
    if (!problems_.empty()) return problems_;
    if (invoices_ == 0) return Problem{c_.file_name, "the file has no invoice rows"};
    return ok_status();
  }

  void read_row(Row& row) {
    std::string number(row.get("InvoiceNo"));
    std::string key = lower_ascii(number);
    bool starts_invoice = !number.empty() && (!pending_ || pending_->number_key != key);
    // The invoice before is complete once a row names another: write it (or report it) first, so that its
    // problems are not counted as this row's.
    if (starts_invoice) finish();
    row.problems_before = problems_.size();
    check_text(row, header_.names);
    if (number.empty()) {
      row.problem("InvoiceNo", "is empty");
      return;
    }
    if (starts_invoice)
      start(row, number, key);
    else
      check_same(row);
    read_line(row);
    if (!row.ok()) pending_->bad = true;
  }

  void start(const Row& row, const std::string& number, const std::string& key) {
    pending_ = PendingInvoice{};
    PendingInvoice& p = *pending_;
    p.number = number;
    p.number_key = key;
    p.first_line = row.line;
    if (number.size() > 64) row.problem("InvoiceNo", "is longer than 64 characters");
    p.customer = row.get("Customer");
    if (p.customer.empty()) row.problem("Customer", "is empty");
    p.issue_date = read_date(row, "InvoiceDate", c_.date_format);
    if (!row.get("DueDate").empty()) {
      p.due_date = read_date(row, "DueDate", c_.date_format);
      if (p.due_date && p.issue_date && *p.due_date < *p.issue_date)
        row.problem("DueDate", to_iso(*p.due_date) + " is before the InvoiceDate " + to_iso(*p.issue_date));
    }
    p.terms = row.get("Terms");
    p.terms_written = p.terms;
    if (!p.terms.empty() && !terms_cache_.count(p.terms)) {
      Result<PaymentTerms> t = parse_terms(p.terms);
      if (t)
        terms_cache_.emplace(p.terms, t.value());
      else
        row.problem("Terms", messages_of(t.problems()));
    }
    p.memo = row.get("Memo");
    p.deposit = row.get("Deposit");
    // The currency: the customer's when it exists, else the Currency column, else the default.
    std::string currency(row.get("Currency"));
    for (char& ch : currency)
      if (ch >= 'a' && ch <= 'z') ch = char(ch - 'a' + 'A');
    p.currency_written = currency;
    const KnownCustomer* known = p.customer.empty() ? nullptr : customers_.find(p.customer);
    p.known = known;
    if (!currency.empty() && !is_known_currency(currency))
      row.problem("Currency", "\"" + currency + "\" is not an ISO 4217 currency code");
    else if (known && !currency.empty() && currency != known->currency)
      row.problem("Currency", p.customer + " is invoiced in " + known->currency + ", not " + currency);
    p.currency = known ? known->currency : !currency.empty() ? currency : c_.default_currency;
  }

  // Later rows of an invoice must not contradict its first row: an invoice has one customer, one currency,
  // one date, one due date and one set of terms. An empty cell repeats the first row's.
  void check_same(const Row& row) {
    const PendingInvoice& p = *pending_;
    const std::string first = " on row " + std::to_string(p.first_line) + ", not ";
    std::string_view customer = row.get("Customer");
    if (!customer.empty() && name_key(customer) != name_key(p.customer))
      row.problem("Customer",
                  "invoice " + p.number + " is for " + p.customer + first + std::string(customer));
    std::string currency(row.get("Currency"));
    for (char& ch : currency)
      if (ch >= 'a' && ch <= 'z') ch = char(ch - 'a' + 'A');
    if (!currency.empty() && currency != (p.currency_written.empty() ? p.currency : p.currency_written))
      row.problem("Currency", "invoice " + p.number + " is in " + p.currency + first + currency +
                                  "; an invoice has one currency");
    for (auto [column, date] : {std::pair{"InvoiceDate", p.issue_date}, std::pair{"DueDate", p.due_date}}) {
      if (row.get(column).empty()) continue;
      std::optional<Date> d = read_date(row, column, c_.date_format);
      if (d && date != d)
        row.problem(column, "invoice " + p.number + " has " + (date ? to_iso(*date) : std::string("none")) +
                                first + to_iso(*d) + "; an invoice has one " + column);
    }
    if (std::string_view terms = row.get("Terms"); !terms.empty() && terms != p.terms_written)
      row.problem("Terms", "invoice " + p.number + " has \"" + p.terms_written + "\"" + first + "\"" +
                               std::string(terms) + "\"; an invoice has one set of terms");
  }

  void read_line(const Row& row) {
    PendingInvoice& p = *pending_;
    if (std::optional<InvoiceLine> line = read_invoice_line(row, p.currency, p.tax_given))
      p.lines.push_back(std::move(*line));
  }

  // Gathers the invoice read if all its rows were good: its customer (created when new), then the invoice.
  void finish() {
    if (!pending_) return;
    PendingInvoice p = std::move(*pending_);
    pending_.reset();
    if (p.bad) return;
    auto problem = [&](const char* column, const std::string& message) {
      problems_.push_back(
          {c_.file_name + ":" + std::to_string(p.first_line) + ":" + header_.written(column), message});
    };
    // This file's invoices (none written yet) are checked in memory, the ledger's through the number index.
    if (file_numbers_.count(p.number_key) || number_taken(db_, "invoice", p.number)) {
      problem("InvoiceNo",
              "invoice " + p.number +
                  (file_numbers_.count(p.number_key) ? " appears earlier in this "
                                                       "file; an invoice's rows must be consecutive"
                                                     : taken_because(p.number)));
      return;
    }
    // A customer new at the first row may have been created by an earlier invoice of this file since.
    const KnownCustomer* known = p.known ? p.known : customers_.find(p.customer);
    KnownCustomer customer = known ? *known : KnownCustomer{};
    if (!known) {
      CustomerFields f;
      f.name = p.customer;
      f.currency = p.currency;
      if (next_customer_id_ == 0) next_customer_id_ = next_id(db_, "customers");
      // The cache knows the name is new; the customer is written with the next batch, before its invoices.
      Result<Json> add = customer_added_payload(db_, f, false, next_customer_id_);
      if (!add) {
        for (const Problem& pr : add.problems())
          problem(pr.where == "name" ? "Customer" : "Currency", pr.message);
        return;
      }
      ++next_customer_id_;
      note_if_similar(p.customer);
      customer = {add.value()["id"].get<int64_t>(), p.currency, ""};
      new_customers_.push_back(std::move(add.value()));
      customers_.remember(p.customer, customer);
      ++created_;
    }
    // Due date: DueDate, else the invoice's Terms, else the customer's terms, else the invoice date.
    InvoiceContent content;
    content.fields.customer_id = customer.id;
    content.fields.series = "";
    content.fields.issue_date = *p.issue_date;
    content.fields.terms = !p.terms.empty() ? p.terms : customer.terms;
    content.fields.memo = p.memo;
    content.currency = customer.currency;
    content.due_date = *p.issue_date;
    if (p.due_date) {
      content.due_date = *p.due_date;
      content.due_explicit = true;
    } else if (!content.fields.terms.empty()) {
      auto it = terms_cache_.find(content.fields.terms);
      if (it == terms_cache_.end()) {
        Result<PaymentTerms> t = parse_terms(content.fields.terms);
        if (t) it = terms_cache_.emplace(content.fields.terms, t.value()).first;
      }
      if (it != terms_cache_.end()) content.due_date = due_date(it->second, *p.issue_date);
    }
    std::vector<InvoiceLineInput> inputs;
    const int digits = currency_digits(customer.currency);
    for (const InvoiceLine& l : p.lines)
      inputs.push_back({l.description, l.quantity, Decimal{l.unit_price, digits}, l.discount, l.tax_rate});
    Result<InvoiceTotals> totals = compute_totals(inputs, digits);
    if (!totals) {
      for (const Problem& pr : totals.problems()) problem("ItemAmount", pr.message);
      return;
    }
    // EN 16931 computes the tax once per rate (BR-CO-17: BT-117 = BT-116 × BT-119 / 100, rounded); rows that
    // were rounded one by one can add up to another amount, and which one is owed cannot be guessed.
    if (p.tax_given && *p.tax_given != totals->total_tax) {
      problem("ItemTaxAmount",
              "the rows' ItemTaxAmount add up to " + money_text(*p.tax_given, digits) +
                  " but "
                  "their TaxRate gives " +
                  money_text(totals->total_tax, digits) +
                  " (tax computed "
                  "once per rate, EN 16931 BR-CO-17); correct the file, or remove the ItemTaxAmount "
                  "column to book the computed tax");
      return;
    }
    if (totals->total_with_tax < 0) {
      problem("ItemAmount", "the invoice total is negative; import it as a credit note instead");
      return;
    }
    Result<int64_t> deposit =
        imported_deposit(p.deposit, content.fields.terms, totals->total_with_tax, digits);
    if (!deposit) {
      problem("Deposit", messages_of(deposit.problems()));
      return;
    }
    content.totals = totals.value();
    content.fields.lines = std::move(p.lines);
    if (next_invoice_id_ == 0) next_invoice_id_ = next_id(db_, "invoices");
    batch_.push_back(imported_invoice(next_invoice_id_++, p.number, content, deposit.value()));
    file_numbers_.insert(std::move(p.number_key));
    ++invoices_;
    if (batch_.size() >= kBatch) gather();
  }

  // Keeps the invoices gathered so far, with the customers they create, as one batch: a customers.added and
  // an invoices.imported event, which apply the rows as they are rather than parsing the text back. Nothing
  // is kept once the file has problems: it is refused anyway.
  void gather() {
    if (batch_.empty() || !problems_.empty()) return;
    Json customers;
    if (!new_customers_.empty()) customers = {{"customers", std::move(new_customers_)}};
    new_customers_ = Json::array();
    batches_.add([this, customers = std::move(customers), rows = std::move(batch_)](EventSink& sink) {
      if (!customers.is_null()) {
        if (Status s = sink.emit("customers.added", customers); !s) return s;
        if (policy_ != 0)  // new customers are chased by the company's policy, as those added by hand
          for (const Json& added : customers["customers"])
            if (Status s = sink.emit("collections.policy_assigned",
                                     {{"customer", added["id"]}, {"before", 0}, {"after", policy_}});
                !s)
              return s;
      }
      return sink.emit_applied("invoices.imported", imported_invoices_text(import_id_, rows),
                               [this, &rows](Db& db, const Event& e) {
                                 return insert_imported_invoices(db, e, import_id_, rows);
                               });
    });
    batch_.clear();
  }

  // Notes a new customer whose name looks like one the ledger or this file has already (the same
  // similarity_key: "ACME Ltd." beside "Acme Limited"): a second record for one customer is easy to make in
  // a spreadsheet and hard to see afterwards. The ledger's names are read once, at the first new customer.
  void note_if_similar(const std::string& name) {
    if (!similar_) {
      similar_.emplace();
      Statement& st = db_.prepare("SELECT name FROM customers ORDER BY id");
      while (st.step()) similar_->emplace(similarity_key(st.text_view(0)), st.text(0));
      st.reset();
    }
    const std::string key = similarity_key(name);
    auto [it, added] = similar_->emplace(key, name);
    if (added || key.empty()) return;
    if (++similar_count_ <= kNotes)
      notes_.push_back("new customer \"" + name + "\" looks like \"" + it->second +
                       "\"; check they are not one customer");
  }

  // Why `number`, held by an invoice in the ledger, cannot be imported: numbers are never reused, not even
  // those of invoices voided by undoing an import (redo brings those back).
  std::string taken_because(const std::string& number) {
    Statement& st =
        db_.prepare("SELECT import_id, status, void_reason FROM invoices WHERE number = ?1 COLLATE NOCASE");
    st.bind_all(number);
    std::string why = " already exists in the ledger";
    if (st.step()) {
      if (!st.is_null(0) && st.int64(0) == import_id_)
        why = " appears earlier in this file; an invoice's rows must be consecutive";
      else if (st.text_view(1) == "void" && st.text_view(2) == "import undone")
        why =
            " was imported before and voided when that import was undone; numbers are never reused, so redo "
            "that import instead";
    }
    st.reset();
    return why;
  }

  // The columns this importer reads (QuickBooks Online's invoice export and import template).
  static constexpr std::initializer_list<const char*> kColumns = {
      "InvoiceNo",     "Customer",    "InvoiceDate",     "DueDate",       "Terms",    "Memo",
      "Currency",      "Item",        "ItemDescription", "ItemQuantity",  "ItemRate", "ItemAmount",
      "Taxable",       "TaxRate",     "ItemTaxCode",     "ItemTaxAmount", "Deposit",  "ContactName",
      "InvoiceNumber", "Description", "Quantity",        "UnitAmount",    "TaxType"};
  // Xero's invoice columns (its "Import invoices" template: ContactName, InvoiceNumber, InvoiceDate, DueDate,
  // Description, Quantity, UnitAmount, AccountCode, TaxType, Currency) read as QuickBooks' ones; TaxType is
  // read by invoice_rows.cpp, AccountCode is not kept.
  inline static const std::vector<ColumnAlias> kXeroColumns = {{"InvoiceNo", "InvoiceNumber"},
                                                               {"Customer", "ContactName"},
                                                               {"ItemDescription", "Description"},
                                                               {"ItemQuantity", "Quantity"},
                                                               {"ItemRate", "UnitAmount"}};
  Db& db_;
  const ImportInvoices& c_;
  int64_t import_id_;
  std::string sha_;
  ImportText text_;                         // the text read
  std::vector<std::string> unread_;         // the header's columns not among kColumns
  std::optional<BulkCache> cache_;          // from the first check on
  std::optional<DeferredIndexes> indexes_;  // from the first write on
  std::optional<CsvReader> csv_;            // from the first check on
  std::vector<std::string> fields_;         // the record being read
  Header header_;
  Problems problems_;
  CustomerCache customers_;
  std::unordered_map<std::string, PaymentTerms> terms_cache_;
  std::optional<PendingInvoice> pending_;
  // Invoices per invoices.imported event: large enough that the log holds few events, small enough that
  // undoing or replaying one parses a payload of a few hundred kilobytes.
  static constexpr size_t kBatch = 1000;
  std::vector<ImportedInvoice> batch_;            // rows not yet in a batch
  std::unordered_set<std::string> file_numbers_;  // the numbers of this file's invoices, lower-cased
  CheckedBatches batches_;                        // the checked batches, written under the write lock
  bool checked_ = false;                          // the whole file is checked (batches_ is complete)
  int64_t next_invoice_id_ = 0;                   // id of the next invoice; 0 until the first
  int64_t next_customer_id_ = 0;                  // id of the next new customer; 0 until the first
  int64_t policy_ = 0;                            // the collections policy new customers get (0: Standard)
  Json new_customers_ = Json::array();            // customer.added payloads not yet written
  int64_t rows_ = 0, invoices_ = 0, created_ = 0;
  static constexpr int64_t kNotes = 20;  // near-duplicate names noted one by one; more are counted
  std::optional<std::unordered_map<std::string, std::string>> similar_;  // similarity key -> first name
  std::vector<std::string> notes_;
  int64_t similar_count_ = 0;

 public:
  // The import's warnings: the new customers whose names look like others'.
  std::vector<std::string> notes() const {
    std::vector<std::string> out = notes_;
    if (similar_count_ > kNotes)
      out.push_back("and " + std::to_string(similar_count_ - kNotes) +
                    " more new customers whose names look like others'");
    return out;
  }
};

}  // namespace

Result<StreamPlan> stream_command(Db& db, const ImportInvoices& command) {
  std::string sha = sha256_hex(command.text);
  if (std::optional<Problem> p = already_imported(db, command.file_name, sha)) return *p;
  if (!is_known_currency(command.default_currency))
    return Problem{"default_currency",
                   "\"" + command.default_currency + "\" is not an ISO 4217 currency code"};
  Result<std::string> decoded = decode_text(command.file_name, command.text);
  if (!decoded) return decoded.problems();
  StreamPlan plan;
  plan.label = "Import invoices from " + base_name(command.file_name);
  plan.created_id = next_id(db, "imports");
  auto importer =
      std::make_shared<InvoiceImporter>(db, command, plan.created_id, sha, std::move(decoded.value()));
  plan.check = [importer](int64_t rows) { return importer->check(rows); };
  plan.notes = [importer] { return importer->notes(); };
  plan.step = [importer](EventSink& sink, int64_t rows) { return importer->step(sink, rows); };
  plan.progress = [importer] { return importer->progress(); };
  plan.run = run_all_steps(plan.step);
  return plan;
}

}  // namespace duebook

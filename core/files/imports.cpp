// CSV imports of invoices (QuickBooks Online's export columns) and payments, streamed into one action: every row
// is validated, good invoices are written as they are read (so later rows see earlier ones), and any problem
// rolls the whole file back, reporting every bad row as file:row:field. Each file's SHA-256 is recorded, so the
// same file is never imported twice.
#include "files/imports.h"

#include <algorithm>
#include <initializer_list>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "base/csv.h"
#include "files/import_batches.h"
#include "customers/customer_queries.h"
#include "invoicing/receivables.h"
#include "base/sha256.h"
#include "customers/terms.h"
#include "customers/customer_commands.h"
#include "base/text.h"
#include "base/currencies.h"

namespace duebook {
namespace {

// ---------------------------------------------------------------------------------------------
// Shared pieces

// Column positions by canonical name; -1 when the file has no such column.
struct Header {
  std::unordered_map<std::string, int> index;  // lower-case name without '*' -> position
  std::vector<std::string> names;              // names as written, by position
  // The position of column `name` (a string literal: positions are remembered by its address, as every cell of
  // every row asks), or -1.
  int operator[](const char* name) const {
    for (const auto& [literal, position] : memo)
      if (literal == name) return position;
    auto it = index.find(lower_ascii(name));
    int position = it == index.end() ? -1 : it->second;
    memo.emplace_back(name, position);
    return position;
  }
  mutable std::vector<std::pair<const char*, int>> memo;  // literal -> position, filled on first use
};

// Reads the header record: names are matched case-insensitively, with blanks and a leading '*' (QuickBooks'
// mark of a required column) ignored. Problems for required columns that are missing.
Header read_header(const std::vector<std::string>& fields, const std::vector<const char*>& required,
                   const std::string& file, Problems& problems) {
  Header h;
  for (size_t i = 0; i < fields.size(); ++i) {
    std::string name = trimmed(fields[i]);
    if (!name.empty() && name[0] == '*') name = trimmed(name.substr(1));
    h.index.emplace(lower_ascii(name), int(i));
    h.names.push_back(name);
  }
  for (const char* name : required)
    if (h[name] < 0) problems.push_back({file + ":1:" + name, "the file has no " + std::string(name) + " column"});
  return h;
}

// One CSV row with its problems.
struct Row {
  const std::vector<std::string>* fields = nullptr;  // the record
  const Header* header = nullptr;                      // column positions
  std::string file;                                    // file name for problems
  int64_t line = 0;                                    // row number as a spreadsheet shows it
  Problems* problems = nullptr;                        // where problems go
  size_t problems_before = 0;                          // problems count when the row was started

  // The cell of `column` without surrounding blanks (a view into the record); empty when the file has no such
  // column or the row is short.
  std::string_view get(const char* column) const {
    int i = (*header)[column];
    if (i < 0 || size_t(i) >= fields->size()) return {};
    std::string_view v = (*fields)[size_t(i)];
    size_t b = v.find_first_not_of(" \t\r\n");
    if (b == std::string_view::npos) return {};
    return v.substr(b, v.find_last_not_of(" \t\r\n") - b + 1);
  }
  void problem(const std::string& column, const std::string& message) const {
    problems->push_back({file + ":" + std::to_string(line) + ":" + column, message});
  }
  bool ok() const { return problems->size() == problems_before; }
};

// True when `s` is well-formed UTF-8 (RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF).
bool valid_utf8(std::string_view s) {
  size_t i = 0, n = s.size();
  while (i < n) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    int len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
    if (len == 0 || c > 0xF4 || i + size_t(len) > n) return false;
    unsigned char c1 = static_cast<unsigned char>(s[i + 1]);
    if ((c1 & 0xC0) != 0x80) return false;
    if ((c == 0xE0 && c1 < 0xA0) || (c == 0xED && c1 > 0x9F) || (c == 0xF0 && c1 < 0x90) || (c == 0xF4 && c1 > 0x8F))
      return false;
    for (int k = 2; k < len; ++k)
      if ((static_cast<unsigned char>(s[i + size_t(k)]) & 0xC0) != 0x80) return false;
    i += size_t(len);
  }
  return true;
}

// Problems for fields of the record that are not UTF-8, which JSON (and so the event log) cannot hold.
void check_utf8(const Row& row, const std::vector<std::string>& names) {
  for (size_t i = 0; i < row.fields->size(); ++i)
    if (!valid_utf8((*row.fields)[i]))
      row.problem(i < names.size() ? names[i] : "column " + std::to_string(i + 1),
                  "is not UTF-8 text; save the file as CSV UTF-8");
}

// Reads a date in the given format, or (format empty) ISO 8601 or US month/day/year by its look.
std::optional<Date> read_date(const Row& row, const char* column, const std::string& format) {
  std::string_view text = row.get(column);
  std::string fmt = !format.empty() ? format : text.find('/') != std::string::npos ? "MM/DD/YYYY" : "YYYY-MM-DD";
  Result<Date> d = parse_date(text, fmt);
  if (!d) {
    row.problem(column, d.problems()[0].message);
    return std::nullopt;
  }
  return d.value();
}

std::string money_text(int64_t minor, int digits) { return format_amount(minor, digits); }

// "already imported on 2026-03-01" when a file with this digest was imported and not undone.
std::optional<Problem> already_imported(Db& db, const std::string& file, const std::string& sha) {
  Statement& st = db.prepare("SELECT id, file, at_ms FROM imports WHERE sha256 = ?1 AND retracted = 0 LIMIT 1");
  st.bind_all(sha);
  std::optional<Problem> p;
  if (st.step())
    p = Problem{file, "this file was already imported on " + to_iso(civil_from_days(st.int64(2) / 86400000)) +
                          " (import #" + std::to_string(st.int64(0)) + " of " + st.text(1) +
                          "); nothing was written"};
  st.reset();
  return p;
}

// The ledger's customers by name key, read in one pass when the import starts (one indexed probe per new name
// would cost more for a large file), plus the ones the import creates.
struct KnownCustomer {
  int64_t id = 0;        // customer id
  std::string currency;  // the customer's currency
  std::string terms;     // default terms
};
class CustomerCache {
 public:
  explicit CustomerCache(Db& db) {
    Statement& st = db.prepare("SELECT id, name_key, currency, terms FROM customers WHERE retracted = 0");
    while (st.step()) cache_[st.text(1)] = {st.int64(0), st.text(2), st.text(3)};
    st.reset();
  }
  // The customer named `name` (case-insensitively), or nullptr when there is none. Pointers stay valid.
  const KnownCustomer* find(const std::string& name) const {
    auto it = cache_.find(name_key(name));
    return it == cache_.end() ? nullptr : &it->second;
  }
  const KnownCustomer* remember(const std::string& name, KnownCustomer k) {
    return &(cache_[name_key(name)] = std::move(k));
  }

 private:
  std::unordered_map<std::string, KnownCustomer> cache_;
};

// Raises SQLite's page cache to 256 MiB while a bulk import runs, so the indexes it inserts into at random
// places (by customer) stay in memory instead of being spilled and re-read; restores the setting after.
class BulkCache {
 public:
  explicit BulkCache(Db& db) : db_(db) {
    Statement& st = db_.prepare("PRAGMA cache_size");
    old_ = st.step() ? st.int64(0) : -2000;
    st.reset();
    (void)db_.exec("PRAGMA cache_size = -262144");
  }
  ~BulkCache() { (void)db_.exec("PRAGMA cache_size = " + std::to_string(old_)); }
  BulkCache(const BulkCache&) = delete;
  BulkCache& operator=(const BulkCache&) = delete;

 private:
  Db& db_;
  int64_t old_ = 0;
};

// A bulk import into a ledger small beside the file: a table's secondary indexes are dropped while its rows
// go in and built again once they are all in, within the same transaction. Building an index is one sort;
// keeping it up to date is an insert at a random place per row. For a million invoices that is 12 s against 18 s
// (docs/benchmarks.md). If the import fails, the rollback brings the indexes back as they were; on success they
// are built from the very SQL they were created with (sqlite_master), so migrations stay the one definition.
class DeferredIndexes {
 public:
  // Drops the indexes of `table` except those in `keep` (ones the import reads) when `bulk`; else does nothing.
  DeferredIndexes(Db& db, const char* table, std::initializer_list<std::string_view> keep, bool bulk) : db_(db) {
    if (!bulk) return;
    Statement& st = db_.prepare(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ?1 AND sql IS NOT NULL "
        "ORDER BY name");
    st.bind_all(table);
    std::vector<std::pair<std::string, std::string>> indexes;  // name, CREATE INDEX statement
    while (st.step())
      if (std::find(keep.begin(), keep.end(), st.text_view(0)) == keep.end())
        indexes.emplace_back(st.text(0), st.text(1));
    st.reset();
    // One that cannot be dropped stays and is kept up to date row by row: slower, still right.
    for (auto& [name, create] : indexes)
      if (db_.exec("DROP INDEX \"" + name + "\"")) sql_.push_back(std::move(create));
  }
  // Builds the dropped indexes again. Must be called before the import commits.
  Status restore() {
    std::vector<std::string> sql = std::move(sql_);
    sql_.clear();
    for (const std::string& create : sql)
      if (Status s = db_.exec(create); !s) return s;
    return ok_status();
  }
  // A failed import is rolled back, which restores them anyway; this only makes sure that no path forgets.
  ~DeferredIndexes() { (void)restore(); }
  DeferredIndexes(const DeferredIndexes&) = delete;
  DeferredIndexes& operator=(const DeferredIndexes&) = delete;

 private:
  Db& db_;
  std::vector<std::string> sql_;  // CREATE INDEX statements of the dropped indexes
};

// True when a file of `text` is large beside the `table` it imports into: 10,000 rows or more, and at least a
// quarter of the rows already there (building the index again then costs less than inserting into it).
bool is_bulk(Db& db, const char* table, std::string_view text) {
  constexpr int64_t kBulkRows = 10000;
  const int64_t rows = static_cast<int64_t>(std::count(text.begin(), text.end(), '\n'));
  if (rows < kBulkRows) return false;
  Statement& st = db.prepare(std::string("SELECT coalesce(max(rowid), 0) FROM ") + table);
  const int64_t existing = st.step() ? st.int64(0) : 0;
  st.reset();
  return rows * 4 >= existing;
}

Json import_record(int64_t id, const char* kind, const std::string& file, const std::string& sha, int64_t rows,
                   int64_t invoices, int64_t payments, int64_t customers) {
  return {{"id", id},       {"kind", kind},         {"file", file},         {"sha256", sha},
          {"rows", rows},   {"invoices", invoices}, {"payments", payments}, {"customers", customers}};
}

// ---------------------------------------------------------------------------------------------
// Invoices

// The invoice being gathered from consecutive rows with one InvoiceNo.
struct PendingInvoice {
  std::string number;       // InvoiceNo as written
  std::string number_key;   // lower-cased, to group rows
  int64_t first_line = 0;   // its first row
  std::string customer;     // Customer as written on its first row
  std::string currency;     // resolved currency
  std::optional<Date> issue_date, due_date;  // InvoiceDate, DueDate
  std::string terms;        // Terms text
  std::string memo;         // Memo
  const KnownCustomer* known = nullptr;  // the customer when the ledger (or this import) has it
  std::vector<InvoiceLine> lines;  // one per row
  bool bad = false;         // a row of it has a problem
};

class InvoiceImporter {
 public:
  InvoiceImporter(Db& db, const ImportInvoices& c, int64_t import_id, std::string sha)
      : db_(db), c_(c), import_id_(import_id), sha_(std::move(sha)), customers_(db) {}

  Status run(EventSink& sink) {
    BulkCache cache(db_);
    // The number index stays: every invoice is checked against it.
    DeferredIndexes indexes(db_, "invoices", {"invoices_by_number"}, is_bulk(db_, "invoices", c_.text));
    CsvReader csv(c_.text);
    std::vector<std::string> fields;
    if (!csv.next(fields)) return Problem{c_.file_name + ":1", csv.error().empty() ? "the file is empty" : csv.error()};
    header_ = read_header(fields, {"InvoiceNo", "Customer", "InvoiceDate", "ItemAmount"}, c_.file_name, problems_);
    if (!problems_.empty()) return problems_;
    while (csv.next(fields)) {
      ++rows_;
      Row row{&fields, &header_, c_.file_name, csv.line(), &problems_, problems_.size()};
      if (Status s = read_row(row, sink); !s) return s;
    }
    if (!csv.error().empty()) problems_.push_back({c_.file_name + ":" + std::to_string(csv.line()), csv.error()});
    if (Status s = finish(sink); !s) return s;
    if (Status s = flush(sink); !s) return s;
    if (!problems_.empty()) return problems_;
    if (invoices_ == 0) return Problem{c_.file_name, "the file has no invoice rows"};
    if (Status s = indexes.restore(); !s) return s;
    return sink.emit("import.recorded",
                     import_record(import_id_, "invoices", c_.file_name, sha_, rows_, invoices_, 0, created_));
  }

 private:
  Status read_row(Row& row, EventSink& sink) {
    std::string number(row.get("InvoiceNo"));
    std::string key = lower_ascii(number);
    bool starts_invoice = !number.empty() && (!pending_ || pending_->number_key != key);
    // The invoice before is complete once a row names another: write it (or report it) first, so that its
    // problems are not counted as this row's.
    if (starts_invoice)
      if (Status s = finish(sink); !s) return s;
    row.problems_before = problems_.size();
    check_utf8(row, header_.names);
    if (number.empty()) {
      row.problem("InvoiceNo", "is empty");
      return ok_status();
    }
    if (starts_invoice) start(row, number, key);
    else check_same(row);
    read_line(row);
    if (!row.ok()) pending_->bad = true;
    return ok_status();
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
    if (!p.terms.empty() && !terms_cache_.count(p.terms)) {
      Result<PaymentTerms> t = parse_terms(p.terms);
      if (t) terms_cache_.emplace(p.terms, t.value());
      else row.problem("Terms", messages_of(t.problems()));
    }
    p.memo = row.get("Memo");
    // The currency: the customer's when it exists, else the Currency column, else the default.
    std::string currency(row.get("Currency"));
    for (char& ch : currency)
      if (ch >= 'a' && ch <= 'z') ch = char(ch - 'a' + 'A');
    const KnownCustomer* known = p.customer.empty() ? nullptr : customers_.find(p.customer);
    p.known = known;
    if (!currency.empty() && !is_known_currency(currency))
      row.problem("Currency", "\"" + currency + "\" is not an ISO 4217 currency code");
    else if (known && !currency.empty() && currency != known->currency)
      row.problem("Currency", p.customer + " is invoiced in " + known->currency + ", not " + currency);
    p.currency = known ? known->currency : !currency.empty() ? currency : c_.default_currency;
  }

  // Later rows of an invoice must not contradict its first row.
  void check_same(const Row& row) {
    std::string_view customer = row.get("Customer");
    if (!customer.empty() && name_key(customer) != name_key(pending_->customer))
      row.problem("Customer", "invoice " + pending_->number + " is for " + pending_->customer + " on row " +
                                  std::to_string(pending_->first_line) + ", not " + std::string(customer));
  }

  void read_line(const Row& row) {
    PendingInvoice& p = *pending_;
    const int digits = currency_digits(p.currency);
    InvoiceLine line;
    line.description = row.get("ItemDescription");
    if (line.description.empty()) line.description = row.get("Item");
    if (line.description.empty()) row.problem("ItemDescription", "is empty (EN 16931 BR-25 needs an item name)");
    std::optional<Decimal> quantity = Decimal{1, 0};
    if (std::string_view q = row.get("ItemQuantity"); !q.empty()) {
      Result<Decimal> d = parse_decimal(q);
      if (d) quantity = d.value();
      else row.problem("ItemQuantity", d.problems()[0].message), quantity.reset();
    }
    std::optional<int64_t> amount;
    Result<int64_t> a = parse_amount(row.get("ItemAmount"), digits);
    if (a) amount = a.value();
    else row.problem("ItemAmount", a.problems()[0].message + " (" + p.currency + ")");
    std::optional<int64_t> rate;
    if (std::string_view r = row.get("ItemRate"); !r.empty()) {
      Result<int64_t> parsed = parse_amount(r, digits);
      if (parsed) rate = parsed.value();
      else row.problem("ItemRate", parsed.problems()[0].message + " (" + p.currency + ")");
    } else if (quantity && amount) {
      if (*quantity == Decimal{1, 0}) rate = *amount;
      else row.problem("ItemRate", "is empty; it is needed when ItemQuantity is not 1");
    }
    if (!quantity || !rate || !amount) return;
    // A negative rate (QuickBooks' discount lines) becomes a negative quantity: prices are never negative (BR-27).
    if (*rate < 0) {
      *rate = -*rate;
      quantity = Decimal{-quantity->units, quantity->scale};
    }
    Result<int64_t> product = multiply(*rate, *quantity);
    if (!product) {
      row.problem("ItemAmount", "ItemQuantity × ItemRate is too large");
      return;
    }
    if (product.value() != *amount)
      row.problem("ItemAmount", money_text(*amount, digits) + " is not ItemQuantity × ItemRate = " +
                                    to_string(*quantity) + " × " + money_text(*rate, digits) + " = " +
                                    money_text(product.value(), digits) + " (rounded half-up)");
    line.quantity = *quantity;
    line.unit_price = *rate;
    p.lines.push_back(std::move(line));
  }

  // Writes the gathered invoice if all its rows were good: its customer (created when new), then the invoice.
  Status finish(EventSink& sink) {
    if (!pending_) return ok_status();
    PendingInvoice p = std::move(*pending_);
    pending_.reset();
    if (p.bad) return ok_status();
    auto problem = [&](const char* column, const std::string& message) {
      problems_.push_back({c_.file_name + ":" + std::to_string(p.first_line) + ":" + column, message});
    };
    // The batch not yet written is checked in memory, the rest through the number index.
    if (batch_numbers_.count(p.number_key) || number_taken(db_, "invoice", p.number)) {
      problem("InvoiceNo", "invoice " + p.number + (batch_numbers_.count(p.number_key) ? " appears earlier in this "
                                                    "file; an invoice's rows must be consecutive"
                                                                                      : taken_because(p.number)));
      return ok_status();
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
        for (const Problem& pr : add.problems()) problem(pr.where == "name" ? "Customer" : "Currency", pr.message);
        return ok_status();
      }
      ++next_customer_id_;
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
      return ok_status();
    }
    if (totals->total_with_tax < 0) {
      problem("ItemAmount", "the invoice total is negative; import it as a credit note instead");
      return ok_status();
    }
    content.totals = totals.value();
    content.fields.lines = std::move(p.lines);
    if (next_invoice_id_ == 0) next_invoice_id_ = next_id(db_, "invoices");
    batch_.push_back(imported_invoice(next_invoice_id_++, p.number, content));
    batch_numbers_.insert(std::move(p.number_key));
    ++invoices_;
    return batch_.size() >= kBatch ? flush(sink) : ok_status();
  }

  // Writes the invoices gathered so far as one invoices.imported event, applying the rows as they are rather
  // than parsing the text back. Nothing is written once the file has problems: it is rejected anyway.
  Status flush(EventSink& sink) {
    if (batch_.empty() || !problems_.empty()) return ok_status();
    if (!new_customers_.empty()) {
      Json customers = {{"customers", std::move(new_customers_)}};
      new_customers_ = Json::array();
      if (Status s = sink.emit("customers.added", customers); !s) return s;
    }
    Status s = sink.emit_applied("invoices.imported", imported_invoices_text(import_id_, batch_),
                                 [this](Db& db, const Event& e) {
                                   return insert_imported_invoices(db, e, import_id_, batch_);
                                 });
    batch_.clear();
    batch_numbers_.clear();
    return s;
  }

  // Why `number`, held by an invoice in the ledger, cannot be imported: numbers are never reused, not even those
  // of invoices voided by undoing an import (redo brings those back).
  std::string taken_because(const std::string& number) {
    Statement& st = db_.prepare(
        "SELECT import_id, status, void_reason FROM invoices WHERE number = ?1 COLLATE NOCASE");
    st.bind_all(number);
    std::string why = " already exists in the ledger";
    if (st.step()) {
      if (!st.is_null(0) && st.int64(0) == import_id_)
        why = " appears earlier in this file; an invoice's rows must be consecutive";
      else if (st.text_view(1) == "void" && st.text_view(2) == "import undone")
        why = " was imported before and voided when that import was undone; numbers are never reused, so redo "
              "that import instead";
    }
    st.reset();
    return why;
  }

  Db& db_;
  const ImportInvoices& c_;
  int64_t import_id_;
  std::string sha_;
  Header header_;
  Problems problems_;
  CustomerCache customers_;
  std::unordered_map<std::string, PaymentTerms> terms_cache_;
  std::optional<PendingInvoice> pending_;
  // Invoices per invoices.imported event: large enough that the log holds few events, small enough that undoing
  // or replaying one parses a payload of a few hundred kilobytes.
  static constexpr size_t kBatch = 1000;
  std::vector<ImportedInvoice> batch_;             // rows not yet written
  std::unordered_set<std::string> batch_numbers_;  // their numbers, lower-cased (not in the ledger yet)
  int64_t next_invoice_id_ = 0;                    // id of the next invoice; 0 until the first
  int64_t next_customer_id_ = 0;                   // id of the next new customer; 0 until the first
  Json new_customers_ = Json::array();             // customer.added payloads not yet written
  int64_t rows_ = 0, invoices_ = 0, created_ = 0;
};

// ---------------------------------------------------------------------------------------------
// Payments

class PaymentImporter {
 public:
  PaymentImporter(Db& db, const ImportPayments& c, int64_t import_id, std::string sha)
      : db_(db), c_(c), import_id_(import_id), sha_(std::move(sha)), customers_(db) {}

  Status run(EventSink& sink) {
    BulkCache cache(db_);
    // Allocating reads the invoices (by customer, by number) and, to date a settlement, an invoice's allocations.
    const bool bulk = is_bulk(db_, "payments", c_.text);
    DeferredIndexes payment_indexes(db_, "payments", {}, bulk);
    DeferredIndexes allocation_indexes(db_, "allocations", {"allocations_by_invoice"}, bulk);
    CsvReader csv(c_.text);
    std::vector<std::string> fields;
    if (!csv.next(fields)) return Problem{c_.file_name + ":1", csv.error().empty() ? "the file is empty" : csv.error()};
    Header header = read_header(fields, {"Date", "Customer", "Amount"}, c_.file_name, problems_);
    if (!problems_.empty()) return problems_;
    next_payment_id_ = next_id(db_, "payments");
    next_allocation_id_ = next_id(db_, "allocations");
    while (csv.next(fields)) {
      ++rows_;
      Row row{&fields, &header, c_.file_name, csv.line(), &problems_, problems_.size()};
      check_utf8(row, header.names);
      read_row(row);
      if (batch_.size() >= kBatch)
        if (Status s = flush(sink); !s) return s;
    }
    if (!csv.error().empty()) problems_.push_back({c_.file_name + ":" + std::to_string(csv.line()), csv.error()});
    if (Status s = flush(sink); !s) return s;
    if (!problems_.empty()) return problems_;
    if (payments_ == 0) return Problem{c_.file_name, "the file has no payment rows"};
    if (Status s = payment_indexes.restore(); !s) return s;
    if (Status s = allocation_indexes.restore(); !s) return s;
    return sink.emit("import.recorded",
                     import_record(import_id_, "payments", c_.file_name, sha_, rows_, 0, payments_, 0));
  }

 private:
  // Validates one row and, when the file is still good, allocates it by the rule and adds it to the batch.
  void read_row(const Row& row) {
    std::string name(row.get("Customer"));
    const KnownCustomer* customer = nullptr;
    if (name.empty()) row.problem("Customer", "is empty");
    else if (!(customer = customers_.find(name))) row.problem("Customer", "no customer named \"" + name + "\"");
    std::optional<Date> date = read_date(row, "Date", c_.date_format);
    std::string currency(row.get("Currency"));
    for (char& ch : currency)
      if (ch >= 'a' && ch <= 'z') ch = char(ch - 'a' + 'A');
    if (customer && !currency.empty() && currency != customer->currency)
      row.problem("Currency", "the payment is in " + currency + " but " + name + " is invoiced in " + customer->currency);
    const int digits = currency_digits(customer ? customer->currency : currency);
    Result<int64_t> amount = parse_amount(row.get("Amount"), digits);
    if (!amount) row.problem("Amount", amount.problems()[0].message);
    else if (amount.value() <= 0) row.problem("Amount", "must be more than zero");
    std::string_view method = row.get("Method"), reference = row.get("Reference");
    if (method.size() > 100) row.problem("Method", "is longer than 100 characters");
    if (reference.size() > 200) row.problem("Reference", "is longer than 200 characters");
    if (!row.ok() || !problems_.empty()) return;  // a rejected file writes nothing: stop planning
    ImportedPayment pay;
    pay.id = next_payment_id_++;
    pay.customer_id = customer->id;
    pay.date = to_iso(*date);
    pay.amount = amount.value();
    pay.currency = customer->currency;
    pay.method = std::string(method);
    pay.reference = std::string(reference);
    std::vector<AllocationCandidate> open =
        allocation_candidates(db_, customer->id, pay.amount, reference, &pending_open_);
    for (const AllocationShare& share : allocate_payment(pay.amount, reference, open)) {
      for (const AllocationCandidate& inv : open)
        if (inv.id == share.invoice_id) {
          // Money received before the invoice existed is applied on the invoice date.
          pay.allocations.push_back(
              {next_allocation_id_++, inv.id, share.amount, std::max(pay.date, to_iso(inv.issue_date))});
          pending_open_[inv.id] = inv.open - share.amount;
        }
    }
    batch_.push_back(std::move(pay));
    ++payments_;
  }

  // Writes the batch as one payments.imported event. Later payments were allocated against the open amounts this
  // batch leaves (pending_open_), so the event's rows are exactly what applying them in order does.
  Status flush(EventSink& sink) {
    if (batch_.empty() || !problems_.empty()) return ok_status();
    Status s = sink.emit_applied("payments.imported", imported_payments_text(import_id_, batch_),
                                 [this](Db& db, const Event& e) {
                                   return insert_imported_payments(db, e, import_id_, batch_);
                                 });
    batch_.clear();
    pending_open_.clear();  // now written: the projection has them
    return s;
  }

  static constexpr size_t kBatch = 1000;  // payments per payments.imported event
  Db& db_;
  const ImportPayments& c_;
  int64_t import_id_;
  std::string sha_;
  Problems problems_;
  CustomerCache customers_;
  std::vector<ImportedPayment> batch_;                 // payments not yet written
  std::unordered_map<int64_t, int64_t> pending_open_;  // invoice -> open amount after the unwritten allocations
  int64_t next_payment_id_ = 0, next_allocation_id_ = 0;
  int64_t rows_ = 0, payments_ = 0;
};

// ---------------------------------------------------------------------------------------------
// Projectors

Status apply_recorded(Db& db, const Event& e, const Json& p) {
  return db
      .prepare("INSERT INTO imports(id, kind, file, sha256, rows, invoices, payments, customers, at_ms) "
               "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")
      .bind_all(p["id"].get<int64_t>(), p["kind"].get<std::string>(), p["file"].get<std::string>(),
                p["sha256"].get<std::string>(), p["rows"].get<int64_t>(), p["invoices"].get<int64_t>(),
                p["payments"].get<int64_t>(), p["customers"].get<int64_t>(), e.at_ms)
      .run();
}

Status set_retracted(Db& db, const Json& p, bool retracted) {
  return db.prepare("UPDATE imports SET retracted = ?2 WHERE id = ?1")
      .bind_all(p["id"].get<int64_t>(), int64_t(retracted))
      .run();
}

std::vector<EventDraft> one(const char* type, const Json& payload) { return {{type, to_payload(payload)}}; }

// The file name without its folders, for labels.
std::string base_name(const std::string& path) {
  size_t slash = path.find_last_of("/\\");
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

}  // namespace

const std::vector<Projector>& import_projectors() {
  static const std::vector<Projector> list = {
      {"import.recorded", apply_recorded,
       [](const Event&, const Json& p) { return one("import.retracted", {{"id", p["id"]}}); }},
      {"import.retracted", [](Db& db, const Event&, const Json& p) { return set_retracted(db, p, true); },
       [](const Event&, const Json& p) { return one("import.restored", {{"id", p["id"]}}); }},
      {"import.restored", [](Db& db, const Event&, const Json& p) { return set_retracted(db, p, false); },
       [](const Event&, const Json& p) { return one("import.retracted", {{"id", p["id"]}}); }},
  };
  return list;
}

Result<StreamPlan> stream_command(Db& db, const ImportInvoices& command) {
  std::string sha = sha256_hex(command.text);
  if (std::optional<Problem> p = already_imported(db, command.file_name, sha)) return *p;
  if (!is_known_currency(command.default_currency))
    return Problem{"default_currency", "\"" + command.default_currency + "\" is not an ISO 4217 currency code"};
  StreamPlan plan;
  plan.label = "Import invoices from " + base_name(command.file_name);
  plan.created_id = next_id(db, "imports");
  auto importer = std::make_shared<InvoiceImporter>(db, command, plan.created_id, sha);
  plan.run = [importer](EventSink& sink) { return importer->run(sink); };
  return plan;
}

Result<StreamPlan> stream_command(Db& db, const ImportPayments& command) {
  std::string sha = sha256_hex(command.text);
  if (std::optional<Problem> p = already_imported(db, command.file_name, sha)) return *p;
  StreamPlan plan;
  plan.label = "Import payments from " + base_name(command.file_name);
  plan.created_id = next_id(db, "imports");
  auto importer = std::make_shared<PaymentImporter>(db, command, plan.created_id, sha);
  plan.run = [importer](EventSink& sink) { return importer->run(sink); };
  return plan;
}

}  // namespace duebook

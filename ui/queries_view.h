// The read side the windows draw from: queries over the ledger, plus its revision so windows can cache.
#pragma once

#include "customers/customer_queries.h"
#include "files/imports.h"
#include "files/invoice_export.h"
#include "invoicing/invoice_queries.h"
#include "ledger/ledger.h"

namespace duebook::ui {

class Queries {
 public:
  explicit Queries(Ledger& ledger) : ledger_(ledger) {}
  int64_t revision() const { return ledger_.revision(); }
  std::vector<Customer> customers(const CustomerQuery& q) const { return list_customers(ledger_.db(), q); }
  int64_t customer_count(std::string_view search) const { return count_customers(ledger_.db(), search); }
  std::optional<Customer> customer(int64_t id) const { return find_customer(ledger_.db(), id); }
  std::optional<Customer> customer_by_name(std::string_view name) const {
    return find_customer_by_name(ledger_.db(), name);
  }
  std::vector<InvoiceSummary> invoices(const InvoiceQuery& q) const { return list_invoices(ledger_.db(), q); }
  int64_t invoice_count(const InvoiceQuery& q) const { return count_invoices(ledger_.db(), q); }
  std::vector<Event> events(int64_t from, int64_t to) const { return read_events(ledger_.db(), from, to); }
  int64_t event_count() const { return last_event_seq(ledger_.db()); }
  std::string undo_label() const { return ledger_.undo_label(); }
  // Every issued invoice as the CSV the invoice import reads (files/invoice_export.h).
  std::string invoices_csv() const { return duebook::invoices_csv(ledger_.db()); }
  // Which import a CSV file is for, by its header (files/imports.h).
  Result<CsvImportKind> import_kind(const std::string& file, std::string_view text) const {
    return csv_import_kind(file, text);
  }
  std::string redo_label() const { return ledger_.redo_label(); }

 private:
  Ledger& ledger_;
};

}  // namespace duebook::ui

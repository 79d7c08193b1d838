// The read side the windows draw from: queries over the ledger, plus its revision so windows can cache.
#pragma once

#include "collections/collections_queries.h"
#include "collections/collections_worklist.h"
#include "collections/company_defaults.h"
#include "collections/company_logo.h"
#include "collections/dashboard.h"
#include "customers/customer_queries.h"
#include "files/imports.h"
#include "files/invoice_export.h"
#include "files/journal_export.h"
#include "files/ubl_export.h"
#include "invoicing/invoice_queries.h"
#include "ledger/ledger.h"

namespace duebook::ui {

class Queries {
 public:
  explicit Queries(Ledger& ledger) : ledger_(ledger) {}
  int64_t revision() const { return ledger_.revision(); }
  // The ledger's read-only connection, for windows that call core's query functions directly.
  Db& db() const { return ledger_.db(); }
  std::vector<Customer> customers(const CustomerQuery& q) const { return list_customers(ledger_.db(), q); }
  int64_t customer_count(std::string_view search) const { return count_customers(ledger_.db(), search); }
  std::optional<Customer> customer(int64_t id) const { return find_customer(ledger_.db(), id); }
  std::optional<Customer> customer_by_name(std::string_view name) const {
    return find_customer_by_name(ledger_.db(), name);
  }
  // Customers other than `except_id` whose names look like `name` (customers/customer_queries.h).
  std::vector<Customer> similar_customers(std::string_view name, int64_t except_id) const {
    return duebook::similar_customers(ledger_.db(), name, except_id);
  }
  std::vector<InvoiceSummary> invoices(const InvoiceQuery& q) const { return list_invoices(ledger_.db(), q); }
  int64_t invoice_count(const InvoiceQuery& q) const { return count_invoices(ledger_.db(), q); }
  std::vector<Event> events(int64_t from, int64_t to) const { return read_events(ledger_.db(), from, to); }
  int64_t event_count() const { return last_event_seq(ledger_.db()); }
  std::string undo_label() const { return ledger_.undo_label(); }
  // Every issued invoice as the CSV the invoice import reads, in QuickBooks' or Xero's columns
  // (files/invoice_export.h).
  std::string invoices_csv(InvoiceColumns columns = InvoiceColumns::QuickBooks) const {
    return duebook::invoices_csv(ledger_.db(), columns);
  }
  // The received payments as a bank-statement CSV the payment import reads (files/invoice_export.h).
  std::string payments_csv() const { return duebook::payments_csv(ledger_.db()); }
  // The receivables as an hledger, ledger or beancount journal (files/journal_export.h).
  Result<std::string> journal(JournalDialect dialect) const { return journal_text(ledger_.db(), dialect); }
  // Invoice or credit note `number` as a UBL / Peppol BIS Billing 3.0 e-invoice (files/ubl_export.h).
  Result<std::string> e_invoice(std::string_view number) const { return ubl_document(ledger_.db(), number); }
  // Which import a CSV file is for, by its header (files/imports.h).
  Result<CsvImportKind> import_kind(const std::string& file, std::string_view text) const {
    return csv_import_kind(file, text);
  }
  std::string redo_label() const { return ledger_.redo_label(); }

  // Collections, for the Today window.
  LedgerWorklist worklist(const Date& as_of) const { return load_worklist(ledger_.db(), as_of); }
  std::vector<CollectionInvoice> open_invoices_of(int64_t customer_id, const Date& as_of) const {
    return open_collection_invoices(ledger_.db(), as_of, customer_id);
  }
  std::vector<PromiseStatus> promises_of(int64_t customer_id, const Date& as_of) const {
    return list_promises(ledger_.db(), as_of, customer_id);
  }
  PolicyRecord policy_of(int64_t customer_id) const { return policy_for_customer(ledger_.db(), customer_id); }
  // The name of policy `id` ("Standard" for 0), or "" when there is none.
  std::string policy(int64_t id) const {
    std::optional<PolicyRecord> p = find_policy(ledger_.db(), id);
    return p ? p->policy.name : std::string();
  }
  std::optional<InvoiceDetail> invoice_detail(int64_t id) const { return find_invoice(ledger_.db(), id); }
  CompanyDetails company() const { return company_details(ledger_.db()); }
  // The logo printed on the documents, or nullopt (collections/company_logo.h).
  std::optional<CompanyLogo> company_logo() const { return duebook::company_logo(ledger_.db()); }
  // What new customers, invoices and charges start from (collections/company_defaults.h).
  CompanyDefaults defaults() const { return company_defaults(ledger_.db()); }
  // The numbers the next invoice and credit note would take in `year`.
  NextNumbers next_numbers(int year) const { return duebook::next_numbers(ledger_.db(), year); }
  // The bundled reference rates with those the business added.
  ReferenceRates reference_rates() const { return ledger_reference_rates(ledger_.db()); }
  // The dashboard's figures as of a day (collections/dashboard.h); heavy: call once per change, not per
  // frame.
  Result<Dashboard> dashboard(const Date& as_of) const { return load_dashboard(ledger_.db(), as_of); }

 private:
  Ledger& ledger_;
};

}  // namespace duebook::ui

#include "exports.h"

namespace duebook::ui {

std::string export_invoices_file(Platform& platform, Queries& queries, const Date& today,
                                 InvoiceColumns columns) {
  const bool xero = columns == InvoiceColumns::Xero;
  std::string name = std::string("duebook-invoices-") + (xero ? "xero-" : "") + to_iso(today) + ".csv";
  Result<std::string> saved = platform.save_file(name, queries.invoices_csv(columns), "text/csv");
  return saved ? "Exported the invoices to " + saved.value() : describe(saved.problems());
}

std::string export_payments_file(Platform& platform, Queries& queries, const Date& today) {
  std::string name = "duebook-payments-" + to_iso(today) + ".csv";
  Result<std::string> saved = platform.save_file(name, queries.payments_csv(), "text/csv");
  return saved ? "Exported the payments to " + saved.value() : describe(saved.problems());
}

std::string save_e_invoice_file(Platform& platform, Queries& queries, const std::string& number) {
  Result<std::string> xml = queries.e_invoice(number);
  Result<std::string> saved = xml ? platform.save_file(number + ".xml", xml.value(), "application/xml")
                                  : Result<std::string>(xml.problems());
  return saved ? "Saved the e-invoice to " + saved.value() : "No e-invoice: " + describe(saved.problems());
}

std::string export_journal_file(Platform& platform, Queries& queries, const Date& today,
                                JournalDialect dialect) {
  const char* extension = dialect == JournalDialect::Hledger  ? ".journal"
                          : dialect == JournalDialect::Ledger ? ".ledger"
                                                              : ".beancount";
  Result<std::string> text = queries.journal(dialect);
  if (!text) {
    return describe(text.problems());
  }
  std::string name = "duebook-receivables-" + to_iso(today) + extension;
  Result<std::string> saved = platform.save_file(name, text.value(), "text/plain");
  return saved ? "Exported the journal to " + saved.value() : describe(saved.problems());
}

std::string send_statement_file(Platform& platform, Queries& queries, int64_t customer_id,
                                const Date& today) {
  Result<StatementFile> file = make_statement_file(queries.db(), customer_id, today);
  if (!file) return "No statement file: " + describe(file.problems());
  StatementFile f = std::move(file).value();
  const std::string name = safe_file_name("statement-" + f.customer + "-" + to_iso(today) + ".duebook");
  Result<std::string> saved = platform.save_file(name, write_statement_file(f), "application/json");
  if (!saved) return "The statement file was not saved: " + describe(saved.problems());
  return "Saved the statement file for " + f.customer + " (" + std::to_string(f.invoices.size()) +
         " open invoices) to " + saved.value() + ": send it to the customer to answer in Duebook";
}

std::string safe_file_name(std::string name) {
  for (char& c : name)
    if (c == '/' || c == '\\' || c == ':' || c == ' ' || c == '#') c = '-';
  return name;
}

}  // namespace duebook::ui

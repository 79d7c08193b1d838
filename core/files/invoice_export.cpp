#include "files/invoice_export.h"

#include "base/csv.h"
#include "base/currencies.h"
#include "base/money.h"
#include "invoicing/invoice_queries.h"

namespace duebook {
namespace {

void write_header(CsvWriter& out, InvoiceColumns columns) {
  if (columns == InvoiceColumns::Xero) {
    for (const char* name : {"*ContactName", "*InvoiceNumber", "*InvoiceDate", "*DueDate", "Description",
                             "*Quantity", "*UnitAmount", "*AccountCode", "*TaxType", "Currency"})
      out.value(name);
  } else {
    for (const char* name :
         {"InvoiceNo", "Customer", "Currency", "InvoiceDate", "DueDate", "Terms", "Memo", "ItemDescription",
          "ItemQuantity", "ItemRate", "ItemAmount", "ItemDiscount", "TaxRate", "Total", "Open"})
      out.value(name);
  }
  out.end_record();
}

void write_lines(CsvWriter& out, InvoiceColumns columns, const InvoiceSummary& s, const InvoiceDetail& d) {
  const int digits = currency_digits(s.currency);
  for (const InvoiceLineView& l : d.lines) {
    if (columns == InvoiceColumns::Xero) {
      out.text(s.customer_name).text(s.number).value(s.issue_date).value(s.due_date);
      out.text(l.line.description).value(to_string(l.line.quantity));
      out.value(format_amount(l.line.unit_price, digits)).value("200");
      out.value(to_string(l.line.tax_rate) + "%").value(s.currency);
    } else {
      out.text(s.number).text(s.customer_name).value(s.currency).value(s.issue_date).value(s.due_date);
      out.text(d.terms).text(d.memo).text(l.line.description).value(to_string(l.line.quantity));
      out.value(format_amount(l.line.unit_price, digits))
          .value(format_amount(l.net + l.line.discount, digits));
      out.value(format_amount(l.line.discount, digits)).value(to_string(l.line.tax_rate));
      out.value(format_amount(s.total, digits)).value(format_amount(s.open, digits));
    }
    out.end_record();
  }
}

}  // namespace

std::optional<InvoiceColumns> invoice_columns(std::string_view name) {
  if (name == "quickbooks") return InvoiceColumns::QuickBooks;
  if (name == "xero") return InvoiceColumns::Xero;
  return std::nullopt;
}

std::string invoices_csv(Db& db, InvoiceColumns columns) {
  CsvWriter out;
  write_header(out, columns);
  InvoiceQuery query;
  query.limit = 1000;  // a page at a time, so a large ledger is never held whole
  for (;; query.offset += query.limit) {
    std::vector<InvoiceSummary> page = list_invoices(db, query);
    for (const InvoiceSummary& s : page) {
      if (s.status == InvoiceStatus::Draft || s.status == InvoiceStatus::Void) continue;
      std::optional<InvoiceDetail> d = find_invoice(db, s.id);
      if (d) write_lines(out, columns, s, *d);
    }
    if (int64_t(page.size()) < query.limit) break;
  }
  return out.str();
}

std::string payments_csv(Db& db) {
  std::vector<PaymentSummary> all;
  PaymentQuery query;
  query.limit = 1000;
  for (;; query.offset += query.limit) {
    std::vector<PaymentSummary> page = list_payments(db, query);
    all.insert(all.end(), page.begin(), page.end());
    if (int64_t(page.size()) < query.limit) break;
  }
  CsvWriter out;
  for (const char* name : {"Date", "Customer", "Amount", "Currency", "Method", "Reference"}) out.value(name);
  out.end_record();
  for (auto it = all.rbegin(); it != all.rend(); ++it) {  // the list is newest first
    if (it->status != "received") continue;
    out.value(it->date)
        .text(it->customer_name)
        .value(format_amount(it->amount, currency_digits(it->currency)));
    out.value(it->currency).text(it->method).text(it->reference).end_record();
  }
  return out.str();
}

}  // namespace duebook

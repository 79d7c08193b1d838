#include "files/invoice_export.h"

#include "base/csv.h"
#include "base/currencies.h"
#include "base/money.h"
#include "invoicing/invoice_queries.h"

namespace duebook {

std::string invoices_csv(Db& db) {
  CsvWriter out;
  for (const char* name :
       {"InvoiceNo", "Customer", "Currency", "InvoiceDate", "DueDate", "Terms", "Memo", "ItemDescription",
        "ItemQuantity", "ItemRate", "ItemAmount", "ItemDiscount", "TaxRate", "Total", "Open"})
    out.value(name);
  out.end_record();
  InvoiceQuery query;
  query.limit = 1000;  // a page at a time, so a large ledger is never held whole
  for (;; query.offset += query.limit) {
    std::vector<InvoiceSummary> page = list_invoices(db, query);
    for (const InvoiceSummary& s : page) {
      if (s.status == InvoiceStatus::Draft || s.status == InvoiceStatus::Void) continue;
      std::optional<InvoiceDetail> d = find_invoice(db, s.id);
      if (!d) continue;
      const int digits = currency_digits(s.currency);
      for (const InvoiceLineView& l : d->lines) {
        out.text(s.number).text(s.customer_name).value(s.currency).value(s.issue_date).value(s.due_date);
        out.text(d->terms).text(d->memo).text(l.line.description).value(to_string(l.line.quantity));
        out.value(format_amount(l.line.unit_price, digits))
            .value(format_amount(l.net + l.line.discount, digits));
        out.value(format_amount(l.line.discount, digits)).value(to_string(l.line.tax_rate));
        out.value(format_amount(s.total, digits)).value(format_amount(s.open, digits));
        out.end_record();
      }
    }
    if (int64_t(page.size()) < query.limit) break;
  }
  return out.str();
}

}  // namespace duebook

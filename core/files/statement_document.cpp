#include "files/statement_document.h"

#include "base/currencies.h"
#include "collections/collections_queries.h"
#include "customers/customer_queries.h"
#include "files/document_parts.h"
#include "reports/statement.h"
#include "store/events.h"

namespace duebook {

namespace {

// "Invoice", "Payment", "Credit note", ... for a statement line.
std::string kind_text(StatementLineKind kind) {
  std::string text = to_string(kind);
  for (char& c : text)
    if (c == '_') c = ' ';
  text[0] = char(text[0] - 'a' + 'A');
  return text;
}

void statement_section(PdfDocument& doc, const CustomerStatement& s, const StatementSection& section,
                       const CompanyDetails& company, const std::string& reference) {
  const std::string currency(section.currency.code);
  const int digits = section.currency.minor_digits;
  doc.keep(120);
  doc.text(PdfDocument::kMargin, "Account in " + currency, 11, true);
  doc.down(16);
  std::vector<std::vector<std::string>> rows{{to_iso(add_days(s.from, -1)), "", "Balance brought forward", "",
                                              format_amount(section.opening_balance, digits)}};
  for (const StatementLine& l : section.lines)
    rows.push_back({to_iso(l.date), kind_text(l.kind), l.reference, format_amount(l.amount, digits),
                    format_amount(l.balance, digits)});
  rows.push_back({to_iso(s.to), "", "Balance due", "", format_amount(section.closing_balance, digits)});
  doc.table(PdfDocument::kMargin,
            {{"Date", 62},
             {"What", 78},
             {"Reference", 185},
             {"Amount", 85, PdfAlign::Right},
             {"Balance", 85, PdfAlign::Right}},
            rows, {0, rows.size() - 1});
  if (!s.bucket_names.empty()) {
    doc.down(8);
    std::vector<PdfColumn> columns;
    std::vector<std::string> cells;
    const float width = 495.f / float(s.bucket_names.size() + 2);
    for (size_t b = 0; b < s.bucket_names.size(); ++b) {
      columns.push_back({s.bucket_names[b], width, PdfAlign::Right});
      cells.push_back(format_amount(b < section.aging.buckets.size() ? section.aging.buckets[b] : 0, digits));
    }
    columns.push_back({"Credit", width, PdfAlign::Right});
    cells.push_back(format_amount(-section.aging.unapplied_credit, digits));
    columns.push_back({"Balance due", width, PdfAlign::Right});
    cells.push_back(format_amount(section.closing_balance, digits));
    doc.text(PdfDocument::kMargin, "Balance due by age (days past due)", 9.5f, true);
    doc.down(14);
    doc.table(PdfDocument::kMargin, columns, {cells}, {0});
  }
  payment_instructions(doc, company, section.closing_balance, currency, reference);
  doc.down(10);
}

}  // namespace

Result<std::string> statement_pdf(Db& db, const PdfFonts& fonts, int64_t customer_id, const Date& from,
                                  const Date& to) {
  Result<CustomerStatement> statement = load_customer_statement(db, customer_id, from, to);
  if (!statement) return statement.problems();
  std::optional<Customer> customer = find_customer(db, customer_id);
  if (!customer) return Problem{"customer_id", "no customer with id " + std::to_string(customer_id)};
  const CompanyDetails company = company_details(db);
  auto doc = start_document(fonts, company, "Statement for " + customer->fields.name, chain_anchor(db));
  if (!doc) return doc.problems();
  PdfDocument& pdf = *doc.value();
  address_and_facts(pdf, *customer, "", "Statement",
                    {{"Customer number", std::to_string(customer_id)},
                     {"Period", to_iso(from) + " to " + to_iso(to)},
                     {"Statement date", to_iso(to)}});
  if (statement->sections.empty()) {
    pdf.text(PdfDocument::kMargin, "Nothing is owed and nothing moved in this period.", 10);
    pdf.down(14);
  }
  const std::string reference = "Customer " + std::to_string(customer_id) + " statement " + to_iso(to);
  for (const StatementSection& section : statement->sections)
    statement_section(pdf, statement.value(), section, company, reference);
  return pdf.finish();
}

}  // namespace duebook

#include "files/statement_document.h"

#include <algorithm>

#include "base/currencies.h"
#include "collections/collections_queries.h"
#include "customers/customer_queries.h"
#include "files/account_words.h"
#include "files/document_parts.h"
#include "files/document_words.h"
#include "reports/statement.h"
#include "store/events.h"

namespace duebook {

namespace {

void statement_section(PdfDocument& doc, const CustomerStatement& s, const StatementSection& section,
                       const CompanyDetails& company, const std::string& reference, Language language) {
  const AccountWords& w = account_words(language);
  const DocumentWords& dw = document_words(language);
  const Locale& locale = document_locale(language);
  const std::string currency(section.currency.code);
  const int digits = section.currency.minor_digits;
  auto number = [&](int64_t minor) { return document_number(minor, digits, language); };
  doc.keep(120);
  doc.text(PdfDocument::kMargin, fill(w.account_in, {{'c', currency}}), 11, true);
  doc.down(16);
  std::vector<std::vector<std::string>> rows{{format_date(add_days(s.from, -1), locale), "",
                                              w.brought_forward, "", number(section.opening_balance)}};
  for (const StatementLine& l : section.lines)
    rows.push_back({format_date(l.date, locale), kind_word(w, l.kind), l.reference, number(l.amount),
                    number(l.balance)});
  rows.push_back({format_date(s.to, locale), "", w.balance_due, "", number(section.closing_balance)});
  // The kind column grows to its longest word ("Ausbuchung aufgehoben", "Remboursement") so that no kind is
  // cut short; the reference beside it gives way, as a reference is cut at its least telling end. The
  // amounts need no more than 75 points ("-1.234.567,89"), which leaves the reference room for a German or
  // French "INV-2026-0001, fällig am 31.12.2026".
  float what = std::max(78.f, doc.text_width(w.what, 9, true) + 6);
  for (const StatementLine& l : section.lines)
    what = std::max(what, doc.text_width(kind_word(w, l.kind), 9) + 6);
  doc.table(PdfDocument::kMargin,
            {{dw.date, 62},
             {w.what, what},
             {dw.reference, 283 - what},
             {dw.amount, 75, PdfAlign::Right},
             {w.balance, 75, PdfAlign::Right}},
            rows, {0, rows.size() - 1});
  if (!s.bucket_names.empty()) {
    doc.down(8);
    std::vector<PdfColumn> columns;
    std::vector<std::string> cells;
    for (size_t b = 0; b < s.bucket_names.size(); ++b) {
      // The aging names its buckets by days ("1-30", "90+"); only the one not yet due is a word.
      const std::string& name = s.bucket_names[b];
      columns.push_back({name == "current" ? w.not_yet_due : name, 0, PdfAlign::Right});
      cells.push_back(number(b < section.aging.buckets.size() ? section.aging.buckets[b] : 0));
    }
    columns.push_back({w.credit, 0, PdfAlign::Right});
    cells.push_back(number(-section.aging.unapplied_credit));
    columns.push_back({w.balance_due, 0, PdfAlign::Right});
    cells.push_back(number(section.closing_balance));
    // Equal columns, but none narrower than its head ("Offener Saldo", "Saldo pendiente"): the widened ones
    // take their room from the others.
    const float equal = 495.f / float(columns.size());
    float wide = 0;
    size_t narrow = 0;
    for (PdfColumn& c : columns) {
      c.width = std::max(equal, doc.text_width(c.title, 9, true) + 8);
      if (c.width > equal)
        wide += c.width;
      else
        ++narrow;
    }
    for (PdfColumn& c : columns)
      if (c.width <= equal && narrow) c.width = (495.f - wide) / float(narrow);
    doc.text(PdfDocument::kMargin, w.by_age, 9.5f, true);
    doc.down(14);
    doc.table(PdfDocument::kMargin, columns, {cells}, {0});
  }
  payment_instructions(doc, company, section.closing_balance, currency, reference, language);
  doc.down(10);
}

}  // namespace

Result<std::string> statement_pdf(Db& db, const PdfFonts& fonts, int64_t customer_id, const Date& from,
                                  const Date& to, std::optional<Language> chosen) {
  std::optional<Customer> customer = find_customer(db, customer_id);
  if (!customer) return Problem{"customer_id", "no customer with id " + std::to_string(customer_id)};
  const Language language = chosen.value_or(customer_language(customer->fields));
  Result<CustomerStatement> statement =
      load_customer_statement(db, customer_id, from, to, default_aging_buckets(), language);
  if (!statement) return statement.problems();
  const AccountWords& w = account_words(language);
  const Locale& locale = document_locale(language);
  const CompanyDetails company = company_details(db);
  auto doc = start_document(db, fonts, company, fill(w.statement_file_title, {{'c', customer->fields.name}}),
                            language);
  if (!doc) return doc.problems();
  PdfDocument& pdf = *doc.value();
  address_and_facts(
      pdf, *customer, "", w.statement,
      {{document_words(language).customer_number, std::to_string(customer_id)},
       {w.period, fill(w.period_range, {{'f', format_date(from, locale)}, {'t', format_date(to, locale)}})},
       {w.statement_date, format_date(to, locale)}},
      language);
  if (statement->sections.empty()) {
    pdf.text(PdfDocument::kMargin, w.nothing_moved, 10);
    pdf.down(14);
  }
  const std::string reference =
      fill(w.transfer_reference, {{'n', std::to_string(customer_id)}, {'d', format_date(to, locale)}});
  for (const StatementSection& section : statement->sections)
    statement_section(pdf, statement.value(), section, company, reference, language);
  return pdf.finish();
}

}  // namespace duebook

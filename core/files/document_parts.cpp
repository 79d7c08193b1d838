#include "files/document_parts.h"

#include <algorithm>
#include <optional>

#include "base/bank.h"
#include "base/money.h"
#include "collections/company_logo.h"
#include "files/document_words.h"
#include "files/epc_qr.h"
#include "store/events.h"

namespace duebook {

std::string document_money(int64_t minor, const std::string& currency) {
  return document_money(minor, currency, iso_locale());
}

std::string document_money(int64_t minor, const std::string& currency, const Locale& locale) {
  Result<CurrencyCode> code = parse_currency_code(currency);
  return format_money(Money{minor, code ? code.value() : CurrencyCode{}}, locale);
}

std::string shown_date(const std::string& iso_text, const Locale& locale) {
  Result<Date> date = parse_date(iso_text);
  return date ? format_date(*date, locale) : iso_text;
}

Result<std::unique_ptr<PdfDocument>> start_document(Db& db, const PdfFonts& fonts,
                                                    const CompanyDetails& company, const std::string& title,
                                                    Language language) {
  Result<std::unique_ptr<PdfDocument>> doc = PdfDocument::create(fonts, title);
  if (!doc) return doc;
  if (std::optional<RasterImage> logo = company_logo_image(db)) doc.value()->set_logo(*logo);
  std::vector<std::string> lines{company.name.empty() ? std::string("(company name not set)") : company.name};
  size_t start = 0;
  while (start < company.address.size()) {
    size_t end = company.address.find('\n', start);
    if (end == std::string::npos) end = company.address.size();
    if (end > start) lines.push_back(company.address.substr(start, end - start));
    start = end + 1;
  }
  if (!company.phone.empty()) lines.push_back(document_words(language).phone + company.phone);
  if (!company.email.empty()) lines.push_back(company.email);
  std::string footer = company.name;
  if (!company.iban.empty()) footer += "  ·  IBAN " + print_iban(company.iban);
  if (!company.bic.empty()) footer += "  ·  BIC " + company.bic;
  footer += "  ·  " + fill(document_words(language).ledger, {{'a', chain_anchor(db)}});
  doc.value()->set_letterhead(lines, footer);
  return doc;
}

void address_and_facts(PdfDocument& doc, const Customer& customer, const std::string& attention,
                       const std::string& title,
                       const std::vector<std::pair<std::string, std::string>>& facts, Language language) {
  const DocumentWords& words = document_words(language);
  const float top = doc.y();
  std::vector<std::pair<std::string, bool>> left{{customer.fields.name, true}};
  if (!attention.empty()) left.push_back({words.attention + attention, false});
  size_t start = 0;
  const std::string& address = customer.fields.address;
  while (start < address.size()) {
    size_t end = address.find('\n', start);
    if (end == std::string::npos) end = address.size();
    if (end > start) left.push_back({address.substr(start, end - start), false});
    start = end + 1;
  }
  if (!customer.fields.tax_id.empty()) left.push_back({words.tax_id + customer.fields.tax_id, false});
  for (const auto& [line, bold] : left) {
    doc.text(PdfDocument::kMargin, line, 10, bold);
    doc.down(13);
  }
  const float left_bottom = doc.y();
  doc.down(doc.y() - top);  // back to the top: down() with a negative distance
  // A long title ("Ratenzahlungsvereinbarung", "Échéancier de paiement") is set smaller rather than run
  // past the right margin.
  const float title_width = doc.text_width(title, 16, true);
  const float room = PdfDocument::kRight - 340;
  doc.text(340, title, title_width > room ? 16 * room / title_width : 16, true);
  doc.down(20);
  for (const auto& [label, value] : facts) {
    doc.text(340, label, 9);
    doc.text_right(PdfDocument::kRight, value, 9, true);
    doc.down(12.5f);
  }
  const float right_bottom = doc.y();
  doc.down(doc.y() - std::min(left_bottom, right_bottom) + 14);
}

void totals_block(PdfDocument& doc, const std::vector<std::pair<std::string, std::string>>& rows,
                  bool bold_last) {
  doc.down(4);
  doc.keep(float(rows.size()) * 14 + 4);
  for (size_t i = 0; i < rows.size(); ++i) {
    const bool bold = bold_last && i + 1 == rows.size();
    doc.text_right(420, rows[i].first, bold ? 10.5f : 9.5f, bold);
    doc.text_right(PdfDocument::kRight, rows[i].second, bold ? 10.5f : 9.5f, bold);
    doc.down(14);
  }
}

void payment_instructions(PdfDocument& doc, const CompanyDetails& company, int64_t amount,
                          const std::string& currency, const std::string& reference, Language language) {
  if (amount <= 0) return;
  const DocumentWords& words = document_words(language);
  std::optional<QrMatrix> qr;
  if (currency == "EUR" && !company.iban.empty()) {
    const std::string name = company.account_name.empty() ? company.name : company.account_name;
    if (Result<std::string> payload =
            epc_payload({company.bic, name, company.iban, currency, amount, reference}))
      if (Result<QrMatrix> matrix = qr_matrix(payload.value())) qr = matrix.value();
  }
  constexpr float qr_size = 96;
  doc.down(10);
  doc.keep(qr ? qr_size + 30 : 90);
  doc.text(PdfDocument::kMargin, words.how_to_pay, 11, true);
  doc.down(16);
  const float top = doc.y();
  std::vector<std::pair<std::string, std::string>> rows;
  if (company.iban.empty()) {
    rows.push_back(
        {words.bank_details,
         fill(words.ask_for_bank, {{'c', company.name.empty() ? std::string("us") : company.name}})});
  } else {
    rows.push_back({words.account_name, company.account_name.empty() ? company.name : company.account_name});
    rows.push_back({"IBAN", print_iban(company.iban)});
    if (!company.bic.empty()) rows.push_back({"BIC", company.bic});
  }
  rows.push_back({words.amount, document_money(amount, currency, document_locale(language))});
  rows.push_back({words.reference, reference});
  float value_x = 140;  // the values' column, moved right when a label ("Verwendungszweck") is longer
  for (const auto& row : rows)
    value_x = std::max(value_x, PdfDocument::kMargin + doc.text_width(row.first, 9) + 10);
  for (const auto& [label, value] : rows) {
    doc.text(PdfDocument::kMargin, label, 9);
    doc.text(value_x, value, 9, label == words.reference || label == words.amount);
    doc.down(13);
  }
  if (qr) {
    const float after_rows = doc.y();
    doc.down(doc.y() - top - 8);  // back up beside the rows
    doc.qr_code(PdfDocument::kRight - qr_size, *qr, qr_size);
    doc.down(qr_size + 9);
    doc.text_right(PdfDocument::kRight, words.scan_to_pay, 7);
    doc.down(std::max(0.f, doc.y() - after_rows) + 8);
  }
}

}  // namespace duebook

// The printed documents' building blocks: IBAN and BIC checks, the EPC QR payload and its QR matrix, the PDF
// writer (fonts embedded, bytes out), a document recorded as sent, and the documents' refusals.
#include <doctest/doctest.h>

#include <string>

#include "base/bank.h"
#include "collections/customer_timeline.h"
#include "files/epc_qr.h"
#include "files/evidence_document.h"
#include "files/invoice_document.h"
#include "files/pdf_document.h"
#include "test_support.h"

using namespace duebook;

namespace {

PdfFonts test_fonts() {
  return {DUEBOOK_TEST_FONT_DIR "/DejaVuSans.ttf", DUEBOOK_TEST_FONT_DIR "/DejaVuSans-Bold.ttf"};
}

}  // namespace

TEST_CASE("IBANs are checked by ISO 13616's mod-97 rule and printed in groups of four") {
  // Valid examples: DE89... and GB82... are the examples of ISO 13616-1 / the SWIFT IBAN registry; BE72... is
  // the beneficiary of the sample code in EPC069-12 §3.5.
  struct Case {
    const char* text;
    const char* electronic;  // "" = refused
  } cases[] = {
      {"DE89 3704 0044 0532 0130 00", "DE89370400440532013000"},
      {"gb82 west 1234 5698 7654 32", "GB82WEST12345698765432"},
      {"BE72000000001616", "BE72000000001616"},
      {"DE88 3704 0044 0532 0130 00", ""},  // check digits off by one
      {"DE89 3704", ""},                    // too short
      {"89DE 3704 0044 0532 0130 00", ""},  // no country code first
      {"DE89 3704 0044 0532 0130 0!", ""},  // not a letter or digit
  };
  for (const Case& c : cases) {
    Result<std::string> r = normalize_iban(c.text, "iban");
    CAPTURE(c.text);
    CHECK(r.ok() == (*c.electronic != 0));
    if (r) CHECK(r.value() == c.electronic);
    if (!r) CHECK(r.problems()[0].where == "iban");
  }
  CHECK(print_iban("DE89370400440532013000") == "DE89 3704 0044 0532 0130 00");
}

TEST_CASE("BICs are 8 or 11 characters: bank, country, location, branch (ISO 9362)") {
  CHECK(normalize_bic("cobadeffxxx", "bic").value() == "COBADEFFXXX");
  CHECK(normalize_bic("DEUTDEFF", "bic").value() == "DEUTDEFF");
  CHECK_FALSE(normalize_bic("DEUT1EFF", "bic").ok());  // the country must be letters
  CHECK_FALSE(normalize_bic("DEUTDEF", "bic").ok());   // 7 characters
  std::string iban = "de89 3704 0044 0532 0130 00", bic = "bad";
  Problems p = normalize_bank_account(iban, bic);
  REQUIRE(p.size() == 1);
  CHECK(p[0].where == "bic");
  CHECK(iban == "DE89370400440532013000");
}

TEST_CASE("the EPC QR payload follows EPC069-12 version 002, line by line") {
  // EPC069-12 v2.1 §3.4 and the sample of §3.5 (Red Cross of Belgium, BPOTBEB1, BE72000000001616, EUR 1,
  // "Urgency fund"): service tag, version, character set 1 = UTF-8, SCT, BIC, name, IBAN, amount, purpose
  // (empty here), structured reference (empty: an invoice number is not an RF reference), remittance text.
  EpcTransfer t{"BPOTBEB1", "Red Cross of Belgium", "BE72 0000 0000 1616", "EUR", 100, "Urgency fund"};
  Result<std::string> p = epc_payload(t);
  REQUIRE(p.ok());
  CHECK(p.value() ==
        "BCD\n002\n1\nSCT\nBPOTBEB1\nRed Cross of Belgium\nBE72000000001616\nEUR1.00\n\n\nUrgency fund");
  t.bic = "";  // optional in version 002
  t.amount = 123456;
  t.reference = "";
  CHECK(epc_payload(t).value() == "BCD\n002\n1\nSCT\n\nRed Cross of Belgium\nBE72000000001616\nEUR1234.56");

  struct Bad {
    EpcTransfer transfer;
    const char* where;
  } bad[] = {
      {{"", "Acme", "BE72000000001616", "USD", 100, ""}, "currency"},         // SEPA is euro only
      {{"", "Acme", "BE72000000001616", "EUR", 0, ""}, "amount"},             // at least EUR 0.01
      {{"", "Acme", "BE72000000001616", "EUR", 100000000000, ""}, "amount"},  // at most 999 999 999.99
      {{"", std::string(71, 'n'), "BE72000000001616", "EUR", 100, ""}, "bank.name"},  // name ≤ 70
      {{"", "Acme", "BE73000000001616", "EUR", 100, ""}, "bank.iban"},
      {{"", "Acme", "BE72000000001616", "EUR", 100, std::string(141, 'r')}, "reference"},  // text ≤ 140
  };
  for (const Bad& b : bad) {
    Result<std::string> r = epc_payload(b.transfer);
    REQUIRE_FALSE(r.ok());
    CHECK(r.problems()[0].where == b.where);
  }
}

TEST_CASE("the QR matrix of a payload has the QR code's finder patterns") {
  Result<QrMatrix> m = qr_matrix("BCD\n002\n1\nSCT\n\nAcme\nBE72000000001616\nEUR10.00");
  REQUIRE(m.ok());
  CHECK(m->width >= 21);
  CHECK((m->width - 21) % 4 == 0);  // version v is 17 + 4v modules wide
  auto dark = [&](int row, int col) { return bool(m->dark[size_t(row * m->width + col)]); };
  for (int i = 0; i < 7; ++i) {
    // The top-left finder pattern: a dark 7×7 ring around a light ring around a dark 3×3 core.
    CHECK(dark(0, i));
    CHECK(dark(6, i));
    CHECK(dark(i, 0));
    CHECK(dark(i, m->width - 1));  // the top-right pattern's outer column
  }
  CHECK_FALSE(dark(1, 1));
  CHECK(dark(3, 3));
}

TEST_CASE("a PDF embeds its fonts, keeps UTF-8 text and numbers its pages") {
  auto doc = PdfDocument::create(test_fonts(), "Test");
  REQUIRE(doc.ok());
  PdfDocument& pdf = *doc.value();
  pdf.set_letterhead({"Nordlicht GmbH", "Hauptstraße 1"}, "footer");
  pdf.text(PdfDocument::kMargin, "Müller € 1.234,50 £ ¥");
  CHECK(pdf.text_width("WWW") > pdf.text_width("iii"));
  std::vector<std::vector<std::string>> rows(120, {"line", "1.00"});
  pdf.table(PdfDocument::kMargin, {{"What", 200}, {"Amount", 100, PdfAlign::Right}}, rows);
  CHECK(pdf.page() >= 3);  // 120 rows of 14 points do not fit on two A4 pages
  Result<std::string> bytes = pdf.finish();
  REQUIRE(bytes.ok());
  CHECK(bytes->rfind("%PDF-1.", 0) == 0);
  CHECK(bytes->find("%%EOF") != std::string::npos);
  CHECK(bytes->find("/FontFile2") != std::string::npos);  // the TrueType font is embedded
  CHECK(bytes->find("/ToUnicode") != std::string::npos);  // text maps back to Unicode (selectable)

  Result<std::unique_ptr<PdfDocument>> missing = PdfDocument::create({"/nonexistent/font.ttf", "x"}, "T");
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.problems()[0].where == "font");
}

TEST_CASE("documents refuse unknown records and bad levels without writing anything") {
  TestLedger t;
  const size_t events = read_events(t->db()).size();
  Result<std::string> none = invoice_pdf(t->db(), test_fonts(), 99);
  REQUIRE_FALSE(none.ok());
  CHECK(none.problems()[0].where == "invoice");
  Result<ReminderFigures> level = reminder_figures(t->db(), 99, {4, Date{2026, 3, 1}});
  REQUIRE_FALSE(level.ok());
  CHECK(level.problems()[0].where == "level");
  EvidenceOptions o;
  o.customer_id = 42;
  o.as_of = Date{2026, 3, 1};
  CHECK(evidence_pdf(t->db(), test_fonts(), o).problems()[0].where == "customer");
  CHECK(read_events(t->db()).size() == events);
}

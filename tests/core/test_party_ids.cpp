// A customer's country and e-invoice address: the code lists they are checked against (ISO 3166-1 alpha-2;
// Peppol BIS Billing 3.0's electronic address, BT-49: "SCHEME:ID" with a scheme of the EAS code list), the
// customer fields that hold them, and the UBL buyer they make.
#include <doctest/doctest.h>

#include "base/party_ids.h"
#include "collections/collection_commands.h"
#include "customers/customer_commands.h"
#include "customers/customer_queries.h"
#include "files/ubl_export.h"
#include "invoicing/invoice_commands.h"
#include "receivables_checks.h"
#include "test_support.h"

using namespace duebook;

TEST_CASE("ISO 3166-1 alpha-2: assigned codes only, in capitals") {
  // Source: ISO 3166-1 (Debian iso-codes 4.15). GB is the United Kingdom's code, UK is not assigned; EU is a
  // reserved code, not a country; XK (Kosovo) is user-assigned, not in the standard.
  struct Row {
    const char* code;
    bool assigned;
  };
  const Row rows[] = {{"AD", true},  {"DE", true},  {"FR", true}, {"GB", true},   {"IE", true},
                      {"US", true},  {"ZW", true},  {"AX", true}, {"UK", false},  {"EU", false},
                      {"XK", false}, {"de", false}, {"D", false}, {"DEU", false}, {"", false},
                      {"ZZ", false}, {"AA", false}};
  for (const Row& r : rows) {
    CAPTURE(r.code);
    CHECK(is_iso_country(r.code) == r.assigned);
  }
}

TEST_CASE("an electronic address is SCHEME:ID with a four-digit ICD or a two-letter scheme") {
  // Source: Peppol BIS Billing 3.0, BT-34/BT-49 and the EAS code list: ISO 6523 ICDs such as 0088 (GLN),
  // 0192 (Norwegian organisation number), 9930 (German VAT number) and the letter codes EM (email), AN, AQ,
  // AS.
  for (const char* good : {"0088:5790000435975", "0192:987654321", "9930:DE123456789", "EM:ap@example.com",
                           "0009:12345678900012"}) {
    CAPTURE(good);
    CHECK_FALSE(endpoint_problem(good).has_value());
  }
  struct Row {
    const char* text;
    const char* says;
  };
  const Row bad[] = {{"5790000435975", "is not SCHEME:ID"},
                     {"GLN:5790000435975", "scheme \"GLN\" is not an electronic address scheme"},
                     {"088:5790000435975", "scheme \"088\""},
                     {"em:ap@example.com", "scheme \"em\""},
                     {":5790000435975", "scheme \"\""},
                     {"0088:", "is empty"},
                     {"0088:579 000", "holds a space"},
                     {"0088:5790\xc3\xa9", "not printable ASCII"}};
  for (const Row& r : bad) {
    CAPTURE(r.text);
    std::optional<std::string> problem = endpoint_problem(r.text);
    REQUIRE(problem.has_value());
    CHECK(problem->find(r.says) != std::string::npos);
  }
  CHECK(endpoint_problem("0088:" + std::string(100, '1')) == std::nullopt);
  CHECK(endpoint_problem("0088:" + std::string(101, '1'))->find("longer than 100") != std::string::npos);
}

TEST_CASE("a customer's country and endpoint: checked, stored, replayed, and used as the UBL buyer's") {
  TestLedger t;
  CustomerFields f = customer_fields("Crème SARL", "EUR");
  f.address = "12 Rue de la Paix\n75002 Paris";
  f.country = " fr ";
  f.endpoint = "0009:12345678900012";
  Result<ActionOutcome> added = t->execute(AddCustomer{f});
  REQUIRE(added.ok());
  std::optional<Customer> stored = find_customer(t->db(), 1);
  REQUIRE(stored);
  CHECK(stored->fields.country == "FR");  // trimmed and in capitals
  CHECK(stored->fields.endpoint == "0009:12345678900012");

  // Refused by field; the stored customer is unchanged.
  CustomerFields bad = stored->fields;
  bad.country = "UK";
  Result<ActionOutcome> refused = t->execute(EditCustomer{1, bad});
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.problems().front().where == "country");
  bad = stored->fields;
  bad.endpoint = "GLN:123";
  refused = t->execute(EditCustomer{1, bad});
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.problems().front().where == "endpoint");
  CHECK(find_customer(t->db(), 1)->fields.country == "FR");

  // Replaying the log gives the same customers table.
  const std::string before = dump_projections(t->db());
  REQUIRE(t->rebuild().ok());
  CHECK(dump_projections(t->db()) == before);

  // The e-invoice's buyer: country and endpoint from the fields (the address has no country line, and there
  // is no billing email).
  CompanyDetails company;  // the seller's fields Peppol needs (BT-27, BT-40, BT-31, BT-34)
  company.name = "Duebook Demo GmbH";
  company.address = "Hauptstr. 1\n10115 Berlin\nDE";
  company.vat_id = "DE123456789";
  company.endpoint = "0088:5790000435975";
  REQUIRE(t->execute(SetCompanyDetails{company}).ok());
  REQUIRE(t->execute(AddInvoice{invoice_for(1, "2026-03-01", 10000), true}).ok());
  Result<std::string> xml = ubl_document(t->db(), "INV-2026-0001");
  REQUIRE_MESSAGE(xml.ok(), (xml.ok() ? "" : describe(xml.problems())));
  CHECK(xml->find("<cbc:EndpointID schemeID=\"0009\">12345678900012</cbc:EndpointID>") != std::string::npos);
  CHECK(xml->find("<cbc:IdentificationCode>FR</cbc:IdentificationCode>") != std::string::npos);
}

// Invoice lines as typed in the invoice form and on the command line.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "invoicing/invoice_lines.h"

namespace duebook {
namespace {

TEST_CASE("invoice lines: typed text read in the currency's digits") {
  const std::vector<InvoiceLineText> typed{{"Consulting", "10", "120.00", "19", std::nullopt},
                                           {"Travel", "0.5", "80", std::nullopt, "5.25"}};
  const InvoiceLinesRead read = read_invoice_lines(typed, 2);
  CHECK(read.problems.empty());
  REQUIRE(read.lines.size() == 2);
  CHECK(read.lines[0].description == "Consulting");
  CHECK(read.lines[0].quantity == Decimal{10, 0});
  CHECK(read.lines[0].unit_price == 12000);
  CHECK(read.lines[0].tax_rate == Decimal{19, 0});
  CHECK(read.lines[0].discount == 0);
  CHECK(read.lines[1].quantity == Decimal{5, 1});
  CHECK(read.lines[1].unit_price == 8000);
  CHECK(read.lines[1].discount == 525);
  // JPY has no minor digits: 1500 yen is 1500 minor units.
  CHECK(read_invoice_lines({{"Tea", "1", "1500", std::nullopt, std::nullopt}}, 0).lines[0].unit_price ==
        1500);
}

TEST_CASE("invoice lines: every field that is not a number is named, line by line") {
  const std::vector<InvoiceLineText> typed{{"Fine", "1", "1.00", std::nullopt, std::nullopt},
                                           {"Oops", "x", "12,3,4", "lots", "?"}};
  const InvoiceLinesRead read = read_invoice_lines(typed, 2);
  REQUIRE(read.problems.size() == 4);
  CHECK(read.problems[0].where == "lines[1].quantity");
  CHECK(read.problems[1].where == "lines[1].unit_price");
  CHECK(read.problems[2].where == "lines[1].tax_rate");
  CHECK(read.problems[3].where == "lines[1].discount");
  for (const Problem& p : read.problems) CHECK(!p.message.empty());
}

TEST_CASE("invoice lines: the line and field a problem names") {
  const std::optional<LineField> a = line_field_of("lines[12].unit_price");
  REQUIRE(a);
  CHECK(a->line == 12);
  CHECK(a->field == "unit_price");
  const std::optional<LineField> whole = line_field_of("lines[0]");
  REQUIRE(whole);
  CHECK(whole->line == 0);
  CHECK(whole->field.empty());
  CHECK(!line_field_of("lines"));
  CHECK(!line_field_of("lines[x].quantity"));
  CHECK(!line_field_of("lines[]"));
  CHECK(!line_field_of("lines[2]x"));
  CHECK(!line_field_of("issue_date"));
}

}  // namespace
}  // namespace duebook

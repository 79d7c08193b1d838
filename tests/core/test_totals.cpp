// Invoice totals per EN 16931-1:2017: line nets (BT-131), VAT breakdown (BT-116/117/119) and the
// document totals BT-106, BT-109, BT-110, BT-112, BT-113, BT-115.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "invoicing/totals.h"

using namespace duebook;

namespace {

Decimal dec(const char* text) {
  return *parse_decimal(text);
}

InvoiceLineInput line(const char* quantity, const char* price, const char* rate, int64_t allowance = 0) {
  return InvoiceLineInput{"item", dec(quantity), dec(price), allowance, dec(rate)};
}

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

struct ExpectedTax {
  const char* rate;
  int64_t taxable;
  int64_t tax;
};

struct Case {
  const char* name;
  std::vector<InvoiceLineInput> lines;
  int digits;
  int64_t prepaid;
  std::vector<int64_t> line_net;   // BT-131
  std::vector<ExpectedTax> taxes;  // BG-23, by ascending rate
  int64_t sum_line_net;            // BT-106 = BT-109
  int64_t total_tax;               // BT-110
  int64_t total_with_tax;          // BT-112
  int64_t amount_due;              // BT-115
};

}  // namespace

TEST_CASE("compute_totals follows EN 16931 calculation rules") {
  // EN 16931-1:2017 BR-CO-10 (BT-106 = Σ BT-131), BR-CO-14 (BT-110 = Σ BT-117), BR-CO-15
  // (BT-112 = BT-109 + BT-110), BR-CO-16 (BT-115 = BT-112 − BT-113), BR-CO-17 (BT-117 = BT-116 ×
  // BT-119 / 100 rounded to the minor unit, once per rate), BR-DEC-23 (line net amount in two
  // decimals, generalised to the currency's digits per ISO 4217). Rounding half-up, away from zero.
  // Expected values computed independently with Python's decimal module, ROUND_HALF_UP.
  // One invoice per entry: name, lines, digits, prepaid, then the expected totals.
  // clang-format off
  const Case cases[] = {
      {"one line: 3 × 19.99 at 19 % (59.97 × 0.19 = 11.3943)",
       {line("3", "19.99", "19")}, 2, 0,
       {5997}, {{"19", 5997, 1139}}, 5997, 1139, 7136, 7136},
      {"BR-CO-17: tax rounded per rate, not per line (3 × 0.0057 -> 0.02, not 0.03)",
       {line("1", "0.03", "19"), line("1", "0.03", "19"), line("1", "0.03", "19")}, 2, 0,
       {3, 3, 3}, {{"19", 9, 2}}, 9, 2, 11, 11},
      {"two German VAT rates, 19 % and 7 % (UStG §12), decimal quantity and sub-cent price",
       {line("2", "10.00", "19"), line("1", "5.50", "7"), line("0.333", "10.00", "19"),
        line("3", "0.0125", "7")},
       2, 0,
       {2000, 550, 333, 4}, {{"7", 554, 39}, {"19", 2333, 443}}, 2887, 482, 3369, 3369},
      {"line allowance BT-136: 10 × 9.99 − 5.00 at 20 %",
       {line("10", "9.99", "20", 500)}, 2, 0,
       {9490}, {{"20", 9490, 1898}}, 9490, 1898, 11388, 11388},
      {"hours: 2.5 × 80.00 at 19 %, prepaid 50.00 (BT-113)",
       {line("2.5", "80.00", "19")}, 2, 5000,
       {20000}, {{"19", 20000, 3800}}, 20000, 3800, 23800, 18800},
      {"a return line (negative quantity) nets against the sale",
       {line("5", "10.00", "19"), line("-2", "10.00", "19")}, 2, 0,
       {5000, -2000}, {{"19", 3000, 570}}, 3000, 570, 3570, 3570},
      {"credit note: half-up is symmetric (−0.25 × 10 % = −0.025 -> −0.03)",
       {line("-1", "0.25", "10")}, 2, 0,
       {-25}, {{"10", -25, -3}}, -25, -3, -28, -28},
      {"the invoice it reverses (0.25 × 10 % = 0.025 -> 0.03)",
       {line("1", "0.25", "10")}, 2, 0,
       {25}, {{"10", 25, 3}}, 25, 3, 28, 28},
      {"JPY has no minor unit (ISO 4217): 3 × 333 at 10 % = 99.9 -> 100",
       {line("3", "333", "10")}, 0, 0,
       {999}, {{"10", 999, 100}}, 999, 100, 1099, 1099},
      {"JPY line rounding: 0.5 × 75 = 37.5 -> 38",
       {line("0.5", "75", "8")}, 0, 0,
       {38}, {{"8", 38, 3}}, 38, 3, 41, 41},
      {"BHD has three decimals (ISO 4217): 2 × 1.2345 + 3 × 0.3335 (1.0005 -> 1.001) at 10 %",
       {line("2", "1.2345", "10"), line("3", "0.3335", "10")}, 3, 0,
       {2469, 1001}, {{"10", 3470, 347}}, 3470, 347, 3817, 3817},
      {"zero-rated line gets its own 0 % breakdown; 19 and 19.00 are one rate",
       {line("1", "100", "0"), line("1", "10", "19"), line("1", "10", "19.00")}, 2, 0,
       {10000, 1000, 1000}, {{"0", 10000, 0}, {"19", 2000, 380}}, 12000, 380, 12380, 12380},
      {"rate with decimals (Swiss 8.1 %): 123.45 × 8.1 % = 9.99945 -> 10.00",
       {line("1", "123.45", "8.1")}, 2, 0,
       {12345}, {{"8.1", 12345, 1000}}, 12345, 1000, 13345, 13345},
      {"prepaid more than the total leaves a negative amount due (a credit)",
       {line("1", "10", "0")}, 2, 1500,
       {1000}, {{"0", 1000, 0}}, 1000, 0, 1000, -500},
      {"no lines: a draft with zero totals",
       {}, 2, 0,
       {}, {}, 0, 0, 0, 0},
  };
  // clang-format on
  for (const Case& c : cases) {
    const std::string name_shown = c.name;
    CAPTURE(name_shown);
    Result<InvoiceTotals> r = compute_totals(c.lines, c.digits, c.prepaid);
    REQUIRE_MESSAGE(r.ok(), describe(r.problems()));
    const InvoiceTotals& t = *r;
    CHECK(t.line_net == c.line_net);
    REQUIRE(t.taxes.size() == c.taxes.size());
    for (std::size_t i = 0; i < c.taxes.size(); ++i) {
      CAPTURE(i);
      CHECK(to_string(t.taxes[i].rate) == c.taxes[i].rate);
      CHECK(t.taxes[i].taxable == c.taxes[i].taxable);
      CHECK(t.taxes[i].tax == c.taxes[i].tax);
    }
    CHECK(t.sum_line_net == c.sum_line_net);
    CHECK(t.total_without_tax == c.sum_line_net);
    CHECK(t.total_tax == c.total_tax);
    CHECK(t.total_with_tax == c.total_with_tax);
    CHECK(t.prepaid == c.prepaid);
    CHECK(t.amount_due == c.amount_due);
  }
}

TEST_CASE("compute_totals reports bad lines by field and computes nothing") {
  struct Bad {
    const char* name;
    std::vector<InvoiceLineInput> lines;
    int64_t prepaid;
    const char* where;
    const char* says;
  };
  const InvoiceLineInput huge{"huge", Decimal{INT64_MAX, 0}, dec("10"), 0, dec("19")};
  const InvoiceLineInput half{"half", Decimal{INT64_MAX / 2 + 1, 2}, dec("1"), 0, dec("0")};
  const InvoiceLineInput near_max{"near max", Decimal{INT64_MAX - 10, 2}, dec("1"), 0, dec("19")};
  const Bad cases[] = {
      // EN 16931 BR-27: the item net price shall not be negative.
      {"negative price", {line("1", "-5", "19")}, 0, "lines[0].unit_price", "BR-27"},
      {"negative price, both negative",
       {line("-1", "-5", "19")},
       0,
       "lines[0].unit_price",
       "negative quantity"},
      {"rate over 100", {line("1", "5", "101")}, 0, "lines[0].tax_rate_percent", "101 %"},
      {"negative rate", {line("1", "5", "-7")}, 0, "lines[0].tax_rate_percent", "-7 %"},
      {"negative allowance", {line("1", "5", "19", -1)}, 0, "lines[0].allowance_minor", "not be negative"},
      {"allowance larger than the line",
       {line("1", "5", "19", 501)},
       0,
       "lines[0].allowance_minor",
       "5.01 is larger than the line amount 5.00"},
      {"allowance on a return line",
       {line("-1", "5", "19", 100)},
       0,
       "lines[0].allowance_minor",
       "positive amount"},
      {"second line is the bad one",
       {line("1", "5", "19"), line("1", "-5", "19")},
       0,
       "lines[1].unit_price",
       "line 2 (item)"},
      {"negative prepaid", {line("1", "5", "19")}, -1, "prepaid", "not be negative"},
      {"quantity × price overflows", {huge}, 0, "lines[0].quantity", "too large"},
      {"sum of lines overflows", {half, half}, 0, "lines[1].quantity", "larger than the largest amount"},
      {"total with tax overflows", {near_max}, 0, "lines", "invoice total"},
  };
  for (const Bad& c : cases) {
    const std::string name_shown = c.name;
    CAPTURE(name_shown);
    Result<InvoiceTotals> r = compute_totals(c.lines, 2, c.prepaid);
    REQUIRE_FALSE(r.ok());
    CHECK(r.problems()[0].where == c.where);
    CHECK_MESSAGE(contains(r.problems()[0].message, c.says), r.problems()[0].message);
  }

  // Every bad line is reported at once, so a form can mark them all.
  Result<InvoiceTotals> many =
      compute_totals({line("1", "-5", "19"), line("1", "5", "19"), line("1", "5", "200")}, 2, -3);
  REQUIRE_FALSE(many.ok());
  REQUIRE(many.problems().size() == 3);
  CHECK(many.problems()[0].where == "lines[0].unit_price");
  CHECK(many.problems()[1].where == "lines[2].tax_rate_percent");
  CHECK(many.problems()[2].where == "prepaid");
}

TEST_CASE("compute_totals: totals are consistent for many generated invoices") {
  // BR-CO-10/14/15/16 as invariants over a sweep of quantities, prices and rates.
  const char* rates[] = {"0", "5", "7", "7.7", "19", "20", "21"};
  for (int seed = 1; seed <= 60; ++seed) {
    std::vector<InvoiceLineInput> lines;
    for (int i = 0; i < 1 + seed % 5; ++i) {
      const int64_t qty = (seed * 7 + i * 13) % 40 - 8;  // includes negative (returns) and zero
      const int64_t price = (seed * 1013 + i * 7919) % 100000;
      lines.push_back(
          InvoiceLineInput{"x", Decimal{qty * 25, 2}, Decimal{price, 3}, 0, dec(rates[(seed + i) % 7])});
    }
    CAPTURE(seed);
    Result<InvoiceTotals> r = compute_totals(lines, 2, seed * 10);
    REQUIRE_MESSAGE(r.ok(), describe(r.problems()));
    int64_t sum_lines = 0, sum_taxable = 0, sum_tax = 0;
    for (int64_t n : r->line_net) sum_lines += n;
    for (const auto& t : r->taxes) {
      sum_taxable += t.taxable;
      sum_tax += t.tax;
    }
    CHECK(r->sum_line_net == sum_lines);
    CHECK(sum_taxable == sum_lines);
    CHECK(r->total_tax == sum_tax);
    CHECK(r->total_with_tax == r->total_without_tax + r->total_tax);
    CHECK(r->amount_due == r->total_with_tax - seed * 10);
  }
}

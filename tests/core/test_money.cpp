// Money: currency table, amount parsing and formatting, exact decimals, the one rounding function,
// and largest-remainder splitting. Every expected value names its source.
#include <doctest/doctest.h>

#include <numeric>
#include <string>
#include <vector>

#include "base/currencies.h"
#include "base/money.h"

using namespace duebook;

namespace {

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

}  // namespace

TEST_CASE("builtin currency table carries ISO 4217 minor units") {
  // ISO 4217 List One (SIX Group, maintenance agency), column "Minor unit".
  struct Row {
    const char* code;
    int digits;
  };
  const Row rows[] = {
      {"JPY", 0}, {"KRW", 0}, {"ISK", 0}, {"VND", 0}, {"XOF", 0}, {"XAF", 0}, {"XPF", 0},
      {"CLP", 0}, {"PYG", 0}, {"UGX", 0}, {"KMF", 0}, {"EUR", 2}, {"USD", 2}, {"GBP", 2},
      {"CHF", 2}, {"XCG", 2}, {"ZWG", 2}, {"SLE", 2}, {"BHD", 3}, {"KWD", 3}, {"JOD", 3},
      {"OMR", 3}, {"TND", 3}, {"IQD", 3}, {"LYD", 3}, {"CLF", 4}, {"UYW", 4},
  };
  const CurrencyTable& table = builtin_currencies();
  for (const Row& row : rows) {
    const std::string shown = row.code;
    CAPTURE(shown);
    const Currency* c = table.find(row.code);
    REQUIRE(c != nullptr);
    CHECK(c->minor_digits == row.digits);
  }
  CHECK(table.find("EUR")->name == "Euro");
  CHECK(table.find("JPY")->name == "Yen");
  // ISO 4217 gives "N.A." minor units for precious metals, SDR and test codes: not invoice currencies.
  for (const char* code : {"XAU", "XAG", "XDR", "XTS", "XXX"}) {
    const std::string shown = code;
    CAPTURE(shown);
    CHECK(table.find(code) == nullptr);
  }
  CHECK(table.find("eur") == nullptr);  // codes are exact upper case
  CHECK(table.size() > 150);
  for (std::size_t i = 1; i < table.all().size(); ++i) CHECK(table.all()[i - 1].code < table.all()[i].code);
}

TEST_CASE("parse_currency_table reads comments, CRLF and quoted names") {
  const char* csv =
      "# a comment first\r\n"
      "code,digits,name\r\n"
      "\r\n"
      "USD,2,US Dollar\r\n"
      "  # an indented comment\n"
      "BHD,3,\"Dinar, Bahraini \"\"royal\"\"\"\n"
      "JPY,0,Yen, the Japanese one";  // no final newline; the name keeps its comma
  Result<CurrencyTable> t = parse_currency_table(csv, "mine.csv");
  REQUIRE_MESSAGE(t.ok(), describe(t.problems()));
  REQUIRE(t->size() == 3);
  CHECK(t->all()[0].code == "BHD");  // sorted by code
  CHECK(t->find("BHD")->name == "Dinar, Bahraini \"royal\"");
  CHECK(t->find("BHD")->minor_digits == 3);
  CHECK(t->find("JPY")->name == "Yen, the Japanese one");
  CHECK(t->find("USD")->name == "US Dollar");
}

TEST_CASE("parse_currency_table names file:row:field for each bad row") {
  struct Case {
    const char* csv;
    const char* where;  // first problem's location
    const char* says;   // fragment of its message
  };
  const Case cases[] = {
      {"code;digits;name\nEUR;2;Euro\n", "t.csv:1:header", "code,digits,name"},
      {"code,digits,name\nEUR,x,Euro\n", "t.csv:2:digits", "\"x\""},
      {"code,digits,name\nEUR,7,Euro\n", "t.csv:2:digits", "0 to 6"},
      {"code,digits,name\nEUR,-1,Euro\n", "t.csv:2:digits", "\"-1\""},
      {"code,digits,name\n# c\neur,2,Euro\n", "t.csv:3:code", "\"eur\""},
      {"code,digits,name\nEURO,2,Euro\n", "t.csv:2:code", "three capital letters"},
      {"code,digits,name\nEUR,2,\n", "t.csv:2:name", "missing"},
      {"code,digits,name\nEUR\n", "t.csv:2:digits", "missing"},
      {"code,digits,name\nEUR,2,\"Euro\n", "t.csv:2:name", "quote"},
      {"code,digits,name\nEUR,2,Euro\nUSD,2,Dollar\nEUR,2,Euro again\n", "t.csv:4:code", "first on row 2"},
      {"code,digits,name\n", "t.csv", "no currencies"},
      {"# only a comment\n", "t.csv", "empty"},
  };
  for (const Case& c : cases) {
    const std::string csv_shown = c.csv;
    CAPTURE(csv_shown);
    Result<CurrencyTable> t = parse_currency_table(c.csv, "t.csv");
    REQUIRE_FALSE(t.ok());
    CHECK(t.problems()[0].where == c.where);
    CHECK_MESSAGE(contains(t.problems()[0].message, c.says), t.problems()[0].message);
  }
  // Every bad row is reported, not just the first.
  Result<CurrencyTable> many = parse_currency_table("code,digits,name\nE1,2,A\nUSD,9,B\nGBP,2,C\n", "t.csv");
  REQUIRE_FALSE(many.ok());
  REQUIRE(many.problems().size() == 2);
  CHECK(many.problems()[1].where == "t.csv:3:digits");
}

TEST_CASE("parse_currency_code normalises user input") {
  CHECK(parse_currency_code(" eur ")->view() == "EUR");
  CHECK(parse_currency_code("Jpy")->view() == "JPY");
  for (const char* bad : {"", "EU", "EURO", "E1R", "€"}) {
    const std::string shown = bad;
    CAPTURE(shown);
    Result<CurrencyCode> r = parse_currency_code(bad);
    REQUIRE_FALSE(r.ok());
    CHECK(r.problems()[0].where == "currency");
  }
  CHECK(CurrencyCode{}.view().empty());
}

TEST_CASE("parse_amount reads major units into minor units") {
  // Minor units per ISO 4217 (EUR 2, JPY 0, BHD 3, CLF 4); ',' groups thousands, '.' is the point.
  struct Case {
    const char* text;
    int digits;
    int64_t minor;
  };
  const Case cases[] = {
      {"1234.5", 2, 123450},
      {"1234.50", 2, 123450},
      {"1234", 2, 123400},
      {"0.05", 2, 5},
      {"-0.05", 2, -5},
      {".5", 2, 50},
      {"-.5", 2, -50},
      {"  12.34  ", 2, 1234},
      {"1,234,567.89", 2, 123456789},
      {"999", 2, 99900},
      {"-1,000", 2, -100000},
      {"0", 2, 0},
      {"-0.00", 2, 0},
      {"1500", 0, 1500},       // JPY: no minor unit
      {"1,500", 0, 1500},      // JPY with a thousands separator
      {"1.234", 3, 1234},      // BHD: 1 dinar 234 fils
      {"0.001", 3, 1},         // BHD: one fils
      {"12.3456", 4, 123456},  // CLF
      {"92233720368547758.07", 2, INT64_MAX},
      {"-92233720368547758.08", 2, INT64_MIN},
  };
  for (const Case& c : cases) {
    const std::string text_shown = c.text;
    CAPTURE(text_shown);
    CAPTURE(c.digits);
    Result<int64_t> r = parse_amount(c.text, c.digits);
    REQUIRE_MESSAGE(r.ok(), describe(r.problems()));
    CHECK(*r == c.minor);
  }
}

TEST_CASE("parse_amount rejects garbage and never rounds") {
  struct Case {
    const char* text;
    int digits;
    const char* says;
  };
  const Case cases[] = {
      {"1.234", 2, "3 decimal places"},   // would be 1,234 in German notation: never guess
      {"1.230", 2, "3 decimal places"},   // trailing zero still rejected, for the same reason
      {"12.5", 0, "no minor unit"},       // JPY
      {"1.2345", 3, "4 decimal places"},  // BHD
      {"", 2, "empty"},
      {"   ", 2, "empty"},
      {"-", 2, "no digits"},
      {"abc", 2, "unexpected 'a'"},
      {"12a", 2, "unexpected 'a'"},
      {"1.2.3", 2, "unexpected '.'"},
      {"1 234", 2, "unexpected ' '"},
      {"+5", 2, "unexpected '+'"},
      {"--5", 2, "unexpected '-'"},
      {"5.", 2, "followed by digits"},
      {"12,34", 2, "thousands"},
      {"1234,567", 2, "thousands"},
      {",123", 2, "thousands"},
      {"1,,234", 2, "thousands"},
      {"1,234,56", 2, "thousands"},
      {"1,234.5,6", 2, "unexpected ','"},
      {"92233720368547758.08", 2, "too large"},
      {"99999999999999999999", 0, "too large"},
  };
  for (const Case& c : cases) {
    const std::string text_shown = c.text;
    CAPTURE(text_shown);
    Result<int64_t> r = parse_amount(c.text, c.digits);
    REQUIRE_FALSE(r.ok());
    CHECK(r.problems()[0].where == "amount");
    CHECK_MESSAGE(contains(r.problems()[0].message, c.says), r.problems()[0].message);
  }
}

TEST_CASE("format_amount writes minor units as major units and round-trips") {
  struct Case {
    int64_t minor;
    int digits;
    const char* text;
  };
  const Case cases[] = {
      {123450, 2, "1234.50"},
      {-5, 2, "-0.05"},
      {5, 2, "0.05"},
      {0, 2, "0.00"},
      {1234, 0, "1234"},
      {-1234, 0, "-1234"},
      {0, 0, "0"},
      {1, 3, "0.001"},
      {-1000, 3, "-1.000"},
      {123456, 4, "12.3456"},
      {INT64_MIN, 2, "-92233720368547758.08"},
      {INT64_MAX, 0, "9223372036854775807"},
  };
  for (const Case& c : cases) {
    const std::string text_shown = c.text;
    CAPTURE(text_shown);
    CHECK(format_amount(c.minor, c.digits) == c.text);
    CHECK(*parse_amount(format_amount(c.minor, c.digits), c.digits) == c.minor);
  }
}

TEST_CASE("decimals parse exactly, keep their scale and compare by value") {
  struct Case {
    const char* text;
    int64_t units;
    int scale;
    const char* written;
  };
  const Case cases[] = {
      {"2", 2, 0, "2"},           {"-1.5", -15, 1, "-1.5"},
      {"0.125", 125, 3, "0.125"}, {".5", 5, 1, "0.5"},
      {"+7", 7, 0, "7"},          {"19.00", 1900, 2, "19.00"},
      {"-0.05", -5, 2, "-0.05"},  {"0.000000000000000001", 1, 18, "0.000000000000000001"},
  };
  for (const Case& c : cases) {
    const std::string text_shown = c.text;
    CAPTURE(text_shown);
    Result<Decimal> d = parse_decimal(c.text);
    REQUIRE_MESSAGE(d.ok(), describe(d.problems()));
    CHECK(d->units == c.units);
    CHECK(d->scale == c.scale);
    CHECK(to_string(*d) == c.written);
  }
  for (const char* bad :
       {"", "1,5", "1e3", "5.", "abc", "1.2.3", "0.0000000000000000001", "9223372036854775808"}) {
    const std::string shown = bad;
    CAPTURE(shown);
    Result<Decimal> d = parse_decimal(bad);
    REQUIRE_FALSE(d.ok());
    CHECK(d.problems()[0].where == "decimal");
  }
  CHECK(Decimal{15, 1} == Decimal{150, 2});
  CHECK(Decimal{15, 1} != Decimal{151, 2});
  CHECK(Decimal{-2, 0} < Decimal{-15, 1});
  CHECK(compare(Decimal{19, 0}, Decimal{7, 0}) > 0);
  CHECK(normalized(Decimal{1500, 3}).units == 15);
  CHECK(normalized(Decimal{1500, 3}).scale == 1);
  CHECK(normalized(Decimal{0, 4}).scale == 0);
}

TEST_CASE("round_div rounds once, in the named mode, symmetrically around zero") {
  // HalfUp = ties away from zero, as EN 16931 and Council Regulation (EC) 1103/97 art. 5 ("sums
  // which are exactly half-way shall be rounded up") require; HalfEven, Down (toward zero) and Up
  // (away from zero) as defined by IEEE 754-2008 §4.3 roundTiesToEven / roundTowardZero.
  struct Case {
    int64_t n, d;
    int64_t half_up, half_even, down, up;
  };
  const Case cases[] = {
      {25, 10, 3, 2, 2, 3},       // 2.5
      {35, 10, 4, 4, 3, 4},       // 3.5
      {-25, 10, -3, -2, -2, -3},  // -2.5
      {-35, 10, -4, -4, -3, -4},  // -3.5
      {24, 10, 2, 2, 2, 3},       // 2.4
      {26, 10, 3, 3, 2, 3},       // 2.6
      {-26, 10, -3, -3, -2, -3},  // -2.6
      {21, 10, 2, 2, 2, 3},       // 2.1
      {-21, 10, -2, -2, -2, -3},  // -2.1
      {5, 10, 1, 0, 0, 1},        // 0.5
      {-5, 10, -1, 0, 0, -1},     // -0.5
      {15, 10, 2, 2, 1, 2},       // 1.5
      {30, 10, 3, 3, 3, 3},       // exact
      {25, -10, -3, -2, -2, -3},  // negative denominator: -2.5
      {-25, -10, 3, 2, 2, 3},     // both negative: 2.5
      {1, 3, 0, 0, 0, 1},         // 0.333…
      {2, 3, 1, 1, 0, 1},         // 0.666…
  };
  for (const Case& c : cases) {
    CAPTURE(c.n);
    CAPTURE(c.d);
    CHECK(round_div(c.n, c.d, Rounding::HalfUp) == c.half_up);
    CHECK(round_div(c.n, c.d, Rounding::HalfEven) == c.half_even);
    CHECK(round_div(c.n, c.d, Rounding::Down) == c.down);
    CHECK(round_div(c.n, c.d, Rounding::Up) == c.up);
  }
  // Huge operands do not overflow inside the comparison with the half.
  const Int128 big = (static_cast<Int128>(1) << 125) + 1;
  CHECK(round_div(big, big - 1, Rounding::HalfUp) == 1);
  CHECK(fits_int64(INT64_MAX));
  CHECK_FALSE(fits_int64(static_cast<Int128>(INT64_MAX) + 1));
}

TEST_CASE("multiply scales an amount by an exact factor and rounds once") {
  // EU Reg. 1103/97 art. 4-5: convert by the rate, then round half-up to the cent. DEM 100.00 at
  // 1 EUR = 1.95583 DEM: 100 / 1.95583 = 51.1292… -> EUR 51.13 (here as 10000 × 0.511292 -> 5113).
  struct Case {
    int64_t minor;
    const char* factor;
    Rounding mode;
    int64_t expected;
  };
  const Case cases[] = {
      {1999, "3", Rounding::HalfUp, 5997},       // 3 × 19.99
      {1000, "0.0125", Rounding::HalfUp, 13},    // 12.5 cents, tie away from zero
      {1000, "0.0125", Rounding::HalfEven, 12},  // 12.5 cents, tie to even
      {-1000, "0.0125", Rounding::HalfUp, -13},  // credit mirrors the invoice
      {1000, "0.0125", Rounding::Down, 12},        {1001, "0.0125", Rounding::Up, 13},  // 12.5125 -> 13
      {10000, "0.511292", Rounding::HalfUp, 5113}, {12345, "-1", Rounding::HalfUp, -12345},
      {12345, "0", Rounding::HalfUp, 0},
  };
  for (const Case& c : cases) {
    CAPTURE(c.minor);
    const std::string factor_shown = c.factor;
    CAPTURE(factor_shown);
    Result<int64_t> r = multiply(c.minor, *parse_decimal(c.factor), c.mode);
    REQUIRE(r.ok());
    CHECK(*r == c.expected);
  }
  Result<int64_t> overflow = multiply(INT64_MAX, Decimal{2, 0});
  REQUIRE_FALSE(overflow.ok());
  CHECK(overflow.problems()[0].where == "amount");
}

TEST_CASE("checked arithmetic reports overflow instead of wrapping") {
  int64_t out = 42;
  CHECK(checked_add(1, 2, &out));
  CHECK(out == 3);
  CHECK_FALSE(checked_add(INT64_MAX, 1, &out));
  CHECK(out == 3);  // unchanged on failure
  CHECK_FALSE(checked_sub(INT64_MIN, 1, &out));

  const CurrencyCode eur = *parse_currency_code("EUR");
  Result<Money> sum = add(Money{150, eur}, Money{-200, eur});
  REQUIRE(sum.ok());
  CHECK(*sum == Money{-50, eur});
  Result<Money> big = add(Money{INT64_MAX, eur}, Money{1, eur});
  REQUIRE_FALSE(big.ok());
  CHECK(big.problems()[0].where == "amount");
}

TEST_CASE("split_evenly and split_by_weights lose no cent (largest remainder)") {
  // Largest-remainder (Hamilton) method: truncated shares, leftover units to the largest
  // remainders, ties to the earliest index. The shares always sum to the total.
  struct Case {
    int64_t total;
    std::vector<int64_t> weights;
    std::vector<int64_t> shares;
  };
  const Case cases[] = {
      {10000, {1, 1, 1}, {3334, 3333, 3333}},      // 100.00 in three
      {-10000, {1, 1, 1}, {-3334, -3333, -3333}},  // a refund splits as the mirror image
      {10001, {1, 1, 1}, {3334, 3334, 3333}},
      {2, {1, 1, 1}, {1, 1, 0}},
      {100, {1, 2}, {33, 67}},        // 33.33 / 66.67: the larger remainder wins
      {100, {0, 1, 1}, {0, 50, 50}},  // a zero weight gets nothing
      {101, {0, 1, 1}, {0, 51, 50}},
      {7, {5, 3, 2}, {4, 2, 1}},  // 3.5, 2.1, 1.4 -> remainders .5, .1, .4
      {1000, {333, 333, 334}, {333, 333, 334}},
      {5, {1, 1, 1, 1, 1, 1, 1}, {1, 1, 1, 1, 1, 0, 0}},
      {0, {1, 1}, {0, 0}},
      {INT64_MAX, {1, 1}, {INT64_MAX / 2 + 1, INT64_MAX / 2}},
      {INT64_MIN, {1, 1}, {INT64_MIN / 2, INT64_MIN / 2}},
  };
  for (const Case& c : cases) {
    CAPTURE(c.total);
    CHECK(split_by_weights(c.total, c.weights) == c.shares);
  }
  CHECK(split_evenly(10000, 3) == std::vector<int64_t>{3334, 3333, 3333});
  CHECK(split_evenly(-1, 2) == std::vector<int64_t>{-1, 0});
  CHECK(split_evenly(5, 1) == std::vector<int64_t>{5});

  // Exhaustive sweep: the sum is exact and every share is within one unit of its exact value.
  for (int64_t total = -50; total <= 50; total += 7) {
    for (int n = 1; n <= 6; ++n) {
      std::vector<int64_t> weights;
      for (int i = 0; i < n; ++i) weights.push_back((i * 37 + 11) % 9);
      if (std::accumulate(weights.begin(), weights.end(), int64_t{0}) == 0) continue;
      const std::vector<int64_t> shares = split_by_weights(total, weights);
      CHECK(std::accumulate(shares.begin(), shares.end(), int64_t{0}) == total);
      const int64_t sum_w = std::accumulate(weights.begin(), weights.end(), int64_t{0});
      for (int i = 0; i < n; ++i) {
        const int64_t scaled = shares[i] * sum_w - total * weights[i];  // share − exact, times sum_w
        CHECK(scaled > -sum_w);
        CHECK(scaled < sum_w);
      }
    }
  }
}

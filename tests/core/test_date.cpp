// Civil dates: day counts, calendar arithmetic, parsing and formatting.
#include <doctest/doctest.h>

#include <string>

#include "base/date.h"

using namespace duebook;

namespace {

Date d(int y, int m, int day) {
  return Date{y, m, day};
}

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

}  // namespace

TEST_CASE("days_from_civil matches known days") {
  // Expected values from Python's datetime: (date - date(1970, 1, 1)).days.
  struct Case {
    Date date;
    int64_t days;
  };
  const Case cases[] = {
      {d(1970, 1, 1), 0},      {d(1969, 12, 31), -1},   {d(2000, 1, 1), 10957},
      {d(2000, 3, 1), 11017},  {d(2024, 2, 29), 19782}, {d(2026, 3, 1), 20513},
      {d(1900, 3, 1), -25508}, {d(1, 1, 1), -719162},   {d(9999, 12, 31), 2932896},
  };
  for (const Case& c : cases) {
    CAPTURE(to_iso(c.date));
    CHECK(days_from_civil(c.date) == c.days);
    CHECK(civil_from_days(c.days) == c.date);
  }
}

TEST_CASE("civil_from_days inverts days_from_civil day by day across four centuries") {
  Date expected = d(1899, 12, 25);
  const int64_t first = days_from_civil(expected), last = days_from_civil(d(2300, 3, 5));
  int64_t checked = 0;
  for (int64_t n = first; n <= last; ++n, ++checked) {
    const Date got = civil_from_days(n);
    if (got != expected || days_from_civil(got) != n) {
      FAIL_CHECK("day " << n << " is " << to_iso(got) << ", expected " << to_iso(expected));
      break;
    }
    // Step the expected date by hand, independently of the algorithm under test.
    if (++expected.d > days_in_month(expected.y, expected.m)) {
      expected.d = 1;
      if (++expected.m > 12) {
        expected.m = 1;
        ++expected.y;
      }
    }
  }
  CHECK(checked == last - first + 1);
  CHECK(checked == 146168);  // Python: (date(2300, 3, 5) - date(1899, 12, 25)).days + 1
}

TEST_CASE("leap years and month lengths follow the Gregorian rule") {
  // Gregorian calendar (papal bull Inter gravissimas, 1582): every 4th year, except centuries not
  // divisible by 400.
  struct Leap {
    int year;
    bool leap;
  };
  for (const Leap& c : {Leap{2024, true}, Leap{2026, false}, Leap{2000, true}, Leap{1900, false},
                        Leap{2100, false}, Leap{2400, true}, Leap{1996, true}}) {
    CAPTURE(c.year);
    CHECK(is_leap(c.year) == c.leap);
  }
  const int lengths_2026[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  for (int m = 1; m <= 12; ++m) CHECK(days_in_month(2026, m) == lengths_2026[m - 1]);
  CHECK(days_in_month(2024, 2) == 29);
  CHECK(days_in_month(1900, 2) == 28);
  CHECK(is_valid(d(2024, 2, 29)));
  CHECK_FALSE(is_valid(d(2026, 2, 29)));
  CHECK_FALSE(is_valid(d(2026, 4, 31)));
  CHECK_FALSE(is_valid(d(2026, 13, 1)));
  CHECK_FALSE(is_valid(d(2026, 0, 1)));
  CHECK_FALSE(is_valid(d(2026, 1, 0)));
}

TEST_CASE("add_days, days_between and comparisons") {
  struct Case {
    Date from;
    int64_t days;
    Date to;
  };
  const Case cases[] = {
      {d(2026, 3, 1), 30, d(2026, 3, 31)},  {d(2026, 3, 1), 10, d(2026, 3, 11)},
      {d(2026, 1, 31), 1, d(2026, 2, 1)},   {d(2026, 2, 28), 1, d(2026, 3, 1)},
      {d(2024, 2, 28), 1, d(2024, 2, 29)},  {d(2025, 12, 31), 1, d(2026, 1, 1)},
      {d(2026, 1, 1), -1, d(2025, 12, 31)}, {d(2026, 3, 31), 0, d(2026, 3, 31)},
      {d(2024, 1, 1), 366, d(2025, 1, 1)},  {d(2026, 1, 31), 30, d(2026, 3, 2)},
  };
  for (const Case& c : cases) {
    CAPTURE(to_iso(c.from));
    CAPTURE(c.days);
    CHECK(add_days(c.from, c.days) == c.to);
    CHECK(days_between(c.from, c.to) == c.days);
    CHECK(days_between(c.to, c.from) == -c.days);
  }
  CHECK(d(2026, 3, 1) < d(2026, 3, 2));
  CHECK(d(2025, 12, 31) < d(2026, 1, 1));
  CHECK(d(2026, 2, 1) > d(2026, 1, 31));
  CHECK(d(2026, 3, 1) <= d(2026, 3, 1));
  CHECK(d(2026, 3, 1) >= d(2026, 3, 1));
  CHECK_FALSE(d(2026, 3, 2) <= d(2026, 3, 1));
}

TEST_CASE("add_months clamps to the end of the month; end_of_month") {
  // Commercial convention (and e.g. Java's LocalDate.plusMonths, .NET's AddMonths): keep the day,
  // clamping to the last day when the target month is shorter.
  struct Case {
    Date from;
    int months;
    Date to;
  };
  const Case cases[] = {
      {d(2026, 1, 31), 1, d(2026, 2, 28)},   {d(2024, 1, 31), 1, d(2024, 2, 29)},
      {d(2026, 3, 31), 1, d(2026, 4, 30)},   {d(2026, 1, 30), 1, d(2026, 2, 28)},
      {d(2026, 1, 15), 1, d(2026, 2, 15)},   {d(2026, 12, 15), 1, d(2027, 1, 15)},
      {d(2026, 1, 31), -2, d(2025, 11, 30)}, {d(2024, 2, 29), 12, d(2025, 2, 28)},
      {d(2024, 2, 29), 48, d(2028, 2, 29)},  {d(2026, 5, 31), 0, d(2026, 5, 31)},
      {d(2026, 3, 31), -1, d(2026, 2, 28)},  {d(2026, 1, 1), -13, d(2024, 12, 1)},
  };
  for (const Case& c : cases) {
    CAPTURE(to_iso(c.from));
    CAPTURE(c.months);
    CHECK(add_months(c.from, c.months) == c.to);
  }
  CHECK(end_of_month(d(2026, 2, 10)) == d(2026, 2, 28));
  CHECK(end_of_month(d(2024, 2, 1)) == d(2024, 2, 29));
  CHECK(end_of_month(d(2026, 12, 31)) == d(2026, 12, 31));
  CHECK(end_of_month(d(2026, 4, 1)) == d(2026, 4, 30));
}

TEST_CASE("parse_date reads the four supported formats") {
  struct Case {
    const char* text;
    const char* format;
    Date date;
  };
  const Case cases[] = {
      {"2026-03-01", "YYYY-MM-DD", d(2026, 3, 1)},  // ISO 8601 calendar date, extended format
      {" 2024-02-29 ", "YYYY-MM-DD", d(2024, 2, 29)},
      {"03/01/2026", "MM/DD/YYYY", d(2026, 3, 1)},  // US order: month first
      {"3/1/2026", "MM/DD/YYYY", d(2026, 3, 1)},
      {"12/31/2026", "MM/DD/YYYY", d(2026, 12, 31)},
      {"01/03/2026", "DD/MM/YYYY", d(2026, 3, 1)},  // UK order: day first
      {"31/12/2026", "DD/MM/YYYY", d(2026, 12, 31)},
      {"1.3.2026", "DD.MM.YYYY", d(2026, 3, 1)},  // DIN 5008 / Swiss style
      {"29.02.2024", "DD.MM.YYYY", d(2024, 2, 29)},
  };
  for (const Case& c : cases) {
    const std::string text_shown = c.text;
    CAPTURE(text_shown);
    Result<Date> r = parse_date(c.text, c.format);
    REQUIRE_MESSAGE(r.ok(), describe(r.problems()));
    CHECK(*r == c.date);
  }
  CHECK(*parse_date("2026-03-01") == d(2026, 3, 1));  // ISO is the default
}

TEST_CASE("parse_date rejects impossible and malformed dates, naming the field") {
  struct Case {
    const char* text;
    const char* format;
    const char* says;
  };
  const Case cases[] = {
      {"2026-02-29", "YYYY-MM-DD", "February 2026 has 28 days"},  // 2026 is not a leap year
      {"2100-02-29", "YYYY-MM-DD", "February 2100 has 28 days"},  // century rule
      {"2026-04-31", "YYYY-MM-DD", "April 2026 has 30 days"},
      {"2026-13-01", "YYYY-MM-DD", "month 13"},
      {"2026-00-10", "YYYY-MM-DD", "month 0"},
      {"2026-01-00", "YYYY-MM-DD", "January 2026 has 31 days"},
      {"0000-01-01", "YYYY-MM-DD", "year 0000"},
      {"2026-3-1", "YYYY-MM-DD", "in the form YYYY-MM-DD"},  // ISO needs two-digit fields
      {"26-03-01", "YYYY-MM-DD", "in the form YYYY-MM-DD"},
      {"2026/03/01", "YYYY-MM-DD", "in the form YYYY-MM-DD"},
      {"2026-03-01x", "YYYY-MM-DD", "in the form YYYY-MM-DD"},
      {"2026-03-0a", "YYYY-MM-DD", "in the form YYYY-MM-DD"},
      {"13/01/2026", "MM/DD/YYYY", "month 13"},  // a UK date read as US
      {"02/30/2026", "MM/DD/YYYY", "February 2026 has 28 days"},
      {"1/3/26", "DD/MM/YYYY", "in the form DD/MM/YYYY"},  // two-digit years are ambiguous
      {"001/03/2026", "DD/MM/YYYY", "in the form DD/MM/YYYY"},
      {"1.3.2026", "DD/MM/YYYY", "in the form DD/MM/YYYY"},
      {"", "YYYY-MM-DD", "empty"},
      {"2026-03-01", "YYYY/DD/MM", "unknown date format"},
  };
  for (const Case& c : cases) {
    const std::string text_shown = c.text;
    CAPTURE(text_shown);
    const std::string format_shown = c.format;
    CAPTURE(format_shown);
    Result<Date> r = parse_date(c.text, c.format);
    REQUIRE_FALSE(r.ok());
    CHECK(r.problems()[0].where == "date");
    CHECK_MESSAGE(contains(r.problems()[0].message, c.says), r.problems()[0].message);
  }
}

TEST_CASE("to_iso and format_date write zero-padded dates that parse back") {
  CHECK(to_iso(d(2026, 3, 1)) == "2026-03-01");
  CHECK(to_iso(d(1, 1, 1)) == "0001-01-01");
  struct Case {
    const char* format;
    const char* text;
  };
  for (const Case& c : {Case{"YYYY-MM-DD", "2026-03-09"}, Case{"MM/DD/YYYY", "03/09/2026"},
                        Case{"DD/MM/YYYY", "09/03/2026"}, Case{"DD.MM.YYYY", "09.03.2026"}}) {
    const std::string format_shown = c.format;
    CAPTURE(format_shown);
    CHECK(format_date(d(2026, 3, 9), c.format) == c.text);
    CHECK(*parse_date(c.text, c.format) == d(2026, 3, 9));
  }
  CHECK(format_date(d(2026, 3, 9), "nonsense") == "2026-03-09");
}

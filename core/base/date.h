// Civil dates (year, month, day) in the proleptic Gregorian calendar. Invoices are dated, not
// timestamped: no time zones, no wall clock. "Today" is always an argument passed in by the caller.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "base/result.h"

namespace duebook {

// A calendar day. Functions below assume a valid date (is_valid) unless they say otherwise.
struct Date {
  int y = 1970;  // year, 1..9999 for dates read from text
  int m = 1;     // month, 1..12
  int d = 1;     // day of the month, 1..days_in_month(y, m)
};

bool operator==(const Date& a, const Date& b);
bool operator!=(const Date& a, const Date& b);
bool operator<(const Date& a, const Date& b);
bool operator<=(const Date& a, const Date& b);
bool operator>(const Date& a, const Date& b);
bool operator>=(const Date& a, const Date& b);

// True for Gregorian leap years: divisible by 4, except centuries not divisible by 400.
bool is_leap(int year);
// Days in the month (28..31); month must be 1..12 (asserts).
int days_in_month(int year, int month);
// True when the month is 1..12 and the day exists in it (2026-02-29 is not valid).
bool is_valid(const Date& date);

// Days since 1970-01-01 (negative before it). Howard Hinnant's days_from_civil, from "chrono-
// Compatible Low-Level Date Algorithms" (http://howardhinnant.github.io/date_algorithms.html).
int64_t days_from_civil(const Date& date);
// The inverse of days_from_civil (Hinnant's civil_from_days); valid for any day count whose year
// fits in int.
Date civil_from_days(int64_t days);

// The date `days` days later (earlier when negative).
Date add_days(const Date& date, int64_t days);
// b − a in days: days_between(2026-03-01, 2026-03-31) == 30; negative when b is before a.
int64_t days_between(const Date& a, const Date& b);
// The same day `months` months later (earlier when negative), clamped to the end of the target
// month: 2026-01-31 + 1 month = 2026-02-28, 2024-01-31 + 1 month = 2024-02-29.
Date add_months(const Date& date, int months);
// The last day of the date's month.
Date end_of_month(const Date& date);

// Reads a date written in one of these formats:
//   "YYYY-MM-DD"  ISO 8601 (the default), exactly 4-2-2 digits: 2026-03-01
//   "MM/DD/YYYY"  United States: 3/1/2026 or 03/01/2026
//   "DD/MM/YYYY"  United Kingdom and most of the world: 1/3/2026 or 01/03/2026
//   "DD.MM.YYYY"  Germany, Switzerland and others: 1.3.2026 or 01.03.2026
// Surrounding blanks are ignored; the year always has four digits, day and month one or two (two
// in ISO form). Fails (where "date", quoting the text) when the text does not match the format or
// names a day that does not exist (2026-02-29, 2026-04-31, month 13), and when the format is not
// one of the four above.
Result<Date> parse_date(std::string_view text, std::string_view format = "YYYY-MM-DD");

// "2026-03-01". The date must be valid with a year 0..9999 (asserts).
std::string to_iso(const Date& date);
// Writes a date in one of parse_date's formats, zero-padded ("03/01/2026"); an unknown format
// writes ISO 8601. Reads back with parse_date in the same format.
std::string format_date(const Date& date, std::string_view format);

// ISO 8601 text of a date, the form dates take in payloads and projections ("2026-03-01").
std::string iso(const Date& date);

// Reads an ISO date we wrote ourselves (asserts on anything else).
Date iso_date(std::string_view text);

}  // namespace duebook

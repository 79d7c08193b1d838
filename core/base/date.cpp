#include "base/date.h"

#include <cassert>
#include <tuple>

namespace duebook {
namespace {

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

const char* const kMonthNames[12] = {"January", "February", "March",     "April",   "May",      "June",
                                     "July",    "August",   "September", "October", "November", "December"};

// Floor division, for day counts before 1970 and month arithmetic across year boundaries.
int64_t floor_div(int64_t a, int64_t b) {
  return a / b - ((a % b != 0) && ((a < 0) != (b < 0)));
}

void append_padded(std::string* out, int value, int width) {
  std::string digits = std::to_string(value);
  if (static_cast<int>(digits.size()) < width) out->append(width - digits.size(), '0');
  out->append(digits);
}

}  // namespace

bool operator==(const Date& a, const Date& b) {
  return a.y == b.y && a.m == b.m && a.d == b.d;
}
bool operator!=(const Date& a, const Date& b) {
  return !(a == b);
}
bool operator<(const Date& a, const Date& b) {
  return std::tie(a.y, a.m, a.d) < std::tie(b.y, b.m, b.d);
}
bool operator<=(const Date& a, const Date& b) {
  return !(b < a);
}
bool operator>(const Date& a, const Date& b) {
  return b < a;
}
bool operator>=(const Date& a, const Date& b) {
  return !(a < b);
}

bool is_leap(int year) {
  return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
}

int days_in_month(int year, int month) {
  assert(month >= 1 && month <= 12);
  static const int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && is_leap(year) ? 29 : kDays[month - 1];
}

bool is_valid(const Date& date) {
  return date.m >= 1 && date.m <= 12 && date.d >= 1 && date.d <= days_in_month(date.y, date.m);
}

// Hinnant: shift the year to start in March so the leap day is the last day of the "year", then
// count 400-year eras of 146097 days.
int64_t days_from_civil(const Date& date) {
  const int64_t y = static_cast<int64_t>(date.y) - (date.m <= 2);
  const int64_t era = floor_div(y, 400);
  const int64_t yoe = y - era * 400;                                                        // [0, 399]
  const int64_t doy = (153 * (date.m > 2 ? date.m - 3 : date.m + 9) + 2) / 5 + date.d - 1;  // [0, 365]
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;                                // [0, 146096]
  return era * 146097 + doe - 719468;
}

Date civil_from_days(int64_t days) {
  const int64_t z = days + 719468;
  const int64_t era = floor_div(z, 146097);
  const int64_t doe = z - era * 146097;                                       // [0, 146096]
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;  // [0, 399]
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);                // [0, 365]
  const int64_t mp = (5 * doy + 2) / 153;                                     // [0, 11]
  const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);               // [1, 31]
  const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);                  // [1, 12]
  const int y = static_cast<int>(yoe + era * 400 + (m <= 2));
  return Date{y, m, d};
}

Date add_days(const Date& date, int64_t days) {
  return civil_from_days(days_from_civil(date) + days);
}

int64_t days_between(const Date& a, const Date& b) {
  return days_from_civil(b) - days_from_civil(a);
}

Date add_months(const Date& date, int months) {
  const int64_t index = static_cast<int64_t>(date.y) * 12 + (date.m - 1) + months;
  const int y = static_cast<int>(floor_div(index, 12));
  const int m = static_cast<int>(index - static_cast<int64_t>(y) * 12) + 1;
  const int last = days_in_month(y, m);
  return Date{y, m, date.d < last ? date.d : last};
}

Date end_of_month(const Date& date) {
  return Date{date.y, date.m, days_in_month(date.y, date.m)};
}

namespace {

enum class Field { Year, Month, Day };

struct DateFormat {
  std::string_view name;  // as passed to parse_date
  char separator;         // between the three fields
  Field order[3];         // field order as written
  bool strict_width;      // true: month and day must have two digits (ISO 8601)
};

const DateFormat kFormats[] = {
    {"YYYY-MM-DD", '-', {Field::Year, Field::Month, Field::Day}, true},
    {"MM/DD/YYYY", '/', {Field::Month, Field::Day, Field::Year}, false},
    {"DD/MM/YYYY", '/', {Field::Day, Field::Month, Field::Year}, false},
    {"DD.MM.YYYY", '.', {Field::Day, Field::Month, Field::Year}, false},
};

const DateFormat* find_format(std::string_view name) {
  for (const DateFormat& f : kFormats) {
    if (f.name == name) return &f;
  }
  return nullptr;
}

}  // namespace

Result<Date> parse_date(std::string_view text, std::string_view format) {
  const DateFormat* fmt = find_format(format);
  if (fmt == nullptr) {
    return Problem{"date", "unknown date format \"" + std::string(format) +
                               "\"; use YYYY-MM-DD, MM/DD/YYYY, DD/MM/YYYY or DD.MM.YYYY"};
  }
  const std::string_view t = trim(text);
  const std::string shown = "\"" + std::string(t) + "\"";
  if (t.empty()) return Problem{"date", "is empty; type a date as " + std::string(fmt->name)};
  auto mismatch = [&] {
    return Problem{"date", shown + " is not a date in the form " + std::string(fmt->name)};
  };

  int values[3] = {0, 0, 0};  // indexed by Field
  std::string_view rest = t;
  for (int i = 0; i < 3; ++i) {
    const std::size_t sep = i < 2 ? rest.find(fmt->separator) : rest.size();
    if (sep == std::string_view::npos) return mismatch();
    const std::string_view part = rest.substr(0, sep);
    const Field field = fmt->order[i];
    const bool width_ok = field == Field::Year
                              ? part.size() == 4
                              : (fmt->strict_width ? part.size() == 2 : part.size() == 1 || part.size() == 2);
    if (!width_ok) return mismatch();
    int value = 0;
    for (char c : part) {
      if (!is_digit(c)) return mismatch();
      value = value * 10 + (c - '0');
    }
    values[static_cast<int>(field)] = value;
    rest.remove_prefix(i < 2 ? sep + 1 : sep);
  }

  const Date date{values[0], values[1], values[2]};
  if (date.y < 1) return Problem{"date", shown + " has year 0000; years start at 0001"};
  if (date.m < 1 || date.m > 12) {
    return Problem{"date", shown + " has month " + std::to_string(date.m) + "; months run from 1 to 12"};
  }
  if (date.d < 1 || date.d > days_in_month(date.y, date.m)) {
    return Problem{"date", shown + " is not a real date: " + kMonthNames[date.m - 1] + " " +
                               std::to_string(date.y) + " has " +
                               std::to_string(days_in_month(date.y, date.m)) + " days"};
  }
  return date;
}

std::string to_iso(const Date& date) {
  return format_date(date, "YYYY-MM-DD");
}

std::string format_date(const Date& date, std::string_view format) {
  assert(is_valid(date) && date.y >= 0 && date.y <= 9999);
  const DateFormat* fmt = find_format(format);
  if (fmt == nullptr) fmt = &kFormats[0];
  const int values[3] = {date.y, date.m, date.d};
  std::string out;
  for (int i = 0; i < 3; ++i) {
    if (i > 0) out.push_back(fmt->separator);
    const Field field = fmt->order[i];
    append_padded(&out, values[static_cast<int>(field)], field == Field::Year ? 4 : 2);
  }
  return out;
}

std::string iso(const Date& date) {
  return to_iso(date);
}

Date iso_date(std::string_view text) {
  Result<Date> d = parse_date(text, "YYYY-MM-DD");
  assert(d.ok());
  return d.ok() ? d.value() : Date{};
}

}  // namespace duebook

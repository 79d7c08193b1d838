#include "base/money.h"

#include <algorithm>
#include <cassert>
#include <limits>

#include "base/text.h"

namespace duebook {
namespace {

__extension__ typedef unsigned __int128 UInt128;

constexpr Int128 kInt64Max = std::numeric_limits<int64_t>::max();
constexpr Int128 kInt64Min = std::numeric_limits<int64_t>::min();

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

std::string plural(std::size_t n, const char* word) {
  return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

// Reads the unsigned digits of a number already split at its decimal point into a magnitude with
// exactly `digits` decimals. Returns false when the magnitude exceeds `limit`.
bool accumulate(std::string_view int_digits, std::string_view frac_digits, int digits, Int128 limit,
                Int128* out) {
  Int128 value = 0;
  for (char c : int_digits) {
    if (c == ',') continue;
    value = value * 10 + (c - '0');
    if (value > limit) return false;
  }
  for (int i = 0; i < digits; ++i) {
    const char c = i < static_cast<int>(frac_digits.size()) ? frac_digits[i] : '0';
    value = value * 10 + (c - '0');
    if (value > limit) return false;
  }
  *out = value;
  return true;
}

// Formats a magnitude with `digits` decimals, '-' in front when negative.
std::string format_scaled(bool negative, UInt128 magnitude, int digits) {
  std::string text;
  int written = 0;
  do {
    text.push_back(static_cast<char>('0' + static_cast<int>(magnitude % 10)));
    magnitude /= 10;
    ++written;
    if (written == digits) text.push_back('.');
  } while (magnitude != 0 || written <= digits);
  if (text.back() == '.') text.push_back('0');  // "0.05", never ".05"
  if (negative) text.push_back('-');
  std::reverse(text.begin(), text.end());
  return text;
}

}  // namespace

bool operator==(const CurrencyCode& a, const CurrencyCode& b) {
  return a.view() == b.view();
}
bool operator!=(const CurrencyCode& a, const CurrencyCode& b) {
  return !(a == b);
}

Result<CurrencyCode> parse_currency_code(std::string_view text) {
  const std::string_view t = trim_view(text);
  CurrencyCode code;
  bool ok = t.size() == 3;
  for (std::size_t i = 0; ok && i < 3; ++i) {
    char c = t[i];
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    ok = c >= 'A' && c <= 'Z';
    code.letters[i] = c;
  }
  if (!ok) return Problem{"currency", quoted(t) + " is not a currency code (three letters, like EUR)"};
  return code;
}

// ---------------------------------------------------------------------------------------------
// Amounts

bool operator==(const Money& a, const Money& b) {
  return a.minor == b.minor && a.currency == b.currency;
}
bool operator!=(const Money& a, const Money& b) {
  return !(a == b);
}

bool checked_add(int64_t a, int64_t b, int64_t* out) {
  int64_t r;
  if (__builtin_add_overflow(a, b, &r)) return false;
  *out = r;
  return true;
}

bool checked_sub(int64_t a, int64_t b, int64_t* out) {
  int64_t r;
  if (__builtin_sub_overflow(a, b, &r)) return false;
  *out = r;
  return true;
}

Result<Money> add(const Money& a, const Money& b) {
  assert(a.currency == b.currency && "adding amounts of different currencies");
  Money sum{0, a.currency};
  if (!checked_add(a.minor, b.minor, &sum.minor)) {
    return Problem{"amount", "the sum is larger than the largest amount Duebook can hold"};
  }
  return sum;
}

int64_t pow10(int digits) {
  assert(digits >= 0 && digits <= 18);
  int64_t p = 1;
  for (int i = 0; i < digits; ++i) p *= 10;
  return p;
}

Result<int64_t> parse_amount(std::string_view text, int minor_digits) {
  assert(minor_digits >= 0 && minor_digits <= kMaxMinorDigits);
  const std::string_view t = trim_view(text);
  auto fail = [&](const std::string& why) { return Problem{"amount", quoted(t) + " " + why}; };
  if (t.empty()) return Problem{"amount", "is empty; type an amount such as 1234.50"};

  std::string_view s = t;
  const bool negative = s.front() == '-';
  if (negative) s.remove_prefix(1);
  const std::size_t point = s.find('.');
  const std::string_view int_part = s.substr(0, point);
  const std::string_view frac_part =
      point == std::string_view::npos ? std::string_view() : s.substr(point + 1);

  for (char c : int_part) {
    if (!is_digit(c) && c != ',') return fail(std::string("is not an amount: unexpected '") + c + "'");
  }
  for (char c : frac_part) {
    if (!is_digit(c))
      return fail(std::string("is not an amount: unexpected '") + c + "' after the decimal point");
  }
  if (int_part.empty() && frac_part.empty()) return fail("is not an amount: it has no digits");
  if (point != std::string_view::npos && frac_part.empty()) {
    return fail("is not an amount: the decimal point must be followed by digits");
  }
  if (int_part.find(',') != std::string_view::npos) {
    // Groups: the first has 1..3 digits, every later one exactly 3 ("1,234,567").
    std::size_t start = 0;
    bool first = true;
    while (true) {
      const std::size_t comma = int_part.find(',', start);
      const std::size_t len = (comma == std::string_view::npos ? int_part.size() : comma) - start;
      if (first ? (len < 1 || len > 3) : len != 3) {
        return fail("is not an amount: ',' may only separate thousands, as in 1,234,567.89");
      }
      if (comma == std::string_view::npos) break;
      start = comma + 1;
      first = false;
    }
  }
  if (static_cast<int>(frac_part.size()) > minor_digits) {
    if (minor_digits == 0) return fail("has decimals, but this currency has no minor unit");
    return fail("has " + plural(frac_part.size(), "decimal place") + ", but this currency has " +
                std::to_string(minor_digits));
  }

  // The magnitude of int64's minimum is one more than its maximum.
  Int128 magnitude = 0;
  if (!accumulate(int_part, frac_part, minor_digits, negative ? -kInt64Min : kInt64Max, &magnitude)) {
    return fail("is too large for an amount");
  }
  return static_cast<int64_t>(negative ? -magnitude : magnitude);
}

std::string format_amount(int64_t minor, int minor_digits) {
  assert(minor_digits >= 0 && minor_digits <= 18);
  const bool negative = minor < 0;
  const UInt128 magnitude = negative ? -static_cast<Int128>(minor) : minor;
  return format_scaled(negative, magnitude, minor_digits);
}

// ---------------------------------------------------------------------------------------------
// Decimals

Result<Decimal> parse_decimal(std::string_view text) {
  const std::string_view t = trim_view(text);
  auto fail = [&](const std::string& why) { return Problem{"decimal", quoted(t) + " " + why}; };
  if (t.empty()) return Problem{"decimal", "is empty; type a number such as 1.5"};

  std::string_view s = t;
  const bool negative = s.front() == '-';
  if (negative || s.front() == '+') s.remove_prefix(1);
  const std::size_t point = s.find('.');
  const std::string_view int_part = s.substr(0, point);
  const std::string_view frac_part =
      point == std::string_view::npos ? std::string_view() : s.substr(point + 1);
  for (char c : int_part) {
    if (!is_digit(c)) return fail(std::string("is not a number: unexpected '") + c + "'");
  }
  for (char c : frac_part) {
    if (!is_digit(c))
      return fail(std::string("is not a number: unexpected '") + c + "' after the decimal point");
  }
  if (int_part.empty() && frac_part.empty()) return fail("is not a number: it has no digits");
  if (point != std::string_view::npos && frac_part.empty()) {
    return fail("is not a number: the decimal point must be followed by digits");
  }
  if (frac_part.size() > 18) return fail("has more than 18 decimal places");

  const int scale = static_cast<int>(frac_part.size());
  Int128 magnitude = 0;
  if (!accumulate(int_part, frac_part, scale, negative ? -kInt64Min : kInt64Max, &magnitude)) {
    return fail("has too many digits");
  }
  return Decimal{static_cast<int64_t>(negative ? -magnitude : magnitude), scale};
}

std::string to_string(Decimal value) {
  return format_amount(value.units, value.scale);
}

int compare(Decimal a, Decimal b) {
  assert(a.scale >= 0 && a.scale <= 18 && b.scale >= 0 && b.scale <= 18);
  const int scale = std::max(a.scale, b.scale);
  const Int128 x = static_cast<Int128>(a.units) * pow10(scale - a.scale);
  const Int128 y = static_cast<Int128>(b.units) * pow10(scale - b.scale);
  return x < y ? -1 : (x > y ? 1 : 0);
}

bool operator==(Decimal a, Decimal b) {
  return compare(a, b) == 0;
}
bool operator!=(Decimal a, Decimal b) {
  return compare(a, b) != 0;
}
bool operator<(Decimal a, Decimal b) {
  return compare(a, b) < 0;
}

Decimal normalized(Decimal value) {
  if (value.units == 0) return Decimal{0, 0};
  while (value.scale > 0 && value.units % 10 == 0) {
    value.units /= 10;
    --value.scale;
  }
  return value;
}

// ---------------------------------------------------------------------------------------------
// Rounding

Int128 round_div(Int128 numerator, Int128 denominator, Rounding mode) {
  assert(denominator != 0);
  const Int128 quotient = numerator / denominator;  // truncated toward zero
  const Int128 remainder = numerator % denominator;
  if (remainder == 0) return quotient;
  const Int128 away = (numerator < 0) != (denominator < 0) ? -1 : 1;  // one step away from zero
  const Int128 r = remainder < 0 ? -remainder : remainder;
  const Int128 d = denominator < 0 ? -denominator : denominator;
  const Int128 rest = d - r;  // compare r with d/2 without computing 2r, which could overflow
  switch (mode) {
    case Rounding::Down:
      return quotient;
    case Rounding::Up:
      return quotient + away;
    case Rounding::HalfUp:
      return r >= rest ? quotient + away : quotient;
    case Rounding::HalfEven:
      if (r != rest) return r > rest ? quotient + away : quotient;
      return quotient % 2 == 0 ? quotient : quotient + away;
  }
  assert(false && "unknown rounding mode");
  return quotient;
}

bool fits_int64(Int128 v) {
  return v >= kInt64Min && v <= kInt64Max;
}

Result<int64_t> multiply(int64_t minor, Decimal factor, Rounding mode) {
  assert(factor.scale >= 0 && factor.scale <= 18);
  const Int128 product = static_cast<Int128>(minor) * factor.units;  // |product| < 2^126
  const Int128 rounded = round_div(product, pow10(factor.scale), mode);
  if (!fits_int64(rounded)) {
    return Problem{"amount", format_amount(minor, 0) + " minor units × " + to_string(factor) +
                                 " is larger than the largest amount Duebook can hold"};
  }
  return static_cast<int64_t>(rounded);
}

// ---------------------------------------------------------------------------------------------
// Allocation

std::vector<int64_t> split_by_weights(int64_t total, const std::vector<int64_t>& weights) {
  assert(!weights.empty());
  Int128 weight_sum = 0;
  for (int64_t w : weights) {
    assert(w >= 0 && "split weights must not be negative");
    weight_sum += w;
  }
  assert(weight_sum > 0 && "split weights must not all be zero");

  // Work on the magnitude so that -T splits as the exact mirror of T.
  const bool negative = total < 0;
  const Int128 magnitude = negative ? -static_cast<Int128>(total) : total;
  std::vector<Int128> shares(weights.size());
  std::vector<Int128> remainders(weights.size());
  Int128 handed_out = 0;
  for (std::size_t i = 0; i < weights.size(); ++i) {
    const Int128 exact = magnitude * weights[i];  // < 2^127: both factors are below 2^63
    shares[i] = exact / weight_sum;
    remainders[i] = exact % weight_sum;
    handed_out += shares[i];
  }
  // Fewer units are left over than there are non-zero remainders, so zero weights never get one.
  const Int128 leftover = magnitude - handed_out;
  std::vector<std::size_t> order(weights.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return remainders[a] > remainders[b]; });
  for (Int128 k = 0; k < leftover; ++k) shares[order[static_cast<std::size_t>(k)]] += 1;

  std::vector<int64_t> result(weights.size());
  for (std::size_t i = 0; i < weights.size(); ++i) {
    result[i] = static_cast<int64_t>(negative ? -shares[i] : shares[i]);
  }
  return result;
}

std::vector<int64_t> split_evenly(int64_t total, int n) {
  assert(n > 0);
  return split_by_weights(total, std::vector<int64_t>(static_cast<std::size_t>(n), 1));
}

Decimal rescale(Decimal value, int scale) {
  assert(scale >= value.scale && scale <= 18);
  const Int128 units = static_cast<Int128>(value.units) * pow10(scale - value.scale);
  assert(fits_int64(units));
  return Decimal{static_cast<int64_t>(units), scale};
}

}  // namespace duebook

// Money as exact integers: amounts are int64 counts of a currency's minor unit (cents, fils, yen),
// quantities and rates are exact decimals, and every rounding in Duebook goes through round_div().
// No floating point anywhere: 0.1 + 0.2 must equal 0.3 on every invoice, in every build.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"

namespace duebook {

// A 128-bit signed integer (a GCC/Clang extension, also on WebAssembly) for exact intermediate
// products of two int64 values; __extension__ keeps -Wpedantic quiet about it.
__extension__ typedef __int128 Int128;

// ---------------------------------------------------------------------------------------------
// Currencies

// The most minor-unit digits a currency may have; ISO 4217's largest today is 4 (CLF, UYW).
inline constexpr int kMaxMinorDigits = 6;

// A currency code stored inline, so that a Money is cheap to copy and compare.
struct CurrencyCode {
  char letters[4] = {0, 0, 0, 0};  // three ASCII letters then NUL; all NUL when unset

  // The code as text ("EUR"); empty when unset.
  std::string_view view() const { return std::string_view(letters, letters[0] ? 3 : 0); }
};

bool operator==(const CurrencyCode& a, const CurrencyCode& b);
bool operator!=(const CurrencyCode& a, const CurrencyCode& b);

// Reads a code typed by a user: surrounding blanks are ignored and letters are upper-cased ("eur ").
// Fails (where "currency") unless the result is three ASCII letters. Does not check that the code
// is in any table: look it up with CurrencyTable::find for that.
Result<CurrencyCode> parse_currency_code(std::string_view text);

// ---------------------------------------------------------------------------------------------
// Amounts

// An amount of one currency, in its minor unit: {1050, "EUR"} is EUR 10.50, {1050, "JPY"} is JPY 1050.
struct Money {
  int64_t minor = 0;      // signed count of minor units; negative for credits and refunds
  CurrencyCode currency;  // the amount's currency
};

bool operator==(const Money& a, const Money& b);
bool operator!=(const Money& a, const Money& b);

// a + b, on exact integers. Both must be in the same currency (a programmer error otherwise:
// asserts). Fails (where "amount") when the sum does not fit in int64; nothing is changed.
Result<Money> add(const Money& a, const Money& b);

// Overflow-checked int64 arithmetic for amounts built from user input. Each returns false, and
// leaves *out unchanged, when the exact result does not fit in int64.
bool checked_add(int64_t a, int64_t b, int64_t* out);
bool checked_sub(int64_t a, int64_t b, int64_t* out);

// 10^digits for 0 <= digits <= 18 (asserts otherwise).
int64_t pow10(int digits);

// Reads an amount typed in major units and returns it in minor units: "1234.5" -> 123450 when
// minor_digits is 2; "1,234,567.89" -> 123456789; "-0.05" -> -5; ".5" -> 50. Accepted: surrounding
// blanks, one leading '-', digits with optional ',' thousands separators in proper groups of three
// ("1,234" but not "12,34" or "1234,567"), then optionally '.' and at most minor_digits digits.
// Extra decimals are an error, never rounded, even when they are zeros: "1.234" and "1.230" for a
// 2-digit currency are rejected, because in much of Europe they mean one thousand two hundred ...
// Fails (where "amount", the message quoting the text) on empty text, any other character, too many
// decimals, or an amount that does not fit in int64. minor_digits must be 0..kMaxMinorDigits.
Result<int64_t> parse_amount(std::string_view text, int minor_digits);

// Writes minor units as a plain decimal in major units: (123450, 2) -> "1234.50", (-5, 2) -> "-0.05",
// (1234, 0) -> "1234". No thousands separators, '-' for negatives. Never fails; the output always
// reads back with parse_amount to the same value.
std::string format_amount(int64_t minor, int minor_digits);

// ---------------------------------------------------------------------------------------------
// Exact decimals for quantities, prices and rates

// value = units / 10^scale: {15, 1} is 1.5, {150, 2} is 1.50, {-3, 0} is -3.
struct Decimal {
  int64_t units = 0;  // the digits as one signed integer
  int scale = 0;      // how many of those digits are after the decimal point, 0..18
};

// Reads a plain decimal: "2", "-1.5", "0.125", ".5", "19.00" (scale kept as written: 2). Accepts
// surrounding blanks and one leading '-' or '+'. No thousands separators, no exponent.
// Fails (where "decimal", quoting the text) on empty text, other characters, more than 18 decimals,
// or digits that do not fit in int64.
Result<Decimal> parse_decimal(std::string_view text);

// Writes a decimal with exactly `scale` decimals: {150, 2} -> "1.50", {-5, 1} -> "-0.5", {7, 0} -> "7".
// Reads back with parse_decimal to the same units and scale.
std::string to_string(Decimal value);

// Compares by value across scales: 1.5 and 1.50 are equal. Returns <0, 0 or >0.
int compare(Decimal a, Decimal b);
// Value equality across scales (1.5 == 1.50).
bool operator==(Decimal a, Decimal b);
bool operator!=(Decimal a, Decimal b);
bool operator<(Decimal a, Decimal b);

// The same value with trailing fractional zeros removed: {1500, 3} -> {15, 1}, {0, 2} -> {0, 0}.
Decimal normalized(Decimal value);

// The decimal with `scale` decimals (scale >= value.scale, at most 18, and the result must fit: asserts).
Decimal rescale(Decimal value, int scale);

// The most decimals a rate in percent may have in a charge: 1e-8 % is far below any real rate.
inline constexpr int kMaxRateDecimals = 8;

// ---------------------------------------------------------------------------------------------
// Rounding: the one place where Duebook rounds

// How a quotient that is not whole becomes an integer. All modes are symmetric around zero, so a
// credit note rounds exactly like the invoice it reverses.
enum class Rounding {
  HalfUp,    // to nearest; ties away from zero (2.5 -> 3, -2.5 -> -3). Default; EN 16931, EU 1103/97
  HalfEven,  // to nearest; ties to the even neighbour (2.5 -> 2, 3.5 -> 4), "banker's rounding"
  Down,      // toward zero, i.e. truncate (2.9 -> 2, -2.9 -> -2)
  Up,        // away from zero (2.1 -> 3, -2.1 -> -3)
};

// numerator / denominator rounded to an integer in the given mode. Exact for all inputs; the
// denominator must not be zero (asserts). The result is Int128 so that callers check the range
// they need (fits_int64) instead of silently wrapping.
Int128 round_div(Int128 numerator, Int128 denominator, Rounding mode);

// True when v is within int64's range.
bool fits_int64(Int128 v);

// amount × factor, rounded once to a whole minor unit in `mode`: (1999, 3) -> 5997; (1000, 0.0125)
// -> 13 (12.5 rounded half-up). Fails (where "amount") when the result does not fit in int64.
Result<int64_t> multiply(int64_t minor, Decimal factor, Rounding mode = Rounding::HalfUp);

// ---------------------------------------------------------------------------------------------
// Allocation

// Splits `total` minor units in proportion to `weights` by the largest-remainder method: each share
// starts as the truncated exact share, then the leftover units go one each to the shares with the
// largest remainders, ties to the earliest index. The result always sums exactly to `total`, and
// a negative total splits as the mirror image of the positive one. Weights must be non-negative
// with at least one positive (asserts: the caller decides what splitting by nothing means).
std::vector<int64_t> split_by_weights(int64_t total, const std::vector<int64_t>& weights);

// Splits `total` into n shares as equal as possible, the larger shares first: 10000 in 3 ->
// {3334, 3333, 3333}. n must be positive (asserts).
std::vector<int64_t> split_evenly(int64_t total, int n);

}  // namespace duebook

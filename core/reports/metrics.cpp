#include "reports/metrics.h"

#include <cassert>

namespace duebook {
namespace {

Int128 magnitude(Int128 v) {
  return v < 0 ? -v : v;
}

Int128 gcd(Int128 a, Int128 b) {
  a = magnitude(a);
  b = magnitude(b);
  while (b != 0) {
    const Int128 r = a % b;
    a = b;
    b = r;
  }
  return a;
}

bool mul(Int128 a, Int128 b, Int128* out) {
  return !__builtin_mul_overflow(a, b, out);
}
bool add(Int128 a, Int128 b, Int128* out) {
  return !__builtin_add_overflow(a, b, out);
}

// The digits of a non-negative Int128.
std::string digits(Int128 v) {
  assert(v >= 0);
  if (v == 0) return "0";
  std::string text;
  while (v > 0) {
    text.insert(text.begin(), static_cast<char>('0' + static_cast<int>(v % 10)));
    v /= 10;
  }
  return text;
}

Problem days_problem(int32_t days) {
  return Problem{"days", "a period needs at least one day, not " + std::to_string(days)};
}

Problem sales_problem(int64_t sales) {
  return Problem{"credit_sales", "DSO needs credit sales in the period; they are " + std::to_string(sales) +
                                     " minor units, so it is undefined"};
}

// ratio × days / sales, the shape of every CRF "days" metric.
Result<Rational> days_of_sales(int64_t receivables, int64_t credit_sales, int32_t days) {
  if (days < 1) return days_problem(days);
  if (credit_sales <= 0) return sales_problem(credit_sales);
  return rational(Int128{receivables} * days, credit_sales);
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Exact rationals

Rational rational(Int128 num, Int128 den) {
  assert(den != 0);
  if (den < 0) {
    num = -num;
    den = -den;
  }
  const Int128 g = gcd(num, den);
  if (g > 1) {
    num /= g;
    den /= g;
  }
  if (num == 0) den = 1;
  return Rational{num, den};
}

Rational rational(Decimal value) {
  assert(value.scale >= 0 && value.scale <= 18);
  return rational(value.units, pow10(value.scale));
}

bool operator==(const Rational& a, const Rational& b) {
  return a.num == b.num && a.den == b.den;
}
bool operator!=(const Rational& a, const Rational& b) {
  return !(a == b);
}

bool rational_add(Rational a, Rational b, Rational* out) {
  const Int128 g = gcd(a.den, b.den);
  Int128 left, right, num, den;
  if (!mul(a.num, b.den / g, &left) || !mul(b.num, a.den / g, &right) || !add(left, right, &num) ||
      !mul(a.den / g, b.den, &den))
    return false;
  *out = rational(num, den);
  return true;
}

bool rational_sub(Rational a, Rational b, Rational* out) {
  return rational_add(a, Rational{-b.num, b.den}, out);
}

bool rational_mul(Rational a, Rational b, Rational* out) {
  // Cross-reduce first so that products stay as small as the result allows.
  const Int128 g1 = gcd(a.num, b.den), g2 = gcd(b.num, a.den);
  const Int128 an = g1 ? a.num / g1 : a.num, bd = g1 ? b.den / g1 : b.den;
  const Int128 bn = g2 ? b.num / g2 : b.num, ad = g2 ? a.den / g2 : a.den;
  Int128 num, den;
  if (!mul(an, bn, &num) || !mul(ad, bd, &den)) return false;
  *out = rational(num, den);
  return true;
}

bool rational_div(Rational a, Rational b, Rational* out) {
  if (b.num == 0) return false;
  return rational_mul(a, rational(b.den, b.num), out);
}

int compare(Rational a, Rational b) {
  Rational difference;
  const bool fits = rational_sub(a, b, &difference);
  assert(fits && "rationals too large to compare");
  (void)fits;
  return difference.num < 0 ? -1 : (difference.num > 0 ? 1 : 0);
}

std::string format_rational(Rational value, int decimals) {
  assert(decimals >= 0 && decimals <= 9);
  assert(value.den > 0);
  const bool negative = value.num < 0;
  const Int128 n = magnitude(value.num);
  Int128 whole = n / value.den;
  // remainder < den, so remainder × 10^decimals fits unless den is beyond 2^97: not for our inputs.
  const Int128 scale = pow10(decimals);
  Int128 scaled_remainder;
  const bool fits = mul(n % value.den, scale, &scaled_remainder);
  assert(fits && "denominator too large to format");
  (void)fits;
  Int128 fraction = round_div(scaled_remainder, value.den, Rounding::HalfUp);
  if (fraction == scale) {  // 0.996 -> 1.00: the rounding carried into the whole part
    whole += 1;
    fraction = 0;
  }
  std::string text = (negative && (whole != 0 || fraction != 0)) ? "-" : "";
  text += digits(whole);
  if (decimals > 0) {
    std::string frac = digits(fraction);
    text += "." + std::string(static_cast<std::size_t>(decimals) - frac.size(), '0') + frac;
  }
  return text;
}

std::string format_percent(Rational fraction, int decimals) {
  Rational percent;
  if (!rational_mul(fraction, rational(100), &percent)) {
    assert(false && "fraction too large to write as a percent");
    return "";
  }
  return format_rational(percent, decimals);
}

double to_double(Rational value) {
  return static_cast<double>(value.num) / static_cast<double>(value.den);
}

// ---------------------------------------------------------------------------------------------
// DSO and friends

Result<Rational> dso_simple(int64_t ending_receivables, int64_t credit_sales, int32_t days_in_period) {
  return days_of_sales(ending_receivables, credit_sales, days_in_period);
}

Result<Rational> dso_countback(int64_t ending_receivables, const std::vector<MonthSales>& months) {
  Problems problems;
  for (std::size_t i = 0; i < months.size(); ++i) {
    const std::string at = "months[" + std::to_string(i) + "]";
    if (months[i].credit_sales < 0)
      problems.push_back({at + ".credit_sales", "a month's credit sales cannot be negative"});
    if (months[i].days < 1) problems.push_back({at + ".days", "a month needs at least one day"});
  }
  if (!problems.empty()) return problems;
  if (ending_receivables <= 0) return rational(0);

  Int128 left = ending_receivables;
  Int128 whole_days = 0;
  for (const MonthSales& month : months) {
    if (left >= month.credit_sales) {  // the month's sales are all still open: count all its days
      whole_days += month.days;
      left -= month.credit_sales;
      if (left == 0) return rational(whole_days);
      continue;
    }
    // Only part of this month's sales is still open: count that share of its days.
    return rational(whole_days * month.credit_sales + left * month.days, month.credit_sales);
  }
  return Problem{"months", "the receivables are larger than the credit sales of the " +
                               std::to_string(months.size()) + " months given; give more months"};
}

Result<Rational> dso_best_possible(int64_t current_receivables, int64_t credit_sales,
                                   int32_t days_in_period) {
  return days_of_sales(current_receivables, credit_sales, days_in_period);
}

Result<Rational> average_days_delinquent(int64_t ending_total_receivables, int64_t ending_current_receivables,
                                         int64_t credit_sales, int32_t days_in_period) {
  if (days_in_period < 1) return days_problem(days_in_period);
  if (credit_sales <= 0) return sales_problem(credit_sales);
  const Int128 past_due = Int128{ending_total_receivables} - ending_current_receivables;
  return rational(past_due * days_in_period, credit_sales);
}

Result<Rational> collection_effectiveness_index(const CeiInput& input) {
  if (input.months < 1)
    return Problem{"months", "the number of months must be at least 1, not " + std::to_string(input.months)};
  const Int128 n = input.months;
  const Int128 available = n * input.beginning_receivables + input.credit_sales;
  const Int128 collected = available - n * input.ending_total_receivables;
  const Int128 collectable = available - n * input.ending_current_receivables;
  if (collectable <= 0)
    return Problem{"cei",
                   "nothing was collectable in the period (beginning receivables + sales − ending current "
                   "receivables is not positive), so the index is undefined"};
  return rational(collected * 100, collectable);
}

// ---------------------------------------------------------------------------------------------
// Days late

namespace {

// Running sums of one window.
struct WindowSums {
  Int128 weighted = 0;  // Σ amount × days late
  int64_t amount = 0;   // Σ amount
  int32_t count = 0;    // payments
};

DaysLate days_late_of(const WindowSums& sums) {
  DaysLate result;
  result.amount = sums.amount;
  result.count = sums.count;
  result.average = sums.amount > 0 ? rational(sums.weighted, sums.amount) : rational(0);
  return result;
}

bool finish_trend(DaysLateTrend& trend, const WindowSums& current, const WindowSums& previous) {
  trend.current = days_late_of(current);
  trend.previous = days_late_of(previous);
  trend.has_change = current.amount > 0 && previous.amount > 0;
  if (!trend.has_change) return true;
  return rational_sub(trend.current.average, trend.previous.average, &trend.change);
}

}  // namespace

Result<DaysLateReport> days_late_report(const std::vector<PaidAmount>& payments, int32_t customer_count,
                                        const Date& from, const Date& to) {
  const int64_t first = days_from_civil(from), last = days_from_civil(to);
  if (last < first)
    return Problem{"window", "the window ends (" + to_iso(to) + ") before it starts (" + to_iso(from) + ")"};
  assert(customer_count >= 0);
  const int64_t length = last - first + 1;
  const int64_t previous_first = first - length;

  // Two windows per customer, then everybody: [2c] current, [2c + 1] previous.
  std::vector<WindowSums> sums(static_cast<std::size_t>(customer_count) * 2 + 2);
  bool overflow = false;
  for (const PaidAmount& p : payments) {
    assert(p.customer >= 0 && p.customer < customer_count);
    if (p.amount <= 0 || p.paid_day < previous_first || p.paid_day > last) continue;
    const std::size_t window = p.paid_day >= first ? 0 : 1;
    const Int128 weighted = Int128{p.amount} * (int64_t{p.paid_day} - p.due_day);
    for (std::size_t slot : {static_cast<std::size_t>(p.customer) * 2 + window,
                             static_cast<std::size_t>(customer_count) * 2 + window}) {
      WindowSums& s = sums[slot];
      s.weighted += weighted;  // |amount × days| < 2^95: a billion payments cannot overflow 127 bits
      overflow |= __builtin_add_overflow(s.amount, p.amount, &s.amount);
      ++s.count;
    }
  }
  if (overflow)
    return Problem{"amount", "the payments add up to more than the largest amount Duebook can hold"};

  DaysLateReport report;
  report.customers.resize(static_cast<std::size_t>(customer_count));
  bool fits = true;
  for (int32_t c = 0; c < customer_count; ++c) {
    report.customers[c].customer = c;
    fits &= finish_trend(report.customers[c], sums[2 * static_cast<std::size_t>(c)],
                         sums[2 * static_cast<std::size_t>(c) + 1]);
  }
  const std::size_t all = static_cast<std::size_t>(customer_count) * 2;
  fits &= finish_trend(report.all, sums[all], sums[all + 1]);
  if (!fits) return Problem{"amount", "the days-late averages are too large to compare exactly"};
  return report;
}

// ---------------------------------------------------------------------------------------------
// Disputed and promised amounts

Result<std::vector<FlaggedTotals>> flagged_totals(const std::vector<FlaggedAmount>& flags,
                                                  int32_t currency_count, const Date& as_of) {
  assert(currency_count >= 0);
  const int32_t day = day_number(as_of);
  std::vector<FlaggedTotals> totals(static_cast<std::size_t>(currency_count));
  bool overflow = false;
  for (const FlaggedAmount& f : flags) {
    assert(f.currency >= 0 && f.currency < currency_count);
    if (f.from_day > day || (f.until_day != kNoDay && f.until_day <= day)) continue;
    FlaggedTotals& t = totals[f.currency];
    if (f.kind == FlagKind::Disputed) {
      overflow |= __builtin_add_overflow(t.disputed, f.amount, &t.disputed);
      ++t.disputed_count;
    } else {
      overflow |= __builtin_add_overflow(t.promised, f.amount, &t.promised);
      ++t.promised_count;
    }
  }
  if (overflow) return Problem{"amount", "the flagged amounts add up to more than Duebook can hold"};
  return totals;
}

}  // namespace duebook

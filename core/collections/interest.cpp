// Interest on late payment (interest.h).
#include "collections/interest.h"

#include <algorithm>
#include <cassert>
#include <map>
#include <set>
#include <tuple>

#include "base/currencies.h"
#include "base/text.h"

namespace duebook {

namespace {

constexpr int64_t kDaysPerYear = 365;      // actual/365 fixed
constexpr int kStatutoryMarginPoints = 8;  // UK SI 2002/1675 art. 4; Directive 2011/7/EU Art. 2(6)

char lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

// rate + points percentage points, exact.
Decimal plus_points(Decimal rate, int points) {
  return Decimal{rate.units + points * pow10(rate.scale), rate.scale};
}

Problem interest_problem(const std::string& message) {
  return Problem{"interest", message};
}

}  // namespace

Result<InterestAccrual> accrue_simple_interest(int64_t amount_due_minor, const Date& due_date,
                                               const std::vector<DatedPayment>& payments, const Date& as_of,
                                               const std::vector<RatePeriod>& rates) {
  for (const DatedPayment& p : payments) {
    if (p.minor <= 0)
      return interest_problem("a payment of " + std::to_string(p.minor) + " on " + to_iso(p.date) +
                              " is not positive");
  }
  int scale = 0;
  for (std::size_t i = 0; i < rates.size(); ++i) {
    if (rates[i].annual_percent.units < 0 || rates[i].annual_percent.scale > kMaxRateDecimals ||
        compare(rates[i].annual_percent, Decimal{1000, 0}) > 0) {
      return interest_problem("the rate from " + to_iso(rates[i].from) + " must be 0..1000 % with " +
                              "at most " + std::to_string(kMaxRateDecimals) + " decimals");
    }
    if (i > 0 && !(rates[i - 1].from < rates[i].from)) {
      return interest_problem("rate periods must be in date order");
    }
    scale = std::max(scale, rates[i].annual_percent.scale);
  }
  InterestAccrual out;
  if (as_of <= due_date) return out;
  const Date first = add_days(due_date, 1);
  if (rates.empty() || first < rates.front().from) {
    return interest_problem("no interest rate is known for " + to_iso(first));
  }
  // A stretch starts on the first late day, on every payment day (a payment on d already lowers
  // the amount unpaid at the end of d) and on every rate change.
  std::vector<Date> starts{first};
  for (const DatedPayment& p : payments) {
    if (first < p.date && p.date <= as_of) starts.push_back(p.date);
  }
  for (const RatePeriod& r : rates) {
    if (first < r.from && r.from <= as_of) starts.push_back(r.from);
  }
  std::sort(starts.begin(), starts.end());
  starts.erase(std::unique(starts.begin(), starts.end()), starts.end());

  // 2^125: a sum below it, plus one more term below 2^122 (principal < 2^63 × rate units < 2^37
  // × days < 2^22), cannot overflow Int128.
  const Int128 kSumLimit = static_cast<Int128>(1) << 125;
  Int128 sum = 0;
  for (std::size_t i = 0; i < starts.size(); ++i) {
    const Date a = starts[i];
    const Date b = i + 1 < starts.size() ? add_days(starts[i + 1], -1) : as_of;
    const int64_t principal = amount_due_minor - paid_by(payments, a);
    if (principal <= 0) break;  // payments only lower it: nothing accrues from here on
    Decimal rate;
    for (const RatePeriod& r : rates) {
      if (r.from <= a) rate = r.annual_percent;
    }
    const int64_t days = days_between(a, b) + 1;
    sum += static_cast<Int128>(principal) * rescale(rate, scale).units * days;
    if (sum > kSumLimit) return interest_problem("the interest is too large to compute");
    out.slices.push_back({a, b, days, principal, rate});
  }
  const Int128 denominator = static_cast<Int128>(kDaysPerYear) * 100 * pow10(scale);
  const Int128 interest = round_div(sum, denominator, Rounding::HalfUp);
  if (!fits_int64(interest)) return interest_problem("the interest is too large to record");
  out.interest_minor = static_cast<int64_t>(interest);
  return out;
}

Result<InterestPolicy> parse_interest_policy(std::string_view text) {
  std::string t;
  for (char c : trim_view(text)) t.push_back(lower(c));
  auto fail = [&] {
    return Problem{"policy", "\"" + std::string(trim_view(text)) +
                                 "\" is not an interest policy: use contract:<percent a year> "
                                 "(or contract:<percent>/month), uk-late-payment or eu-late-payment"};
  };
  InterestPolicy policy;
  if (t == "uk-late-payment") {
    policy.kind = InterestPolicyKind::UkLatePayment;
    return policy;
  }
  if (t == "eu-late-payment") {
    policy.kind = InterestPolicyKind::EuLatePayment;
    return policy;
  }
  const std::string prefix = "contract:";
  if (t.compare(0, prefix.size(), prefix) != 0) return fail();
  std::string rate_text = t.substr(prefix.size());
  int months = 1;  // the multiplier that turns the written rate into an annual one
  for (const char* suffix : {"/month", "/year"}) {
    const std::string s(suffix);
    if (rate_text.size() > s.size() && rate_text.compare(rate_text.size() - s.size(), s.size(), s) == 0) {
      rate_text.resize(rate_text.size() - s.size());
      if (s == "/month") months = 12;
    }
  }
  if (!rate_text.empty() && rate_text.back() == '%') rate_text.pop_back();
  Result<Decimal> rate = parse_decimal(rate_text);
  if (!rate) return fail();
  const Decimal annual{rate->units * months, rate->scale};  // simple: 1.5 % a month = 18 % a year
  if (annual.units < 0 || annual.scale > kMaxHistoryDecimals || compare(annual, Decimal{1000, 0}) > 0) {
    return Problem{"policy", "a contract rate must be 0..1000 % a year with at most " +
                                 std::to_string(kMaxHistoryDecimals) + " decimals"};
  }
  policy.kind = InterestPolicyKind::Contract;
  policy.contract_annual_percent = normalized(annual);
  return policy;
}

std::string to_string(const InterestPolicy& policy) {
  switch (policy.kind) {
    case InterestPolicyKind::UkLatePayment:
      return "uk-late-payment";
    case InterestPolicyKind::EuLatePayment:
      return "eu-late-payment";
    case InterestPolicyKind::Contract:
      break;
  }
  return "contract:" + to_string(normalized(policy.contract_annual_percent));
}

Result<Decimal> uk_statutory_rate(const RateHistory& boe_bank_rate, const Date& due_date) {
  const Date late = add_days(due_date, 1);
  const Date reference = late.m <= 6 ? Date{late.y - 1, 12, 31} : Date{late.y, 6, 30};
  const std::optional<Decimal> base = rate_in_force(boe_bank_rate, reference);
  if (!base) return interest_problem("no Bank of England rate is known for " + to_iso(reference));
  return plus_points(*base, kStatutoryMarginPoints);
}

int64_t uk_fixed_sum_pence(int64_t debt_pence) {
  if (debt_pence < 100000) return 4000;   // under £1,000: £40
  if (debt_pence < 1000000) return 7000;  // £1,000 up to £9,999.99: £70
  return 10000;                           // £10,000 or more: £100
}

Result<std::vector<RatePeriod>> interest_rate_periods(const InterestPolicy& policy, const Date& due_date,
                                                      const Date& as_of, const ReferenceRates& rates) {
  const Date late = add_days(due_date, 1);
  switch (policy.kind) {
    case InterestPolicyKind::Contract:
      return std::vector<RatePeriod>{{late, policy.contract_annual_percent}};
    case InterestPolicyKind::UkLatePayment: {
      Result<Decimal> rate = uk_statutory_rate(rates.boe_bank_rate, due_date);
      if (!rate) return rate.problems();
      return std::vector<RatePeriod>{{late, *rate}};
    }
    case InterestPolicyKind::EuLatePayment:
      break;
  }
  std::vector<RatePeriod> periods;
  Date half{late.y, late.m <= 6 ? 1 : 7, 1};  // 1 January or 1 July: Art. 3(2)
  do {
    const std::optional<Decimal> reference = rate_in_force(rates.ecb_mro, half);
    if (!reference) return interest_problem("no ECB main refinancing rate is known for " + to_iso(half));
    periods.push_back({std::max(late, half), plus_points(*reference, kStatutoryMarginPoints)});
    half = add_months(half, 6);
  } while (half <= as_of);
  return periods;
}

int64_t paid_by(const std::vector<DatedPayment>& payments, const Date& day) {
  int64_t sum = 0;
  for (const DatedPayment& p : payments) {
    if (p.date <= day) sum += p.minor;
  }
  return sum;
}

}  // namespace duebook

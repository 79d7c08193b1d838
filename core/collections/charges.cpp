#include "collections/charges.h"
#include "base/currencies.h"

#include <algorithm>
#include <cassert>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <tuple>

namespace duebook {
namespace {

constexpr int kMaxRateDecimals = 8;      // rates in interest sums: 1e-8 % is far below any real rate
constexpr int kMaxHistoryDecimals = 6;   // central banks publish at most 2-3 decimals
constexpr int64_t kDaysPerYear = 365;    // actual/365 fixed
constexpr int kStatutoryMarginPoints = 8;  // UK SI 2002/1675 art. 4; Directive 2011/7/EU Art. 2(6)

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

char lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

// The decimal with `scale` decimals (scale >= value.scale, the result must fit: asserts).
Decimal rescale(Decimal value, int scale) {
  assert(scale >= value.scale && scale <= 18);
  const Int128 units = static_cast<Int128>(value.units) * pow10(scale - value.scale);
  assert(fits_int64(units));
  return Decimal{static_cast<int64_t>(units), scale};
}

// rate + points percentage points, exact.
Decimal plus_points(Decimal rate, int points) {
  return Decimal{rate.units + points * pow10(rate.scale), rate.scale};
}

// A rate for display: trailing zeros dropped, but at least two decimals ("12.25", "18.00").
Decimal display_rate(Decimal rate) {
  Decimal n = normalized(rate);
  return n.scale < 2 ? rescale(n, 2) : n;
}

int minor_digits_of(const CurrencyCode& currency) {
  const Currency* c = builtin_currencies().find(currency.view());
  return c ? c->minor_digits : 2;
}

std::string amount_text(int64_t minor, const CurrencyCode& currency) {
  return format_amount(minor, minor_digits_of(currency));
}

// Σ payments dated on or before `day`.
int64_t paid_by(const std::vector<DatedPayment>& payments, const Date& day) {
  int64_t sum = 0;
  for (const DatedPayment& p : payments) {
    if (p.date <= day) sum += p.minor;
  }
  return sum;
}

Problem interest_problem(const std::string& message) {
  return Problem{"interest", message};
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Late fees

Status validate_late_fee_rule(const LateFeeRule& rule) {
  Problems problems;
  if (rule.percent.units < 0 || compare(rule.percent, Decimal{100, 0}) > 0 ||
      rule.percent.scale > kMaxRateDecimals) {
    problems.push_back({"late_fee.percent", "must be between 0 and 100 with at most " +
                                                std::to_string(kMaxRateDecimals) + " decimals"});
  }
  for (std::size_t i = 0; i < rule.flat.size(); ++i) {
    const std::string where = "late_fee.flat[" + std::to_string(i) + "]";
    if (rule.flat[i].minor < 0) problems.push_back({where, "a flat fee cannot be negative"});
    for (std::size_t k = 0; k < i; ++k) {
      if (rule.flat[k].currency == rule.flat[i].currency) {
        problems.push_back({where, "a second flat fee in " + std::string(rule.flat[i].currency.view())});
      }
    }
  }
  if (!problems.empty()) return problems;
  return ok_status();
}

Result<int64_t> late_fee_amount(const LateFeeRule& rule, const Money& overdue) {
  if (overdue.minor <= 0) return int64_t{0};
  int64_t flat = 0;
  for (const Money& m : rule.flat) {
    if (m.currency == overdue.currency) flat = m.minor;
  }
  assert(flat >= 0 && rule.percent.units >= 0 && rule.percent.scale <= kMaxRateDecimals);
  const Int128 base = static_cast<Int128>(100) * pow10(rule.percent.scale);
  const Int128 numerator = static_cast<Int128>(flat) * base +
                           static_cast<Int128>(overdue.minor) * rule.percent.units;
  const Int128 fee = round_div(numerator, base, Rounding::HalfUp);
  if (!fits_int64(fee)) return Problem{"late_fee", "the late fee is too large to record"};
  return static_cast<int64_t>(fee);
}

Result<std::vector<LateFeeCharge>> late_fees_to_charge(const std::vector<LateFeeCandidate>& candidates,
                                                       const std::vector<ChargedStep>& already_charged,
                                                       const LateFeeRule& rule) {
  Status valid = validate_late_fee_rule(rule);
  if (!valid) return valid.problems();
  std::set<std::pair<std::string, int>> seen;
  for (const ChargedStep& c : already_charged) seen.insert({c.invoice, c.step_index});
  std::vector<LateFeeCharge> out;
  for (const LateFeeCandidate& c : candidates) {
    if (c.waived) continue;
    if (!seen.insert({c.invoice, c.step_index}).second) continue;
    Result<int64_t> fee = late_fee_amount(rule, c.overdue);
    if (!fee) return Problem{"late_fee", c.invoice + ": " + fee.problems().front().message};
    if (*fee > 0) out.push_back({c.invoice, c.step_index, Money{*fee, c.overdue.currency}});
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Reference rates

Result<RateHistory> parse_rate_history(std::string_view csv, std::string_view file_name) {
  Problems problems;
  RateHistory history;
  const std::string file(file_name);
  bool header_seen = false;
  int row = 0;
  std::size_t pos = 0;
  while (pos <= csv.size()) {
    std::size_t end = csv.find('\n', pos);
    if (end == std::string_view::npos) end = csv.size();
    const std::string_view line = trim(csv.substr(pos, end - pos));
    pos = end + 1;
    ++row;
    if (line.empty() || line.front() == '#') continue;
    const std::string at = file + ":" + std::to_string(row);
    if (!header_seen) {
      header_seen = true;
      if (line != "effective_date,rate_percent") {
        problems.push_back({at, "the first line must be the header \"effective_date,rate_percent\""});
        break;
      }
      continue;
    }
    const std::size_t comma = line.find(',');
    if (comma == std::string_view::npos || line.find(',', comma + 1) != std::string_view::npos) {
      problems.push_back({at, "expected two fields: effective_date,rate_percent"});
      continue;
    }
    Result<Date> date = parse_date(trim(line.substr(0, comma)));
    Result<Decimal> rate = parse_decimal(trim(line.substr(comma + 1)));
    if (!date) problems.push_back({at + ":effective_date", date.problems().front().message});
    if (!rate) {
      problems.push_back({at + ":rate_percent", rate.problems().front().message});
    } else if (rate->scale > kMaxHistoryDecimals || compare(*rate, Decimal{100, 0}) > 0 ||
               compare(*rate, Decimal{-100, 0}) < 0) {
      problems.push_back({at + ":rate_percent", "must be between -100 and 100 with at most " +
                                                    std::to_string(kMaxHistoryDecimals) + " decimals"});
      continue;
    }
    if (!date || !rate) continue;
    if (!history.changes.empty() && !(history.changes.back().effective < *date)) {
      problems.push_back({at + ":effective_date",
                          to_iso(*date) + " is not after the previous row's " +
                              to_iso(history.changes.back().effective) + "; keep rows in date order"});
      continue;
    }
    history.changes.push_back({*date, *rate});
  }
  if (problems.empty() && history.changes.empty()) {
    problems.push_back({file, header_seen ? "has no rates" : "is empty: expected the header "
                                                             "\"effective_date,rate_percent\" and rows"});
  }
  if (!problems.empty()) return problems;
  return history;
}

std::optional<Decimal> rate_in_force(const RateHistory& history, const Date& date) {
  const auto it = std::upper_bound(history.changes.begin(), history.changes.end(), date,
                                   [](const Date& d, const RateChange& c) { return d < c.effective; });
  if (it == history.changes.begin()) return std::nullopt;
  return std::prev(it)->rate_percent;
}

// ---------------------------------------------------------------------------------------------
// Interest

Result<InterestAccrual> accrue_simple_interest(int64_t amount_due_minor, const Date& due_date,
                                               const std::vector<DatedPayment>& payments,
                                               const Date& as_of,
                                               const std::vector<RatePeriod>& rates) {
  for (const DatedPayment& p : payments) {
    if (p.minor <= 0) return interest_problem("a payment of " + std::to_string(p.minor) +
                                              " on " + to_iso(p.date) + " is not positive");
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
  for (char c : trim(text)) t.push_back(lower(c));
  auto fail = [&] {
    return Problem{"policy", "\"" + std::string(trim(text)) +
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
    case InterestPolicyKind::UkLatePayment: return "uk-late-payment";
    case InterestPolicyKind::EuLatePayment: return "eu-late-payment";
    case InterestPolicyKind::Contract: break;
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
    case InterestPolicyKind::EuLatePayment: break;
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

// ---------------------------------------------------------------------------------------------
// Preview

ChargesPreview preview_charges(const Date& as_of, const InterestPolicy& policy,
                               const std::vector<ChargeableInvoice>& invoices,
                               const ReferenceRates& rates) {
  ChargesPreview preview;
  preview.as_of = as_of;
  preview.policy = policy;
  for (const ChargeableInvoice& inv : invoices) {
    const int64_t outstanding = inv.amount_due.minor - paid_by(inv.payments, as_of);
    if (!(inv.due_date < as_of) || outstanding <= 0) continue;  // not overdue today
    auto skip = [&](const std::string& message) { preview.skipped.push_back({inv.invoice, message}); };
    const std::string_view code = inv.amount_due.currency.view();
    if (!builtin_currencies().find(code)) {
      skip("unknown currency \"" + std::string(code) + "\"");
      continue;
    }
    if (policy.kind == InterestPolicyKind::UkLatePayment && code != "GBP") {
      skip("the UK late-payment fixed sums are in pounds; this invoice is in " + std::string(code));
      continue;
    }
    if (policy.kind == InterestPolicyKind::EuLatePayment && code != "EUR") {
      skip("the bundled EU reference rate is the ECB's, for euro debts; this invoice is in " +
           std::string(code));
      continue;
    }
    Result<std::vector<RatePeriod>> periods = interest_rate_periods(policy, inv.due_date, as_of, rates);
    if (!periods) {
      skip(periods.problems().front().message);
      continue;
    }
    Result<InterestAccrual> accrual =
        accrue_simple_interest(inv.amount_due.minor, inv.due_date, inv.payments, as_of, *periods);
    if (!accrual) {
      skip(accrual.problems().front().message);
      continue;
    }
    ChargesPreviewRow row;
    row.invoice = inv.invoice;
    row.customer = inv.customer;
    row.currency = inv.amount_due.currency;
    row.due_date = inv.due_date;
    row.outstanding_minor = outstanding;
    row.days_late = days_between(inv.due_date, as_of);
    for (const RatePeriod& p : *periods) {
      if (p.from <= as_of) row.annual_rate = p.annual_percent;
    }
    row.interest_minor = accrual->interest_minor;
    const int64_t debt = std::max<int64_t>(0, inv.amount_due.minor - paid_by(inv.payments, inv.due_date));
    if (policy.kind == InterestPolicyKind::UkLatePayment) row.fixed_compensation_minor = uk_fixed_sum_pence(debt);
    if (policy.kind == InterestPolicyKind::EuLatePayment) row.fixed_compensation_minor = kEuFixedCompensationCents;
    preview.rows.push_back(row);
  }
  std::sort(preview.rows.begin(), preview.rows.end(), [](const ChargesPreviewRow& a, const ChargesPreviewRow& b) {
    return std::tie(a.customer, a.due_date, a.invoice) < std::tie(b.customer, b.due_date, b.invoice);
  });
  std::map<std::string, ChargesPreviewTotal> totals;
  for (const ChargesPreviewRow& r : preview.rows) {
    ChargesPreviewTotal& t = totals[std::string(r.currency.view())];
    t.currency = r.currency;
    t.invoices += 1;
    t.outstanding_minor += r.outstanding_minor;
    t.interest_minor += r.interest_minor;
    t.fixed_compensation_minor += r.fixed_compensation_minor;
  }
  for (const auto& [code, t] : totals) preview.totals.push_back(t);
  return preview;
}

std::string charges_preview_json(const ChargesPreview& preview) {
  using Ordered = nlohmann::ordered_json;
  Ordered rows = Ordered::array();
  for (const ChargesPreviewRow& r : preview.rows) {
    rows.push_back(Ordered{{"invoice", r.invoice},
                           {"customer", r.customer},
                           {"currency", std::string(r.currency.view())},
                           {"due_date", to_iso(r.due_date)},
                           {"outstanding", amount_text(r.outstanding_minor, r.currency)},
                           {"days_late", r.days_late},
                           {"annual_rate", to_string(display_rate(r.annual_rate))},
                           {"interest", amount_text(r.interest_minor, r.currency)},
                           {"fixed_compensation", amount_text(r.fixed_compensation_minor, r.currency)}});
  }
  Ordered totals = Ordered::array();
  for (const ChargesPreviewTotal& t : preview.totals) {
    totals.push_back(Ordered{{"currency", std::string(t.currency.view())},
                             {"invoices", t.invoices},
                             {"outstanding", amount_text(t.outstanding_minor, t.currency)},
                             {"interest", amount_text(t.interest_minor, t.currency)},
                             {"fixed_compensation", amount_text(t.fixed_compensation_minor, t.currency)}});
  }
  Ordered skipped = Ordered::array();
  for (const Problem& p : preview.skipped) skipped.push_back(Ordered{{"invoice", p.where}, {"message", p.message}});
  return Ordered{{"as_of", to_iso(preview.as_of)},
                 {"policy", to_string(preview.policy)},
                 {"invoices", rows},
                 {"totals", totals},
                 {"skipped", skipped}}
      .dump(2);
}

// ---------------------------------------------------------------------------------------------
// Early-payment discount

Result<EarlyPaymentBooking> book_early_payment(const EarlyPaymentInput& in) {
  Problems problems;
  Status terms = validate_terms(in.terms);
  if (!terms) problems.push_back({"payment.terms", terms.problems().front().message});
  if (in.gross_minor < 0 || in.net_minor < 0 || in.tax_minor < 0) {
    problems.push_back({"payment.gross", "gross, net and tax cannot be negative"});
  } else if (in.net_minor + in.tax_minor != in.gross_minor) {
    problems.push_back({"payment.gross", "net + tax must equal gross"});
  }
  if (in.open_minor < 0 || in.open_minor > in.gross_minor) {
    problems.push_back({"payment.open", "the open amount must be between 0 and the gross amount"});
  }
  if (in.paid_minor <= 0) problems.push_back({"payment.amount", "a payment must be positive"});
  if (!problems.empty()) return problems;

  EarlyPaymentBooking b;
  const int64_t discount = discount_amount(in.terms, in.gross_minor);
  const bool in_time = discount_applies(in.terms, in.invoice_date, in.paid_on);
  if (in_time && discount > 0 && in.open_minor > discount && in.paid_minor >= in.open_minor - discount) {
    b.discount_taken = true;
    b.discount_minor = discount;
    b.applied_minor = in.open_minor - discount;
    b.unapplied_minor = in.paid_minor - b.applied_minor;
    b.remaining_open_minor = 0;
    if (in.discount_reduces_tax && in.tax_minor > 0) {
      const std::vector<int64_t> parts = split_by_weights(discount, {in.net_minor, in.tax_minor});
      b.discount_net_minor = parts[0];
      b.discount_tax_minor = parts[1];
    } else {
      b.discount_net_minor = discount;
    }
    return b;
  }
  b.applied_minor = std::min(in.paid_minor, in.open_minor);
  b.unapplied_minor = in.paid_minor - b.applied_minor;
  b.remaining_open_minor = in.open_minor - b.applied_minor;
  return b;
}

}  // namespace duebook

#include "collections/options.h"

#include <algorithm>
#include <cassert>

namespace duebook {
namespace {

// A percent as a fraction: 2 -> 1/50.
Rational fraction_of(Decimal percent) {
  return rational(rational(percent).num, rational(percent).den * 100);
}

// Checks that a percent is a valid decimal within [low, high] (or [low, high) when high_open).
void check_percent(Problems& problems, const char* field, Decimal value, int64_t low, int64_t high,
                   bool high_open, bool low_open = false) {
  const std::string where = std::string("terms.") + field;
  if (value.scale < 0 || value.scale > 16) {
    problems.push_back({where, "use at most 16 decimals"});
    return;
  }
  const int lo = compare(value, Decimal{low, 0}), hi = compare(value, Decimal{high, 0});
  if (lo < 0 || (low_open && lo == 0) || hi > 0 || (high_open && hi == 0))
    problems.push_back({where, to_string(value) + " % is out of range (" + (low_open ? "above " : "from ") +
                                   std::to_string(low) + (high_open ? " to below " : " to ") +
                                   std::to_string(high) + " %)"});
}

// The checked product of rationals, or false.
bool product(std::initializer_list<Rational> factors, Rational* out) {
  Rational result = rational(1);
  for (const Rational& f : factors)
    if (!rational_mul(result, f, &result)) return false;
  *out = result;
  return true;
}

// A rational amount rounded to whole minor units with round_div HalfUp; false when it leaves int64.
bool to_minor(Rational amount, int64_t* out) {
  const Int128 rounded = round_div(amount.num, amount.den, Rounding::HalfUp);
  if (!fits_int64(rounded)) return false;
  *out = static_cast<int64_t>(rounded);
  return true;
}

// cost / (1 − cost share) style rates: part / base × Y / days; false when it overflows.
bool annual_rate(Rational part, Rational base, int32_t days_per_year, Rational days, Rational* out) {
  Rational share, per_day;
  if (!rational_div(part, base, &share)) return false;
  if (!rational_div(rational(days_per_year), days, &per_day)) return false;
  return rational_mul(share, per_day, out);
}

void set_rate(OptionCost& cost, Rational rate) {
  cost.has_annual_cost = true;
  cost.annual_cost = rate;
  cost.annual_cost_percent = format_percent(rate, 2);
}

}  // namespace

const char* to_string(CollectionOption option) {
  switch (option) {
    case CollectionOption::Wait:
      return "wait";
    case CollectionOption::Discount:
      return "discount";
    case CollectionOption::Interest:
      return "interest";
    case CollectionOption::Factoring:
      return "factoring";
    case CollectionOption::Agency:
      return "agency";
    case CollectionOption::Installments:
      return "installments";
    case CollectionOption::Settlement:
      return "settlement";
  }
  return "wait";
}

Result<std::vector<OptionCost>> compare_collection_options(const OverdueSelection& selection,
                                                           const CollectionTerms& terms) {
  Problems problems;
  if (selection.face < 0) problems.push_back({"selection.face", "the amount to collect cannot be negative"});
  if (selection.wait_probability.den <= 0 || selection.wait_probability.num < 0 ||
      selection.wait_probability.num > selection.wait_probability.den)
    problems.push_back({"selection.wait_probability", "a probability must be between 0 and 1"});
  if (selection.wait_days.den <= 0 || selection.wait_days.num < 0)
    problems.push_back({"selection.wait_days", "the expected wait cannot be negative"});
  check_percent(problems, "discount_percent", terms.discount_percent, 0, 100, true);
  check_percent(problems, "interest_annual_percent", terms.interest_annual_percent, 0, 1000000, false);
  check_percent(problems, "factoring_advance_percent", terms.factoring_advance_percent, 0, 100, false, true);
  check_percent(problems, "factoring_fee_percent", terms.factoring_fee_percent, 0, 100, true);
  check_percent(problems, "agency_commission_percent", terms.agency_commission_percent, 0, 100, true);
  check_percent(problems, "agency_success_percent", terms.agency_success_percent, 0, 100, false);
  if (problems.empty() && compare(terms.factoring_fee_percent, terms.factoring_advance_percent) >= 0)
    problems.push_back({"terms.factoring_fee_percent", "the factor's fee must be smaller than its advance"});
  if (terms.agency_days < 0) problems.push_back({"terms.agency_days", "cannot be negative"});
  if (terms.days_per_year < 1) problems.push_back({"terms.days_per_year", "must be at least 1"});
  if (!problems.empty()) return problems;

  const Rational face = rational(selection.face);
  const Rational p = selection.wait_probability;
  const Rational wait_days = selection.wait_days;
  const Rational d = fraction_of(terms.discount_percent);
  const Rational r = fraction_of(terms.interest_annual_percent);
  const Rational a = fraction_of(terms.factoring_advance_percent);
  const Rational f = fraction_of(terms.factoring_fee_percent);
  const Rational c = fraction_of(terms.agency_commission_percent);
  const Rational q = fraction_of(terms.agency_success_percent);
  const Rational one = rational(1);
  const Rational year = rational(terms.days_per_year);
  const bool time_bought = wait_days.num > 0;  // T > 0: paying today is earlier than waiting
  bool fits = true;
  Rational x, y, z;

  std::vector<OptionCost> costs(5);
  // Waiting: the baseline.
  OptionCost& wait = costs[0];
  wait.option = CollectionOption::Wait;
  fits &= product({face, p}, &x) && to_minor(x, &wait.expected_cash);
  wait.expected_days = wait_days;

  // Discount d for paying today: d / (1 − d) × Y / T.
  OptionCost& discount = costs[1];
  discount.option = CollectionOption::Discount;
  int64_t discount_minor = 0;
  fits &= product({face, d}, &x) && to_minor(x, &discount_minor);
  discount.cash_today = selection.face - discount_minor;
  discount.expected_cash = discount.cash_today;
  if (fits && time_bought) {
    fits &= rational_sub(one, d, &y) && annual_rate(d, y, terms.days_per_year, wait_days, &z);
    if (fits) set_rate(discount, z);
  }

  // Interest at r a year for the expected T days: a return of r.
  OptionCost& interest = costs[2];
  interest.option = CollectionOption::Interest;
  interest.expected_days = wait_days;
  fits &= product({r, wait_days}, &x) && rational_div(x, year, &x) && rational_add(one, x, &x) &&
          product({face, p, x}, &y) && to_minor(y, &interest.expected_cash);
  if (fits) set_rate(interest, Rational{-r.num, r.den});

  // Factoring: a advanced today less the fee f; the reserve when (if) the customer pays.
  // Rate: f / (a − f) × Y / T, the fee over the money actually advanced.
  OptionCost& factoring = costs[3];
  factoring.option = CollectionOption::Factoring;
  factoring.expected_days = wait_days;
  int64_t advance = 0, fee = 0, reserve_expected = 0;
  fits &= product({face, a}, &x) && to_minor(x, &advance) && product({face, f}, &y) && to_minor(y, &fee);
  if (fits) {
    factoring.cash_today = advance - fee;
    fits &= product({rational(Int128{selection.face} - advance), p}, &x) && to_minor(x, &reserve_expected) &&
            !__builtin_add_overflow(factoring.cash_today, reserve_expected, &factoring.expected_cash);
  }
  if (fits && time_bought) {
    fits &= rational_sub(a, f, &y) && annual_rate(f, y, terms.days_per_year, wait_days, &z);
    if (fits) set_rate(factoring, z);
  }

  // Agency: q chance of collecting, less commission c, after T_a days.
  // Rate: c / (1 − c) × Y / (T − T_a), when the agency is expected to be faster than waiting.
  OptionCost& agency = costs[4];
  agency.option = CollectionOption::Agency;
  agency.expected_days = rational(terms.agency_days);
  fits &= rational_sub(one, c, &y) && product({face, q, y}, &x) && to_minor(x, &agency.expected_cash);
  Rational days_saved;
  fits &= rational_sub(wait_days, rational(terms.agency_days), &days_saved);
  if (fits && days_saved.num > 0) {
    fits &= annual_rate(c, y, terms.days_per_year, days_saved, &z);
    if (fits) set_rate(agency, z);
  }

  for (OptionCost& cost : costs)
    fits &= !__builtin_sub_overflow(cost.expected_cash, wait.expected_cash, &cost.versus_waiting);
  if (!fits) return Problem{"amount", "the amounts are too large to compare exactly"};
  return costs;
}

Result<OverdueSelection> overdue_selection(const ArLedger& ledger, const std::vector<int32_t>& invoices,
                                           const ForecastOptions& options) {
  if (invoices.empty()) return Problem{"invoices", "choose at least one overdue invoice"};
  const int32_t as_of = day_number(options.as_of);
  const PaymentHistory history = build_payment_history(ledger, options);
  Problems problems;
  int32_t currency = -1;
  Int128 face = 0;
  Rational weighted_p = rational(0);     // Σ open · p_i
  Rational weighted_days = rational(0);  // Σ open · p_i · T_i
  bool fits = true;
  for (std::size_t n = 0; n < invoices.size(); ++n) {
    const std::string at = "invoices[" + std::to_string(n) + "]";
    const int32_t i = invoices[n];
    if (i < 0 || static_cast<std::size_t>(i) >= ledger.invoices.size()) {
      problems.push_back({at, "no such invoice"});
      continue;
    }
    const ArInvoice& inv = ledger.invoices[static_cast<std::size_t>(i)];
    if (inv.issued_day > as_of || (inv.voided_day != kNoDay && inv.voided_day <= as_of) ||
        (inv.settled_day != kNoDay && inv.settled_day <= as_of)) {
      problems.push_back({at, "the invoice is not open on " + to_iso(options.as_of)});
      continue;
    }
    if (currency >= 0 && inv.currency != currency) {
      problems.push_back({at, "choose invoices in one currency at a time"});
      continue;
    }
    currency = inv.currency;
    // Its reductions: a binary search, as the reductions are sorted by invoice.
    const auto first = std::lower_bound(ledger.reductions.begin(), ledger.reductions.end(), i,
                                        [](const ArReduction& r, int32_t v) { return r.invoice < v; });
    Int128 open = inv.total;
    for (auto it = first; it != ledger.reductions.end() && it->invoice == i; ++it)
      if (it->day <= as_of) open -= it->amount;
    if (open <= 0 || !fits_int64(open)) {
      problems.push_back({at, "the invoice has nothing left to pay on " + to_iso(options.as_of)});
      continue;
    }
    face += open;
    const int32_t due = inv.due_day != kNoDay ? inv.due_day : inv.issued_day;
    const PaymentOutlook outlook = payment_outlook(history, inv.customer, due);
    if (!outlook.known) continue;  // beyond history: p_i = 0
    Rational share, timed;
    fits &= rational_mul(rational(open), outlook.probability, &share) &&
            rational_add(weighted_p, share, &weighted_p) &&
            rational_mul(share, outlook.expected_days, &timed) &&
            rational_add(weighted_days, timed, &weighted_days);
  }
  if (!problems.empty()) return problems;
  if (!fits || !fits_int64(face))
    return Problem{"amount", "the chosen invoices add up to more than Duebook can hold"};

  OverdueSelection selection;
  selection.face = static_cast<int64_t>(face);
  selection.wait_probability = rational(0);
  selection.wait_days = rational(0);
  if (weighted_p.num > 0) {
    fits &= rational_div(weighted_p, rational(face), &selection.wait_probability) &&
            rational_div(weighted_days, weighted_p, &selection.wait_days);
    if (!fits) return Problem{"amount", "the chosen invoices add up to more than Duebook can hold"};
  }
  return selection;
}

}  // namespace duebook

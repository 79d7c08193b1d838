#include "collections/settlements.h"

#include <cassert>

namespace duebook {
namespace {

constexpr int kMaxInstallments = 360;  // thirty years of monthly payments is the sane upper bound

bool percent_in(Decimal p, int64_t low, int64_t high) {
  return p.scale >= 0 && p.scale <= 8 && compare(p, Decimal{low, 0}) >= 0 &&
         compare(p, Decimal{high, 0}) <= 0;
}

// minor × percent / 100 rounded half-up; percent within 0..100 with at most 8 decimals, so the
// result is never larger than |minor| and always fits.
int64_t percent_of(int64_t minor, Decimal percent) {
  const Int128 r = round_div(static_cast<Int128>(minor) * percent.units,
                             static_cast<Int128>(100) * pow10(percent.scale), Rounding::HalfUp);
  assert(fits_int64(r));
  return static_cast<int64_t>(r);
}

bool blank(const std::string& s) {
  return s.find_first_not_of(" \t\r\n") == std::string::npos;
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Installment plans

Result<std::vector<Installment>> plan_installments(const InstallmentPlanRequest& r) {
  Problems problems;
  if (r.balance.minor <= 0) problems.push_back({"plan.balance", "the balance to spread must be positive"});
  if (r.count < 1 || r.count > kMaxInstallments) {
    problems.push_back({"plan.count", "must be 1.." + std::to_string(kMaxInstallments) + " installments"});
  }
  if (r.spacing == InstallmentSpacing::EveryDays && (r.every_days < 1 || r.every_days > 366)) {
    problems.push_back({"plan.every_days", "must be 1..366 days"});
  }
  if (r.spacing == InstallmentSpacing::Monthly && r.every_days != 0) {
    problems.push_back({"plan.every_days", "is only used for plans spaced by days; leave it 0"});
  }
  if (!problems.empty()) return problems;

  const std::vector<int64_t> shares = split_evenly(r.balance.minor, r.count);
  std::vector<Installment> plan;
  int64_t cumulative = 0;
  for (int k = 0; k < r.count; ++k) {
    cumulative += shares[k];
    const Date due = r.spacing == InstallmentSpacing::Monthly
                         ? add_months(r.first_due, k)
                         : add_days(r.first_due, static_cast<int64_t>(k) * r.every_days);
    plan.push_back({k + 1, due, Money{shares[k], r.balance.currency}, cumulative});
  }
  assert(cumulative == r.balance.minor);
  return plan;
}

InstallmentStatus check_installments(const std::vector<Installment>& plan, int64_t paid_to_date_minor,
                                     const Date& as_of, int grace_days) {
  assert(grace_days >= 0);
  InstallmentStatus s;
  s.paid_minor = paid_to_date_minor;
  for (const Installment& i : plan) {
    if (!(add_days(i.due, grace_days) < as_of)) break;  // dates ascend: later ones are not late yet
    s.expected_minor = i.cumulative_minor;
    if (!s.missed && paid_to_date_minor < i.cumulative_minor) s.missed = i.number;
  }
  s.shortfall_minor = s.expected_minor > s.paid_minor ? s.expected_minor - s.paid_minor : 0;
  s.escalate = s.missed.has_value();
  return s;
}

// ---------------------------------------------------------------------------------------------
// Reduced settlement

Result<ReducedSettlement> reduced_settlement(const Money& balance, const Money& accepted,
                                             const std::string& reason) {
  Problems problems;
  if (balance.currency != accepted.currency) {
    problems.push_back({"settlement.accepted", "must be in the balance's currency"});
  }
  if (balance.minor <= 0) problems.push_back({"settlement.balance", "there is nothing to settle"});
  if (accepted.minor <= 0 || accepted.minor > balance.minor) {
    problems.push_back({"settlement.accepted", "must be more than zero and at most the balance"});
  }
  if (blank(reason)) {
    problems.push_back({"settlement.reason", "say why the rest is written off (kept for the audit trail)"});
  }
  if (!problems.empty()) return problems;
  ReducedSettlement s;
  s.accepted = accepted;
  s.written_off = Money{balance.minor - accepted.minor, balance.currency};
  s.reason = reason;
  const Int128 hundredths =
      round_div(static_cast<Int128>(accepted.minor) * 10000, balance.minor, Rounding::HalfUp);
  s.recovered_percent = Decimal{static_cast<int64_t>(hundredths), 2};
  return s;
}

// ---------------------------------------------------------------------------------------------
// Factoring

Result<FactoringQuote> quote_factoring(const std::vector<FactoringInvoice>& invoices,
                                       const FactoringTerms& terms, const Date& today) {
  Problems problems;
  if (invoices.empty()) problems.push_back({"factoring.invoices", "choose at least one invoice"});
  if (!percent_in(terms.advance_percent, 0, 100) || terms.advance_percent.units == 0) {
    problems.push_back({"factoring.advance_percent", "must be more than 0 and at most 100"});
  }
  if (!percent_in(terms.fee_percent, 0, 100)) {
    problems.push_back({"factoring.fee_percent", "must be between 0 and 100"});
  }
  for (std::size_t i = 0; i < invoices.size(); ++i) {
    const std::string at = "factoring.invoices[" + std::to_string(i) + "]";
    if (invoices[i].amount.minor <= 0) problems.push_back({at + ".amount", "must be positive"});
    if (invoices[i].amount.currency != invoices.front().amount.currency) {
      problems.push_back({at + ".amount", "all invoices of one quote must share a currency"});
    }
    if (!(today < invoices[i].expected_paid_on)) {
      problems.push_back({at + ".expected_paid_on", "must be after today"});
    }
  }
  if (!problems.empty()) return problems;

  const CurrencyCode currency = invoices.front().amount.currency;
  FactoringQuote q;
  q.amount = q.cash_today = q.reserve = q.fee = q.reserve_released = Money{0, currency};
  Int128 money_days = 0;  // Σ advance × days: the money received early, times how long
  for (const FactoringInvoice& inv : invoices) {
    FactoringLine l;
    l.invoice = inv.invoice;
    l.amount = inv.amount;
    l.advance = Money{percent_of(inv.amount.minor, terms.advance_percent), currency};
    l.reserve = Money{inv.amount.minor - l.advance.minor, currency};
    l.days = days_between(today, inv.expected_paid_on);
    l.periods = terms.fee_basis == FactoringFeeBasis::Per30Days ? static_cast<int>((l.days + 29) / 30) : 1;
    const Int128 fee = round_div(static_cast<Int128>(inv.amount.minor) * terms.fee_percent.units * l.periods,
                                 static_cast<Int128>(100) * pow10(terms.fee_percent.scale), Rounding::HalfUp);
    if (!fits_int64(fee)) return Problem{"factoring.fee_percent", "the fee is too large to record"};
    l.fee = Money{static_cast<int64_t>(fee), currency};
    l.reserve_released = Money{l.reserve.minor - l.fee.minor, currency};
    q.amount.minor += l.amount.minor;
    q.cash_today.minor += l.advance.minor;
    q.reserve.minor += l.reserve.minor;
    q.fee.minor += l.fee.minor;
    q.reserve_released.minor += l.reserve_released.minor;
    money_days += static_cast<Int128>(l.advance.minor) * l.days;
    q.lines.push_back(l);
  }
  // bp with two decimals: fee × 365 × 10000 (bp) × 100 (hundredths) / Σ(advance × days).
  const Int128 hundredths_bp =
      money_days > 0
          ? round_div(static_cast<Int128>(q.fee.minor) * 365 * 10000 * 100, money_days, Rounding::HalfUp)
          : 0;
  if (!fits_int64(hundredths_bp)) return Problem{"factoring", "the effective cost is too large to show"};
  q.effective_annual_cost_bp = Decimal{static_cast<int64_t>(hundredths_bp), 2};
  return q;
}

// ---------------------------------------------------------------------------------------------
// Collection agency

Result<AgencyHandoff> agency_handoff(const Money& placed, const AgencyTerms& terms) {
  Problems problems;
  if (placed.minor <= 0) problems.push_back({"agency.placed", "the debt handed over must be positive"});
  if (!percent_in(terms.commission_percent, 0, 100)) {
    problems.push_back({"agency.commission_percent", "must be between 0 and 100"});
  }
  if (!percent_in(terms.expected_recovery_percent, 0, 100)) {
    problems.push_back({"agency.expected_recovery_percent", "must be between 0 and 100"});
  }
  if (!problems.empty()) return problems;
  AgencyHandoff h;
  h.placed = placed;
  h.expected_recovered = Money{percent_of(placed.minor, terms.expected_recovery_percent), placed.currency};
  h.commission = Money{percent_of(h.expected_recovered.minor, terms.commission_percent), placed.currency};
  h.expected_net = Money{h.expected_recovered.minor - h.commission.minor, placed.currency};
  return h;
}

}  // namespace duebook

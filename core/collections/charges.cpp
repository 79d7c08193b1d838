#include "collections/charges.h"

#include <algorithm>
#include <cassert>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <tuple>

#include "base/currencies.h"

namespace duebook {
namespace {

// A rate for display: trailing zeros dropped, but at least two decimals ("12.25", "18.00").
Decimal display_rate(Decimal rate) {
  Decimal n = normalized(rate);
  return n.scale < 2 ? rescale(n, 2) : n;
}

std::string amount_text(int64_t minor, const CurrencyCode& currency) {
  return format_amount(minor, currency_digits(currency.view()));
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Preview

ChargesPreview preview_charges(const Date& as_of, const InterestPolicy& policy,
                               const std::vector<ChargeableInvoice>& invoices, const ReferenceRates& rates) {
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
    if (policy.kind == InterestPolicyKind::UkLatePayment)
      row.fixed_compensation_minor = uk_fixed_sum_pence(debt);
    if (policy.kind == InterestPolicyKind::EuLatePayment)
      row.fixed_compensation_minor = kEuFixedCompensationCents;
    preview.rows.push_back(row);
  }
  std::sort(
      preview.rows.begin(), preview.rows.end(), [](const ChargesPreviewRow& a, const ChargesPreviewRow& b) {
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
  for (const Problem& p : preview.skipped)
    skipped.push_back(Ordered{{"invoice", p.where}, {"message", p.message}});
  return Ordered{{"as_of", to_iso(preview.as_of)},
                 {"policy", to_string(preview.policy)},
                 {"invoices", rows},
                 {"totals", totals},
                 {"skipped", skipped}}
      .dump(2);
}

}  // namespace duebook

#include "collections/forecast_inputs.h"

#include <algorithm>

#include "collections/collections_queries.h"

namespace duebook {
namespace {

// Share in percent (whole percent, half-up) of `good` among `good + bad`; `fallback` when both are zero.
int64_t share_percent(int64_t good, int64_t bad, int fallback) {
  if (good + bad == 0) return fallback;
  return int64_t(round_div(Int128(good) * 100, Int128(good + bad), Rounding::HalfUp));
}

}  // namespace

std::vector<ScheduledReceipt> scheduled_receipts(Db& db, const ArSnapshot& snapshot, const Date& as_of) {
  std::vector<ScheduledReceipt> out;
  const int32_t tomorrow = day_number(add_days(as_of, 1));
  auto base = [&](int64_t customer_id, const std::string& currency, const std::vector<int64_t>& invoices,
                  const Date& made) -> std::optional<ScheduledReceipt> {
    ScheduledReceipt r;
    r.customer = snapshot.customer_index_of(customer_id);
    r.currency = snapshot.currency_index(currency);
    if (r.customer < 0 || r.currency < 0) return std::nullopt;
    for (int64_t id : invoices)
      if (int32_t index = snapshot.invoice_index(id); index >= 0) {
        r.invoice = index;
        break;
      }
    r.made_day = day_number(made);
    return r;
  };

  std::vector<PromiseStatus> promises = list_promises(db, as_of);
  int64_t kept = 0, broken = 0;
  for (const PromiseStatus& p : promises) kept += p.state == "kept", broken += p.state == "broken";
  Decimal promise_p{share_percent(kept, broken, kDefaultPromisePercent), 0};
  for (const PromiseStatus& p : promises) {
    int64_t left = p.amount - p.paid;
    if (p.state != "open" || left <= 0) continue;
    std::optional<ScheduledReceipt> r = base(p.customer_id, p.currency, p.invoice_ids, p.made_on);
    if (!r) continue;
    r->day = std::max(day_number(p.pay_by), tomorrow);
    r->amount = left;
    r->probability_percent = promise_p;
    out.push_back(*r);
  }

  std::vector<PlanStatus> plans = list_installment_plans(db, as_of);
  int64_t on_track = 0, missed = 0;
  for (const PlanStatus& p : plans)
    on_track += p.state == "active" || p.state == "completed", missed += p.state == "missed";
  Decimal plan_p{share_percent(on_track, missed, kDefaultInstallmentPercent), 0};
  for (const PlanStatus& p : plans) {
    if (p.state != "active" && p.state != "missed") continue;
    for (const Installment& i : p.installments) {
      // What of this installment is unpaid: its part of the cumulative schedule above what has been paid.
      int64_t unpaid = std::min(i.amount.minor, i.cumulative_minor - p.paid);
      if (unpaid <= 0) continue;
      std::optional<ScheduledReceipt> r = base(p.customer_id, p.currency, p.invoice_ids, p.agreed_on);
      if (!r) break;
      r->day = std::max(day_number(i.due), tomorrow);
      r->amount = unpaid;
      r->probability_percent = plan_p;
      out.push_back(*r);
    }
  }
  return out;
}

}  // namespace duebook

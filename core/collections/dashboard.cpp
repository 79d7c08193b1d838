#include "collections/dashboard.h"

#include <algorithm>
#include <limits>
#include <map>

#include "collections/collections_outcome.h"
#include "collections/collections_queries.h"
#include "collections/collections_worklist.h"
#include "collections/forecast_inputs.h"
#include "customers/customer_queries.h"
#include "reports/aging.h"
#include "reports/ar_snapshot.h"

namespace duebook {
namespace {

// part / whole as a fraction; undefined when nothing is owed.
Measure fraction(int64_t part, int64_t whole) {
  Measure m;
  if (whole <= 0) {
    m.why = "nothing is owed";
    return m;
  }
  m.defined = true;
  m.value = rational(part, whole);
  return m;
}

// DSO (simple and countback) and CEI over [from, to] into each currency's `dso`, `countback` and `cei`.
Status add_window(const ArLedger& ledger, const Date& from, const Date& to,
                  std::vector<DashboardCurrency>& out, Measure DashboardCurrency::*simple,
                  Measure DashboardCurrency::*countback, Measure DashboardCurrency::*cei) {
  Result<std::vector<CurrencyDso>> dso = dso_by_currency(ledger, from, to);
  if (!dso) return dso.problems();
  for (const CurrencyDso& d : dso.value()) {
    out[static_cast<std::size_t>(d.currency)].*simple = d.simple;
    out[static_cast<std::size_t>(d.currency)].*countback = d.countback;
  }
  Result<std::vector<CurrencyCei>> index = cei_by_currency(ledger, from, to);
  if (!index) return index.problems();
  for (const CurrencyCei& c : index.value()) out[static_cast<std::size_t>(c.currency)].*cei = c.cei;
  return ok_status();
}

// Days past due of the oldest open invoice behind an aging row (0 when none is past due).
int32_t oldest_age(const ArLedger& ledger, const AgingReport& aging, int32_t row) {
  for (int b = aging.bucket_count() - 1; b > 0; --b) {
    int32_t oldest = 0;
    for (const AgingItem& item : aging_cell_items(ledger, aging, row, b)) oldest = std::max(oldest, item.age);
    if (oldest > 0) return oldest;
  }
  return 0;
}

// What collections do next for a customer: today's step, else why its invoices wait, else nothing today.
std::string next_step(Db& db, const LedgerWorklist& worklist, int64_t customer_id, const std::string& name) {
  for (const WorklistItem& item : worklist.items)
    if (item.customer_id == customer_id)
      return "Today: " + step_title(policy_for_customer(db, customer_id).policy, item.entry.step_index);
  for (const PausedInvoice& p : worklist.paused)
    if (p.customer == name) {
      std::string why = to_string(p.reason);
      std::replace(why.begin(), why.end(), '_', ' ');
      return "Paused: " + why + (p.until ? " until " + to_iso(*p.until) : "");
    }
  return "No step due today";
}

// The aging: totals, buckets and the customers owing the most overdue, per currency index.
void add_aging(Db& db, const ArSnapshot& snap, const AgingReport& aging, const LedgerWorklist& worklist,
               std::vector<DashboardCurrency>& out) {
  const int buckets = aging.bucket_count();
  for (std::size_t c = 0; c < out.size(); ++c) {
    out[c].aging.assign(static_cast<std::size_t>(buckets), 0);
    out[c].aging_invoices.assign(static_cast<std::size_t>(buckets), 0);
    if (c < aging.totals.size()) {
      out[c].aging = aging.totals[c].buckets;
      out[c].receivable = aging.totals[c].total;
      out[c].overdue = aging.totals[c].total - aging.totals[c].buckets[0];
    }
    out[c].share_overdue = fraction(out[c].overdue, out[c].receivable);
  }
  std::vector<std::vector<int32_t>> overdue_rows(out.size());
  for (std::size_t r = 0; r < aging.rows.size(); ++r) {
    const AgingRow& row = aging.rows[r];
    for (int b = 0; b < buckets; ++b) {
      const std::size_t cell = r * static_cast<std::size_t>(buckets) + static_cast<std::size_t>(b);
      out[static_cast<std::size_t>(row.currency)].aging_invoices[static_cast<std::size_t>(b)] +=
          static_cast<int32_t>(aging.cell_start[cell + 1] - aging.cell_start[cell]);
    }
    if (row.total - aging.amount(static_cast<int32_t>(r), 0) > 0)
      overdue_rows[static_cast<std::size_t>(row.currency)].push_back(static_cast<int32_t>(r));
  }
  for (std::size_t c = 0; c < out.size(); ++c) {
    std::vector<int32_t>& rows = overdue_rows[c];
    auto overdue = [&](int32_t r) {
      return aging.rows[static_cast<std::size_t>(r)].total - aging.amount(r, 0);
    };
    const std::size_t top = std::min<std::size_t>(rows.size(), kDashboardTopCustomers);
    std::partial_sort(
        rows.begin(), rows.begin() + static_cast<std::ptrdiff_t>(top), rows.end(),
        [&](int32_t a, int32_t b) { return overdue(a) != overdue(b) ? overdue(a) > overdue(b) : a < b; });
    for (std::size_t i = 0; i < top; ++i) {
      const AgingRow& row = aging.rows[static_cast<std::size_t>(rows[i])];
      OverdueCustomer oc;
      oc.customer_id = snap.customer_ids[static_cast<std::size_t>(row.customer)];
      oc.name = snap.labels.customer_names[static_cast<std::size_t>(row.customer)];
      oc.overdue = overdue(rows[i]);
      oc.open = row.total;
      oc.days_late = oldest_age(snap.ledger, aging, rows[i]);
      oc.next_step = next_step(db, worklist, oc.customer_id, oc.name);
      out[c].top_overdue.push_back(std::move(oc));
    }
  }
}

// The forecast and the scheduled receipts per week, per currency index.
Status add_forecast(Db& db, const ArSnapshot& snap, const Date& as_of, std::vector<DashboardCurrency>& out) {
  const std::vector<ScheduledReceipt> receipts = scheduled_receipts(db, snap, as_of);
  ForecastOptions options;
  options.as_of = as_of;
  Result<CashForecast> forecast = forecast_cash(snap.ledger, receipts, options);
  if (!forecast) return forecast.problems();
  for (std::size_t c = 0; c < out.size() && c < forecast->by_currency.size(); ++c)
    out[c].forecast = forecast->by_currency[c];
  const int32_t first = day_number(as_of) + 1;
  for (const ScheduledReceipt& r : receipts) {
    const int32_t week = r.day < first ? -1 : (r.day - first) / 7;
    if (week < 0 || week >= kForecastWeeks) continue;
    DashboardCurrency& cur = out[static_cast<std::size_t>(r.currency)];
    cur.scheduled[static_cast<std::size_t>(week)] += r.amount;
    cur.scheduled_count[static_cast<std::size_t>(week)] += 1;
  }
  return ok_status();
}

// Today's work and the counts beside it.
void add_today(Db& db, const LedgerWorklist& worklist, Dashboard& d, std::vector<DashboardCurrency>& out) {
  d.worklist_count = static_cast<int32_t>(worklist.items.size());
  d.broken_promises = static_cast<int32_t>(worklist.broken_promises.size());
  for (const WorklistItem& item : worklist.items)
    for (DashboardCurrency& c : out)
      if (c.currency == item.entry.currency.view()) {
        c.worklist_count += 1;
        c.worklist_amount += item.entry.open_minor;
      }
  for (const Customer& c : list_customers(db, {"", 0, std::numeric_limits<int64_t>::max()}))
    if (c.fields.status != CustomerStatus::Active) d.customers_on_hold += 1;
  for (const DisputeRecord& r : list_disputes(db))
    if (r.status == "open") d.open_disputes += 1;
}

}  // namespace

Result<Dashboard> load_dashboard(Db& db, const Date& as_of) {
  ArSnapshotOptions snap_options;
  snap_options.invoice_numbers = false;
  Result<ArSnapshot> snap = load_ar_snapshot(db, snap_options);
  if (!snap) return snap.problems();
  const ArLedger& ledger = snap->ledger;
  Dashboard d;
  d.as_of = as_of;
  AgingOptions aging_options;
  aging_options.as_of = as_of;
  d.bucket_names = aging_options.buckets.names;
  d.bucket_limits = aging_options.buckets.upper_limits;
  for (const ArInvoice& inv : ledger.invoices) d.issued_invoices += inv.voided_day == kNoDay ? 1 : 0;
  std::vector<DashboardCurrency> by_index(static_cast<std::size_t>(ledger.currency_count));
  for (std::size_t c = 0; c < by_index.size(); ++c) {
    by_index[c].currency = snap->labels.currencies[c].code;
    by_index[c].digits = snap->labels.currencies[c].minor_digits;
  }
  Result<AgingReport> aging = compute_aging(ledger, aging_options);
  if (!aging) return aging.problems();
  const LedgerWorklist worklist = load_worklist(db, as_of);
  add_aging(db, snap.value(), aging.value(), worklist, by_index);
  Status window =
      add_window(ledger, add_days(as_of, 1 - kDashboardWindowDays), as_of, by_index,
                 &DashboardCurrency::dso_simple, &DashboardCurrency::dso_countback, &DashboardCurrency::cei);
  if (window.ok())
    window =
        add_window(ledger, add_days(as_of, 1 - 2 * kDashboardWindowDays),
                   add_days(as_of, -kDashboardWindowDays), by_index, &DashboardCurrency::dso_simple_before,
                   &DashboardCurrency::dso_countback_before, &DashboardCurrency::cei_before);
  if (!window.ok()) return window.problems();
  Result<std::vector<CurrencyDsoSeries>> months = dso_by_month(ledger, as_of, kDashboardDsoMonths);
  if (!months) return months.problems();
  for (const CurrencyDsoSeries& s : months.value())
    by_index[static_cast<std::size_t>(s.currency)].dso_months = s.months;
  if (Status f = add_forecast(db, snap.value(), as_of, by_index); !f.ok()) return f.problems();
  add_today(db, worklist, d, by_index);
  for (DashboardCurrency& c : by_index) {
    bool sold = false;
    for (const DsoMonth& m : c.dso_months) sold |= m.credit_sales != 0;
    if (c.receivable != 0 || sold) d.currencies.push_back(std::move(c));
  }
  std::stable_sort(
      d.currencies.begin(), d.currencies.end(),
      [](const DashboardCurrency& a, const DashboardCurrency& b) { return a.receivable > b.receivable; });
  return d;
}

}  // namespace duebook

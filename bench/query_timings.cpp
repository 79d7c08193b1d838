#include "query_timings.h"

#include <algorithm>
#include <chrono>

#include "invoicing/invoice_queries.h"
#include "reports/aging.h"
#include "reports/ar_snapshot.h"
#include "reports/forecast.h"
#include "reports/statement.h"

namespace duebook::bench {

using Clock = std::chrono::steady_clock;

void Measures::record(const std::string& name, const std::vector<double>& runs) {
  std::vector<double> sorted = runs;
  std::sort(sorted.begin(), sorted.end());
  json[name] = {{"median_ms", sorted[sorted.size() / 2]}, {"runs_ms", runs}};
}

bool Measures::time(const std::string& name, int runs, const std::function<bool()>& body) {
  if (runs > 1 && !body()) {
    error = name + " failed";
    return false;
  }
  std::vector<double> all;
  for (int i = 0; i < runs; ++i) {
    auto start = Clock::now();
    if (!body()) {
      error = name + " failed";
      return false;
    }
    all.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
  }
  record(name, all);
  return true;
}

bool time_queries(Db& db, const Date& as_of, int runs, Measures& m) {
  // The receivables snapshot every report reads (loaded once, then kept current by the app).
  ArSnapshot snapshot;
  if (!m.time("load_snapshot", runs, [&] {
        Result<ArSnapshot> s = load_ar_snapshot(db);
        if (s) snapshot = std::move(s.value());
        return s.ok();
      }))
    return false;
  m.json["invoices"] = snapshot.ledger.invoices.size();
  m.json["customers"] = snapshot.ledger.customer_count;
  if (snapshot.ledger.invoices.empty()) {
    m.error = "the ledger has no invoices";
    return false;
  }

  AgingOptions aging;
  aging.as_of = as_of;
  aging.collect_invoices = false;
  int64_t open_total = 0;
  if (!m.time("aging", runs, [&] {
        Result<AgingReport> r = compute_aging(snapshot.ledger, aging);
        if (r) open_total = int64_t(r->rows.size());
        return r.ok();
      }))
    return false;
  m.json["aging_rows"] = open_total;
  AgingOptions past = aging;
  past.as_of = add_months(as_of, -60);
  AgingOptions drill = aging;
  drill.collect_invoices = true;
  if (!m.time("aging_5_years_back", runs, [&] { return compute_aging(snapshot.ledger, past).ok(); }) ||
      !m.time("aging_with_drilldown", runs, [&] { return compute_aging(snapshot.ledger, drill).ok(); }))
    return false;

  // One page of the invoice list: unpaid, 31-60 days overdue, searched by a name fragment, by amount.
  InvoiceQuery page;
  page.status = "unpaid";
  page.search = "acme";
  page.sort = InvoiceSort::Amount;
  page.descending = true;
  page.due_from = to_iso(add_days(as_of, -60));
  page.due_to = to_iso(add_days(as_of, -31));
  page.limit = 50;
  size_t page_rows = 0;
  if (!m.time("invoice_page", runs, [&] {
        page_rows = list_invoices(db, page).size();
        return true;
      }))
    return false;
  m.json["invoice_page_rows"] = page_rows;

  // The statement of the customer with the most invoices, for the last year.
  std::vector<int32_t> per_customer(size_t(snapshot.ledger.customer_count), 0);
  for (const ArInvoice& inv : snapshot.ledger.invoices) ++per_customer[size_t(inv.customer)];
  int32_t largest =
      int32_t(std::max_element(per_customer.begin(), per_customer.end()) - per_customer.begin());
  int64_t largest_id = snapshot.customer_ids[size_t(largest)];
  m.json["statement_customer_invoices"] = per_customer[size_t(largest)];
  if (!m.time("statement_largest_customer", runs,
              [&] { return load_customer_statement(db, largest_id, add_months(as_of, -12), as_of).ok(); }))
    return false;

  ForecastOptions forecast;
  forecast.as_of = as_of;
  return m.time("forecast_13_weeks", runs, [&] { return forecast_cash(snapshot.ledger, {}, forecast).ok(); });
}

}  // namespace duebook::bench

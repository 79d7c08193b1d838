// The dashboard's figures, worked out in one read of the ledger as of a day: what is owed and how late, how
// fast it is collected (DSO, CEI) and how that moves, the aging, the 13-week forecast with the promised and
// planned receipts, DSO month by month, today's work and the customers owing the most overdue. Reads only;
// meant to be computed once per ledger change or as-of date, not per frame.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "base/date.h"
#include "base/result.h"
#include "reports/ar_measures.h"
#include "reports/dso_trend.h"
#include "reports/forecast.h"
#include "store/db.h"

namespace duebook {

// Days of the window the dashboard's DSO and CEI cover; the trend compares with the window before it.
inline constexpr int kDashboardWindowDays = 90;
// Months of the DSO line.
inline constexpr int kDashboardDsoMonths = 12;
// Customers in the "owing the most overdue" list, per currency.
inline constexpr int kDashboardTopCustomers = 10;

// A customer owing money past its due date.
struct OverdueCustomer {
  int64_t customer_id = 0;  // the customer's id
  std::string name;         // the customer's name
  int64_t overdue = 0;      // open and past due, minor units
  int64_t open = 0;         // open in all, minor units
  int32_t days_late = 0;    // days past due of its oldest open invoice
  std::string next_step;    // what collections do next: today's step, why it is paused, or that none is due
};

// The figures of one currency.
struct DashboardCurrency {
  std::string currency;        // ISO 4217 code
  int digits = 2;              // its minor digits
  int64_t receivable = 0;      // open as of the day (the aging's total)
  int64_t overdue = 0;         // of which past due (every bucket but the first)
  Measure share_overdue;       // overdue / receivable, a fraction
  std::vector<int64_t> aging;  // open per bucket of Dashboard::bucket_names
  std::vector<int32_t>
      aging_invoices;  // open invoices per bucket (an invoice aged in two parts counts twice)
  Measure dso_simple, dso_countback, cei;                       // over the last kDashboardWindowDays days
  Measure dso_simple_before, dso_countback_before, cei_before;  // over the window before it
  CurrencyForecast forecast;                                    // the 13 weeks from the day after
  std::array<int64_t, kForecastWeeks> scheduled{};              // promised and installment receipts per week
  std::array<int32_t, kForecastWeeks> scheduled_count{};        // how many of them
  std::vector<DsoMonth> dso_months;                             // kDashboardDsoMonths months, oldest first
  std::vector<OverdueCustomer> top_overdue;  // up to kDashboardTopCustomers, most overdue first
  int32_t worklist_count = 0;                // today's worklist entries in this currency
  int64_t worklist_amount = 0;               // their open amounts summed
};

// The whole dashboard as of one day.
struct Dashboard {
  Date as_of;                             // the day
  std::vector<std::string> bucket_names;  // the aging layout (default_aging_buckets)
  std::vector<int32_t> bucket_limits;     // its upper limits in days past due
  std::vector<DashboardCurrency>
      currencies;                 // every currency with anything open or invoiced, most owed first
  int64_t issued_invoices = 0;    // invoices issued in the ledger (0: nothing to show yet)
  int32_t worklist_count = 0;     // today's worklist entries, every currency
  int32_t broken_promises = 0;    // promises (and installments) the worklist finds broken today
  int32_t customers_on_hold = 0;  // customers on credit hold or cash on delivery
  int32_t open_disputes = 0;      // disputes not resolved
};

// The dashboard as of `as_of`, by due date with the default aging buckets. Receivables, aging and the
// forecast are the ledger as it stood on the day (reports/aging.h, reports/forecast.h with the scheduled
// receipts of collections/forecast_inputs.h); DSO and CEI cover [as_of − 89, as_of] and the 90 days before;
// the worklist, promises, holds and disputes are those of the day (collections_worklist.h).
// Fails, returning nothing, when the projections are damaged (load_ar_snapshot's problems) or a sum
// overflows (where "amount"). Reads only: the ledger is unchanged.
Result<Dashboard> load_dashboard(Db& db, const Date& as_of);

}  // namespace duebook

// The Dashboard, the first tab: a look at the receivables rather than a read. What is owed and overdue per
// currency, DSO and CEI with their trend, today's work, the aging as stacked bars (a click lists a bucket's
// invoices), the 13-week forecast with its range and the promised receipts, DSO month by month, and the ten
// customers owing the most overdue (a click opens the customer). Figures come from core's load_dashboard,
// computed again only when the ledger or the as-of day changes.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "base/date.h"
#include "collections/dashboard.h"
#include "dashboard_job.h"
#include "navigation.h"
#include "table_keys.h"

namespace duebook::ui {

class Queries;

struct DashboardWindowState {
  std::string currency;  // the currency the charts and the top ten show; "" = the one owed most
  // The figures, loaded again only when the ledger or the day changes.
  int64_t cache_revision = -1;
  Date cache_as_of;
  std::optional<Dashboard> cache;
  std::string error;  // why the figures could not be computed
  // Computes the figures away from the frame (dashboard_job.h); made on the first draw.
  std::unique_ptr<DashboardJob> job;
  bool pending = false;  // figures for the current ledger and day are being computed
  TableCursor top_keys;  // the keyboard cursor in the top ten (Enter opens the customer's page)
};

// Draws the tab for the day `as_of`. Clicks ask `nav` to open a customer or the Invoices tab on a bucket.
// When the ledger or the day changed, the figures are computed away from the frame (dashboard_job.h) and the
// tab says "Computing…" until they arrive; returns true while they are pending (the app draws another frame).
bool draw_dashboard_window(Queries& queries, DashboardWindowState& state, Navigation& nav, const Date& as_of);

// Facts for end-to-end tests, as JSON text: {"as_of", "buckets": [...], "currencies": [{"currency",
// "receivable", "overdue", "aging": [...], "aging_invoices": [...], "top": [{"name", "overdue"}]}],
// "worklist", "broken_promises", "on_hold", "disputes", "shown" (the currency the charts and top ten show),
// "top_cursor" (the keyboard cursor's row in the top ten, -1 = none)}; {} before the first draw.
std::string dashboard_facts(const DashboardWindowState& state);

}  // namespace duebook::ui

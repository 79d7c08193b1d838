// What the cash forecast expects besides open invoices: promises to pay and installment plans, read from the
// ledger as scheduled receipts (forecast.h).
#pragma once

#include <vector>

#include "base/date.h"
#include "reports/ar_snapshot.h"
#include "reports/forecast.h"
#include "store/db.h"

namespace duebook {

// Probability given to an installment: plans are agreed in writing and are usually kept; with no history it
// is this, else the ledger's share of installments paid on time.
constexpr int kDefaultInstallmentPercent = 80;
// Probability given to a promise to pay when the ledger has no kept or broken promise yet.
constexpr int kDefaultPromisePercent = 70;

// Every open promise to pay (what is still unpaid of it, expected on its date, or tomorrow when that has
// passed within the grace period) and every unpaid installment of an active or missed plan (at its due date,
// or tomorrow when overdue), as of `as_of`. A promise's probability is the ledger's share of promises kept
// among those kept or broken by `as_of` (kDefaultPromisePercent when none); an installment's is the share of
// plans not missed (kDefaultInstallmentPercent when none). Each receipt names the first invoice it covers, so
// the forecast leaves that invoice to the plan. Customers or currencies not in `snapshot` are skipped. Reads
// only.
std::vector<ScheduledReceipt> scheduled_receipts(Db& db, const ArSnapshot& snapshot, const Date& as_of);

}  // namespace duebook

// The options compared beside compare_collection_options's five (options.h): agreeing installments and
// settling for less, each priced with the same yardstick, and the interest rate the "interest" option is
// compared with under a policy. Pure.
//
// Settling for A of a face F, paid today, gives up F − A to have the money T days earlier: the textbook cost
// of trade credit (Brigham & Houston, as in options.h) with the discount d = (F − A) / F, so
//   settlement   (F − A) / A × Y / T                       money today instead of in T days
// Installments give nothing up; they change only when money comes, so they have no rate. Their expected
// cash is the face weighted by the chance the plan is kept (an assumption the user states, 100 % by default).
#pragma once

#include <cstdint>
#include <vector>

#include "base/date.h"
#include "base/result.h"
#include "collections/interest.h"
#include "collections/options.h"
#include "collections/reference_rates.h"
#include "collections/settlements.h"

namespace duebook {

// What the installments option assumes.
struct InstallmentsTerms {
  int count = 3;                                             // installments, 1..360
  Date first_due;                                            // the first installment's day, on or after today
  InstallmentSpacing spacing = InstallmentSpacing::Monthly;  // how later dates follow
  int every_days = 0;                                        // EveryDays only: 1..366
  Decimal kept_percent{100, 0};                              // chance the customer keeps the plan, 0..100
};

// The installments option: its cost row and the plan it stands for.
struct InstallmentsOption {
  OptionCost cost;                        // option Installments
  std::vector<Installment> installments;  // plan_installments of the face, summing exactly to it
};

// The installments option for `selection` as of `today` in `currency`: cash today = the installments due
// today (0 unless first_due is today); expected cash = round(F × kept) (round_div HalfUp); expected days =
// Σ amount_i × (due_i − today) / F; versus waiting = expected − `wait_expected_cash`; no annual cost.
// Fails (where "plan.<field>" from plan_installments, or "terms.kept_percent", "terms.first_due") on a face
// that is not positive, a count or spacing out of range, a first installment before today, or a chance
// outside 0..100.
Result<InstallmentsOption> installments_option(const OverdueSelection& selection, CurrencyCode currency,
                                               const InstallmentsTerms& terms, const Date& today,
                                               int64_t wait_expected_cash);

// The settlement option: `accepted` paid today for the selection's face F, certain once agreed. Cash today
// and expected cash = accepted; expected days 0; versus waiting = accepted − `wait_expected_cash`; annual
// cost (F − A) / A × Y / T when the expected wait T > 0, else none. Fails (where "terms.accepted") unless
// 0 < accepted < F, or (where "terms.days_per_year") when days_per_year < 1.
Result<OptionCost> settlement_option(const OverdueSelection& selection, int64_t accepted,
                                     int32_t days_per_year, int64_t wait_expected_cash);

// The annual rate the interest option compares with: the contract's, or the statutory rate (UK or EU) in
// force on `as_of` for a debt that fell due on `earliest_due` (interest_rate_periods with `rates`). Fails
// (where "interest") when the rate history does not reach that day.
Result<Decimal> option_interest_percent(const InterestPolicy& policy, const Date& earliest_due,
                                        const Date& as_of, const ReferenceRates& rates);

}  // namespace duebook

// The central-bank reference rates Duebook ships with (assets/rates/*.csv), for statutory interest.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/date.h"
#include "base/money.h"
#include "base/result.h"

namespace duebook {

// The most decimals a published reference rate may have: central banks publish at most 2-3.
inline constexpr int kMaxHistoryDecimals = 6;

// A rate that took effect on a day and stayed until the next change.
struct RateChange {
  Date effective;        // the first day the rate applied
  Decimal rate_percent;  // the rate in percent a year, e.g. 5.25
};

// A central bank's rate over time, by effective date ascending, dates unique.
struct RateHistory {
  std::vector<RateChange> changes;  // ascending by `effective`, no two on the same day
};

// Reads a history from CSV text: a header line "effective_date,rate_percent", then one
// "YYYY-MM-DD,rate" row per change, dates strictly ascending. Blank lines and lines starting with
// '#' are ignored anywhere; CRLF is accepted. Rates have at most 6 decimals and lie within
// -100..100. Fails listing every problem, each located as "file_name:row:field" (row = 1-based line
// number; field "effective_date" or "rate_percent", or no field for a malformed line): a missing
// header, a bad date or rate, a date not after the previous row's, or no rows at all.
Result<RateHistory> parse_rate_history(std::string_view csv, std::string_view file_name);

// The rate in force on `date` (the last change effective on or before it), or nullopt when the
// date is before the first change.
std::optional<Decimal> rate_in_force(const RateHistory& history, const Date& date);

// The rate tables statutory interest needs.
struct ReferenceRates {
  RateHistory boe_bank_rate;  // Bank of England Bank Rate (assets/rates/boe-base-rate.csv)
  RateHistory ecb_mro;        // ECB main refinancing operations rate (assets/rates/ecb-mro-rate.csv)
};

// The reference rates bundled with this build (assets/rates/), parsed once.
const ReferenceRates& builtin_reference_rates();

}  // namespace duebook

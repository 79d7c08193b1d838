// Reference-rate histories: reading them, the rate in force on a day, and the tables bundled from
// assets/rates/*.csv (embedded by the build).
#include "collections/reference_rates.h"

#include <algorithm>
#include <cassert>

#include "base/text.h"

namespace duebook {

Result<RateHistory> parse_rate_history(std::string_view csv, std::string_view file_name) {
  Problems problems;
  RateHistory history;
  const std::string file(file_name);
  bool header_seen = false;
  int row = 0;
  std::size_t pos = 0;
  while (pos <= csv.size()) {
    std::size_t end = csv.find('\n', pos);
    if (end == std::string_view::npos) end = csv.size();
    const std::string_view line = trim_view(csv.substr(pos, end - pos));
    pos = end + 1;
    ++row;
    if (line.empty() || line.front() == '#') continue;
    const std::string at = file + ":" + std::to_string(row);
    if (!header_seen) {
      header_seen = true;
      if (line != "effective_date,rate_percent") {
        problems.push_back({at, "the first line must be the header \"effective_date,rate_percent\""});
        break;
      }
      continue;
    }
    const std::size_t comma = line.find(',');
    if (comma == std::string_view::npos || line.find(',', comma + 1) != std::string_view::npos) {
      problems.push_back({at, "expected two fields: effective_date,rate_percent"});
      continue;
    }
    Result<Date> date = parse_date(trim_view(line.substr(0, comma)));
    Result<Decimal> rate = parse_decimal(trim_view(line.substr(comma + 1)));
    if (!date) problems.push_back({at + ":effective_date", date.problems().front().message});
    if (!rate) {
      problems.push_back({at + ":rate_percent", rate.problems().front().message});
    } else if (rate->scale > kMaxHistoryDecimals || compare(*rate, Decimal{100, 0}) > 0 ||
               compare(*rate, Decimal{-100, 0}) < 0) {
      problems.push_back({at + ":rate_percent", "must be between -100 and 100 with at most " +
                                                    std::to_string(kMaxHistoryDecimals) + " decimals"});
      continue;
    }
    if (!date || !rate) continue;
    if (!history.changes.empty() && !(history.changes.back().effective < *date)) {
      problems.push_back({at + ":effective_date", to_iso(*date) + " is not after the previous row's " +
                                                      to_iso(history.changes.back().effective) +
                                                      "; keep rows in date order"});
      continue;
    }
    history.changes.push_back({*date, *rate});
  }
  if (problems.empty() && history.changes.empty()) {
    problems.push_back({file, header_seen ? "has no rates"
                                          : "is empty: expected the header "
                                            "\"effective_date,rate_percent\" and rows"});
  }
  if (!problems.empty()) return problems;
  return history;
}

std::optional<Decimal> rate_in_force(const RateHistory& history, const Date& date) {
  const auto it = std::upper_bound(history.changes.begin(), history.changes.end(), date,
                                   [](const Date& d, const RateChange& c) { return d < c.effective; });
  if (it == history.changes.begin()) return std::nullopt;
  return std::prev(it)->rate_percent;
}

const ReferenceRates& builtin_reference_rates() {
  // Built from assets/rates/*.csv (embedded by the build); a broken bundled file fails the tests, so this
  // never fails at run time.
  static const ReferenceRates rates = [] {
    static constexpr std::string_view kBoe =
#include "boe-base-rate.inc"
        ;
    static constexpr std::string_view kEcb =
#include "ecb-mro-rate.inc"
        ;
    ReferenceRates r;
    Result<RateHistory> boe = parse_rate_history(kBoe, "assets/rates/boe-base-rate.csv");
    Result<RateHistory> ecb = parse_rate_history(kEcb, "assets/rates/ecb-mro-rate.csv");
    assert(boe.ok() && ecb.ok());
    if (boe) r.boe_bank_rate = boe.value();
    if (ecb) r.ecb_mro = ecb.value();
    return r;
  }();
  return rates;
}

}  // namespace duebook

// The query measures of the benchmarks, defined once: duebook-bench times them natively and as WebAssembly
// under Node (scripts/bench), and the web app times the same calls in the page on the ledger it has open
// (window.duebook.timeQueries, driven by scripts/bench-browser), so that the figures compare.
#pragma once

#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "base/date.h"
#include "store/db.h"

namespace duebook::bench {

// Named measures in milliseconds: {name: {"median_ms", "runs_ms"}}, plus sizes, in the order recorded.
struct Measures {
  nlohmann::ordered_json json = nlohmann::ordered_json::object();
  std::string error;  // the first measure that failed ("aging failed"), empty while all succeed

  // Records the median and every run of a measure.
  void record(const std::string& name, const std::vector<double>& runs);
  // Runs `body` `runs` times and records the median and the runs. A measure run more than once gets one
  // untimed run first, as an app that is in use has: code compiled by the engine's optimising tier, the
  // allocator's pools grown. Returns false (and sets `error`, recording nothing) when `body` fails.
  bool time(const std::string& name, int runs, const std::function<bool()>& body);
};

// Times on the ledger in `db`, as of `as_of`, each `runs` times: loading the receivables snapshot, the aging
// (as of the day, five years back, with the drill-down), one page of the invoice list (unpaid, due 31-60 days
// before, searched by "acme", by amount), the statement of the customer with the most invoices for the last
// year, and the 13-week forecast. Reads only. Returns false (with `m.error`) at the first failure.
bool time_queries(Db& db, const Date& as_of, int runs, Measures& m);

}  // namespace duebook::bench

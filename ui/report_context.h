// What every report of the Reports tab draws from: the ledger's queries, the receivables snapshot read once
// per change of the ledger, the day the app works on, and where to ask for another screen or hand over a
// file.
#pragma once

#include <cstdint>
#include <string>

#include "base/date.h"
#include "navigation.h"
#include "platform.h"
#include "queries_view.h"
#include "reports/ar_snapshot.h"

namespace duebook::ui {

// An aging bucket's name as the screen writes it: core's "≤15" (a glyph the UI font may lack) as "Up to 15",
// "current" as "Current"; other names ("16-30", "60+") unchanged.
inline std::string bucket_title(const std::string& name) {
  const std::string le = "\u2264";
  if (name.rfind(le, 0) == 0) return "Up to " + name.substr(le.size());
  if (name == "current") return "Current";
  return name;
}

struct ReportContext {
  Queries& queries;        // the read side (statements and scheduled receipts read the ledger themselves)
  const ArSnapshot& snap;  // the receivables as flat rows with their labels
  int64_t revision = 0;    // the ledger revision `snap` was read at: reports cache by it
  Navigation& nav;         // open an invoice, a customer, a document
  Platform& platform;      // saves exported files
  Date as_of;              // the app's day (the as-of bar)
};

}  // namespace duebook::ui

// Down payments (deposits.h).
#include "invoicing/deposits.h"

#include <algorithm>

#include "customers/terms.h"

namespace duebook {

int64_t invoice_deposit(std::string_view terms, int64_t total) {
  if (total <= 0) return 0;
  Result<PaymentTerms> parsed = parse_terms(terms);
  if (!parsed) return 0;
  return std::min(total, deposit_amount(*parsed, total));
}

std::vector<DuePart> due_parts(int64_t total, int64_t deposit, int64_t open, const Date& issue_date,
                               const Date& due_date) {
  if (deposit <= 0) return {{false, due_date, total, open}};
  deposit = std::min(deposit, total);
  const int64_t deposit_open = std::clamp<int64_t>(deposit - (total - open), 0, std::max<int64_t>(open, 0));
  std::vector<DuePart> parts = {{true, issue_date, deposit, deposit_open}};
  if (total > deposit) parts.push_back({false, due_date, total - deposit, open - deposit_open});
  return parts;
}

OverduePart overdue_on(const std::vector<DuePart>& parts, const Date& as_of) {
  OverduePart out;
  for (const DuePart& p : parts) {
    if (p.open <= 0 || !(p.due < as_of)) continue;
    out.amount += p.open;
    if (!out.since || p.due < *out.since) out.since = p.due;
  }
  return out;
}

}  // namespace duebook

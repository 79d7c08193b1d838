#include "reports/ar_ledger.h"

#include <algorithm>
#include <cassert>
#include <string>

namespace duebook {

Status check_ar_ledger(const ArLedger& ledger) {
  // A million bad rows should not become a million problems: report the first few and a count.
  constexpr std::size_t kMaxListed = 20;
  Problems problems;
  std::size_t more = 0;
  auto fail = [&](std::string where, std::string message) {
    if (problems.size() < kMaxListed)
      problems.push_back({std::move(where), std::move(message)});
    else
      ++more;
  };
  const int64_t invoice_count = static_cast<int64_t>(ledger.invoices.size());
  if (ledger.customer_count < 0 || ledger.currency_count < 0)
    fail("", "customer and currency counts must not be negative");
  for (std::size_t i = 0; i < ledger.invoices.size(); ++i) {
    const ArInvoice& inv = ledger.invoices[i];
    const std::string at = "invoices[" + std::to_string(i) + "]";
    if (inv.customer < 0 || inv.customer >= ledger.customer_count) fail(at + ".customer", "no such customer");
    if (inv.currency < 0 || inv.currency >= ledger.currency_count) fail(at + ".currency", "no such currency");
    if (inv.issued_day == kNoDay) fail(at + ".issued_day", "an invoice needs an issue date");
    if (inv.settled_day != kNoDay && inv.settled_day < inv.issued_day)
      fail(at + ".settled_day", "settled before it was issued");
    if (inv.voided_day != kNoDay && inv.voided_day < inv.issued_day)
      fail(at + ".voided_day", "voided before it was issued");
  }
  for (std::size_t k = 0; k < ledger.deposits.size(); ++k) {
    const ArDeposit& d = ledger.deposits[k];
    const std::string at = "deposits[" + std::to_string(k) + "]";
    if (d.invoice < 0 || d.invoice >= invoice_count)
      fail(at + ".invoice", "no such invoice");
    else if (d.amount <= 0 || d.amount > ledger.invoices[static_cast<std::size_t>(d.invoice)].total)
      fail(at + ".amount", "a deposit is more than zero and at most the invoice's total");
    if (k > 0 && d.invoice <= ledger.deposits[k - 1].invoice)
      fail(at + ".invoice", "deposits must be sorted by invoice, one per invoice");
  }
  int64_t previous = 0;
  for (std::size_t k = 0; k < ledger.reductions.size(); ++k) {
    const ArReduction& r = ledger.reductions[k];
    const std::string at = "reductions[" + std::to_string(k) + "]";
    if (r.invoice < 0 || r.invoice >= invoice_count) fail(at + ".invoice", "no such invoice");
    if (r.invoice < previous) fail(at + ".invoice", "reductions must be sorted by invoice");
    if (r.day == kNoDay) fail(at + ".day", "a reduction needs a date");
    previous = r.invoice;
  }
  for (std::size_t k = 0; k < ledger.credits.size(); ++k) {
    const ArCreditMovement& c = ledger.credits[k];
    const std::string at = "credits[" + std::to_string(k) + "]";
    if (c.customer < 0 || c.customer >= ledger.customer_count) fail(at + ".customer", "no such customer");
    if (c.currency < 0 || c.currency >= ledger.currency_count) fail(at + ".currency", "no such currency");
    if (c.day == kNoDay) fail(at + ".day", "a credit movement needs a date");
  }
  if (more > 0) problems.push_back({"", "and " + std::to_string(more) + " more problems like these"});
  if (!problems.empty()) return problems;
  return ok_status();
}

void build_open_index(ArLedger& ledger) {
  ArOpenIndex& index = ledger.open_index;
  index = ArOpenIndex{};
  const std::vector<ArInvoice>& invoices = ledger.invoices;
  const std::size_t n = invoices.size();
  index.invoice_count = n;
  index.reduction_count = ledger.reductions.size();
  index.credit_count = ledger.credits.size();
  index.credits = ledger.credits;
  std::sort(index.credits.begin(), index.credits.end(),
            [](const ArCreditMovement& a, const ArCreditMovement& b) {
              if (a.day != b.day) return a.day < b.day;
              if (a.customer != b.customer) return a.customer < b.customer;
              return a.currency < b.currency;
            });
  std::size_t kept = 0;  // net runs of equal (day, customer, currency) in place, dropping zero nets
  std::vector<ArCreditMovement>& credits = index.credits;
  for (std::size_t k = 0; k < credits.size();) {
    const std::size_t run = k;
    ArCreditMovement net = credits[k];
    bool overflow = false;
    for (++k; k < credits.size() && credits[k].day == net.day && credits[k].customer == net.customer &&
              credits[k].currency == net.currency;
         ++k)
      overflow |= __builtin_add_overflow(net.amount, credits[k].amount, &net.amount);
    if (overflow)  // kept as they are: the aging adds them one by one and reports the overflow
      for (std::size_t j = run; j < k; ++j) credits[kept++] = credits[j];
    else if (net.amount != 0)
      credits[kept++] = net;
  }
  index.credits.resize(kept);
  index.credits.shrink_to_fit();

  index.reduction_start.assign(n + 1, 0);
  for (const ArReduction& r : ledger.reductions) {
    assert(r.invoice >= 0 && static_cast<std::size_t>(r.invoice) < n);
    ++index.reduction_start[static_cast<std::size_t>(r.invoice) + 1];
  }
  for (std::size_t i = 0; i < n; ++i) index.reduction_start[i + 1] += index.reduction_start[i];
  if (n == 0) {
    index.period_start.assign(1, 0);
    return;
  }

  int32_t first_day = invoices[0].issued_day, last_day = invoices[0].issued_day;
  for (const ArInvoice& inv : invoices) {
    first_day = std::min(first_day, inv.issued_day);
    last_day = std::max(last_day, inv.issued_day);
  }
  index.first_day = first_day;
  const std::size_t periods =
      static_cast<std::size_t>((int64_t{last_day} - first_day) / kOpenIndexPeriodDays + 1);
  auto period_of = [&](const ArInvoice& inv) {
    return static_cast<std::size_t>((int64_t{inv.issued_day} - first_day) / kOpenIndexPeriodDays);
  };
  // Counting sort by period, then each period by closed day, latest (never closed) first.
  index.period_start.assign(periods + 1, 0);
  for (const ArInvoice& inv : invoices) ++index.period_start[period_of(inv) + 1];
  for (std::size_t p = 0; p < periods; ++p) index.period_start[p + 1] += index.period_start[p];
  std::vector<uint32_t> cursor(index.period_start.begin(), index.period_start.end() - 1);
  index.entries.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    const ArInvoice& inv = invoices[i];
    index.entries[cursor[period_of(inv)]++] = ArOpenIndexEntry{closed_day(inv), static_cast<int32_t>(i)};
  }
  for (std::size_t p = 0; p < periods; ++p)
    std::sort(
        index.entries.begin() + index.period_start[p], index.entries.begin() + index.period_start[p + 1],
        [](const ArOpenIndexEntry& a, const ArOpenIndexEntry& b) { return a.closed_day > b.closed_day; });
}

int64_t deposit_of(const ArLedger& ledger, int32_t invoice) {
  auto it = std::lower_bound(ledger.deposits.begin(), ledger.deposits.end(), invoice,
                             [](const ArDeposit& d, int32_t v) { return d.invoice < v; });
  return it != ledger.deposits.end() && it->invoice == invoice ? it->amount : 0;
}

}  // namespace duebook

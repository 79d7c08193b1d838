#include "reports/ar_measures.h"

#include <algorithm>

namespace duebook {
namespace {

Problem overflow_problem() {
  return Problem{"amount", "the receivables add up to more than the largest amount Duebook can hold"};
}

Status check_period(const Date& from, const Date& to) {
  if (to < from)
    return Problem{"to", "the period ends (" + to_iso(to) + ") before it starts (" + to_iso(from) + ")"};
  return ok_status();
}

// A sale counts when the invoice was not voided by the end of the period.
bool standing(const ArInvoice& inv, int32_t end) {
  return inv.voided_day == kNoDay || inv.voided_day > end;
}

// Open receivables per currency index on a day: everything, and the part not yet due.
struct OpenAmounts {
  std::vector<int64_t> total;    // per currency: the aging's open total
  std::vector<int64_t> current;  // per currency: of which not yet due
};

Result<OpenAmounts> open_amounts(const ArLedger& ledger, const Date& day) {
  AgingOptions options;
  options.as_of = day;
  options.buckets = AgingBuckets{{0}, {"current", "overdue"}};
  options.collect_invoices = false;
  Result<AgingReport> aging = compute_aging(ledger, options);
  if (!aging) return aging.problems();
  OpenAmounts out;
  for (const AgingCurrencyTotal& t : aging->totals) {
    out.total.push_back(t.total);
    out.current.push_back(t.buckets[0]);
  }
  out.total.resize(static_cast<std::size_t>(ledger.currency_count), 0);
  out.current.resize(static_cast<std::size_t>(ledger.currency_count), 0);
  return out;
}

// Credit sales per currency index of the invoices issued in [from, to] and standing at `to`.
Result<std::vector<int64_t>> credit_sales(const ArLedger& ledger, int32_t from, int32_t to) {
  std::vector<int64_t> sales(static_cast<std::size_t>(ledger.currency_count), 0);
  bool overflow = false;
  for (const ArInvoice& inv : ledger.invoices)
    if (inv.issued_day >= from && inv.issued_day <= to && standing(inv, to))
      overflow |= __builtin_add_overflow(sales[static_cast<std::size_t>(inv.currency)], inv.total,
                                         &sales[static_cast<std::size_t>(inv.currency)]);
  if (overflow) return overflow_problem();
  return sales;
}

Measure measure(const Result<Rational>& r) {
  Measure m;
  m.defined = r.ok();
  if (r.ok())
    m.value = r.value();
  else
    m.why = r.problems()[0].message;
  return m;
}

// Countback: the month boundaries back from `to`, oldest first: month j is (ends[j], ends[j + 1]].
// Enough months to reach back past `first_day` (at most 100 years).
std::vector<int32_t> month_ends(const Date& to, int32_t first_day) {
  std::vector<int32_t> ends = {day_number(to)};
  for (int k = 1; k <= 1200 && ends.back() >= first_day; ++k) ends.push_back(day_number(add_months(to, -k)));
  std::reverse(ends.begin(), ends.end());
  return ends;
}

}  // namespace

Result<std::vector<CurrencyDso>> dso_by_currency(const ArLedger& ledger, const Date& from, const Date& to) {
  if (Status s = check_period(from, to); !s) return s.problems();
  const int32_t from_day = day_number(from), to_day = day_number(to);
  Result<OpenAmounts> open = open_amounts(ledger, to);
  if (!open) return open.problems();
  Result<std::vector<int64_t>> sales = credit_sales(ledger, from_day, to_day);
  if (!sales) return sales.problems();

  // Monthly sales for the countback, per currency, oldest month first.
  const std::size_t currencies = static_cast<std::size_t>(ledger.currency_count);
  std::vector<int32_t> first_issue(currencies, to_day + 1);
  for (const ArInvoice& inv : ledger.invoices)
    if (inv.issued_day <= to_day && standing(inv, to_day))
      first_issue[static_cast<std::size_t>(inv.currency)] =
          std::min(first_issue[static_cast<std::size_t>(inv.currency)], inv.issued_day);
  const int32_t earliest = currencies ? *std::min_element(first_issue.begin(), first_issue.end()) : to_day;
  const std::vector<int32_t> ends = month_ends(to, earliest);
  const std::size_t months = ends.size() - 1;
  std::vector<int64_t> month_sales(currencies * months, 0);
  bool overflow = false;
  for (const ArInvoice& inv : ledger.invoices) {
    if (inv.issued_day > to_day || inv.issued_day <= ends.front() || !standing(inv, to_day)) continue;
    const std::size_t j =
        static_cast<std::size_t>(std::lower_bound(ends.begin(), ends.end(), inv.issued_day) - ends.begin()) -
        1;
    int64_t& cell = month_sales[static_cast<std::size_t>(inv.currency) * months + j];
    overflow |= __builtin_add_overflow(cell, inv.total, &cell);
  }
  if (overflow) return overflow_problem();

  std::vector<CurrencyDso> out;
  for (std::size_t c = 0; c < currencies; ++c) {
    CurrencyDso d;
    d.currency = static_cast<int32_t>(c);
    d.ending_receivables = open->total[c];
    d.ending_current = open->current[c];
    d.credit_sales = sales.value()[c];
    d.days = to_day - from_day + 1;
    if (d.ending_receivables == 0 && d.credit_sales == 0 && d.ending_current == 0) continue;
    std::vector<MonthSales> back;  // newest first, as far as the currency's first invoice
    for (std::size_t j = months; j-- > 0;) {
      if (ends[j + 1] < first_issue[c]) break;
      back.push_back(MonthSales{month_sales[c * months + j], ends[j + 1] - ends[j]});
    }
    d.countback_months = static_cast<int32_t>(back.size());
    d.simple = measure(dso_simple(d.ending_receivables, d.credit_sales, d.days));
    d.countback = measure(dso_countback(d.ending_receivables, back));
    d.best_possible = measure(dso_best_possible(d.ending_current, d.credit_sales, d.days));
    d.average_days_delinquent =
        measure(average_days_delinquent(d.ending_receivables, d.ending_current, d.credit_sales, d.days));
    out.push_back(std::move(d));
  }
  return out;
}

Result<std::vector<CurrencyCei>> cei_by_currency(const ArLedger& ledger, const Date& from, const Date& to) {
  if (Status s = check_period(from, to); !s) return s.problems();
  Result<OpenAmounts> begin = open_amounts(ledger, add_days(from, -1));
  if (!begin) return begin.problems();
  Result<OpenAmounts> end = open_amounts(ledger, to);
  if (!end) return end.problems();
  Result<std::vector<int64_t>> sales = credit_sales(ledger, day_number(from), day_number(to));
  if (!sales) return sales.problems();
  std::vector<CurrencyCei> out;
  for (std::size_t c = 0; c < static_cast<std::size_t>(ledger.currency_count); ++c) {
    CurrencyCei cei;
    cei.currency = static_cast<int32_t>(c);
    cei.input.beginning_receivables = begin->total[c];
    cei.input.credit_sales = sales.value()[c];
    cei.input.ending_total_receivables = end->total[c];
    cei.input.ending_current_receivables = end->current[c];
    cei.input.months = 1;
    if (cei.input.beginning_receivables == 0 && cei.input.credit_sales == 0 &&
        cei.input.ending_total_receivables == 0)
      continue;
    cei.cei = measure(collection_effectiveness_index(cei.input));
    out.push_back(std::move(cei));
  }
  return out;
}

Result<std::vector<CurrencyDaysLate>> days_late_by_currency(const ArLedger& ledger, const Date& from,
                                                            const Date& to) {
  if (Status s = check_period(from, to); !s) return s.problems();
  const int32_t to_day = day_number(to);
  std::vector<std::vector<PaidAmount>> paid(static_cast<std::size_t>(ledger.currency_count));
  for (const ArReduction& r : ledger.reductions) {
    if (r.kind != ReductionKind::Payment || r.day > to_day) continue;
    const ArInvoice& inv = ledger.invoices[static_cast<std::size_t>(r.invoice)];
    if (!standing(inv, to_day)) continue;
    const int32_t due = inv.due_day != kNoDay ? inv.due_day : inv.issued_day;
    paid[static_cast<std::size_t>(inv.currency)].push_back(PaidAmount{inv.customer, due, r.day, r.amount});
  }
  std::vector<CurrencyDaysLate> out;
  for (std::size_t c = 0; c < paid.size(); ++c) {
    if (paid[c].empty()) continue;
    Result<DaysLateReport> report = days_late_report(paid[c], ledger.customer_count, from, to);
    if (!report) return report.problems();
    if (report->all.current.count == 0 && report->all.previous.count == 0) continue;
    out.push_back(CurrencyDaysLate{static_cast<int32_t>(c), std::move(report.value())});
  }
  return out;
}

}  // namespace duebook

#include "reports/forecast.h"

#include <algorithm>
#include <cassert>

namespace duebook {
namespace {

// Slots of a line: the 13 weeks, then "later".
constexpr int kLaterSlot = kForecastWeeks;

// One outcome before compression into a histogram.
struct Outcome {
  int32_t days_late;  // settled − due
  bool lost;          // written off rather than paid
};

// The day an invoice is due: its due date, or its issue date when it has none.
inline int32_t due_of(const ArInvoice& inv) {
  return inv.due_day != kNoDay ? inv.due_day : inv.issued_day;
}

// The slot of a receipt on `day` in a forecast as of `as_of`: overdue or tomorrow -> week 1 (slot 0).
inline int slot_of(int64_t day, int32_t as_of) {
  const int64_t offset = day - as_of - 1;
  if (offset < 0) return 0;
  return static_cast<int>(std::min<int64_t>(offset / 7, kLaterSlot));
}

// Adds to a slot, noting overflow.
inline void add_to(ForecastLine& line, int slot, int64_t amount, bool* overflow) {
  int64_t& target = slot == kLaterSlot ? line.later : line.weeks[static_cast<std::size_t>(slot)];
  *overflow |= __builtin_add_overflow(target, amount, &target);
}

inline void add_not_collected(ForecastLine& line, int64_t amount, bool* overflow) {
  *overflow |= __builtin_add_overflow(line.not_collected, amount, &line.not_collected);
}

// Appends the histogram of sorted outcomes [begin, end) as one segment.
void append_segment(std::vector<PaymentHistory::Entry>& entries, const Outcome* begin, const Outcome* end) {
  int32_t paid = 0, lost = 0;
  for (const Outcome* o = begin; o != end; ++o) {
    (o->lost ? lost : paid) += 1;
    if (o + 1 == end || o[1].days_late != o->days_late)
      entries.push_back(PaymentHistory::Entry{o->days_late, paid, lost});
  }
}

bool by_days(const Outcome& a, const Outcome& b) {
  return a.days_late < b.days_late;
}

// The conditional sample of one open invoice: entries [first, end) of one segment.
struct Sample {
  bool found = false;       // some outcome is later than the invoice's age
  bool own = false;         // from the customer's own segment
  uint32_t first = 0;       // first entry later than the age
  uint32_t end = 0;         // end of the segment
  int32_t paid_before = 0;  // paid outcomes of the segment before `first`
  int32_t paid = 0;         // paid outcomes in the sample
  int32_t lost = 0;         // lost outcomes in the sample
};

int32_t segment_size(const PaymentHistory& h, std::size_t segment) {
  const uint32_t b = h.segment_start[segment], e = h.segment_start[segment + 1];
  return b == e ? 0 : h.entries[e - 1].paid_cum + h.entries[e - 1].lost_cum;
}

// Outcomes of `segment` later than `age` days past due.
Sample sample_of(const PaymentHistory& h, std::size_t segment, int64_t age) {
  Sample s;
  const uint32_t b = h.segment_start[segment], e = h.segment_start[segment + 1];
  const auto it = std::upper_bound(h.entries.begin() + b, h.entries.begin() + e, age,
                                   [](int64_t a, const PaymentHistory::Entry& x) { return a < x.days_late; });
  s.first = static_cast<uint32_t>(it - h.entries.begin());
  s.end = e;
  if (s.first == e) return s;
  const PaymentHistory::Entry& last = h.entries[e - 1];
  s.paid_before = s.first == b ? 0 : h.entries[s.first - 1].paid_cum;
  const int32_t lost_before = s.first == b ? 0 : h.entries[s.first - 1].lost_cum;
  s.paid = last.paid_cum - s.paid_before;
  s.lost = last.lost_cum - lost_before;
  s.found = s.paid + s.lost > 0;
  return s;
}

// The customer's own conditional sample when they have enough history and one that late, else the
// ledger's.
Sample choose_sample(const PaymentHistory& h, int32_t customer, int64_t age) {
  const std::size_t ledger_segment = h.segment_start.size() - 2;
  assert(customer >= 0 && static_cast<std::size_t>(customer) < ledger_segment);
  if (segment_size(h, static_cast<std::size_t>(customer)) >= h.min_history) {
    Sample own = sample_of(h, static_cast<std::size_t>(customer), age);
    if (own.found) {
      own.own = true;
      return own;
    }
  }
  return sample_of(h, ledger_segment, age);
}

// Sets *day to the pay day at the nearest-rank `percentile` of a sample; false when that rank is a loss.
bool percentile_day(const PaymentHistory& h, const Sample& s, int32_t percentile, int32_t due, int64_t* day) {
  const int64_t n = int64_t{s.paid} + s.lost;
  const int64_t rank = std::max<int64_t>(1, (int64_t{percentile} * n + 99) / 100);  // ceil(P·n/100)
  if (rank > s.paid) return false;                                                  // losses rank last
  const int64_t target = s.paid_before + rank;
  const auto it = std::lower_bound(h.entries.begin() + s.first, h.entries.begin() + s.end, target,
                                   [](const PaymentHistory::Entry& x, int64_t t) { return x.paid_cum < t; });
  *day = int64_t{due} + it->days_late;
  return true;
}

Status check_options(const ForecastOptions& options) {
  Problems problems;
  auto check_percentile = [&](int32_t p, const char* field) {
    if (p < 1 || p > 100)
      problems.push_back(
          {std::string("options.") + field, "a percentile must be 1..100, not " + std::to_string(p)});
  };
  check_percentile(options.late_percentile, "late_percentile");
  check_percentile(options.median_percentile, "median_percentile");
  check_percentile(options.early_percentile, "early_percentile");
  if (options.min_history < 1) problems.push_back({"options.min_history", "must be at least 1"});
  if (!problems.empty()) return problems;
  return ok_status();
}

Status check_scheduled(const ArLedger& ledger, const std::vector<ScheduledReceipt>& scheduled) {
  Problems problems;
  for (std::size_t i = 0; i < scheduled.size(); ++i) {
    const ScheduledReceipt& r = scheduled[i];
    const std::string at = "scheduled[" + std::to_string(i) + "]";
    if (r.amount <= 0) problems.push_back({at + ".amount", "an expected receipt must be positive"});
    const Decimal& p = r.probability_percent;
    if (p.scale < 0 || p.scale > 16 || compare(p, Decimal{0, 0}) < 0 || compare(p, Decimal{100, 0}) > 0)
      problems.push_back({at + ".probability_percent", "must be between 0 and 100 percent"});
    if (r.customer < 0 || r.customer >= ledger.customer_count)
      problems.push_back({at + ".customer", "no such customer"});
    if (r.currency < 0 || r.currency >= ledger.currency_count)
      problems.push_back({at + ".currency", "no such currency"});
    if (r.invoice < -1 || r.invoice >= static_cast<int64_t>(ledger.invoices.size()))
      problems.push_back({at + ".invoice", "no such invoice"});
  }
  if (!problems.empty()) return problems;
  return ok_status();
}

// Walks invoices with their reductions (sorted by invoice), calling visit(i, open, first, end) for every
// invoice issued by as_of and neither voided nor settled by then.
// Its reductions are [first, end) of ledger.reductions. Sets *overflow when an open amount overflows.
template <class Visit>
void for_each_open(const ArLedger& ledger, int32_t as_of, bool* overflow, Visit visit) {
  const std::vector<ArReduction>& reductions = ledger.reductions;
  std::size_t k = 0;
  for (int32_t i = 0; i < static_cast<int32_t>(ledger.invoices.size()); ++i) {
    const ArInvoice& inv = ledger.invoices[i];
    while (k < reductions.size() && reductions[k].invoice < i) ++k;
    if (inv.issued_day > as_of) continue;
    if (inv.voided_day != kNoDay && inv.voided_day <= as_of) continue;
    if (inv.settled_day != kNoDay && inv.settled_day <= as_of) continue;
    int64_t open = inv.total;
    const std::size_t first = k;
    for (; k < reductions.size() && reductions[k].invoice == i; ++k)
      if (reductions[k].day <= as_of) *overflow |= __builtin_sub_overflow(open, reductions[k].amount, &open);
    visit(i, open, first, k);
  }
}

}  // namespace

Date forecast_week_start(const Date& as_of, int week) {
  return add_days(as_of, 1 + 7 * int64_t{week});
}

// ---------------------------------------------------------------------------------------------
// History

PaymentHistory build_payment_history(const ArLedger& ledger, const ForecastOptions& options) {
  const int32_t as_of = day_number(options.as_of);
  const std::size_t customers = static_cast<std::size_t>(ledger.customer_count);
  std::vector<Outcome> outcomes;
  std::vector<int32_t> customer_of;  // parallel to outcomes
  const std::vector<ArReduction>& reductions = ledger.reductions;
  std::size_t k = 0;
  for (int32_t i = 0; i < static_cast<int32_t>(ledger.invoices.size()); ++i) {
    const ArInvoice& inv = ledger.invoices[i];
    while (k < reductions.size() && reductions[k].invoice < i) ++k;
    if (inv.settled_day == kNoDay || inv.settled_day > as_of) continue;
    if (inv.voided_day != kNoDay && inv.voided_day <= as_of) continue;
    Int128 paid = 0, written_off = 0;
    for (; k < reductions.size() && reductions[k].invoice == i; ++k) {
      if (reductions[k].day > as_of) continue;
      if (reductions[k].kind == ReductionKind::Payment) paid += reductions[k].amount;
      if (reductions[k].kind == ReductionKind::WriteOff) written_off += reductions[k].amount;
    }
    if (paid <= 0 && written_off <= 0) continue;  // settled by credit notes: a correction, not a payment
    const int64_t days = int64_t{inv.settled_day} - due_of(inv);
    outcomes.push_back(Outcome{static_cast<int32_t>(std::clamp<int64_t>(days, INT32_MIN + 1, INT32_MAX)),
                               written_off > paid});
    customer_of.push_back(inv.customer);
  }

  // Group by customer (counting sort), then sort each customer's outcomes and the whole ledger's.
  std::vector<uint32_t> start(customers + 1, 0);
  for (int32_t c : customer_of) ++start[static_cast<std::size_t>(c) + 1];
  for (std::size_t c = 0; c < customers; ++c) start[c + 1] += start[c];
  std::vector<Outcome> grouped(outcomes.size());
  {
    std::vector<uint32_t> next(start.begin(), start.end() - 1);
    for (std::size_t o = 0; o < outcomes.size(); ++o) grouped[next[customer_of[o]]++] = outcomes[o];
  }

  PaymentHistory history;
  history.as_of_day = as_of;
  history.min_history = options.min_history;
  history.segment_start.reserve(customers + 2);
  for (std::size_t c = 0; c < customers; ++c) {
    Outcome* b = grouped.data() + start[c];
    Outcome* e = grouped.data() + start[c + 1];
    std::sort(b, e, by_days);
    history.segment_start.push_back(static_cast<uint32_t>(history.entries.size()));
    append_segment(history.entries, b, e);
  }
  std::sort(outcomes.begin(), outcomes.end(), by_days);
  history.segment_start.push_back(static_cast<uint32_t>(history.entries.size()));
  append_segment(history.entries, outcomes.data(), outcomes.data() + outcomes.size());
  history.segment_start.push_back(static_cast<uint32_t>(history.entries.size()));
  return history;
}

PaymentOutlook payment_outlook(const PaymentHistory& history, int32_t customer, int32_t due_day) {
  PaymentOutlook outlook;
  const int64_t age = int64_t{history.as_of_day} - due_day;
  const Sample s = choose_sample(history, customer, age);
  if (!s.found) return outlook;
  outlook.known = true;
  outlook.own_history = s.own;
  outlook.outcomes = s.paid + s.lost;
  outlook.probability = rational(s.paid, outlook.outcomes);
  if (s.paid > 0) {
    Int128 weighted = 0;  // Σ count × days from as_of to payment
    int32_t before = s.paid_before;
    for (uint32_t j = s.first; j < s.end; ++j) {
      const PaymentHistory::Entry& e = history.entries[j];
      weighted += Int128{e.paid_cum - before} * (int64_t{due_day} + e.days_late - history.as_of_day);
      before = e.paid_cum;
    }
    outlook.expected_days = rational(weighted, s.paid);
  }
  return outlook;
}

namespace {

// Adds `open`, due on day `due` from `customer`, to every line of `f` as of day `as_of` (the statistical
// model: the conditional sample of the history for an invoice that far past due). Returns true when the
// customer's own history was used.
bool forecast_part(const PaymentHistory& history, const ForecastOptions& options, int32_t as_of,
                   int32_t customer, int32_t due, int64_t open, CurrencyForecast& f, bool* overflow_out) {
  bool overflow = false;
  add_to(f.naive, slot_of(due, as_of), open, &overflow);

  const Sample s = choose_sample(history, customer, int64_t{as_of} - due);
  if (!s.found) {
    f.beyond_history += open;
    for (ForecastLine* line : {&f.expected, &f.low, &f.likely, &f.high})
      add_not_collected(*line, open, &overflow);
    *overflow_out |= overflow;
    return false;
  }

  // Expected: the cumulative paid share at the end of each slot, rounded once with HalfUp, so that
  // the slots' amounts add up exactly to round(open × paid / n) and no cent is lost or made.
  const Int128 n = int64_t{s.paid} + s.lost;
  int64_t handed_out = 0;
  int32_t cumulative = 0;
  int current_slot = -1;
  int32_t before = s.paid_before;
  auto emit = [&](int slot) {
    const int64_t upto = static_cast<int64_t>(round_div(Int128{open} * cumulative, n, Rounding::HalfUp));
    add_to(f.expected, slot, upto - handed_out, &overflow);
    handed_out = upto;
  };
  for (uint32_t j = s.first; j < s.end; ++j) {
    const PaymentHistory::Entry& e = history.entries[j];
    const int32_t paid_here = e.paid_cum - before;
    before = e.paid_cum;
    if (paid_here == 0) continue;
    const int slot = slot_of(int64_t{due} + e.days_late, as_of);
    if (slot != current_slot && current_slot >= 0) emit(current_slot);
    current_slot = slot;
    cumulative += paid_here;
  }
  if (current_slot >= 0) emit(current_slot);
  add_not_collected(f.expected, open - handed_out, &overflow);

  const std::pair<ForecastLine*, int32_t> lines[] = {{&f.low, options.late_percentile},
                                                     {&f.likely, options.median_percentile},
                                                     {&f.high, options.early_percentile}};
  for (const auto& [line, percentile] : lines) {
    int64_t day = 0;
    if (percentile_day(history, s, percentile, due, &day))
      add_to(*line, slot_of(day, as_of), open, &overflow);
    else
      add_not_collected(*line, open, &overflow);
  }
  *overflow_out |= overflow;
  return s.own;
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Forecast

Result<CashForecast> forecast_cash(const ArLedger& ledger, const std::vector<ScheduledReceipt>& scheduled,
                                   const ForecastOptions& options) {
  if (Status s = check_options(options); !s) return s.problems();
  if (Status s = check_scheduled(ledger, scheduled); !s) return s.problems();
  const int32_t as_of = day_number(options.as_of);
  const PaymentHistory history = build_payment_history(ledger, options);

  CashForecast forecast;
  forecast.as_of = options.as_of;
  forecast.by_currency.assign(static_cast<std::size_t>(ledger.currency_count), CurrencyForecast{});
  bool overflow = false;

  // Scheduled receipts agreed by as_of and still to come; the invoices they name leave the model.
  std::vector<uint8_t> scheduled_invoice(ledger.invoices.size(), 0);
  for (const ScheduledReceipt& r : scheduled) {
    if (r.made_day > as_of || r.day <= as_of) continue;
    if (r.invoice >= 0) scheduled_invoice[static_cast<std::size_t>(r.invoice)] = 1;
    CurrencyForecast& f = forecast.by_currency[static_cast<std::size_t>(r.currency)];
    const int slot = slot_of(r.day, as_of);
    overflow |= __builtin_add_overflow(f.open_total, r.amount, &f.open_total);
    // p % as a factor: units / 10^(scale + 2); check_scheduled keeps scale + 2 within 18.
    const Decimal factor{r.probability_percent.units, r.probability_percent.scale + 2};
    const Result<int64_t> expected = multiply(r.amount, factor, Rounding::HalfUp);
    assert(expected.ok());  // 0 <= factor <= 1
    add_to(f.expected, slot, *expected, &overflow);
    add_not_collected(f.expected, r.amount - *expected, &overflow);
    add_to(f.naive, slot, r.amount, &overflow);
    const std::pair<ForecastLine*, int32_t> lines[] = {{&f.low, options.late_percentile},
                                                       {&f.likely, options.median_percentile},
                                                       {&f.high, options.early_percentile}};
    for (const auto& [line, percentile] : lines) {
      if (compare(r.probability_percent, Decimal{percentile, 0}) >= 0)
        add_to(*line, slot, r.amount, &overflow);
      else
        add_not_collected(*line, r.amount, &overflow);
    }
  }

  for_each_open(ledger, as_of, &overflow, [&](int32_t i, int64_t open, std::size_t, std::size_t) {
    if (open <= 0 || scheduled_invoice[static_cast<std::size_t>(i)]) return;
    const ArInvoice& inv = ledger.invoices[static_cast<std::size_t>(i)];
    CurrencyForecast& f = forecast.by_currency[static_cast<std::size_t>(inv.currency)];
    overflow |= __builtin_add_overflow(f.open_total, open, &f.open_total);
    ++f.invoices;
    // A down payment is due on receipt (invoicing/deposits.h): its open part is forecast from the issue
    // day, the rest from the due day; reductions settle the deposit first, so its open part is
    // clamp(deposit − (total − open), 0, open).
    const int64_t deposit = ledger.deposits.empty() ? 0 : deposit_of(ledger, i);
    const int64_t deposit_open = std::clamp<int64_t>(deposit - (inv.total - open), 0, open);
    bool own = false;
    if (deposit_open > 0)
      own |= forecast_part(history, options, as_of, inv.customer, inv.issued_day, deposit_open, f, &overflow);
    if (open > deposit_open)
      own |= forecast_part(history, options, as_of, inv.customer, due_of(inv), open - deposit_open, f,
                           &overflow);
    f.own_history += own;
  });
  if (overflow)
    return Problem{"amount", "the forecast adds up to more than the largest amount Duebook can hold"};
  return forecast;
}

Result<ForecastBacktest> backtest_forecast(const ArLedger& ledger,
                                           const std::vector<ScheduledReceipt>& scheduled,
                                           const ForecastOptions& options) {
  Result<CashForecast> forecast = forecast_cash(ledger, scheduled, options);
  if (!forecast) return forecast.problems();
  const int32_t as_of = day_number(options.as_of);
  const int64_t horizon_end = int64_t{as_of} + 7 * kForecastWeeks;

  ForecastBacktest backtest;
  backtest.as_of = options.as_of;
  backtest.by_currency.resize(forecast->by_currency.size());
  bool overflow = false;
  for_each_open(ledger, as_of, &overflow, [&](int32_t i, int64_t open, std::size_t first, std::size_t end) {
    if (open <= 0) return;
    CurrencyBacktest& b = backtest.by_currency[static_cast<std::size_t>(ledger.invoices[i].currency)];
    for (std::size_t k = first; k < end; ++k) {
      const ArReduction& r = ledger.reductions[k];
      if (r.kind != ReductionKind::Payment || r.day <= as_of || r.day > horizon_end) continue;
      int64_t& week = b.actual[static_cast<std::size_t>(slot_of(r.day, as_of))];
      overflow |= __builtin_add_overflow(week, r.amount, &week);
    }
  });

  constexpr int64_t kMicroPercent = 1000000;  // per-week errors are kept in 10^-6 percent
  for (std::size_t c = 0; c < backtest.by_currency.size(); ++c) {
    CurrencyBacktest& b = backtest.by_currency[c];
    b.forecast = forecast->by_currency[c];
    Int128 ape_sum = 0;
    for (int w = 0; w < kForecastWeeks; ++w) {
      const int64_t predicted = b.forecast.expected.weeks[static_cast<std::size_t>(w)];
      const int64_t actual = b.actual[static_cast<std::size_t>(w)];
      const Int128 error = predicted >= actual ? Int128{predicted} - actual : Int128{actual} - predicted;
      overflow |= !fits_int64(error);
      b.absolute_error[static_cast<std::size_t>(w)] = static_cast<int64_t>(error);
      overflow |= __builtin_add_overflow(b.total_absolute_error, static_cast<int64_t>(error),
                                         &b.total_absolute_error);
      overflow |= __builtin_add_overflow(b.total_actual, actual, &b.total_actual);
      if (actual == 0) continue;
      const Int128 magnitude = actual < 0 ? -Int128{actual} : Int128{actual};
      ape_sum += round_div(error * 100 * kMicroPercent, magnitude, Rounding::HalfUp);
      ++b.weeks_in_mape;
    }
    b.has_mape = b.weeks_in_mape > 0;
    b.mape_percent = b.has_mape ? rational(ape_sum, Int128{b.weeks_in_mape} * kMicroPercent) : rational(0);
  }
  if (overflow)
    return Problem{"amount", "the backtest adds up to more than the largest amount Duebook can hold"};
  return backtest;
}

}  // namespace duebook

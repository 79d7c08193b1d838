#include "reports/aging.h"

#include <algorithm>
#include <cassert>

namespace duebook {
namespace {

Problem overflow_problem() {
  return Problem{"amount", "the receivables add up to more than the largest amount Duebook can hold"};
}

Status check_buckets(const AgingBuckets& buckets) {
  Problems problems;
  if (buckets.upper_limits.empty())
    problems.push_back({"buckets", "give at least one bucket limit (the default is 0, 30, 60, 90)"});
  for (std::size_t i = 1; i < buckets.upper_limits.size(); ++i) {
    if (buckets.upper_limits[i] <= buckets.upper_limits[i - 1])
      problems.push_back({"buckets.upper_limits[" + std::to_string(i) + "]",
                          "bucket limits must increase: " + std::to_string(buckets.upper_limits[i]) +
                              " does not come after " + std::to_string(buckets.upper_limits[i - 1])});
  }
  if (buckets.names.size() != buckets.upper_limits.size() + 1)
    problems.push_back({"buckets.names", "there are " + std::to_string(buckets.upper_limits.size() + 1) +
                                             " buckets but " + std::to_string(buckets.names.size()) +
                                             " names"});
  for (std::size_t i = 0; i < buckets.names.size(); ++i)
    if (buckets.names[i].empty())
      problems.push_back({"buckets.names[" + std::to_string(i) + "]", "a bucket needs a name"});
  if (!problems.empty()) return problems;
  return ok_status();
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Options

const char* to_string(AgingBasis basis) {
  return basis == AgingBasis::InvoiceDate ? "invoice_date" : "due_date";
}

AgingBuckets default_aging_buckets() {
  return AgingBuckets{{0, 30, 60, 90}, {"current", "1-30", "31-60", "61-90", "90+"}};
}

Result<AgingBuckets> aging_buckets_from_limits(const std::vector<int32_t>& upper_limits) {
  AgingBuckets buckets;
  buckets.upper_limits = upper_limits;
  if (!upper_limits.empty()) {
    const int32_t first = upper_limits.front();
    buckets.names.push_back(first == 0 ? "current" : "\xE2\x89\xA4" + std::to_string(first));  // "≤N"
    for (std::size_t i = 1; i < upper_limits.size(); ++i)
      buckets.names.push_back(std::to_string(int64_t{upper_limits[i - 1]} + 1) + "-" +
                              std::to_string(upper_limits[i]));
    buckets.names.push_back(std::to_string(upper_limits.back()) + "+");
  }
  if (Status s = check_buckets(buckets); !s) return s.problems();
  return buckets;
}

// ---------------------------------------------------------------------------------------------
// The report

int64_t AgingReport::amount(int32_t row, int bucket) const {
  assert(row >= 0 && static_cast<std::size_t>(row) < rows.size());
  assert(bucket >= 0 && bucket < bucket_count());
  return amounts[static_cast<std::size_t>(row) * static_cast<std::size_t>(bucket_count()) +
                 static_cast<std::size_t>(bucket)];
}

int32_t AgingReport::find_row(int32_t customer, int32_t currency) const {
  assert(customer >= 0 && static_cast<std::size_t>(customer) < first_row_of_customer.size());
  for (int32_t r = first_row_of_customer[customer]; r >= 0; r = next_row_of_customer[r])
    if (rows[r].currency == currency) return r;
  return -1;
}

namespace {

// The rows being built, apart from the report so that the hot loop reads flat arrays. Row c (c < customer
// count) is customer c's row in the first currency met for it (currency -1 until then); its rows in other
// currencies come after those, chained by `next`. A customer's first row is therefore found without a
// lookup, and the rows are read back in customer order.
struct RowBuilder {
  int stride = 0;                 // int64s per row: the buckets, then the total
  std::vector<int64_t> sums;      // rows × stride accumulators
  std::vector<int32_t> open;      // per row: its open invoices (apart: the rows kept are found by it alone)
  std::vector<int32_t> customer;  // per row: its customer
  std::vector<int32_t> currency;  // per row: its currency, -1 for an unused first row
  std::vector<int32_t> next;      // per row: the same customer's next row, or -1

  RowBuilder(int32_t customers, int stride_) : stride(stride_) {
    const std::size_t n = static_cast<std::size_t>(customers);
    sums.assign(n * static_cast<std::size_t>(stride), 0);
    open.assign(n, 0);
    customer.resize(n);
    for (std::size_t c = 0; c < n; ++c) customer[c] = static_cast<int32_t>(c);
    currency.assign(n, -1);
    next.assign(n, -1);
  }
};

// The row of (customer, currency), created when the customer has none in that currency yet. Kept out
// of line: it runs once per row, the loop that calls it once per invoice.
__attribute__((noinline)) int32_t find_or_add_row(RowBuilder& rows, int32_t customer, int32_t currency) {
  int32_t r = customer;
  if (rows.currency[r] < 0) {
    rows.currency[r] = currency;
    return r;
  }
  for (; rows.currency[r] != currency; r = rows.next[r])
    if (rows.next[r] < 0) {
      const int32_t created = static_cast<int32_t>(rows.customer.size());
      rows.customer.push_back(customer);
      rows.currency.push_back(currency);
      rows.next.push_back(-1);
      rows.sums.resize(rows.sums.size() + static_cast<std::size_t>(rows.stride), 0);
      rows.open.push_back(0);
      rows.next[r] = created;
      return created;
    }
  return r;
}

// The open amount of an invoice as of `as_of` from its reductions [first, end); sets *overflow when it does
// not fit in int64.
int64_t open_as_of(const ArInvoice& inv, const ArReduction* first, const ArReduction* end, int32_t as_of,
                   bool* overflow) {
  int64_t open = inv.total;
  for (const ArReduction* r = first; r != end; ++r)
    if (r->day <= as_of) *overflow |= __builtin_sub_overflow(open, r->amount, &open);
  return open;
}

// Age in days of an invoice as of a day.
int64_t age_of(const ArInvoice& inv, int32_t as_of, bool by_due_date) {
  // An invoice with no due date is due on its issue date (as "due on receipt" terms would say).
  const int32_t from = (by_due_date && inv.due_day != kNoDay) ? inv.due_day : inv.issued_day;
  return int64_t{as_of} - from;
}

// The bucket of an age: the first whose upper limit is ≥ age, else the last.
int bucket_of(int64_t age, const int32_t* limits, int bucket_count) {
  int bucket = 0;
  while (bucket < bucket_count - 1 && age > limits[bucket]) ++bucket;
  return bucket;
}

// A part of an open invoice as aged: its bucket, amount and age.
struct AgedPiece {
  int bucket = 0;
  int64_t amount = 0;
  int64_t age = 0;
};

// How an open invoice is aged: one piece, its open amount at its age; or, aging by due date an invoice whose
// down payment is still partly open on the day (reductions settle the deposit first, invoicing/deposits.h),
// the deposit's open part aged from the issue day and the rest from the due day — one piece again, at the
// deposit's age, when both fall in the same bucket. Returns the number of pieces (1 or 2).
int aged_pieces(const ArInvoice& inv, int64_t open, int64_t deposit, int32_t as_of, bool by_due_date,
                const int32_t* limits, int bucket_count, AgedPiece out[2]) {
  const int64_t age = age_of(inv, as_of, by_due_date);
  out[0] = {bucket_of(age, limits, bucket_count), open, age};
  if (deposit <= 0 || !by_due_date || open <= 0) return 1;
  const int64_t deposit_open = std::clamp<int64_t>(deposit - (inv.total - open), 0, open);
  if (deposit_open == 0) return 1;
  const int64_t deposit_age = int64_t{as_of} - inv.issued_day;
  const int deposit_bucket = bucket_of(deposit_age, limits, bucket_count);
  if (deposit_open == open || deposit_bucket == out[0].bucket) {
    out[0] = {deposit_bucket, open, deposit_age};
    return 1;
  }
  out[1] = {out[0].bucket, open - deposit_open, age};
  out[0] = {deposit_bucket, deposit_open, deposit_age};
  return 2;
}

}  // namespace

namespace {

// One aging pass: what it ages by, the rows it builds, and what each open invoice adds to them.
struct AgingPass {
  const ArLedger& ledger;                           // what is aged
  int32_t as_of = 0;                                // the report's day number
  int bucket_count = 0;                             // buckets per row
  const ArInvoice* invoices;                        // ledger.invoices.data()
  const int32_t* limits;                            // the buckets' upper limits (bucket_count - 1 of them)
  bool by_due_date = true;                          // ages count from the due date (else the issue date)
  bool collect = true;                              // fill `placed` for the drill-down
  RowBuilder rows;                                  // the rows being built
  std::vector<std::pair<int32_t, int32_t>> placed;  // (invoice, cell) of each invoice aged, in ledger order;
                                                    // cell = row × buckets + bucket
  bool overflow = false;                            // a sum did not fit in int64
  // The rows' arrays, read in the hot loop; find_or_add_row may move them (refresh()).
  int64_t* sums = nullptr;
  const int32_t* row_currency = nullptr;
  int32_t* open_count = nullptr;

  AgingPass(const ArLedger& ledger_, const AgingOptions& options)
      : ledger(ledger_),
        as_of(day_number(options.as_of)),
        bucket_count(static_cast<int>(options.buckets.names.size())),
        invoices(ledger_.invoices.data()),
        limits(options.buckets.upper_limits.data()),
        by_due_date(options.basis == AgingBasis::DueDate),
        collect(options.collect_invoices),
        rows(ledger_.customer_count, bucket_count + 1) {
    refresh();
  }

  void refresh() {
    sums = rows.sums.data();
    row_currency = rows.currency.data();
    open_count = rows.open.data();
  }

  // Ages invoice i, open on the day (issued by it, neither settled nor voided by it), whose reductions are
  // [r, r_end). The hot loop, on raw pointers: it must stay fast at a million invoices in WebAssembly, where
  // small helpers are not always inlined.
  void age_open(std::size_t i, const ArReduction* r, const ArReduction* const r_end) {
    const ArInvoice& inv = invoices[i];
    const int64_t open = open_as_of(inv, r, r_end, as_of, &overflow);
    if (open == 0) return;

    // Most ledgers have no deposits: the common case stays inline.
    AgedPiece pieces[2];
    int piece_count = 1;
    const int64_t deposit = ledger.deposits.empty() ? 0 : deposit_of(ledger, static_cast<int32_t>(i));
    if (deposit == 0) {
      const int64_t age = age_of(inv, as_of, by_due_date);
      const int limit_count = bucket_count - 1;
      int bucket = 0;
      while (bucket < limit_count && age > limits[bucket]) ++bucket;
      pieces[0] = {bucket, open, age};
    } else {
      piece_count = aged_pieces(inv, open, deposit, as_of, by_due_date, limits, bucket_count, pieces);
    }

    assert(inv.customer >= 0 && inv.customer < ledger.customer_count);
    assert(inv.currency >= 0 && inv.currency < ledger.currency_count);
    int32_t row_index = inv.customer;
    if (row_currency[row_index] != inv.currency) {
      row_index = find_or_add_row(rows, inv.customer, inv.currency);
      refresh();
    }
    int64_t* const row = sums + static_cast<std::size_t>(row_index) * rows.stride;
    for (int k = 0; k < piece_count; ++k) {
      overflow |= __builtin_add_overflow(row[pieces[k].bucket], pieces[k].amount, &row[pieces[k].bucket]);
      if (collect) placed.emplace_back(static_cast<int32_t>(i), row_index * bucket_count + pieces[k].bucket);
    }
    overflow |= __builtin_add_overflow(row[bucket_count], open, &row[bucket_count]);
    ++open_count[row_index];
  }
};

// Whether the ledger's open index was built for it as it is now.
bool open_index_fits(const ArLedger& ledger) {
  const ArOpenIndex& index = ledger.open_index;
  return index.invoice_count == ledger.invoices.size() && index.reduction_count == ledger.reductions.size() &&
         index.credit_count == ledger.credits.size() && !index.period_start.empty();
}

// Ages the invoices the open index finds open on the day: marks them period by period, then ages them in
// ledger order, as the full pass does: the invoices are read forwards and each customer's row stays small
// enough to be in cache.
void age_indexed(AgingPass& pass) {
  const ArOpenIndex& index = pass.ledger.open_index;
  const ArInvoice* const invoices = pass.ledger.invoices.data();
  const ArReduction* const reductions = pass.ledger.reductions.data();
  const int32_t as_of = pass.as_of;
  std::vector<uint64_t> open_bits((pass.ledger.invoices.size() + 63) / 64, 0);
  const std::size_t periods = index.period_start.size() - 1;
  const int64_t periods_by_day = (int64_t{as_of} - index.first_day) / kOpenIndexPeriodDays + 1;
  const std::size_t until =
      static_cast<std::size_t>(std::clamp<int64_t>(periods_by_day, 0, int64_t(periods)));
  const ArOpenIndexEntry* const entries = index.entries.data();
  uint64_t* const bits = open_bits.data();
  for (std::size_t p = 0; p < until; ++p) {
    // Only the last period can hold invoices issued after the day: elsewhere the entries alone decide.
    const bool check_issue = p + 1 == until;
    for (uint32_t e = index.period_start[p], end = index.period_start[p + 1]; e < end; ++e) {
      if (entries[e].closed_day <= as_of) break;
      const int32_t i = entries[e].invoice;
      if (!check_issue || invoices[i].issued_day <= as_of) bits[i >> 6] |= uint64_t{1} << (i & 63);
    }
  }
  const uint32_t* const starts = index.reduction_start.data();
  for (std::size_t w = 0; w < open_bits.size(); ++w) {
    for (uint64_t word = bits[w]; word != 0; word &= word - 1) {
      const std::size_t i = w * 64 + static_cast<std::size_t>(__builtin_ctzll(word));
      pass.age_open(i, reductions + starts[i], reductions + starts[i + 1]);
    }
  }
}

// Ages every invoice open on the day, reading them all with their reductions.
void age_all(AgingPass& pass) {
  const ArInvoice* const invoices = pass.ledger.invoices.data();
  const ArReduction* const reductions = pass.ledger.reductions.data();
  const std::size_t invoice_count = pass.ledger.invoices.size();
  const std::size_t reduction_count = pass.ledger.reductions.size();
  std::size_t k = 0;  // cursor into reductions, which are sorted by invoice
  for (std::size_t i = 0; i < invoice_count; ++i) {
    const ArInvoice& inv = invoices[i];
    const int32_t invoice = static_cast<int32_t>(i);
    while (k < reduction_count && reductions[k].invoice < invoice) ++k;  // those of skipped invoices
    if (inv.issued_day > pass.as_of || closed_day(inv) <= pass.as_of) continue;
    std::size_t k_end = k;
    while (k_end < reduction_count && reductions[k_end].invoice == invoice) ++k_end;
    pass.age_open(i, reductions + k, reductions + k_end);
    k = k_end;
  }
}

// Unapplied credit per built row as of the day: over the index's netted movements (most payments are
// allocated the day they arrive, so their two movements cancel) or over every movement. Adds the rows of
// customers with credit and no open invoice.
std::vector<int64_t> unapplied_credit(AgingPass& pass, bool use_index) {
  const ArLedger& ledger = pass.ledger;
  std::vector<int64_t> credit;
  auto add_credit = [&](const ArCreditMovement& c) {
    assert(c.customer >= 0 && c.customer < ledger.customer_count);
    assert(c.currency >= 0 && c.currency < ledger.currency_count);
    const std::size_t r = static_cast<std::size_t>(find_or_add_row(pass.rows, c.customer, c.currency));
    if (credit.size() <= r) credit.resize(pass.rows.customer.size(), 0);
    pass.overflow |= __builtin_add_overflow(credit[r], c.amount, &credit[r]);
  };
  if (use_index) {
    for (const ArCreditMovement& c : ledger.open_index.credits) {
      if (c.day > pass.as_of) break;  // sorted by day
      add_credit(c);
    }
  } else {
    for (const ArCreditMovement& c : ledger.credits)
      if (c.day <= pass.as_of && c.amount != 0) add_credit(c);
  }
  pass.refresh();
  credit.resize(pass.rows.customer.size(), 0);
  return credit;
}

// The report's rows in a fixed order, whichever pass made them (new row -> built row): by customer, then
// currency, leaving out those with no open invoice and no credit (a payment and its allocation on different
// days).
std::vector<int32_t> report_order(const RowBuilder& rows, const std::vector<int64_t>& credit,
                                  int32_t customer_count) {
  std::vector<int32_t> order;
  order.reserve(rows.customer.size());
  std::vector<int32_t> chain;
  auto kept = [&](int32_t r) { return rows.open[r] != 0 || credit[r] != 0; };
  for (int32_t c = 0; c < customer_count; ++c) {
    if (rows.currency[c] < 0) continue;
    if (rows.next[c] < 0) {  // one currency: the usual case
      if (kept(c)) order.push_back(c);
      continue;
    }
    chain.clear();
    for (int32_t r = c; r >= 0; r = rows.next[r])
      if (kept(r)) chain.push_back(r);
    std::sort(chain.begin(), chain.end(),
              [&](int32_t a, int32_t b) { return rows.currency[a] < rows.currency[b]; });
    order.insert(order.end(), chain.begin(), chain.end());
  }
  return order;
}

// Fills the report's rows, amounts, totals and customer chains from the built rows in `order`; returns each
// built row's new row (-1 for one left out). Sets pass.overflow when a total does not fit.
std::vector<int32_t> fill_rows(AgingReport& report, AgingPass& pass, const std::vector<int64_t>& credit,
                               const std::vector<int32_t>& order) {
  const RowBuilder& rows = pass.rows;
  const int bucket_count = pass.bucket_count;
  const std::size_t row_count = order.size();
  std::vector<int32_t> new_row(rows.customer.size(), -1);
  report.first_row_of_customer.assign(static_cast<std::size_t>(pass.ledger.customer_count), -1);
  report.next_row_of_customer.assign(row_count, -1);
  report.rows.resize(row_count);
  report.amounts.resize(row_count * static_cast<std::size_t>(bucket_count));
  report.totals.assign(static_cast<std::size_t>(pass.ledger.currency_count), AgingCurrencyTotal{});
  for (AgingCurrencyTotal& t : report.totals) t.buckets.assign(static_cast<std::size_t>(bucket_count), 0);
  bool& overflow = pass.overflow;
  for (std::size_t r = 0; r < row_count; ++r) {
    const int32_t from = order[r];
    new_row[static_cast<std::size_t>(from)] = static_cast<int32_t>(r);
    const int64_t* row =
        rows.sums.data() + static_cast<std::size_t>(from) * static_cast<std::size_t>(rows.stride);
    AgingRow& out = report.rows[r];
    out.customer = rows.customer[from];
    out.currency = rows.currency[from];
    out.total = row[bucket_count];
    out.open_invoices = rows.open[from];
    out.unapplied_credit = credit[from];
    if (r > 0 && report.rows[r - 1].customer == out.customer)
      report.next_row_of_customer[r - 1] = static_cast<int32_t>(r);
    else
      report.first_row_of_customer[out.customer] = static_cast<int32_t>(r);
    AgingCurrencyTotal& t = report.totals[static_cast<std::size_t>(out.currency)];
    for (int b = 0; b < bucket_count; ++b) {
      report.amounts[r * static_cast<std::size_t>(bucket_count) + static_cast<std::size_t>(b)] = row[b];
      overflow |= __builtin_add_overflow(t.buckets[b], row[b], &t.buckets[b]);
    }
    overflow |= __builtin_add_overflow(t.total, out.total, &t.total);
    overflow |= __builtin_add_overflow(t.unapplied_credit, out.unapplied_credit, &t.unapplied_credit);
  }
  return new_row;
}

// The drill-down: a counting sort of the placed invoices by their cell in the report; stable, so each cell
// keeps ledger order.
void fill_drill_down(AgingReport& report, std::vector<std::pair<int32_t, int32_t>>& placed,
                     const std::vector<int32_t>& new_row, int bucket_count) {
  const std::size_t cell_count = report.rows.size() * static_cast<std::size_t>(bucket_count);
  for (auto& [invoice, cell] : placed)
    cell = new_row[cell / bucket_count] * bucket_count + cell % bucket_count;
  report.cell_start.assign(cell_count + 1, 0);
  uint32_t* const start = report.cell_start.data();
  for (const auto& [invoice, cell] : placed) ++start[static_cast<std::size_t>(cell) + 1];
  for (std::size_t c = 0; c < cell_count; ++c) start[c + 1] += start[c];
  report.cell_invoices.resize(placed.size());
  int32_t* const out = report.cell_invoices.data();
  std::vector<uint32_t> cursor(report.cell_start.begin(), report.cell_start.end() - 1);
  uint32_t* const next = cursor.data();
  for (const auto& [invoice, cell] : placed) out[next[cell]++] = invoice;
}

}  // namespace

Result<AgingReport> compute_aging(const ArLedger& ledger, const AgingOptions& options) {
  if (Status s = check_buckets(options.buckets); !s) return s.problems();
  assert(ledger.customer_count >= 0 && ledger.currency_count >= 0);

  AgingPass pass(ledger, options);
  const bool use_index = open_index_fits(ledger);
  if (use_index)
    age_indexed(pass);
  else
    age_all(pass);
  const std::vector<int64_t> credit = unapplied_credit(pass, use_index);

  AgingReport report;
  report.as_of = options.as_of;
  report.basis = options.basis;
  report.buckets = options.buckets;
  const std::vector<int32_t> new_row =
      fill_rows(report, pass, credit, report_order(pass.rows, credit, ledger.customer_count));
  if (pass.overflow) return overflow_problem();
  if (pass.collect) fill_drill_down(report, pass.placed, new_row, pass.bucket_count);
  return report;
}

std::vector<AgingItem> aging_cell_items(const ArLedger& ledger, const AgingReport& report, int32_t row,
                                        int bucket) {
  std::vector<AgingItem> items;
  if (row < 0 || report.cell_start.empty()) return items;
  assert(static_cast<std::size_t>(row) < report.rows.size() && bucket >= 0 && bucket < report.bucket_count());
  const int32_t as_of = day_number(report.as_of);
  const std::size_t cell = static_cast<std::size_t>(row) * static_cast<std::size_t>(report.bucket_count()) +
                           static_cast<std::size_t>(bucket);
  for (uint32_t n = report.cell_start[cell]; n < report.cell_start[cell + 1]; ++n) {
    const int32_t i = report.cell_invoices[n];
    assert(static_cast<std::size_t>(i) < ledger.invoices.size());
    const ArInvoice& inv = ledger.invoices[static_cast<std::size_t>(i)];
    // Its reductions by binary search: they are sorted by invoice.
    const ArReduction* const all = ledger.reductions.data();
    const ArReduction* const stop = all + ledger.reductions.size();
    const ArReduction* const first =
        std::lower_bound(all, stop, i, [](const ArReduction& r, int32_t v) { return r.invoice < v; });
    const ArReduction* end = first;
    while (end != stop && end->invoice == i) ++end;
    bool overflow = false;  // the report these items come from was computed without one
    const int64_t open = open_as_of(inv, first, end, as_of, &overflow);
    // An invoice with an open deposit may be in two cells: the part aged in this one.
    AgedPiece pieces[2];
    const int count = aged_pieces(inv, open, ledger.deposits.empty() ? 0 : deposit_of(ledger, i), as_of,
                                  report.basis == AgingBasis::DueDate, report.buckets.upper_limits.data(),
                                  report.bucket_count(), pieces);
    const AgedPiece& piece = count == 2 && pieces[1].bucket == bucket ? pieces[1] : pieces[0];
    items.push_back(AgingItem{i, piece.amount, static_cast<int32_t>(piece.age)});
  }
  return items;
}

}  // namespace duebook

// CLI commands for reports: report aging|statement|dso|cei|days-late|forecast|backtest|options. Each reads
// the receivables ledger once (load_ar_snapshot), hands it to the pure report functions of core, and
// prints the result as a table, JSON or CSV (--format). Nothing here computes a figure.
#include "cli_reports.h"

#include <algorithm>
#include <ostream>

#include "cli.h"
#include "cli_options.h"
#include "collections/charges.h"
#include "collections/collections_queries.h"
#include "collections/forecast_inputs.h"
#include "collections/options.h"
#include "collections/reference_rates.h"
#include "invoicing/invoice_queries.h"
#include "reports/ar_measures.h"
#include "reports/ar_snapshot.h"
#include "reports/forecast.h"
#include "reports/metrics.h"
#include "reports/statement.h"

namespace duebook::cli {
namespace {

// The dates of a period: --to defaults to today, --from to `default_days` days ending on --to.
struct Period {
  Date from;  // first day
  Date to;    // last day
};
Result<Period> period_args(const Context& ctx, const std::optional<std::string>& from,
                           const std::optional<std::string>& to, int default_days) {
  Problems problems;
  Period p;
  if (auto d = value_or_problem(date_arg(ctx, to, "--to"), problems)) p.to = d.value();
  if (from) {
    if (auto d = value_or_problem(date_arg(ctx, from, "--from"), problems)) p.from = d.value();
  } else {
    p.from = add_days(p.to, -(default_days - 1));
  }
  if (problems.empty() && p.to < p.from) problems.push_back({"--to", "is before --from"});
  if (!problems.empty()) return problems;
  return p;
}

std::string value_of(const Measure& m, int decimals = 2) {
  return m.defined ? format_rational(m.value, decimals) : "n/a";
}

// ---------------------------------------------------------------------------------------------
// aging

// Reads --buckets ("30,60,90": the upper ends of the overdue buckets; "current" (0 days) comes first unless
// given) into `options`; problems name the option.
void take_bucket_limits(const std::string& text, AgingOptions& options, Problems& problems) {
  std::vector<int32_t> limits;
  std::string item;
  bool bad = false;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    if (i < text.size() && text[i] != ',') {
      item += text[i];
      continue;
    }
    const bool digits = !item.empty() && item.size() <= 6 &&
                        item.find_first_not_of("0123456789", item[0] == '-' ? 1 : 0) == std::string::npos &&
                        item != "-";
    if (!digits)
      bad = true;
    else
      limits.push_back(static_cast<int32_t>(std::stol(item)));
    item.clear();
  }
  if (bad) {
    problems.push_back({"--buckets", "give whole numbers of days separated by commas, like 30,60,90"});
    return;
  }
  if (!limits.empty() && limits.front() > 0) limits.insert(limits.begin(), 0);
  Result<AgingBuckets> layout = aging_buckets_from_limits(limits);
  if (layout)
    options.buckets = layout.value();
  else
    for (const Problem& p : layout.problems()) problems.push_back({"--buckets", p.message});
}

// The drill-down of one bucket: the invoices behind it (aging_cell_items), one customer's or everyone's.
void print_bucket_items(Context& ctx, const ArSnapshot& snap, const AgingReport& report, int bucket,
                        int32_t customer) {
  Table t{{"customer", "currency", "invoice", "days", "open"}, {}, {false, false, false, true, true}};
  for (int32_t row = 0; row < static_cast<int32_t>(report.rows.size()); ++row) {
    const AgingRow& r = report.rows[static_cast<std::size_t>(row)];
    if (customer >= 0 && r.customer != customer) continue;
    const std::string& currency = snap.labels.currencies.at(static_cast<std::size_t>(r.currency)).code;
    for (const AgingItem& item : aging_cell_items(snap.ledger, report, row, bucket))
      t.rows.push_back({snap.labels.customer_names.at(static_cast<std::size_t>(r.customer)), currency,
                        std::string(snap.invoice_number(item.invoice)), std::to_string(item.age),
                        money_text(item.open, currency)});
  }
  ctx.print(t);
}

int aging(Context& ctx, Args& args) {
  std::optional<std::string> as_of = args.option("--as-of"), basis = args.option("--basis");
  std::optional<std::string> buckets = args.option("--buckets"), bucket = args.option("--bucket");
  std::optional<std::string> customer = args.option("--customer");
  if (int rc = ctx.leftover(args)) return rc;
  if (customer && !bucket)
    return ctx.usage("report aging --customer lists one bucket's invoices: add --bucket");
  Problems problems;
  AgingOptions options;
  options.collect_invoices = bucket.has_value();
  if (auto d = value_or_problem(date_arg(ctx, as_of, "--as-of"), problems)) options.as_of = d.value();
  if (basis && *basis == "invoice_date")
    options.basis = AgingBasis::InvoiceDate;
  else if (basis && *basis != "due_date")
    problems.push_back({"--basis", "must be due_date or invoice_date"});
  if (buckets) take_bucket_limits(*buckets, options, problems);
  const auto& names = options.buckets.names;
  const int bucket_index = bucket ? int(std::find(names.begin(), names.end(), *bucket) - names.begin()) : -1;
  if (bucket && bucket_index == int(names.size())) {
    std::string known;
    for (const std::string& n : names) known += (known.empty() ? "" : ", ") + n;
    problems.push_back({"--bucket", "no bucket \"" + *bucket + "\"; the buckets are " + known});
  }
  if (!problems.empty()) return ctx.rejected(problems);
  std::unique_ptr<ArSnapshot> snap = snapshot(ctx, bucket.has_value());
  if (!snap) return kIoError;
  int32_t customer_index = -1;
  if (customer) {
    std::optional<Customer> c = find_customer_arg(ctx.ledger()->db(), *customer);
    customer_index = c ? snap->customer_index_of(c->id) : -1;
    if (customer_index < 0) return ctx.rejected({{"--customer", "no customer \"" + *customer + "\""}});
  }
  Result<AgingReport> report = compute_aging(snap->ledger, options);
  if (!report) return ctx.rejected(report.problems());
  if (bucket)
    print_bucket_items(ctx, *snap, *report, bucket_index, customer_index);
  else if (ctx.format == "json")
    ctx.out << aging_to_json(*report, snap->labels) << "\n";
  else if (ctx.format == "csv")
    ctx.out << aging_to_csv(*report, snap->labels);
  else
    ctx.out << aging_to_table(*report, snap->labels);
  return kOk;
}

// ---------------------------------------------------------------------------------------------
// statement

int statement(Context& ctx, Args& args) {
  std::optional<std::string> customer = args.option("--customer");
  std::optional<std::string> from = args.option("--from"), to = args.option("--to");
  if (int rc = ctx.leftover(args)) return rc;
  if (!customer) return ctx.usage("report statement needs --customer NAME|ID");
  Problems problems;
  Period p;
  if (auto d = value_or_problem(date_arg(ctx, to, "--to"), problems)) p.to = d.value();
  if (from) {
    if (auto d = value_or_problem(date_arg(ctx, from, "--from"), problems)) p.from = d.value();
  } else {
    p.from = Date{p.to.y, p.to.m, 1};  // the month to date
  }
  if (!problems.empty()) return ctx.rejected(problems);
  if (p.to < p.from) return ctx.rejected({{"--to", "is before --from"}});
  Ledger* ledger = ctx.ledger();
  if (!ledger) return kIoError;
  std::optional<Customer> c = find_customer_arg(ledger->db(), *customer);
  if (!c) return ctx.rejected({{"--customer", "no customer \"" + *customer + "\""}});
  Result<CustomerStatement> st = load_customer_statement(ledger->db(), c->id, p.from, p.to);
  if (!st) {
    ctx.err << "duebook: " << describe(st.problems()) << "\n";
    return kIoError;
  }
  if (ctx.format == "json")
    ctx.out << statement_to_json(*st) << "\n";
  else if (ctx.format == "csv")
    ctx.out << statement_to_csv(*st);
  else
    ctx.out << statement_to_table(*st);
  return kOk;
}

// ---------------------------------------------------------------------------------------------
// dso, cei, days-late

// ---------------------------------------------------------------------------------------------
// flagged: what is disputed or promised on a day

int flagged(Context& ctx, Args& args) {
  std::optional<std::string> as_of_text = args.option("--as-of");
  if (int rc = ctx.leftover(args)) return rc;
  Result<Date> as_of = date_arg(ctx, as_of_text, "--as-of");
  if (!as_of) return ctx.rejected(as_of.problems());
  Ledger* ledger = ctx.ledger();
  if (!ledger) return kIoError;
  Db& db = ledger->db();
  std::vector<std::string> currencies;  // currency index -> code
  auto index_of = [&](const std::string& code) {
    auto it = std::find(currencies.begin(), currencies.end(), code);
    if (it == currencies.end()) it = currencies.insert(it, code);
    return static_cast<int32_t>(it - currencies.begin());
  };
  std::vector<FlaggedAmount> flags;
  // A dispute flags what is open on its invoice, from the day it was raised to the day it was resolved.
  for (const DisputeRecord& d : list_disputes(db)) {
    std::optional<CollectionInvoice> inv = find_collection_invoice(db, d.invoice_id);
    if (!inv || inv->open <= 0) continue;
    flags.push_back({index_of(inv->currency), FlagKind::Disputed, day_number(d.opened_on),
                     d.resolved_on ? day_number(*d.resolved_on) : kNoDay, inv->open});
  }
  // A promise flags what is promised while it is open on the day (neither kept nor broken by then).
  for (const PromiseStatus& p : list_promises(db, *as_of))
    if (p.state == "open")
      flags.push_back({index_of(p.currency), FlagKind::Promised, day_number(p.made_on), kNoDay, p.amount});
  Result<std::vector<FlaggedTotals>> totals =
      flagged_totals(flags, static_cast<int32_t>(currencies.size()), *as_of);
  if (!totals) return ctx.rejected(totals.problems());
  Table t{{"currency", "disputed", "disputes", "promised", "promises"}, {}, {false, true, true, true, true}};
  for (std::size_t c = 0; c < currencies.size(); ++c) {
    const FlaggedTotals& f = totals.value()[c];
    t.rows.push_back({currencies[c], money_text(f.disputed, currencies[c]), std::to_string(f.disputed_count),
                      money_text(f.promised, currencies[c]), std::to_string(f.promised_count)});
  }
  ctx.print(t);
  return kOk;
}

int dso(Context& ctx, Args& args) {
  std::optional<std::string> from = args.option("--from"), to = args.option("--to");
  if (int rc = ctx.leftover(args)) return rc;
  Result<Period> p = period_args(ctx, from, to, 90);
  if (!p) return ctx.rejected(p.problems());
  std::unique_ptr<ArSnapshot> snap = snapshot(ctx);
  if (!snap) return kIoError;
  Result<std::vector<CurrencyDso>> rows = dso_by_currency(snap->ledger, p->from, p->to);
  if (!rows) return ctx.rejected(rows.problems());
  Table t{{"currency", "from", "to", "days", "credit_sales", "receivables", "current", "dso_simple",
           "dso_countback", "dso_best_possible", "average_days_delinquent", "note"},
          {},
          {false, false, false, true, true, true, true, true, true, true, true, false}};
  for (const CurrencyDso& d : *rows) {
    const Currency& c = snap->labels.currencies[static_cast<std::size_t>(d.currency)];
    std::string note = !d.simple.defined ? d.simple.why : !d.countback.defined ? d.countback.why : "";
    t.rows.push_back({c.code, to_iso(p->from), to_iso(p->to), std::to_string(d.days),
                      amount(d.credit_sales, c), amount(d.ending_receivables, c), amount(d.ending_current, c),
                      value_of(d.simple), value_of(d.countback), value_of(d.best_possible),
                      value_of(d.average_days_delinquent), note});
  }
  std::sort(t.rows.begin(), t.rows.end());
  ctx.print(t);
  return kOk;
}

int cei(Context& ctx, Args& args) {
  std::optional<std::string> from = args.option("--from"), to = args.option("--to");
  if (int rc = ctx.leftover(args)) return rc;
  Result<Period> p = period_args(ctx, from, to, 90);
  if (!p) return ctx.rejected(p.problems());
  std::unique_ptr<ArSnapshot> snap = snapshot(ctx);
  if (!snap) return kIoError;
  Result<std::vector<CurrencyCei>> rows = cei_by_currency(snap->ledger, p->from, p->to);
  if (!rows) return ctx.rejected(rows.problems());
  Table t{{"currency", "from", "to", "beginning", "credit_sales", "ending_total", "ending_current",
           "cei_percent", "note"},
          {},
          {false, false, false, true, true, true, true, true, false}};
  for (const CurrencyCei& r : *rows) {
    const Currency& c = snap->labels.currencies[static_cast<std::size_t>(r.currency)];
    t.rows.push_back({c.code, to_iso(p->from), to_iso(p->to), amount(r.input.beginning_receivables, c),
                      amount(r.input.credit_sales, c), amount(r.input.ending_total_receivables, c),
                      amount(r.input.ending_current_receivables, c), value_of(r.cei), r.cei.why});
  }
  std::sort(t.rows.begin(), t.rows.end());
  ctx.print(t);
  return kOk;
}

int days_late(Context& ctx, Args& args) {
  std::optional<std::string> from = args.option("--from"), to = args.option("--to");
  if (int rc = ctx.leftover(args)) return rc;
  Result<Period> p = period_args(ctx, from, to, 90);
  if (!p) return ctx.rejected(p.problems());
  std::unique_ptr<ArSnapshot> snap = snapshot(ctx);
  if (!snap) return kIoError;
  Result<std::vector<CurrencyDaysLate>> rows = days_late_by_currency(snap->ledger, p->from, p->to);
  if (!rows) return ctx.rejected(rows.problems());
  Table t{{"currency", "customer", "payments", "paid", "average_days_late", "previous_payments",
           "previous_average_days_late", "change", "trend"},
          {},
          {false, false, true, true, true, true, true, true, false}};
  auto line = [&](const Currency& c, const std::string& name, const DaysLateTrend& d) {
    const char* trend = !d.has_change                        ? ""
                        : compare(d.change, rational(0)) > 0 ? "paying later"
                        : compare(d.change, rational(0)) < 0 ? "paying earlier"
                                                             : "unchanged";
    t.rows.push_back({c.code, name, std::to_string(d.current.count), amount(d.current.amount, c),
                      d.current.count ? format_rational(d.current.average, 2) : "",
                      std::to_string(d.previous.count),
                      d.previous.count ? format_rational(d.previous.average, 2) : "",
                      d.has_change ? format_rational(d.change, 2) : "", trend});
  };
  for (const CurrencyDaysLate& r : *rows) {
    const Currency& c = snap->labels.currencies[static_cast<std::size_t>(r.currency)];
    std::vector<std::size_t> order;
    for (std::size_t k = 0; k < r.report.customers.size(); ++k)
      if (r.report.customers[k].current.count || r.report.customers[k].previous.count) order.push_back(k);
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
      return snap->labels.customer_names[a] < snap->labels.customer_names[b];
    });
    for (std::size_t k : order) line(c, snap->labels.customer_names[k], r.report.customers[k]);
    line(c, "ALL", r.report.all);
  }
  ctx.print(t);
  return kOk;
}

// ---------------------------------------------------------------------------------------------
// forecast, backtest

int forecast(Context& ctx, Args& args) {
  std::optional<std::string> as_of = args.option("--as-of");
  if (int rc = ctx.leftover(args)) return rc;
  ForecastOptions options;
  if (Result<Date> d = date_arg(ctx, as_of, "--as-of"))
    options.as_of = d.value();
  else
    return ctx.rejected(d.problems());
  std::unique_ptr<ArSnapshot> snap = snapshot(ctx);
  if (!snap) return kIoError;
  Result<CashForecast> f =
      forecast_cash(snap->ledger, scheduled_receipts(ctx.ledger()->db(), *snap, options.as_of), options);
  if (!f) return ctx.rejected(f.problems());
  Table t{{"currency", "week", "from", "to", "naive", "low", "likely", "high", "expected"},
          {},
          {false, true, false, false, true, true, true, true, true}};
  std::vector<std::size_t> order;
  for (std::size_t c = 0; c < f->by_currency.size(); ++c)
    if (f->by_currency[c].open_total != 0) order.push_back(c);
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return snap->labels.currencies[a].code < snap->labels.currencies[b].code;
  });
  for (std::size_t c : order) {
    const Currency& cur = snap->labels.currencies[c];
    const CurrencyForecast& cf = f->by_currency[c];
    for (int w = 0; w < kForecastWeeks; ++w) {
      const Date start = forecast_week_start(options.as_of, w);
      t.rows.push_back({cur.code, std::to_string(w + 1), to_iso(start), to_iso(add_days(start, 6)),
                        amount(cf.naive.weeks[w], cur), amount(cf.low.weeks[w], cur),
                        amount(cf.likely.weeks[w], cur), amount(cf.high.weeks[w], cur),
                        amount(cf.expected.weeks[w], cur)});
    }
    t.rows.push_back({cur.code, "later", to_iso(forecast_week_start(options.as_of, kForecastWeeks)), "",
                      amount(cf.naive.later, cur), amount(cf.low.later, cur), amount(cf.likely.later, cur),
                      amount(cf.high.later, cur), amount(cf.expected.later, cur)});
    t.rows.push_back({cur.code, "not collected", "", "", amount(cf.naive.not_collected, cur),
                      amount(cf.low.not_collected, cur), amount(cf.likely.not_collected, cur),
                      amount(cf.high.not_collected, cur), amount(cf.expected.not_collected, cur)});
  }
  ctx.print(t);
  return kOk;
}

int backtest(Context& ctx, Args& args) {
  std::optional<std::string> as_of = args.option("--as-of");
  if (int rc = ctx.leftover(args)) return rc;
  ForecastOptions options;
  if (as_of) {
    if (Result<Date> d = date_arg(ctx, as_of, "--as-of"))
      options.as_of = d.value();
    else
      return ctx.rejected(d.problems());
  } else {  // the latest day whose 13 weeks have all happened
    options.as_of = add_days(date_arg(ctx, std::nullopt, "--as-of").value(), -7 * kForecastWeeks);
  }
  std::unique_ptr<ArSnapshot> snap = snapshot(ctx);
  if (!snap) return kIoError;
  Result<ForecastBacktest> b =
      backtest_forecast(snap->ledger, scheduled_receipts(ctx.ledger()->db(), *snap, options.as_of), options);
  if (!b) return ctx.rejected(b.problems());
  Table t{{"currency", "week", "from", "expected", "actual", "absolute_error", "mape_percent"},
          {},
          {false, true, false, true, true, true, true}};
  std::vector<std::size_t> order;
  for (std::size_t c = 0; c < b->by_currency.size(); ++c)
    if (b->by_currency[c].forecast.open_total != 0 || b->by_currency[c].total_actual != 0) order.push_back(c);
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b2) {
    return snap->labels.currencies[a].code < snap->labels.currencies[b2].code;
  });
  for (std::size_t c : order) {
    const Currency& cur = snap->labels.currencies[c];
    const CurrencyBacktest& cb = b->by_currency[c];
    int64_t expected_total = 0;
    for (int w = 0; w < kForecastWeeks; ++w) {
      expected_total += cb.forecast.expected.weeks[w];
      t.rows.push_back({cur.code, std::to_string(w + 1), to_iso(forecast_week_start(options.as_of, w)),
                        amount(cb.forecast.expected.weeks[w], cur), amount(cb.actual[w], cur),
                        amount(cb.absolute_error[w], cur), ""});
    }
    t.rows.push_back({cur.code, "total", "", amount(expected_total, cur), amount(cb.total_actual, cur),
                      amount(cb.total_absolute_error, cur),
                      cb.has_mape ? format_rational(cb.mape_percent, 2) : "n/a"});
  }
  ctx.print(t);
  return kOk;
}

}  // namespace

// Problems re-filed under the option the user typed.
Problems under(const std::string& option, const Problems& problems) {
  Problems out;
  for (const Problem& p : problems) out.push_back({option, p.message});
  return out;
}

// The receivables ledger of the whole book, or nullptr after printing why (exit 4).
std::unique_ptr<ArSnapshot> snapshot(Context& ctx, bool numbers) {
  Ledger* ledger = ctx.ledger();
  if (!ledger) return nullptr;
  ArSnapshotOptions options;
  options.invoice_numbers = numbers;
  Result<ArSnapshot> snap = load_ar_snapshot(ledger->db(), options);
  if (!snap) {
    ctx.err << "duebook: " << describe(snap.problems()) << "\n";
    return nullptr;
  }
  return std::make_unique<ArSnapshot>(std::move(snap).value());
}

std::string amount(int64_t minor, const Currency& c) {
  return format_amount(minor, c.minor_digits);
}

const std::vector<Handler>& report_handlers() {
  static const std::vector<Handler> list = {
      {"report", "aging",
       "A/R aging: --as-of D [--basis due_date|invoice_date] [--buckets 30,60,90]; the invoices behind one "
       "bucket: --bucket NAME (e.g. 61-90) [--customer C]",
       aging},
      {"report", "flagged", "what is disputed or promised per currency on a day: [--as-of D] (today)",
       flagged},
      {"report", "statement", "customer statement: --customer NAME|ID [--from D] [--to D]", statement},
      {"report", "dso", "days sales outstanding: [--from D] [--to D] (90 days to today)", dso},
      {"report", "cei", "collection effectiveness index: [--from D] [--to D]", cei},
      {"report", "days-late", "average days late per customer, with trend: [--from D] [--to D]", days_late},
      {"report", "forecast", "13-week cash forecast: [--as-of D]", forecast},
      {"report", "backtest", "forecast vs. actual receipts: [--as-of D] (13 weeks ago)", backtest},
      {"report", "options",
       "collection options side by side: --invoices N1,N2 [--as-of D] [--discount 2] [--interest contract:8] "
       "[--factoring advance=80,fee=3] [--agency 25|commission=C,success=60,days=60] "
       "[--installments N[,start=D][,every=month|Kdays][,kept=100]] [--settle AMOUNT]",
       options_report},
  };
  return list;
}

}  // namespace duebook::cli

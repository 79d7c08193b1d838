// CLI commands for invoices, credit notes and recurring schedules:
//   invoice add|issue|void|discard|write-off|list|show, credit-note add, schedule add|list|run|end.
#include <algorithm>
#include <cassert>
#include <map>
#include <nlohmann/json.hpp>
#include <ostream>

#include "base/currencies.h"
#include "base/money.h"
#include "cli.h"
#include "collections/company_defaults.h"
#include "invoicing/invoice_lines.h"
#include "invoicing/invoice_queries.h"

namespace duebook::cli {
namespace {

using OJson = nlohmann::ordered_json;

// Splits "a;b;c" at ';'.
std::vector<std::string> split(const std::string& text, char sep) {
  std::vector<std::string> parts(1);
  for (char c : text) {
    if (c == sep)
      parts.emplace_back();
    else
      parts.back() += c;
  }
  return parts;
}

// Reads every --line "DESCRIPTION;QUANTITY;UNIT PRICE[;TAX %[;DISCOUNT]]" in `currency`. Problems name the
// option and field ("--line 2 quantity"), in the order of the options.
Problems take_lines(Args& args, const std::string& currency, std::vector<InvoiceLine>& lines) {
  std::vector<std::pair<int, Problem>> found;  // (which --line, 0-based; its problem)
  std::vector<InvoiceLineText> typed;
  std::vector<int> option_of;  // per typed line: which --line it came from
  for (int i = 0;; ++i) {
    std::optional<std::string> text = args.option("--line");
    if (!text) break;
    std::vector<std::string> parts = split(*text, ';');
    if (parts.size() < 3 || parts.size() > 5) {
      found.push_back(
          {i,
           {"--line " + std::to_string(i + 1), "write DESCRIPTION;QUANTITY;UNIT PRICE[;TAX %[;DISCOUNT]]"}});
      continue;
    }
    InvoiceLineText t{parts[0], parts[1], parts[2], std::nullopt, std::nullopt};
    if (parts.size() > 3) t.tax_rate = parts[3];
    if (parts.size() > 4) t.discount = parts[4];
    typed.push_back(std::move(t));
    option_of.push_back(i);
  }
  InvoiceLinesRead read = read_invoice_lines(typed, currency_digits(currency));
  static const std::map<std::string, std::string> kFieldNames = {
      {"quantity", "quantity"}, {"unit_price", "unit price"}, {"tax_rate", "tax"}, {"discount", "discount"}};
  for (const Problem& p : read.problems) {
    const std::optional<LineField> at = line_field_of(p.where);
    assert(at && at->line < option_of.size());
    auto name = kFieldNames.find(at->field);
    const int option = option_of[at->line];
    found.push_back({option,
                     {"--line " + std::to_string(option + 1) + " " +
                          (name == kFieldNames.end() ? at->field : name->second),
                      p.message}});
  }
  std::stable_sort(found.begin(), found.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  Problems problems;
  for (auto& [option, problem] : found) problems.push_back(std::move(problem));
  lines.insert(lines.end(), read.lines.begin(), read.lines.end());
  return problems;
}

Ledger* open_or_fail(Context& ctx) {
  return ctx.ledger();
}

int report(Context& ctx, const Result<ActionOutcome>& r) {
  if (!r) return ctx.rejected(r.problems());
  ctx.out << r->label << "\n";
  return kOk;
}

int add(Context& ctx, Args& args) {
  std::optional<std::string> customer_key = args.option("--customer");
  std::optional<std::string> date = args.option("--date"), due = args.option("--due");
  std::optional<std::string> terms = args.option("--terms"), memo = args.option("--memo");
  std::optional<std::string> series = args.option("--series");
  bool issue = args.flag("--issue");
  std::optional<std::string> override_hold =
      args.option("--override-hold");  // reason to issue to a held customer
  if (!customer_key) return ctx.usage("invoice add needs --customer ID|NAME");
  Ledger* ledger = open_or_fail(ctx);
  if (!ledger) return kIoError;
  std::optional<Customer> customer = find_customer_arg(ledger->db(), *customer_key);
  if (!customer) return ctx.rejected({{"--customer", "no customer \"" + *customer_key + "\""}});
  InvoiceFields f;
  f.customer_id = customer->id;
  Problems problems = take_lines(args, customer->fields.currency, f.lines);
  if (int rc = ctx.leftover(args)) return rc;
  if (auto d = value_or_problem(date_arg(ctx, date, "--date"), problems)) f.issue_date = d.value();
  if (due) {
    if (auto d = value_or_problem(date_arg(ctx, due, "--due"), problems)) f.due_date = d.value();
  }
  if (terms) f.terms = *terms;
  if (memo) f.memo = *memo;
  f.series = series.value_or(company_defaults(ledger->db()).invoice_series);
  if (!problems.empty()) return ctx.rejected(problems);
  Result<ActionOutcome> r = ledger->execute(AddInvoice{f, issue, override_hold.value_or("")});
  if (!r) return ctx.rejected(r.problems());
  ctx.out << r->label << " (#" << r->created_id << ")\n";
  return kOk;
}

// The shape of issue/void/discard/write-off: one invoice argument, options, one command.
template <class Build>
int on_invoice(Context& ctx, Args& args, const char* name, Build build) {
  std::optional<std::string> key = args.positional();
  if (!key) return ctx.usage(std::string("invoice ") + name + " needs an invoice number or #ID");
  Ledger* ledger = open_or_fail(ctx);
  if (!ledger) return kIoError;
  std::optional<int64_t> id = invoice_arg(ledger->db(), *key, InvoiceScope::Any);
  if (!id) return ctx.rejected({{"invoice", "no invoice \"" + *key + "\""}});
  Problems problems;
  std::optional<Command> command = build(*ledger, *id, problems);
  if (int rc = ctx.leftover(args)) return rc;
  if (!problems.empty()) return ctx.rejected(problems);
  return report(ctx, ledger->execute(*command));
}

int issue(Context& ctx, Args& args) {
  std::optional<std::string> date = args.option("--date");
  std::optional<std::string> override_hold =
      args.option("--override-hold");  // reason to issue to a held customer
  return on_invoice(ctx, args, "issue",
                    [&](Ledger&, int64_t id, Problems& problems) -> std::optional<Command> {
                      IssueInvoice c{id, std::nullopt, override_hold.value_or("")};
                      if (date) {
                        if (auto d = value_or_problem(date_arg(ctx, date, "--date"), problems))
                          c.issue_date = d.value();
                      }
                      return c;
                    });
}

int void_invoice(Context& ctx, Args& args) {
  std::optional<std::string> date = args.option("--date"), reason = args.option("--reason");
  return on_invoice(ctx, args, "void",
                    [&](Ledger&, int64_t id, Problems& problems) -> std::optional<Command> {
                      VoidInvoice c{id, {}, reason.value_or("")};
                      if (auto d = value_or_problem(date_arg(ctx, date, "--date"), problems))
                        c.date = d.value();
                      return c;
                    });
}

int discard(Context& ctx, Args& args) {
  return on_invoice(ctx, args, "discard", [&](Ledger&, int64_t id, Problems&) -> std::optional<Command> {
    return DiscardInvoice{id};
  });
}

int write_off(Context& ctx, Args& args) {
  std::optional<std::string> date = args.option("--date"), reason = args.option("--reason");
  std::optional<std::string> amount = args.option("--amount");
  return on_invoice(
      ctx, args, "write-off", [&](Ledger& l, int64_t id, Problems& problems) -> std::optional<Command> {
        WriteOffInvoice c{id, std::nullopt, {}, reason.value_or("")};
        if (auto d = value_or_problem(date_arg(ctx, date, "--date"), problems)) c.date = d.value();
        if (amount) {
          if (auto a = value_or_problem(
                  amount_arg(*amount, find_invoice(l.db(), id)->summary.currency, "--amount"), problems))
            c.amount = a.value();
        }
        return c;
      });
}

Table summary_table(const std::vector<InvoiceSummary>& rows) {
  Table t{{"id", "number", "status", "customer", "issue_date", "due_date", "currency", "total", "open",
           "settled_on"},
          {},
          {true, false, false, false, false, false, false, true, true}};
  for (const InvoiceSummary& i : rows)
    t.rows.push_back({std::to_string(i.id), i.number, to_string(i.status), i.customer_name, i.issue_date,
                      i.due_date, i.currency, money_text(i.total, i.currency), money_text(i.open, i.currency),
                      i.settled_on});
  return t;
}

int list(Context& ctx, Args& args) {
  InvoiceQuery q;
  q.status = args.option("--status").value_or("");
  q.search = args.option("--search").value_or("");
  std::optional<std::string> customer = args.option("--customer"), sort = args.option("--sort");
  q.descending = args.flag("--desc");
  const bool explain = args.flag("--explain");
  q.limit = std::atoll(args.option("--limit").value_or("1000000").c_str());
  q.offset = std::atoll(args.option("--offset").value_or("0").c_str());
  if (int rc = ctx.leftover(args)) return rc;
  if (!q.status.empty() && q.status != "unpaid" && !invoice_status_from(q.status))
    return ctx.usage("--status must be draft, open, partial, paid, void, discarded or unpaid");
  if (sort) {
    if (*sort == "number")
      q.sort = InvoiceSort::Number;
    else if (*sort == "due")
      q.sort = InvoiceSort::DueDate;
    else if (*sort == "issued")
      q.sort = InvoiceSort::IssueDate;
    else if (*sort == "amount")
      q.sort = InvoiceSort::Amount;
    else
      return ctx.usage("--sort must be number, due, issued or amount");
  }
  Ledger* ledger = open_or_fail(ctx);
  if (!ledger) return kIoError;
  if (customer) {
    std::optional<Customer> c = find_customer_arg(ledger->db(), *customer);
    if (!c) return ctx.rejected({{"--customer", "no customer \"" + *customer + "\""}});
    q.customer_id = c->id;
  }
  if (explain) {
    // A diagnostic for a slow list on a large ledger: how SQLite runs it, which index it searches.
    Table plan{{"step"}, {}, {false}};
    for (const std::string& step : invoice_page_plan(ledger->db(), q)) plan.rows.push_back({step});
    ctx.print(plan);
    return kOk;
  }
  ctx.print(summary_table(list_invoices(ledger->db(), q)));
  return kOk;
}

int show(Context& ctx, Args& args) {
  std::optional<std::string> key = args.positional();
  if (!key) return ctx.usage("invoice show needs an invoice number or #ID");
  if (int rc = ctx.leftover(args)) return rc;
  Ledger* ledger = open_or_fail(ctx);
  if (!ledger) return kIoError;
  std::optional<int64_t> id = invoice_arg(ledger->db(), *key, InvoiceScope::Any);
  if (!id) return ctx.rejected({{"invoice", "no invoice \"" + *key + "\""}});
  InvoiceDetail d = *find_invoice(ledger->db(), *id);
  const std::string& cur = d.summary.currency;
  std::vector<std::pair<std::string, std::string>> fields = {
      {"id", std::to_string(d.summary.id)},
      {"number", d.summary.number},
      {"status", to_string(d.summary.status)},
      {"customer", d.summary.customer_name},
      {"currency", cur},
      {"issue_date", d.summary.issue_date},
      {"due_date", d.summary.due_date},
      {"terms", d.terms},
      {"discount", d.discount ? money_text(d.discount, cur) + " if paid by " + d.discount_deadline : ""},
      {"memo", d.memo},
      {"net", money_text(d.amounts.net, cur)},
      {"tax", money_text(d.amounts.tax, cur)},
      {"total", money_text(d.amounts.total, cur)},
      {"paid", money_text(d.amounts.allocated, cur)},
      {"credited", money_text(d.amounts.credited, cur)},
      {"written_off", money_text(d.amounts.written_off, cur)},
      {"open", money_text(d.amounts.open, cur)},
      {"settled_on", d.summary.settled_on},
      {"void_reason", d.void_reason}};
  Table lines{{"description", "quantity", "unit_price", "discount", "tax_rate", "net"},
              {},
              {false, true, true, true, true, true}};
  for (const InvoiceLineView& l : d.lines)
    lines.rows.push_back({l.line.description, to_string(l.line.quantity), money_text(l.line.unit_price, cur),
                          money_text(l.line.discount, cur), to_string(l.line.tax_rate),
                          money_text(l.net, cur)});
  Table applied{{"date", "kind", "from", "amount"}, {}, {false, false, false, true}};
  for (const AppliedCredit& a : d.applied)
    applied.rows.push_back({a.date, a.kind, a.label, money_text(a.amount, cur)});
  // What falls due when: shown when the terms ask for a deposit (due on receipt) before the balance.
  Table parts{{"part", "due", "amount", "open"}, {}, {false, false, true, true}};
  if (d.deposit > 0)
    for (const DuePart& p : d.parts)
      parts.rows.push_back({p.deposit ? "deposit" : "balance", iso(p.due), money_text(p.amount, cur),
                            money_text(p.open, cur)});
  if (ctx.format == "json") {
    OJson j;
    for (const auto& [k, v] : fields) j[k] = v;
    for (const auto* t : {&lines, &applied, &parts}) {
      OJson rows = OJson::array();
      for (const auto& row : t->rows) {
        OJson o;
        for (size_t c = 0; c < t->columns.size(); ++c) o[t->columns[c]] = row[c];
        rows.push_back(o);
      }
      j[t == &lines ? "lines" : t == &applied ? "applied" : "parts"] = rows;
    }
    ctx.out << j.dump(2) << "\n";
    return kOk;
  }
  Table head{{"field", "value"}, {}, {}};
  for (const auto& [k, v] : fields) head.rows.push_back({k, v});
  ctx.print(head);
  ctx.out << "\n";
  ctx.print(lines);
  if (!parts.rows.empty()) {
    ctx.out << "\n";
    ctx.print(parts);
  }
  if (!applied.rows.empty()) {
    ctx.out << "\n";
    ctx.print(applied);
  }
  return kOk;
}

int credit_note(Context& ctx, Args& args) {
  std::optional<std::string> customer_key = args.option("--customer"), invoice = args.option("--invoice");
  std::optional<std::string> amount = args.option("--amount"), date = args.option("--date");
  std::optional<std::string> reason = args.option("--reason"), series = args.option("--series");
  if (int rc = ctx.leftover(args)) return rc;
  if (!amount || (!customer_key && !invoice))
    return ctx.usage("credit-note add needs --amount and --customer or --invoice");
  Ledger* ledger = open_or_fail(ctx);
  if (!ledger) return kIoError;
  AddCreditNote c;
  if (invoice) {
    std::optional<int64_t> id = invoice_arg(ledger->db(), *invoice, InvoiceScope::Any);
    if (!id) return ctx.rejected({{"--invoice", "no invoice \"" + *invoice + "\""}});
    c.invoice_id = *id;
    c.customer_id = find_invoice(ledger->db(), *id)->summary.customer_id;
  }
  if (customer_key) {
    std::optional<Customer> cust = find_customer_arg(ledger->db(), *customer_key);
    if (!cust) return ctx.rejected({{"--customer", "no customer \"" + *customer_key + "\""}});
    c.customer_id = cust->id;
  }
  Problems problems;
  std::optional<Customer> cust = find_customer(ledger->db(), c.customer_id);
  std::string currency = cust ? cust->fields.currency : "USD";
  if (auto a = value_or_problem(amount_arg(*amount, currency, "--amount"), problems)) c.amount = a.value();
  if (auto d = value_or_problem(date_arg(ctx, date, "--date"), problems)) c.date = d.value();
  c.reason = reason.value_or("");
  c.series = series.value_or(company_defaults(ledger->db()).credit_note_series);
  if (!problems.empty()) return ctx.rejected(problems);
  return report(ctx, ledger->execute(c));
}

int schedule_add(Context& ctx, Args& args) {
  std::optional<std::string> customer_key = args.option("--customer"), every = args.option("--every");
  std::optional<std::string> start = args.option("--start"), end = args.option("--end");
  std::optional<std::string> terms = args.option("--terms"), memo = args.option("--memo");
  bool draft = args.flag("--draft");
  if (!customer_key || !every) return ctx.usage("schedule add needs --customer and --every");
  Ledger* ledger = open_or_fail(ctx);
  if (!ledger) return kIoError;
  std::optional<Customer> customer = find_customer_arg(ledger->db(), *customer_key);
  if (!customer) return ctx.rejected({{"--customer", "no customer \"" + *customer_key + "\""}});
  ScheduleFields f;
  f.customer_id = customer->id;
  Problems problems = take_lines(args, customer->fields.currency, f.lines);
  if (int rc = ctx.leftover(args)) return rc;
  if (std::optional<Frequency> fr = frequency_from(*every)) {
    f.frequency = *fr;
  } else if (every->size() > 5 && every->substr(every->size() - 5) == "-days") {
    f.frequency = Frequency::EveryNDays;
    f.every_days = std::atoi(every->c_str());
  } else {
    problems.push_back({"--every", "must be monthly, quarterly, yearly or N-days (\"14-days\")"});
  }
  if (auto d = value_or_problem(date_arg(ctx, start, "--start"), problems)) f.start = d.value();
  if (end) {
    if (auto d = value_or_problem(date_arg(ctx, end, "--end"), problems)) f.end = d.value();
  }
  f.issue = !draft;
  f.terms = terms.value_or("");
  f.memo = memo.value_or("");
  if (!problems.empty()) return ctx.rejected(problems);
  Result<ActionOutcome> r = ledger->execute(AddSchedule{f});
  if (!r) return ctx.rejected(r.problems());
  ctx.out << r->label << " (#" << r->created_id << ")\n";
  return kOk;
}

int schedule_list(Context& ctx, Args& args) {
  if (int rc = ctx.leftover(args)) return rc;
  Ledger* ledger = open_or_fail(ctx);
  if (!ledger) return kIoError;
  Table t{
      {"id", "customer_id", "frequency", "every_days", "start", "end", "billed", "ended"}, {}, {true, true}};
  for (const ScheduleSummary& s : list_schedules(ledger->db()))
    t.rows.push_back({std::to_string(s.id), std::to_string(s.customer_id), s.frequency,
                      std::to_string(s.every_days), s.start_date, s.end_date, std::to_string(s.next_index),
                      s.ended ? "yes" : "no"});
  ctx.print(t);
  return kOk;
}

int schedule_run(Context& ctx, Args& args) {
  std::optional<std::string> as_of = args.option("--as-of");
  if (int rc = ctx.leftover(args)) return rc;
  Ledger* ledger = open_or_fail(ctx);
  if (!ledger) return kIoError;
  Result<Date> d = date_arg(ctx, as_of, "--as-of");
  if (!d) return ctx.rejected(d.problems());
  Result<ActionOutcome> r = ledger->execute(RunSchedules{d.value()});
  if (!r && r.problems().size() == 1 && r.problems()[0].where == "as_of") {
    ctx.out << r.problems()[0].message << "\n";  // nothing due is not an error for a daily job
    return kOk;
  }
  if (!r) return ctx.rejected(r.problems());
  ctx.out << r->label << ": " << (r->last_seq - r->first_seq + 1) << " events\n";
  return kOk;
}

int schedule_end(Context& ctx, Args& args) {
  std::optional<std::string> id = args.positional();
  if (!id) return ctx.usage("schedule end needs a schedule id");
  if (int rc = ctx.leftover(args)) return rc;
  Ledger* ledger = open_or_fail(ctx);
  if (!ledger) return kIoError;
  return report(ctx, ledger->execute(EndSchedule{std::atoll(id->c_str())}));
}

}  // namespace

const std::vector<Handler>& invoice_handlers() {
  static const std::vector<Handler> handlers = {
      {"invoice", "add",
       "draft an invoice: --customer C --line \"DESC;QTY;PRICE[;TAX%[;DISCOUNT]]\" ... [--date D] [--terms "
       "T] "
       "[--due D] [--memo M] [--series S] [--issue [--override-hold REASON]]",
       add},
      {"invoice", "issue", "issue a draft, numbering it: #ID [--date D] [--override-hold REASON]", issue},
      {"invoice", "void", "void an issued invoice: NUMBER --reason R [--date D]", void_invoice},
      {"invoice", "discard", "discard a draft: #ID", discard},
      {"invoice", "write-off", "write off what is open: NUMBER --reason R [--amount A] [--date D]",
       write_off},
      {"invoice", "list",
       "list invoices [--status S|unpaid] [--customer C] [--search T] [--sort number|due|issued|amount] "
       "[--desc] [--limit N] [--offset N]; --explain shows how the ledger searches for them instead",
       list},
      {"invoice", "show", "one invoice with its lines and what was applied: NUMBER|#ID", show},
      {"credit-note", "add",
       "credit note: --amount A (--invoice NUMBER | --customer C) [--date D] [--reason R] [--series S]",
       credit_note},
      {"schedule", "add",
       "recurring invoices: --customer C --every monthly|quarterly|yearly|N-days --start D [--end D] "
       "[--draft] [--terms T] [--memo M] "
       "--line \"DESCRIPTION;QUANTITY;UNIT PRICE[;TAX %[;DISCOUNT]]\" (repeat for each line)",
       schedule_add},
      {"schedule", "list", "list recurring schedules", schedule_list},
      {"schedule", "run", "issue every scheduled invoice due up to --as-of D (default today)", schedule_run},
      {"schedule", "end", "stop a schedule: ID", schedule_end},
  };
  return handlers;
}

}  // namespace duebook::cli

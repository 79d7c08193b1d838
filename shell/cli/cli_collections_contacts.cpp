// CLI commands for what was said and agreed with customers: contact log|list, promise add|list,
// dispute open|resolve|list.
#include <ostream>

#include "cli_collections.h"
#include "collections/collections.h"

namespace duebook::cli {
namespace {

std::string amount(int64_t minor, const std::string& currency) {
  return money_text(minor, currency);
}

// ---------------------------------------------------------------------------------------------
// contact log | list

int contact_log_cmd(Context& ctx, Args& args) {
  auto customer = args.option("--customer"), channel = args.option("--channel"),
       outcome = args.option("--outcome");
  auto person = args.option("--person"), notes = args.option("--notes"), date = args.option("--date");
  auto invoices = args.option("--invoices");
  if (!customer || !channel || !outcome)
    return ctx.usage("contact log needs --customer C --channel email|phone|letter|visit|other --outcome O");
  if (int rc = ctx.leftover(args)) return rc;
  Ledger* ledger = ctx.ledger();
  if (!ledger) return kIoError;
  Problems problems;
  LogContact c;
  if (auto cust = value_or_problem(customer_option(ledger->db(), *customer), problems))
    c.customer_id = cust->id;
  if (auto d = value_or_problem(day_arg(ctx, date, "--date"), problems)) c.date = *d;
  if (invoices) {
    if (auto ids = value_or_problem(invoice_list_arg(ledger->db(), *invoices, "--invoices"), problems))
      c.invoice_ids = *ids;
  }
  if (!problems.empty()) return ctx.rejected(problems);
  c.channel = *channel;
  c.outcome = *outcome;
  c.person = person.value_or("");
  c.notes = notes.value_or("");
  return execute_and_report(ctx, *ledger, c,
                            {{"channel", "--channel"},
                             {"outcome", "--outcome"},
                             {"person", "--person"},
                             {"notes", "--notes"},
                             {"invoice_ids", "--invoices"},
                             {"date", "--date"}});
}

int contact_list(Context& ctx, Args& args) {
  auto customer = args.option("--customer");
  if (!customer) return ctx.usage("contact list needs --customer C");
  if (int rc = ctx.leftover(args)) return rc;
  Ledger* ledger = ctx.ledger();
  if (!ledger) return kIoError;
  Result<Customer> cust = customer_option(ledger->db(), *customer);
  if (!cust) return ctx.rejected(cust.problems());
  Table t{{"id", "date", "channel", "person", "outcome", "invoices", "step_done", "notes"}, {}, {true}};
  for (const ContactRecord& r : contact_log(ledger->db(), cust->id))
    t.rows.push_back({std::to_string(r.id), to_iso(r.date), r.channel, r.person, r.outcome, r.invoices,
                      r.step_done_id ? std::to_string(r.step_done_id) : "", r.notes});
  ctx.print(t);
  return kOk;
}

// ---------------------------------------------------------------------------------------------
// promise add | list

int promise_add(Context& ctx, Args& args) {
  auto customer = args.option("--customer"), date = args.option("--date"),
       amount_text = args.option("--amount");
  auto invoices = args.option("--invoices"), made = args.option("--made"), notes = args.option("--notes");
  if (!customer || !date || !amount_text)
    return ctx.usage("promise add needs --customer C --date D (the day they promised to pay by) --amount A");
  if (int rc = ctx.leftover(args)) return rc;
  Ledger* ledger = ctx.ledger();
  if (!ledger) return kIoError;
  Problems problems;
  AddPromise c;
  Result<Customer> cust = customer_option(ledger->db(), *customer);
  if (!cust) return ctx.rejected(cust.problems());
  c.customer_id = cust->id;
  if (auto d = value_or_problem(day_arg(ctx, date, "--date"), problems)) c.pay_by = *d;
  if (auto a = value_or_problem(amount_arg(*amount_text, cust->fields.currency, "--amount"), problems))
    c.amount = *a;
  if (auto d = value_or_problem(day_arg(ctx, made, "--made"), problems)) c.date = *d;
  // A promise entered after its day was made no later than that day.
  if (!made && problems.empty() && c.date > c.pay_by) c.date = c.pay_by;
  if (invoices) {
    if (auto ids = value_or_problem(invoice_list_arg(ledger->db(), *invoices, "--invoices"), problems))
      c.invoice_ids = *ids;
  }
  if (!problems.empty()) return ctx.rejected(problems);
  c.notes = notes.value_or("");
  return execute_and_report(
      ctx, *ledger, c,
      {{"pay_by", "--date"}, {"date", "--made"}, {"amount", "--amount"}, {"invoice_ids", "--invoices"}});
}

int promise_list(Context& ctx, Args& args) {
  auto customer = args.option("--customer"), date = args.option("--date");
  if (int rc = ctx.leftover(args)) return rc;
  Ledger* ledger = ctx.ledger();
  if (!ledger) return kIoError;
  int64_t customer_id = 0;
  if (customer) {
    Result<Customer> cust = customer_option(ledger->db(), *customer);
    if (!cust) return ctx.rejected(cust.problems());
    customer_id = cust->id;
  }
  Result<Date> day = day_arg(ctx, date, "--date");
  if (!day) return ctx.rejected(day.problems());
  Table t{{"id", "customer_id", "made_on", "pay_by", "currency", "amount", "paid", "state", "broken_on",
           "invoices"},
          {},
          {true, true, false, false, false, true, true}};
  for (const PromiseStatus& p : list_promises(ledger->db(), *day, customer_id))
    t.rows.push_back({std::to_string(p.id), std::to_string(p.customer_id), to_iso(p.made_on),
                      to_iso(p.pay_by), p.currency, amount(p.amount, p.currency), amount(p.paid, p.currency),
                      p.state, p.broken_on ? to_iso(*p.broken_on) : "",
                      invoice_numbers_text(ledger->db(), p.invoice_ids)});
  ctx.print(t);
  return kOk;
}

// ---------------------------------------------------------------------------------------------
// dispute open | resolve | list

int dispute_open(Context& ctx, Args& args) {
  auto invoice = args.option("--invoice"), reason = args.option("--reason"), notes = args.option("--notes");
  auto date = args.option("--date");
  if (!invoice || !reason)
    return ctx.usage(
        "dispute open needs --invoice N --reason pricing|not_delivered|quality|not_received|other");
  if (int rc = ctx.leftover(args)) return rc;
  Ledger* ledger = ctx.ledger();
  if (!ledger) return kIoError;
  std::optional<int64_t> id = invoice_arg(ledger->db(), *invoice, InvoiceScope::Issued);
  if (!id) return ctx.rejected({{"--invoice", "no issued invoice \"" + *invoice + "\""}});
  Result<Date> day = day_arg(ctx, date, "--date");
  if (!day) return ctx.rejected(day.problems());
  return execute_and_report(ctx, *ledger, OpenDispute{*id, *day, *reason, notes.value_or("")},
                            {{"invoice_id", "--invoice"}, {"reason", "--reason"}, {"date", "--date"}});
}

int dispute_resolve(Context& ctx, Args& args) {
  auto invoice = args.option("--invoice"), resolution = args.option("--resolution"),
       amount_text = args.option("--amount");
  auto notes = args.option("--notes"), date = args.option("--date");
  if (!invoice || !resolution)
    return ctx.usage("dispute resolve needs --invoice N --resolution credit|partial|rejected [--amount A]");
  if (int rc = ctx.leftover(args)) return rc;
  Ledger* ledger = ctx.ledger();
  if (!ledger) return kIoError;
  std::optional<int64_t> id = invoice_arg(ledger->db(), *invoice, InvoiceScope::Issued);
  if (!id) return ctx.rejected({{"--invoice", "no issued invoice \"" + *invoice + "\""}});
  ResolveDispute c{*id, {}, *resolution, std::nullopt, notes.value_or("")};
  Problems problems;
  if (auto d = value_or_problem(day_arg(ctx, date, "--date"), problems)) c.date = *d;
  if (amount_text) {
    if (auto a = value_or_problem(
            amount_arg(*amount_text, find_collection_invoice(ledger->db(), *id)->currency, "--amount"),
            problems))
      c.amount = *a;
  }
  if (!problems.empty()) return ctx.rejected(problems);
  return execute_and_report(ctx, *ledger, c,
                            {{"invoice_id", "--invoice"},
                             {"resolution", "--resolution"},
                             {"amount", "--amount"},
                             {"date", "--date"}});
}

int dispute_list(Context& ctx, Args& args) {
  if (int rc = ctx.leftover(args)) return rc;
  Ledger* ledger = ctx.ledger();
  if (!ledger) return kIoError;
  Table t{{"id", "invoice", "opened_on", "reason", "status", "resolution", "resolved_on", "credit", "notes"},
          {},
          {true}};
  for (const DisputeRecord& d : list_disputes(ledger->db())) {
    std::optional<CollectionInvoice> inv = find_collection_invoice(ledger->db(), d.invoice_id);
    t.rows.push_back({std::to_string(d.id), d.invoice, to_iso(d.opened_on), d.reason, d.status, d.resolution,
                      d.resolved_on ? to_iso(*d.resolved_on) : "",
                      d.amount ? amount(d.amount, inv ? inv->currency : "") : "", d.notes});
  }
  ctx.print(t);
  return kOk;
}

}  // namespace

const std::vector<Handler>& collection_contact_handlers() {
  static const std::vector<Handler> handlers = {
      {"contact", "log",
       "log a contact: --customer C --channel CH --outcome O [--person P] [--notes T] [--date D] [--invoices "
       "...]",
       contact_log_cmd},
      {"contact", "list", "a customer's contact record: --customer C", contact_list},
      {"promise", "add",
       "promise to pay: --customer C --date D --amount A [--invoices ...] [--made D] [--notes T]",
       promise_add},
      {"promise", "list", "promises and whether kept: [--customer C] [--date D]", promise_list},
      {"dispute", "open", "dispute an invoice: --invoice N --reason R [--notes T] [--date D]", dispute_open},
      {"dispute", "resolve",
       "resolve a dispute: --invoice N --resolution credit|partial|rejected [--amount A] [--date D] [--notes "
       "T]",
       dispute_resolve},
      {"dispute", "list", "disputes and their resolutions", dispute_list},
  };
  return handlers;
}

}  // namespace duebook::cli

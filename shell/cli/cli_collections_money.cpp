// CLI commands for the money side of collections: charges preview|apply|list, fee charge|waive|list,
// plan add|list, settle, agency handoff|list|case-file, factor (and factor collected|list).
#include <fstream>
#include <ostream>

#include "base/money.h"
#include "cli_collections.h"
#include "collections/collections.h"
#include "collections/collections_worklist.h"
#include "collections/company_defaults.h"

namespace duebook::cli {
namespace {

std::string amount(int64_t minor, const std::string& currency) {
  return money_text(minor, currency);
}

Result<Decimal> percent_arg(const std::string& text, const std::string& option) {
  std::string t = text;
  if (!t.empty() && t.back() == '%') t.pop_back();
  Result<Decimal> d = parse_decimal(t);
  if (!d) return Problem{option, "\"" + text + "\" is not a percentage"};
  return d;
}

// ---------------------------------------------------------------------------------------------
// charges preview | apply | list

int charges_preview(Context& ctx, Args& args) {
  auto as_of = args.option("--as-of"), policy_text = args.option("--policy");
  if (!as_of)
    return ctx.usage(
        "charges preview needs --as-of D [--policy contract:RATE|uk-late-payment|eu-late-payment]");
  if (int rc = ctx.leftover(args)) return rc;
  Problems problems;
  std::optional<Date> day = value_or_problem(day_arg(ctx, as_of, "--as-of"), problems);
  if (!problems.empty()) return ctx.rejected(problems);
  Ledger* ledger = ctx.ledger();
  if (!ledger) return kIoError;
  // Without --policy, the company's default interest policy (settings set --interest-policy).
  std::optional<InterestPolicy> policy = value_or_problem(
      parse_interest_policy(policy_text.value_or(company_defaults(ledger->db()).interest_policy)), problems,
      "--policy");
  if (!problems.empty()) return ctx.rejected(problems);
  ChargesPreview preview = preview_ledger_charges(ledger->db(), *day, *policy);
  if (ctx.format == "json") {
    ctx.out << charges_preview_json(preview) << "\n";
    return kOk;
  }
  Table t{{"invoice", "customer", "currency", "due_date", "outstanding", "days_late", "annual_rate",
           "interest", "fixed_compensation"},
          {},
          {false, false, false, false, true, true, true, true, true}};
  for (const ChargesPreviewRow& r : preview.rows) {
    const std::string cur(r.currency.view());
    t.rows.push_back({r.invoice, r.customer, cur, to_iso(r.due_date), amount(r.outstanding_minor, cur),
                      std::to_string(r.days_late), to_string(r.annual_rate), amount(r.interest_minor, cur),
                      amount(r.fixed_compensation_minor, cur)});
  }
  for (const ChargesPreviewTotal& total : preview.totals) {
    const std::string cur(total.currency.view());
    t.rows.push_back({"total", std::to_string(total.invoices) + " invoices", cur, "",
                      amount(total.outstanding_minor, cur), "", "", amount(total.interest_minor, cur),
                      amount(total.fixed_compensation_minor, cur)});
  }
  ctx.print(t);
  if (ctx.format == "table")
    for (const Problem& p : preview.skipped) ctx.out << "skipped " << p.where << ": " << p.message << "\n";
  return kOk;
}

int charges_apply(Context& ctx, Args& args) {
  auto as_of = args.option("--as-of"), policy = args.option("--policy");
  if (!as_of) return ctx.usage("charges apply needs --as-of D [--policy P]");
  if (int rc = ctx.leftover(args)) return rc;
  Result<Date> day = day_arg(ctx, as_of, "--as-of");
  if (!day) return ctx.rejected(day.problems());
  Ledger* ledger = ctx.ledger();
  if (!ledger) return kIoError;
  if (!policy) policy = company_defaults(ledger->db()).interest_policy;  // the company's default
  Result<ActionOutcome> r = ledger->execute(ApplyCharges{*day, *policy});
  // A second run the same day has nothing more to book: that is said, not treated as an error.
  if (!r && r.problems().size() == 1 && r.problems()[0].message.rfind("nothing more to charge", 0) == 0) {
    ctx.out << "Nothing more to charge: " << r.problems()[0].message << "\n";
    return kOk;
  }
  if (!r) return rejected_as(ctx, r.problems(), {{"as_of", "--as-of"}, {"policy", "--policy"}});
  ctx.out << r->label << "\n";
  return kOk;
}

Table charges_table(Db& db, const char* kind) {
  Table t{{"id", "kind", "invoice", "step", "charge_invoice", "currency", "amount", "date", "status", "basis",
           "reason"},
          {},
          {true, false, false, true, false, false, true}};
  for (const ChargeRecord& c : list_charges(db)) {
    if (*kind && c.kind != kind) continue;
    t.rows.push_back({std::to_string(c.id), c.kind, c.invoice,
                      c.step_index >= 0 ? std::to_string(c.step_index) : "", c.charge_invoice, c.currency,
                      amount(c.amount, c.currency), to_iso(c.date), c.status, c.basis, c.reason});
  }
  return t;
}

int charges_list(Context& ctx, Args& args) {
  if (int rc = ctx.leftover(args)) return rc;
  Ledger* ledger = ctx.ledger();
  if (!ledger) return kIoError;
  ctx.print(charges_table(ledger->db(), ""));
  return kOk;
}

// ---------------------------------------------------------------------------------------------
// fee charge | waive | list

int fee_charge(Context& ctx, Args& args) {
  auto date = args.option("--date");
  if (int rc = ctx.leftover(args)) return rc;
  Result<Date> day = day_arg(ctx, date, "--date");
  if (!day) return ctx.rejected(day.problems());
  Ledger* ledger = ctx.ledger();
  if (!ledger) return kIoError;
  Result<ActionOutcome> r = ledger->execute(ChargeLateFees{*day});
  if (!r) {
    // Nothing due is the normal answer of a second run the same day, not an error.
    if (r.problems().size() == 1 && r.problems()[0].where == "as_of" &&
        r.problems()[0].message.rfind("no late fee is due", 0) == 0) {
      ctx.out << "No late fee to charge: " << r.problems()[0].message << "\n";
      return kOk;
    }
    return rejected_as(ctx, r.problems(), {{"as_of", "--date"}});
  }
  ctx.out << r->label << "\n";
  return kOk;
}

int fee_waive(Context& ctx, Args& args) {
  auto invoice = args.option("--invoice"), step = args.option("--step"), reason = args.option("--reason");
  auto date = args.option("--date");
  if (!invoice || !step || !reason) return ctx.usage("fee waive needs --invoice N --step K --reason R");
  if (int rc = ctx.leftover(args)) return rc;
  Ledger* ledger = ctx.ledger();
  if (!ledger) return kIoError;
  Problems problems;
  WaiveLateFee c;
  if (auto id = invoice_arg(ledger->db(), *invoice, InvoiceScope::Issued))
    c.invoice_id = *id;
  else
    problems.push_back({"--invoice", "no issued invoice \"" + *invoice + "\""});
  if (auto n = value_or_problem(integer_arg(*step, "--step"), problems)) c.step_index = int(*n);
  if (auto d = value_or_problem(day_arg(ctx, date, "--date"), problems)) c.date = *d;
  if (!problems.empty()) return ctx.rejected(problems);
  c.reason = *reason;
  return execute_and_report(
      ctx, *ledger, c,
      {{"invoice_id", "--invoice"}, {"step", "--step"}, {"reason", "--reason"}, {"date", "--date"}});
}

int fee_list(Context& ctx, Args& args) {
  if (int rc = ctx.leftover(args)) return rc;
  Ledger* ledger = ctx.ledger();
  if (!ledger) return kIoError;
  ctx.print(charges_table(ledger->db(), "late_fee"));
  return kOk;
}

// ---------------------------------------------------------------------------------------------
// plan add | list

int plan_add(Context& ctx, Args& args) {
  auto customer = args.option("--customer"), count = args.option("--installments"),
       start = args.option("--start");
  auto every = args.option("--every"), invoices = args.option("--invoices"), date = args.option("--date");
  if (!customer || !count || !start)
    return ctx.usage("plan add needs --customer C --installments N --start D [--every month|Kdays]");
  if (int rc = ctx.leftover(args)) return rc;
  Ledger* ledger = ctx.ledger();
  if (!ledger) return kIoError;
  Problems problems;
  AddInstallmentPlan c;
  if (auto cust = value_or_problem(customer_option(ledger->db(), *customer), problems))
    c.customer_id = cust->id;
  if (auto n = value_or_problem(integer_arg(*count, "--installments"), problems)) c.count = int(*n);
  if (auto d = value_or_problem(day_arg(ctx, start, "--start"), problems)) c.first_due = *d;
  if (auto d = value_or_problem(day_arg(ctx, date, "--date"), problems)) c.date = *d;
  // A plan entered after its first installment's day was agreed no later than that day.
  if (!date && problems.empty() && c.date > c.first_due) c.date = c.first_due;
  if (every && *every != "month" && *every != "monthly") {
    std::string days = *every;
    for (const char* suffix : {"days", "day", "-days", "d"})
      if (days.size() > std::string(suffix).size() &&
          days.compare(days.size() - std::string(suffix).size(), std::string::npos, suffix) == 0) {
        days.resize(days.size() - std::string(suffix).size());
        break;
      }
    while (!days.empty() && (days.back() == ' ' || days.back() == '-')) days.pop_back();
    if (auto n = integer_arg(days, "--every"); n && *n > 0)
      c.every_days = int(*n);
    else
      problems.push_back({"--every", "must be month or a number of days like 14days"});
  }
  if (invoices) {
    if (auto ids = value_or_problem(invoice_list_arg(ledger->db(), *invoices, "--invoices"), problems))
      c.invoice_ids = *ids;
  }
  if (!problems.empty()) return ctx.rejected(problems);
  Result<ActionOutcome> r = ledger->execute(c);
  if (!r)
    return rejected_as(ctx, r.problems(),
                       {{"count", "--installments"},
                        {"first_due", "--start"},
                        {"every_days", "--every"},
                        {"invoice_ids", "--invoices"},
                        {"date", "--date"},
                        {"balance", "--invoices"}});
  ctx.out << r->label << " (plan #" << r->created_id << ")\n";
  return kOk;
}

int plan_list(Context& ctx, Args& args) {
  auto date = args.option("--date");
  if (int rc = ctx.leftover(args)) return rc;
  Result<Date> day = day_arg(ctx, date, "--date");
  if (!day) return ctx.rejected(day.problems());
  Ledger* ledger = ctx.ledger();
  if (!ledger) return kIoError;
  Table t{{"plan", "customer", "currency", "balance", "installment", "due", "amount", "cumulative", "paid",
           "state", "missed"},
          {},
          {true, false, false, true, true, false, true, true, true}};
  for (const PlanStatus& p : list_installment_plans(ledger->db(), *day))
    for (const Installment& i : p.installments)
      t.rows.push_back({std::to_string(p.id), p.customer, p.currency, amount(p.balance, p.currency),
                        std::to_string(i.number), to_iso(i.due), amount(i.amount.minor, p.currency),
                        amount(i.cumulative_minor, p.currency), amount(p.paid, p.currency), p.state,
                        p.status.missed && *p.status.missed == i.number ? "missed" : ""});
  ctx.print(t);
  return kOk;
}

// ---------------------------------------------------------------------------------------------
// settle

int settle(Context& ctx, Args& args) {
  auto invoice = args.option("--invoice"), accept = args.option("--accept"), reason = args.option("--reason");
  auto date = args.option("--date");
  if (!invoice || !accept || !reason) return ctx.usage("settle needs --invoice N --accept A --reason R");
  if (int rc = ctx.leftover(args)) return rc;
  Ledger* ledger = ctx.ledger();
  if (!ledger) return kIoError;
  std::optional<int64_t> id = invoice_arg(ledger->db(), *invoice, InvoiceScope::Issued);
  if (!id) return ctx.rejected({{"--invoice", "no issued invoice \"" + *invoice + "\""}});
  Problems problems;
  AcceptSettlement c{*id, {}, 0, *reason};
  if (auto a = value_or_problem(
          amount_arg(*accept, find_collection_invoice(ledger->db(), *id)->currency, "--accept"), problems))
    c.accepted = *a;
  if (auto d = value_or_problem(day_arg(ctx, date, "--date"), problems)) c.date = *d;
  if (!problems.empty()) return ctx.rejected(problems);
  return execute_and_report(ctx, *ledger, c,
                            {{"accepted", "--accept"},
                             {"reason", "--reason"},
                             {"date", "--date"},
                             {"invoice_id", "--invoice"},
                             {"balance", "--invoice"},
                             {"amount", "--accept"}});
}

// ---------------------------------------------------------------------------------------------
// agency handoff | list | case-file

int agency_handoff_cmd(Context& ctx, Args& args) {
  auto invoices = args.option("--invoices"), commission = args.option("--commission");
  auto agency = args.option("--agency"), case_file = args.option("--case-file"), date = args.option("--date");
  if (!invoices || !commission)
    return ctx.usage("agency handoff needs --invoices N,... --commission PERCENT");
  if (int rc = ctx.leftover(args)) return rc;
  Ledger* ledger = ctx.ledger();
  if (!ledger) return kIoError;
  Problems problems;
  HandToAgency c;
  c.agency = agency.value_or("Collection agency");
  if (auto ids = value_or_problem(invoice_list_arg(ledger->db(), *invoices, "--invoices"), problems))
    c.invoice_ids = *ids;
  if (auto p = value_or_problem(percent_arg(*commission, "--commission"), problems))
    c.commission_percent = *p;
  if (auto d = value_or_problem(day_arg(ctx, date, "--date"), problems)) c.date = *d;
  if (!problems.empty()) return ctx.rejected(problems);
  Result<ActionOutcome> r = ledger->execute(c);
  if (!r)
    return rejected_as(
        ctx, r.problems(),
        {{"invoice_ids", "--invoices"}, {"commission", "--commission"}, {"agency", "--agency"}});
  ctx.out << r->label << "\n";
  if (!case_file) return kOk;
  // One placement per customer: their case files follow each other in one JSON array when there are several.
  std::string text;
  int placements = 0;
  for (const PlacementRecord& p : list_placements(ledger->db())) {
    if (p.id < r->created_id) continue;
    Result<std::string> file = agency_case_file(ledger->db(), p.id, c.date);
    if (!file) return ctx.rejected(file.problems());
    text += (placements++ ? ",\n" : "") + file.value();
  }
  if (placements > 1) text = "[\n" + text + "\n]";
  if (int rc = write_output(ctx, *case_file, text + "\n")) return rc;
  ctx.out << "Case file written to " << *case_file << "\n";
  return kOk;
}

int agency_list(Context& ctx, Args& args) {
  if (int rc = ctx.leftover(args)) return rc;
  Ledger* ledger = ctx.ledger();
  if (!ledger) return kIoError;
  Table t{{"placement", "customer", "agency", "commission", "date", "currency", "placed", "expected_net",
           "invoices"},
          {},
          {true, false, false, true, false, false, true, true}};
  for (const PlacementRecord& p : list_placements(ledger->db()))
    t.rows.push_back({std::to_string(p.id), p.customer, p.agency, p.commission, to_iso(p.date), p.currency,
                      amount(p.placed, p.currency), amount(p.expected_net, p.currency),
                      invoice_numbers_text(ledger->db(), p.invoice_ids)});
  ctx.print(t);
  return kOk;
}

int agency_case_file_cmd(Context& ctx, Args& args) {
  auto placement = args.option("--placement"), out = args.option("--out"), date = args.option("--date");
  if (!placement) return ctx.usage("agency case-file needs --placement N [--out PATH] [--date D]");
  if (int rc = ctx.leftover(args)) return rc;
  Result<int64_t> id = integer_arg(*placement, "--placement");
  if (!id) return ctx.rejected(id.problems());
  Result<Date> day = day_arg(ctx, date, "--date");
  if (!day) return ctx.rejected(day.problems());
  Ledger* ledger = ctx.ledger();
  if (!ledger) return kIoError;
  Result<std::string> file = agency_case_file(ledger->db(), *id, *day);
  if (!file) return rejected_as(ctx, file.problems(), {{"placement", "--placement"}});
  if (!out) {
    ctx.out << file.value() << "\n";
    return kOk;
  }
  return write_output(ctx, *out, file.value() + "\n");
}

// ---------------------------------------------------------------------------------------------
// factor (collected | list)

int factor_collected(Context& ctx, Args& args) {
  auto invoice = args.option("--invoice"), amount_text = args.option("--amount"),
       date = args.option("--date");
  if (!invoice || !amount_text) return ctx.usage("factor collected needs --invoice N --amount A [--date D]");
  if (int rc = ctx.leftover(args)) return rc;
  Ledger* ledger = ctx.ledger();
  if (!ledger) return kIoError;
  std::optional<int64_t> id = invoice_arg(ledger->db(), *invoice, InvoiceScope::Issued);
  if (!id) return ctx.rejected({{"--invoice", "no issued invoice \"" + *invoice + "\""}});
  Problems problems;
  RecordFactorCollection c{*id, {}, 0};
  if (auto a = value_or_problem(
          amount_arg(*amount_text, find_collection_invoice(ledger->db(), *id)->currency, "--amount"),
          problems))
    c.amount = *a;
  if (auto d = value_or_problem(day_arg(ctx, date, "--date"), problems)) c.date = *d;
  if (!problems.empty()) return ctx.rejected(problems);
  return execute_and_report(ctx, *ledger, c,
                            {{"invoice_id", "--invoice"}, {"amount", "--amount"}, {"date", "--date"}});
}

int factor_list(Context& ctx, Args& args) {
  if (int rc = ctx.leftover(args)) return rc;
  Ledger* ledger = ctx.ledger();
  if (!ledger) return kIoError;
  Table t{{"id", "factor", "date", "currency", "amount", "cash_today", "reserve", "fee", "collected",
           "annual_cost_bp", "invoices"},
          {},
          {true, false, false, false, true, true, true, true, true, true}};
  for (const FactoringRecord& f : list_factorings(ledger->db()))
    t.rows.push_back({std::to_string(f.id), f.factor, to_iso(f.date), f.currency,
                      amount(f.amount, f.currency), amount(f.cash_today, f.currency),
                      amount(f.reserve, f.currency), amount(f.fee, f.currency),
                      amount(f.collected, f.currency), f.annual_cost_bp,
                      invoice_numbers_text(ledger->db(), f.invoice_ids)});
  ctx.print(t);
  return kOk;
}

int factor(Context& ctx, Args& args) {
  // "factor collected|list ...": the subcommand is the first word that is neither an option nor its value.
  if (!args.rest().empty() && args.rest()[0].rfind("--", 0) != 0) {
    std::string sub = *args.positional();
    if (sub == "collected") return factor_collected(ctx, args);
    if (sub == "list") return factor_list(ctx, args);
    return ctx.usage("unknown subcommand \"factor " + sub + "\"");
  }
  auto invoices = args.option("--invoices"), advance = args.option("--advance"), fee = args.option("--fee");
  auto reserve = args.option("--reserve"), name = args.option("--factor"),
       expected = args.option("--expected");
  auto date = args.option("--date");
  bool flat = args.flag("--flat");
  if (!invoices || !advance || !fee)
    return ctx.usage("factor needs --invoices N,... --advance PERCENT --fee PERCENT [--reserve PERCENT]");
  if (int rc = ctx.leftover(args)) return rc;
  Ledger* ledger = ctx.ledger();
  if (!ledger) return kIoError;
  Problems problems;
  FactorInvoices c;
  c.factor = name.value_or("Factor");
  c.flat_fee = flat;
  if (auto ids = value_or_problem(invoice_list_arg(ledger->db(), *invoices, "--invoices"), problems))
    c.invoice_ids = *ids;
  if (auto p = value_or_problem(percent_arg(*advance, "--advance"), problems)) c.advance_percent = *p;
  if (auto p = value_or_problem(percent_arg(*fee, "--fee"), problems)) c.fee_percent = *p;
  if (reserve) {
    if (auto p = value_or_problem(percent_arg(*reserve, "--reserve"), problems)) c.reserve_percent = *p;
  }
  if (expected) {
    if (auto d = value_or_problem(day_arg(ctx, expected, "--expected"), problems)) c.expected_paid_on = *d;
  }
  if (auto d = value_or_problem(day_arg(ctx, date, "--date"), problems)) c.date = *d;
  if (!problems.empty()) return ctx.rejected(problems);
  Result<ActionOutcome> r = ledger->execute(c);
  if (!r)
    return rejected_as(ctx, r.problems(),
                       {{"invoice_ids", "--invoices"},
                        {"advance_percent", "--advance"},
                        {"fee_percent", "--fee"},
                        {"reserve_percent", "--reserve"},
                        {"expected_paid_on", "--expected"},
                        {"factor", "--factor"},
                        {"invoices", "--invoices"}});
  ctx.out << r->label << "\n";
  for (const FactoringRecord& f : list_factorings(ledger->db()))
    if (f.id == r->created_id)
      ctx.out << "cash today " << f.currency << " " << amount(f.cash_today, f.currency) << ", reserve "
              << amount(f.reserve, f.currency) << ", fee (cost) " << amount(f.fee, f.currency)
              << ", effective annual cost " << f.annual_cost_bp << " bp\n";
  return kOk;
}

}  // namespace

const std::vector<Handler>& collection_money_handlers() {
  static const std::vector<Handler> handlers = {
      {"charges", "preview",
       "interest and fixed compensation due: --as-of D [--policy contract:R|uk-late-payment|eu-late-payment] "
       "(default: the company's, see settings show)",
       charges_preview},
      {"charges", "apply", "book them as charges invoices: --as-of D [--policy P] (default: the company's)",
       charges_apply},
      {"charges", "list", "late fees, interest and compensation booked", charges_list},
      {"fee", "charge", "charge the late fees due (once per invoice and step): --date D", fee_charge},
      {"fee", "waive", "waive a late fee: --invoice N --step K --reason R [--date D]", fee_waive},
      {"fee", "list", "late fees charged and waived", fee_list},
      {"plan", "add",
       "installment plan: --customer C --installments N --start D [--every month|Kdays] [--invoices ...] "
       "[--date D]",
       plan_add},
      {"plan", "list", "installment plans and where they stand: [--date D]", plan_list},
      {"settle", "", "accept less and write off the rest: --invoice N --accept A --reason R [--date D]",
       settle},
      {"agency", "handoff",
       "hand invoices to an agency: --invoices ... --commission P [--agency NAME] [--date D] "
       "[--case-file PATH]",
       agency_handoff_cmd},
      {"agency", "list", "agency placements", agency_list},
      {"agency", "case-file", "a placement's case file (JSON): --placement N [--out PATH] [--date D]",
       agency_case_file_cmd},
      {"factor", "",
       "sell invoices: --invoices ... --advance 80 --fee 3 [--reserve 20] [--factor NAME] [--flat (the fee "
       "once, not per 30 days)] [--expected D] [--date D]; factor collected --invoice N --amount A [--date "
       "D]; "
       "factor list",
       factor},
  };
  return handlers;
}

}  // namespace duebook::cli

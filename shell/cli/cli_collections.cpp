// CLI commands for collections follow-up: collections worklist|done|snooze|company, policy show|list|set,
// hold check. What was said and agreed with customers (contacts, promises, disputes) is in
// cli_collections_contacts.cpp; the money side (charges, fees, plans, settlements, agency, factoring) in
// cli_collections_money.cpp.
#include "cli_collections.h"

#include <fstream>
#include <nlohmann/json.hpp>
#include <ostream>
#include <sstream>

#include "base/money.h"
#include "cli_worklist.h"
#include "collections/collections.h"
#include "collections/collections_worklist.h"
#include "collections/company_logo.h"
#include "invoicing/invoice_queries.h"

namespace duebook::cli {

// ---------------------------------------------------------------------------------------------
// Shared helpers (cli_collections.h)

Result<std::vector<int64_t>> invoice_list_arg(Db& db, const std::string& text, const std::string& option) {
  std::vector<int64_t> ids;
  Problems problems;
  std::string word;
  auto take = [&] {
    if (word.empty()) return;
    if (auto id = invoice_arg(db, word, InvoiceScope::Issued))
      ids.push_back(*id);
    else
      problems.push_back({option, "no issued invoice \"" + word + "\""});
    word.clear();
  };
  for (char c : text) {
    if (c == ',' || c == ' ' || c == ';')
      take();
    else
      word += c;
  }
  take();
  if (!problems.empty()) return problems;
  if (ids.empty()) return Problem{option, "name at least one invoice"};
  return ids;
}

Result<Customer> customer_option(Db& db, const std::string& text) {
  if (std::optional<Customer> c = find_customer_arg(db, text)) return *c;
  return Problem{"--customer", "no customer \"" + text + "\""};
}

Result<int64_t> integer_arg(const std::string& text, const std::string& option) {
  if (text.empty() || text.size() > 9 || text.find_first_not_of("0123456789") != std::string::npos)
    return Problem{option, "\"" + text + "\" is not a whole number"};
  return int64_t(std::atoll(text.c_str()));
}

int rejected_as(Context& ctx, const Problems& problems, const std::map<std::string, std::string>& options) {
  Problems named;
  for (const Problem& p : problems) {
    Problem q = p;
    for (const auto& [field, option] : options)
      if (p.where == field || p.where.rfind(field + "[", 0) == 0 || p.where.rfind(field + ".", 0) == 0)
        q.where = option + p.where.substr(field.size());
    named.push_back(q);
  }
  return ctx.rejected(named);
}

int execute_and_report(Context& ctx, Ledger& ledger, const Command& command,
                       const std::map<std::string, std::string>& options) {
  Result<ActionOutcome> r = ledger.execute(command);
  if (!r) return rejected_as(ctx, r.problems(), options);
  ctx.out << r->label << "\n";
  return kOk;
}

Result<Date> day_arg(const Context& ctx, const std::optional<std::string>& text, const std::string& option) {
  return date_arg(ctx, text, option);
}

namespace {

using OJson = nlohmann::ordered_json;
using Json = nlohmann::json;

std::string amount(int64_t minor, const std::string& currency) {
  return money_text(minor, currency);
}

// ---------------------------------------------------------------------------------------------
// collections done | snooze | company

int done(Context& ctx, Args& args) {
  auto customer = args.option("--customer"), step = args.option("--step"), outcome = args.option("--outcome");
  auto notes = args.option("--notes"), date = args.option("--date"), person = args.option("--person");
  auto invoices = args.option("--invoices");
  if (!customer || !step || !outcome)
    return ctx.usage("collections done needs --customer C --step N --outcome " +
                     std::string("reached|voicemail|no_answer|wrong_contact|promised|disputed|paid"));
  if (int rc = ctx.leftover(args)) return rc;
  Ledger* ledger = ctx.ledger();
  if (!ledger) return kIoError;
  Problems problems;
  RecordStepDone c;
  if (auto cust = value_or_problem(customer_option(ledger->db(), *customer), problems))
    c.customer_id = cust->id;
  if (auto n = value_or_problem(integer_arg(*step, "--step"), problems)) c.step_index = int(*n);
  if (auto d = value_or_problem(day_arg(ctx, date, "--date"), problems)) c.date = *d;
  if (invoices) {
    if (auto ids = value_or_problem(invoice_list_arg(ledger->db(), *invoices, "--invoices"), problems))
      c.invoice_ids = *ids;
  }
  if (!problems.empty()) return ctx.rejected(problems);
  c.outcome = *outcome;
  c.notes = notes.value_or("");
  c.person = person.value_or("");
  return execute_and_report(ctx, *ledger, c,
                            {{"step", "--step"},
                             {"outcome", "--outcome"},
                             {"invoice_ids", "--invoices"},
                             {"customer_id", "--customer"},
                             {"date", "--date"},
                             {"notes", "--notes"}});
}

int snooze(Context& ctx, Args& args) {
  auto customer = args.option("--customer"), until = args.option("--until"), date = args.option("--date");
  bool resume = args.flag("--resume");
  if (!customer || (!until && !resume))
    return ctx.usage("collections snooze needs --customer C --until D (or --resume)");
  if (int rc = ctx.leftover(args)) return rc;
  Ledger* ledger = ctx.ledger();
  if (!ledger) return kIoError;
  Problems problems;
  SnoozeCustomer c;
  if (auto cust = value_or_problem(customer_option(ledger->db(), *customer), problems))
    c.customer_id = cust->id;
  if (until) {
    if (auto d = value_or_problem(day_arg(ctx, until, "--until"), problems)) c.until = *d;
  }
  // Snoozing to a day in the past of the clock (a backdated entry) is decided the day before it.
  if (std::optional<Date> today = value_or_problem(day_arg(ctx, date, "--date"), problems))
    c.date = (c.until && *c.until <= *today && !date) ? add_days(*c.until, -1) : *today;
  if (!problems.empty()) return ctx.rejected(problems);
  return execute_and_report(ctx, *ledger, c, {{"until", "--until"}, {"date", "--date"}});
}

int company(Context& ctx, Args& args) {
  Ledger* ledger = ctx.ledger();
  if (!ledger) return kIoError;
  CompanyDetails c = company_details(ledger->db());
  bool details = false;  // a detail other than the logo was given
  for (auto [option, field] : {std::pair{"--name", &c.name},
                               {"--address", &c.address},
                               {"--phone", &c.phone},
                               {"--email", &c.email},
                               {"--sender", &c.sender_name},
                               {"--vat-id", &c.vat_id},
                               {"--endpoint", &c.endpoint},
                               {"--account-name", &c.account_name},
                               {"--iban", &c.iban},
                               {"--bic", &c.bic}})
    if (auto v = args.option(option)) {
      *field = *v;
      details = true;
    }
  const std::optional<std::string> logo = args.option("--logo");
  const bool no_logo = args.flag("--no-logo");
  if (int rc = ctx.leftover(args)) return rc;
  if (logo && no_logo) return ctx.usage("collections company takes --logo FILE or --no-logo, not both");
  if (logo || no_logo) {
    SetCompanyLogo command;
    if (logo) {
      Input in = read_input(ctx, *logo, int64_t(kMaxImageBytes));
      if (in.rc != kOk) return in.rc;
      command.bytes = std::move(in.bytes);
      command.name = *logo;
    }
    if (int rc = execute_and_report(ctx, *ledger, command, {{"logo", logo ? "--logo" : "--no-logo"}});
        rc != kOk || !details)
      return rc;
  }
  return execute_and_report(ctx, *ledger, SetCompanyDetails{c},
                            {{"email", "--email"},
                             {"name", "--name"},
                             {"vat_id", "--vat-id"},
                             {"endpoint", "--endpoint"},
                             {"iban", "--iban"},
                             {"bic", "--bic"},
                             {"account_name", "--account-name"}});
}

// ---------------------------------------------------------------------------------------------
// policy show | list | set

// A policy named by id or name; nullopt when none.
std::optional<PolicyRecord> policy_arg(Db& db, const std::string& key) {
  if (!key.empty() && key.find_first_not_of("0123456789") == std::string::npos)
    return find_policy(db, std::atoll(key.c_str()));
  for (const PolicyRecord& p : list_policies(db))
    if (p.policy.name == key) return p;
  return std::nullopt;
}

int policy_show(Context& ctx, Args& args) {
  auto customer = args.option("--customer"), id = args.option("--policy");
  std::optional<std::string> key = args.positional();
  if (int rc = ctx.leftover(args)) return rc;
  Ledger* ledger = ctx.ledger();
  if (!ledger) return kIoError;
  PolicyRecord policy = default_policy_record();
  if (customer) {
    Result<Customer> cust = customer_option(ledger->db(), *customer);
    if (!cust) return ctx.rejected(cust.problems());
    policy = policy_for_customer(ledger->db(), cust->id);
  } else if (id || key) {
    std::optional<PolicyRecord> p = policy_arg(ledger->db(), id ? *id : *key);
    if (!p) return ctx.rejected({{"--policy", "no policy \"" + (id ? *id : *key) + "\""}});
    policy = *p;
  }
  if (ctx.format == "table") {
    ctx.out << "Policy #" << policy.id << " " << policy.policy.name << "\n";
    Table t{{"step", "day", "action", "template", "late_fee", "interest_notice", "deadline_days"},
            {},
            {true, true, false, false, false, false, true}};
    for (size_t i = 0; i < policy.policy.steps.size(); ++i) {
      const CollectionStep& s = policy.policy.steps[i];
      // The days to pay a reminder or letter gives (gives_payment_deadline); "" for a call or a hold.
      t.rows.push_back({std::to_string(i), (s.offset_days > 0 ? "+" : "") + std::to_string(s.offset_days),
                        to_string(s.action), s.template_id, s.late_fee ? "yes" : "",
                        s.interest_notice ? "yes" : "",
                        gives_payment_deadline(s) ? std::to_string(s.payment_deadline_days) : ""});
    }
    ctx.print(t);
    Json j = Json::parse(policy_record_to_json(policy));
    if (j.contains("late_fee")) ctx.out << "late fee: " << j["late_fee"].dump() << "\n";
    return kOk;
  }
  Json j = Json::parse(policy_record_to_json(policy));
  j["id"] = policy.id;
  ctx.out << j.dump(2) << "\n";
  return kOk;
}

int policy_list(Context& ctx, Args& args) {
  if (int rc = ctx.leftover(args)) return rc;
  Ledger* ledger = ctx.ledger();
  if (!ledger) return kIoError;
  Table t{{"id", "name", "steps", "late_fee"}, {}, {true, false, true}};
  for (const PolicyRecord& p : list_policies(ledger->db())) {
    Json j = Json::parse(policy_record_to_json(p));
    t.rows.push_back({std::to_string(p.id), p.policy.name, std::to_string(p.policy.steps.size()),
                      j.contains("late_fee") ? j["late_fee"].dump() : ""});
  }
  ctx.print(t);
  return kOk;
}

// policy set --file PATH | --json TEXT [--id N]: saves a policy; policy set --customer C --policy ID|NAME:
// assigns one.
int policy_set(Context& ctx, Args& args) {
  auto file = args.option("--file"), json = args.option("--json"), id = args.option("--id");
  auto customer = args.option("--customer"), policy = args.option("--policy");
  if (int rc = ctx.leftover(args)) return rc;
  if (customer && policy) {
    Ledger* ledger = ctx.ledger();
    if (!ledger) return kIoError;
    Result<Customer> cust = customer_option(ledger->db(), *customer);
    if (!cust) return ctx.rejected(cust.problems());
    std::optional<PolicyRecord> p = policy_arg(ledger->db(), *policy);
    if (!p) return ctx.rejected({{"--policy", "no policy \"" + *policy + "\""}});
    return execute_and_report(ctx, *ledger, SetCustomerPolicy{cust->id, p->id}, {{"policy_id", "--policy"}});
  }
  if (!file && !json)
    return ctx.usage(
        "policy set needs --file PATH or --json TEXT [--id N], or --customer C --policy ID|NAME");
  std::string text = json.value_or("");
  if (file) {
    std::ifstream in(*file, std::ios::binary);
    if (!in) {
      ctx.err << "duebook: cannot read " << *file << "\n";
      return kIoError;
    }
    std::ostringstream s;
    s << in.rdbuf();
    text = s.str();
  }
  SavePolicy c{0, text};
  if (id) {
    Result<int64_t> n = integer_arg(*id, "--id");
    if (!n) return ctx.rejected(n.problems());
    c.id = *n;
  }
  Ledger* ledger = ctx.ledger();
  if (!ledger) return kIoError;
  Result<ActionOutcome> r = ledger->execute(c);
  if (!r) return ctx.rejected(r.problems());
  ctx.out << r->label << " (#" << r->created_id << ")\n";
  return kOk;
}

// ---------------------------------------------------------------------------------------------
// hold check

int hold_check(Context& ctx, Args& args) {
  auto date = args.option("--date"), days = args.option("--days-overdue"),
       broken = args.option("--broken-promises");
  bool no_limit = args.flag("--no-limit"), dry_run = args.flag("--dry-run"), cod = args.flag("--cod");
  if (int rc = ctx.leftover(args)) return rc;
  Problems problems;
  ApplyCreditHolds c;
  if (auto d = value_or_problem(day_arg(ctx, date, "--date"), problems)) c.as_of = *d;
  if (days) {
    if (auto n = value_or_problem(integer_arg(*days, "--days-overdue"), problems))
      c.rules.days_overdue_above = *n;
  }
  if (broken) {
    if (auto n = value_or_problem(integer_arg(*broken, "--broken-promises"), problems))
      c.rules.broken_promises_at_least = int(*n);
  }
  c.rules.balance_above_limit = !no_limit;
  c.cash_on_delivery = cod;
  if (!problems.empty()) return ctx.rejected(problems);
  Ledger* ledger = ctx.ledger();
  if (!ledger) return kIoError;
  Table t{{"customer", "status", "days_overdue", "balance", "credit_limit", "broken_promises", "hold",
           "change", "reasons"},
          {},
          {false, false, true, true, true, true}};
  for (const CreditReview& r : review_credit_holds(ledger->db(), c.as_of, c.rules)) {
    const std::string cur(r.facts.balance.currency.view());
    std::string reasons;
    for (const std::string& e : r.decision.explanations) reasons += (reasons.empty() ? "" : "; ") + e;
    t.rows.push_back({r.customer, to_string(r.status), std::to_string(r.facts.max_days_overdue),
                      amount(r.facts.balance.minor, cur),
                      r.facts.credit_limit_minor ? amount(*r.facts.credit_limit_minor, cur) : "",
                      std::to_string(r.facts.broken_promises), r.decision.hold ? "yes" : "no", r.change,
                      reasons});
  }
  ctx.print(t);
  if (dry_run) return kOk;
  Result<ActionOutcome> r = ledger->execute(c);
  if (r)
    ctx.err << r->label << "\n";
  else
    ctx.err << "No change: " << r.problems()[0].message << "\n";
  return kOk;
}

}  // namespace

const std::vector<Handler>& collections_handlers() {
  static const std::vector<Handler> handlers = [] {
    std::vector<Handler> list = {
        {"collections", "worklist",
         "the day's collections work: --date D [--charge-fees] (--format table|json|csv)", worklist},
        {"collections", "done",
         "record a worklist step: --customer C --step N --outcome O [--notes T] [--person P] [--date D] "
         "[--invoices ...]",
         done},
        {"collections", "snooze", "put a customer aside: --customer C --until D (or --resume) [--date D]",
         snooze},
        {"collections", "company",
         "who signs the messages, issues e-invoices and is paid: [--name] [--email] [--phone] [--address] "
         "[--sender] [--vat-id ID] [--endpoint SCHEME:ID] [--iban IBAN] [--bic BIC] [--account-name NAME] "
         "[--logo FILE.png|FILE.jpg | --no-logo]",
         company},
    };
    const std::vector<Handler>& contacts = collection_contact_handlers();
    list.insert(list.end(), contacts.begin(), contacts.end());
    const std::vector<Handler> policies = {
        {"policy", "show", "a collections policy: [ID|NAME] [--policy ID|NAME] [--customer C]", policy_show},
        {"policy", "list", "the collections policies", policy_list},
        {"policy", "set",
         "save a policy (--file PATH | --json TEXT) [--id N], or --customer C --policy ID|NAME", policy_set},
        {"hold", "check",
         "apply the credit-hold rules: --date D [--days-overdue N] [--broken-promises K] [--no-limit (ignore "
         "credit limits)] [--cod] [--dry-run]",
         hold_check},
    };
    list.insert(list.end(), policies.begin(), policies.end());
    const std::vector<Handler>& money = collection_money_handlers();
    list.insert(list.end(), money.begin(), money.end());
    return list;
  }();
  return handlers;
}

}  // namespace duebook::cli

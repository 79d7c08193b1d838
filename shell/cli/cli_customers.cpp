// CLI commands for customers: add, list, show, edit, hold.
#include <ostream>

#include "base/currencies.h"
#include "base/money.h"
#include "cli.h"
#include "collections/company_defaults.h"
#include "collections/customer_accounts.h"
#include "collections/customer_timeline.h"
#include "customers/customer_queries.h"

namespace duebook::cli {
namespace {

int digits_of(const std::string& currency) {
  const Currency* c = builtin_currencies().find(currency);
  return c ? c->minor_digits : 2;
}

// Applies --name, --currency, ... options onto `f`. Problems name the option.
Problems take_fields(Args& args, CustomerFields& f) {
  Problems problems;
  if (auto v = args.option("--name")) f.name = *v;
  if (auto v = args.option("--currency")) f.currency = *v;
  if (auto v = args.option("--address")) f.address = *v;
  if (auto v = args.option("--tax-id")) f.tax_id = *v;
  if (auto v = args.option("--country")) f.country = *v;
  if (auto v = args.option("--endpoint")) f.endpoint = *v;
  if (auto v = args.option("--terms")) f.terms = *v;
  if (auto v = args.option("--notes")) f.notes = *v;
  if (auto v = args.option("--language")) {
    if (Result<Language> language = parse_language(*v))
      f.language = language_code(*language);
    else
      problems.push_back({"--language", language.problems().front().message});
  }
  if (auto v = args.option("--status")) {
    if (auto s = customer_status_from(*v))
      f.status = *s;
    else
      problems.push_back({"--status", "must be active, hold or cod"});
  }
  if (auto v = args.option("--credit-limit")) {
    if (v->empty())
      f.credit_limit.reset();
    else if (Result<int64_t> amount = parse_amount(*v, digits_of(f.currency)))
      f.credit_limit = amount.value();
    else
      problems.push_back({"--credit-limit", describe(amount.problems())});
  }
  for (const char* role : {"billing", "escalation"}) {
    std::string prefix = std::string("--") + role;
    auto name = args.option(prefix + "-name"), email = args.option(prefix + "-email"),
         phone = args.option(prefix + "-phone");
    if (!name && !email && !phone) continue;
    Contact* existing = nullptr;
    for (Contact& c : f.contacts)
      if (c.role == role) existing = &c;
    if (!existing) existing = &f.contacts.emplace_back(Contact{role, "", "", ""});
    if (name) existing->name = *name;
    if (email) existing->email = *email;
    if (phone) existing->phone = *phone;
  }
  return problems;
}

Table customer_table(const std::vector<Customer>& customers) {
  Table t{{"id", "name", "currency", "terms", "credit_limit", "status", "billing_contact", "billing_email"},
          {},
          {true, false, false, false, true}};
  for (const Customer& c : customers) {
    const CustomerFields& f = c.fields;
    std::string contact, email;
    for (const Contact& k : f.contacts)
      if (k.role == "billing") contact = k.name, email = k.email;
    t.rows.push_back({std::to_string(c.id), f.name, f.currency, f.terms,
                      f.credit_limit ? format_amount(*f.credit_limit, digits_of(f.currency)) : "",
                      to_string(f.status), contact, email});
  }
  return t;
}

int add(Context& ctx, Args& args) {
  CustomerFields f;
  std::optional<std::string> currency = args.option("--currency"), terms = args.option("--terms");
  Problems problems = take_fields(args, f);
  if (auto name = args.positional()) f.name = *name;
  if (int rc = ctx.leftover(args)) return rc;
  if (!problems.empty()) return ctx.rejected(problems);
  Ledger* ledger = ctx.ledger();
  if (!ledger) return kIoError;
  // Without --currency or --terms, the company's defaults (settings set), when it saved any.
  if (std::optional<CompanyDefaults> d = saved_company_defaults(ledger->db())) {
    f.currency = d->currency;
    f.terms = d->terms;
  }
  if (currency) f.currency = *currency;
  if (terms) f.terms = *terms;
  Result<ActionOutcome> r = ledger->execute(AddCustomer{f});
  if (!r) return ctx.rejected(r.problems());
  ctx.out << "Added customer #" << r->created_id << " " << f.name << "\n";
  for (const Customer& c : similar_customers(ledger->db(), f.name, r->created_id))
    ctx.err << "duebook: note: \"" << f.name << "\" looks like customer #" << c.id << " \"" << c.fields.name
            << "\"; check they are not one customer\n";
  return kOk;
}

int list_customers_cmd(Context& ctx, Args& args) {
  std::string search = args.option("--search").value_or("");
  int64_t limit = std::atoll(args.option("--limit").value_or("1000000").c_str());
  int64_t offset = std::atoll(args.option("--offset").value_or("0").c_str());
  if (int rc = ctx.leftover(args)) return rc;
  Ledger* ledger = ctx.ledger();
  if (!ledger) return kIoError;
  ctx.print(customer_table(list_customers(ledger->db(), {search, offset, limit})));
  return kOk;
}

// The customers list as the workbench shows it: balance, overdue, days late and standing as of a day, sorted
// by any of them. --explain prints how SQLite runs the query instead (which index it reads).
int accounts(Context& ctx, Args& args) {
  CustomerAccountQuery q;
  q.search = args.option("--search").value_or("");
  const std::string sort = args.option("--sort").value_or("name");
  q.descending = args.flag("--desc");
  q.limit = std::atoll(args.option("--limit").value_or("50").c_str());
  q.offset = std::atoll(args.option("--offset").value_or("0").c_str());
  std::optional<std::string> as_of = args.option("--as-of");
  const bool explain = args.flag("--explain");
  if (int rc = ctx.leftover(args)) return rc;
  const std::pair<const char*, AccountSort> sorts[] = {{"name", AccountSort::Name},
                                                       {"balance", AccountSort::Balance},
                                                       {"overdue", AccountSort::Overdue},
                                                       {"days-late", AccountSort::DaysLate},
                                                       {"standing", AccountSort::Standing}};
  bool known = false;
  for (const auto& [name, value] : sorts)
    if (sort == name) q.sort = value, known = true;
  if (!known) return ctx.usage("--sort must be name, balance, overdue, days-late or standing");
  Result<Date> day = date_arg(ctx, as_of, "--as-of");
  if (!day) return ctx.rejected(day.problems());
  q.as_of = day.value();
  Ledger* ledger = ctx.ledger();
  if (!ledger) return kIoError;
  if (explain) {
    Table plan{{"step"}, {}, {false}};
    for (const std::string& step : customer_accounts_plan(ledger->db(), q)) plan.rows.push_back({step});
    ctx.print(plan);
    return kOk;
  }
  Table t{{"id", "name", "currency", "balance", "overdue", "days_late", "oldest_due", "unapplied", "invoices",
           "standing"},
          {},
          {true, false, false, true, true, true, false, true, true, false}};
  for (const CustomerAccount& a : list_customer_accounts(ledger->db(), q))
    t.rows.push_back({std::to_string(a.id), a.name, a.currency, money_text(a.balance, a.currency),
                      money_text(a.overdue, a.currency), std::to_string(a.days_late), a.oldest_due,
                      money_text(a.unapplied, a.currency), std::to_string(a.open_invoices),
                      to_string(a.standing)});
  ctx.print(t);
  return kOk;
}

// Everything that happened to one customer, newest first, with who recorded it and the event's hash prefix
// (the same timeline as the customer page). --explain prints how SQLite finds the events instead.
int timeline(Context& ctx, Args& args) {
  std::optional<std::string> key = args.positional();
  if (!key) return ctx.usage("customer timeline needs a customer id or name");
  const int64_t limit = std::atoll(args.option("--limit").value_or("500").c_str());
  const bool explain = args.flag("--explain");
  if (int rc = ctx.leftover(args)) return rc;
  Ledger* ledger = ctx.ledger();
  if (!ledger) return kIoError;
  std::optional<Customer> c = find_customer_arg(ledger->db(), *key);
  if (!c) return ctx.rejected({{"customer", "no customer \"" + *key + "\""}});
  if (explain) {
    Table plan{{"step"}, {}, {false}};
    for (const std::string& step : customer_timeline_plan(ledger->db(), c->id)) plan.rows.push_back({step});
    ctx.print(plan);
    return kOk;
  }
  Table t{{"date", "kind", "what", "by", "event"}, {}, {}};
  for (const TimelineEntry& e : customer_timeline(ledger->db(), c->id, limit))
    t.rows.push_back({e.date, e.kind, e.what, e.actor, e.hash_prefix});
  ctx.print(t);
  return kOk;
}

int show(Context& ctx, Args& args) {
  std::optional<std::string> key = args.positional();
  if (!key) return ctx.usage("customer show needs a customer id or name");
  if (int rc = ctx.leftover(args)) return rc;
  Ledger* ledger = ctx.ledger();
  if (!ledger) return kIoError;
  std::optional<Customer> c = find_customer_arg(ledger->db(), *key);
  if (!c) return ctx.rejected({{"customer", "no customer \"" + *key + "\""}});
  const CustomerFields& f = c->fields;
  Table t{{"field", "value"}, {}, {}};
  t.rows = {{"id", std::to_string(c->id)},
            {"name", f.name},
            {"currency", f.currency},
            {"terms", f.terms},
            {"credit_limit", f.credit_limit ? format_amount(*f.credit_limit, digits_of(f.currency)) : ""},
            {"status", to_string(f.status)},
            {"language", f.language},
            {"tax_id", f.tax_id},
            {"country", f.country},
            {"endpoint", f.endpoint},
            {"address", f.address},
            {"notes", f.notes}};
  for (const Contact& k : f.contacts)
    t.rows.push_back({k.role + "_contact", k.name + (k.email.empty() ? "" : " <" + k.email + ">") +
                                               (k.phone.empty() ? "" : " " + k.phone)});
  ctx.print(t);
  return kOk;
}

int edit_with(Context& ctx, Args& args, const std::optional<CustomerStatus>& forced_status) {
  std::optional<std::string> key = args.positional();
  if (!key) return ctx.usage("needs a customer id or name");
  Ledger* ledger = nullptr;
  CustomerFields f;
  Problems problems;
  std::optional<Customer> c;
  {
    ledger = ctx.ledger();
    if (!ledger) return kIoError;
    c = find_customer_arg(ledger->db(), *key);
    if (!c) return ctx.rejected({{"customer", "no customer \"" + *key + "\""}});
    f = c->fields;
    problems = take_fields(args, f);
  }
  if (forced_status) {
    bool release = args.flag("--release");
    f.status = release ? CustomerStatus::Active : *forced_status;
  }
  if (int rc = ctx.leftover(args)) return rc;
  if (!problems.empty()) return ctx.rejected(problems);
  Result<ActionOutcome> r = ledger->execute(EditCustomer{c->id, f});
  if (!r) return ctx.rejected(r.problems());
  ctx.out << r->label << "\n";
  return kOk;
}

// customer require-deposit ID|NAME --percent P: the customer's terms ask P % of each invoice on receipt.
int require_deposit(Context& ctx, Args& args) {
  std::optional<std::string> key = args.positional(), percent = args.option("--percent");
  if (int rc = ctx.leftover(args)) return rc;
  if (!key || !percent)
    return ctx.usage("customer require-deposit needs a customer id or name and --percent P");
  Ledger* ledger = ctx.ledger();
  if (!ledger) return kIoError;
  std::optional<Customer> c = find_customer_arg(ledger->db(), *key);
  if (!c) return ctx.rejected({{"customer", "no customer \"" + *key + "\""}});
  std::string text = *percent;
  if (!text.empty() && text.back() == '%') text.pop_back();
  Result<Decimal> p = parse_decimal(text);
  if (!p) return ctx.rejected({{"--percent", "\"" + *percent + "\" is not a percent"}});
  Result<ActionOutcome> r = ledger->execute(RequireDeposit{c->id, p.value()});
  if (!r) {
    Problems problems = r.problems();
    for (Problem& problem : problems)
      if (problem.where == "percent") problem.where = "--percent";
    return ctx.rejected(problems);
  }
  ctx.out << r->label << "\n";
  return kOk;
}

// customer language ID|NAME LANGUAGE: the language its messages and documents are written in (en, de, fr,
// es).
int set_language(Context& ctx, Args& args) {
  std::optional<std::string> key = args.positional(), code = args.positional();
  if (int rc = ctx.leftover(args)) return rc;
  if (!key || !code)
    return ctx.usage("customer language needs a customer id or name and a language (en, de, fr, es)");
  Result<Language> language = parse_language(*code);
  if (!language) return ctx.rejected(language.problems());
  Ledger* ledger = ctx.ledger();
  if (!ledger) return kIoError;
  std::optional<Customer> c = find_customer_arg(ledger->db(), *key);
  if (!c) return ctx.rejected({{"customer", "no customer \"" + *key + "\""}});
  Result<ActionOutcome> r = ledger->execute(SetCustomerLanguage{c->id, *language});
  if (!r) return ctx.rejected(r.problems());
  ctx.out << r->label << "\n";
  return kOk;
}

}  // namespace

const std::vector<Handler>& customer_handlers() {
  static const std::vector<Handler> handlers = {
      {"customer", "add",
       "add a customer: NAME (or --name N) "
       "[--currency C] [--terms T] [--credit-limit A] [--status active|hold|cod] [--address TEXT] [--tax-id "
       "ID] [--country CC] [--endpoint SCHEME:ID] [--notes TEXT] [--language en|de|fr|es] [--billing-name N] "
       "[--billing-email E] [--billing-phone "
       "P] [--escalation-name N] "
       "[--escalation-email E] [--escalation-phone P]",
       add},
      {"customer", "list", "list customers [--search TEXT] [--limit N] [--offset N]", list_customers_cmd},
      {"customer", "accounts",
       "balance, overdue, days late and standing per customer --as-of DATE [--sort name|balance|overdue|"
       "days-late|standing] [--desc] [--search TEXT] [--limit N] [--offset N] [--explain]",
       accounts},
      {"customer", "timeline",
       "everything that happened to a customer, newest first: ID|NAME [--limit N] "
       "[--explain]",
       timeline},
      {"customer", "show", "one customer's details: ID|NAME", show},
      {"customer", "edit",
       "change a customer (only the options given): ID|NAME [--name N] "
       "[--currency C] [--terms T] [--credit-limit A] [--status active|hold|cod] [--address TEXT] [--tax-id "
       "ID] [--country CC] [--endpoint SCHEME:ID] [--notes TEXT] [--language en|de|fr|es] [--billing-name N] "
       "[--billing-email E] [--billing-phone "
       "P] [--escalation-name N] "
       "[--escalation-email E] [--escalation-phone P]",
       [](Context& c, Args& a) { return edit_with(c, a, std::nullopt); }},
      {"customer", "require-deposit",
       "ask a share of every new invoice on receipt (a slow payer's remedy): ID|NAME --percent P (0 = stop)",
       require_deposit},
      {"customer", "language",
       "write a customer's messages and documents in a language: ID|NAME en|de|fr|es (English, Deutsch, "
       "Fran\xC3\xA7"
       "ais, Espa\xC3\xB1"
       "ol)",
       set_language},
      {"customer", "hold", "put a customer on credit hold: ID|NAME [--release]",
       [](Context& c, Args& a) { return edit_with(c, a, CustomerStatus::CreditHold); }},
  };
  return handlers;
}

}  // namespace duebook::cli

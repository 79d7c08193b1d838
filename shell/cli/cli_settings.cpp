// CLI commands for the company's defaults and the reference rates: settings show | set, rate list | add.
#include "cli.h"
#include "cli_collections.h"
#include "collections/company_defaults.h"

namespace duebook::cli {
namespace {

int settings_show(Context& ctx, Args& args) {
  if (int rc = ctx.leftover(args)) return rc;
  Ledger* ledger = ctx.ledger();
  if (!ledger) return kIoError;
  const CompanyDefaults d = company_defaults(ledger->db());
  const std::optional<PolicyRecord> policy = find_policy(ledger->db(), d.policy_id);
  Result<Date> today = date_arg(ctx, std::nullopt, "");
  const NextNumbers next = next_numbers(ledger->db(), today ? today.value().y : 2026);
  Table t{{"setting", "value"}, {}, {}};
  t.rows = {{"country", d.country},
            {"currency", d.currency},
            {"terms", d.terms},
            {"invoice_series", d.invoice_series},
            {"next_invoice", next.invoice},
            {"credit_note_series", d.credit_note_series},
            {"next_credit_note", next.credit_note},
            {"interest_policy", d.interest_policy},
            {"collections_policy", policy ? policy->policy.name : "#" + std::to_string(d.policy_id)}};
  ctx.print(t);
  return kOk;
}

int settings_set(Context& ctx, Args& args) {
  std::optional<std::string> country = args.option("--country");
  const bool from_country = args.flag("--country-defaults");
  std::optional<std::string> currency = args.option("--currency"), terms = args.option("--terms");
  std::optional<std::string> invoice_series = args.option("--invoice-series");
  std::optional<std::string> credit_note_series = args.option("--credit-note-series");
  std::optional<std::string> policy = args.option("--interest-policy");
  std::optional<std::string> collections = args.option("--collections-policy");
  if (int rc = ctx.leftover(args)) return rc;
  if (from_country && !country) return ctx.usage("--country-defaults needs --country");
  Ledger* ledger = ctx.ledger();
  if (!ledger) return kIoError;
  CompanyDefaults d = company_defaults(ledger->db());
  if (from_country) {
    CompanyDefaults given = defaults_for_country(*country);
    if (given.country.empty())
      return ctx.rejected(
          {{"--country", "\"" + *country + "\" is not a country Duebook knows (ISO 3166 code)"}});
    given.invoice_series = d.invoice_series;  // the numbering stays as it is
    given.credit_note_series = d.credit_note_series;
    d = given;
  } else if (country) {
    d.country = *country;
  }
  if (currency) d.currency = *currency;
  if (terms) d.terms = *terms;
  if (invoice_series) d.invoice_series = *invoice_series;
  if (credit_note_series) d.credit_note_series = *credit_note_series;
  if (policy) d.interest_policy = *policy;
  SetCompanyDefaults command{d, std::nullopt};
  if (from_country && !collections) {
    command.new_policy = country_policy(*country);  // the country's own ladder, where it has one
  } else if (collections) {
    std::optional<PolicyRecord> chosen;
    for (const PolicyRecord& p : list_policies(ledger->db()))
      if (p.policy.name == *collections || std::to_string(p.id) == *collections) chosen = p;
    if (!chosen)
      return ctx.rejected(
          {{"--collections-policy", "no policy \"" + *collections + "\" (duebook policy list)"}});
    command.defaults.policy_id = chosen->id;
  }
  return execute_and_report(ctx, *ledger, command,
                            {{"country", "--country"},
                             {"currency", "--currency"},
                             {"terms", "--terms"},
                             {"invoice_series", "--invoice-series"},
                             {"credit_note_series", "--credit-note-series"},
                             {"interest_policy", "--interest-policy"},
                             {"policy_id", "--collections-policy"},
                             {"policy", "--country-defaults"}});
}

int rate_list(Context& ctx, Args& args) {
  std::optional<std::string> which = args.option("--table");
  if (int rc = ctx.leftover(args)) return rc;
  if (which && *which != "boe" && *which != "ecb") return ctx.usage("--table must be boe or ecb");
  Ledger* ledger = ctx.ledger();
  if (!ledger) return kIoError;
  const ReferenceRates rates = ledger_reference_rates(ledger->db());
  Table t{{"table", "effective", "rate_percent"}, {}, {false, false, true}};
  for (auto [name, history] : {std::pair{"boe", &rates.boe_bank_rate}, std::pair{"ecb", &rates.ecb_mro}}) {
    if (which && *which != name) continue;
    for (const RateChange& c : history->changes)
      t.rows.push_back({name, to_iso(c.effective), to_string(c.rate_percent)});
  }
  ctx.print(t);
  return kOk;
}

int rate_add(Context& ctx, Args& args) {
  std::optional<std::string> table = args.option("--table"), from = args.option("--from");
  std::optional<std::string> rate = args.option("--rate");
  if (int rc = ctx.leftover(args)) return rc;
  if (!table || !from || !rate) return ctx.usage("rate add needs --table boe|ecb --from DATE --rate PERCENT");
  Result<Date> day = date_arg(ctx, from, "--from");
  if (!day) return ctx.rejected(day.problems());
  Ledger* ledger = ctx.ledger();
  if (!ledger) return kIoError;
  return execute_and_report(ctx, *ledger, AddReferenceRate{*table, day.value(), *rate},
                            {{"table", "--table"}, {"effective", "--from"}, {"rate", "--rate"}});
}

}  // namespace

const std::vector<Handler>& settings_handlers() {
  static const std::vector<Handler> handlers = {
      {"settings", "show", "the company's defaults and the next invoice and credit-note numbers",
       settings_show},
      {"settings", "set",
       "change the company's defaults (only the options given): [--country CC] [--country-defaults] "
       "[--currency C] [--terms T] [--invoice-series S] [--credit-note-series S] "
       "[--interest-policy contract:R|uk-late-payment|eu-late-payment] [--collections-policy ID|NAME]; "
       "--country-defaults takes the country's currency, terms and interest policy, and its collections "
       "policy where it has one (GB, NO)",
       settings_set},
      {"rate", "list", "the reference rates in force, bundled and added: [--table boe|ecb]", rate_list},
      {"rate", "add",
       "add a central bank's new rate, applied from its day on: --table boe|ecb --from DATE --rate PERCENT",
       rate_add},
  };
  return handlers;
}

}  // namespace duebook::cli

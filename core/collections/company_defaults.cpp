#include "collections/company_defaults.h"

#include <algorithm>
#include <cctype>

#include "base/currencies.h"
#include "base/text.h"
#include "collections/collections.h"
#include "collections/collections_plans.h"
#include "collections/collections_queries.h"
#include "collections/interest.h"
#include "customers/terms.h"
#include "invoicing/receivables.h"

namespace duebook {
namespace {

// The countries the first-run screen offers. Sources:
//  - EU membership: the 27 member states (europa.eu, "EU countries"); Directive 2011/7/EU binds each of them.
//  - Currencies: ISO 4217 List One. Bulgaria adopted the euro on 1 January 2026 (Council Decision (EU)
//    2025/1407), Croatia on 1 January 2023; Czechia, Denmark, Hungary, Poland, Romania and Sweden keep their
//    own.
const std::vector<CountryProfile> kCountries = {
    {"AU", "Australia", "AUD"},       {"AT", "Austria", "EUR", true},
    {"BE", "Belgium", "EUR", true},   {"BG", "Bulgaria", "EUR", true},
    {"CA", "Canada", "CAD"},          {"HR", "Croatia", "EUR", true},
    {"CY", "Cyprus", "EUR", true},    {"CZ", "Czechia", "CZK", true},
    {"DK", "Denmark", "DKK", true},   {"EE", "Estonia", "EUR", true},
    {"FI", "Finland", "EUR", true},   {"FR", "France", "EUR", true},
    {"DE", "Germany", "EUR", true},   {"GR", "Greece", "EUR", true},
    {"HU", "Hungary", "HUF", true},   {"IN", "India", "INR"},
    {"IE", "Ireland", "EUR", true},   {"IT", "Italy", "EUR", true},
    {"JP", "Japan", "JPY"},           {"LV", "Latvia", "EUR", true},
    {"LT", "Lithuania", "EUR", true}, {"LU", "Luxembourg", "EUR", true},
    {"MT", "Malta", "EUR", true},     {"NL", "Netherlands", "EUR", true},
    {"NZ", "New Zealand", "NZD"},     {"NO", "Norway", "NOK"},
    {"PL", "Poland", "PLN", true},    {"PT", "Portugal", "EUR", true},
    {"RO", "Romania", "RON", true},   {"SG", "Singapore", "SGD"},
    {"SK", "Slovakia", "EUR", true},  {"SI", "Slovenia", "EUR", true},
    {"ZA", "South Africa", "ZAR"},    {"ES", "Spain", "EUR", true},
    {"SE", "Sweden", "SEK", true},    {"CH", "Switzerland", "CHF"},
    {"GB", "United Kingdom", "GBP"},  {"US", "United States", "USD"},
};

constexpr const char* kDefaultsKey = "defaults";
constexpr std::string_view kRatePrefix = "rate:";

std::string upper(std::string text) {
  for (char& c : text) c = char(std::toupper(static_cast<unsigned char>(c)));
  return text;
}

Json defaults_to_json(const CompanyDefaults& d) {
  Json j = {{"country", d.country},
            {"currency", d.currency},
            {"terms", d.terms},
            {"invoice_series", d.invoice_series},
            {"credit_note_series", d.credit_note_series},
            {"interest_policy", d.interest_policy}};
  // Only when chosen, so that the payloads of a business on the built-in policy stay as they were.
  if (d.policy_id != 0) j["policy_id"] = d.policy_id;
  return j;
}

// The built-in Standard ladder, named `name`, ending in a final notice on day `final_notice_day` after the
// due date that gives `final_days` to pay, and the agency on day `agency_day`.
PolicyRecord ladder_with_final_notice(const std::string& name, int final_notice_day, int final_days,
                                      int agency_day) {
  PolicyRecord r = default_policy_record();
  r.policy.name = name;
  std::vector<CollectionStep>& steps = r.policy.steps;
  steps.erase(std::remove_if(steps.begin(), steps.end(),
                             [](const CollectionStep& s) { return s.action == StepAction::HandToAgency; }),
              steps.end());
  CollectionStep notice{final_notice_day, StepAction::FinalNotice, "final_notice", false, true};
  notice.payment_deadline_days = final_days;
  steps.push_back(notice);
  steps.push_back({agency_day, StepAction::HandToAgency, "agency_notice", false, true});
  return r;
}

// The saved defaults as stored, or null.
Json stored_defaults(Db& db) {
  Statement& st = db.prepare("SELECT value FROM collection_settings WHERE key = ?1");
  st.bind_all(std::string(kDefaultsKey));
  Json out = st.step() ? Json::parse(st.text(0), nullptr, false) : Json();
  st.reset();
  return out;
}

bool is_series(const std::string& s) {
  return !s.empty() && s.size() <= 12 &&
         std::all_of(s.begin(), s.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)); });
}

// Normalizes `d` in place; the problems found, by field.
Problems check_defaults(CompanyDefaults& d) {
  Problems problems;
  d.country = upper(trimmed(d.country));
  d.currency = upper(trimmed(d.currency));
  d.invoice_series = trimmed(d.invoice_series);
  d.credit_note_series = trimmed(d.credit_note_series);
  if (!d.country.empty() && !find_country(d.country))
    problems.push_back({"country", "\"" + d.country + "\" is not a country Duebook knows (ISO 3166 code)"});
  if (!is_known_currency(d.currency))
    problems.push_back({"currency", "\"" + d.currency + "\" is not an ISO 4217 currency code"});
  if (Result<PaymentTerms> terms = parse_terms(d.terms))
    d.terms = to_string(terms.value());
  else
    problems.push_back({"terms", terms.problems()[0].message});
  for (auto [series, field] : {std::pair{&d.invoice_series, "invoice_series"},
                               std::pair{&d.credit_note_series, "credit_note_series"}})
    if (!is_series(*series))
      problems.push_back({field, "a number series is 1 to 12 letters or digits, like INV"});
  if (Result<InterestPolicy> policy = parse_interest_policy(d.interest_policy))
    d.interest_policy = to_string(policy.value());
  else
    problems.push_back({"interest_policy", policy.problems()[0].message});
  return problems;
}

Status apply_defaults_set(Db& db, const Event&, const Json& p) {
  return db
      .prepare(
          "INSERT INTO collection_settings(key, value) VALUES (?1, ?2) "
          "ON CONFLICT(key) DO UPDATE SET value = ?2")
      .bind_all(std::string(kDefaultsKey), to_payload(p["after"]))
      .run();
}

std::string rate_key(const Json& p) {
  return std::string(kRatePrefix) + p["table"].get<std::string>() + ":" + p["effective"].get<std::string>();
}

Status apply_rate(Db& db, const Json& p, bool removed) {
  if (removed)
    return db.prepare("DELETE FROM collection_settings WHERE key = ?1").bind_all(rate_key(p)).run();
  return db.prepare("INSERT INTO collection_settings(key, value) VALUES (?1, ?2)")
      .bind_all(rate_key(p), p["rate"].get<std::string>())
      .run();
}

}  // namespace

const std::vector<CountryProfile>& known_countries() {
  return kCountries;
}

std::optional<CountryProfile> find_country(std::string_view code) {
  const std::string wanted = upper(std::string(code));
  for (const CountryProfile& c : kCountries)
    if (wanted == c.code) return c;
  return std::nullopt;
}

CompanyDefaults defaults_for_country(std::string_view country) {
  CompanyDefaults d;
  std::optional<CountryProfile> c = find_country(country);
  if (!c) return d;
  d.country = c->code;
  d.currency = c->currency;
  // Net 30: the period after which interest runs when the contract fixes none — UK Late Payment of
  // Commercial Debts (Interest) Act 1998 s.4(5); Directive 2011/7/EU Art. 3(3)(b) — and common practice
  // elsewhere.
  d.terms = "Net 30";
  if (d.country == std::string("GB"))
    d.interest_policy = "uk-late-payment";  // the Act applies to business-to-business debts in the UK
  else if (c->eu)
    d.interest_policy = "eu-late-payment";  // Directive 2011/7/EU Art. 3 and 4, as transposed
  else
    d.interest_policy = "contract:8";  // no statutory rule known here: a contract rate, 8 % to start with
  return d;
}

std::optional<PolicyRecord> country_policy(std::string_view country) {
  const std::string code = upper(std::string(country));
  // GB: the Practice Direction on Pre-Action Conduct and the Pre-Action Protocol for Debt Claims (in force 1
  // October 2017) ask for a Letter of Claim before a claim, to which the debtor "should reply within 30 days"
  // (protocol §3.1, §5.1; it binds claims against individuals and sole traders, and is the courts' measure of
  // reasonable conduct towards a business). The final notice is that letter: 30 days, then the agency.
  if (code == "GB") return ladder_with_final_notice("United Kingdom (letter of claim, 30 days)", 75, 30, 106);
  // NO: inkassoloven §9 — collection may start only 14 days after a written payment reminder
  // (betalingsoppfordring) was sent. The final notice is that reminder: 14 days, then the agency.
  if (code == "NO") return ladder_with_final_notice("Norway (inkassoloven §9, 14 days)", 75, 14, 90);
  return std::nullopt;
}

CompanyDefaults company_defaults(Db& db) {
  return saved_company_defaults(db).value_or(CompanyDefaults{});
}

std::optional<CompanyDefaults> saved_company_defaults(Db& db) {
  CompanyDefaults d;
  Json j = stored_defaults(db);
  if (!j.is_object()) return std::nullopt;
  d.country = j.value("country", d.country);
  d.currency = j.value("currency", d.currency);
  d.terms = j.value("terms", d.terms);
  d.invoice_series = j.value("invoice_series", d.invoice_series);
  d.credit_note_series = j.value("credit_note_series", d.credit_note_series);
  d.interest_policy = j.value("interest_policy", d.interest_policy);
  d.policy_id = j.value("policy_id", d.policy_id);
  return d;
}

NextNumbers next_numbers(Db& db, int year) {
  CompanyDefaults d = company_defaults(db);
  return {next_series_number(db, "invoice", d.invoice_series, year).number,
          next_series_number(db, "credit_note", d.credit_note_series, year).number};
}

Result<Plan> plan_command(Db& db, const SetCompanyDefaults& command) {
  CompanyDefaults d = command.defaults;
  Problems problems = check_defaults(d);
  std::optional<Plan> saved_policy;
  // The same policy saved before (the country's defaults chosen again) is used as it is.
  std::optional<int64_t> same;
  if (command.new_policy)
    for (const PolicyRecord& saved : list_policies(db))
      if (saved.id != 0 && policy_record_to_json(saved) == policy_record_to_json(*command.new_policy))
        same = saved.id;
  if (same) {
    d.policy_id = *same;
  } else if (command.new_policy) {
    Result<Plan> p = plan_command(db, SavePolicy{0, policy_record_to_json(*command.new_policy)});
    if (!p) {
      problems.insert(problems.end(), p.problems().begin(), p.problems().end());
    } else {
      saved_policy = std::move(p).value();
      d.policy_id = saved_policy->created_id;
    }
  } else if (d.policy_id != 0 && !find_policy(db, d.policy_id)) {
    problems.push_back({"policy_id", "no saved policy #" + std::to_string(d.policy_id)});
  }
  if (!problems.empty()) return problems;
  Json before = stored_defaults(db), after = defaults_to_json(d);
  if (before.is_null()) before = defaults_to_json(CompanyDefaults{});
  if (before == after) return Problem{"", "nothing changed"};
  Plan plan = saved_policy ? std::move(*saved_policy) : Plan{};
  plan.created_id = 0;
  plan.label = "Set the company's defaults";
  add_to_plan(plan, {{"collections.defaults_set", {{"before", before}, {"after", after}}}});
  return plan;
}

Result<Plan> plan_command(Db& db, const AddReferenceRate& command) {
  Problems problems;
  const std::string table = trimmed(command.table);
  const bool boe = table == "boe", ecb = table == "ecb";
  if (!boe && !ecb) problems.push_back({"table", "\"" + table + "\" is not a rate table: boe or ecb"});
  check_date(problems, command.effective, "effective");
  Result<Decimal> rate = parse_decimal(command.rate);
  if (!rate || rate.value().scale > kMaxHistoryDecimals || compare(rate.value(), Decimal{100, 0}) > 0 ||
      compare(rate.value(), Decimal{-100, 0}) < 0)
    problems.push_back(
        {"rate", "\"" + command.rate + "\" is not a rate in percent a year (-100..100, at most 6 decimals)"});
  if (!problems.empty()) return problems;
  ReferenceRates rates = ledger_reference_rates(db);
  const RateHistory& history = boe ? rates.boe_bank_rate : rates.ecb_mro;
  if (!history.changes.empty() && !(history.changes.back().effective < command.effective))
    return Problem{"effective", "a new rate applies after the newest one (" +
                                    to_iso(history.changes.back().effective) +
                                    "): earlier days keep the rate they had"};
  Plan plan;
  plan.label = std::string("Add the ") + (boe ? "Bank of England" : "ECB") + " rate of " +
               to_string(rate.value()) + " % from " + to_iso(command.effective);
  add_to_plan(
      plan,
      {{"collections.rate_added",
        {{"table", table}, {"effective", to_iso(command.effective)}, {"rate", to_string(rate.value())}}}});
  return plan;
}

ReferenceRates ledger_reference_rates(Db& db) {
  ReferenceRates rates = builtin_reference_rates();
  Statement& st =
      db.prepare("SELECT key, value FROM collection_settings WHERE key LIKE 'rate:%' ORDER BY key");
  while (st.step()) {
    const std::string key = st.text(0);  // rate:<table>:<YYYY-MM-DD>
    const std::string table = key.substr(kRatePrefix.size(), 3);
    Result<Date> day = parse_date(key.substr(kRatePrefix.size() + 4));
    Result<Decimal> rate = parse_decimal(st.text(1));
    if (!day || !rate) continue;  // written by plan_command, which checked both
    (table == "boe" ? rates.boe_bank_rate : rates.ecb_mro).changes.push_back({day.value(), rate.value()});
  }
  st.reset();
  return rates;
}

const std::vector<Projector>& company_defaults_projectors() {
  static const std::vector<Projector> list = {
      {"collections.defaults_set", apply_defaults_set,
       [](const Event&, const Json& p) {
         return one_event("collections.defaults_set", {{"before", p["after"]}, {"after", p["before"]}});
       }},
      {"collections.rate_added", [](Db& db, const Event&, const Json& p) { return apply_rate(db, p, false); },
       [](const Event&, const Json& p) { return one_event("collections.rate_removed", p); }},
      {"collections.rate_removed",
       [](Db& db, const Event&, const Json& p) { return apply_rate(db, p, true); },
       [](const Event&, const Json& p) { return one_event("collections.rate_added", p); }},
  };
  return list;
}

}  // namespace duebook

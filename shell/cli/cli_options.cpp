// CLI: report options — the ways to collect selected invoices (wait with interest, an early-payment discount,
// factoring, an agency, and when asked installments and settling for less) side by side, computed by core
// (collections/options.h, options_endgame.h), as the workbench's Options compared shows them.
#include "cli_options.h"

#include <algorithm>
#include <ostream>

#include "cli_reports.h"
#include "collections/charges.h"
#include "collections/options.h"
#include "collections/options_endgame.h"
#include "collections/reference_rates.h"
#include "invoicing/invoice_queries.h"
#include "reports/ar_snapshot.h"

namespace duebook::cli {
namespace {

// "advance=80,fee=3" into (key, value) pairs; a bare "25" is the pair ("", "25").
std::vector<std::pair<std::string, std::string>> key_values(const std::string& text) {
  std::vector<std::pair<std::string, std::string>> out;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t comma = text.find(',', start);
    if (comma == std::string::npos) comma = text.size();
    std::string item = text.substr(start, comma - start);
    std::size_t eq = item.find('=');
    if (eq == std::string::npos)
      out.push_back({"", item});
    else
      out.push_back({item.substr(0, eq), item.substr(eq + 1)});
    start = comma + 1;
  }
  return out;
}

// A percent typed by the user; problems name `where`.
bool percent_arg(const std::string& text, const std::string& where, Decimal* out, Problems& problems) {
  std::string t = text;
  if (!t.empty() && t.back() == '%') t.pop_back();
  Result<Decimal> d = parse_decimal(t);
  if (!d) {
    problems.push_back({where, "\"" + text + "\" is not a number"});
    return false;
  }
  *out = d.value();
  return true;
}

// The option a CollectionTerms field is typed in.
std::string option_of(const std::string& where) {
  if (where.find("discount") != std::string::npos) return "--discount";
  if (where.find("interest") != std::string::npos) return "--interest";
  if (where.find("factoring") != std::string::npos) return "--factoring";
  if (where.find("agency") != std::string::npos) return "--agency";
  return where;
}

// Reads --factoring "advance=A,fee=F[,reserve=R]" into terms, the advance 80 % when not given; problems
// name the part.
void read_factoring_terms(const std::string& factoring, CollectionTerms& terms, Problems& problems) {
  bool advance_given = false, reserve_given = false;
  Decimal reserve;
  for (const auto& [key, value] : key_values(factoring)) {
    if (key == "advance")
      advance_given = percent_arg(value, "--factoring advance", &terms.factoring_advance_percent, problems);
    else if (key == "fee")
      percent_arg(value, "--factoring fee", &terms.factoring_fee_percent, problems);
    else if (key == "reserve")
      reserve_given = percent_arg(value, "--factoring reserve", &reserve, problems);
    else
      problems.push_back({"--factoring", "unknown part \"" + key + "\"; give advance=A,fee=F[,reserve=R]"});
  }
  if (!advance_given) terms.factoring_advance_percent = Decimal{80, 0};
  // The reserve is what the factor keeps back until the customer pays: the face value not advanced.
  Rational advance_and_reserve;
  if (reserve_given &&
      (!rational_add(rational(terms.factoring_advance_percent), rational(reserve), &advance_and_reserve) ||
       advance_and_reserve != rational(100)))
    problems.push_back(
        {"--factoring reserve", "must be 100 - advance: the factor pays the rest when the customer pays"});
}

// Reads --agency "COMMISSION" or "commission=C,success=S,days=D" into terms; problems name the part.
void read_agency_terms(const std::string& agency, CollectionTerms& terms, Problems& problems) {
  for (const auto& [key, value] : key_values(agency)) {
    if (key.empty() || key == "commission")
      percent_arg(value, "--agency", &terms.agency_commission_percent, problems);
    else if (key == "success")
      percent_arg(value, "--agency success", &terms.agency_success_percent, problems);
    else if (key == "days") {
      if (value.empty() || value.size() > 5 || value.find_first_not_of("0123456789") != std::string::npos)
        problems.push_back({"--agency days", "give a whole number of days"});
      else
        terms.agency_days = std::stoi(value);
    } else {
      problems.push_back(
          {"--agency", "unknown part \"" + key + "\"; give COMMISSION or commission=C,success=S,days=D"});
    }
  }
}

// Reads --installments "N[,start=D][,every=month|Kdays][,kept=P]" (start: a month after the as-of day);
// problems name the part.
InstallmentsTerms read_installments(const std::string& text, const Date& as_of, Problems& problems) {
  InstallmentsTerms plan;
  plan.first_due = add_months(as_of, 1);
  for (const auto& [key, value] : key_values(text)) {
    if (key.empty() || key == "count") {
      Result<int64_t> n = parse_amount(value, 0);
      plan.count = n && *n > 0 && *n <= 360 ? int(*n) : 0;
    } else if (key == "start") {
      if (Result<Date> d = parse_date(value))
        plan.first_due = *d;
      else
        problems.push_back({"--installments start", "give a date as YYYY-MM-DD"});
    } else if (key == "every") {
      if (value == "month") continue;
      Result<int64_t> days = parse_amount(value.substr(0, value.find("day")), 0);
      if (!days || *days < 1) problems.push_back({"--installments every", "give month or Kdays"});
      plan.spacing = InstallmentSpacing::EveryDays;
      plan.every_days = days ? int(*days) : 0;
    } else if (key == "kept") {
      percent_arg(value, "--installments kept", &plan.kept_percent, problems);
    } else {
      problems.push_back(
          {"--installments", "unknown part \"" + key + "\"; give N[,start=D][,every=E][,kept=P]"});
    }
  }
  return plan;
}

// The installments and settlement rows, when asked for, after the five of compare_collection_options.
Problems add_endgame_options(const std::optional<std::string>& installments,
                             const std::optional<std::string>& settle, const ArSnapshot& snap,
                             int32_t currency, const OverdueSelection& selection, const Date& as_of,
                             std::vector<OptionCost>& costs) {
  Problems problems;
  const Currency& cur = snap.labels.currencies[static_cast<std::size_t>(currency)];
  const int64_t wait = costs[0].expected_cash;
  if (installments) {
    InstallmentsTerms plan = read_installments(*installments, as_of, problems);
    if (!problems.empty()) return problems;
    Result<InstallmentsOption> option =
        installments_option(selection, parse_currency_code(cur.code).value(), plan, as_of, wait);
    if (!option) return under("--installments", option.problems());
    costs.push_back(option->cost);
  }
  if (settle) {
    Result<int64_t> accepted = parse_amount(*settle, cur.minor_digits);
    if (!accepted) return {{"--settle", "\"" + *settle + "\" is not an amount"}};
    Result<OptionCost> option = settlement_option(selection, *accepted, 365, wait);
    if (!option) return under("--settle", option.problems());
    costs.push_back(option.value());
  }
  return problems;
}

// The snapshot's indices of the invoices numbered in --invoices (-1 for one not found, with a problem), and
// in *numbers the numbers as typed.
std::vector<int32_t> chosen_invoices(Db& db, const ArSnapshot& snap, const std::string& invoices,
                                     std::vector<std::string>* numbers, Problems& problems) {
  std::vector<int32_t> chosen;
  for (const auto& [key, number] : key_values(invoices)) {
    const std::string name = key.empty() ? number : key + "=" + number;
    std::optional<int64_t> id = find_invoice_by_number(db, name);
    const int32_t index = id ? snap.invoice_index(*id) : -1;
    if (index < 0) problems.push_back({"--invoices", "no issued invoice \"" + name + "\""});
    chosen.push_back(index);
    numbers->push_back(name);
  }
  return chosen;
}

// The selection's problems ("invoices[i]...") as the user typed them: "--invoices NUMBER".
Problems selection_problems(const Problems& selection, const std::vector<std::string>& numbers) {
  Problems problems;
  for (const Problem& p : selection) {
    std::size_t open = p.where.find('['), close = p.where.find(']');
    std::string where = "--invoices";
    if (open != std::string::npos && close != std::string::npos) {
      const std::size_t i = std::stoul(p.where.substr(open + 1, close - open - 1));
      if (i < numbers.size()) where += " " + numbers[i];
    }
    problems.push_back({where, p.message});
  }
  return problems;
}

// The annual interest rate to compare with (option_interest_percent) for the earliest due date chosen.
// Problems name --interest.
Result<Decimal> interest_percent(const InterestPolicy& policy, const ArSnapshot& snap,
                                 const std::vector<int32_t>& chosen, const Date& as_of) {
  int32_t due = INT32_MAX;
  for (int32_t i : chosen) due = std::min(due, snap.ledger.invoices[static_cast<std::size_t>(i)].due_day);
  Result<Decimal> rate =
      option_interest_percent(policy, civil_from_days(due), as_of, builtin_reference_rates());
  if (!rate) return under("--interest", rate.problems());
  return rate;
}

// Prints the selection (in a table) and what each option costs, in the chosen invoices' currency.
void print_options(Context& ctx, const ArSnapshot& snap, const std::vector<int32_t>& chosen,
                   const OverdueSelection& selection, const std::vector<OptionCost>& costs) {
  const int32_t currency = snap.ledger.invoices[static_cast<std::size_t>(chosen[0])].currency;
  const Currency& cur = snap.labels.currencies[static_cast<std::size_t>(currency)];
  if (ctx.format == "table")
    ctx.out << "Selection: " << chosen.size() << " invoice(s), " << amount(selection.face, cur) << " "
            << cur.code << " open, paid with probability " << format_percent(selection.wait_probability, 2)
            << " % in " << format_rational(selection.wait_days, 1) << " days if we wait\n";
  Table t{{"option", "currency", "cash_today", "expected_cash", "versus_waiting", "expected_days",
           "annual_cost_percent"},
          {},
          {false, false, true, true, true, true, true}};
  for (const OptionCost& o : costs)
    t.rows.push_back({to_string(o.option), cur.code, amount(o.cash_today, cur), amount(o.expected_cash, cur),
                      amount(o.versus_waiting, cur), format_rational(o.expected_days, 1),
                      o.annual_cost_percent});
  ctx.print(t);
}

}  // namespace

int options_report(Context& ctx, Args& args) {
  std::optional<std::string> invoices = args.option("--invoices"), as_of = args.option("--as-of");
  std::string discount = args.option("--discount").value_or("2");
  std::string interest = args.option("--interest").value_or("contract:8");
  std::string factoring = args.option("--factoring").value_or("advance=80,fee=3");
  std::string agency = args.option("--agency").value_or("25");
  std::optional<std::string> installments = args.option("--installments"), settle = args.option("--settle");
  if (int rc = ctx.leftover(args)) return rc;
  if (!invoices) return ctx.usage("report options needs --invoices NUMBER[,NUMBER...]");
  Problems problems;
  ForecastOptions forecast_options;
  if (auto d = value_or_problem(date_arg(ctx, as_of, "--as-of"), problems))
    forecast_options.as_of = d.value();
  CollectionTerms terms;
  terms.agency_success_percent = Decimal{60, 0};
  percent_arg(discount, "--discount", &terms.discount_percent, problems);
  std::optional<InterestPolicy> policy =
      value_or_problem(parse_interest_policy(interest), problems, "--interest");
  read_factoring_terms(factoring, terms, problems);
  read_agency_terms(agency, terms, problems);
  if (!problems.empty()) return ctx.rejected(problems);

  std::unique_ptr<ArSnapshot> snap = snapshot(ctx, true);
  if (!snap) return kIoError;
  std::vector<std::string> numbers;
  const std::vector<int32_t> chosen =
      chosen_invoices(ctx.ledger()->db(), *snap, *invoices, &numbers, problems);
  if (!problems.empty()) return ctx.rejected(problems);
  Result<OverdueSelection> selection = overdue_selection(snap->ledger, chosen, forecast_options);
  if (!selection) return ctx.rejected(selection_problems(selection.problems(), numbers));
  Result<Decimal> rate = interest_percent(*policy, *snap, chosen, forecast_options.as_of);
  if (!rate) return ctx.rejected(rate.problems());
  terms.interest_annual_percent = rate.value();
  Result<std::vector<OptionCost>> costs = compare_collection_options(*selection, terms);
  if (!costs) {
    for (const Problem& p : costs.problems()) problems.push_back({option_of(p.where), p.message});
    return ctx.rejected(problems);
  }
  const int32_t currency = snap->ledger.invoices[static_cast<std::size_t>(chosen[0])].currency;
  Problems endgame = add_endgame_options(installments, settle, *snap, currency, *selection,
                                         forecast_options.as_of, costs.value());
  if (!endgame.empty()) return ctx.rejected(endgame);
  print_options(ctx, *snap, chosen, *selection, *costs);
  return kOk;
}

}  // namespace duebook::cli

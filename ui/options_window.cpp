#include "options_window.h"

#include <imgui.h>
#include <misc/cpp/imgui_stdlib.h>

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>

#include "base/currencies.h"
#include "chart.h"
#include "collections/reference_rates.h"
#include "queries_view.h"
#include "reports/ar_snapshot.h"
#include "test_hook.h"
#include "widgets.h"

namespace duebook::ui {
namespace {

// The seven options: their index in state.costs, in the order the table shows them (the baseline first,
// then from least to most drastic).
constexpr int kWait = 0, kDiscount = 1, kInterest = 2, kFactoring = 3, kAgency = 4, kInstallments = 5,
              kSettlement = 6, kOptions = 7;
constexpr int kShown[kOptions] = {kWait,      kInterest, kDiscount,  kInstallments,
                                  kFactoring, kAgency,   kSettlement};

const char* title(int option) {
  static const char* titles[kOptions] = {"Wait",   "Offer a discount", "Charge interest", "Factor",
                                         "Agency", "Installments",     "Settle for less"};
  return titles[option];
}

// One line saying what the option is.
std::string explanation(int option, const OptionsAssumptions& t) {
  switch (option) {
    case kWait:
      return "Keep chasing; they pay as their payment history says.";
    case kInterest:
      return "Wait, and charge late-payment interest until they pay.";
    case kDiscount:
      return "Take " + t.discount + " % off if they pay today.";
    case kInstallments:
      return "Spread the debt over " + t.installments + " monthly payments.";
    case kFactoring:
      return "Sell the invoices: the advance less the fee today, the rest when they pay the factor.";
    case kAgency:
      return "Hand the debt to an agency that keeps a commission of what it collects.";
    default:
      return "Accept less today in full and final settlement; write off the rest.";
  }
}

// The option a problem's field belongs to.
int option_of(const std::string& where) {
  if (where.find("discount") != std::string::npos) return kDiscount;
  if (where.find("interest") != std::string::npos) return kInterest;
  if (where.find("factoring") != std::string::npos) return kFactoring;
  if (where.find("agency") != std::string::npos) return kAgency;
  if (where.rfind("plan.", 0) == 0 || where.find("kept") != std::string::npos ||
      where.find("first_due") != std::string::npos)
    return kInstallments;
  if (where.find("accepted") != std::string::npos) return kSettlement;
  return kWait;
}

// Whether an option's figures stand: nothing it depends on is out of range (the last five need waiting's).
bool option_valid(const OptionsWindowState& s, int option) {
  if (s.costs.size() != std::size_t(kOptions)) return false;
  for (const Problem& p : s.problems) {
    const int of = option_of(p.where);
    if (of == option || of < kInstallments) return false;
  }
  return true;
}

void refresh_selection(Queries& queries, OptionsWindowState& s, const CollectContext& ctx) {
  std::string key = std::to_string(queries.revision()) + "|" + to_iso(ctx.today);
  for (const CollectionInvoice& inv : ctx.invoices) key += "|" + std::to_string(inv.id);
  if (key == s.selection_key) return;
  s.selection_key = key;
  s.terms_key.clear();
  s.selection.reset();
  s.selection_error.clear();
  if (ctx.invoices.empty()) {
    s.selection_error = "Choose at least one open invoice above.";
    return;
  }
  ArSnapshotOptions options;
  options.invoice_numbers = false;
  Result<ArSnapshot> snap = load_ar_snapshot(queries.db(), options);
  if (!snap) {
    s.selection_error = describe(snap.problems());
    return;
  }
  std::vector<int32_t> chosen;
  int32_t due = INT32_MAX;
  for (const CollectionInvoice& inv : ctx.invoices) {
    chosen.push_back(snap->invoice_index(inv.id));
    if (chosen.back() >= 0) due = std::min(due, snap->ledger.invoices[std::size_t(chosen.back())].due_day);
  }
  ForecastOptions forecast;
  forecast.as_of = ctx.today;
  Result<OverdueSelection> selection = overdue_selection(snap->ledger, chosen, forecast);
  if (!selection) {
    s.selection_error = describe(selection.problems());
    return;
  }
  s.selection = selection.value();
  s.earliest_due = civil_from_days(due);
}

// A typed percent into `out`; a problem naming `where` when it is not a number.
void percent(const std::string& text, const char* where, Decimal* out, Problems& problems) {
  Result<Decimal> d = parse_decimal(text);
  if (d)
    *out = d.value();
  else
    problems.push_back({where, "\"" + text + "\" is not a number"});
}

// Works the seven options out again when the selection or an assumption changed.
void compare(OptionsWindowState& s, const CollectContext& ctx) {
  const OptionsAssumptions& t = s.typed;
  const std::string key = s.selection_key + "|" + options_policy_text(t) + "|" + t.discount + "|" +
                          t.advance + "|" + t.fee + "|" + t.commission + "|" + t.success + "|" +
                          t.agency_days + "|" + t.installments + "|" + t.first_due + "|" + t.kept + "|" +
                          t.settle;
  if (key == s.terms_key || !s.selection) return;
  s.terms_key = key;
  s.costs.assign(kOptions, OptionCost{});
  s.installments.clear();
  s.problems.clear();
  s.cheapest = -1;
  s.interest_percent.clear();
  Problems problems;
  CollectionTerms terms;
  percent(t.discount, "terms.discount_percent", &terms.discount_percent, problems);
  percent(t.advance, "terms.factoring_advance_percent", &terms.factoring_advance_percent, problems);
  percent(t.fee, "terms.factoring_fee_percent", &terms.factoring_fee_percent, problems);
  percent(t.commission, "terms.agency_commission_percent", &terms.agency_commission_percent, problems);
  percent(t.success, "terms.agency_success_percent", &terms.agency_success_percent, problems);
  Result<int64_t> days = parse_amount(t.agency_days, 0);
  if (days && *days >= 0 && *days <= 3650)
    terms.agency_days = int32_t(*days);
  else
    problems.push_back({"terms.agency_days", "give a whole number of days (0..3650)"});
  Result<InterestPolicy> policy = parse_interest_policy(options_policy_text(t));
  Result<Decimal> rate =
      policy ? option_interest_percent(*policy, s.earliest_due, ctx.today, builtin_reference_rates())
             : Result<Decimal>(policy.problems());
  if (rate) {
    terms.interest_annual_percent = rate.value();
    s.interest_percent = to_string(rate.value());
  } else {
    for (const Problem& p : rate.problems()) problems.push_back({"terms.interest_annual_percent", p.message});
  }
  if (problems.empty()) {
    Result<std::vector<OptionCost>> five = compare_collection_options(*s.selection, terms);
    if (five)
      std::copy(five->begin(), five->end(), s.costs.begin());
    else
      problems = five.problems();
  }
  const int64_t wait_expected = s.costs[kWait].expected_cash;
  InstallmentsTerms plan;
  Result<int64_t> count = parse_amount(t.installments, 0);
  plan.count = count && *count > 0 && *count <= 360 ? int(*count) : 0;
  Result<Date> first = read_date(t.first_due);
  plan.first_due = t.first_due.empty() ? add_months(ctx.today, 1) : first ? first.value() : Date{};
  if (!t.first_due.empty() && !first) problems.push_back({"terms.first_due", first.problems()[0].message});
  percent(t.kept, "terms.kept_percent", &plan.kept_percent, problems);
  if (Result<CurrencyCode> cur = parse_currency_code(ctx.currency); cur && (t.first_due.empty() || first)) {
    Result<InstallmentsOption> option =
        installments_option(*s.selection, *cur, plan, ctx.today, wait_expected);
    if (option) {
      s.costs[kInstallments] = option->cost;
      s.installments = option->installments;
    } else {
      problems.insert(problems.end(), option.problems().begin(), option.problems().end());
    }
  }
  const int digits = currency_digits(ctx.currency);
  Result<int64_t> accepted =
      t.settle.empty() ? Result<int64_t>(s.selection->face * 7 / 10) : read_amount(t.settle, digits);
  if (!accepted) problems.push_back({"terms.accepted", "\"" + t.settle + "\" is not an amount"});
  if (accepted) {
    Result<OptionCost> settle = settlement_option(*s.selection, *accepted, 365, wait_expected);
    if (settle)
      s.costs[kSettlement] = settle.value();
    else
      problems.insert(problems.end(), settle.problems().begin(), settle.problems().end());
  }
  s.problems = problems;
  // The cheapest: the most cash expected in all among the options worked out (the first shown on a tie).
  for (int option : kShown)
    if (option_valid(s, option) &&
        (s.cheapest < 0 || s.costs[option].expected_cash > s.costs[s.cheapest].expected_cash))
      s.cheapest = option;
}

const ImVec4 kGood(0.18f, 0.60f, 0.38f, 1.0f), kBad(0.85f, 0.30f, 0.30f, 1.0f);

// A narrow input for one assumption inside a column, labelled on its left.
void assumption(const char* label, const char* test, std::string* text, const char* suffix = nullptr) {
  ImGui::AlignTextToFramePadding();
  ImGui::TextDisabled("%s", label);
  ImGui::SameLine();
  const float suffix_w = suffix ? ImGui::CalcTextSize(suffix).x + ImGui::GetStyle().ItemSpacing.x : 0;
  ImGui::SetNextItemWidth(std::max(ImGui::GetFontSize() * 2.5f, ImGui::GetContentRegionAvail().x - suffix_w));
  ImGui::InputText((std::string("##") + test).c_str(), text);
  test_mark(test);
  if (suffix) {
    ImGui::SameLine();
    ImGui::TextDisabled("%s", suffix);
  }
}

void draw_assumptions(int option, OptionsWindowState& s, const CollectContext& ctx) {
  OptionsAssumptions& t = s.typed;
  switch (option) {
    case kWait:
      if (s.selection)
        ImGui::TextDisabled("%s %% likely to pay", format_percent(s.selection->wait_probability, 0).c_str());
      break;
    case kInterest: {
      static const char* policies[] = {"Contract rate", "UK Late Payment Act", "EU Directive 2011/7/EU"};
      static const char* marks[] = {"options.policy.contract", "options.policy.uk", "options.policy.eu"};
      ImGui::SetNextItemWidth(-FLT_MIN);
      if (ImGui::BeginCombo("##options-policy", policies[t.policy])) {
        for (int i = 0; i < 3; ++i) {
          if (ImGui::Selectable(policies[i], i == t.policy)) t.policy = i;
          test_mark(marks[i]);
        }
        ImGui::EndCombo();
      }
      test_mark("options.policy");
      if (t.policy == 0) assumption("Rate", "options.contract_rate", &t.contract_rate, "% a year");
      if (!s.interest_percent.empty()) ImGui::TextDisabled("%s %% a year", s.interest_percent.c_str());
      break;
    }
    case kDiscount:
      assumption("Off", "options.discount", &t.discount, "%");
      break;
    case kInstallments:
      assumption("Count", "options.installments", &t.installments);
      assumption("From", "options.first_due", &t.first_due);
      if (t.first_due.empty()) ImGui::TextDisabled("(%s)", display_date(add_months(ctx.today, 1)).c_str());
      assumption("Kept", "options.kept", &t.kept, "%");
      break;
    case kFactoring: {
      assumption("Advance", "options.advance", &t.advance, "%");
      assumption("Fee", "options.fee", &t.fee, "%");
      Result<Decimal> advance = parse_decimal(t.advance);
      Rational reserve;
      if (advance && rational_sub(rational(100), rational(*advance), &reserve))
        ImGui::TextDisabled("Reserve %s %%", format_rational(reserve, 2).c_str());
      break;
    }
    case kAgency:
      assumption("Fee", "options.commission", &t.commission, "%");
      assumption("Success", "options.success", &t.success, "%");
      assumption("Takes", "options.agency_days", &t.agency_days, "days");
      break;
    default:
      assumption("Accept", "options.settle", &t.settle);
      if (t.settle.empty() && s.selection)
        ImGui::TextDisabled("(%s)", display_money(s.selection->face * 7 / 10, ctx.currency).c_str());
      break;
  }
}

// "today", or "in 23.5 days" and, under it, the day that falls on.
void draw_when(const OptionCost& c, const Date& today) {
  if (c.expected_days.num == 0) return right_aligned("today");
  right_aligned("in " + format_rational(c.expected_days, 1) + " days");
  const int64_t days = int64_t(std::llround(to_double(c.expected_days)));
  right_aligned("about " + display_date(add_days(today, days)), true);
}

// The screen each column's button opens, if any.
std::optional<CollectScreen> action_of(int option, const char** label) {
  switch (option) {
    case kInterest:
      *label = "Charge interest…";
      return CollectScreen::Charges;
    case kInstallments:
      *label = "Agree installments…";
      return CollectScreen::Plan;
    case kFactoring:
      *label = "Factor…";
      return CollectScreen::Factor;
    case kAgency:
      *label = "Hand to agency…";
      return CollectScreen::Agency;
    case kSettlement:
      *label = "Settle…";
      return CollectScreen::Settle;
    default:
      *label = option == kWait ? "Keep chasing" : "Offer it";
      return std::nullopt;
  }
}

// One row of figures: the label, then a cell per option.
template <typename Cell>
void figure_row(const OptionsWindowState& s, const char* label, Cell cell) {
  ImGui::TableNextRow();
  ImGui::TableNextColumn();
  ImGui::TextDisabled("%s", label);
  for (int option : kShown) {
    ImGui::TableNextColumn();
    if (option == s.cheapest)
      ImGui::TableSetBgColor(ImGuiTableBgTarget_CellBg,
                             ImGui::GetColorU32(ImVec4(0.18f, 0.60f, 0.38f, 0.16f)));
    if (option_valid(s, option))
      cell(option, s.costs[std::size_t(option)]);
    else
      right_aligned("—", true);
  }
}

void draw_table(OptionsWindowState& s, const CollectContext& ctx, Navigation* nav,
                std::optional<CollectScreen>* start) {
  const ImGuiTableFlags flags = ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_BordersOuter |
                                ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchSame;
  if (!ImGui::BeginTable("options-table", 1 + kOptions, flags)) return;
  ImGui::TableSetupColumn("##what", ImGuiTableColumnFlags_WidthFixed,
                          ImGui::CalcTextSize("Versus waiting").x);
  for (int option : kShown) ImGui::TableSetupColumn(title(option));
  ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
  ImGui::TableNextColumn();
  for (int option : kShown) {
    ImGui::TableNextColumn();
    if (option == s.cheapest)
      ImGui::TableSetBgColor(ImGuiTableBgTarget_CellBg,
                             ImGui::GetColorU32(ImVec4(0.18f, 0.60f, 0.38f, 0.30f)));
    ImGui::TextUnformatted(title(option));
    test_mark((std::string("options.column.") + to_string(CollectionOption(option))).c_str());
    if (option == s.cheapest) ImGui::TextColored(kGood, "cheapest");
  }
  ImGui::TableNextRow();
  ImGui::TableNextColumn();
  for (int option : kShown) {
    ImGui::TableNextColumn();
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("%s", explanation(option, s.typed).c_str());
    ImGui::PopStyleColor();
  }
  const std::string& cur = ctx.currency;
  figure_row(s, "Cash today",
             [&](int, const OptionCost& c) { right_aligned(display_money(c.cash_today, cur)); });
  figure_row(s, "Expected in all",
             [&](int, const OptionCost& c) { right_aligned(display_money(c.expected_cash, cur)); });
  figure_row(s, "Versus waiting", [&](int option, const OptionCost& c) {
    if (option == kWait) return right_aligned("baseline", true);
    ImGui::PushStyleColor(ImGuiCol_Text, c.versus_waiting < 0 ? kBad : kGood);
    right_aligned((c.versus_waiting > 0 ? "+" : "") + display_money(c.versus_waiting, cur));
    ImGui::PopStyleColor();
  });
  figure_row(s, "When", [&](int, const OptionCost& c) { draw_when(c, ctx.today); });
  figure_row(s, "Annual cost", [&](int option, const OptionCost& c) {
    if (!c.has_annual_cost) return right_aligned(option == kInstallments ? "nothing given up" : "—", true);
    right_aligned(c.annual_cost.num < 0
                      ? "earns " + format_percent(Rational{-c.annual_cost.num, c.annual_cost.den}, 2) + " %"
                      : c.annual_cost_percent + " %");
  });
  ImGui::TableNextRow();
  ImGui::TableNextColumn();
  ImGui::TextDisabled("Assumptions");
  for (int option : kShown) {
    ImGui::TableNextColumn();
    ImGui::PushID(option);
    draw_assumptions(option, s, ctx);
    for (const Problem& p : s.problems)
      if (option_of(p.where) == option) problem_text(p.message);
    const char* label = "";
    const std::optional<CollectScreen> screen = action_of(option, &label);
    if (ImGui::Button(label, ImVec2(-FLT_MIN, 0))) {
      if (screen)
        *start = screen;
      else
        nav->open_tab = "Today";
    }
    test_mark((std::string("options.start.") + to_string(CollectionOption(option))).c_str());
    ImGui::PopID();
  }
  ImGui::EndTable();
}

// Cash over time: what each option has brought in by each day (the later receipts weighted as expected).
void draw_cash_chart(const OptionsWindowState& s, const CollectContext& ctx) {
  StepLines chart;
  chart.money = {ctx.currency, currency_digits(ctx.currency)};
  chart.test_name = "options.chart";
  for (int option : kShown) {
    if (!option_valid(s, option)) continue;
    const OptionCost& c = s.costs[std::size_t(option)];
    StepSeries line;
    line.name = title(option);
    line.color = chart_series_color(option);
    line.emphasis = option == s.cheapest;
    if (option == kInstallments && !s.installments.empty() && s.selection && s.selection->face > 0) {
      // Each installment as it falls due, weighted by the chance the plan is kept (drawing only).
      const double kept = double(c.expected_cash) / double(s.selection->face);
      for (const Installment& i : s.installments)
        line.points.push_back(
            {days_between(ctx.today, i.due), int64_t(std::llround(double(i.cumulative_minor) * kept))});
    } else {
      line.points.push_back({0, c.cash_today});
      line.points.push_back({int64_t(std::llround(to_double(c.expected_days))), c.expected_cash});
    }
    chart.series.push_back(std::move(line));
  }
  draw_step_lines("options-cash", chart, ImVec2(0, ImGui::GetFontSize() * 13));
}

}  // namespace

std::string options_policy_text(const OptionsAssumptions& t) {
  if (t.policy == 1) return "uk-late-payment";
  if (t.policy == 2) return "eu-late-payment";
  return "contract:" + t.contract_rate;
}

void draw_options_window(Queries& queries, OptionsWindowState& s, const CollectContext& ctx, Navigation& nav,
                         std::optional<CollectScreen>* start) {
  refresh_selection(queries, s, ctx);
  ImGui::TextUnformatted("Options compared");
  ImGui::SameLine();
  ImGui::TextDisabled("— what each way of collecting brings, when, and what it costs, as of %s",
                      display_date(ctx.today).c_str());
  if (!s.selection) {
    problem_text(s.selection_error);
    return;
  }
  compare(s, ctx);
  const OverdueSelection& sel = *s.selection;
  ImGui::Text("%zu invoice%s, %s open.", ctx.invoices.size(), ctx.invoices.size() == 1 ? "" : "s",
              display_money(sel.face, ctx.currency).c_str());
  ImGui::SameLine();
  ImGui::TextDisabled(
      "Waiting, their history says: paid with %s %% chance in %s days on average. "
      "Later receipts are weighted by their chance.",
      format_percent(sel.wait_probability, 1).c_str(), format_rational(sel.wait_days, 1).c_str());
  draw_table(s, ctx, &nav, start);
  ImGui::Spacing();
  ImGui::TextDisabled("Cash in hand, day by day");
  draw_cash_chart(s, ctx);
}

std::string options_facts(const OptionsWindowState& s) {
  nlohmann::json rows = nlohmann::json::array(), problems = nlohmann::json::array(),
                 plan = nlohmann::json::array();
  for (int option : kShown) {
    if (!option_valid(s, option)) continue;
    const OptionCost& c = s.costs[std::size_t(option)];
    rows.push_back({{"option", to_string(c.option)},
                    {"cash_today", c.cash_today},
                    {"expected_cash", c.expected_cash},
                    {"versus_waiting", c.versus_waiting},
                    {"expected_days", format_rational(c.expected_days, 1)},
                    {"annual_cost_percent", c.annual_cost_percent}});
  }
  for (const Problem& p : s.problems) problems.push_back({{"where", p.where}, {"message", p.message}});
  for (const Installment& i : s.installments) plan.push_back(i.amount.minor);
  return nlohmann::json{{"face", s.selection ? s.selection->face : 0},
                        {"policy", options_policy_text(s.typed)},
                        {"error", s.selection_error},
                        {"interest_percent", s.interest_percent},
                        {"cheapest", s.cheapest >= 0 ? to_string(CollectionOption(s.cheapest)) : ""},
                        {"rows", rows},
                        {"installments", plan},
                        {"problems", problems}}
      .dump();
}

}  // namespace duebook::ui

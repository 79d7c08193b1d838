#include "credit_hold_form.h"

#include <imgui.h>
#include <misc/cpp/imgui_stdlib.h>

#include <nlohmann/json.hpp>

#include "queries_view.h"
#include "test_hook.h"
#include "widgets.h"

namespace duebook::ui {
namespace {

// The rule as typed; problems name the field.
CreditHoldRules read_rules(CreditHoldFormState& s) {
  CreditHoldRules rules;
  s.problems.clear();
  rules.days_overdue_above.reset();
  rules.broken_promises_at_least.reset();
  rules.balance_above_limit = s.over_limit;
  if (s.use_days) {
    Result<int64_t> days = parse_amount(s.days, 0);
    if (days && *days >= 0 && *days <= 3650)
      rules.days_overdue_above = *days;
    else
      s.problems.push_back({"days", "Days overdue: give a whole number of days (0..3650)"});
  }
  if (s.use_broken) {
    Result<int64_t> broken = parse_amount(s.broken, 0);
    if (broken && *broken >= 1 && *broken <= 100)
      rules.broken_promises_at_least = int(*broken);
    else
      s.problems.push_back({"broken", "Broken promises: give a whole number (1..100)"});
  }
  return rules;
}

std::string rules_key(const CreditHoldFormState& s, int64_t revision, const Date& today) {
  return std::to_string(revision) + "|" + to_iso(today) + "|" + (s.use_days ? s.days : "-") + "|" +
         (s.use_broken ? s.broken : "-") + "|" + (s.over_limit ? "limit" : "-") + "|" +
         (s.cash_on_delivery ? "cod" : "hold");
}

void rule_line(bool* on, const char* before, std::string* value, const char* after, const char* test) {
  ImGui::Checkbox(before, on);
  test_mark((std::string(test) + "_on").c_str());
  if (!value) return;
  ImGui::SameLine();
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 3.5f);
  ImGui::InputText((std::string("##") + test).c_str(), value);
  test_mark(test);
  ImGui::SameLine();
  ImGui::TextUnformatted(after);
}

}  // namespace

void draw_credit_hold_form(Queries& queries, CreditHoldFormState& s, Commands& commands,
                           const CollectContext& ctx) {
  if (s.sink.completed) {
    s.sink.completed = 0;
    if (s.sink.outcome) s.saved = s.sink.outcome->label;
    s.dry_run_key.clear();
  }
  ImGui::TextUnformatted("Credit hold by rule");
  ImGui::SameLine();
  ImGui::TextDisabled("— for every customer; a hold or cash on delivery set by hand is left alone");
  rule_line(&s.use_days, "Hold when an invoice is more than", &s.days, "days overdue", "hold.days");
  rule_line(&s.use_broken, "Hold after", &s.broken, "broken promises in a year", "hold.broken");
  rule_line(&s.over_limit, "Hold when the balance is over the credit limit", nullptr, "", "hold.limit");
  ImGui::Checkbox("Cash on delivery instead of a credit hold", &s.cash_on_delivery);
  test_mark("hold.cod");
  const CreditHoldRules rules = read_rules(s);
  for (const Problem& p : s.problems) problem_text(p.message);
  const std::string key = rules_key(s, queries.revision(), ctx.today);
  if (ImGui::Button("Dry run") && s.problems.empty()) {
    s.changes.clear();
    for (CreditReview& r : review_credit_holds(queries.db(), ctx.today, rules))
      if (!r.change.empty()) s.changes.push_back(std::move(r));
    s.dry_run_key = key;
    s.saved.clear();
  }
  test_mark("hold.dry_run");
  if (s.dry_run_key.empty() || s.dry_run_key != key) {
    ImGui::TextDisabled("Run the rule dry first: it lists whom it would hold and release; nothing changes.");
  } else {
    if (s.changes.empty()) ImGui::TextDisabled("Nobody would change: the rule holds whom it already holds.");
    for (const CreditReview& r : s.changes) {
      std::string why;
      for (const std::string& e : r.decision.explanations) why += (why.empty() ? "" : "; ") + e;
      ImGui::BulletText(
          "%s %s%s%s", r.change == "hold" ? (s.cash_on_delivery ? "Cash on delivery:" : "Hold:") : "Release:",
          r.customer.c_str(), why.empty() ? "" : " — ", why.c_str());
    }
    if (!s.changes.empty() &&
        confirm_button("Apply the rule", "Confirm: hold and release as listed", "hold.apply", &s.armed))
      commands.submit(ApplyCreditHolds{ctx.today, rules, s.cash_on_delivery}, &s.sink);
  }
  for (const Problem& p : s.sink.problems) problem_text(p.message);
  if (!s.saved.empty()) confirmation_text(s.saved + ": done.");
}

std::string credit_hold_facts(const CreditHoldFormState& s) {
  nlohmann::json rows = nlohmann::json::array();
  for (const CreditReview& r : s.changes) {
    std::string why;
    for (const std::string& e : r.decision.explanations) why += (why.empty() ? "" : "; ") + e;
    rows.push_back({{"customer", r.customer}, {"change", r.change}, {"why", why}});
  }
  return nlohmann::json{{"dry_run", rows}, {"saved", s.saved}}.dump();
}

}  // namespace duebook::ui

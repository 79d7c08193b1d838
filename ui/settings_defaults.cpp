#include "settings_defaults.h"

#include <imgui.h>

#include <cctype>

#include "base/money.h"
#include "collections/interest.h"
#include "icons.h"
#include "queries_view.h"
#include "test_hook.h"
#include "widgets.h"

namespace duebook::ui {
namespace {

std::string lower(std::string text) {
  for (char& c : text) c = char(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

// Refills the draft from the ledger when it changed and nothing is being typed; shows the last saves.
void refresh(Queries& queries, DefaultsDraft& d, const Date& today) {
  if (d.sink.completed != d.seen) {
    d.seen = d.sink.completed;
    if (d.sink.outcome) {
      d.message = d.sink.outcome->label + ".";
      d.dirty = false;
      d.loaded_revision = -1;
      d.country_policy.reset();  // saved, and chosen in values from now on
    }
  }
  if (d.rate_sink.completed != d.rate_seen) {
    d.rate_seen = d.rate_sink.completed;
    if (d.rate_sink.outcome) {
      d.rate_message = d.rate_sink.outcome->label + ".";
      d.rate_from.clear();
      d.rate_percent.clear();
    }
  }
  if (d.facts_revision != queries.revision()) {
    d.facts_revision = queries.revision();
    d.next = queries.next_numbers(today.y);
    d.policies = list_policies(queries.db());
    d.rates = queries.reference_rates();
  }
  if (d.dirty || d.loaded_revision == queries.revision()) return;
  d.values = queries.defaults();
  d.loaded_revision = queries.revision();
  std::optional<CountryProfile> c = find_country(d.values.country);
  d.country_text = c ? c->name : "";
  Result<InterestPolicy> policy = parse_interest_policy(d.values.interest_policy);
  d.policy_kind = policy ? int(policy->kind) : 0;
  d.contract_rate = policy && policy->kind == InterestPolicyKind::Contract
                        ? to_string(policy->contract_annual_percent)
                        : "8";
}

void draw_rate_table(const char* id, const char* title, const RateHistory& history) {
  heading(title);
  const ImGuiTableFlags flags =
      ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingFixedFit;
  if (!ImGui::BeginTable(id, 2, flags, ImVec2(260, ImGui::GetTextLineHeightWithSpacing() * 7))) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn("In force from", 0, 130);
  ImGui::TableSetupColumn("Rate % a year", 0, 110);
  ImGui::TableHeadersRow();
  for (auto it = history.changes.rbegin(); it != history.changes.rend(); ++it) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(display_date(it->effective).c_str());
    ImGui::TableNextColumn();
    right_aligned(format_amount(it->rate_percent.units, it->rate_percent.scale));
  }
  ImGui::EndTable();
}

void draw_add_rate(DefaultsDraft& d, Commands& commands) {
  const float width = ImGui::GetContentRegionAvail().x;
  heading("Add a new rate");
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
  ImGui::TextDisabled(
      "When a central bank changes its rate. It applies from its day on; earlier days keep theirs.");
  ImGui::PopTextWrapPos();
  ImGui::RadioButton("Bank of England", &d.rate_table, 0);
  test_mark("settings.rate_boe");
  ImGui::SameLine();
  ImGui::RadioButton("ECB", &d.rate_table, 1);
  test_mark("settings.rate_ecb");
  text_field("In force from", &d.rate_from, "settings.rate_from", d.rate_sink.problem_for("effective"),
             "YYYY-MM-DD", width);
  text_field("Rate % a year", &d.rate_percent, "settings.rate_percent", d.rate_sink.problem_for("rate"),
             "3.75", width);
  if (ImGui::Button(ICON_SAVE " Add the rate")) {
    Result<Date> day = read_date(d.rate_from);
    if (!day) {
      d.rate_sink.problems = {{"effective", "type the day as YYYY-MM-DD"}};
      d.rate_message.clear();
    } else {
      commands.submit(AddReferenceRate{d.rate_table == 0 ? "boe" : "ecb", day.value(), d.rate_percent},
                      &d.rate_sink);
    }
  }
  test_mark("settings.rate_add");
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
  if (!d.rate_sink.problems.empty() && d.rate_sink.problem_for("effective").empty() &&
      d.rate_sink.problem_for("rate").empty())
    problem_text(describe(d.rate_sink.problems));
  if (!d.rate_message.empty() && d.rate_sink.problems.empty()) confirmation_text(d.rate_message);
  ImGui::PopTextWrapPos();
}

// The policy chosen in the form, in parse_interest_policy's spelling.
std::string policy_text(const DefaultsDraft& d) {
  if (d.policy_kind == 1) return "uk-late-payment";
  if (d.policy_kind == 2) return "eu-late-payment";
  return "contract:" + d.contract_rate;
}

// The collections policy new customers start with (a customer's page changes one customer's).
void draw_new_customers_policy(DefaultsDraft& d, float width) {
  const PolicyRecord* chosen = nullptr;
  for (const PolicyRecord& p : d.policies)
    if (p.id == d.values.policy_id) chosen = &p;
  ImGui::TextUnformatted("Collections policy of new customers");
  ImGui::SetNextItemWidth(width);
  const std::string shown = d.country_policy ? d.country_policy->policy.name
                            : chosen         ? chosen->policy.name
                                             : std::string("(a removed policy)");
  if (ImGui::BeginCombo("##new_customers_policy", shown.c_str())) {
    for (const PolicyRecord& p : d.policies) {
      if (ImGui::Selectable(p.policy.name.c_str(), &p == chosen && !d.country_policy)) {
        d.values.policy_id = p.id;
        d.country_policy.reset();
        d.dirty = true;
      }
      test_mark(("settings.new_customers_policy." + p.policy.name).c_str());
    }
    ImGui::EndCombo();
  }
  test_mark("settings.new_customers_policy");
  if (std::string p = d.sink.problem_for("policy_id"); !p.empty()) problem_text(p);
}

void save_button(DefaultsDraft& d, Commands& commands, const char* test_name) {
  ImGui::BeginDisabled(!d.dirty);
  if (ImGui::Button(ICON_SAVE " Save the defaults")) {
    d.values.interest_policy = policy_text(d);
    commands.submit(SetCompanyDefaults{d.values, d.country_policy}, &d.sink);
  }
  ImGui::EndDisabled();
  test_mark(test_name);
  if (!d.message.empty() && !d.dirty) confirmation_text(d.message);
  const std::string other = d.sink.problem_for("");
  if (!other.empty()) problem_text(other);
}

}  // namespace

std::optional<CountryProfile> country_from_text(const std::string& text) {
  std::string t = lower(text);
  while (!t.empty() && t.back() == ' ') t.pop_back();
  while (!t.empty() && t.front() == ' ') t.erase(t.begin());
  if (t.empty()) return std::nullopt;
  if (t.size() == 2) return find_country(t);
  for (const CountryProfile& c : known_countries())
    if (lower(c.name) == t) return c;
  return std::nullopt;
}

std::string country_summary(const CountryProfile& country) {
  const CompanyDefaults d = defaults_for_country(country.code);
  const char* law = d.interest_policy == "uk-late-payment"   ? "interest under the UK Late Payment Act"
                    : d.interest_policy == "eu-late-payment" ? "interest under Directive 2011/7/EU"
                                                             : "a contract rate of interest";
  std::string text = std::string(country.name) + ": " + d.currency + ", " + d.terms + ", " + law;
  if (std::optional<PolicyRecord> policy = country_policy(country.code))
    text += "; collections policy " + policy->policy.name;
  return text;
}

void draw_defaults_section(Queries& queries, DefaultsDraft& d, Commands& commands, const Date& today) {
  refresh(queries, d, today);
  ImGui::TextWrapped(
      "What new customers and invoices start from. Changing them changes no record already made.");
  const float half = ImGui::GetContentRegionAvail().x * 0.5f - 8;
  const CommandSink& sink = d.sink;
  ImGui::BeginGroup();
  if (text_field("Country", &d.country_text, "settings.country", sink.problem_for("country"),
                 "e.g. Germany or DE", half)) {
    d.dirty = true;
    std::optional<CountryProfile> c = country_from_text(d.country_text);
    d.values.country = c ? c->code : d.country_text;
  }
  if (std::optional<CountryProfile> c = country_from_text(d.country_text)) {
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + half);
    ImGui::TextDisabled("%s", country_summary(*c).c_str());
    ImGui::PopTextWrapPos();
    if (ImGui::SmallButton("Use this country's currency, terms and policies")) {
      CompanyDefaults given = defaults_for_country(c->code);
      given.invoice_series = d.values.invoice_series;
      given.credit_note_series = d.values.credit_note_series;
      given.policy_id = d.values.policy_id;
      d.country_policy =
          country_policy(c->code);  // saved with the defaults (or the one saved before, reused)
      d.values = given;
      d.policy_kind = given.interest_policy == "uk-late-payment"   ? 1
                      : given.interest_policy == "eu-late-payment" ? 2
                                                                   : 0;
      d.dirty = true;
    }
    test_mark("settings.country_defaults");
  }
  d.dirty |= text_field("Currency of new customers", &d.values.currency, "settings.currency",
                        sink.problem_for("currency"), "EUR", half);
  d.dirty |= text_field("Payment terms of new customers", &d.values.terms, "settings.terms",
                        sink.problem_for("terms"), "Net 30", half);
  draw_new_customers_policy(d, half);
  ImGui::EndGroup();
  ImGui::SameLine(0, 16);
  ImGui::BeginGroup();
  d.dirty |= text_field("Invoice number series", &d.values.invoice_series, "settings.invoice_series",
                        sink.problem_for("invoice_series"), "INV", half);
  ImGui::TextDisabled("The next invoice issued is %s.", d.next.invoice.c_str());
  test_mark("settings.next_invoice");
  d.dirty |= text_field("Credit note number series", &d.values.credit_note_series,
                        "settings.credit_note_series", sink.problem_for("credit_note_series"), "CN", half);
  ImGui::TextDisabled("The next credit note is %s.", d.next.credit_note.c_str());
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + half);
  ImGui::TextDisabled(
      "Numbers run without gaps per series and year; a number once issued is never given again, even when "
      "a series is changed and changed back.");
  ImGui::PopTextWrapPos();
  ImGui::EndGroup();
  save_button(d, commands, "settings.defaults_save");
}

void draw_interest_section(Queries& queries, DefaultsDraft& d, Commands& commands, const Date& today) {
  refresh(queries, d, today);
  ImGui::TextWrapped(
      "The interest a late invoice is charged by default (the Charges screen and `duebook charges` start "
      "from "
      "it):");
  bool changed = ImGui::RadioButton("A contract rate agreed with the customer", &d.policy_kind, 0);
  test_mark("settings.policy_contract");
  if (d.policy_kind == 0) {
    ImGui::SameLine();
    changed |= text_field("% a year", &d.contract_rate, "settings.contract_rate",
                          d.sink.problem_for("interest_policy"), "8", 90);
  }
  changed |= ImGui::RadioButton(
      "UK Late Payment of Commercial Debts (Interest) Act 1998: Bank Rate + 8 points, plus GBP 40-100",
      &d.policy_kind, 1);
  test_mark("settings.policy_uk");
  changed |= ImGui::RadioButton(
      "EU Directive 2011/7/EU: the ECB main refinancing rate + 8 points, plus EUR 40 per invoice",
      &d.policy_kind, 2);
  test_mark("settings.policy_eu");
  d.dirty |= changed;
  save_button(d, commands, "settings.policy_save");
  ImGui::Spacing();
  ImGui::BeginGroup();
  draw_rate_table("ecb", "ECB main refinancing rate", d.rates.ecb_mro);
  ImGui::EndGroup();
  ImGui::SameLine(0, 24);
  ImGui::BeginGroup();
  draw_rate_table("boe", "Bank of England Bank Rate", d.rates.boe_bank_rate);
  ImGui::EndGroup();
  ImGui::SameLine(0, 24);
  ImGui::BeginGroup();
  draw_add_rate(d, commands);
  ImGui::EndGroup();
  ImGui::TextDisabled(
      "Bundled with Duebook (assets/rates/) and added here; the newest change is listed first.");
}

}  // namespace duebook::ui

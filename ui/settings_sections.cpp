#include "settings_sections.h"

#include <imgui.h>
#include <misc/cpp/imgui_stdlib.h>

#include "base/money.h"
#include "collections/reference_rates.h"
#include "icons.h"
#include "queries_view.h"
#include "test_hook.h"
#include "widgets.h"

namespace duebook::ui {
namespace {

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
    ImGui::TextUnformatted(to_iso(it->effective).c_str());
    ImGui::TableNextColumn();
    right_aligned(format_amount(it->rate_percent.units, it->rate_percent.scale));
  }
  ImGui::EndTable();
}

}  // namespace

void draw_company_section(Queries& queries, CompanyDraft& d, Commands& commands) {
  if (d.sink.completed != d.seen) {
    d.seen = d.sink.completed;
    if (d.sink.outcome) {
      d.message = d.sink.outcome->label + ".";
      d.dirty = false;
      d.loaded_revision = -1;
    }
  }
  if (!d.dirty && d.loaded_revision != queries.revision()) {
    d.details = queries.company();
    d.loaded_revision = queries.revision();
  }
  CompanyDetails& c = d.details;
  const float half = ImGui::GetContentRegionAvail().x * 0.5f - 8;
  ImGui::BeginGroup();
  d.dirty |=
      text_field("Company name", &c.name, "settings.company_name", d.sink.problem_for("name"), nullptr, half);
  d.dirty |= text_field("Who signs letters", &c.sender_name, "settings.sender_name", {},
                        "Jane Doe, Credit Control", half);
  d.dirty |= text_field("Email", &c.email, "settings.email", d.sink.problem_for("email"), nullptr, half);
  d.dirty |= text_field("Phone", &c.phone, "settings.phone", {}, nullptr, half);
  d.dirty |=
      text_field("VAT identifier", &c.vat_id, "settings.vat_id", d.sink.problem_for("vat_id"), nullptr, half);
  ImGui::EndGroup();
  ImGui::SameLine(0, 16);
  ImGui::BeginGroup();
  ImGui::TextUnformatted("Address");
  d.dirty |=
      ImGui::InputTextMultiline("##address", &c.address, ImVec2(half, ImGui::GetTextLineHeight() * 4.6f));
  test_mark("settings.address");
  d.dirty |= text_field("Bank account holder", &c.account_name, "settings.account_name",
                        d.sink.problem_for("account_name"), "(the company name)", half);
  d.dirty |= text_field("IBAN", &c.iban, "settings.iban", d.sink.problem_for("iban"), nullptr, half);
  d.dirty |= text_field("BIC", &c.bic, "settings.bic", d.sink.problem_for("bic"), nullptr, half);
  ImGui::EndGroup();
  ImGui::BeginDisabled(!d.dirty);
  if (ImGui::Button(ICON_SAVE " Save company details")) commands.submit(SetCompanyDetails{c}, &d.sink);
  ImGui::EndDisabled();
  test_mark("settings.company_save");
  if (!d.sink.problems.empty() && d.sink.problem_for("name").empty() && d.sink.problem_for("email").empty())
    problem_text(describe(d.sink.problems));
  if (!d.message.empty() && !d.dirty) confirmation_text(d.message);
}

void draw_interest_section() {
  ImGui::TextWrapped(
      "Interest on late payment, by the law where the company is; the charges run applies it per invoice as "
      "of a "
      "day (on the command line: duebook charges apply --policy ...):");
  ImGui::BulletText(
      "EU (Directive 2011/7/EU): the ECB main refinancing rate + 8 points, plus EUR 40 per invoice.");
  ImGui::BulletText("UK (Late Payment of Commercial Debts Act 1998): Bank Rate + 8 points, plus GBP 40-100.");
  ImGui::BulletText("A contract rate agreed with the customer: \"contract:<percent a year>\".");
  const ReferenceRates& rates = builtin_reference_rates();
  ImGui::BeginGroup();
  draw_rate_table("ecb", "ECB main refinancing rate", rates.ecb_mro);
  ImGui::EndGroup();
  ImGui::SameLine(0, 24);
  ImGui::BeginGroup();
  draw_rate_table("boe", "Bank of England Bank Rate", rates.boe_bank_rate);
  ImGui::EndGroup();
  ImGui::TextDisabled("The tables ship with Duebook (assets/rates/); the newest change is listed first.");
}

}  // namespace duebook::ui

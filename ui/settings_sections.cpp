#include "settings_sections.h"

#include <imgui.h>
#include <misc/cpp/imgui_stdlib.h>

#include "base/money.h"
#include "icons.h"
#include "queries_view.h"
#include "test_hook.h"
#include "widgets.h"

namespace duebook::ui {
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

}  // namespace duebook::ui

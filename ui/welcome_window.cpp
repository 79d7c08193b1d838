#include "welcome_window.h"

#include <imgui.h>

#include <cctype>

#include "base/currencies.h"
#include "settings_defaults.h"
#include "style.h"
#include "test_hook.h"
#include "widgets.h"

namespace duebook::ui {

namespace {

std::string upper_text(std::string text) {
  for (char& c : text) c = char(std::toupper(static_cast<unsigned char>(c)));
  return text;
}

// One of the three ways in: a column of the table with a title and a sentence.
void begin_way(const char* title, const char* text) {
  ImGui::TableNextColumn();
  heading(title);
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextDisabled("%s", text);
  ImGui::PopTextWrapPos();
  ImGui::Spacing();
}

// The country and currency fields, with what the country gives.
void draw_country(WelcomeState& s) {
  const bool country_changed =
      text_field("Country", &s.country, "welcome.country", s.country_problem, "e.g. United Kingdom, DE");
  std::optional<CountryProfile> country = country_from_text(s.country);
  if (country_changed && country && !s.currency_typed) s.currency = country->currency;
  ImGui::PushTextWrapPos(0.0f);
  if (country)
    ImGui::TextDisabled("%s", country_summary(*country).c_str());
  else
    ImGui::TextDisabled("The country's name or its two-letter code.");
  ImGui::PopTextWrapPos();
  test_mark("welcome.country_summary");
  if (text_field("Currency", &s.currency, "welcome.currency", s.currency_problem, "GBP, EUR, USD…"))
    s.currency_typed = true;
}

// Checks the form and queues the company's details and its country's defaults; false when a field is missing.
bool start_ledger(WelcomeState& s, Commands& commands) {
  std::optional<CountryProfile> country = country_from_text(s.country);
  s.company_problem = s.company.empty() ? "Type your business's name" : "";
  s.country_problem = country ? "" : "Type your country";
  s.currency_problem = is_known_currency(upper_text(s.currency)) ? "" : "Type a currency code";
  if (!s.company_problem.empty() || !country || !s.currency_problem.empty()) return false;
  CompanyDetails details;
  details.name = s.company;
  details.sender_name = s.sender;
  details.email = s.email;
  commands.submit(SetCompanyDetails{details}, &s.sink);
  CompanyDefaults defaults = defaults_for_country(country->code);
  defaults.currency = upper_text(s.currency);
  commands.submit(SetCompanyDefaults{defaults, country_policy(country->code)}, &s.sink);
  return true;
}

}  // namespace

WelcomeChoice draw_welcome(WelcomeState& s, Commands& commands) {
  WelcomeChoice choice = WelcomeChoice::None;
  ImGui::Spacing();
  ImGui::SetWindowFontScale(1.4f);
  ImGui::TextUnformatted("Welcome to Duebook");
  ImGui::SetWindowFontScale(1.0f);
  ImGui::TextWrapped(
      "Invoice consistently and collect what you are owed without losing the customer: a daily list of whom "
      "to "
      "remind, call or write to, a record of every contact, and what each way of collecting costs.");
  ImGui::Spacing();
  const ImGuiTableFlags flags = ImGuiTableFlags_BordersOuter | ImGuiTableFlags_BordersInnerV |
                                ImGuiTableFlags_SizingStretchSame | ImGuiTableFlags_PadOuterX;
  if (!ImGui::BeginTable("ways", 3, flags)) return choice;

  begin_way("Start my own ledger",
            "Your business's name and country: the currency, payment terms and late-payment interest of "
            "its law are set from it, and for the UK and Norway the collections policy its rules call for "
            "(change them in Settings). Then add customers and invoices, or import them.");
  text_field("Business name", &s.company, "welcome.company", s.company_problem, "e.g. Brightwell Studio Ltd");
  draw_country(s);
  text_field("Signed by", &s.sender, "welcome.sender", {}, "e.g. Amelia Hart, Finance Manager");
  text_field("Email", &s.email, "welcome.email", {}, "accounts@example.com");
  if (ImGui::Button("Start my ledger") && start_ledger(s, commands)) choice = WelcomeChoice::OwnLedger;
  test_mark("welcome.start");

  begin_way(
      "Bring my books in",
      "Invoices and payments from a CSV file (QuickBooks columns), or a Duebook ledger file shared with "
      "you. The file is checked before anything is kept.");
  if (ImGui::Button("Import a file…")) choice = WelcomeChoice::ImportFile;
  test_mark("welcome.import");

  begin_way("Explore a demo",
            "A made-up design studio with 32 customers and two years of invoices, late payers, promises, a "
            "dispute, an installment plan, an agency case and a factored invoice. Leave it with one click.");
  if (ImGui::Button("Explore the demo")) choice = WelcomeChoice::Demo;
  test_mark("welcome.demo");
  ImGui::EndTable();
  if (choice == WelcomeChoice::OwnLedger || choice == WelcomeChoice::Demo) s.dismissed = true;
  return choice;
}

bool draw_demo_banner(WelcomeState& s) {
  // Amber in both themes: light #FFEDB3 behind #4D3300 (10.1:1), dark #3A3120 behind #F0C05A (7.6:1).
  const bool dark = palette().dark;
  ImGui::PushStyleColor(ImGuiCol_ChildBg,
                        dark ? ImVec4(0.227f, 0.192f, 0.125f, 1.0f) : ImVec4(1.0f, 0.93f, 0.70f, 1.0f));
  ImGui::PushStyleColor(ImGuiCol_Text, dark ? palette().warning : ImVec4(0.30f, 0.20f, 0.0f, 1.0f));
  ImGui::BeginChild("demo.banner", ImVec2(0, ImGui::GetFrameHeightWithSpacing() + 4), false);
  ImGui::SetCursorPos(ImVec2(ImGui::GetStyle().WindowPadding.x, 4));
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(
      "Demo: Brightwell Studio and its customers are made up, here to explore every screen.");
  test_mark("demo.banner");
  ImGui::SameLine();
  ImGui::PopStyleColor();
  const bool leave = confirm_button("Leave the demo", "Delete the demo and start my own ledger", "demo.leave",
                                    &s.leave_armed);
  ImGui::EndChild();
  ImGui::PopStyleColor();
  return leave;
}

}  // namespace duebook::ui

#include "welcome_window.h"

#include <imgui.h>

#include "style.h"
#include "test_hook.h"
#include "widgets.h"

namespace duebook::ui {

namespace {

// One of the three ways in: a column of the table with a title and a sentence.
void begin_way(const char* title, const char* text) {
  ImGui::TableNextColumn();
  heading(title);
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextDisabled("%s", text);
  ImGui::PopTextWrapPos();
  ImGui::Spacing();
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

  begin_way(
      "Start my own ledger",
      "Your business's name and who signs the reminders. Then add customers and invoices, or import them.");
  text_field("Business name", &s.company, "welcome.company", s.company_problem, "e.g. Brightwell Studio Ltd");
  text_field("Signed by", &s.sender, "welcome.sender", {}, "e.g. Amelia Hart, Finance Manager");
  text_field("Email", &s.email, "welcome.email", {}, "accounts@example.com");
  if (ImGui::Button("Start my ledger")) {
    if (s.company.empty()) {
      s.company_problem = "Type your business's name";
    } else {
      s.company_problem.clear();
      CompanyDetails details;
      details.name = s.company;
      details.sender_name = s.sender;
      details.email = s.email;
      commands.submit(SetCompanyDetails{details}, &s.sink);
      choice = WelcomeChoice::OwnLedger;
    }
  }
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

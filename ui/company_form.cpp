#include "company_form.h"

#include <imgui.h>

#include "queries_view.h"
#include "test_hook.h"
#include "widgets.h"

namespace duebook::ui {

void draw_company_form(Queries& queries, CompanyFormState& state, Commands& commands) {
  if (state.loaded_revision != queries.revision()) {  // saved here or elsewhere (undo): show what is stored
    state.draft = queries.company();
    state.loaded_revision = queries.revision();
  }
  const bool missing = queries.company().name.empty();
  ImGui::SetNextItemOpen(missing, ImGuiCond_Appearing);
  const bool open =
      ImGui::CollapsingHeader(missing ? "Your business (not set: messages are unsigned)###company"
                                      : "Your business (signs the messages)###company");
  test_mark("company.header");
  if (!open) return;
  CompanyDetails& d = state.draft;
  const CommandSink& sink = state.sink;
  text_field("Business name", &d.name, "company.name", sink.problem_for("name"));
  text_field("Your name (signs the messages)", &d.sender_name, "company.sender");
  text_field("Phone", &d.phone, "company.phone");
  text_field("Email", &d.email, "company.email", sink.problem_for("email"));
  text_area("Address", &d.address, "company.address", ImGui::GetTextLineHeight() * 2.6f);
  if (ImGui::Button("Save business details")) commands.submit(SetCompanyDetails{d}, &state.sink);
  test_mark("company.save");
  if (std::string p = sink.problem_for(""); !p.empty()) problem_text(p);
}

}  // namespace duebook::ui

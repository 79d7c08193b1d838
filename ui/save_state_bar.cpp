#include "save_state_bar.h"

#include <imgui.h>

#include "test_hook.h"

namespace duebook::ui {
namespace {

const ImVec4 kSavedColour(0.16f, 0.48f, 0.24f, 1.0f);
const ImVec4 kSavingColour(0.45f, 0.45f, 0.45f, 1.0f);
const ImVec4 kProblemColour(0.75f, 0.12f, 0.10f, 1.0f);
const ImVec4 kNoticeBg(1.0f, 0.95f, 0.80f, 1.0f);
const ImVec4 kProblemBg(1.0f, 0.88f, 0.86f, 1.0f);

}  // namespace

const char* save_state_name(SaveState::Kind kind) {
  switch (kind) {
    case SaveState::Kind::Saved:
      return "saved";
    case SaveState::Kind::Saving:
      return "saving";
    case SaveState::Kind::NotSaved:
      return "not_saved";
    case SaveState::Kind::ReadOnly:
      return "read_only";
    case SaveState::Kind::Unreported:
      break;
  }
  return "unreported";
}

void draw_save_state(const SaveState& state) {
  const char* text = nullptr;
  ImVec4 colour = kSavingColour;
  switch (state.kind) {
    case SaveState::Kind::Unreported:
      return;
    case SaveState::Kind::Saved:
      text = "Saved";
      colour = kSavedColour;
      break;
    case SaveState::Kind::Saving:
      text = "Saving\xE2\x80\xA6";
      break;
    case SaveState::Kind::NotSaved:
      text = "Not saved \xE2\x80\x94 see the notice above";
      colour = kProblemColour;
      break;
    case SaveState::Kind::ReadOnly:
      text = "Read-only";
      colour = kProblemColour;
      break;
  }
  ImGui::TextColored(colour, "%s", text);
  test_mark("storage.status");
  if (!state.storage_note.empty() && ImGui::IsItemHovered())
    ImGui::SetTooltip("%s", state.storage_note.c_str());
}

void draw_save_notice(Platform& platform, const SaveState& state) {
  bool read_only = state.kind == SaveState::Kind::ReadOnly;
  if (!read_only && state.kind != SaveState::Kind::NotSaved) return;
  ImGui::PushStyleColor(ImGuiCol_ChildBg, read_only ? kNoticeBg : kProblemBg);
  const ImGuiStyle& style = ImGui::GetStyle();
  float width = ImGui::GetContentRegionAvail().x - 2 * style.WindowPadding.x;
  float text_height = ImGui::CalcTextSize(state.detail.c_str(), nullptr, false, width).y;
  float height = text_height + ImGui::GetFrameHeight() + style.ItemSpacing.y + 2 * style.WindowPadding.y;
  ImGui::BeginChild("save_notice", ImVec2(0, height), true, ImGuiWindowFlags_NoScrollbar);
  ImGui::PushStyleColor(ImGuiCol_Text, read_only ? ImGui::GetStyleColorVec4(ImGuiCol_Text) : kProblemColour);
  ImGui::TextWrapped("%s", state.detail.c_str());
  ImGui::PopStyleColor();
  test_mark("storage.notice");
  if (state.offer_take_over) {
    if (ImGui::Button("Take over")) platform.take_over();
    test_mark("storage.take_over");
    if (state.offer_download) ImGui::SameLine();
  }
  if (state.offer_download) {
    if (ImGui::Button("Download the ledger")) platform.download_ledger();
    test_mark("storage.download");
  }
  ImGui::EndChild();
  ImGui::PopStyleColor();
}

}  // namespace duebook::ui

#include "settings_sections.h"

#include <imgui.h>
#include <misc/cpp/imgui_stdlib.h>

#include "base/money.h"
#include "base/raster_image.h"
#include "icons.h"
#include "queries_view.h"
#include "test_hook.h"
#include "widgets.h"

namespace duebook::ui {
namespace {

// The file name at the end of `path` ("/home/a/logo.png" → "logo.png").
std::string base_name(const std::string& path) {
  const size_t slash = path.find_last_of("/\\");
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

// "PNG, 320 × 120 pixels, 14 KB" for a saved logo.
std::string logo_summary(const CompanyLogo& logo) {
  Result<RasterImage> image = read_image(logo.bytes);
  std::string text = std::string(image_format_name(logo.bytes));
  if (image) text += ", " + std::to_string(image->width) + " × " + std::to_string(image->height) + " pixels";
  return text + ", " + std::to_string((logo.bytes.size() + 1023) / 1024) + " KB";
}

void draw_logo_row(Platform& platform, Queries& queries, LogoDraft& l, Commands& commands) {
  if (l.sink.completed != l.seen) {
    l.seen = l.sink.completed;
    l.failed = !l.sink.outcome;
    l.message = l.sink.outcome ? l.sink.outcome->label + "." : describe(l.sink.problems);
  }
  if (l.loaded_revision != queries.revision()) {
    std::optional<CompanyLogo> logo = queries.company_logo();
    l.summary = logo ? logo_summary(*logo) : std::string();
    l.loaded_revision = queries.revision();
  }
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("Logo");
  ImGui::SameLine();
  if (platform.has_file_dialog()) {
    if (ImGui::Button(l.summary.empty() ? ICON_DOCUMENT " Choose a picture…"
                                        : ICON_DOCUMENT " Choose another…")) {
      l.requested = true;
      platform.choose_file(".png,.jpg,.jpeg,image/png,image/jpeg");
    }
    test_mark("settings.logo_choose");
  } else {
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 22);
    ImGui::InputTextWithHint("##logo_path", "path of a PNG or JPEG picture", &l.path);
    test_mark("settings.logo_path");
    ImGui::SameLine();
    ImGui::BeginDisabled(l.path.empty());
    if (ImGui::Button(ICON_DOCUMENT " Use this picture")) {
      l.requested = true;
      platform.open_path(l.path);
    }
    ImGui::EndDisabled();
    test_mark("settings.logo_use");
  }
  if (!l.summary.empty()) {
    ImGui::SameLine();
    if (ImGui::Button(ICON_DELETE " Remove")) commands.submit(SetCompanyLogo{}, &l.sink);
    test_mark("settings.logo_remove");
  }
  ImGui::TextDisabled("%s",
                      l.summary.empty()
                          ? "No logo: documents are headed by the company's name. A PNG or JPEG up to 512 KB."
                          : ("Printed at the top left of every document: " + l.summary + ".").c_str());
  test_mark("settings.logo_summary");
  if (!l.message.empty()) l.failed ? problem_text(l.message) : confirmation_text(l.message);
}

}  // namespace

bool accept_logo_file(std::vector<IncomingFile>& files, CompanyDraft& draft, Commands& commands) {
  LogoDraft& l = draft.logo;
  if (!l.requested || files.empty()) return false;
  l.requested = false;
  IncomingFile file = std::move(files.front());
  files.erase(files.begin());
  if (!file.error.empty()) {
    l.message = base_name(file.name) + ": " + file.error;
    l.failed = true;
  } else {
    l.message.clear();
    commands.submit(SetCompanyLogo{std::move(file.bytes), base_name(file.name)}, &l.sink);
  }
  return true;
}

void draw_company_section(Platform& platform, Queries& queries, CompanyDraft& d, Commands& commands) {
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
  ImGui::Separator();
  draw_logo_row(platform, queries, d.logo, commands);
}

}  // namespace duebook::ui

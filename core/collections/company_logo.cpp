#include "collections/company_logo.h"

#include "base/base64.h"
#include "collections/collections.h"

namespace duebook {
namespace {

constexpr const char* kLogoKey = "logo";

Json logo_to_json(const std::optional<CompanyLogo>& logo) {
  if (!logo) return {{"type", ""}, {"data", ""}};
  return {{"type", logo->media_type}, {"data", base64_encode(logo->bytes)}};
}

Status apply_logo_set(Db& db, const Event&, const Json& p) {
  const Json& after = p["after"];
  if (after.value("data", "").empty())
    return db.prepare("DELETE FROM collection_settings WHERE key = ?1").bind_all(std::string(kLogoKey)).run();
  return db
      .prepare(
          "INSERT INTO collection_settings(key, value) VALUES (?1, ?2) "
          "ON CONFLICT(key) DO UPDATE SET value = ?2")
      .bind_all(std::string(kLogoKey), to_payload(after))
      .run();
}

}  // namespace

Result<Plan> plan_command(Db& db, const SetCompanyLogo& command) {
  std::optional<CompanyLogo> before = company_logo(db), after;
  if (!command.bytes.empty()) {
    Result<RasterImage> image = read_image(command.bytes);
    if (!image)
      return Problem{
          "logo", (command.name.empty() ? std::string() : command.name + ": ") + image.problems()[0].message};
    after =
        CompanyLogo{image->format == RasterImage::Format::Png ? "image/png" : "image/jpeg", command.bytes};
  }
  if (!before && !after) return Problem{"logo", "there is no logo to remove"};
  if (before && after && before->bytes == after->bytes) return Problem{"", "nothing changed"};
  Plan plan;
  plan.label =
      after ? "Set the company's logo" + (command.name.empty() ? std::string() : " (" + command.name + ")")
            : std::string("Remove the company's logo");
  add_to_plan(plan,
              {{"collections.logo_set", {{"before", logo_to_json(before)}, {"after", logo_to_json(after)}}}});
  return plan;
}

std::optional<CompanyLogo> company_logo(Db& db) {
  Statement& st = db.prepare("SELECT value FROM collection_settings WHERE key = ?1");
  st.bind_all(std::string(kLogoKey));
  std::optional<CompanyLogo> logo;
  if (st.step()) {
    Json j = Json::parse(st.text(0), nullptr, false);
    if (j.is_object())
      if (std::optional<std::string> bytes = base64_decode(j.value("data", "")); bytes && !bytes->empty())
        logo = CompanyLogo{j.value("type", ""), std::move(*bytes)};
  }
  st.reset();
  return logo;
}

std::optional<RasterImage> company_logo_image(Db& db) {
  std::optional<CompanyLogo> logo = company_logo(db);
  if (!logo) return std::nullopt;
  Result<RasterImage> image = read_image(logo->bytes);
  if (!image) return std::nullopt;
  return std::move(image).value();
}

const std::vector<Projector>& company_logo_projectors() {
  static const std::vector<Projector> list = {
      {"collections.logo_set", apply_logo_set,
       [](const Event&, const Json& p) {
         return one_event("collections.logo_set", {{"before", p["after"]}, {"after", p["before"]}});
       }},
  };
  return list;
}

}  // namespace duebook

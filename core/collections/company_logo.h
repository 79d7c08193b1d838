// The company's logo: a PNG or JPEG picture printed at the top of every document. Saved by SetCompanyLogo,
// kept in the collection_settings table ("logo") as its media type and base64 text; the event log carries
// the picture itself, so a ledger file or a rebuild brings it back.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/raster_image.h"
#include "base/result.h"
#include "store/db.h"
#include "store/projector.h"

namespace duebook {

// The saved logo as the user gave it.
struct CompanyLogo {
  std::string media_type;  // "image/png" or "image/jpeg"
  std::string bytes;       // the file's content, unchanged
};

// Sets the logo (a PNG or JPEG file's content) or, with empty `bytes`, removes it.
struct SetCompanyLogo {
  std::string bytes;  // the picture file; "" = no logo
  std::string name;   // the file's name, for the messages ("logo.png"); may be ""
};

// Plans SetCompanyLogo. The picture must be one read_image reads (problems at field "logo", naming the file:
// "logo.gif: not a PNG or JPEG picture", too large, damaged); "nothing changed" when it equals the saved one
// (or there is none to remove). Writes nothing.
Result<Plan> plan_command(Db& db, const SetCompanyLogo& command);

// The saved logo, or nullopt when none is set. Reads only.
std::optional<CompanyLogo> company_logo(Db& db);

// The saved logo decoded for a document, or nullopt when none is set (or, which plan_command prevents, the
// stored picture no longer reads). Reads only.
std::optional<RasterImage> company_logo_image(Db& db);

// The projector of "collections.logo_set" (undo swaps before and after).
const std::vector<Projector>& company_logo_projectors();

}  // namespace duebook

// The JSON a user hands in for collections policies, interest policies and message templates: never a crash;
// a template that checks out renders without problems.
#include <cstdint>

#include "collections/collections.h"
#include "collections/collections_policy.h"
#include "collections/interest.h"
#include "collections/templates.h"
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text = as_text(data, size);
  (void)duebook::policy_from_json(text);
  (void)duebook::policy_record_from_json(text);
  (void)duebook::parse_interest_policy(text);
  duebook::TemplateValues values{{"customer", "Acme Ltd"}, {"amount", "EUR 1,200.00"}, {"days_late", "12"}};
  (void)duebook::render_text(text, values, "body");
  return 0;
}

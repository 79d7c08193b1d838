#include "collections/custom_templates.h"

#include <nlohmann/json.hpp>

#include "collections/collections.h"
#include "collections/templates_default.h"

namespace duebook {
namespace {

constexpr std::string_view kKeyPrefix = "template:";

// The saved wording of template `id` as stored ({"subject", "body"}), or null.
Json stored_wording(Db& db, const std::string& id) {
  Statement& st = db.prepare("SELECT value FROM collection_settings WHERE key = ?1");
  st.bind_all(std::string(kKeyPrefix) + id);
  Json out = st.step() ? Json::parse(st.text(0)) : Json();
  st.reset();
  return out;
}

Status apply_template_saved(Db& db, const Event&, const Json& p) {
  const std::string key = std::string(kKeyPrefix) + p["id"].get<std::string>();
  const Json& after = p["after"];
  if (after.is_null())
    return db.prepare("DELETE FROM collection_settings WHERE key = ?1").bind_all(key).run();
  return db
      .prepare(
          "INSERT INTO collection_settings(key, value) VALUES (?1, ?2) "
          "ON CONFLICT(key) DO UPDATE SET value = ?2")
      .bind_all(key, to_payload(after))
      .run();
}

}  // namespace

std::vector<MessageTemplate> custom_templates(Db& db) {
  std::vector<MessageTemplate> out;
  for (const MessageTemplate& builtin : default_templates()) {
    Json saved = stored_wording(db, builtin.id);
    if (saved.is_null()) continue;
    MessageTemplate t = builtin;
    t.subject = saved["subject"].get<std::string>();
    t.body = saved["body"].get<std::string>();
    out.push_back(std::move(t));
  }
  return out;
}

const MessageTemplate* template_in_use(const std::vector<MessageTemplate>& custom, std::string_view id) {
  if (const MessageTemplate* own = find_template(custom, id)) return own;
  return find_template(default_templates(), id);
}

Result<Plan> plan_command(Db& db, const SaveTemplate& command) {
  const MessageTemplate* builtin = find_template(default_templates(), command.id);
  if (!builtin) return Problem{"id", "no built-in message template \"" + command.id + "\""};
  const Json before = stored_wording(db, command.id);
  Json after;
  if (command.reset) {
    if (before.is_null())
      return Problem{"id", "template " + command.id + " already has its built-in wording"};
  } else {
    MessageTemplate t = *builtin;
    t.subject = command.subject;
    t.body = command.body;
    Status checked = check_template(t);
    if (!checked) {
      Problems problems;
      for (const Problem& p : checked.problems()) {
        const bool subject = p.where.size() >= 8 && p.where.compare(p.where.size() - 8, 8, ".subject") == 0;
        problems.push_back({subject ? "subject" : "body", p.message});
      }
      return problems;
    }
    after = {{"subject", t.subject}, {"body", t.body}};
    if (after == before) return Problem{"", "nothing changed"};
  }
  Plan plan;
  plan.label = (command.reset ? "Reset message template " : "Save message template ") + command.id;
  add_to_plan(plan,
              {{"collections.template_saved", {{"id", command.id}, {"before", before}, {"after", after}}}});
  return plan;
}

const std::vector<Projector>& custom_template_projectors() {
  static const std::vector<Projector> list = {
      {"collections.template_saved", apply_template_saved,
       [](const Event&, const Json& p) {
         Json swapped = p;
         swapped["before"] = p["after"];
         swapped["after"] = p["before"];
         return one_event("collections.template_saved", swapped);
       }},
  };
  return list;
}

}  // namespace duebook

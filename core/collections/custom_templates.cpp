#include "collections/custom_templates.h"

#include <nlohmann/json.hpp>

#include "collections/collections.h"
#include "collections/templates_default.h"

namespace duebook {
namespace {

constexpr std::string_view kKeyPrefix = "template:";

// Where a wording is kept: "template:<id>" for English (as before languages existed), "template:<id>:<code>"
// for another language.
std::string key_of(const std::string& id, const std::string& code) {
  return std::string(kKeyPrefix) + id + (code == "en" ? "" : ":" + code);
}

// The saved wording of template `id` in `language` as stored ({"subject", "body"}), or null.
Json stored_wording(Db& db, const std::string& id, Language language) {
  Statement& st = db.prepare("SELECT value FROM collection_settings WHERE key = ?1");
  st.bind_all(key_of(id, language_code(language)));
  Json out = st.step() ? Json::parse(st.text(0)) : Json();
  st.reset();
  return out;
}

Status apply_template_saved(Db& db, const Event&, const Json& p) {
  const std::string key = key_of(p["id"].get<std::string>(), p.value("language", "en"));
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
  for (Language language : known_languages()) {
    for (const MessageTemplate& builtin : default_templates(language)) {
      Json saved = stored_wording(db, builtin.id, language);
      if (saved.is_null()) continue;
      MessageTemplate t = builtin;
      t.subject = saved["subject"].get<std::string>();
      t.body = saved["body"].get<std::string>();
      out.push_back(std::move(t));
    }
  }
  return out;
}

const MessageTemplate* template_in_use(const std::vector<MessageTemplate>& custom, std::string_view id,
                                       Language language) {
  if (const MessageTemplate* own = find_template(custom, id, language)) return own;
  return find_template(default_templates(language), id);
}

Result<Plan> plan_command(Db& db, const SaveTemplate& command) {
  const MessageTemplate* builtin = find_template(default_templates(command.language), command.id);
  if (!builtin) return Problem{"id", "no built-in message template \"" + command.id + "\""};
  const Json before = stored_wording(db, command.id, command.language);
  Json after;
  if (command.reset) {
    if (before.is_null())
      return Problem{"id", "template " + command.id + " (" + language_code(command.language) +
                               ") already has its built-in wording"};
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
  Json payload = {{"id", command.id}, {"before", before}, {"after", after}};
  if (command.language != Language::English) {
    payload["language"] = language_code(command.language);
    plan.label += std::string(" (") + language_name(command.language) + ")";
  }
  add_to_plan(plan, {{"collections.template_saved", payload}});
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

#include "customers/customer_commands.h"

#include <algorithm>

#include "base/currencies.h"
#include "base/locale.h"
#include "base/party_ids.h"
#include "base/text.h"
#include "customers/customer_queries.h"
#include "customers/terms.h"
#include "store/projector.h"

namespace duebook {

namespace {

std::string trim(std::string_view s) {
  size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return "";
  size_t e = s.find_last_not_of(" \t\r\n");
  return std::string(s.substr(b, e - b + 1));
}

Json fields_to_json(const CustomerFields& f) {
  Json contacts = Json::array();
  for (const Contact& c : f.contacts)
    contacts.push_back({{"role", c.role}, {"name", c.name}, {"email", c.email}, {"phone", c.phone}});
  Json j = {
      {"name", f.name},   {"currency", f.currency}, {"address", f.address},          {"tax_id", f.tax_id},
      {"terms", f.terms}, {"notes", f.notes},       {"status", to_string(f.status)}, {"contacts", contacts}};
  j["credit_limit"] = f.credit_limit ? Json(*f.credit_limit) : Json(nullptr);
  if (f.language != "en") j["language"] = f.language;  // absent = English, as before languages existed
  if (!f.country.empty()) j["country"] = f.country;    // absent = none, as before countries existed
  if (!f.endpoint.empty()) j["endpoint"] = f.endpoint;
  return j;
}

CustomerFields fields_from_json(const Json& j) {
  CustomerFields f;
  f.name = j.value("name", "");
  f.currency = j.value("currency", "");
  f.address = j.value("address", "");
  f.tax_id = j.value("tax_id", "");
  f.terms = j.value("terms", "");
  f.notes = j.value("notes", "");
  f.status = customer_status_from(j.value("status", "active")).value_or(CustomerStatus::Active);
  f.language = j.value("language", "en");
  f.country = j.value("country", "");
  f.endpoint = j.value("endpoint", "");
  if (j.contains("credit_limit") && j["credit_limit"].is_number_integer())
    f.credit_limit = j["credit_limit"].get<int64_t>();
  if (j.contains("contacts"))
    for (const Json& c : j["contacts"])
      f.contacts.push_back(
          {c.value("role", ""), c.value("name", ""), c.value("email", ""), c.value("phone", "")});
  return f;
}

// Normalises and checks fields; `self` is the id being edited (0 when adding), for the uniqueness check,
// which `check_unique` false skips (the caller knows the name is new).
Result<CustomerFields> validate(Db& db, CustomerFields f, int64_t self, bool check_unique = true) {
  Problems problems;
  f.name = normalize_blanks(f.name);
  f.currency = trim(f.currency);
  std::transform(f.currency.begin(), f.currency.end(), f.currency.begin(),
                 [](char c) { return (c >= 'a' && c <= 'z') ? char(c - 'a' + 'A') : c; });
  f.terms = trim(f.terms);
  f.tax_id = trim(f.tax_id);
  f.country = trim(f.country);
  std::transform(f.country.begin(), f.country.end(), f.country.begin(),
                 [](char c) { return (c >= 'a' && c <= 'z') ? char(c - 'a' + 'A') : c; });
  f.endpoint = trim(f.endpoint);
  if (f.name.empty())
    problems.push_back({"name", "a customer needs a name"});
  else if (std::optional<ControlChar> bad = find_control(f.name))
    problems.push_back({"name", "contains the control character " + code_point_name(bad->code) + " at byte " +
                                    std::to_string(bad->offset + 1) + "; names are printable text"});
  else if (f.name.size() > 200)
    problems.push_back({"name", "is longer than 200 characters"});
  else if (auto other = check_unique ? find_customer_by_name(db, f.name) : std::nullopt;
           other && other->id != self)
    problems.push_back({"name", "a customer named \"" + other->fields.name + "\" already exists"});
  if (!is_known_currency(f.currency))
    problems.push_back({"currency", "\"" + f.currency + "\" is not an ISO 4217 currency code"});
  if (!f.terms.empty())
    if (auto terms = check_terms(f.terms); !terms.empty()) problems.push_back({"terms", terms});
  if (f.credit_limit && *f.credit_limit < 0) problems.push_back({"credit_limit", "cannot be negative"});
  if (Result<Language> language = parse_language(f.language))
    f.language = language_code(*language);
  else
    problems.push_back(language.problems().front());
  if (!f.country.empty() && !is_iso_country(f.country))
    problems.push_back({"country", "\"" + f.country + "\" is not an ISO 3166 country code (\"FR\", \"GB\")"});
  if (!f.endpoint.empty())
    if (std::optional<std::string> bad = endpoint_problem(f.endpoint)) problems.push_back({"endpoint", *bad});
  for (size_t i = 0; i < f.contacts.size(); ++i) {
    Contact& c = f.contacts[i];
    std::string where = "contacts[" + std::to_string(i + 1) + "]";
    c.name = normalize_blanks(c.name);
    c.email = trim(c.email);
    c.phone = trim(c.phone);
    if (c.role != "billing" && c.role != "escalation")
      problems.push_back({where + ".role", "must be \"billing\" or \"escalation\""});
    if (c.name.empty() && c.email.empty() && c.phone.empty())
      problems.push_back({where, "needs a name, an email or a phone number"});
    if (!c.email.empty() &&
        (c.email.find('@') == std::string::npos || c.email.find(' ') != std::string::npos))
      problems.push_back({where + ".email", "\"" + c.email + "\" is not an email address"});
  }
  if (!problems.empty()) return problems;
  return f;
}

Status write_contacts(Db& db, int64_t id, const std::vector<Contact>& contacts) {
  if (Status s = db.prepare("DELETE FROM contacts WHERE customer_id = ?1").bind_all(id).run(); !s) return s;
  for (size_t i = 0; i < contacts.size(); ++i) {
    const Contact& c = contacts[i];
    Status s = db.prepare(
                     "INSERT INTO contacts(customer_id, position, role, name, email, phone) "
                     "VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
                   .bind_all(id, int64_t(i), c.role, c.name, c.email, c.phone)
                   .run();
    if (!s) return s;
  }
  return ok_status();
}

Status write_fields(Db& db, int64_t id, const CustomerFields& f) {
  Status s = db.prepare(
                   "UPDATE customers SET name = ?2, name_key = ?3, currency = ?4, address = ?5, tax_id = ?6, "
                   "terms = ?7, credit_limit = ?8, notes = ?9, status = ?10, language = ?11, country = ?12, "
                   "endpoint = ?13 WHERE id = ?1")
                 .bind_all(id, f.name, name_key(f.name), f.currency, f.address, f.tax_id, f.terms,
                           f.credit_limit, f.notes, to_string(f.status), f.language, f.country, f.endpoint)
                 .run();
  if (!s) return s;
  return write_contacts(db, id, f.contacts);
}

Status apply_added(Db& db, const Event& e, const Json& p) {
  int64_t id = p.at("id").get<int64_t>();
  CustomerFields f = fields_from_json(p.at("fields"));
  // One INSERT with every column: imports add customers by the hundred thousand.
  Status s =
      db.prepare(
            "INSERT INTO customers(id, name, name_key, currency, address, tax_id, terms, credit_limit, "
            "notes, status, created_seq, language, country, endpoint) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, "
            "?8, "
            "?9, ?10, ?11, ?12, ?13, ?14)")
          .bind_all(id, f.name, name_key(f.name), f.currency, f.address, f.tax_id, f.terms, f.credit_limit,
                    f.notes, to_string(f.status), e.seq, f.language, f.country, f.endpoint)
          .run();
  if (!s || f.contacts.empty()) return s;
  return write_contacts(db, id, f.contacts);
}

Status apply_retracted(Db& db, const Event&, const Json& p) {
  return db.prepare("UPDATE customers SET retracted = 1 WHERE id = ?1")
      .bind_all(p.at("id").get<int64_t>())
      .run();
}

Status apply_restored(Db& db, const Event&, const Json& p) {
  return db.prepare("UPDATE customers SET retracted = 0 WHERE id = ?1")
      .bind_all(p.at("id").get<int64_t>())
      .run();
}

Status apply_edited(Db& db, const Event&, const Json& p) {
  return write_fields(db, p.at("id").get<int64_t>(), fields_from_json(p.at("after")));
}

EventDraft id_event(const char* type, const Json& p) {
  return {type, to_payload(Json{{"id", p.at("id")}})};
}

// customers.retracted / customers.restored: {"ids": [...]}, from a customers.added batch or one of these.
EventDraft batch_event(const char* type, const Json& p) {
  Json ids = Json::array();
  if (p.contains("ids"))
    ids = p["ids"];
  else
    for (const Json& c : p["customers"]) ids.push_back(c["id"]);
  return {type, to_payload(Json{{"ids", ids}})};
}

Status apply_batch(Db& db, const Event& e, const Json& p, bool retract) {
  for (const Json& id : p["ids"])
    if (Status s =
            retract ? apply_retracted(db, e, Json{{"id", id}}) : apply_restored(db, e, Json{{"id", id}});
        !s)
      return s;
  return ok_status();
}

}  // namespace

const std::vector<Projector>& customer_projectors() {
  static const std::vector<Projector> list = {
      {"customer.added", apply_added,
       [](const Event&, const Json& p) {
         return std::vector<EventDraft>{id_event("customer.retracted", p)};
       }},
      {"customer.retracted", apply_retracted,
       [](const Event&, const Json& p) { return std::vector<EventDraft>{id_event("customer.restored", p)}; }},
      {"customer.restored", apply_restored,
       [](const Event&, const Json& p) {
         return std::vector<EventDraft>{id_event("customer.retracted", p)};
       }},
      // A batch of customers created by an import: {"customers": [customer.added payloads]}; undo retracts
      // them.
      {"customers.added",
       [](Db& db, const Event& e, const Json& p) {
         for (const Json& c : p["customers"])
           if (Status s = apply_added(db, e, c); !s) return s;
         return ok_status();
       },
       [](const Event&, const Json& p) {
         return std::vector<EventDraft>{batch_event("customers.retracted", p)};
       }},
      {"customers.retracted",
       [](Db& db, const Event& e, const Json& p) { return apply_batch(db, e, p, true); },
       [](const Event&, const Json& p) {
         return std::vector<EventDraft>{batch_event("customers.restored", p)};
       }},
      {"customers.restored",
       [](Db& db, const Event& e, const Json& p) { return apply_batch(db, e, p, false); },
       [](const Event&, const Json& p) {
         return std::vector<EventDraft>{batch_event("customers.retracted", p)};
       }},
      {"customer.edited", apply_edited,
       [](const Event&, const Json& p) {
         Json swapped = {{"id", p.at("id")}, {"before", p.at("after")}, {"after", p.at("before")}};
         return std::vector<EventDraft>{{"customer.edited", to_payload(swapped)}};
       }},
  };
  return list;
}

Result<Json> customer_added_payload(Db& db, const CustomerFields& fields, bool check_unique, int64_t id) {
  Result<CustomerFields> valid = validate(db, fields, 0, check_unique);
  if (!valid) return valid.problems();
  if (id == 0) {
    Statement& next = db.prepare("SELECT coalesce(max(id), 0) + 1 FROM customers");
    id = next.step() ? next.int64(0) : 1;
    next.reset();
  }
  return Json{{"id", id}, {"fields", fields_to_json(*valid)}};
}

Result<Plan> plan_command(Db& db, const AddCustomer& command) {
  Result<Json> payload = customer_added_payload(db, command.fields);
  if (!payload) return payload.problems();
  Plan plan;
  plan.label = "Add customer " + payload.value()["fields"]["name"].get<std::string>();
  plan.created_id = payload.value()["id"].get<int64_t>();
  plan.events.push_back({"customer.added", to_payload(payload.value())});
  return plan;
}

namespace {

// What the history calls an edit: a change of standing alone says so ("Put Acme Ltd on credit hold"),
// anything else is "Edit customer Acme Ltd".
std::string edit_label(const CustomerFields& before, const CustomerFields& after) {
  CustomerFields same_standing = after;
  same_standing.status = before.status;
  same_standing.notes = before.notes;  // a hold's reason is noted with it
  if (after.status == before.status || fields_to_json(same_standing) != fields_to_json(before))
    return "Edit customer " + after.name;
  switch (after.status) {
    case CustomerStatus::CreditHold:
      return "Put " + after.name + " on credit hold";
    case CustomerStatus::CashOnDelivery:
      return "Put " + after.name + " on cash on delivery";
    case CustomerStatus::Active:
      break;
  }
  return "Release " + after.name + " from " +
         (before.status == CustomerStatus::CreditHold ? "credit hold" : "cash on delivery");
}

}  // namespace

Result<Plan> plan_command(Db& db, const EditCustomer& command) {
  std::optional<Customer> before = find_customer(db, command.id);
  if (!before) return Problem{"id", "no customer with id " + std::to_string(command.id)};
  Result<CustomerFields> fields = validate(db, command.fields, command.id);
  if (!fields) return fields.problems();
  Json b = fields_to_json(before->fields), a = fields_to_json(*fields);
  if (a == b) return Problem{"", "nothing changed"};
  if (fields->currency != before->fields.currency) {
    // Amounts are kept in the customer's currency: once money is recorded it cannot change.
    Statement& used = db.prepare(
        "SELECT 1 FROM invoices WHERE customer_id = ?1 UNION ALL SELECT 1 FROM payments "
        "WHERE customer_id = ?1 UNION ALL SELECT 1 FROM credit_notes WHERE customer_id = ?1 "
        "LIMIT 1");
    used.bind_all(command.id);
    bool has_records = used.step();
    used.reset();
    if (has_records)
      return Problem{"currency", "cannot change: " + before->fields.name +
                                     " already has invoices or payments in " + before->fields.currency};
  }
  Plan plan;
  plan.label = edit_label(before->fields, *fields);
  plan.events.push_back(
      {"customer.edited", to_payload(Json{{"id", command.id}, {"before", b}, {"after", a}})});
  return plan;
}

Result<Plan> plan_command(Db& db, const RequireDeposit& command) {
  std::optional<Customer> customer = find_customer(db, command.customer_id);
  if (!customer) return Problem{"customer_id", "no customer with id " + std::to_string(command.customer_id)};
  Result<PaymentTerms> terms = parse_terms(customer->fields.terms);
  if (!terms)
    return Problem{"terms", customer->fields.name + "'s terms \"" + customer->fields.terms +
                                "\" cannot be read: " + terms.problems()[0].message};
  PaymentTerms wanted = *terms;
  wanted.deposit_percent = command.percent;
  if (!validate_terms(wanted)) return Problem{"percent", "a deposit is a percent from 0 to 100"};
  if (wanted == *terms)
    return Problem{"percent",
                   customer->fields.name + "'s terms already read \"" + customer->fields.terms + "\""};
  EditCustomer edit{customer->id, customer->fields};
  edit.fields.terms = to_string(wanted);
  Result<Plan> plan = plan_command(db, edit);
  if (!plan) return plan.problems();
  Plan out = plan.value();
  out.label = command.percent.units == 0
                  ? "Stop asking " + customer->fields.name + " for a deposit"
                  : "Require a deposit from " + customer->fields.name + ": " + edit.fields.terms;
  return out;
}

Result<Plan> plan_command(Db& db, const SetCustomerLanguage& command) {
  std::optional<Customer> customer = find_customer(db, command.customer_id);
  if (!customer) return Problem{"customer_id", "no customer with id " + std::to_string(command.customer_id)};
  const std::string code = language_code(command.language);
  if (customer->fields.language == code)
    return Problem{"language", customer->fields.name + " already gets its messages in " +
                                   language_name(command.language)};
  EditCustomer edit{customer->id, customer->fields};
  edit.fields.language = code;
  Result<Plan> plan = plan_command(db, edit);
  if (!plan) return plan.problems();
  Plan out = plan.value();
  out.label = "Write to " + customer->fields.name + " in " + language_name(command.language);
  return out;
}

}  // namespace duebook

// The collections engine's vocabulary, stored policies, the credit-hold check at issue, shared helpers, and
// the projectors of the follow-up records: policies, company details, per-customer settings (policy, snooze,
// hold), hold overrides, steps done, the contact record, promises and disputes.
#include "collections/collections.h"

#include <algorithm>

#include "base/currencies.h"
#include "collections/collections_charges.h"
#include "collections/collections_endgame.h"
#include "collections/collections_queries.h"
#include "collections/company_defaults.h"
#include "collections/company_logo.h"
#include "collections/custom_templates.h"
#include "collections/documents_sent.h"
#include "customers/customer_queries.h"
#include "invoicing/receivables.h"

namespace duebook {

// ---------------------------------------------------------------------------------------------
// Vocabulary

namespace {

template <class E, size_t N>
std::optional<E> from_names(const std::pair<E, const char*> (&names)[N], std::string_view text) {
  for (const auto& [value, name] : names)
    if (text == name) return value;
  return std::nullopt;
}

template <class E, size_t N>
const char* name_of(const std::pair<E, const char*> (&names)[N], E value) {
  for (const auto& [v, name] : names)
    if (v == value) return name;
  return "";
}

const std::pair<ContactChannel, const char*> kChannels[] = {
    {ContactChannel::Email, "email"}, {ContactChannel::Phone, "phone"}, {ContactChannel::Letter, "letter"},
    {ContactChannel::Visit, "visit"}, {ContactChannel::Other, "other"}, {ContactChannel::Reply, "reply"}};
const std::pair<ContactOutcome, const char*> kOutcomes[] = {
    {ContactOutcome::Reached, "reached"},    {ContactOutcome::Voicemail, "voicemail"},
    {ContactOutcome::NoAnswer, "no_answer"}, {ContactOutcome::WrongContact, "wrong_contact"},
    {ContactOutcome::Promised, "promised"},  {ContactOutcome::Disputed, "disputed"},
    {ContactOutcome::Paid, "paid"}};
const std::pair<DisputeReason, const char*> kReasons[] = {{DisputeReason::Pricing, "pricing"},
                                                          {DisputeReason::NotDelivered, "not_delivered"},
                                                          {DisputeReason::Quality, "quality"},
                                                          {DisputeReason::NotReceived, "not_received"},
                                                          {DisputeReason::Other, "other"}};
const std::pair<DisputeResolution, const char*> kResolutions[] = {{DisputeResolution::Credit, "credit"},
                                                                  {DisputeResolution::Partial, "partial"},
                                                                  {DisputeResolution::Rejected, "rejected"}};

}  // namespace

const char* to_string(ContactChannel channel) {
  return name_of(kChannels, channel);
}
std::optional<ContactChannel> contact_channel_from(std::string_view text) {
  return from_names(kChannels, text);
}
const char* to_string(ContactOutcome outcome) {
  return name_of(kOutcomes, outcome);
}
std::optional<ContactOutcome> contact_outcome_from(std::string_view text) {
  return from_names(kOutcomes, text);
}
const char* to_string(DisputeReason reason) {
  return name_of(kReasons, reason);
}
std::optional<DisputeReason> dispute_reason_from(std::string_view text) {
  return from_names(kReasons, text);
}
const char* to_string(DisputeResolution resolution) {
  return name_of(kResolutions, resolution);
}
std::optional<DisputeResolution> dispute_resolution_from(std::string_view text) {
  return from_names(kResolutions, text);
}

ContactChannel channel_for(StepAction action) {
  switch (action) {
    case StepAction::EmailReminder:
      return ContactChannel::Email;
    case StepAction::PhoneCall:
      return ContactChannel::Phone;
    default:
      return ContactChannel::Letter;
  }
}

// ---------------------------------------------------------------------------------------------
// Policies as stored

PolicyRecord default_policy_record() {
  PolicyRecord r;
  r.policy = default_policy();
  return r;
}

Result<PolicyRecord> policy_record_from_json(std::string_view text) {
  Result<CollectionPolicy> policy = policy_from_json(text);
  if (!policy) return policy.problems();
  PolicyRecord r;
  r.policy = policy.value();
  const Json j = Json::parse(text.begin(), text.end(), nullptr, false);
  auto fee = j.find("late_fee");
  if (fee == j.end() || fee->is_null()) return r;
  Problems problems;
  if (!fee->is_object()) return Problem{"late_fee", "must be an object with \"flat\" and \"percent\""};
  if (auto percent = fee->find("percent"); percent != fee->end()) {
    Result<Decimal> d = percent->is_string()
                            ? parse_decimal(percent->get<std::string>())
                            : Result<Decimal>(Problem{"", "must be a decimal text like \"1.5\""});
    if (d)
      r.late_fee.percent = d.value();
    else
      problems.push_back({"late_fee.percent", d.problems()[0].message});
  }
  if (auto flat = fee->find("flat"); flat != fee->end()) {
    if (!flat->is_array()) {
      problems.push_back({"late_fee.flat", "must be a list of {\"currency\", \"amount\"}"});
    } else {
      for (size_t i = 0; i < flat->size(); ++i) {
        const Json& f = (*flat)[i];
        std::string where = "late_fee.flat[" + std::to_string(i) + "]";
        if (!f.is_object() || !f.contains("currency") || !f.contains("amount") ||
            !f["currency"].is_string() || !f["amount"].is_string()) {
          problems.push_back({where, "needs \"currency\" and \"amount\" as text"});
          continue;
        }
        Result<CurrencyCode> code = parse_currency_code(f["currency"].get<std::string>());
        if (!code || !builtin_currencies().find(code->view())) {
          problems.push_back({where + ".currency", "is not an ISO 4217 currency code"});
          continue;
        }
        Result<int64_t> amount = parse_amount(f["amount"].get<std::string>(), currency_digits(code->view()));
        if (!amount)
          problems.push_back({where + ".amount", amount.problems()[0].message});
        else
          r.late_fee.flat.push_back(Money{amount.value(), code.value()});
      }
    }
  }
  if (problems.empty())
    if (Status s = validate_late_fee_rule(r.late_fee); !s) problems = s.problems();
  if (!problems.empty()) return problems;
  return r;
}

std::string policy_record_to_json(const PolicyRecord& record) {
  Json j = Json::parse(policy_to_json(record.policy));
  Json flat = Json::array();
  for (const Money& m : record.late_fee.flat)
    flat.push_back({{"currency", std::string(m.currency.view())},
                    {"amount", format_amount(m.minor, currency_digits(m.currency.view()))}});
  if (!flat.empty() || record.late_fee.percent.units != 0)
    j["late_fee"] = {{"flat", flat}, {"percent", to_string(record.late_fee.percent)}};
  return to_payload(j);
}

// ---------------------------------------------------------------------------------------------
// The credit-hold check at issue

// ---------------------------------------------------------------------------------------------
// Shared helpers (collections_internal.h)

Json ids_json(const std::vector<int64_t>& ids) {
  Json a = Json::array();
  for (int64_t id : ids) a.push_back(id);
  return a;
}

std::vector<int64_t> ids_from(const Json& array) {
  std::vector<int64_t> ids;
  for (const Json& v : array) ids.push_back(v.get<int64_t>());
  return ids;
}

std::vector<int64_t> ids_from_text(std::string_view text) {
  Json j = Json::parse(text.begin(), text.end(), nullptr, false);
  assert(j.is_array());
  return ids_from(j);
}

std::vector<EventDraft> one_event(const char* type, const Json& payload) {
  return {{type, to_payload(payload)}};
}

namespace {

// The inverse of an event whose payload has "before" and "after": the same type with the two swapped.
std::vector<EventDraft> swap_before_after(const Event& e, const Json& p) {
  Json swapped = p;
  swapped["before"] = p["after"];
  swapped["after"] = p["before"];
  return {{e.type, to_payload(swapped)}};
}

}  // namespace

void check_date(Problems& problems, const Date& date, const std::string& field) {
  if (!is_valid(date) || date.y < 1 || date.y > 9999) problems.push_back({field, "is not a valid date"});
}

void check_text(Problems& problems, const std::string& text, size_t limit, const char* field) {
  if (text.size() > limit)
    problems.push_back({field, "is longer than " + std::to_string(limit) + " characters"});
}

Problem no_customer(int64_t id) {
  return {"customer_id", "no customer with id " + std::to_string(id)};
}

std::string money_label(int64_t minor, const std::string& currency) {
  Result<CurrencyCode> code = parse_currency_code(currency);
  return code ? format_money_for_letter(Money{minor, code.value()})
              : format_amount(minor, 2) + " " + currency;
}

Money open_money(const CollectionInvoice& invoice) {
  Result<CurrencyCode> code = parse_currency_code(invoice.currency);
  return Money{invoice.open, code ? code.value() : CurrencyCode{}};
}

Result<std::vector<CollectionInvoice>> customer_invoices_arg(Db& db, int64_t customer_id,
                                                             const std::vector<int64_t>& ids,
                                                             const Date& as_of, const std::string& field) {
  std::vector<CollectionInvoice> out;
  if (ids.empty()) {
    out = open_collection_invoices(db, as_of, customer_id);
    if (out.empty()) return Problem{field, "the customer has nothing open"};
    return out;
  }
  Problems problems;
  for (size_t i = 0; i < ids.size(); ++i) {
    std::string where = field + "[" + std::to_string(i) + "]";
    std::optional<CollectionInvoice> inv = find_collection_invoice(db, ids[i]);
    if (!inv || inv->voided)
      problems.push_back({where, "no issued invoice with id " + std::to_string(ids[i])});
    else if (inv->customer_id != customer_id)
      problems.push_back({where, "invoice " + inv->number + " belongs to another customer"});
    else if (inv->open <= 0)
      problems.push_back({where, "invoice " + inv->number + " has nothing open"});
    else if (std::any_of(out.begin(), out.end(), [&](const CollectionInvoice& o) { return o.id == inv->id; }))
      problems.push_back({where, "invoice " + inv->number + " is named twice"});
    else
      out.push_back(*inv);
  }
  if (!problems.empty()) return problems;
  return out;
}

Status set_account_column(Db& db, int64_t customer_id, const char* column, const Json& value) {
  if (Status s = db.prepare("INSERT OR IGNORE INTO collection_accounts(customer_id) VALUES (?1)")
                     .bind_all(customer_id)
                     .run();
      !s)
    return s;
  Statement& st =
      db.prepare(std::string("UPDATE collection_accounts SET ") + column + " = ?2 WHERE customer_id = ?1");
  st.bind(1, customer_id);
  if (value.is_null())
    st.bind_null(2);
  else if (value.is_string())
    st.bind(2, value.get<std::string>());
  else if (value.is_boolean())
    st.bind(2, int64_t(value.get<bool>()));
  else
    st.bind(2, value.get<int64_t>());
  return st.run();
}

// ---------------------------------------------------------------------------------------------
// Projectors

namespace {

Status apply_policy_saved(Db& db, const Event&, const Json& p) {
  int64_t id = p["id"].get<int64_t>();
  const Json& after = p["after"];
  if (after.is_null())
    return db.prepare("UPDATE collection_policies SET removed = 1 WHERE id = ?1").bind_all(id).run();
  return db
      .prepare(
          "INSERT INTO collection_policies(id, name, policy) VALUES (?1, ?2, ?3) "
          "ON CONFLICT(id) DO UPDATE SET name = ?2, policy = ?3, removed = 0")
      .bind_all(id, after["name"].get<std::string>(), to_payload(after))
      .run();
}

Status apply_company_set(Db& db, const Event&, const Json& p) {
  return db
      .prepare(
          "INSERT INTO collection_settings(key, value) VALUES ('company', ?1) "
          "ON CONFLICT(key) DO UPDATE SET value = ?1")
      .bind_all(to_payload(p["after"]))
      .run();
}

Status apply_policy_assigned(Db& db, const Event&, const Json& p) {
  return set_account_column(db, p["customer"].get<int64_t>(), "policy_id", p["after"]);
}

Status apply_snoozed(Db& db, const Event&, const Json& p) {
  return set_account_column(db, p["customer"].get<int64_t>(), "snoozed_until", p["after"]);
}

Status apply_hold_set(Db& db, const Event&, const Json& p) {
  int64_t customer = p["customer"].get<int64_t>();
  const Json& after = p["after"];
  if (Status s = db.prepare("UPDATE customers SET status = ?2 WHERE id = ?1")
                     .bind_all(customer, after["status"].get<std::string>())
                     .run();
      !s)
    return s;
  return set_account_column(db, customer, "hold_by_rules", after["by_rules"]);
}

Status apply_hold_override(Db& db, const Json& p, bool retract) {
  if (retract)
    return db.prepare("UPDATE hold_overrides SET retracted = 1 WHERE id = ?1")
        .bind_all(p["id"].get<int64_t>())
        .run();
  return db
      .prepare(
          "INSERT INTO hold_overrides(id, customer_id, invoice_id, date, status, reason) VALUES (?1, ?2, ?3, "
          "?4, "
          "?5, ?6) ON CONFLICT(id) DO UPDATE SET retracted = 0")
      .bind_all(p["id"].get<int64_t>(), p["customer"].get<int64_t>(), p["invoice"].get<int64_t>(),
                p["date"].get<std::string>(), p["status"].get<std::string>(), p["reason"].get<std::string>())
      .run();
}

Status apply_step_done(Db& db, const Json& p, bool undo) {
  int64_t id = p["id"].get<int64_t>();
  if (undo)
    return db.prepare("UPDATE collection_steps SET removed = 1 WHERE done_id = ?1").bind_all(id).run();
  Statement& ins = db.prepare(
      "INSERT INTO collection_steps(done_id, invoice_id, customer_id, step_index, date, outcome) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT(done_id, invoice_id) DO UPDATE SET removed = 0");
  for (const Json& s : p["steps"]) {
    Status st =
        ins.bind_all(id, s["invoice"].get<int64_t>(), p["customer"].get<int64_t>(), s["step"].get<int64_t>(),
                     p["date"].get<std::string>(), p["outcome"].get<std::string>())
            .run();
    if (!st) return st;
  }
  return ok_status();
}

Status apply_contact(Db& db, const Event& e, const Json& p, bool retract) {
  int64_t id = p["id"].get<int64_t>();
  if (retract) return db.prepare("UPDATE contact_log SET retracted = 1 WHERE id = ?1").bind_all(id).run();
  Statement& st = db.prepare(
      "INSERT INTO contact_log(id, customer_id, date, channel, person, outcome, notes, invoices, "
      "step_done_id, "
      "created_seq) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) ON CONFLICT(id) DO UPDATE SET retracted "
      "= 0");
  st.bind_all(id, p["customer"].get<int64_t>(), p["date"].get<std::string>(), p["channel"].get<std::string>(),
              p["person"].get<std::string>(), p["outcome"].get<std::string>(), p["notes"].get<std::string>(),
              p["invoices"].get<std::string>());
  int64_t step = p.value("step_done", int64_t{0});
  if (step)
    st.bind(9, step);
  else
    st.bind_null(9);
  st.bind(10, e.seq);
  return st.run();
}

Status apply_promise(Db& db, const Json& p, bool retract) {
  int64_t id = p["id"].get<int64_t>();
  if (retract) return db.prepare("UPDATE promises SET retracted = 1 WHERE id = ?1").bind_all(id).run();
  return db
      .prepare(
          "INSERT INTO promises(id, customer_id, made_on, pay_by, amount, currency, invoices, notes) "
          "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT(id) DO UPDATE SET retracted = 0")
      .bind_all(id, p["customer"].get<int64_t>(), p["date"].get<std::string>(),
                p["pay_by"].get<std::string>(), p["amount"].get<int64_t>(), p["currency"].get<std::string>(),
                to_payload(p["invoices"]), p["notes"].get<std::string>())
      .run();
}

Status apply_dispute_opened(Db& db, const Json& p, bool withdraw) {
  int64_t id = p["id"].get<int64_t>();
  if (withdraw)
    return db.prepare("UPDATE disputes SET status = 'withdrawn' WHERE id = ?1").bind_all(id).run();
  return db
      .prepare(
          "INSERT INTO disputes(id, invoice_id, customer_id, opened_on, reason, notes, status) "
          "VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'open') ON CONFLICT(id) DO UPDATE SET status = 'open'")
      .bind_all(id, p["invoice"].get<int64_t>(), p["customer"].get<int64_t>(), p["date"].get<std::string>(),
                p["reason"].get<std::string>(), p["notes"].get<std::string>())
      .run();
}

Status apply_dispute_resolved(Db& db, const Json& p, bool reopen) {
  int64_t id = p["id"].get<int64_t>();
  if (reopen)
    return db
        .prepare(
            "UPDATE disputes SET status = 'open', resolved_on = NULL, resolution = NULL, amount = NULL, "
            "credit_note_id = NULL WHERE id = ?1")
        .bind_all(id)
        .run();
  Statement& st = db.prepare(
      "UPDATE disputes SET status = 'resolved', resolved_on = ?2, resolution = ?3, amount = ?4, "
      "credit_note_id = ?5 "
      "WHERE id = ?1");
  st.bind_all(id, p["date"].get<std::string>(), p["resolution"].get<std::string>(),
              p["amount"].get<int64_t>());
  int64_t note = p["credit_note"].get<int64_t>();
  if (note)
    st.bind(5, note);
  else
    st.bind_null(5);
  return st.run();
}

}  // namespace

const std::vector<Projector>& collection_tracking_projectors() {
  static const std::vector<Projector> list = {
      {"collections.policy_saved", apply_policy_saved, swap_before_after},
      {"collections.company_set", apply_company_set, swap_before_after},
      {"collections.policy_assigned", apply_policy_assigned, swap_before_after},
      {"collections.snoozed", apply_snoozed, swap_before_after},
      {"collections.hold_set", apply_hold_set, swap_before_after},
      {"collections.hold_overridden",
       [](Db& db, const Event&, const Json& p) { return apply_hold_override(db, p, false); },
       [](const Event&, const Json& p) { return one_event("collections.hold_override_retracted", p); }},
      {"collections.hold_override_retracted",
       [](Db& db, const Event&, const Json& p) { return apply_hold_override(db, p, true); },
       [](const Event&, const Json& p) { return one_event("collections.hold_overridden", p); }},
      {"collections.step_done",
       [](Db& db, const Event&, const Json& p) { return apply_step_done(db, p, false); },
       [](const Event&, const Json& p) { return one_event("collections.step_undone", p); }},
      {"collections.step_undone",
       [](Db& db, const Event&, const Json& p) { return apply_step_done(db, p, true); },
       [](const Event&, const Json& p) { return one_event("collections.step_done", p); }},
      {"contact.logged", [](Db& db, const Event& e, const Json& p) { return apply_contact(db, e, p, false); },
       [](const Event&, const Json& p) { return one_event("contact.retracted", p); }},
      {"contact.retracted",
       [](Db& db, const Event& e, const Json& p) { return apply_contact(db, e, p, true); },
       [](const Event&, const Json& p) { return one_event("contact.logged", p); }},
      {"promise.made", [](Db& db, const Event&, const Json& p) { return apply_promise(db, p, false); },
       [](const Event&, const Json& p) { return one_event("promise.retracted", p); }},
      {"promise.retracted", [](Db& db, const Event&, const Json& p) { return apply_promise(db, p, true); },
       [](const Event&, const Json& p) { return one_event("promise.made", p); }},
      {"dispute.opened",
       [](Db& db, const Event&, const Json& p) { return apply_dispute_opened(db, p, false); },
       [](const Event&, const Json& p) { return one_event("dispute.withdrawn", p); }},
      {"dispute.withdrawn",
       [](Db& db, const Event&, const Json& p) { return apply_dispute_opened(db, p, true); },
       [](const Event&, const Json& p) { return one_event("dispute.opened", p); }},
      {"dispute.resolved",
       [](Db& db, const Event&, const Json& p) { return apply_dispute_resolved(db, p, false); },
       [](const Event&, const Json& p) { return one_event("dispute.reopened", p); }},
      {"dispute.reopened",
       [](Db& db, const Event&, const Json& p) { return apply_dispute_resolved(db, p, true); },
       [](const Event&, const Json& p) { return one_event("dispute.resolved", p); }},
  };
  return list;
}

const std::vector<Projector>& collection_projectors() {
  static const std::vector<Projector> all = [] {
    std::vector<Projector> list;
    for (const auto* part :
         {&collection_tracking_projectors(), &collection_charge_projectors(),
          &collection_endgame_projectors(), &document_sent_projectors(), &custom_template_projectors(),
          &company_defaults_projectors(), &company_logo_projectors()})
      list.insert(list.end(), part->begin(), part->end());
    return list;
  }();
  return all;
}

}  // namespace duebook

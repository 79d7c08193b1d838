// Recurring invoice schedules: the commands' plans, the schedule run, and the projectors of schedule.*
// events.
#include "invoicing/schedules.h"

#include "base/text.h"
#include "customers/credit_hold.h"
#include "customers/customer_queries.h"
#include "invoicing/invoice_commands.h"
#include "invoicing/receivables.h"

namespace duebook {

const char* to_string(Frequency f) {
  switch (f) {
    case Frequency::Monthly:
      return "monthly";
    case Frequency::Quarterly:
      return "quarterly";
    case Frequency::Yearly:
      return "yearly";
    case Frequency::EveryNDays:
      return "days";
  }
  return "monthly";
}

std::optional<Frequency> frequency_from(std::string_view text) {
  for (Frequency f : {Frequency::Monthly, Frequency::Quarterly, Frequency::Yearly, Frequency::EveryNDays})
    if (text == to_string(f)) return f;
  return std::nullopt;
}

Date occurrence_date(const ScheduleFields& s, int64_t index) {
  switch (s.frequency) {
    case Frequency::Monthly:
      return add_months(s.start, int(index));
    case Frequency::Quarterly:
      return add_months(s.start, int(3 * index));
    case Frequency::Yearly:
      return add_months(s.start, int(12 * index));
    case Frequency::EveryNDays:
      return add_days(s.start, index * s.every_days);
  }
  return s.start;
}

namespace {

Json schedule_to_json(const ScheduleFields& f) {
  Json lines = Json::array();
  for (const InvoiceLine& l : f.lines)
    lines.push_back({{"description", l.description},
                     {"quantity", to_string(l.quantity)},
                     {"unit_price", l.unit_price},
                     {"discount", l.discount},
                     {"tax_rate", to_string(l.tax_rate)}});
  Json j = {{"customer", f.customer_id},
            {"frequency", to_string(f.frequency)},
            {"every_days", f.every_days},
            {"start", iso(f.start)},
            {"issue", f.issue},
            {"series", f.series},
            {"terms", f.terms},
            {"memo", f.memo},
            {"lines", lines}};
  j["end"] = f.end ? Json(iso(*f.end)) : Json(nullptr);
  return j;
}

Decimal decimal_text(const std::string& text) {
  Result<Decimal> d = parse_decimal(text);
  return d ? d.value() : Decimal{};
}

// A schedule as stored, with its progress.
struct StoredSchedule {
  int64_t id = 0;          // schedule id
  ScheduleFields fields;   // what it bills
  int64_t next_index = 0;  // the first occurrence not yet billed
};

// Schedules with an invoice due on or before `as_of` (a NULL next_date means the schedule is finished).
std::vector<StoredSchedule> due_schedules(Db& db, const Date& as_of) {
  std::vector<StoredSchedule> out;
  Statement& st = db.prepare(
      "SELECT id, customer_id, frequency, every_days, start_date, end_date, issue, series, terms, memo, "
      "lines, "
      "next_index FROM schedules WHERE removed = 0 AND next_date <= ?1 ORDER BY id");
  st.bind_all(iso(as_of));
  while (st.step()) {
    StoredSchedule s;
    s.id = st.int64(0);
    ScheduleFields& f = s.fields;
    f.customer_id = st.int64(1);
    f.frequency = frequency_from(st.text_view(2)).value_or(Frequency::Monthly);
    f.every_days = int(st.int64(3));
    f.start = iso_date(st.text_view(4));
    if (!st.is_null(5)) f.end = iso_date(st.text_view(5));
    f.issue = st.int64(6) != 0;
    f.series = st.text(7);
    f.terms = st.text(8);
    f.memo = st.text(9);
    for (const Json& l : Json::parse(st.text(10), nullptr, false))
      f.lines.push_back({l["description"].get<std::string>(), decimal_text(l["quantity"].get<std::string>()),
                         l["unit_price"].get<int64_t>(), l["discount"].get<int64_t>(),
                         decimal_text(l["tax_rate"].get<std::string>())});
    s.next_index = st.int64(11);
    out.push_back(std::move(s));
  }
  st.reset();
  return out;
}

// Sets next_date of schedule `id` to the date of occurrence `index`, or NULL once that is after its end.
Status set_next_date(Db& db, int64_t id, int64_t index) {
  Statement& st =
      db.prepare("SELECT frequency, every_days, start_date, end_date FROM schedules WHERE id = ?1");
  st.bind_all(id);
  std::optional<std::string> next;
  if (st.step()) {
    ScheduleFields f;
    f.frequency = frequency_from(st.text_view(0)).value_or(Frequency::Monthly);
    f.every_days = int(st.int64(1));
    f.start = iso_date(st.text_view(2));
    Date date = occurrence_date(f, index);
    if (st.is_null(3) || !(iso_date(st.text_view(3)) < date)) next = iso(date);
  }
  st.reset();
  Statement& up = db.prepare("UPDATE schedules SET next_index = ?2, next_date = ?3 WHERE id = ?1");
  up.bind_all(id, index);
  if (next)
    up.bind(3, *next);
  else
    up.bind_null(3);
  return up.run();
}

Status apply_added(Db& db, const Event&, const Json& p) {
  const Json& s = p["schedule"];
  Statement& st = db.prepare(
      "INSERT INTO schedules(id, customer_id, frequency, every_days, start_date, end_date, issue, series, "
      "terms, "
      "memo, lines) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)");
  st.bind_all(p["id"].get<int64_t>(), s["customer"].get<int64_t>(), s["frequency"].get<std::string>(),
              s["every_days"].get<int64_t>(), s["start"].get<std::string>());
  if (s["end"].is_string())
    st.bind(6, s["end"].get<std::string>());
  else
    st.bind_null(6);
  st.bind(7, int64_t(s["issue"].get<bool>())).bind(8, s["series"].get<std::string>());
  st.bind(9, s["terms"].get<std::string>())
      .bind(10, s["memo"].get<std::string>())
      .bind(11, to_payload(s["lines"]));
  if (Status r = st.run(); !r) return r;
  return set_next_date(db, p["id"].get<int64_t>(), 0);
}

Status set_removed(Db& db, const Json& p, bool removed) {
  return db.prepare("UPDATE schedules SET removed = ?2 WHERE id = ?1")
      .bind_all(p["id"].get<int64_t>(), int64_t(removed))
      .run();
}

std::vector<EventDraft> one(const char* type, const Json& payload) {
  return {{type, to_payload(payload)}};
}

// True when occurrence `date` of `s` is billed by a run as of `as_of`: due by then, and not after the end.
bool billable(const ScheduleFields& s, const Date& as_of, const Date& date) {
  return !(as_of < date || (s.end && *s.end < date));
}

// The invoice an occurrence makes: the template, dated `date`.
InvoiceFields occurrence_invoice(const ScheduleFields& s, const Date& date) {
  return {s.customer_id, s.series, date, s.terms, std::nullopt, s.memo, s.lines};
}

// True when issuing `content` would be refused by the credit-hold check (collections.h): a run has nobody to
// give the override reason, so such an occurrence is drafted and left for a person to review.
bool held_at_issue(Db& db, const InvoiceContent& content, int64_t invoice_id) {
  return !issue_hold_events(db, content.fields.customer_id, invoice_id, iso(content.fields.issue_date),
                            iso(content.due_date), "", false)
              .ok();
}

// How many invoices a run as of `as_of` will leave as drafts because their customer is held. Only the label
// needs it before the run: nothing the run emits changes a customer's status, so the run finds the same ones.
int64_t held_occurrences(Db& db, const Date& as_of) {
  int64_t held = 0;
  for (const StoredSchedule& s : due_schedules(db, as_of)) {
    if (!s.fields.issue) continue;
    for (int64_t k = s.next_index;; ++k) {
      Date date = occurrence_date(s.fields, k);
      if (!billable(s.fields, as_of, date)) break;
      Result<InvoiceContent> content = validate_invoice(db, occurrence_invoice(s.fields, date), true);
      if (!content) break;                         // the run fails on it and reports why
      if (held_at_issue(db, *content, 0)) ++held;  // the id would only name the invoice in an override
    }
  }
  return held;
}

}  // namespace

const std::vector<Projector>& schedule_projectors() {
  static const std::vector<Projector> list = {
      {"schedule.added", apply_added,
       [](const Event&, const Json& p) {
         return one("schedule.ended", {{"id", p["id"]}});
       }},
      {"schedule.ended", [](Db& db, const Event&, const Json& p) { return set_removed(db, p, true); },
       [](const Event&, const Json& p) {
         return one("schedule.resumed", {{"id", p["id"]}});
       }},
      {"schedule.resumed", [](Db& db, const Event&, const Json& p) { return set_removed(db, p, false); },
       [](const Event&, const Json& p) {
         return one("schedule.ended", {{"id", p["id"]}});
       }},
      {"schedule.advanced",
       [](Db& db, const Event&, const Json& p) {
         return set_next_date(db, p["id"].get<int64_t>(), p["to"].get<int64_t>());
       },
       [](const Event&, const Json& p) {
         return one("schedule.advanced", {{"id", p["id"]}, {"from", p["to"]}, {"to", p["from"]}});
       }},
  };
  return list;
}

Result<Plan> plan_command(Db& db, const AddSchedule& command) {
  ScheduleFields f = command.fields;
  f.series = trimmed(f.series);
  f.terms = trimmed(f.terms);
  Problems problems;
  if (!find_customer_brief(db, f.customer_id))
    return Problem{"customer_id", "no customer with id " + std::to_string(f.customer_id)};
  if (!is_valid(f.start)) return Problem{"start", "is not a valid date"};
  if (f.frequency == Frequency::EveryNDays && (f.every_days < 1 || f.every_days > 3660))
    problems.push_back({"every_days", "must be between 1 and 3660 days"});
  if (f.frequency != Frequency::EveryNDays) f.every_days = 0;
  if (f.end && (!is_valid(*f.end) || *f.end < f.start))
    problems.push_back({"end", "must be a date on or after the start"});
  // The template must make a valid invoice: check it as the first one would be.
  InvoiceFields first{f.customer_id, f.series, f.start, f.terms, std::nullopt, f.memo, f.lines};
  Result<InvoiceContent> content = validate_invoice(db, first, true);
  if (!content)
    for (const Problem& p : content.problems()) problems.push_back(p);
  if (!problems.empty()) return problems;
  f.lines = content->fields.lines;  // trimmed descriptions
  int64_t id = next_id(db, "schedules");
  Plan plan;
  plan.created_id = id;
  plan.label = "Add a " + std::string(to_string(f.frequency)) + " schedule for " + content->customer_name;
  add_to_plan(plan, {{"schedule.added", {{"id", id}, {"schedule", schedule_to_json(f)}}}});
  return plan;
}

Result<Plan> plan_command(Db& db, const EndSchedule& command) {
  Statement& st = db.prepare("SELECT removed FROM schedules WHERE id = ?1");
  st.bind_all(command.id);
  std::optional<int64_t> removed = st.step() ? std::optional<int64_t>(st.int64(0)) : std::nullopt;
  st.reset();
  if (!removed) return Problem{"id", "no schedule with id " + std::to_string(command.id)};
  if (*removed) return Problem{"id", "the schedule has already ended"};
  Plan plan;
  plan.label = "End schedule #" + std::to_string(command.id);
  add_to_plan(plan, {{"schedule.ended", {{"id", command.id}}}});
  return plan;
}

Result<StreamPlan> stream_command(Db& db, const RunSchedules& command) {
  if (!is_valid(command.as_of)) return Problem{"as_of", "is not a valid date"};
  StreamPlan plan;
  plan.label = "Run schedules as of " + iso(command.as_of);
  if (int64_t held = held_occurrences(db, command.as_of))
    plan.label += " (" + std::to_string(held) + (held == 1 ? " invoice" : " invoices") + " left as draft" +
                  (held == 1 ? "" : "s") + ": customer on hold)";
  Date as_of = command.as_of;
  plan.run = [&db, as_of](EventSink& sink) -> Status {
    Problems problems;
    int64_t made = 0;
    for (const StoredSchedule& s : due_schedules(db, as_of)) {
      int64_t k = s.next_index;
      for (;; ++k) {
        Date date = occurrence_date(s.fields, k);
        if (!billable(s.fields, as_of, date)) break;
        Result<InvoiceContent> content =
            validate_invoice(db, occurrence_invoice(s.fields, date), s.fields.issue);
        if (!content) {
          for (const Problem& p : content.problems())
            problems.push_back({"schedules[" + std::to_string(s.id) + "]." + p.where, p.message});
          break;
        }
        int64_t id = next_id(db, "invoices");
        Json c = content_to_json(*content);
        c["schedule"] = s.id;
        c["occurrence"] = k;
        if (Status st = sink.emit("invoice.drafted", Json{{"id", id}, {"invoice", c}}); !st) return st;
        // A held customer's invoice stays a draft (no number is taken) and the schedule moves on; the label
        // counts these (held_occurrences).
        if (s.fields.issue && !held_at_issue(db, *content, id)) {
          JsonEvent issued = issue_event(db, id, *content);
          if (Status st = sink.emit(issued.type, issued.payload); !st) return st;
        }
        ++made;
      }
      if (k != s.next_index)
        if (Status st = sink.emit("schedule.advanced", Json{{"id", s.id}, {"from", s.next_index}, {"to", k}});
            !st)
          return st;
    }
    if (!problems.empty()) return problems;
    if (made == 0) return Problem{"as_of", "no scheduled invoice is due up to " + iso(as_of)};
    return ok_status();
  };
  return plan;
}

}  // namespace duebook

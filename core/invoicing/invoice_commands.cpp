// Invoices: the invoice commands' plans and the projectors of the invoice.* events (validation:
// invoice_content.cpp).
#include "invoicing/invoice_commands.h"

#include "base/currencies.h"
#include "base/text.h"
#include "customers/credit_hold.h"
#include "customers/customer_queries.h"
#include "customers/customers.h"
#include "customers/terms.h"
#include "invoicing/deposits.h"
#include "invoicing/receivables.h"

namespace duebook {
namespace {

// ---------------------------------------------------------------------------------------------
// Content as JSON and as rows

// Writes the lines of invoice `id`, replacing any it had unless `fresh` (a new invoice has none).
Status write_lines(Db& db, int64_t id, const Json& lines, bool fresh = false) {
  if (!fresh)
    if (Status s = db.prepare("DELETE FROM invoice_lines WHERE invoice_id = ?1").bind_all(id).run(); !s)
      return s;
  Statement& ins = db.prepare(
      "INSERT INTO invoice_lines(invoice_id, position, description, quantity, unit_price, discount, "
      "tax_rate, net) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
  int64_t position = 0;
  for (const Json& l : lines) {
    Status s = ins.bind_all(id, position++, l["description"].get_ref<const std::string&>(),
                            l["quantity"].get_ref<const std::string&>(), l["unit_price"].get<int64_t>(),
                            l["discount"].get<int64_t>(), l["tax_rate"].get_ref<const std::string&>(),
                            l["net"].get<int64_t>())
                   .run();
    if (!s) return s;
  }
  return ok_status();
}

// Inserts a draft invoice row and its lines from content_to_json's object.
Status insert_draft(Db& db, const Event& e, int64_t id, const Json& c) {
  Statement& st = db.prepare(
      "INSERT INTO invoices(id, series, customer_id, currency, issue_date, due_date, due_explicit, terms, "
      "memo, net, "
      "tax, total, status, schedule_id, occurrence, created_seq) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, 'draft', ?13, ?14, ?15)");
  st.bind_all(id, c["series"].get_ref<const std::string&>(), c["customer"].get<int64_t>(),
              c["currency"].get_ref<const std::string&>(), c["issue_date"].get_ref<const std::string&>(),
              c["due_date"].get_ref<const std::string&>(), int64_t(c["due_explicit"].get<bool>()),
              c["terms"].get_ref<const std::string&>(), c["memo"].get_ref<const std::string&>(),
              c["net"].get<int64_t>(), c["tax"].get<int64_t>(), c["total"].get<int64_t>());
  if (c.contains("schedule"))
    st.bind(13, c["schedule"].get<int64_t>()).bind(14, c["occurrence"].get<int64_t>());
  else
    st.bind_null(13).bind_null(14);
  st.bind(15, e.seq);
  if (Status s = st.run(); !s) return s;
  return write_lines(db, id, c["lines"], true);
}

// The content of an invoice row as the JSON content_to_json writes.
std::optional<Json> load_content(Db& db, int64_t id) {
  Statement& st = db.prepare(
      "SELECT customer_id, currency, series, issue_date, due_date, due_explicit, terms, memo, net, tax, "
      "total, "
      "schedule_id, occurrence FROM invoices WHERE id = ?1");
  st.bind_all(id);
  if (!st.step()) return std::nullopt;
  Json c = {{"customer", st.int64(0)},  {"currency", st.text(1)}, {"series", st.text(2)},
            {"issue_date", st.text(3)}, {"due_date", st.text(4)}, {"due_explicit", st.int64(5) != 0},
            {"terms", st.text(6)},      {"memo", st.text(7)},     {"net", st.int64(8)},
            {"tax", st.int64(9)},       {"total", st.int64(10)},  {"lines", Json::array()}};
  if (!st.is_null(11)) c["schedule"] = st.int64(11), c["occurrence"] = st.int64(12);
  st.reset();
  Statement& lines = db.prepare(
      "SELECT description, quantity, unit_price, discount, tax_rate, net FROM invoice_lines WHERE invoice_id "
      "= ?1 "
      "ORDER BY position");
  lines.bind_all(id);
  while (lines.step())
    c["lines"].push_back({{"description", lines.text(0)},
                          {"quantity", lines.text(1)},
                          {"unit_price", lines.int64(2)},
                          {"discount", lines.int64(3)},
                          {"tax_rate", lines.text(4)},
                          {"net", lines.int64(5)}});
  lines.reset();
  return c;
}

// Reads the row facts plans check: whether it exists, its number, issue state.
struct InvoiceHead {
  std::string number;     // empty for a draft
  std::string customer;   // customer name, for labels
  InvoiceRowState state;  // money and flags
};
std::optional<InvoiceHead> load_head(Db& db, int64_t id) {
  std::optional<InvoiceRowState> state = load_invoice_state(db, id);
  if (!state) return std::nullopt;
  Statement& st = db.prepare(
      "SELECT coalesce(i.number, ''), coalesce(c.name, '') FROM invoices i LEFT JOIN customers c "
      "ON c.id = i.customer_id WHERE i.id = ?1");
  st.bind_all(id);
  InvoiceHead head;
  if (st.step()) head.number = st.text(0), head.customer = st.text(1);
  st.reset();
  head.state = *state;
  return head;
}

Problem no_invoice(int64_t id) {
  return {"id", "no invoice with id " + std::to_string(id)};
}

// ---------------------------------------------------------------------------------------------
// Projectors

Status apply_drafted(Db& db, const Event& e, const Json& p) {
  return insert_draft(db, e, p["id"].get<int64_t>(), p["invoice"]);
}

Status apply_edited(Db& db, const Event&, const Json& p) {
  int64_t id = p["id"].get<int64_t>();
  const Json& c = p["after"];
  Status s =
      db.prepare(
            "UPDATE invoices SET customer_id = ?2, currency = ?3, series = ?4, issue_date = ?5, "
            "due_date = ?6, due_explicit = ?7, terms = ?8, memo = ?9, net = ?10, tax = ?11, total = ?12 "
            "WHERE id = ?1")
          .bind_all(id, c["customer"].get<int64_t>(), c["currency"].get<std::string>(),
                    c["series"].get<std::string>(), c["issue_date"].get<std::string>(),
                    c["due_date"].get<std::string>(), int64_t(c["due_explicit"].get<bool>()),
                    c["terms"].get<std::string>(), c["memo"].get<std::string>(), c["net"].get<int64_t>(),
                    c["tax"].get<int64_t>(), c["total"].get<int64_t>())
          .run();
  if (!s) return s;
  return write_lines(db, id, c["lines"]);
}

// Sets one flag of the invoice in `p["id"]` through save_invoice_state, so status and balances follow.
template <class Change>
Status change_state(Db& db, const Json& p, Change change) {
  std::optional<InvoiceRowState> before = load_invoice_state(db, p["id"].get<int64_t>());
  if (!before) return Problem{"", "no invoice " + p["id"].dump()};
  InvoiceRowState after = *before;
  change(after);
  return save_invoice_state(db, *before, after);
}

Status apply_discarded(Db& db, const Event&, const Json& p) {
  return change_state(db, p, [](InvoiceRowState& s) { s.discarded = true; });
}

Status apply_restored(Db& db, const Event&, const Json& p) {
  return change_state(db, p, [](InvoiceRowState& s) { s.discarded = false; });
}

Status apply_issued(Db& db, const Event&, const Json& p) {
  int64_t id = p["id"].get<int64_t>();
  const std::string& series = p["series"].get_ref<const std::string&>();
  int year = p["year"].get<int>();
  int64_t counter = p["counter"].get<int64_t>();
  Status s = db.prepare(
                   "UPDATE invoices SET number = ?2, number_year = ?3, counter = ?4, issue_date = ?5, "
                   "due_date = ?6, deposit = ?7 WHERE id = ?1")
                 .bind_all(id, p["number"].get<std::string>(), int64_t{year}, counter,
                           p["issue_date"].get<std::string>(), p["due_date"].get<std::string>(),
                           p.value("deposit", int64_t{0}))
                 .run();
  if (!s) return s;
  if (Status r = record_series_number(db, "invoice", series, year, counter); !r) return r;
  return change_state(db, p, [&](InvoiceRowState& st) {
    st.issued = true;
    st.issue_date = p["issue_date"].get<std::string>();
  });
}

Status apply_voided(Db& db, const Event&, const Json& p) {
  return set_invoice_voided(db, p["id"].get<int64_t>(), p["date"].get<std::string>(),
                            p["reason"].get<std::string>(), true);
}

Status apply_reinstated(Db& db, const Event&, const Json& p) {
  return set_invoice_voided(db, p["id"].get<int64_t>(), "", "", false);
}

Status apply_write_off(Db& db, const Json& p, bool reverse) {
  int64_t id = p["id"].get<int64_t>(), invoice = p["invoice"].get<int64_t>(),
          amount = p["amount"].get<int64_t>();
  Status s = reverse ? db.prepare("UPDATE write_offs SET reversed = 1 WHERE id = ?1").bind_all(id).run()
                     : db.prepare(
                             "INSERT INTO write_offs(id, invoice_id, customer_id, amount, date, reason) "
                             "VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT(id) DO UPDATE SET reversed = 0")
                           .bind_all(id, invoice, p["customer"].get<int64_t>(), amount,
                                     p["date"].get<std::string>(), p["reason"].get<std::string>())
                           .run();
  if (!s) return s;
  Json target = {{"id", invoice}};
  return change_state(db, target,
                      [&](InvoiceRowState& st) { st.amounts.written_off += reverse ? -amount : amount; });
}

std::vector<EventDraft> one(const char* type, const Json& payload) {
  return {{type, to_payload(payload)}};
}

Json void_payload(const Json& p, const std::string& date, const char* reason) {
  return {{"id", p["id"]}, {"date", date}, {"reason", reason}};
}

}  // namespace

const std::vector<Projector>& invoice_projectors() {
  static const std::vector<Projector> list = {
      {"invoice.drafted", apply_drafted,
       [](const Event&, const Json& p) {
         return one("invoice.discarded", {{"id", p["id"]}});
       }},
      {"invoice.discarded", apply_discarded,
       [](const Event&, const Json& p) {
         return one("invoice.restored", {{"id", p["id"]}});
       }},
      {"invoice.restored", apply_restored,
       [](const Event&, const Json& p) {
         return one("invoice.discarded", {{"id", p["id"]}});
       }},
      {"invoice.edited", apply_edited,
       [](const Event&, const Json& p) {
         return one("invoice.edited", {{"id", p["id"]}, {"before", p["after"]}, {"after", p["before"]}});
       }},
      // Undoing an issue voids the invoice as of its own date: its number stays used, never reissued.
      {"invoice.issued", apply_issued,
       [](const Event&, const Json& p) {
         return one("invoice.voided", void_payload(p, p["issue_date"].get<std::string>(), "issue undone"));
       }},
      {"invoice.voided", apply_voided,
       [](const Event&, const Json& p) { return one("invoice.reinstated", p); }},
      {"invoice.reinstated", apply_reinstated,
       [](const Event&, const Json& p) { return one("invoice.voided", p); }},
      {"invoice.written_off",
       [](Db& db, const Event&, const Json& p) { return apply_write_off(db, p, false); },
       [](const Event&, const Json& p) { return one("invoice.write_off_reversed", p); }},
      {"invoice.write_off_reversed",
       [](Db& db, const Event&, const Json& p) { return apply_write_off(db, p, true); },
       [](const Event&, const Json& p) { return one("invoice.written_off", p); }},
  };
  return list;
}

// ---------------------------------------------------------------------------------------------
// Voiding, allocations taken off

Status set_invoice_voided(Db& db, int64_t id, const std::string& date, const std::string& reason,
                          bool voided) {
  std::optional<InvoiceRowState> before = load_invoice_state(db, id);
  if (!before) return Problem{"", "no invoice " + std::to_string(id)};
  InvoiceRowState after = *before;
  after.voided = voided;
  after.voided_on = voided ? date : "";
  after.void_reason = voided ? reason : "";
  return save_invoice_state(db, *before, after);
}

Json allocation_json(int64_t id, const CreditRef& source, int64_t invoice_id, int64_t customer_id,
                     int64_t amount, std::string_view date) {
  return {{"id", id},
          {"source", to_string(source.kind)},
          {"source_id", source.id},
          {"invoice", invoice_id},
          {"customer", customer_id},
          {"amount", amount},
          {"date", std::string(date)}};
}

std::vector<JsonEvent> unapply_events(Db& db, int64_t invoice_id) {
  std::vector<JsonEvent> out;
  Statement& allocs = db.prepare(
      "SELECT id, source_kind, source_id, customer_id, amount, date FROM allocations "
      "WHERE invoice_id = ?1 AND removed = 0 ORDER BY id DESC");
  allocs.bind_all(invoice_id);
  while (allocs.step()) {
    CreditRef source{credit_kind_from(allocs.text_view(1)).value_or(CreditKind::Payment), allocs.int64(2)};
    out.push_back({"allocation.removed", allocation_json(allocs.int64(0), source, invoice_id, allocs.int64(3),
                                                         allocs.int64(4), allocs.text_view(5))});
  }
  allocs.reset();
  Statement& offs = db.prepare(
      "SELECT id, customer_id, amount, date, reason FROM write_offs WHERE invoice_id = ?1 AND reversed = 0 "
      "ORDER BY id DESC");
  offs.bind_all(invoice_id);
  while (offs.step())
    out.push_back({"invoice.write_off_reversed",
                   {{"id", offs.int64(0)},
                    {"invoice", invoice_id},
                    {"customer", offs.int64(1)},
                    {"amount", offs.int64(2)},
                    {"date", offs.text(3)},
                    {"reason", offs.text(4)}}});
  offs.reset();
  return out;
}

// ---------------------------------------------------------------------------------------------
// Plans

JsonEvent issue_event(Db& db, int64_t id, const InvoiceContent& c) {
  SeriesNumber n = next_series_number(db, "invoice", c.fields.series, c.fields.issue_date.y);
  JsonEvent e = {"invoice.issued",
                 {{"id", id},
                  {"number", n.number},
                  {"series", c.fields.series},
                  {"year", n.year},
                  {"counter", n.counter},
                  {"issue_date", iso(c.fields.issue_date)},
                  {"due_date", iso(c.due_date)}}};
  // Terms with a down payment ask for it on receipt (deposits.h); older events carry none.
  if (int64_t deposit = invoice_deposit(c.fields.terms, c.totals.total_with_tax); deposit > 0)
    e.payload["deposit"] = deposit;
  return e;
}

namespace {}  // namespace

Result<Plan> plan_command(Db& db, const AddInvoice& command) {
  Result<InvoiceContent> content = validate_invoice(db, command.fields, command.issue);
  if (!content) return content.problems();
  int64_t id = next_id(db, "invoices");
  Plan plan;
  plan.created_id = id;
  std::vector<JsonEvent> events = {{"invoice.drafted", {{"id", id}, {"invoice", content_to_json(*content)}}}};
  const std::string& customer = content->customer_name;
  std::vector<EventDraft> hold;  // a credit-hold override, recorded with the issue (collections.h)
  if (command.issue) {
    Result<std::vector<EventDraft>> checked =
        issue_hold_events(db, content->fields.customer_id, id, iso(content->fields.issue_date),
                          iso(content->due_date), command.hold_override, command.late_payment_charges);
    if (!checked) return checked.problems();
    hold = checked.value();
    events.push_back(issue_event(db, id, *content));
    plan.label = "Issue invoice " + events.back().payload["number"].get<std::string>() + " to " + customer;
  } else {
    plan.label = "Draft an invoice for " + customer;
  }
  add_to_plan(plan, std::move(events));
  plan.events.insert(plan.events.end(), hold.begin(), hold.end());
  return plan;
}

Result<Plan> plan_command(Db& db, const EditInvoice& command) {
  std::optional<InvoiceHead> head = load_head(db, command.id);
  if (!head) return no_invoice(command.id);
  if (head->state.issued || head->state.discarded)
    return Problem{"id", "only a draft can be edited; an issued invoice is corrected with a credit note"};
  Result<InvoiceContent> content = validate_invoice(db, command.fields, false);
  if (!content) return content.problems();
  Json before = *load_content(db, command.id), after = content_to_json(*content);
  if (before == after) return Problem{"", "nothing changed"};
  Plan plan;
  plan.label = "Edit the draft invoice #" + std::to_string(command.id);
  add_to_plan(plan, {{"invoice.edited", {{"id", command.id}, {"before", before}, {"after", after}}}});
  return plan;
}

Result<Plan> plan_command(Db& db, const DiscardInvoice& command) {
  std::optional<InvoiceHead> head = load_head(db, command.id);
  if (!head) return no_invoice(command.id);
  if (head->state.issued) return Problem{"id", "an issued invoice cannot be discarded; void it instead"};
  if (head->state.discarded) return Problem{"id", "the draft is already discarded"};
  Plan plan;
  plan.label = "Discard the draft invoice #" + std::to_string(command.id);
  add_to_plan(plan, {{"invoice.discarded", {{"id", command.id}}}});
  return plan;
}

Result<Plan> plan_command(Db& db, const IssueInvoice& command) {
  std::optional<InvoiceHead> head = load_head(db, command.id);
  if (!head) return no_invoice(command.id);
  if (head->state.issued) return Problem{"id", "invoice " + head->number + " is already issued"};
  if (head->state.discarded) return Problem{"id", "the draft was discarded"};
  InvoiceFields fields = fields_from_content(*load_content(db, command.id));
  if (command.issue_date) fields.issue_date = *command.issue_date;
  Result<InvoiceContent> content = validate_invoice(db, fields, true);
  if (!content) return content.problems();
  Result<std::vector<EventDraft>> hold =
      issue_hold_events(db, content->fields.customer_id, command.id, iso(content->fields.issue_date),
                        iso(content->due_date), command.hold_override, false);
  if (!hold) return hold.problems();
  Plan plan;
  plan.created_id = command.id;
  JsonEvent issued = issue_event(db, command.id, *content);
  plan.label =
      "Issue invoice " + issued.payload["number"].get<std::string>() + " to " + content->customer_name;
  add_to_plan(plan, {issued});
  plan.events.insert(plan.events.end(), hold->begin(), hold->end());
  return plan;
}

Result<Plan> plan_command(Db& db, const VoidInvoice& command) {
  std::optional<InvoiceHead> head = load_head(db, command.id);
  if (!head) return no_invoice(command.id);
  if (!head->state.issued) return Problem{"id", "a draft is not voided; discard it instead"};
  if (head->state.voided) return Problem{"id", "invoice " + head->number + " is already void"};
  Problems problems;
  std::string reason = trimmed(command.reason);
  if (reason.empty()) problems.push_back({"reason", "say why the invoice is voided"});
  if (!is_valid(command.date))
    problems.push_back({"date", "is not a valid date"});
  else if (iso(command.date) < head->state.issue_date)
    problems.push_back({"date", "is before the invoice date " + head->state.issue_date});
  if (!problems.empty()) return problems;
  // Whatever was applied goes back to where it came from first, so a void invoice has nothing applied.
  std::vector<JsonEvent> events = unapply_events(db, command.id);
  events.push_back({"invoice.voided", {{"id", command.id}, {"date", iso(command.date)}, {"reason", reason}}});
  Plan plan;
  plan.label = "Void invoice " + head->number;
  add_to_plan(plan, std::move(events));
  return plan;
}

Result<Plan> plan_command(Db& db, const WriteOffInvoice& command) {
  std::optional<InvoiceHead> head = load_head(db, command.invoice_id);
  if (!head) return no_invoice(command.invoice_id);
  const InvoiceRowState& s = head->state;
  if (!s.issued || s.voided || s.amounts.open <= 0)
    return Problem{"invoice_id", "invoice " +
                                     (head->number.empty() ? "#" + std::to_string(s.id) : head->number) +
                                     " has nothing open to write off"};
  Problems problems;
  int64_t amount = command.amount.value_or(s.amounts.open);
  if (amount <= 0)
    problems.push_back({"amount", "must be more than zero"});
  else if (amount > s.amounts.open)
    problems.push_back({"amount", "is more than the open amount of the invoice"});
  std::string reason = trimmed(command.reason);
  if (reason.empty()) problems.push_back({"reason", "say why the amount is written off"});
  if (!is_valid(command.date))
    problems.push_back({"date", "is not a valid date"});
  else if (iso(command.date) < s.issue_date)
    problems.push_back({"date", "is before the invoice date " + s.issue_date});
  if (!problems.empty()) return problems;
  Plan plan;
  plan.label = "Write off on invoice " + head->number;
  add_to_plan(plan, {{"invoice.written_off",
                      {{"id", next_id(db, "write_offs")},
                       {"invoice", s.id},
                       {"customer", s.customer_id},
                       {"amount", amount},
                       {"date", iso(command.date)},
                       {"reason", reason}}}});
  return plan;
}

}  // namespace duebook

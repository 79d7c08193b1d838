// Payments, credit notes, allocations, refunds: the commands' plans and the projectors of their events.
#include "invoicing/payment_commands.h"

#include <algorithm>

#include "base/currencies.h"
#include "base/text.h"
#include "customers/customer_queries.h"
#include "invoicing/invoice_commands.h"
#include "invoicing/payment_preview.h"
#include "invoicing/receivables.h"

namespace duebook {

namespace {

CreditRef source_of(const Json& p) {
  return {credit_kind_from(p["source"].get<std::string>()).value_or(CreditKind::Payment),
          p["source_id"].get<int64_t>()};
}

// ---------------------------------------------------------------------------------------------
// Projectors

Status apply_payment_received(Db& db, const Event& e, const Json& p) {
  int64_t customer = p["customer"].get<int64_t>(), amount = p["amount"].get<int64_t>();
  int64_t import_id = p.value("import", int64_t{0});
  Statement& st = db.prepare(
      "INSERT INTO payments(id, customer_id, date, amount, currency, method, reference, unallocated, status, "
      "import_id, created_seq) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?4, 'received', ?8, ?9)");
  st.bind_all(p["id"].get<int64_t>(), customer, p["date"].get_ref<const std::string&>(), amount,
              p["currency"].get_ref<const std::string&>(), p["method"].get_ref<const std::string&>(),
              p["reference"].get_ref<const std::string&>());
  if (import_id)
    st.bind(8, import_id);
  else
    st.bind_null(8);
  st.bind(9, e.seq);
  if (Status s = st.run(); !s) return s;
  return move_balance(db, customer, 0, amount);
}

}  // namespace

Status set_source_active(Db& db, const CreditRef& ref, bool active) {
  std::optional<CreditSourceState> c = load_credit(db, ref);
  if (!c) return Problem{"", std::string("no ") + to_string(ref.kind) + " " + std::to_string(ref.id)};
  if (c->active == active) return ok_status();
  const char* sql = ref.kind == CreditKind::Payment ? "UPDATE payments SET status = ?2 WHERE id = ?1"
                                                    : "UPDATE credit_notes SET status = ?2 WHERE id = ?1";
  const char* status =
      ref.kind == CreditKind::Payment ? (active ? "received" : "reversed") : (active ? "issued" : "void");
  if (Status s = db.prepare(sql).bind_all(ref.id, status).run(); !s) return s;
  return move_balance(db, c->customer_id, 0, active ? c->unallocated : -c->unallocated);
}

namespace {

Status apply_credit_note_issued(Db& db, const Event& e, const Json& p) {
  int64_t customer = p["customer"].get<int64_t>(), amount = p["amount"].get<int64_t>();
  int64_t invoice = p["invoice"].get<int64_t>();
  Statement& st = db.prepare(
      "INSERT INTO credit_notes(id, number, series, number_year, counter, customer_id, invoice_id, date, "
      "amount, "
      "currency, reason, unallocated, status, created_seq) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?9, 'issued', ?12)");
  st.bind_all(p["id"].get<int64_t>(), p["number"].get<std::string>(), p["series"].get<std::string>(),
              p["year"].get<int64_t>(), p["counter"].get<int64_t>(), customer);
  if (invoice)
    st.bind(7, invoice);
  else
    st.bind_null(7);
  st.bind(8, p["date"].get<std::string>()).bind(9, amount).bind(10, p["currency"].get<std::string>());
  st.bind(11, p["reason"].get<std::string>()).bind(12, e.seq);
  if (Status s = st.run(); !s) return s;
  if (Status s = record_series_number(db, "credit_note", p["series"].get<std::string>(), p["year"].get<int>(),
                                      p["counter"].get<int64_t>());
      !s)
    return s;
  return move_balance(db, customer, 0, amount);
}

}  // namespace

Status apply_allocation(Db& db, const Json& p, bool remove) {
  int64_t id = p["id"].get<int64_t>(), invoice = p["invoice"].get<int64_t>(),
          amount = p["amount"].get<int64_t>();
  CreditRef source = source_of(p);
  Status s =
      remove ? db.prepare("UPDATE allocations SET removed = 1 WHERE id = ?1").bind_all(id).run()
             : db.prepare(
                     "INSERT INTO allocations(id, source_kind, source_id, invoice_id, customer_id, amount, "
                     "date) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT(id) DO UPDATE SET removed = 0")
                   .bind_all(id, to_string(source.kind), source.id, invoice, p["customer"].get<int64_t>(),
                             amount, p["date"].get_ref<const std::string&>())
                   .run();
  if (!s) return s;
  int64_t delta = remove ? -amount : amount;
  if (Status m = move_credit(db, source, -delta); !m) return m;
  std::optional<InvoiceRowState> before = load_invoice_state(db, invoice);
  if (!before) return Problem{"", "no invoice " + std::to_string(invoice)};
  InvoiceRowState after = *before;
  (source.kind == CreditKind::Payment ? after.amounts.allocated : after.amounts.credited) += delta;
  return save_invoice_state(db, *before, after);
}

namespace {

Status apply_refund(Db& db, const Json& p, bool reverse) {
  int64_t id = p["id"].get<int64_t>(), amount = p["amount"].get<int64_t>();
  CreditRef source = source_of(p);
  Status s = reverse
                 ? db.prepare("UPDATE refunds SET reversed = 1 WHERE id = ?1").bind_all(id).run()
                 : db.prepare(
                         "INSERT INTO refunds(id, customer_id, source_kind, source_id, amount, date, method, "
                         "reference) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) "
                         "ON CONFLICT(id) DO UPDATE SET reversed = 0")
                       .bind_all(id, p["customer"].get<int64_t>(), to_string(source.kind), source.id, amount,
                                 p["date"].get<std::string>(), p["method"].get<std::string>(),
                                 p["reference"].get<std::string>())
                       .run();
  if (!s) return s;
  return move_credit(db, source, reverse ? amount : -amount);
}

std::vector<EventDraft> one(const char* type, const Json& payload) {
  return {{type, to_payload(payload)}};
}

Json id_only(const Json& p) {
  return {{"id", p["id"]}};
}

}  // namespace

const std::vector<Projector>& payment_projectors() {
  static const std::vector<Projector> list = {
      {"payment.received", apply_payment_received,
       [](const Event&, const Json& p) { return one("payment.reversed", id_only(p)); }},
      {"payment.reversed",
       [](Db& db, const Event&, const Json& p) {
         return set_source_active(db, {CreditKind::Payment, p["id"].get<int64_t>()}, false);
       },
       [](const Event&, const Json& p) { return one("payment.reinstated", id_only(p)); }},
      {"payment.reinstated",
       [](Db& db, const Event&, const Json& p) {
         return set_source_active(db, {CreditKind::Payment, p["id"].get<int64_t>()}, true);
       },
       [](const Event&, const Json& p) { return one("payment.reversed", id_only(p)); }},
      {"credit_note.issued", apply_credit_note_issued,
       [](const Event&, const Json& p) { return one("credit_note.voided", id_only(p)); }},
      {"credit_note.voided",
       [](Db& db, const Event&, const Json& p) {
         return set_source_active(db, {CreditKind::CreditNote, p["id"].get<int64_t>()}, false);
       },
       [](const Event&, const Json& p) { return one("credit_note.reinstated", id_only(p)); }},
      {"credit_note.reinstated",
       [](Db& db, const Event&, const Json& p) {
         return set_source_active(db, {CreditKind::CreditNote, p["id"].get<int64_t>()}, true);
       },
       [](const Event&, const Json& p) { return one("credit_note.voided", id_only(p)); }},
      {"allocation.added", [](Db& db, const Event&, const Json& p) { return apply_allocation(db, p, false); },
       [](const Event&, const Json& p) { return one("allocation.removed", p); }},
      {"allocation.removed",
       [](Db& db, const Event&, const Json& p) { return apply_allocation(db, p, true); },
       [](const Event&, const Json& p) { return one("allocation.added", p); }},
      {"refund.paid", [](Db& db, const Event&, const Json& p) { return apply_refund(db, p, false); },
       [](const Event&, const Json& p) { return one("refund.reversed", p); }},
      {"refund.reversed", [](Db& db, const Event&, const Json& p) { return apply_refund(db, p, true); },
       [](const Event&, const Json& p) { return one("refund.paid", p); }},
  };
  return list;
}

// ---------------------------------------------------------------------------------------------
// Plans

namespace {

std::string money_text(int64_t minor, const std::string& currency) {
  return format_amount(minor, currency_digits(currency)) + " " + currency;
}

void check_date(Problems& problems, const Date& date, const char* field = "date") {
  if (!is_valid(date) || date.y < 1 || date.y > 9999) problems.push_back({field, "is not a valid date"});
}

}  // namespace

Result<std::vector<JsonEvent>> payment_events(Db& db, const RecordPayment& c, int64_t payment_id,
                                              int64_t first_allocation_id, int64_t first_credit_note_id) {
  Result<PaymentPreview> preview = preview_payment(db, c);
  if (!preview) return preview.problems();
  const PaymentPreview& p = preview.value();
  std::vector<JsonEvent> events;
  events.push_back({"payment.received",
                    {{"id", payment_id},
                     {"customer", c.customer_id},
                     {"date", iso(c.date)},
                     {"amount", c.amount},
                     {"currency", p.currency},
                     {"method", trimmed(c.method)},
                     {"reference", trimmed(c.reference)},
                     {"import", 0}}});
  int64_t allocation_id = first_allocation_id, credit_note_id = first_credit_note_id;
  for (const PaymentPreviewLine& line : p.lines)
    if (line.applied > 0)
      events.push_back(
          {"allocation.added", allocation_json(allocation_id++, {CreditKind::Payment, payment_id},
                                               line.invoice_id, c.customer_id, line.applied, line.date)});
  for (JsonEvent& e :
       discount_events(db, p.lines, c.customer_id, p.currency, payment_id, &credit_note_id, &allocation_id))
    events.push_back(std::move(e));
  return events;
}

Result<Plan> plan_command(Db& db, const RecordPayment& command) {
  Result<std::vector<JsonEvent>> events = payment_events(
      db, command, next_id(db, "payments"), next_id(db, "allocations"), next_id(db, "credit_notes"));
  if (!events) return events.problems();
  Plan plan;
  plan.created_id = events.value()[0].payload["id"].get<int64_t>();
  const Json& p = events.value()[0].payload;
  plan.label = "Record payment of " + money_text(command.amount, p["currency"].get<std::string>()) +
               " from " + find_customer_brief(db, command.customer_id)->name;
  add_to_plan(plan, std::move(events.value()));
  return plan;
}

Result<Plan> plan_command(Db& db, const AddCreditNote& c) {
  std::optional<CustomerBrief> customer = find_customer_brief(db, c.customer_id);
  if (!customer) return Problem{"customer_id", "no customer with id " + std::to_string(c.customer_id)};
  Problems problems;
  check_date(problems, c.date);
  if (c.amount <= 0) problems.push_back({"amount", "must be more than zero"});
  std::string series = trimmed(c.series);
  if (series.empty() || series.size() > 12)
    problems.push_back({"series", "a number series is 1 to 12 characters"});
  if (c.reason.size() > 2000) problems.push_back({"reason", "is longer than 2000 characters"});
  std::optional<InvoiceRowState> invoice;
  if (c.invoice_id) {
    invoice = load_invoice_state(db, c.invoice_id);
    if (!invoice || !invoice->issued || invoice->voided)
      problems.push_back({"invoice_id", "no issued invoice with id " + std::to_string(c.invoice_id)});
    else if (invoice->customer_id != c.customer_id)
      problems.push_back({"invoice_id", "the invoice belongs to another customer"});
    else if (c.amount > invoice->amounts.open)
      problems.push_back({"amount", "is more than the open amount " +
                                        money_text(invoice->amounts.open, customer->currency) +
                                        " of the invoice; credit the rest to the customer"});
    else if (is_valid(c.date) && iso(c.date) < invoice->issue_date)
      problems.push_back({"date", "is before the invoice date " + invoice->issue_date});
  }
  if (!problems.empty()) return problems;
  int64_t id = next_id(db, "credit_notes");
  SeriesNumber n = next_series_number(db, "credit_note", series, c.date.y);
  std::vector<JsonEvent> events = {{"credit_note.issued",
                                    {{"id", id},
                                     {"number", n.number},
                                     {"series", series},
                                     {"year", n.year},
                                     {"counter", n.counter},
                                     {"customer", c.customer_id},
                                     {"currency", customer->currency},
                                     {"invoice", c.invoice_id},
                                     {"date", iso(c.date)},
                                     {"amount", c.amount},
                                     {"reason", trimmed(c.reason)}}}};
  if (c.invoice_id)
    events.push_back(
        {"allocation.added", allocation_json(next_id(db, "allocations"), {CreditKind::CreditNote, id},
                                             c.invoice_id, c.customer_id, c.amount, iso(c.date))});
  Plan plan;
  plan.created_id = id;
  plan.label = "Credit note " + n.number + " for " + customer->name;
  add_to_plan(plan, std::move(events));
  return plan;
}

Result<Plan> plan_command(Db& db, const AllocateCredit& c) {
  std::optional<CreditSourceState> source = load_credit(db, c.source);
  if (!source || !source->active)
    return Problem{"source", std::string("no ") +
                                 (c.source.kind == CreditKind::Payment ? "payment" : "credit note") +
                                 " with id " + std::to_string(c.source.id)};
  if (c.targets.empty()) return Problem{"targets", "name at least one invoice"};
  Problems problems;
  if (c.date) check_date(problems, *c.date);
  std::optional<CustomerBrief> customer = find_customer_brief(db, source->customer_id);
  std::string currency = customer ? customer->currency : "";
  int64_t left = source->unallocated;
  int64_t allocation_id = next_id(db, "allocations");
  std::vector<JsonEvent> events;
  for (size_t i = 0; i < c.targets.size(); ++i) {
    const AllocateCredit::Target& t = c.targets[i];
    std::string at = "targets[" + std::to_string(i) + "]";
    std::optional<InvoiceRowState> inv = load_invoice_state(db, t.invoice_id);
    if (!inv || !inv->issued || inv->voided) {
      problems.push_back({at + ".invoice_id", "no issued invoice with id " + std::to_string(t.invoice_id)});
      continue;
    }
    if (inv->customer_id != source->customer_id) {
      problems.push_back(
          {at + ".invoice_id", "the invoice belongs to another customer than the " + source->label});
      continue;
    }
    int64_t open = inv->amounts.open;
    for (const JsonEvent& e : events)  // the same invoice named twice
      if (e.payload["invoice"].get<int64_t>() == t.invoice_id) open -= e.payload["amount"].get<int64_t>();
    int64_t amount = t.amount.value_or(std::min(left, open));
    std::string date = c.date ? iso(*c.date) : std::max(source->date, inv->issue_date);
    size_t problems_before = problems.size();
    if (open <= 0)
      problems.push_back({at + ".invoice_id", "the invoice has nothing open"});
    else if (amount <= 0)
      problems.push_back({at + ".amount", "nothing is left to allocate from the " + source->label});
    else if (amount > open)
      problems.push_back({at + ".amount", "is more than the invoice's open " + money_text(open, currency)});
    else if (amount > left)
      problems.push_back({at + ".amount", "is more than the " + money_text(left, currency) + " left on the " +
                                              source->label});
    if (date < source->date || date < inv->issue_date)
      problems.push_back({"date", "is before the " + source->label + " or the invoice"});
    if (problems.size() != problems_before) continue;
    left -= amount;
    events.push_back({"allocation.added", allocation_json(allocation_id++, c.source, t.invoice_id,
                                                          source->customer_id, amount, date)});
  }
  if (!problems.empty()) return problems;
  Plan plan;
  plan.label = "Allocate the " + source->label;
  add_to_plan(plan, std::move(events));
  return plan;
}

Result<Plan> plan_command(Db& db, const RefundCredit& c) {
  std::optional<CustomerBrief> customer = find_customer_brief(db, c.customer_id);
  if (!customer) return Problem{"customer_id", "no customer with id " + std::to_string(c.customer_id)};
  Problems problems;
  check_date(problems, c.date);
  if (c.amount <= 0) problems.push_back({"amount", "must be more than zero"});
  if (!problems.empty()) return problems;
  std::vector<CreditSourceState> sources;
  if (c.source) {
    std::optional<CreditSourceState> s = load_credit(db, *c.source);
    if (!s || !s->active || s->customer_id != c.customer_id)
      return Problem{"source", "no such payment or credit note of " + customer->name};
    sources.push_back(*s);
  } else {
    Statement& st = db.prepare(
        "SELECT kind, id FROM (SELECT 'payment' AS kind, id, date FROM payments WHERE customer_id = ?1 AND "
        "status = 'received' AND unallocated > 0 UNION ALL SELECT 'credit_note', id, date FROM credit_notes "
        "WHERE customer_id = ?1 AND status = 'issued' AND unallocated > 0) ORDER BY date, kind, id");
    st.bind_all(c.customer_id);
    std::vector<CreditRef> refs;
    while (st.step())
      refs.push_back({credit_kind_from(st.text_view(0)).value_or(CreditKind::Payment), st.int64(1)});
    st.reset();
    for (const CreditRef& r : refs) sources.push_back(*load_credit(db, r));
  }
  int64_t available = 0;
  for (const CreditSourceState& s : sources) available += s.unallocated;
  if (c.amount > available)
    return Problem{"amount",
                   "is more than the unapplied credit of " + money_text(available, customer->currency)};
  std::vector<JsonEvent> events;
  int64_t id = next_id(db, "refunds"), left = c.amount;
  for (const CreditSourceState& s : sources) {
    if (left == 0) break;
    int64_t part = std::min(left, s.unallocated);
    if (part <= 0) continue;
    left -= part;
    events.push_back({"refund.paid",
                      {{"id", id++},
                       {"customer", c.customer_id},
                       {"source", to_string(s.ref.kind)},
                       {"source_id", s.ref.id},
                       {"amount", part},
                       {"date", iso(c.date)},
                       {"method", trimmed(c.method)},
                       {"reference", trimmed(c.reference)}}});
  }
  Plan plan;
  plan.label = "Refund " + money_text(c.amount, customer->currency) + " to " + customer->name;
  add_to_plan(plan, std::move(events));
  return plan;
}

}  // namespace duebook

// Charges on late invoices: late fees (once per invoice and policy step), their waivers, and interest with
// the statutory fixed compensation. Each is billed on a charges invoice made with the ordinary invoice
// command (AddInvoice, issued at once, due on its date) and linked to the late invoice by a row of `charges`.
// Charging runs are streamed: each charges invoice takes the number and ids the one before left.
#include "collections/collections_charges.h"

#include "base/text.h"
#include "collections/collections.h"
#include "collections/collections_queries.h"
#include "collections/collections_worklist.h"
#include "customers/customer_queries.h"
#include "invoicing/invoice_commands.h"
#include "invoicing/receivables.h"

namespace duebook {
namespace {

// ---------------------------------------------------------------------------------------------
// Projectors

Status apply_booked(Db& db, const Json& p, bool unbook) {
  int64_t id = p["id"].get<int64_t>();
  if (unbook) return db.prepare("UPDATE charges SET status = 'reversed' WHERE id = ?1").bind_all(id).run();
  Statement& st = db.prepare(
      "INSERT INTO charges(id, kind, invoice_id, customer_id, step_index, charge_invoice_id, amount, "
      "currency, date, "
      "basis, status) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, 'charged') "
      "ON CONFLICT(id) DO UPDATE SET status = 'charged', reason = ''");
  st.bind_all(id, p["kind"].get<std::string>(), p["invoice"].get<int64_t>(), p["customer"].get<int64_t>(),
              p["step"].get<int64_t>(), p["charge_invoice"].get<int64_t>(), p["amount"].get<int64_t>(),
              p["currency"].get<std::string>(), p["date"].get<std::string>(), p["basis"].get<std::string>());
  return st.run();
}

// A waiver of a fee charged before (`new` false: the row changes state) or of one never charged (`new` true:
// a row of its own, so the fee is never charged later).
Status apply_waived(Db& db, const Json& p, bool unwaive) {
  int64_t id = p["id"].get<int64_t>();
  const bool fresh = p["new"].get<bool>();
  if (unwaive)
    return db
        .prepare(fresh ? "UPDATE charges SET status = 'reversed' WHERE id = ?1"
                       : "UPDATE charges SET status = 'charged', reason = '' WHERE id = ?1")
        .bind_all(id)
        .run();
  if (!fresh)
    return db.prepare("UPDATE charges SET status = 'waived', reason = ?2 WHERE id = ?1")
        .bind_all(id, p["reason"].get<std::string>())
        .run();
  Statement& st = db.prepare(
      "INSERT INTO charges(id, kind, invoice_id, customer_id, step_index, charge_invoice_id, amount, "
      "currency, date, "
      "basis, status, reason) VALUES (?1, 'late_fee', ?2, ?3, ?4, NULL, ?5, ?6, ?7, ?8, 'waived', ?9) "
      "ON CONFLICT(id) DO UPDATE SET status = 'waived', reason = ?9");
  st.bind_all(id, p["invoice"].get<int64_t>(), p["customer"].get<int64_t>(), p["step"].get<int64_t>(),
              p["amount"].get<int64_t>(), p["currency"].get<std::string>(), p["date"].get<std::string>(),
              p["basis"].get<std::string>(), p["reason"].get<std::string>());
  return st.run();
}

// ---------------------------------------------------------------------------------------------
// Charges invoices

// Issues a charges invoice for `late`'s customer dated and due on `date`, through the ordinary AddInvoice
// plan, and reports its id. Credit hold does not stop it (late_payment_charges).
Status emit_charges_invoice(EventSink& sink, Db& db, const CollectionInvoice& late, const Date& date,
                            std::vector<InvoiceLine> lines, const std::string& memo, int64_t* id) {
  InvoiceFields f;
  f.customer_id = late.customer_id;
  f.issue_date = date;
  f.due_date = date;
  f.memo = memo;
  f.lines = std::move(lines);
  AddInvoice add{f, true, "", true};
  Result<Plan> plan = plan_command(db, add);
  if (!plan) {
    Problems problems;
    for (const Problem& p : plan.problems()) problems.push_back({late.number + ": " + p.where, p.message});
    return problems;
  }
  for (const EventDraft& e : plan->events)
    if (Status s = sink.emit(e); !s) return s;
  *id = plan->created_id;
  return ok_status();
}

InvoiceLine charge_line(const std::string& description, int64_t amount) {
  InvoiceLine l;
  l.description = description;
  l.unit_price = amount;  // late-payment fees, interest and compensation are outside the scope of VAT
  return l;
}

Json booked_payload(Db& db, const char* kind, const CollectionInvoice& late, int step, int64_t charge_invoice,
                    int64_t amount, const Date& date, const std::string& basis) {
  return {{"id", next_id(db, "charges")},
          {"kind", kind},
          {"invoice", late.id},
          {"customer", late.customer_id},
          {"step", step},
          {"charge_invoice", charge_invoice},
          {"amount", amount},
          {"currency", late.currency},
          {"date", iso(date)},
          {"basis", basis}};
}

int64_t booked(Db& db, int64_t invoice_id, const char* kind) {
  Statement& st = db.prepare(
      "SELECT coalesce(sum(amount), 0) FROM charges WHERE invoice_id = ?1 AND kind = ?2 AND status = "
      "'charged'");
  st.bind_all(invoice_id, kind);
  int64_t sum = st.step() ? st.int64(0) : 0;
  st.reset();
  return sum;
}

// The day after the last interest booked on the invoice, or nullopt when none was.
std::optional<Date> interest_booked_to(Db& db, int64_t invoice_id) {
  Statement& st = db.prepare(
      "SELECT max(date) FROM charges WHERE invoice_id = ?1 AND kind = 'interest' AND status = 'charged'");
  st.bind_all(invoice_id);
  std::optional<Date> d;
  if (st.step() && !st.is_null(0)) d = add_days(iso_date(st.text_view(0)), 1);
  st.reset();
  return d;
}

}  // namespace

const std::vector<Projector>& collection_charge_projectors() {
  static const std::vector<Projector> list = {
      {"charge.booked", [](Db& db, const Event&, const Json& p) { return apply_booked(db, p, false); },
       [](const Event&, const Json& p) { return one_event("charge.unbooked", p); }},
      {"charge.unbooked", [](Db& db, const Event&, const Json& p) { return apply_booked(db, p, true); },
       [](const Event&, const Json& p) { return one_event("charge.booked", p); }},
      {"charge.waived", [](Db& db, const Event&, const Json& p) { return apply_waived(db, p, false); },
       [](const Event&, const Json& p) { return one_event("charge.unwaived", p); }},
      {"charge.unwaived", [](Db& db, const Event&, const Json& p) { return apply_waived(db, p, true); },
       [](const Event&, const Json& p) { return one_event("charge.waived", p); }},
  };
  return list;
}

Result<StreamPlan> stream_command(Db& db, const ChargeLateFees& command) {
  Problems problems;
  check_date(problems, command.as_of, "as_of");
  if (!problems.empty()) return problems;
  Result<std::vector<LateFeeDue>> due = late_fees_due(db, command.as_of);
  if (!due) return due.problems();
  if (due->empty())
    return Problem{"as_of", "no late fee is due as of " + iso(command.as_of) +
                                " (each is charged once per invoice and policy step)"};
  StreamPlan plan;
  plan.label = "Charge " + std::to_string(due->size()) + " late fee" + (due->size() == 1 ? "" : "s") +
               " as of " + iso(command.as_of);
  const Date as_of = command.as_of;
  plan.run = [&db, fees = due.value(), as_of](EventSink& sink) -> Status {
    for (const LateFeeDue& f : fees) {
      const PolicyRecord policy = policy_for_customer(db, f.invoice.customer_id);
      const std::string basis = "step " + std::to_string(f.step_index) + ": " +
                                to_string(policy.policy.steps[size_t(f.step_index)].action) + " (" +
                                policy.policy.name + ")";
      int64_t charge_invoice = 0;
      if (Status s = emit_charges_invoice(
              sink, db, f.invoice, as_of,
              {charge_line("Late fee on invoice " + f.invoice.number + ", due " + iso(f.invoice.due_date),
                           f.fee)},
              "Late fee on invoice " + f.invoice.number, &charge_invoice);
          !s)
        return s;
      if (Status s = sink.emit("charge.booked", booked_payload(db, "late_fee", f.invoice, f.step_index,
                                                               charge_invoice, f.fee, as_of, basis));
          !s)
        return s;
    }
    return ok_status();
  };
  return plan;
}

Result<StreamPlan> stream_command(Db& db, const ApplyCharges& command) {
  Problems problems;
  check_date(problems, command.as_of, "as_of");
  Result<InterestPolicy> policy = parse_interest_policy(command.policy);
  if (!policy) problems.push_back({"policy", policy.problems()[0].message});
  if (!problems.empty()) return problems;
  std::map<std::string, int64_t> ids;
  ChargesPreview preview = preview_ledger_charges(db, command.as_of, policy.value(), &ids);
  struct Work {
    CollectionInvoice invoice;  // the late invoice
    ChargesPreviewRow row;      // its preview row
    int64_t interest = 0;       // interest still to book
    int64_t compensation = 0;   // fixed compensation still to book
    Date from;                  // first day of the interest booked now
  };
  std::vector<Work> work;
  for (const ChargesPreviewRow& row : preview.rows) {
    std::optional<CollectionInvoice> inv = find_collection_invoice(db, ids.at(row.invoice));
    if (!inv || inv->with_agency) continue;  // an agency claims what it collects itself
    Work w{*inv, row, row.interest_minor - booked(db, inv->id, "interest"),
           row.fixed_compensation_minor - booked(db, inv->id, "compensation"),
           interest_booked_to(db, inv->id).value_or(add_days(row.due_date, 1))};
    if (w.interest > 0 || w.compensation > 0) work.push_back(w);
  }
  if (work.empty())
    return Problem{"as_of", "nothing more to charge as of " + iso(command.as_of) + " under " +
                                to_string(policy.value())};
  StreamPlan plan;
  plan.label = "Charge interest on " + std::to_string(work.size()) + " late invoice" +
               (work.size() == 1 ? "" : "s") + " as of " + iso(command.as_of) + " (" +
               to_string(policy.value()) + ")";
  const Date as_of = command.as_of;
  const std::string basis = to_string(policy.value());
  const InterestPolicyKind kind = policy->kind;
  plan.run = [&db, work, as_of, basis, kind](EventSink& sink) -> Status {
    for (const Work& w : work) {
      std::vector<InvoiceLine> lines;
      const std::string rate = to_string(w.row.annual_rate);
      if (w.interest > 0)
        lines.push_back(charge_line("Interest at " + rate + "% a year on invoice " + w.invoice.number +
                                        " from " + iso(w.from) + " to " + iso(as_of) + " (" + basis + ")",
                                    w.interest));
      if (w.compensation > 0)
        lines.push_back(charge_line(std::string("Fixed sum for the costs of recovering invoice ") +
                                        w.invoice.number +
                                        (kind == InterestPolicyKind::UkLatePayment
                                             ? " (Late Payment of Commercial Debts (Interest) Act 1998, s.5A)"
                                             : " (Directive 2011/7/EU, Art. 6)"),
                                    w.compensation));
      int64_t charge_invoice = 0;
      if (Status s =
              emit_charges_invoice(sink, db, w.invoice, as_of, lines,
                                   "Late-payment charges on invoice " + w.invoice.number, &charge_invoice);
          !s)
        return s;
      if (w.interest > 0)
        if (Status s =
                sink.emit("charge.booked", booked_payload(db, "interest", w.invoice, -1, charge_invoice,
                                                          w.interest, as_of, basis + " " + rate + "%"));
            !s)
          return s;
      if (w.compensation > 0)
        if (Status s =
                sink.emit("charge.booked", booked_payload(db, "compensation", w.invoice, -1, charge_invoice,
                                                          w.compensation, as_of, basis));
            !s)
          return s;
    }
    return ok_status();
  };
  return plan;
}

Result<Plan> plan_command(Db& db, const WaiveLateFee& command) {
  std::optional<CollectionInvoice> inv = find_collection_invoice(db, command.invoice_id);
  if (!inv) return Problem{"invoice_id", "no issued invoice with id " + std::to_string(command.invoice_id)};
  const PolicyRecord policy = policy_for_customer(db, inv->customer_id);
  Problems problems;
  if (command.step_index < 0 || size_t(command.step_index) >= policy.policy.steps.size() ||
      !policy.policy.steps[size_t(command.step_index)].late_fee)
    problems.push_back({"step", "step " + std::to_string(command.step_index) + " of the policy " +
                                    policy.policy.name + " charges no late fee"});
  std::string reason = trimmed(command.reason);
  if (reason.empty()) problems.push_back({"reason", "say why the fee is waived"});
  check_date(problems, command.date, "date");
  if (!problems.empty()) return problems;
  std::optional<ChargeRecord> existing;
  for (const ChargeRecord& c : list_charges(db, inv->id))
    if (c.kind == "late_fee" && c.step_index == command.step_index) existing = c;
  if (existing && existing->status == "waived")
    return Problem{"step", "the late fee of step " + std::to_string(command.step_index) + " on " +
                               inv->number + " is already waived"};
  Plan plan;
  plan.label =
      "Waive the late fee of step " + std::to_string(command.step_index) + " on invoice " + inv->number;
  Json waived = {{"invoice", inv->id},         {"customer", inv->customer_id},
                 {"step", command.step_index}, {"date", iso(command.date)},
                 {"reason", reason},           {"currency", inv->currency}};
  if (existing) {
    // The fee was billed: its charges invoice is voided (whatever was paid on it goes back to credit), unless
    // someone voided it already.
    std::optional<CollectionInvoice> bill = find_collection_invoice(db, existing->charge_invoice_id);
    if (bill && !bill->voided) {
      Result<Plan> voided = plan_command(
          db, VoidInvoice{existing->charge_invoice_id, command.date, "late fee waived: " + reason});
      if (!voided) return voided.problems();
      plan.events = voided->events;
    }
    waived["id"] = existing->id;
    waived["new"] = false;
    waived["amount"] = existing->amount;
    waived["basis"] = existing->basis;
  } else {
    Result<int64_t> fee = late_fee_amount(policy.late_fee, open_money(*inv));
    waived["id"] = next_id(db, "charges");
    waived["new"] = true;
    waived["amount"] = fee ? fee.value() : 0;
    waived["basis"] =
        "step " + std::to_string(command.step_index) + " (" + policy.policy.name + "), never charged";
  }
  add_to_plan(plan, {{"charge.waived", waived}});
  return plan;
}

}  // namespace duebook

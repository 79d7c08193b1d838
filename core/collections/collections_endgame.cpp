// The endgame of a late debt in the ledger: installment plans, reduced settlements (with the ordinary
// write-off), hand-offs to a collection agency, and factoring (with the payments customers make to the factor
// later).
#include "collections/collections_endgame.h"

#include <algorithm>

#include "base/text.h"
#include "collections/collections.h"
#include "collections/collections_queries.h"
#include "collections/settlements.h"
#include "customers/customer_queries.h"
#include "invoicing/invoice_commands.h"
#include "invoicing/invoice_queries.h"
#include "invoicing/payment_commands.h"
#include "invoicing/receivables.h"

namespace duebook {
namespace {

// ---------------------------------------------------------------------------------------------
// Projectors

Status apply_plan(Db& db, const Json& p, const char* status) {
  int64_t id = p["id"].get<int64_t>();
  if (std::string(status) == "cancelled")
    return db.prepare("UPDATE installment_plans SET status = 'cancelled' WHERE id = ?1").bind_all(id).run();
  Status s =
      db.prepare(
            "INSERT INTO installment_plans(id, customer_id, agreed_on, currency, balance, count, first_due, "
            "every_days, invoices, status) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 'active') "
            "ON CONFLICT(id) DO UPDATE SET status = 'active'")
          .bind_all(id, p["customer"].get<int64_t>(), p["date"].get<std::string>(),
                    p["currency"].get<std::string>(), p["balance"].get<int64_t>(), p["count"].get<int64_t>(),
                    p["first_due"].get<std::string>(), p["every_days"].get<int64_t>(),
                    to_payload(p["invoices"]))
          .run();
  if (!s) return s;
  Statement& ins = db.prepare(
      "INSERT OR IGNORE INTO installments(plan_id, number, due, amount, cumulative) VALUES (?1, ?2, ?3, ?4, "
      "?5)");
  for (const Json& i : p["installments"])
    if (Status r = ins.bind_all(id, i["number"].get<int64_t>(), i["due"].get<std::string>(),
                                i["amount"].get<int64_t>(), i["cumulative"].get<int64_t>())
                       .run();
        !r)
      return r;
  return ok_status();
}

Status apply_settlement(Db& db, const Json& p, bool retract) {
  int64_t id = p["id"].get<int64_t>();
  if (retract) return db.prepare("UPDATE settlements SET retracted = 1 WHERE id = ?1").bind_all(id).run();
  return db
      .prepare(
          "INSERT INTO settlements(id, invoice_id, customer_id, date, balance, accepted, written_off, "
          "currency, "
          "reason, write_off_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) "
          "ON CONFLICT(id) DO UPDATE SET retracted = 0")
      .bind_all(id, p["invoice"].get<int64_t>(), p["customer"].get<int64_t>(), p["date"].get<std::string>(),
                p["balance"].get<int64_t>(), p["accepted"].get<int64_t>(), p["written_off"].get<int64_t>(),
                p["currency"].get<std::string>(), p["reason"].get<std::string>(),
                p["write_off"].get<int64_t>())
      .run();
}

Status apply_placement(Db& db, const Json& p, bool recall) {
  int64_t id = p["id"].get<int64_t>();
  if (recall) return db.prepare("UPDATE agency_placements SET recalled = 1 WHERE id = ?1").bind_all(id).run();
  Status s =
      db.prepare(
            "INSERT INTO agency_placements(id, customer_id, agency, commission, date, currency, placed, "
            "expected_net) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) "
            "ON CONFLICT(id) DO UPDATE SET recalled = 0")
          .bind_all(id, p["customer"].get<int64_t>(), p["agency"].get<std::string>(),
                    p["commission"].get<std::string>(), p["date"].get<std::string>(),
                    p["currency"].get<std::string>(), p["placed"].get<int64_t>(),
                    p["expected_net"].get<int64_t>())
          .run();
  if (!s) return s;
  Statement& ins = db.prepare(
      "INSERT OR IGNORE INTO agency_invoices(placement_id, invoice_id, amount) VALUES (?1, ?2, ?3)");
  for (const Json& i : p["invoices"])
    if (Status r = ins.bind_all(id, i["invoice"].get<int64_t>(), i["amount"].get<int64_t>()).run(); !r)
      return r;
  return ok_status();
}

Status apply_factoring(Db& db, const Json& p, bool recall) {
  int64_t id = p["id"].get<int64_t>();
  if (recall) return db.prepare("UPDATE factorings SET recalled = 1 WHERE id = ?1").bind_all(id).run();
  Status s =
      db.prepare(
            "INSERT INTO factorings(id, factor, date, currency, advance_percent, fee_percent, fee_basis, "
            "amount, cash_today, reserve, fee, reserve_released, annual_cost_bp) "
            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13) "
            "ON CONFLICT(id) DO UPDATE SET recalled = 0")
          .bind_all(id, p["factor"].get<std::string>(), p["date"].get<std::string>(),
                    p["currency"].get<std::string>(), p["advance_percent"].get<std::string>(),
                    p["fee_percent"].get<std::string>(), p["fee_basis"].get<std::string>(),
                    p["amount"].get<int64_t>(), p["cash_today"].get<int64_t>(), p["reserve"].get<int64_t>(),
                    p["fee"].get<int64_t>(), p["reserve_released"].get<int64_t>(),
                    p["annual_cost_bp"].get<std::string>())
          .run();
  if (!s) return s;
  Statement& ins = db.prepare(
      "INSERT OR IGNORE INTO factored_invoices(factoring_id, invoice_id, customer_id, amount, advance, fee, "
      "expected_paid_on) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
  for (const Json& i : p["invoices"])
    if (Status r = ins.bind_all(id, i["invoice"].get<int64_t>(), i["customer"].get<int64_t>(),
                                i["amount"].get<int64_t>(), i["advance"].get<int64_t>(),
                                i["fee"].get<int64_t>(), i["expected_paid_on"].get<std::string>())
                       .run();
        !r)
      return r;
  return ok_status();
}

Status apply_collected(Db& db, const Json& p, bool reverse) {
  int64_t amount = p["amount"].get<int64_t>();
  return db
      .prepare(
          "UPDATE factored_invoices SET collected = collected + ?3 WHERE factoring_id = ?1 AND invoice_id = "
          "?2")
      .bind_all(p["factoring"].get<int64_t>(), p["invoice"].get<int64_t>(), reverse ? -amount : amount)
      .run();
}

// ---------------------------------------------------------------------------------------------
// Shared checks

// The invoices named for an agency or a factor: issued, open, not placed or sold already. Problems name
// "invoice_ids[i]".
Result<std::vector<CollectionInvoice>> invoices_to_place(Db& db, const std::vector<int64_t>& ids) {
  if (ids.empty()) return Problem{"invoice_ids", "name at least one invoice"};
  Problems problems;
  std::vector<CollectionInvoice> out;
  for (size_t i = 0; i < ids.size(); ++i) {
    std::string where = "invoice_ids[" + std::to_string(i) + "]";
    std::optional<CollectionInvoice> inv = find_collection_invoice(db, ids[i]);
    if (!inv || inv->voided)
      problems.push_back({where, "no issued invoice with id " + std::to_string(ids[i])});
    else if (inv->open <= 0)
      problems.push_back({where, "invoice " + inv->number + " has nothing open"});
    else if (inv->with_agency)
      problems.push_back({where, "invoice " + inv->number + " is with an agency already"});
    else if (inv->factored)
      problems.push_back({where, "invoice " + inv->number + " is sold to a factor"});
    else if (std::any_of(out.begin(), out.end(), [&](const CollectionInvoice& o) { return o.id == inv->id; }))
      problems.push_back({where, "invoice " + inv->number + " is named twice"});
    else
      out.push_back(*inv);
  }
  if (!problems.empty()) return problems;
  return out;
}

Problems renamed(const Problems& problems, const std::string& from, const std::string& to) {
  Problems out;
  for (const Problem& p : problems)
    out.push_back({p.where.rfind(from, 0) == 0 ? to + p.where.substr(from.size()) : p.where, p.message});
  return out;
}

}  // namespace

const std::vector<Projector>& collection_endgame_projectors() {
  static const std::vector<Projector> list = {
      {"installment_plan.agreed",
       [](Db& db, const Event&, const Json& p) { return apply_plan(db, p, "active"); },
       [](const Event&, const Json& p) { return one_event("installment_plan.cancelled", p); }},
      {"installment_plan.cancelled",
       [](Db& db, const Event&, const Json& p) { return apply_plan(db, p, "cancelled"); },
       [](const Event&, const Json& p) { return one_event("installment_plan.agreed", p); }},
      {"settlement.accepted",
       [](Db& db, const Event&, const Json& p) { return apply_settlement(db, p, false); },
       [](const Event&, const Json& p) { return one_event("settlement.retracted", p); }},
      {"settlement.retracted",
       [](Db& db, const Event&, const Json& p) { return apply_settlement(db, p, true); },
       [](const Event&, const Json& p) { return one_event("settlement.accepted", p); }},
      {"agency.placed", [](Db& db, const Event&, const Json& p) { return apply_placement(db, p, false); },
       [](const Event&, const Json& p) { return one_event("agency.recalled", p); }},
      {"agency.recalled", [](Db& db, const Event&, const Json& p) { return apply_placement(db, p, true); },
       [](const Event&, const Json& p) { return one_event("agency.placed", p); }},
      {"factoring.sold", [](Db& db, const Event&, const Json& p) { return apply_factoring(db, p, false); },
       [](const Event&, const Json& p) { return one_event("factoring.recalled", p); }},
      {"factoring.recalled", [](Db& db, const Event&, const Json& p) { return apply_factoring(db, p, true); },
       [](const Event&, const Json& p) { return one_event("factoring.sold", p); }},
      {"factoring.collected",
       [](Db& db, const Event&, const Json& p) { return apply_collected(db, p, false); },
       [](const Event&, const Json& p) { return one_event("factoring.collection_reversed", p); }},
      {"factoring.collection_reversed",
       [](Db& db, const Event&, const Json& p) { return apply_collected(db, p, true); },
       [](const Event&, const Json& p) { return one_event("factoring.collected", p); }},
  };
  return list;
}

Result<Plan> plan_command(Db& db, const AddInstallmentPlan& command) {
  std::optional<Customer> customer = find_customer(db, command.customer_id);
  if (!customer) return Problem{"customer_id", "no customer with id " + std::to_string(command.customer_id)};
  Problems problems;
  check_date(problems, command.date, "date");
  check_date(problems, command.first_due, "first_due");
  if (problems.empty() && command.first_due < command.date)
    problems.push_back({"first_due", "is before the day the plan is agreed, " + iso(command.date)});
  if (!problems.empty()) return problems;
  Result<std::vector<CollectionInvoice>> invoices =
      customer_invoices_arg(db, command.customer_id, command.invoice_ids, command.date, "invoice_ids");
  if (!invoices) return invoices.problems();
  std::vector<int64_t> ids;
  int64_t balance = 0;
  for (const CollectionInvoice& inv : invoices.value()) {
    if (inv.with_agency || inv.factored)
      return Problem{"invoice_ids",
                     "invoice " + inv.number + " is no longer ours to collect (agency or factor)"};
    ids.push_back(inv.id);
    balance += inv.open;
  }
  for (const PlanStatus& p : list_installment_plans(db, command.date))
    if (p.state == "active" || p.state == "missed")
      for (int64_t id : ids)
        if (std::count(p.invoice_ids.begin(), p.invoice_ids.end(), id))
          return Problem{"invoice_ids", "installment plan #" + std::to_string(p.id) +
                                            " already covers invoice " + invoice_numbers_text(db, {id})};
  const std::string& currency = customer->fields.currency;
  InstallmentPlanRequest request;
  request.balance = Money{balance, *parse_currency_code(currency)};
  request.count = command.count;
  request.first_due = command.first_due;
  request.spacing = command.every_days ? InstallmentSpacing::EveryDays : InstallmentSpacing::Monthly;
  request.every_days = command.every_days;
  Result<std::vector<Installment>> schedule = plan_installments(request);
  if (!schedule) return renamed(schedule.problems(), "plan.", "");
  Json installments = Json::array();
  for (const Installment& i : schedule.value())
    installments.push_back({{"number", i.number},
                            {"due", iso(i.due)},
                            {"amount", i.amount.minor},
                            {"cumulative", i.cumulative_minor}});
  int64_t id = next_id(db, "installment_plans");
  Plan plan;
  plan.created_id = id;
  plan.label = "Installment plan for " + customer->fields.name + ": " + money_label(balance, currency) +
               " in " + std::to_string(command.count);
  add_to_plan(plan, {{"installment_plan.agreed",
                      {{"id", id},
                       {"customer", command.customer_id},
                       {"date", iso(command.date)},
                       {"currency", currency},
                       {"balance", balance},
                       {"count", command.count},
                       {"first_due", iso(command.first_due)},
                       {"every_days", command.every_days},
                       {"invoices", ids_json(ids)},
                       {"installments", installments}}}});
  return plan;
}

Result<Plan> plan_command(Db& db, const AcceptSettlement& command) {
  std::optional<CollectionInvoice> inv = find_collection_invoice(db, command.invoice_id);
  if (!inv || inv->voided || inv->open <= 0)
    return Problem{"invoice_id",
                   "no issued invoice with something open, id " + std::to_string(command.invoice_id)};
  Problems problems;
  check_date(problems, command.date, "date");
  if (command.accepted >= inv->open)
    problems.push_back({"accepted", "is not less than the open " + money_label(inv->open, inv->currency) +
                                        ": nothing to write off"});
  Money accepted = open_money(*inv);
  accepted.minor = command.accepted;
  Result<ReducedSettlement> settlement =
      reduced_settlement(open_money(*inv), accepted, trimmed(command.reason));
  if (!settlement) {
    for (const Problem& p : renamed(settlement.problems(), "settlement.", "")) problems.push_back(p);
  }
  if (!problems.empty()) return problems;
  const std::string reason = trimmed(command.reason);
  Result<Plan> write_off = plan_command(db, WriteOffInvoice{inv->id, settlement->written_off.minor,
                                                            command.date, "Reduced settlement: " + reason});
  if (!write_off) return write_off.problems();
  const int64_t write_off_id = Json::parse(write_off->events.front().payload)["id"].get<int64_t>();
  Plan plan;
  plan.events = write_off->events;
  int64_t id = next_id(db, "settlements");
  plan.created_id = id;
  plan.label = "Settle invoice " + inv->number + " for " + money_label(command.accepted, inv->currency) +
               ", writing off " + money_label(settlement->written_off.minor, inv->currency);
  add_to_plan(plan, {{"settlement.accepted",
                      {{"id", id},
                       {"invoice", inv->id},
                       {"customer", inv->customer_id},
                       {"date", iso(command.date)},
                       {"balance", inv->open},
                       {"accepted", command.accepted},
                       {"written_off", settlement->written_off.minor},
                       {"currency", inv->currency},
                       {"reason", reason},
                       {"write_off", write_off_id}}}});
  return plan;
}

Result<Plan> plan_command(Db& db, const HandToAgency& command) {
  Problems problems;
  check_date(problems, command.date, "date");
  std::string agency = trimmed(command.agency);
  if (agency.empty()) problems.push_back({"agency", "name the agency"});
  Result<std::vector<CollectionInvoice>> invoices = invoices_to_place(db, command.invoice_ids);
  if (!invoices)
    for (const Problem& p : invoices.problems()) problems.push_back(p);
  if (!problems.empty()) return problems;
  // One placement per customer: the agency pursues each debtor with its own case file.
  std::map<int64_t, std::vector<CollectionInvoice>> by_customer;
  for (const CollectionInvoice& inv : invoices.value()) by_customer[inv.customer_id].push_back(inv);
  std::vector<JsonEvent> events;
  int64_t id = next_id(db, "agency_placements");
  Plan plan;
  plan.created_id = id;
  for (const auto& [customer, list] : by_customer) {
    Money placed = open_money(list.front());
    placed.minor = 0;
    Json lines = Json::array();
    for (const CollectionInvoice& inv : list) {
      placed.minor += inv.open;
      lines.push_back({{"invoice", inv.id}, {"amount", inv.open}});
    }
    Result<AgencyHandoff> handoff = agency_handoff(placed, AgencyTerms{command.commission_percent, {100, 0}});
    if (!handoff) return renamed(handoff.problems(), "agency.commission_percent", "commission");
    events.push_back({"agency.placed",
                      {{"id", id++},
                       {"customer", customer},
                       {"agency", agency},
                       {"commission", to_string(normalized(command.commission_percent))},
                       {"date", iso(command.date)},
                       {"currency", list.front().currency},
                       {"placed", placed.minor},
                       {"expected_net", handoff->expected_net.minor},
                       {"invoices", lines}}});
  }
  plan.label = "Hand " + std::to_string(invoices->size()) + " invoice" + (invoices->size() == 1 ? "" : "s") +
               " to " + agency;
  add_to_plan(plan, events);
  return plan;
}

Result<Plan> plan_command(Db& db, const FactorInvoices& command) {
  Problems problems;
  check_date(problems, command.date, "date");
  std::string factor = trimmed(command.factor);
  if (factor.empty()) problems.push_back({"factor", "name the factor"});
  auto percent = [](const Decimal& d) {
    return compare(d, Decimal{0, 0}) >= 0 && compare(d, Decimal{100, 0}) <= 0;
  };
  if (command.reserve_percent &&
      (!percent(*command.reserve_percent) || !percent(command.advance_percent) ||
       std::max(command.advance_percent.scale, command.reserve_percent->scale) > 8)) {
    problems.push_back(
        {"reserve_percent", "must be a percentage 0..100 with at most 8 decimals, and 100 − advance"});
  } else if (command.reserve_percent) {
    // reserve = 100 − advance, compared exactly at the larger scale (at most 8 decimals: no overflow).
    int scale = std::max(command.advance_percent.scale, command.reserve_percent->scale);
    int64_t hundred = 100 * pow10(scale);
    int64_t advance = command.advance_percent.units * pow10(scale - command.advance_percent.scale);
    int64_t reserve = command.reserve_percent->units * pow10(scale - command.reserve_percent->scale);
    Decimal expected{hundred - advance, scale};
    if (reserve != hundred - advance)
      problems.push_back({"reserve_percent", "must be 100 − advance = " + to_string(normalized(expected))});
  }
  if (command.expected_paid_on) {
    check_date(problems, *command.expected_paid_on, "expected_paid_on");
    if (problems.empty() && *command.expected_paid_on <= command.date)
      problems.push_back({"expected_paid_on", "must be after " + iso(command.date)});
  }
  Result<std::vector<CollectionInvoice>> invoices = invoices_to_place(db, command.invoice_ids);
  if (!invoices)
    for (const Problem& p : invoices.problems()) problems.push_back(p);
  if (!problems.empty()) return problems;
  std::vector<FactoringInvoice> offered;
  for (const CollectionInvoice& inv : invoices.value()) {
    Date expected = command.expected_paid_on.value_or(
        inv.due_date > command.date ? inv.due_date : add_days(command.date, 30));
    offered.push_back({inv.number, open_money(inv), expected});
  }
  FactoringTerms terms{command.advance_percent, command.fee_percent,
                       command.flat_fee ? FactoringFeeBasis::Flat : FactoringFeeBasis::Per30Days};
  Result<FactoringQuote> quote = quote_factoring(offered, terms, command.date);
  if (!quote) return renamed(quote.problems(), "factoring.", "");
  Json lines = Json::array();
  for (size_t i = 0; i < quote->lines.size(); ++i) {
    const FactoringLine& l = quote->lines[i];
    const CollectionInvoice& inv = invoices.value()[i];
    lines.push_back({{"invoice", inv.id},
                     {"customer", inv.customer_id},
                     {"amount", l.amount.minor},
                     {"advance", l.advance.minor},
                     {"fee", l.fee.minor},
                     {"expected_paid_on", iso(offered[i].expected_paid_on)}});
  }
  int64_t id = next_id(db, "factorings");
  const std::string currency(quote->amount.currency.view());
  Plan plan;
  plan.created_id = id;
  plan.label = "Factor " + std::to_string(lines.size()) + " invoice" + (lines.size() == 1 ? "" : "s") +
               " with " + factor + ": " + money_label(quote->cash_today.minor, currency) + " today, cost " +
               money_label(quote->fee.minor, currency);
  add_to_plan(plan, {{"factoring.sold",
                      {{"id", id},
                       {"factor", factor},
                       {"date", iso(command.date)},
                       {"currency", currency},
                       {"advance_percent", to_string(normalized(command.advance_percent))},
                       {"fee_percent", to_string(normalized(command.fee_percent))},
                       {"fee_basis", command.flat_fee ? "flat" : "per_30_days"},
                       {"amount", quote->amount.minor},
                       {"cash_today", quote->cash_today.minor},
                       {"reserve", quote->reserve.minor},
                       {"fee", quote->fee.minor},
                       {"reserve_released", quote->reserve_released.minor},
                       {"annual_cost_bp", to_string(quote->effective_annual_cost_bp)},
                       {"invoices", lines}}}});
  return plan;
}

Result<Plan> plan_command(Db& db, const RecordFactorCollection& command) {
  std::optional<CollectionInvoice> inv = find_collection_invoice(db, command.invoice_id);
  if (!inv || !inv->factored)
    return Problem{"invoice_id", "no factored invoice with id " + std::to_string(command.invoice_id)};
  Statement& st = db.prepare(
      "SELECT f.id, f.factor FROM factored_invoices fi JOIN factorings f ON f.id = fi.factoring_id "
      "WHERE fi.invoice_id = ?1 AND f.recalled = 0 ORDER BY f.id DESC LIMIT 1");
  st.bind_all(inv->id);
  int64_t factoring = 0;
  std::string factor;
  if (st.step()) factoring = st.int64(0), factor = st.text(1);
  st.reset();
  Problems problems;
  check_date(problems, command.date, "date");
  if (command.amount <= 0 || command.amount > inv->open)
    problems.push_back(
        {"amount", "must be more than zero and at most the open " + money_label(inv->open, inv->currency)});
  if (!problems.empty()) return problems;
  // The customer paid: the invoice is paid in our books, by a payment the factor received.
  Result<Plan> payment =
      plan_command(db, RecordPayment{inv->customer_id, command.date, command.amount, inv->currency,
                                     "paid to factor " + factor, inv->number});
  if (!payment) return payment.problems();
  Plan plan;
  plan.events = payment->events;
  plan.created_id = payment->created_id;
  plan.label = "Invoice " + inv->number + " paid to factor " + factor + ": " +
               money_label(command.amount, inv->currency);
  add_to_plan(plan, {{"factoring.collected",
                      {{"factoring", factoring},
                       {"invoice", inv->id},
                       {"date", iso(command.date)},
                       {"amount", command.amount},
                       {"payment", payment->created_id}}}});
  return plan;
}

}  // namespace duebook

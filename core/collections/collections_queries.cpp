// Collections reads: invoices as collections sees them, policies, the book build_worklist takes, the contact
// record, promises, disputes, installment plans, charges, placements and factoring sales.
// A cached statement is reset when it is prepared again, so every loop collects its rows before querying
// more.
#include "collections/collections_queries.h"

#include <algorithm>

#include "collections/collections.h"
#include "customers/customer_queries.h"
#include "invoicing/deposits.h"
#include "invoicing/receivables.h"

namespace duebook {
namespace {

constexpr const char* kInvoiceColumns =
    "SELECT i.id, i.customer_id, c.name, i.number, i.currency, i.issue_date, i.due_date, i.total, "
    "i.open_amount, "
    "i.voided, "
    "EXISTS(SELECT 1 FROM disputes d WHERE d.invoice_id = i.id AND d.status = 'open'), "
    "EXISTS(SELECT 1 FROM agency_invoices ai JOIN agency_placements ap ON ap.id = ai.placement_id "
    "       WHERE ai.invoice_id = i.id AND ap.recalled = 0), "
    "EXISTS(SELECT 1 FROM factored_invoices fi JOIN factorings f ON f.id = fi.factoring_id "
    "       WHERE fi.invoice_id = i.id AND f.recalled = 0), "
    "EXISTS(SELECT 1 FROM charges ch WHERE ch.charge_invoice_id = i.id), i.deposit "
    "FROM invoices i JOIN customers c ON c.id = i.customer_id ";

CollectionInvoice read_invoice(const Statement& st) {
  CollectionInvoice inv;
  inv.id = st.int64(0);
  inv.customer_id = st.int64(1);
  inv.customer = st.text(2);
  inv.number = st.text(3);
  inv.currency = st.text(4);
  inv.issue_date = iso_date(st.text_view(5));
  inv.due_date = iso_date(st.text_view(6));
  inv.total = st.int64(7);
  inv.open = st.int64(8);
  inv.voided = st.int64(9) != 0;
  inv.disputed = st.int64(10) != 0;
  inv.with_agency = st.int64(11) != 0;
  inv.factored = st.int64(12) != 0;
  inv.is_charge = st.int64(13) != 0;
  inv.deposit = st.int64(14);
  return inv;
}

Money money_of(int64_t minor, const std::string& currency) {
  Result<CurrencyCode> code = parse_currency_code(currency);
  return Money{minor, code ? code.value() : CurrencyCode{}};
}

// Σ allocations to `invoices` dated from..to (ISO, inclusive); only payments when `payments_only`.
int64_t applied_between(Db& db, const std::vector<int64_t>& invoices, const std::string& from,
                        const std::string& to, bool payments_only) {
  int64_t sum = 0;
  Statement& st = db.prepare(
      "SELECT coalesce(sum(amount), 0) FROM allocations WHERE invoice_id = ?1 AND removed = 0 AND date >= ?2 "
      "AND "
      "date <= ?3 AND (?4 = 0 OR source_kind = 'payment')");
  for (int64_t id : invoices) {
    st.bind_all(id, from, to, int64_t(payments_only));
    if (st.step()) sum += st.int64(0);
    st.reset();
  }
  return sum;
}

// The promise an installment plan amounts to on a day: pay the next installment not yet covered (or the first
// missed one) by its date. Nothing once the plan is paid or cancelled.
std::optional<PromiseToPay> plan_as_promise(const PlanStatus& plan) {
  if (plan.state != "active" && plan.state != "missed") return std::nullopt;
  for (const Installment& i : plan.installments) {
    bool missed = plan.status.missed && *plan.status.missed == i.number;
    if (missed || (!plan.status.missed && i.cumulative_minor > plan.paid))
      return PromiseToPay{i.due, i.cumulative_minor, plan.paid};
  }
  return std::nullopt;
}

}  // namespace

std::vector<CollectionInvoice> open_collection_invoices(Db& db, const Date& as_of, int64_t customer_id) {
  Statement& st =
      db.prepare(std::string(kInvoiceColumns) +
                 "WHERE i.issued = 1 AND i.voided = 0 AND i.open_amount > 0 AND i.issue_date <= ?1 AND "
                 "(?2 = 0 OR i.customer_id = ?2) ORDER BY c.name_key, i.customer_id, i.due_date, i.number");
  st.bind_all(iso(as_of), customer_id);
  std::vector<CollectionInvoice> out;
  while (st.step()) out.push_back(read_invoice(st));
  st.reset();
  return out;
}

std::optional<CollectionInvoice> find_collection_invoice(Db& db, int64_t id) {
  Statement& st = db.prepare(std::string(kInvoiceColumns) + "WHERE i.id = ?1 AND i.issued = 1");
  st.bind_all(id);
  std::optional<CollectionInvoice> out;
  if (st.step()) out = read_invoice(st);
  st.reset();
  return out;
}

std::optional<PolicyRecord> find_policy(Db& db, int64_t id) {
  if (id == 0) return default_policy_record();
  Statement& st = db.prepare("SELECT policy FROM collection_policies WHERE id = ?1 AND removed = 0");
  st.bind_all(id);
  std::optional<std::string> text;
  if (st.step()) text = st.text(0);
  st.reset();
  if (!text) return std::nullopt;
  Result<PolicyRecord> r = policy_record_from_json(*text);
  if (!r) return std::nullopt;  // saved policies were validated; a damaged row reads as missing
  PolicyRecord record = r.value();
  record.id = id;
  return record;
}

std::vector<PolicyRecord> list_policies(Db& db) {
  std::vector<int64_t> ids;
  Statement& st = db.prepare("SELECT id FROM collection_policies WHERE removed = 0 ORDER BY id");
  while (st.step()) ids.push_back(st.int64(0));
  st.reset();
  std::vector<PolicyRecord> out = {default_policy_record()};
  for (int64_t id : ids)
    if (auto p = find_policy(db, id)) out.push_back(*p);
  return out;
}

PolicyRecord policy_for_customer(Db& db, int64_t customer_id) {
  Statement& st = db.prepare("SELECT policy_id FROM collection_accounts WHERE customer_id = ?1");
  st.bind_all(customer_id);
  int64_t id = st.step() ? st.int64(0) : 0;
  st.reset();
  return find_policy(db, id).value_or(default_policy_record());
}

Json company_to_json(const CompanyDetails& c) {
  Json j = {{"name", c.name},
            {"address", c.address},
            {"phone", c.phone},
            {"email", c.email},
            {"sender_name", c.sender_name},
            {"account_name", c.account_name},
            {"iban", c.iban},
            {"bic", c.bic}};
  // The e-invoice fields only when set, so that the payloads of a business without them stay as they were.
  if (!c.vat_id.empty()) j["vat_id"] = c.vat_id;
  if (!c.endpoint.empty()) j["endpoint"] = c.endpoint;
  return j;
}

CompanyDetails company_details(Db& db) {
  Statement& st = db.prepare("SELECT value FROM collection_settings WHERE key = 'company'");
  CompanyDetails c;
  if (st.step()) {
    Json j = Json::parse(st.text(0), nullptr, false);
    if (j.is_object()) {
      c.name = j.value("name", "");
      c.address = j.value("address", "");
      c.phone = j.value("phone", "");
      c.email = j.value("email", "");
      c.sender_name = j.value("sender_name", "");
      c.vat_id = j.value("vat_id", "");
      c.endpoint = j.value("endpoint", "");
      c.account_name = j.value("account_name", "");
      c.iban = j.value("iban", "");
      c.bic = j.value("bic", "");
    }
  }
  st.reset();
  return c;
}

CollectionsBook load_collections_book(Db& db, const Date& as_of, int64_t customer_id, int grace_days) {
  CollectionsBook book;
  std::vector<CollectionInvoice> invoices = open_collection_invoices(db, as_of, customer_id);
  std::vector<PlanStatus> plans = list_installment_plans(db, as_of, 0, grace_days);
  for (size_t i = 0; i < invoices.size();) {
    const int64_t id = invoices[i].customer_id;
    size_t end = i;
    while (end < invoices.size() && invoices[end].customer_id == id) ++end;
    std::optional<Customer> customer = find_customer(db, id);
    CustomerCollections c;
    c.customer = invoices[i].customer;
    c.policy = policy_for_customer(db, id).policy;
    if (customer) c.contacts = customer->fields.contacts;
    Statement& acc = db.prepare("SELECT snoozed_until FROM collection_accounts WHERE customer_id = ?1");
    acc.bind_all(id);
    std::optional<Date> snoozed;
    if (acc.step() && !acc.is_null(0)) snoozed = iso_date(acc.text_view(0));
    acc.reset();
    std::vector<PromiseStatus> promises = list_promises(db, as_of, id, grace_days);
    for (size_t k = i; k < end; ++k) {
      const CollectionInvoice& inv = invoices[k];
      OpenInvoice o;
      o.number = inv.number;
      o.due_date = inv.due_date;
      o.open = money_of(inv.open, inv.currency);
      // A down payment falls due on receipt: while it is open and overdue, the invoice is chased from its
      // invoice date for what is overdue (the deposit, and the balance once that is due too).
      if (inv.deposit > 0) {
        OverduePart late =
            overdue_on(due_parts(inv.total, inv.deposit, inv.open, inv.issue_date, inv.due_date), as_of);
        if (late.since) {
          o.due_date = *late.since;
          o.open = money_of(late.amount, inv.currency);
        }
      }
      o.disputed = inv.disputed;
      o.with_agency = inv.with_agency;
      o.factored = inv.factored;
      o.snoozed_until = snoozed;
      // The latest promise made by the day covers the invoice; an installment plan overrides it.
      for (const PromiseStatus& p : promises)
        if (p.made_on <= as_of && std::count(p.invoice_ids.begin(), p.invoice_ids.end(), inv.id))
          o.promise = PromiseToPay{p.pay_by, p.amount, p.paid};
      for (const PlanStatus& plan : plans)
        if (plan.customer_id == id && plan.agreed_on <= as_of &&
            std::count(plan.invoice_ids.begin(), plan.invoice_ids.end(), inv.id))
          if (auto promise = plan_as_promise(plan)) o.promise = promise;
      c.invoices.push_back(o);
      book.invoice_ids[inv.number] = inv.id;
    }
    Statement& done = db.prepare(
        "SELECT i.number, s.step_index, s.date FROM collection_steps s JOIN invoices i ON i.id = "
        "s.invoice_id "
        "WHERE s.customer_id = ?1 AND s.removed = 0 AND s.date <= ?2 ORDER BY s.date, s.done_id");
    done.bind_all(id, iso(as_of));
    while (done.step()) c.done.push_back({done.text(0), int(done.int64(1)), iso_date(done.text_view(2))});
    done.reset();
    book.customers.push_back(std::move(c));
    book.customer_ids.push_back(id);
    i = end;
  }
  return book;
}

std::vector<ContactRecord> contact_log(Db& db, int64_t customer_id) {
  Statement& st = db.prepare(
      "SELECT id, customer_id, date, channel, person, outcome, notes, invoices, coalesce(step_done_id, 0) "
      "FROM contact_log WHERE customer_id = ?1 AND retracted = 0 ORDER BY date, id");
  st.bind_all(customer_id);
  std::vector<ContactRecord> out;
  while (st.step())
    out.push_back({st.int64(0), st.int64(1), iso_date(st.text_view(2)), st.text(3), st.text(4), st.text(5),
                   st.text(6), st.text(7), st.int64(8)});
  st.reset();
  return out;
}

std::vector<PromiseStatus> list_promises(Db& db, const Date& as_of, int64_t customer_id, int grace_days) {
  Statement& st = db.prepare(
      "SELECT id, customer_id, made_on, pay_by, amount, currency, invoices FROM promises "
      "WHERE retracted = 0 AND (?1 = 0 OR customer_id = ?1) ORDER BY made_on, id");
  st.bind_all(customer_id);
  std::vector<PromiseStatus> out;
  while (st.step()) {
    PromiseStatus p;
    p.id = st.int64(0);
    p.customer_id = st.int64(1);
    p.made_on = iso_date(st.text_view(2));
    p.pay_by = iso_date(st.text_view(3));
    p.amount = st.int64(4);
    p.currency = st.text(5);
    p.invoice_ids = ids_from_text(st.text_view(6));
    out.push_back(p);
  }
  st.reset();
  for (PromiseStatus& p : out) {
    p.paid = applied_between(db, p.invoice_ids, iso(p.made_on), iso(as_of), true);
    Date last_day = add_days(p.pay_by, grace_days);
    if (p.paid >= p.amount)
      p.state = "kept";
    else if (as_of > last_day)
      p.state = "broken", p.broken_on = add_days(last_day, 1);
    else
      p.state = "open";
  }
  return out;
}

std::vector<DisputeRecord> list_disputes(Db& db, int64_t customer_id) {
  Statement& st = db.prepare(
      "SELECT d.id, d.invoice_id, coalesce(i.number, ''), d.customer_id, d.opened_on, d.reason, d.notes, "
      "d.status, "
      "coalesce(d.resolution, ''), d.resolved_on, coalesce(d.amount, 0), coalesce(d.credit_note_id, 0) "
      "FROM disputes d JOIN invoices i ON i.id = d.invoice_id "
      "WHERE d.status != 'withdrawn' AND (?1 = 0 OR d.customer_id = ?1) ORDER BY d.id");
  st.bind_all(customer_id);
  std::vector<DisputeRecord> out;
  while (st.step()) {
    DisputeRecord d{st.int64(0),  st.int64(1), st.text(2), st.int64(3), iso_date(st.text_view(4)),
                    st.text(5),   st.text(6),  st.text(7), st.text(8),  std::nullopt,
                    st.int64(10), st.int64(11)};
    if (!st.is_null(9)) d.resolved_on = iso_date(st.text_view(9));
    out.push_back(d);
  }
  st.reset();
  return out;
}

std::optional<DisputeRecord> open_dispute(Db& db, int64_t invoice_id) {
  std::optional<CollectionInvoice> inv = find_collection_invoice(db, invoice_id);
  if (!inv) return std::nullopt;
  for (const DisputeRecord& d : list_disputes(db, inv->customer_id))
    if (d.invoice_id == invoice_id && d.status == "open") return d;
  return std::nullopt;
}

std::vector<PlanStatus> list_installment_plans(Db& db, const Date& as_of, int64_t customer_id,
                                               int grace_days) {
  Statement& st = db.prepare(
      "SELECT p.id, p.customer_id, c.name, p.currency, p.agreed_on, p.balance, p.invoices, p.status "
      "FROM installment_plans p JOIN customers c ON c.id = p.customer_id "
      "WHERE ?1 = 0 OR p.customer_id = ?1 ORDER BY p.id");
  st.bind_all(customer_id);
  std::vector<PlanStatus> out;
  std::vector<std::string> states;
  while (st.step()) {
    PlanStatus p;
    p.id = st.int64(0);
    p.customer_id = st.int64(1);
    p.customer = st.text(2);
    p.currency = st.text(3);
    p.agreed_on = iso_date(st.text_view(4));
    p.balance = st.int64(5);
    p.invoice_ids = ids_from_text(st.text_view(6));
    states.push_back(st.text(7));
    out.push_back(p);
  }
  st.reset();
  for (size_t k = 0; k < out.size(); ++k) {
    PlanStatus& p = out[k];
    Statement& inst = db.prepare(
        "SELECT number, due, amount, cumulative FROM installments WHERE plan_id = ?1 "
        "ORDER BY number");
    inst.bind_all(p.id);
    while (inst.step())
      p.installments.push_back({int(inst.int64(0)), iso_date(inst.text_view(1)),
                                money_of(inst.int64(2), p.currency), inst.int64(3)});
    inst.reset();
    p.paid = applied_between(db, p.invoice_ids, iso(p.agreed_on), iso(as_of), false);
    p.status = check_installments(p.installments, p.paid, as_of, grace_days);
    if (states[k] == "cancelled")
      p.state = "cancelled";
    else if (p.paid >= p.balance)
      p.state = "completed";
    else if (p.status.escalate)
      p.state = "missed";
    else
      p.state = "active";
  }
  return out;
}

std::vector<ChargeRecord> list_charges(Db& db, int64_t invoice_id) {
  Statement& st = db.prepare(
      "SELECT ch.id, ch.kind, ch.invoice_id, coalesce(i.number, ''), ch.customer_id, ch.step_index, "
      "coalesce(ch.charge_invoice_id, 0), coalesce(ci.number, ''), ch.amount, ch.currency, ch.date, "
      "ch.basis, "
      "ch.status, ch.reason FROM charges ch JOIN invoices i ON i.id = ch.invoice_id "
      "LEFT JOIN invoices ci ON ci.id = ch.charge_invoice_id "
      "WHERE ch.status != 'reversed' AND (?1 = 0 OR ch.invoice_id = ?1) ORDER BY ch.id");
  st.bind_all(invoice_id);
  std::vector<ChargeRecord> out;
  while (st.step())
    out.push_back({st.int64(0), st.text(1), st.int64(2), st.text(3), st.int64(4), int(st.int64(5)),
                   st.int64(6), st.text(7), st.int64(8), st.text(9), iso_date(st.text_view(10)), st.text(11),
                   st.text(12), st.text(13)});
  st.reset();
  return out;
}

std::vector<PlacementRecord> list_placements(Db& db) {
  Statement& st = db.prepare(
      "SELECT p.id, p.customer_id, c.name, p.agency, p.commission, p.date, p.currency, p.placed, "
      "p.expected_net "
      "FROM agency_placements p JOIN customers c ON c.id = p.customer_id WHERE p.recalled = 0 ORDER BY p.id");
  std::vector<PlacementRecord> out;
  while (st.step())
    out.push_back({st.int64(0),
                   st.int64(1),
                   st.text(2),
                   st.text(3),
                   st.text(4),
                   iso_date(st.text_view(5)),
                   st.text(6),
                   st.int64(7),
                   st.int64(8),
                   {}});
  st.reset();
  for (PlacementRecord& p : out) {
    Statement& inv =
        db.prepare("SELECT invoice_id FROM agency_invoices WHERE placement_id = ?1 ORDER BY invoice_id");
    inv.bind_all(p.id);
    while (inv.step()) p.invoice_ids.push_back(inv.int64(0));
    inv.reset();
  }
  return out;
}

std::vector<FactoringRecord> list_factorings(Db& db) {
  Statement& st = db.prepare(
      "SELECT id, factor, date, currency, amount, cash_today, reserve, fee, annual_cost_bp FROM factorings "
      "WHERE recalled = 0 ORDER BY id");
  std::vector<FactoringRecord> out;
  while (st.step())
    out.push_back({st.int64(0),
                   st.text(1),
                   iso_date(st.text_view(2)),
                   st.text(3),
                   st.int64(4),
                   st.int64(5),
                   st.int64(6),
                   st.int64(7),
                   0,
                   st.text(8),
                   {}});
  st.reset();
  for (FactoringRecord& f : out) {
    Statement& inv = db.prepare(
        "SELECT invoice_id, collected FROM factored_invoices WHERE factoring_id = ?1 ORDER BY invoice_id");
    inv.bind_all(f.id);
    while (inv.step()) f.invoice_ids.push_back(inv.int64(0)), f.collected += inv.int64(1);
    inv.reset();
  }
  return out;
}

std::string invoice_numbers_text(Db& db, const std::vector<int64_t>& ids) {
  std::string out;
  Statement& st = db.prepare("SELECT coalesce(number, '#' || id) FROM invoices WHERE id = ?1");
  for (int64_t id : ids) {
    st.bind_all(id);
    if (st.step()) out += (out.empty() ? "" : ", ") + st.text(0);
    st.reset();
  }
  return out;
}

}  // namespace duebook

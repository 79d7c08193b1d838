// Collections reads that combine the rules with the ledger: the rendered worklist, the late fees due, the
// charges preview, the credit-hold review and the agency case file.
#include "collections/collections_worklist.h"

#include <algorithm>
#include <set>

#include "base/currencies.h"
#include "collections/collections.h"
#include "collections/company_defaults.h"
#include "collections/custom_templates.h"
#include "collections/reference_rates.h"
#include "customers/customer_queries.h"
#include "invoicing/deposits.h"
#include "invoicing/invoice_queries.h"
#include "invoicing/receivables.h"
#include "reports/statement.h"

namespace duebook {
namespace {

// Charges booked (or waived) per (invoice id, step), and booked interest + compensation per invoice id.
struct BookedCharges {
  std::map<std::pair<int64_t, int>, ChargeRecord> fees;  // late fees charged or waived
  std::map<int64_t, int64_t> interest;                   // interest and compensation charged
};

BookedCharges booked_charges(Db& db) {
  BookedCharges b;
  for (const ChargeRecord& c : list_charges(db)) {
    if (c.kind == "late_fee")
      b.fees[{c.invoice_id, c.step_index}] = c;
    else if (c.status == "charged")
      b.interest[c.invoice_id] += c.amount;
  }
  return b;
}

std::string amount_text(int64_t minor, const std::string& currency) {
  return format_amount(minor, currency_digits(currency));
}

// The language customer `id` is written to in (English when unknown).
Language language_of_customer(Db& db, int64_t id) {
  Statement& st = db.prepare("SELECT language FROM customers WHERE id = ?1");
  st.bind_all(id);
  const std::string code = st.step() ? st.text(0) : "en";
  st.reset();
  Result<Language> language = parse_language(code);
  return language ? *language : Language::English;
}

}  // namespace

LedgerWorklist load_worklist(Db& db, const Date& as_of, int grace_days) {
  LedgerWorklist out;
  out.as_of = as_of;
  CollectionsBook book = load_collections_book(db, as_of, 0, grace_days);
  WorklistOptions options;
  options.promise_grace_days = grace_days;
  Worklist w = build_worklist(as_of, book.customers, options);
  out.paused = w.paused;
  out.broken_promises = w.broken_promises;
  out.problems = w.problems;
  const CompanyDetails company = company_details(db);
  const std::vector<MessageTemplate> custom = custom_templates(db);
  BookedCharges booked = booked_charges(db);
  std::set<int64_t> charge_invoices;  // charges invoices carry no late fee of their own
  for (const CollectionInvoice& inv : open_collection_invoices(db, as_of))
    if (inv.is_charge) charge_invoices.insert(inv.id);
  for (WorklistEntry& e : w.entries) {
    WorklistItem item;
    size_t k = 0;
    while (k < book.customers.size() && book.customers[k].customer != e.customer) ++k;
    assert(k < book.customers.size());  // names are unique, and every entry comes from the book
    item.customer_id = book.customer_ids[k];
    const PolicyRecord policy = policy_for_customer(db, item.customer_id);
    for (const WorklistLine& l : e.lines) {
      const int64_t id = book.invoice_ids.at(l.invoice);
      item.invoice_ids.push_back(id);
      if (auto it = booked.interest.find(id); it != booked.interest.end()) item.interest_minor += it->second;
      if (!l.step.late_fee || charge_invoices.count(id)) continue;
      auto fee = booked.fees.find({id, l.step_index});
      if (fee != booked.fees.end()) {
        if (fee->second.status == "charged") item.fee_minor += fee->second.amount;
      } else if (Result<int64_t> due = late_fee_amount(policy.late_fee, l.open)) {
        item.fee_minor += due.value();
      }
    }
    const Language language = language_of_customer(db, item.customer_id);
    const MessageTemplate& message = template_for_step(e.step, custom, language);
    item.template_id = message.id;
    const bool email = channel_for(e.step.action) == ContactChannel::Email;
    Result<RenderedMessage> rendered =
        render_message(message, values_for_entry(e, company, item.fee_minor, item.interest_minor, language),
                       email ? e.contact.email : "");
    if (rendered) {
      item.subject = rendered->subject;
      item.body = rendered->body;
      item.mailto = rendered->mailto;
    } else {
      item.problems = rendered.problems();
    }
    item.entry = std::move(e);
    out.items.push_back(std::move(item));
  }
  return out;
}

Result<std::vector<LateFeeDue>> late_fees_due(Db& db, const Date& as_of, int grace_days) {
  CollectionsBook book = load_collections_book(db, as_of, 0, grace_days);
  WorklistOptions options;
  options.promise_grace_days = grace_days;
  Worklist w = build_worklist(as_of, book.customers, options);
  std::set<std::string> paused;
  for (const PausedInvoice& p : w.paused) paused.insert(p.invoice);
  std::map<std::string, CollectionInvoice> by_number;
  for (const CollectionInvoice& inv : open_collection_invoices(db, as_of)) by_number[inv.number] = inv;
  BookedCharges booked = booked_charges(db);
  std::vector<LateFeeDue> out;
  for (size_t k = 0; k < book.customers.size(); ++k) {
    const CustomerCollections& c = book.customers[k];
    if (!validate_policy(c.policy)) continue;  // build_worklist skips it too, with its problems
    const PolicyRecord policy = policy_for_customer(db, book.customer_ids[k]);
    std::vector<LateFeeCandidate> candidates;
    std::vector<ChargedStep> charged;
    for (const OpenInvoice& inv : c.invoices) {
      const CollectionInvoice& facts = by_number.at(inv.number);
      if (paused.count(inv.number) || facts.is_charge) continue;
      for (size_t i = 0; i < c.policy.steps.size(); ++i) {
        const CollectionStep& s = c.policy.steps[i];
        if (!s.late_fee || add_days(inv.due_date, s.offset_days) > as_of) continue;
        candidates.push_back({inv.number, int(i), inv.open, false});
        if (booked.fees.count({facts.id, int(i)})) charged.push_back({inv.number, int(i)});
      }
    }
    if (candidates.empty()) continue;
    Result<std::vector<LateFeeCharge>> fees = late_fees_to_charge(candidates, charged, policy.late_fee);
    if (!fees) {
      Problems problems;
      for (const Problem& p : fees.problems()) problems.push_back({c.customer + ": " + p.where, p.message});
      return problems;
    }
    for (const LateFeeCharge& f : fees.value())
      out.push_back({by_number.at(f.invoice), f.step_index, f.fee.minor});
  }
  return out;
}

ChargesPreview preview_ledger_charges(Db& db, const Date& as_of, const InterestPolicy& policy,
                                      std::map<std::string, int64_t>* invoice_ids) {
  struct Row {
    int64_t id = 0;             // invoice id
    ChargeableInvoice invoice;  // what preview_charges takes
  };
  std::vector<Row> rows;
  Statement& st = db.prepare(
      "SELECT i.id, i.number, c.name, i.currency, i.due_date, i.total - i.credited FROM invoices i "
      "JOIN customers c ON c.id = i.customer_id "
      "WHERE i.issued = 1 AND i.voided = 0 AND i.due_date < ?1 AND (i.settled_on IS NULL OR i.settled_on > "
      "?1) "
      "AND NOT EXISTS(SELECT 1 FROM charges ch WHERE ch.charge_invoice_id = i.id) "
      "AND NOT EXISTS(SELECT 1 FROM disputes d WHERE d.invoice_id = i.id AND d.status = 'open') "
      "AND NOT EXISTS(SELECT 1 FROM factored_invoices fi JOIN factorings f ON f.id = fi.factoring_id "
      "               WHERE fi.invoice_id = i.id AND f.recalled = 0) "
      "ORDER BY c.name_key, i.due_date, i.number");
  st.bind_all(iso(as_of));
  while (st.step()) {
    Row r;
    r.id = st.int64(0);
    r.invoice.invoice = st.text(1);
    r.invoice.customer = st.text(2);
    Result<CurrencyCode> code = parse_currency_code(st.text_view(3));
    r.invoice.due_date = iso_date(st.text_view(4));
    r.invoice.amount_due = Money{st.int64(5), code ? code.value() : CurrencyCode{}};
    rows.push_back(r);
  }
  st.reset();
  std::vector<ChargeableInvoice> invoices;
  for (Row& r : rows) {
    // Money that reduced the debt, on its day: payments applied, and amounts written off (no longer claimed).
    Statement& paid = db.prepare(
        "SELECT date, amount FROM allocations WHERE invoice_id = ?1 AND removed = 0 AND source_kind = "
        "'payment' "
        "AND date <= ?2 UNION ALL SELECT date, amount FROM write_offs WHERE invoice_id = ?1 AND reversed = 0 "
        "AND date <= ?2 ORDER BY 1");
    paid.bind_all(r.id, iso(as_of));
    while (paid.step())
      if (paid.int64(1) > 0) r.invoice.payments.push_back({iso_date(paid.text_view(0)), paid.int64(1)});
    paid.reset();
    if (invoice_ids) (*invoice_ids)[r.invoice.invoice] = r.id;
    invoices.push_back(r.invoice);
  }
  return preview_charges(as_of, policy, invoices, ledger_reference_rates(db));
}

std::vector<CreditReview> review_credit_holds(Db& db, const Date& as_of, const CreditHoldRules& rules,
                                              int grace_days) {
  std::vector<int64_t> ids;
  Statement& st = db.prepare(
      "SELECT c.id FROM customers c LEFT JOIN customer_balances b ON b.customer_id = c.id WHERE c.retracted "
      "= 0 AND "
      "(c.status != 'active' OR coalesce(b.ar_balance, 0) != 0 OR coalesce(b.unapplied_credit, 0) != 0) "
      "ORDER BY c.name_key, c.id");
  while (st.step()) ids.push_back(st.int64(0));
  st.reset();
  std::vector<PromiseStatus> promises = list_promises(db, as_of, 0, grace_days);
  std::vector<PlanStatus> plans = list_installment_plans(db, as_of, 0, grace_days);
  const Date window_start = add_days(as_of, -365);
  std::vector<CreditReview> out;
  for (int64_t id : ids) {
    std::optional<Customer> customer = find_customer(db, id);
    std::optional<CustomerBalance> balance = customer_balance(db, id);
    if (!customer || !balance) continue;
    CreditReview r;
    r.customer_id = id;
    r.customer = customer->fields.name;
    r.status = customer->fields.status;
    Statement& acc = db.prepare("SELECT hold_by_rules FROM collection_accounts WHERE customer_id = ?1");
    acc.bind_all(id);
    r.hold_by_rules = acc.step() && acc.int64(0) != 0;
    acc.reset();
    for (const CollectionInvoice& inv : open_collection_invoices(db, as_of, id)) {
      if (inv.disputed || inv.factored) continue;
      // An unpaid deposit is late from the invoice date (deposits.h), before the balance falls due.
      const OverduePart late =
          overdue_on(due_parts(inv.total, inv.deposit, inv.open, inv.issue_date, inv.due_date), as_of);
      const Date since = late.since ? *late.since : inv.due_date;
      r.facts.max_days_overdue = std::max(r.facts.max_days_overdue, days_between(since, as_of));
    }
    Result<CurrencyCode> code = parse_currency_code(customer->fields.currency);
    r.facts.balance = Money{balance->net_balance, code ? code.value() : CurrencyCode{}};
    r.facts.credit_limit_minor = customer->fields.credit_limit;
    for (const PromiseStatus& p : promises)
      if (p.customer_id == id && p.state == "broken" && *p.broken_on > window_start && *p.broken_on <= as_of)
        ++r.facts.broken_promises;
    for (const PlanStatus& p : plans)
      if (p.customer_id == id && p.state == "missed") ++r.facts.broken_promises;
    r.decision = decide_credit_hold(r.facts, rules);
    if (r.decision.hold && r.status == CustomerStatus::Active)
      r.change = "hold";
    else if (!r.decision.hold && r.status != CustomerStatus::Active && r.hold_by_rules)
      r.change = "release";
    out.push_back(std::move(r));
  }
  return out;
}

namespace {

using Ordered = nlohmann::ordered_json;

// The placed invoices for the case file; `first` moves back to the oldest issue date among them.
Ordered case_invoices(Db& db, const PlacementRecord& placement, const Date& as_of, Date* first) {
  Ordered invoices = Ordered::array();
  for (int64_t id : placement.invoice_ids) {
    std::optional<CollectionInvoice> inv = find_collection_invoice(db, id);
    if (!inv) continue;
    *first = std::min(*first, inv->issue_date);
    invoices.push_back({{"number", inv->number},
                        {"issue_date", iso(inv->issue_date)},
                        {"due_date", iso(inv->due_date)},
                        {"total", amount_text(inv->total, inv->currency)},
                        {"open", amount_text(inv->open, inv->currency)},
                        {"days_late", std::max<int64_t>(0, days_between(inv->due_date, as_of))}});
  }
  return invoices;
}

// The customer's statement from its first issued invoice (or `first`, if earlier) to `as_of`.
Ordered case_statement(Db& db, int64_t customer_id, Date first, const Date& as_of) {
  Statement& oldest =
      db.prepare("SELECT min(issue_date) FROM invoices WHERE customer_id = ?1 AND issued = 1");
  oldest.bind_all(customer_id);
  if (oldest.step() && !oldest.is_null(0)) first = std::min(first, iso_date(oldest.text_view(0)));
  oldest.reset();
  if (Result<CustomerStatement> s = load_customer_statement(db, customer_id, first, as_of))
    return Ordered::parse(statement_to_json(s.value()), nullptr, false);
  else
    return {{"error", describe(s.problems())}};
}

// The collection steps done for the customer, with the action each step of its policy names.
Ordered case_steps_done(Db& db, int64_t customer_id) {
  Ordered steps = Ordered::array();
  Statement& done = db.prepare(
      "SELECT s.date, i.number, s.step_index, s.outcome FROM collection_steps s JOIN invoices i ON i.id = "
      "s.invoice_id "
      "WHERE s.customer_id = ?1 AND s.removed = 0 ORDER BY s.date, s.done_id, i.number");
  done.bind_all(customer_id);
  const PolicyRecord policy = policy_for_customer(db, customer_id);
  while (done.step()) {
    size_t index = size_t(done.int64(2));
    steps.push_back(
        {{"date", done.text(0)},
         {"invoice", done.text(1)},
         {"step", index},
         {"action", index < policy.policy.steps.size() ? to_string(policy.policy.steps[index].action) : ""},
         {"outcome", done.text(3)}});
  }
  done.reset();
  return steps;
}

// The customer's contact record, promises and disputes, as the case file lists them.
void case_history(Db& db, int64_t customer_id, const Date& as_of, Ordered& file) {
  Ordered record = Ordered::array();
  for (const ContactRecord& c : contact_log(db, customer_id))
    record.push_back({{"date", iso(c.date)},
                      {"channel", c.channel},
                      {"person", c.person},
                      {"outcome", c.outcome},
                      {"notes", c.notes},
                      {"invoices", c.invoices}});
  file["contact_record"] = record;
  file["steps_done"] = case_steps_done(db, customer_id);
  Ordered promises = Ordered::array();
  for (const PromiseStatus& p : list_promises(db, as_of, customer_id))
    promises.push_back({{"made_on", iso(p.made_on)},
                        {"pay_by", iso(p.pay_by)},
                        {"amount", amount_text(p.amount, p.currency)},
                        {"paid", amount_text(p.paid, p.currency)},
                        {"state", p.state},
                        {"invoices", invoice_numbers_text(db, p.invoice_ids)}});
  file["promises"] = promises;
  Ordered disputes = Ordered::array();
  for (const DisputeRecord& d : list_disputes(db, customer_id))
    disputes.push_back({{"invoice", d.invoice},
                        {"opened_on", iso(d.opened_on)},
                        {"reason", d.reason},
                        {"notes", d.notes},
                        {"status", d.status},
                        {"resolution", d.resolution}});
  file["disputes"] = disputes;
}

}  // namespace

Result<std::string> agency_case_file(Db& db, int64_t placement_id, const Date& as_of) {
  std::optional<PlacementRecord> placement;
  for (const PlacementRecord& p : list_placements(db))
    if (p.id == placement_id) placement = p;
  if (!placement) return Problem{"placement", "no agency placement #" + std::to_string(placement_id)};
  std::optional<Customer> customer = find_customer(db, placement->customer_id);
  if (!customer) return Problem{"placement", "the placement's customer no longer exists"};
  const CustomerFields& f = customer->fields;
  Ordered contacts = Ordered::array();
  for (const Contact& c : f.contacts)
    contacts.push_back({{"role", c.role}, {"name", c.name}, {"email", c.email}, {"phone", c.phone}});
  Date first = as_of;
  Ordered invoices = case_invoices(db, *placement, as_of, &first);
  Ordered file = {{"placement", placement->id},
                  {"agency", placement->agency},
                  {"commission", placement->commission},
                  {"placed_on", iso(placement->date)},
                  {"as_of", iso(as_of)},
                  {"placed", amount_text(placement->placed, placement->currency)},
                  {"currency", placement->currency},
                  {"customer",
                   {{"name", f.name},
                    {"currency", f.currency},
                    {"address", f.address},
                    {"tax_id", f.tax_id},
                    {"terms", f.terms},
                    {"contacts", contacts}}},
                  {"invoices", invoices},
                  {"statement", case_statement(db, placement->customer_id, first, as_of)}};
  case_history(db, placement->customer_id, as_of, file);
  return file.dump(2, ' ', false, Ordered::error_handler_t::replace);
}

}  // namespace duebook

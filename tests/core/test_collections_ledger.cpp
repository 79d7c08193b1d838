// The collections engine through the ledger: the worklist over a scripted month, promises, disputes, late
// fees, interest charges, credit hold at issue, installment plans, settlements, agency and factoring, undo of
// each, and rebuild equality. Customers, invoices and payments are made with the ordinary commands.
#include <doctest/doctest.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>

#include "collections/collections.h"
#include "collections/collections_queries.h"
#include "collections/collections_worklist.h"
#include "customers/customer_queries.h"
#include "invoicing/invoice_queries.h"
#include "receivables_checks.h"
#include "test_support.h"

using namespace duebook;

namespace {

using Json = nlohmann::json;

int64_t add_customer(TestLedger& t, const std::string& name, const std::string& currency = "EUR") {
  CustomerFields f = customer_fields(name, currency);
  std::string domain;
  for (char c : name)
    if (c >= 'A' && c <= 'Z')
      domain += char(c - 'A' + 'a');
    else if (c >= 'a' && c <= 'z')
      domain += c;
  f.contacts = {{"billing", "Pat Billing", "pat@" + domain + ".example", "+44 20 7946 0000"},
                {"escalation", "Sam Director", "sam@example.com", ""}};
  return must(*t.ledger, AddCustomer{f});
}

// Issues an invoice of `amount` minor units dated `date`, due `due`; returns its id.
int64_t issue(TestLedger& t, int64_t customer, const std::string& date, const std::string& due,
              int64_t amount) {
  InvoiceFields f = invoice_for(customer, date, amount);
  f.due_date = day(due);
  return must(*t.ledger, AddInvoice{f, true});
}

std::string number_of(TestLedger& t, int64_t invoice) {
  return find_invoice(t->db(), invoice)->summary.number;
}

int64_t open_of(TestLedger& t, int64_t invoice) {
  return find_invoice(t->db(), invoice)->summary.open;
}

size_t event_count(TestLedger& t) {
  return read_events(t->db()).size();
}

int64_t count_rows(TestLedger& t, const char* sql) {
  Statement& st = t->db().prepare(sql);
  int64_t n = st.step() ? st.int64(0) : -1;
  st.reset();
  return n;
}

// The worklist lines of one day as "invoice:step".
std::vector<std::string> proposed(TestLedger& t, const std::string& date) {
  std::vector<std::string> out;
  for (const WorklistItem& item : load_worklist(t->db(), day(date)).items)
    for (const WorklistLine& l : item.entry.lines)
      out.push_back(l.invoice + ":" + std::to_string(l.step_index));
  return out;
}

std::optional<PausedInvoice> paused(TestLedger& t, const std::string& date, const std::string& number) {
  for (const PausedInvoice& p : load_worklist(t->db(), day(date)).paused)
    if (p.invoice == number) return p;
  return std::nullopt;
}

// A policy like the default, with the late fee `fee_json` (policy_record_from_json's "late_fee").
int64_t save_policy_with_fee(TestLedger& t, const std::string& fee_json) {
  Json j = Json::parse(policy_to_json(default_policy()));
  j["name"] = "With fee";
  j["late_fee"] = Json::parse(fee_json);
  return must(*t.ledger, SavePolicy{0, j.dump()});
}

}  // namespace

TEST_CASE("worklist over a scripted month through the ledger: steps on their days, a done step never again") {
  // The scenario of the pure test (test_collections.cpp, "worklist over a scripted month"), Acme's part, with
  // the default policy (-3, +1, +7, +17, +30, ...):
  //   A due 03-05: 03-02 (-3, step 0), 03-06 (+1, step 1), 03-12 (+7, step 2), 03-22 (+17, step 3)
  //   B due 03-15: 03-12 (-3, step 0), 03-16 (+1, step 1), 03-22 (+7, step 2)
  //   A's +30 is 04-04 and B's +17 is 04-01: nothing more in March.
  TestLedger t;
  int64_t acme = add_customer(t, "Acme Ltd");
  int64_t a = issue(t, acme, "2026-02-03", "2026-03-05", 100000);
  int64_t b = issue(t, acme, "2026-02-13", "2026-03-15", 50000);
  const std::string A = number_of(t, a), B = number_of(t, b);
  std::vector<std::string> log;  // "MM-DD invoice:step"
  std::set<std::string> done;
  for (int d = 1; d <= 31; ++d) {
    const Date today{2026, 3, d};
    LedgerWorklist w = load_worklist(t->db(), today);
    REQUIRE(w.items.size() <= 1);  // one consolidated entry per customer
    if (w.items.empty()) continue;
    const WorklistItem& item = w.items[0];
    CHECK(item.customer_id == acme);
    CHECK(item.problems.empty());
    for (const WorklistLine& l : item.entry.lines) {
      std::string key = l.invoice + ":" + std::to_string(l.step_index);
      CHECK_MESSAGE(!done.count(key), key);  // a done step is never proposed again
      done.insert(key);
      log.push_back(to_iso(today).substr(5) + " " + key);
    }
    must(*t.ledger, RecordStepDone{acme, item.entry.step_index, today, "reached", "", "", {}});
    CHECK(load_worklist(t->db(), today).items.empty());  // recorded: gone from the day's list
  }
  const std::vector<std::string> expected = {"03-02 " + A + ":0", "03-06 " + A + ":1", "03-12 " + A + ":2",
                                             "03-12 " + B + ":0", "03-16 " + B + ":1", "03-22 " + A + ":3",
                                             "03-22 " + B + ":2"};
  CHECK(log == expected);
  // Each step left a contact record (the evidence), by channel of its action: email, email, phone+email, ...
  std::vector<ContactRecord> record = contact_log(t->db(), acme);
  REQUIRE(record.size() == 5);  // 03-02, 03-06, 03-12, 03-16, 03-22
  CHECK(record[0].channel == "email");
  CHECK(record[2].channel == "phone");  // the 03-12 entry's action is the +7 call
  CHECK(record[2].invoices == A + ", " + B);
  CHECK(record[2].person == "Pat Billing");

  // The day's message: the call script of 03-22 names both invoices; an email reminder gets a mailto link.
  must(*t.ledger, SetCompanyDetails{{"Duebook Demo Ltd", "1 High St", "+44 1", "ar@demo.example", "Dee"}});
  CHECK(t->undo().ok());
  CHECK(t->undo().ok());  // the 03-22 step: A:3 and B:2 come back that day
  CHECK(proposed(t, "2026-03-22") == std::vector<std::string>{A + ":3", B + ":2"});
  LedgerWorklist w = load_worklist(t->db(), day("2026-03-22"));
  CHECK(w.items[0].entry.step.action == StepAction::PhoneCall);
  CHECK(w.items[0].subject.find("2 invoices") != std::string::npos);
  CHECK(w.items[0].body.find(A) != std::string::npos);  // both invoices, one line each
  CHECK(w.items[0].body.find(B) != std::string::npos);
  CHECK(w.items[0].mailto.empty());                                // a call has no mailto
  CHECK(load_worklist(t->db(), day("2026-03-16")).items.empty());  // B:1 still done
  CHECK(receivables_violations(t->db()) == "");
}

TEST_CASE("a done step is checked against the day's worklist; out-of-turn steps name their invoices") {
  TestLedger t;
  int64_t acme = add_customer(t, "Acme Ltd");
  int64_t a = issue(t, acme, "2026-02-03", "2026-03-05", 100000);
  size_t before = event_count(t);
  // 03-12: the worklist has step 2 (+7 call), not 1.
  Result<ActionOutcome> wrong = t->execute(RecordStepDone{acme, 1, day("2026-03-12"), "reached", "", "", {}});
  REQUIRE_FALSE(wrong.ok());
  CHECK(wrong.problems()[0].where == "step");
  CHECK_FALSE(
      t->execute(RecordStepDone{acme, 2, day("2026-03-12"), "maybe", "", "", {}}).ok());  // bad outcome
  CHECK(event_count(t) == before);
  // The courtesy email (-3) is done on 03-02; then nothing is due on 03-03, and with the invoice named, step
  // 1 is recorded out of turn, once.
  must(*t.ledger, RecordStepDone{acme, 0, day("2026-03-02"), "reached", "", "", {}});
  CHECK_FALSE(t->execute(RecordStepDone{acme, 1, day("2026-03-03"), "reached", "", "", {}}).ok());
  must(*t.ledger, RecordStepDone{acme, 1, day("2026-03-03"), "voicemail", "left a message", "", {a}});
  CHECK_FALSE(t->execute(RecordStepDone{acme, 1, day("2026-03-04"), "reached", "", "", {a}}).ok());
  CHECK(proposed(t, "2026-03-06").empty());  // +1 is behind a done step
  CHECK(proposed(t, "2026-03-12") == std::vector<std::string>{number_of(t, a) + ":2"});
}

TEST_CASE("a promise pauses chasing until its date plus grace; a broken one moves on at once") {
  // The pure test's Pine plc (test_collections.cpp, "a promise to pay pauses ..."), through the ledger: P due
  // 03-01, steps 0, 1, 2 done on their days (02-26, 03-02, 03-08); on the 03-08 call the customer promises
  // EUR 800.00 by 03-09 and pays 300.00 on 03-09. Grace 3 days (kPromiseGraceDays): paused through 03-12;
  // broken on 03-13, when step 3 (normally +17 = 03-18) comes up at once.
  TestLedger t;
  int64_t pine = add_customer(t, "Pine plc");
  int64_t p = issue(t, pine, "2026-01-30", "2026-03-01", 80000);
  const std::string P = number_of(t, p);
  for (auto [date, step] : {std::pair{"2026-02-26", 0}, {"2026-03-02", 1}, {"2026-03-08", 2}})
    must(*t.ledger, RecordStepDone{pine, step, day(date), "reached", "", "", {}});
  must(*t.ledger, AddPromise{pine, day("2026-03-08"), day("2026-03-09"), 80000, {p}, "on the call"});
  must(*t.ledger, RecordPayment{pine, day("2026-03-09"), 30000, "", "bank transfer", P});
  for (const char* date : {"2026-03-09", "2026-03-10", "2026-03-12"}) {
    CAPTURE(date);
    CHECK(proposed(t, date).empty());
    std::optional<PausedInvoice> why = paused(t, date, P);
    REQUIRE(why);
    CHECK(why->reason == PauseReason::PromiseActive);
    CHECK(*why->until == day("2026-03-12"));
  }
  LedgerWorklist broken = load_worklist(t->db(), day("2026-03-13"));
  REQUIRE(broken.broken_promises.size() == 1);
  CHECK(broken.broken_promises[0].broken_on == day("2026-03-13"));
  CHECK(broken.broken_promises[0].paid_minor == 30000);
  REQUIRE(broken.items.size() == 1);
  CHECK(broken.items[0].entry.lines[0].step_index == 3);
  CHECK(broken.items[0].entry.lines[0].after_broken_promise);
  std::vector<PromiseStatus> promises = list_promises(t->db(), day("2026-03-13"), pine);
  REQUIRE(promises.size() == 1);
  CHECK(promises[0].state == "broken");
  CHECK(promises[0].paid == 30000);
  // Paying the rest keeps it: on 03-13 it is kept, and with nothing open nothing is chased.
  must(*t.ledger, RecordPayment{pine, day("2026-03-11"), 50000, "", "bank transfer", P});
  CHECK(list_promises(t->db(), day("2026-03-13"), pine)[0].state == "kept");
  CHECK(load_worklist(t->db(), day("2026-03-13")).items.empty());
  // Undo the payment and the promise: no promise, and the +7 step is done, so nothing until +17 = 03-18.
  REQUIRE(t->undo().ok());
  REQUIRE(t->undo().ok());
  REQUIRE(t->undo().ok());
  CHECK(list_promises(t->db(), day("2026-03-13"), pine).empty());
  CHECK(proposed(t, "2026-03-13").empty());
  CHECK(proposed(t, "2026-03-18") == std::vector<std::string>{P + ":3"});
  // A promise for more than is open is refused, naming the field.
  Result<ActionOutcome> big =
      t->execute(AddPromise{pine, day("2026-03-08"), day("2026-03-09"), 80001, {p}, ""});
  REQUIRE_FALSE(big.ok());
  CHECK(big.problems()[0].where == "amount");
}

TEST_CASE(
    "a dispute pauses chasing, fees and interest; its resolution credits (or not) and chasing resumes") {
  TestLedger t;
  int64_t oak = add_customer(t, "Oak GmbH");
  int64_t o = issue(t, oak, "2026-01-30", "2026-03-01", 100000);
  const std::string O = number_of(t, o);
  must(*t.ledger, OpenDispute{o, day("2026-03-05"), "quality", "scratched panels"});
  CHECK_FALSE(
      t->execute(OpenDispute{o, day("2026-03-06"), "pricing", ""}).ok());  // one open dispute at a time
  REQUIRE(paused(t, "2026-03-08", O));
  CHECK(paused(t, "2026-03-08", O)->reason == PauseReason::Disputed);
  CHECK(proposed(t, "2026-03-08").empty());
  CHECK(preview_ledger_charges(t->db(), day("2026-03-31"), *parse_interest_policy("contract:8"), nullptr)
            .rows.empty());
  // Partial credit of 200.00: a credit note against the invoice; 800.00 stays open and chasing resumes with
  // the step of the day (+7 call on 03-08).
  Result<ActionOutcome> bad = t->execute(ResolveDispute{o, day("2026-03-10"), "partial", std::nullopt, ""});
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.problems()[0].where == "amount");
  must(*t.ledger, ResolveDispute{o, day("2026-03-10"), "partial", 20000, "agreed 20 %"});
  CHECK(open_of(t, o) == 80000);
  std::vector<DisputeRecord> disputes = list_disputes(t->db(), oak);
  REQUIRE(disputes.size() == 1);
  CHECK(disputes[0].status == "resolved");
  CHECK(disputes[0].credit_note_id != 0);
  CHECK(find_credit_note(t->db(), disputes[0].credit_note_id)->amount == 20000);
  CHECK(proposed(t, "2026-03-10") == std::vector<std::string>{O + ":2"});
  // Undo the resolution: the credit note is voided, the dispute open again, the invoice back to 1,000.00.
  REQUIRE(t->undo().ok());
  CHECK(open_of(t, o) == 100000);
  CHECK(list_disputes(t->db(), oak)[0].status == "open");
  // Rejected: no credit, chasing resumes. A full credit instead would close the invoice.
  must(*t.ledger, ResolveDispute{o, day("2026-03-10"), "rejected", std::nullopt, ""});
  CHECK(open_of(t, o) == 100000);
  REQUIRE(t->undo().ok());
  must(*t.ledger, ResolveDispute{o, day("2026-03-10"), "credit", std::nullopt, ""});
  CHECK(open_of(t, o) == 0);
  // Undo the resolution and the dispute itself: withdrawn, so nothing is listed and chasing goes on.
  REQUIRE(t->undo().ok());
  REQUIRE(t->undo().ok());
  CHECK(list_disputes(t->db(), oak).empty());
  CHECK_FALSE(paused(t, "2026-03-08", O));
  CHECK(receivables_violations(t->db()) == "");
}

TEST_CASE("late fees are charged once per invoice and step however often the run repeats; waivers stick") {
  // charges.h, late_fee_amount: flat EUR 10.00 + 1.5 % of EUR 1,234.57 = 10.00 + 18.51855 = 28.52.
  TestLedger t;
  int64_t elm = add_customer(t, "Elm SARL");
  int64_t policy =
      save_policy_with_fee(t, R"({"flat": [{"currency": "EUR", "amount": "10.00"}], "percent": "1.5"})");
  must(*t.ledger, SetCustomerPolicy{elm, policy});
  int64_t e = issue(t, elm, "2026-01-30", "2026-03-01", 123457);
  // Before +30 (03-31) no fee is due.
  CHECK_FALSE(t->execute(ChargeLateFees{day("2026-03-30")}).ok());
  // The +30 letter's worklist message already shows the fee it will charge.
  LedgerWorklist w = load_worklist(t->db(), day("2026-03-31"));
  REQUIRE(w.items.size() == 1);
  CHECK(w.items[0].entry.step_index == 4);
  CHECK(w.items[0].fee_minor == 2852);
  CHECK(w.items[0].body.find("EUR 28.52") != std::string::npos);
  must(*t.ledger, ChargeLateFees{day("2026-03-31")});
  std::vector<ChargeRecord> charges = list_charges(t->db(), e);
  REQUIRE(charges.size() == 1);
  CHECK(charges[0].kind == "late_fee");
  CHECK(charges[0].step_index == 4);
  CHECK(charges[0].amount == 2852);
  InvoiceDetail fee = *find_invoice(t->db(), charges[0].charge_invoice_id);
  CHECK(fee.amounts.total == 2852);
  CHECK(fee.summary.due_date == "2026-03-31");
  CHECK(fee.summary.status == InvoiceStatus::Open);
  // Idempotent: the same day, later days, nothing new; the event log does not grow.
  size_t events = event_count(t);
  for (const char* date : {"2026-03-31", "2026-04-01", "2026-05-15"}) {
    Result<ActionOutcome> again = t->execute(ChargeLateFees{day(date)});
    REQUIRE_FALSE(again.ok());
    CHECK(again.problems()[0].message.find("no late fee is due") != std::string::npos);
  }
  CHECK(event_count(t) == events);
  // The charges invoice itself never gets a fee (nor interest).
  CHECK(late_fees_due(t->db(), day("2026-06-30"))->empty());
  // Waived: the charges invoice is voided, the fee stays off however often the run repeats.
  Result<ActionOutcome> no_reason = t->execute(WaiveLateFee{e, 4, day("2026-04-02"), " "});
  REQUIRE_FALSE(no_reason.ok());
  CHECK(no_reason.problems()[0].where == "reason");
  CHECK_FALSE(t->execute(WaiveLateFee{e, 3, day("2026-04-02"), "goodwill"}).ok());  // step 3 has no fee
  must(*t.ledger, WaiveLateFee{e, 4, day("2026-04-02"), "goodwill"});
  CHECK(find_invoice(t->db(), charges[0].charge_invoice_id)->summary.status == InvoiceStatus::Void);
  CHECK(list_charges(t->db(), e)[0].status == "waived");
  CHECK_FALSE(t->execute(ChargeLateFees{day("2026-04-03")}).ok());
  // Undo the waiver: charged again; undo the charge: reversed, and the next run charges it anew.
  REQUIRE(t->undo().ok());
  CHECK(list_charges(t->db(), e)[0].status == "charged");
  CHECK(find_invoice(t->db(), charges[0].charge_invoice_id)->summary.status == InvoiceStatus::Open);
  REQUIRE(t->undo().ok());
  CHECK(list_charges(t->db(), e).empty());
  CHECK(find_invoice(t->db(), charges[0].charge_invoice_id)->summary.status == InvoiceStatus::Void);
  must(*t.ledger, ChargeLateFees{day("2026-04-03")});
  REQUIRE(list_charges(t->db(), e).size() == 1);
  CHECK(list_charges(t->db(), e)[0].amount == 2852);
  // A fee waived before it was charged is never charged.
  int64_t e2 = issue(t, elm, "2026-02-27", "2026-03-29", 10000);
  must(*t.ledger, WaiveLateFee{e2, 4, day("2026-04-20"), "new customer"});
  CHECK_FALSE(t->execute(ChargeLateFees{day("2026-04-28")}).ok());  // e2's +30 = 04-28, waived
  CHECK(receivables_violations(t->db()) == "");
}

TEST_CASE("charges apply books statutory interest and the fixed sum once, then only what accrued since") {
  // UK Late Payment Act: a debt due 2026-01-15 is late from 01-16 (January), so the reference date is
  // 2025-12-31, when Bank Rate was 3.75 % (assets/rates/boe-base-rate.csv: 2025-12-18,3.75): rate 11.75 %.
  // 2026-01-16 .. 03-31 = 16 + 28 + 31 = 75 days: 100000 × 11.75 % × 75 / 365 = 2414.38 -> GBP 24.14.
  // Fixed sum for a debt of GBP 1,000.00: GBP 70 (Act s.5A(2): 1,000 up to 10,000).
  // To 04-30 (105 days): 100000 × 1175 × 105 / 3,650,000 = 3380.14 -> 33.80; booked already 24.14: 9.66 more.
  TestLedger t;
  int64_t hazel = add_customer(t, "Hazel Ltd", "GBP");
  int64_t h = issue(t, hazel, "2025-12-16", "2026-01-15", 100000);
  const InterestPolicy uk = *parse_interest_policy("uk-late-payment");
  ChargesPreview preview = preview_ledger_charges(t->db(), day("2026-03-31"), uk, nullptr);
  REQUIRE(preview.rows.size() == 1);
  CHECK(preview.rows[0].interest_minor == 2414);
  CHECK(preview.rows[0].fixed_compensation_minor == 7000);
  CHECK(preview.rows[0].days_late == 75);
  CHECK(to_string(preview.rows[0].annual_rate) == "11.75");
  must(*t.ledger, ApplyCharges{day("2026-03-31"), "uk-late-payment"});
  std::vector<ChargeRecord> booked = list_charges(t->db(), h);
  REQUIRE(booked.size() == 2);
  CHECK(booked[0].kind == "interest");
  CHECK(booked[0].amount == 2414);
  CHECK(booked[1].kind == "compensation");
  CHECK(booked[1].amount == 7000);
  CHECK(booked[0].charge_invoice_id == booked[1].charge_invoice_id);  // one charges invoice, two lines
  InvoiceDetail bill = *find_invoice(t->db(), booked[0].charge_invoice_id);
  CHECK(bill.amounts.total == 9414);
  REQUIRE(bill.lines.size() == 2);
  CHECK(bill.lines[0].line.description.find(number_of(t, h)) != std::string::npos);
  size_t events = event_count(t);
  CHECK_FALSE(t->execute(ApplyCharges{day("2026-03-31"), "uk-late-payment"}).ok());
  CHECK(event_count(t) == events);
  must(*t.ledger, ApplyCharges{day("2026-04-30"), "uk-late-payment"});
  booked = list_charges(t->db(), h);
  REQUIRE(booked.size() == 3);
  CHECK(booked[2].kind == "interest");
  CHECK(booked[2].amount == 966);
  CHECK(
      find_invoice(t->db(), booked[2].charge_invoice_id)->lines[0].line.description.find("from 2026-04-01") !=
      std::string::npos);
  // The charges invoices are not themselves charged interest.
  CHECK(preview_ledger_charges(t->db(), day("2026-06-30"), uk, nullptr).rows.size() == 1);
  // A bad policy is refused, naming the field.
  Result<ActionOutcome> bad = t->execute(ApplyCharges{day("2026-04-30"), "whatever"});
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.problems()[0].where == "policy");
  // Undo: the second run's invoice is voided and its charge reversed; the first stays.
  REQUIRE(t->undo().ok());
  CHECK(list_charges(t->db(), h).size() == 2);
  CHECK(receivables_violations(t->db()) == "");
}

TEST_CASE("credit hold: the rules hold a customer, issuing needs an override, which is recorded") {
  TestLedger t;
  int64_t fir = add_customer(t, "Fir Ltd");
  int64_t ash = add_customer(t, "Ash Ltd");
  issue(t, fir, "2026-01-01", "2026-01-31", 50000);
  issue(t, ash, "2026-03-01", "2026-03-31", 50000);
  // As of 04-10, Fir's invoice is 69 days overdue (> 60, CreditHoldRules default); Ash's 10.
  std::vector<CreditReview> review = review_credit_holds(t->db(), day("2026-04-10"), CreditHoldRules{});
  REQUIRE(review.size() == 2);
  CHECK(review[1].customer == "Fir Ltd");
  CHECK(review[1].facts.max_days_overdue == 69);
  CHECK(review[1].change == "hold");
  CHECK(review[0].change.empty());
  must(*t.ledger, ApplyCreditHolds{day("2026-04-10"), CreditHoldRules{}});
  CHECK(find_customer(t->db(), fir)->fields.status == CustomerStatus::CreditHold);
  CHECK_FALSE(t->execute(ApplyCreditHolds{day("2026-04-10"), CreditHoldRules{}}).ok());  // nothing changes
  // Issuing to the held customer is refused without an override; nothing is written.
  size_t events = event_count(t);
  Result<ActionOutcome> refused = t->execute(AddInvoice{invoice_for(fir, "2026-04-11", 1000), true});
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.problems()[0].where == "hold_override");
  int64_t draft =
      must(*t.ledger, AddInvoice{invoice_for(fir, "2026-04-11", 1000), false});  // drafting is fine
  CHECK_FALSE(t->execute(IssueInvoice{draft, std::nullopt, ""}).ok());
  events = event_count(t);
  int64_t issued =
      must(*t.ledger, AddInvoice{invoice_for(fir, "2026-04-11", 1000), true, "director approved"});
  must(*t.ledger, IssueInvoice{draft, std::nullopt, "urgent order, prepaid"});
  CHECK(event_count(t) == events + 5);  // drafted, issued, override; issued, override
  Statement& st = t->db().prepare(
      "SELECT invoice_id, status, reason FROM hold_overrides WHERE retracted = 0 ORDER BY id");
  std::vector<std::string> overrides;
  while (st.step()) overrides.push_back(std::to_string(st.int64(0)) + " " + st.text(1) + " " + st.text(2));
  st.reset();
  CHECK(overrides == std::vector<std::string>{std::to_string(issued) + " hold director approved",
                                              std::to_string(draft) + " hold urgent order, prepaid"});
  // Undo the issue: the invoice is voided and the override retracted.
  REQUIRE(t->undo().ok());
  CHECK(count_rows(t, "SELECT count(*) FROM hold_overrides WHERE retracted = 0") == 1);
  // Paid up: the rules release the hold they set (a hold set by hand would stay).
  must(*t.ledger, RecordPayment{fir, day("2026-04-12"), 51000, "", "bank transfer", ""});
  review = review_credit_holds(t->db(), day("2026-04-12"), CreditHoldRules{});
  CHECK(review[1].change == "release");
  must(*t.ledger, ApplyCreditHolds{day("2026-04-12"), CreditHoldRules{}});
  CHECK(find_customer(t->db(), fir)->fields.status == CustomerStatus::Active);
  REQUIRE(t->undo().ok());
  CHECK(find_customer(t->db(), fir)->fields.status == CustomerStatus::CreditHold);
  // Cash on delivery: an invoice due on its own date may be issued; one on credit may not.
  CustomerFields cod = find_customer(t->db(), ash)->fields;
  cod.status = CustomerStatus::CashOnDelivery;
  must(*t.ledger, EditCustomer{ash, cod});
  InvoiceFields on_delivery = invoice_for(ash, "2026-04-12", 500);
  on_delivery.due_date = day("2026-04-12");
  must(*t.ledger, AddInvoice{on_delivery, true});
  CHECK_FALSE(t->execute(AddInvoice{invoice_for(ash, "2026-04-12", 500), true}).ok());
  CHECK(receivables_violations(t->db()) == "");
}

TEST_CASE("the rules may use cash on delivery instead; a credit-hold step carried out holds the customer") {
  TestLedger t;
  int64_t cob = add_customer(t, "Cob Ltd");
  int64_t c = issue(t, cob, "2026-01-01", "2026-01-31", 50000);
  // 2026-04-10 is 69 days after the due date (> 60): caught by the default rules.
  must(*t.ledger, ApplyCreditHolds{day("2026-04-10"), CreditHoldRules{}, true});
  CHECK(find_customer(t->db(), cob)->fields.status == CustomerStatus::CashOnDelivery);
  InvoiceFields on_delivery = invoice_for(cob, "2026-04-11", 500);
  on_delivery.due_date = day("2026-04-11");
  must(*t.ledger, AddInvoice{on_delivery, true});
  CHECK_FALSE(t->execute(AddInvoice{invoice_for(cob, "2026-04-11", 500), true}).ok());
  for (int i = 0; i < 2; ++i) REQUIRE(t->undo().ok());
  CHECK(find_customer(t->db(), cob)->fields.status == CustomerStatus::Active);
  // The default policy's +60 step (index 6) is a credit hold: recording it done puts the customer on hold.
  must(*t.ledger, RecordStepDone{cob, 6, day("2026-04-01"), "reached", "", "", {}});
  CHECK(find_customer(t->db(), cob)->fields.status == CustomerStatus::CreditHold);
  CHECK(contact_log(t->db(), cob)[0].channel == "letter");
  REQUIRE(t->undo().ok());
  CHECK(find_customer(t->db(), cob)->fields.status == CustomerStatus::Active);
  CHECK(proposed(t, "2026-04-01") == std::vector<std::string>{number_of(t, c) + ":6"});
}

TEST_CASE(
    "installment plan: amounts sum exactly, chasing pauses while paid, a missed one escalates at once") {
  // settlements.h, plan_installments: 1000.00 in 3 -> 333.34, 333.33, 333.33 (leftover cent to the first);
  // every 7 days from 01-10: 01-10, 01-17, 01-24.
  // The invoice is due 2026-01-01; the +7 call (step 2) is done on 01-08, where the plan is agreed.
  // Installment 1 paid on 01-09. Installment 2 (cumulative 666.67) is missed after 01-17 + 3 days grace: on
  // 01-21 the plan has failed and the next step (3, the +17 call, normally on 01-18 ... already reached on
  // 01-21) comes up; on 01-19 and 01-20 the invoice is still paused.
  TestLedger t;
  int64_t yew = add_customer(t, "Yew BV");
  const int64_t oak = add_customer(t, "Oak Ltd");  // no plan
  int64_t y = issue(t, yew, "2025-12-02", "2026-01-01", 100000);
  const std::string Y = number_of(t, y);
  must(*t.ledger, RecordStepDone{yew, 2, day("2026-01-08"), "promised", "will pay in three", "", {}});
  CHECK_FALSE(
      t->execute(AddInstallmentPlan{yew, day("2026-01-08"), 0, day("2026-01-10"), 7, {}}).ok());  // count
  int64_t plan = must(*t.ledger, AddInstallmentPlan{yew, day("2026-01-08"), 3, day("2026-01-10"), 7, {}});
  std::vector<PlanStatus> plans = list_installment_plans(t->db(), day("2026-01-09"));
  REQUIRE(plans.size() == 1);
  CHECK(plans[0].id == plan);
  // One customer's plans only: Yew's is listed for Yew, none for a customer without a plan.
  CHECK(list_installment_plans(t->db(), day("2026-01-09"), yew).size() == 1);
  CHECK(list_installment_plans(t->db(), day("2026-01-09"), oak).empty());
  REQUIRE(plans[0].installments.size() == 3);
  CHECK(plans[0].installments[0].amount.minor == 33334);
  CHECK(plans[0].installments[1].amount.minor == 33333);
  CHECK(plans[0].installments[2].amount.minor == 33333);
  CHECK(plans[0].installments[2].cumulative_minor == 100000);
  CHECK(plans[0].installments[1].due == day("2026-01-17"));
  must(*t.ledger, RecordPayment{yew, day("2026-01-09"), 33334, "", "bank transfer", Y});
  for (const char* date : {"2026-01-10", "2026-01-18", "2026-01-20"}) {
    CAPTURE(date);
    CHECK(proposed(t, date).empty());
    REQUIRE(paused(t, date, Y));
    CHECK(paused(t, date, Y)->reason == PauseReason::PromiseActive);
  }
  plans = list_installment_plans(t->db(), day("2026-01-21"));
  CHECK(plans[0].state == "missed");
  CHECK(*plans[0].status.missed == 2);
  CHECK(plans[0].status.shortfall_minor == 66667 - 33334);
  LedgerWorklist w = load_worklist(t->db(), day("2026-01-21"));
  REQUIRE(w.broken_promises.size() == 1);
  REQUIRE(w.items.size() == 1);
  CHECK(w.items[0].entry.lines[0].step_index == 3);
  // A missed plan counts as a broken promise for the credit-hold rules.
  CHECK(review_credit_holds(t->db(), day("2026-01-21"), CreditHoldRules{})[0].facts.broken_promises == 1);
  // Paying everything completes the plan; undoing the plan resumes normal chasing.
  must(*t.ledger, RecordPayment{yew, day("2026-01-22"), 66666, "", "bank transfer", Y});
  CHECK(list_installment_plans(t->db(), day("2026-01-25"))[0].state == "completed");
  REQUIRE(t->undo().ok());
  REQUIRE(t->undo().ok());
  REQUIRE(t->undo().ok());
  CHECK(list_installment_plans(t->db(), day("2026-01-25"))[0].state == "cancelled");
  CHECK(proposed(t, "2026-01-18") == std::vector<std::string>{Y + ":3"});
}

TEST_CASE("reduced settlement: accept less, the rest is written off with the reason") {
  // settlements.h, reduced_settlement: accepted 600.00 of 1,000.00 -> written off 400.00.
  TestLedger t;
  int64_t lime = add_customer(t, "Lime Oy");
  int64_t l = issue(t, lime, "2026-01-01", "2026-01-31", 100000);
  Result<ActionOutcome> too_much = t->execute(AcceptSettlement{l, day("2026-04-01"), 100000, "full"});
  REQUIRE_FALSE(too_much.ok());
  CHECK(too_much.problems()[0].where == "accepted");
  CHECK_FALSE(t->execute(AcceptSettlement{l, day("2026-04-01"), 60000, ""}).ok());  // a reason is required
  must(*t.ledger, AcceptSettlement{l, day("2026-04-01"), 60000, "customer in difficulty"});
  InvoiceDetail d = *find_invoice(t->db(), l);
  CHECK(d.amounts.written_off == 40000);
  CHECK(d.summary.open == 60000);
  REQUIRE(d.applied.size() == 1);
  CHECK(d.applied[0].kind == "write_off");
  CHECK(d.applied[0].label.find("customer in difficulty") != std::string::npos);
  CHECK(customer_balance(t->db(), lime)->ar_balance == 60000);
  must(*t.ledger, RecordPayment{lime, day("2026-04-05"), 60000, "", "bank transfer", ""});
  CHECK(find_invoice(t->db(), l)->summary.status == InvoiceStatus::Paid);
  REQUIRE(t->undo().ok());
  REQUIRE(t->undo().ok());
  CHECK(find_invoice(t->db(), l)->summary.open == 100000);
  CHECK(count_rows(t, "SELECT count(*) FROM settlements WHERE retracted = 0") == 0);
  CHECK(count_rows(t, "SELECT count(*) FROM settlements") == 1);  // kept, flagged
  CHECK(receivables_violations(t->db()) == "");
}

TEST_CASE("agency hand-off and factoring stop chasing, fees and interest; later payments go to the factor") {
  // settlements.h, quote_factoring: 2,000.00 at 80 % advance = 1,600.00 today, reserve 400.00; fee 3 % per
  // 30 days, 04-01 .. 04-30 = 29 days = 1 period: 60.00; released later 400.00 − 60.00 = 340.00.
  // agency_handoff: 500.00 at 25 % commission, full recovery expected: net 375.00.
  TestLedger t;
  int64_t pear = add_customer(t, "Pear AB");
  int64_t policy = save_policy_with_fee(t, R"({"flat": [{"currency": "EUR", "amount": "10.00"}]})");
  must(*t.ledger, SetCustomerPolicy{pear, policy});
  int64_t a = issue(t, pear, "2026-01-01", "2026-01-31", 50000);
  int64_t f = issue(t, pear, "2026-03-01", "2026-04-30", 200000);
  int64_t other = issue(t, pear, "2026-01-02", "2026-02-01", 1000);
  const std::string A = number_of(t, a), F = number_of(t, f);
  must(*t.ledger, HandToAgency{{a}, day("2026-04-01"), "Debt Co", Decimal{25, 0}});
  std::vector<PlacementRecord> placements = list_placements(t->db());
  REQUIRE(placements.size() == 1);
  CHECK(placements[0].placed == 50000);
  CHECK(placements[0].expected_net == 37500);
  CHECK_FALSE(
      t->execute(HandToAgency{{a}, day("2026-04-01"), "Other", Decimal{20, 0}}).ok());  // placed already
  Result<ActionOutcome> bad_reserve = t->execute(
      FactorInvoices{{f}, day("2026-04-01"), "FactorCo", Decimal{80, 0}, Decimal{3, 0}, Decimal{25, 0}});
  REQUIRE_FALSE(bad_reserve.ok());
  CHECK(bad_reserve.problems()[0].where == "reserve_percent");
  must(*t.ledger,
       FactorInvoices{{f}, day("2026-04-01"), "FactorCo", Decimal{80, 0}, Decimal{3, 0}, Decimal{20, 0}});
  std::vector<FactoringRecord> sales = list_factorings(t->db());
  REQUIRE(sales.size() == 1);
  CHECK(sales[0].cash_today == 160000);
  CHECK(sales[0].reserve == 40000);
  CHECK(sales[0].fee == 6000);
  // Chasing stops for both; the third invoice is still chased; no fee or interest on the two.
  LedgerWorklist w = load_worklist(t->db(), day("2026-05-15"));
  CHECK(paused(t, "2026-05-15", A)->reason == PauseReason::WithAgency);
  CHECK(paused(t, "2026-05-15", F)->reason == PauseReason::Factored);
  REQUIRE(w.items.size() == 1);
  REQUIRE(w.items[0].entry.lines.size() == 1);
  CHECK(w.items[0].entry.lines[0].invoice == number_of(t, other));
  Result<std::vector<LateFeeDue>> fees = late_fees_due(t->db(), day("2026-06-30"));
  REQUIRE(fees->size() == 1);
  CHECK(fees->at(0).invoice.id == other);
  for (const ChargesPreviewRow& r :
       preview_ledger_charges(t->db(), day("2026-06-30"), *parse_interest_policy("contract:8"), nullptr).rows)
    CHECK(r.invoice != F);
  // The case file carries the customer, invoices, statement and contact record.
  must(*t.ledger,
       LogContact{pear, day("2026-03-20"), "phone", "Pat Billing", "no_answer", "rang twice", {a}});
  Result<std::string> file = agency_case_file(t->db(), placements[0].id, day("2026-04-01"));
  REQUIRE(file.ok());
  Json j = Json::parse(file.value());
  CHECK(j["customer"]["name"] == "Pear AB");
  CHECK(j["invoices"][0]["number"] == A);
  CHECK(j["invoices"][0]["open"] == "500.00");
  CHECK(j["contact_record"][0]["notes"] == "rang twice");
  CHECK(j["statement"].contains("currencies"));
  // The customer pays the factor: the invoice is paid in our books, the factor's sale shows it collected.
  CHECK_FALSE(t->execute(RecordFactorCollection{a, day("2026-04-30"), 100}).ok());  // not factored
  must(*t.ledger, RecordFactorCollection{f, day("2026-04-30"), 200000});
  CHECK(find_invoice(t->db(), f)->summary.status == InvoiceStatus::Paid);
  CHECK(list_factorings(t->db())[0].collected == 200000);
  CHECK(list_payments(t->db(), {pear, 0, 10})[0].method == "paid to factor FactorCo");
  // Undo each: the collection, the sale, the contact, the hand-off — chasing resumes.
  for (int i = 0; i < 4; ++i) REQUIRE(t->undo().ok());
  CHECK(list_factorings(t->db()).empty());
  CHECK(list_placements(t->db()).empty());
  CHECK(contact_log(t->db(), pear).empty());
  CHECK_FALSE(paused(t, "2026-05-15", A));
  CHECK(find_invoice(t->db(), f)->summary.open == 200000);
  CHECK(receivables_violations(t->db()) == "");
}

TEST_CASE("policies: the default exists without events; saved ones are validated, versioned and undone") {
  TestLedger t;
  std::vector<PolicyRecord> policies = list_policies(t->db());
  REQUIRE(policies.size() == 1);
  CHECK(policies[0].id == 0);
  CHECK(policies[0].policy.steps == default_policy().steps);
  Result<ActionOutcome> bad = t->execute(SavePolicy{0, R"({"name": "X", "steps": []})"});
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.problems()[0].where == "policy.steps");
  Result<ActionOutcome> bad_fee = t->execute(SavePolicy{0, R"({"name": "X", "steps": [{"offset_days": 5,
      "action": "letter", "late_fee": true}], "late_fee": {"percent": "150"}})"});
  REQUIRE_FALSE(bad_fee.ok());
  CHECK(bad_fee.problems()[0].where == "late_fee.percent");
  CHECK_FALSE(t->execute(SavePolicy{0, R"({"name": "standard", "steps": [{"offset_days": 1,
      "action": "email_reminder"}]})"})
                  .ok());  // the default's name, case-insensitively
  int64_t id = must(*t.ledger, SavePolicy{0, R"({"name": "Short", "steps": [{"offset_days": 1,
      "action": "email_reminder"}, {"offset_days": 14, "action": "final_notice"}]})"});
  must(*t.ledger,
       SavePolicy{id, R"({"name": "Short", "steps": [{"offset_days": 2, "action": "email_reminder"}]})"});
  CHECK(find_policy(t->db(), id)->policy.steps.size() == 1);
  REQUIRE(t->undo().ok());
  CHECK(find_policy(t->db(), id)->policy.steps.size() == 2);
  int64_t c = add_customer(t, "Quince SpA");
  must(*t.ledger, SetCustomerPolicy{c, id});
  CHECK(policy_for_customer(t->db(), c).policy.name == "Short");
  int64_t q = issue(t, c, "2026-01-01", "2026-01-31", 1000);
  CHECK(proposed(t, "2026-02-14") == std::vector<std::string>{number_of(t, q) + ":1"});
  REQUIRE(t->undo().ok());  // the invoice
  REQUIRE(t->undo().ok());  // the assignment
  CHECK(policy_for_customer(t->db(), c).id == 0);
}

TEST_CASE("snooze puts a customer aside until a day; the contact log keeps every contact") {
  TestLedger t;
  int64_t plum = add_customer(t, "Plum Inc");
  int64_t p = issue(t, plum, "2026-01-01", "2026-01-31", 1000);
  const std::string P = number_of(t, p);
  CHECK_FALSE(
      t->execute(SnoozeCustomer{plum, day("2026-02-05"), day("2026-02-05")}).ok());  // not after the day
  must(*t.ledger, SnoozeCustomer{plum, day("2026-02-05"), day("2026-02-10")});
  CHECK(paused(t, "2026-02-09", P)->reason == PauseReason::Snoozed);
  CHECK(proposed(t, "2026-02-10") == std::vector<std::string>{P + ":2"});  // back on the day (+7 reached)
  Result<ActionOutcome> bad =
      t->execute(LogContact{plum, day("2026-02-06"), "pigeon", "", "reached", "", {}});
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.problems()[0].where == "channel");
  must(*t.ledger,
       LogContact{plum, day("2026-02-06"), "visit", "Mo Plum", "disputed", "says goods late", {p}});
  must(*t.ledger, LogContact{plum, day("2026-02-04"), "email", "Mo Plum", "no_answer", "", {}});
  std::vector<ContactRecord> log = contact_log(t->db(), plum);
  REQUIRE(log.size() == 2);
  CHECK(log[0].date == day("2026-02-04"));  // by date
  CHECK(log[1].invoices == P);
  REQUIRE(t->undo().ok());
  CHECK(contact_log(t->db(), plum).size() == 1);
  CHECK(count_rows(t, "SELECT count(*) FROM contact_log") == 2);  // retracted, never deleted
}

TEST_CASE("rebuild replays a mixed collections history into identical projections") {
  TestLedger t;
  int64_t a = add_customer(t, "Alder Ltd", "GBP");
  int64_t b = add_customer(t, "Birch Ltd", "GBP");
  int64_t policy = save_policy_with_fee(t, R"({"flat": [{"currency": "GBP", "amount": "25.00"}]})");
  must(*t.ledger, SetCustomerPolicy{a, policy});
  must(*t.ledger, SetCompanyDetails{{"Demo", "", "", "ar@demo.example", "Dee"}});
  int64_t a1 = issue(t, a, "2025-12-16", "2026-01-15", 100000);
  int64_t a2 = issue(t, a, "2026-01-05", "2026-02-04", 40000);
  int64_t b1 = issue(t, b, "2026-01-10", "2026-02-09", 70000);
  int64_t b2 = issue(t, b, "2026-01-11", "2026-02-10", 30000);
  must(*t.ledger, RecordStepDone{a,
                                 load_worklist(t->db(), day("2026-01-22")).items[0].entry.step_index,
                                 day("2026-01-22"),
                                 "voicemail",
                                 "",
                                 "",
                                 {}});
  must(*t.ledger, LogContact{b, day("2026-02-12"), "phone", "Bo", "promised", "", {b1}});
  must(*t.ledger, AddPromise{b, day("2026-02-12"), day("2026-02-20"), 70000, {b1}, ""});
  must(*t.ledger, OpenDispute{b2, day("2026-02-12"), "not_received", ""});
  must(*t.ledger, ResolveDispute{b2, day("2026-02-15"), "partial", 5000, ""});
  must(*t.ledger, ChargeLateFees{day("2026-02-20")});
  must(*t.ledger, ApplyCharges{day("2026-03-31"), "uk-late-payment"});
  must(*t.ledger, WaiveLateFee{a1, 4, day("2026-04-01"), "goodwill"});
  must(*t.ledger, ApplyCreditHolds{day("2026-04-10"), CreditHoldRules{}});
  must(*t.ledger, AddInvoice{invoice_for(a, "2026-04-11", 500), true, "approved"});
  must(*t.ledger, AddInstallmentPlan{b, day("2026-04-12"), 2, day("2026-04-30"), 0, {b1}});
  must(*t.ledger, AcceptSettlement{a2, day("2026-04-13"), 30000, "compromise"});
  must(*t.ledger, SnoozeCustomer{a, day("2026-04-13"), day("2026-04-20")});
  must(*t.ledger, HandToAgency{{a1}, day("2026-04-14"), "Debt Co", Decimal{25, 0}});
  must(*t.ledger, FactorInvoices{{b2}, day("2026-04-14"), "F", Decimal{80, 0}, Decimal{2, 0}});
  must(*t.ledger, RecordFactorCollection{b2, day("2026-04-28"), 25000});
  REQUIRE(t->undo().ok());
  REQUIRE(t->undo().ok());
  REQUIRE(t->redo().ok());
  must(*t.ledger, ApplyCreditHolds{day("2026-05-30"), CreditHoldRules{}});
  CHECK(receivables_violations(t->db()) == "");
  std::string before = dump_projections(t->db());
  CHECK(before.find("[charges]\n1|'late_fee'") != std::string::npos);
  REQUIRE(t->rebuild().ok());
  CHECK(dump_projections(t->db()) == before);
  CHECK(t->verify().first_bad_seq == 0);
}

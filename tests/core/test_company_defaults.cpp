// The company's defaults (SetCompanyDefaults) and the reference rates it adds (AddReferenceRate): what a
// country gives, what is refused, the numbering series previewed and never reused, a new rate applied from
// its day only, and undo and rebuild alike.
#include <doctest/doctest.h>

#include <set>

#include "collections/charges.h"
#include "collections/collections_queries.h"
#include "collections/collections_worklist.h"
#include "collections/company_defaults.h"
#include "collections/interest.h"
#include "customers/customer_queries.h"
#include "invoicing/invoice_queries.h"
#include "receivables_checks.h"
#include "test_support.h"

using namespace duebook;

namespace {

int64_t add_customer(TestLedger& t, const std::string& name, const std::string& currency) {
  return must(*t.ledger, AddCustomer{customer_fields(name, currency)});
}

std::string issue(TestLedger& t, int64_t customer, const std::string& series, const std::string& due) {
  InvoiceFields f = invoice_for(customer, "2026-01-01", 100000);
  f.series = series;
  f.due_date = day(due);
  return find_invoice(t->db(), must(*t.ledger, AddInvoice{f, true}))->summary.number;
}

// The interest the EU policy gives as of `as_of` for the ledger's one overdue invoice.
int64_t eu_interest(TestLedger& t, const std::string& as_of) {
  ChargesPreview p =
      preview_ledger_charges(t->db(), day(as_of), *parse_interest_policy("eu-late-payment"), nullptr);
  REQUIRE(p.rows.size() == 1);
  return p.rows[0].interest_minor;
}

}  // namespace

TEST_CASE("a country's defaults: its currency, the interest policy of its law, Net 30") {
  // Sources: the UK Late Payment of Commercial Debts (Interest) Act 1998 for GB; Directive 2011/7/EU for the
  // 27 member states (Art. 3(3)(b): 30 days when the contract fixes none); ISO 4217 for the currencies
  // (Bulgaria on the euro from 2026-01-01; Poland and Sweden keep their own); a contract rate elsewhere.
  struct Row {
    const char* country;
    const char* currency;
    const char* policy;
  };
  const Row table[] = {
      {"GB", "GBP", "uk-late-payment"}, {"gb", "GBP", "uk-late-payment"}, {"DE", "EUR", "eu-late-payment"},
      {"FR", "EUR", "eu-late-payment"}, {"BG", "EUR", "eu-late-payment"}, {"PL", "PLN", "eu-late-payment"},
      {"SE", "SEK", "eu-late-payment"}, {"US", "USD", "contract:8"},      {"CH", "CHF", "contract:8"},
      {"JP", "JPY", "contract:8"},
  };
  for (const Row& r : table) {
    CAPTURE(r.country);
    CompanyDefaults d = defaults_for_country(r.country);
    CHECK(d.currency == r.currency);
    CHECK(d.interest_policy == r.policy);
    CHECK(d.terms == "Net 30");
    CHECK(d.invoice_series == "INV");
    CHECK(d.credit_note_series == "CN");
  }
  CHECK(defaults_for_country("XX").country == "");
  CHECK(defaults_for_country("").currency == "USD");
  int eu = 0;
  for (const CountryProfile& c : known_countries()) eu += c.eu ? 1 : 0;
  CHECK(eu == 27);
}

TEST_CASE("the defaults are checked field by field, normalized, saved, undone and rebuilt alike") {
  TestLedger t;
  CHECK(company_defaults(t->db()).currency == "USD");  // nothing saved yet

  SUBCASE("bad input is refused naming each field, and nothing is written") {
    const int64_t before = t->revision();
    CompanyDefaults d;
    d.country = "Narnia";
    d.currency = "XYZ";
    d.terms = "whenever";
    d.invoice_series = "IN-V";
    d.credit_note_series = "";
    d.interest_policy = "contract:-3";
    Result<ActionOutcome> r = t->execute(SetCompanyDefaults{d});
    REQUIRE_FALSE(r.ok());
    std::set<std::string> fields;
    for (const Problem& p : r.problems()) fields.insert(p.where);
    CHECK(fields == std::set<std::string>{"country", "currency", "terms", "invoice_series",
                                          "credit_note_series", "interest_policy"});
    CHECK(t->revision() == before);
    CHECK_FALSE(t->execute(SetCompanyDefaults{CompanyDefaults{}}).ok());  // nothing changed
  }

  SUBCASE("saved in canonical spelling; undo restores; rebuild gives the same tables") {
    CompanyDefaults d;
    d.country = " de ";
    d.currency = "eur";
    d.terms = "2/10 net 30";
    d.invoice_series = "RE";
    d.credit_note_series = "GS";
    d.interest_policy = "contract:1.5/month";  // 1.5 % a month = 18 % a year, simple
    must(*t.ledger, SetCompanyDefaults{d});
    CompanyDefaults saved = company_defaults(t->db());
    CHECK(saved.country == "DE");
    CHECK(saved.currency == "EUR");
    CHECK(saved.terms == "2/10 Net 30");
    CHECK(saved.invoice_series == "RE");
    CHECK(saved.credit_note_series == "GS");
    CHECK(saved.interest_policy == "contract:18");
    const std::string tables = dump_projections(t->db());
    REQUIRE(t->rebuild().ok());
    CHECK(dump_projections(t->db()) == tables);
    REQUIRE(t->undo().ok());
    CHECK(company_defaults(t->db()).currency == "USD");
    CHECK(company_defaults(t->db()).country == "");
  }
}

TEST_CASE("the numbering series: the next numbers previewed, and a number once issued never reused") {
  TestLedger t;
  const int64_t acme = add_customer(t, "Acme Ltd", "EUR");
  CHECK(next_numbers(t->db(), 2026).invoice == "INV-2026-0001");
  CHECK(next_numbers(t->db(), 2026).credit_note == "CN-2026-0001");
  CHECK(issue(t, acme, "INV", "2026-01-31") == "INV-2026-0001");
  CHECK(next_numbers(t->db(), 2026).invoice == "INV-2026-0002");

  CompanyDefaults d;
  d.invoice_series = "SI";
  must(*t.ledger, SetCompanyDefaults{d});
  CHECK(next_numbers(t->db(), 2026).invoice == "SI-2026-0001");
  CHECK(issue(t, acme, company_defaults(t->db()).invoice_series, "2026-01-31") == "SI-2026-0001");

  // Back to INV: the series goes on from its last number, gapless, and INV-2026-0001 is not given again.
  d.invoice_series = "INV";
  must(*t.ledger, SetCompanyDefaults{d});
  CHECK(next_numbers(t->db(), 2026).invoice == "INV-2026-0002");
  CHECK(issue(t, acme, "INV", "2026-01-31") == "INV-2026-0002");
  CHECK(next_numbers(t->db(), 2027).invoice == "INV-2027-0001");  // a new year starts a new count
}

TEST_CASE("a reference rate added applies from its day on; earlier days and booked charges keep theirs") {
  // Directive 2011/7/EU Art. 2(6) and 3(2): reference rate + 8 points, the rate of the half-year being the
  // one in force on 1 January / 1 July. Bundled ECB rate: 2.15 % since 2025-06-11 (assets/rates/).
  // EUR 1,000.00 due 2026-05-15:
  //   05-16 .. 06-30 =  46 days at 10.15 %: 100000 × 1015 × 46 / 3,650,000 = 1279.18
  //   07-01 .. 12-31 = 184 days at 10.15 %: 100000 × 1015 × 184 / 3,650,000 = 5116.71 -> Σ 6395.89 = 63.96
  // With a new ECB rate of 1.90 % from 2026-06-20, the second half-year's reference rate is 1.90:
  //   07-01 .. 12-31 = 184 days at 9.90 %: 100000 × 990 × 184 / 3,650,000 = 4990.68 -> Σ 6269.86 = 62.70
  TestLedger t;
  const int64_t acme = add_customer(t, "Acme GmbH", "EUR");
  issue(t, acme, "INV", "2026-05-15");
  CHECK(eu_interest(t, "2026-06-30") == 1279);
  CHECK(eu_interest(t, "2026-12-31") == 6396);
  must(*t.ledger, ApplyCharges{day("2026-06-30"), "eu-late-payment"});
  const std::vector<ChargeRecord> booked = list_charges(t->db());

  SUBCASE("bad input is refused naming the field, and nothing is written") {
    const int64_t before = t->revision();
    Result<ActionOutcome> bad = t->execute(AddReferenceRate{"fed", day("2026-06-20"), "abc"});
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.problems().size() == 2);
    CHECK(bad.problems()[0].where == "table");
    CHECK(bad.problems()[1].where == "rate");
    Result<ActionOutcome> old = t->execute(AddReferenceRate{"ecb", day("2025-06-11"), "2.00"});
    REQUIRE_FALSE(old.ok());
    CHECK(old.problems()[0].where == "effective");
    CHECK(t->revision() == before);
  }

  SUBCASE("the new rate changes the half-years from its day on only, and undo takes it back") {
    must(*t.ledger, AddReferenceRate{"ecb", day("2026-06-20"), "1.90"});
    const RateHistory& ecb = ledger_reference_rates(t->db()).ecb_mro;
    CHECK(to_iso(ecb.changes.back().effective) == "2026-06-20");
    CHECK(eu_interest(t, "2026-06-30") == 1279);
    CHECK(eu_interest(t, "2026-12-31") == 6270);
    const std::vector<ChargeRecord> after = list_charges(t->db());
    REQUIRE(after.size() == booked.size());
    for (size_t i = 0; i < after.size(); ++i) CHECK(after[i].amount == booked[i].amount);
    CHECK_FALSE(t->execute(AddReferenceRate{"ecb", day("2026-06-20"), "1.75"}).ok());  // same day again
    const std::string tables = dump_projections(t->db());
    REQUIRE(t->rebuild().ok());
    CHECK(dump_projections(t->db()) == tables);
    REQUIRE(t->undo().ok());
    CHECK(eu_interest(t, "2026-12-31") == 6396);
  }
}

TEST_CASE("a country's collections policy: the ladder's last notice gives the time its rules ask for") {
  // GB: the Pre-Action Protocol for Debt Claims §3.1, §5.1 (a letter of claim; the debtor replies within 30
  // days). NO: inkassoloven §9 (14 days between the payment reminder and collection).
  struct Case {
    const char* country;
    int final_notice_days;  // 0 = no country policy: the built-in Standard applies
  } cases[] = {{"GB", 30}, {"gb", 30}, {"NO", 14}, {"DE", 0}, {"US", 0}, {"", 0}};
  for (const Case& c : cases) {
    CAPTURE(std::string(c.country));
    std::optional<PolicyRecord> policy = country_policy(c.country);
    REQUIRE(policy.has_value() == (c.final_notice_days != 0));
    if (!policy) continue;
    CHECK(validate_policy(policy->policy).ok());
    const std::vector<CollectionStep>& steps = policy->policy.steps;
    REQUIRE(steps.size() >= 2);
    const CollectionStep& notice = steps[steps.size() - 2];
    const CollectionStep& agency = steps.back();
    CHECK(notice.action == StepAction::FinalNotice);
    CHECK(notice.payment_deadline_days == c.final_notice_days);
    CHECK(agency.action == StepAction::HandToAgency);
    CHECK(agency.offset_days - notice.offset_days > c.final_notice_days);  // the agency after the deadline
  }
}

TEST_CASE("new customers start with the company's collections policy, by hand or by an import") {
  TestLedger t;
  CompanyDefaults gb = defaults_for_country("GB");
  const int64_t before = add_customer(t, "Before Ltd", "GBP");
  must(*t.ledger, SetCompanyDefaults{gb, country_policy("GB")});
  const CompanyDefaults saved = company_defaults(t->db());
  REQUIRE(saved.policy_id != 0);
  CHECK(find_policy(t->db(), saved.policy_id)->policy.name == country_policy("GB")->policy.name);
  CHECK(policy_for_customer(t->db(), before).id == 0);  // a customer made before keeps the one it had

  const int64_t after = add_customer(t, "After Ltd", "GBP");
  CHECK(policy_for_customer(t->db(), after).id == saved.policy_id);
  const std::string csv =
      "InvoiceNo,Customer,InvoiceDate,DueDate,Terms,Memo,ItemDescription,ItemQuantity,ItemRate,ItemAmount,"
      "Currency\nI-1,Imported Ltd,2026-01-05,2026-02-04,Net 30,,Work,1,100.00,100.00,GBP\n";
  REQUIRE(t->execute(ImportInvoices{"march.csv", csv, "", "GBP"}).ok());
  const int64_t imported = find_customer_by_name(t->db(), "Imported Ltd")->id;
  CHECK(policy_for_customer(t->db(), imported).id == saved.policy_id);

  // The same country's defaults again use the policy saved before; a policy that does not exist is refused.
  const size_t policies = list_policies(t->db()).size();
  gb.terms = "Net 14";
  must(*t.ledger, SetCompanyDefaults{gb, country_policy("GB")});
  CHECK(list_policies(t->db()).size() == policies);
  CHECK(company_defaults(t->db()).policy_id == saved.policy_id);
  gb.policy_id = 999;
  Result<ActionOutcome> missing = t->execute(SetCompanyDefaults{gb, std::nullopt});
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.problems()[0].where == "policy_id");

  // Undo takes the first defaults back with the policy they saved; new customers get the Standard again.
  for (const char* action : {"Net 14", "the import", "After Ltd", "the defaults and their policy"}) {
    Result<ActionOutcome> undone = t->undo();
    INFO(action, ": ", undone.ok() ? std::string() : describe(undone.problems()));
    REQUIRE(undone.ok());
  }
  CHECK(company_defaults(t->db()).policy_id == 0);
  CHECK(list_policies(t->db()).size() == policies - 1);
  CHECK(policy_for_customer(t->db(), add_customer(t, "Later Ltd", "GBP")).id == 0);
  REQUIRE(t->rebuild().ok());
  CHECK(t->verify().first_bad_seq == 0);
}

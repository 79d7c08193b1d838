// Languages: the built-in templates in English, German, French and Spanish; a customer's language chosen by a
// command; and one reminder for one invoice rendered in each language with its amounts and dates written for
// that language's readers.
#include <doctest/doctest.h>

#include <set>
#include <string>

#include "collections/collections.h"
#include "collections/collections_worklist.h"
#include "collections/custom_templates.h"
#include "collections/templates_default.h"
#include "customers/customer_queries.h"
#include "files/letter_document.h"
#include "invoicing/invoice_queries.h"
#include "receivables_checks.h"
#include "test_support.h"

using namespace duebook;

namespace {

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

const std::string kNbsp = "\xC2\xA0";       // U+00A0, between an amount and its code
const std::string kNnbsp = "\xE2\x80\xAF";  // U+202F, between French thousands

// A customer of `language` owing one invoice of EUR 1,234.56 dated 2026-12-01, due 2026-12-31.
int64_t customer_owing(TestLedger& t, Language language) {
  CustomerFields f = customer_fields("Kunde " + std::string(language_code(language)), "EUR");
  f.contacts = {{"billing", "Dana Roth", "dana@kunde.example", ""}};
  const int64_t id = must(*t.ledger, AddCustomer{f});
  if (language != Language::English) must(*t.ledger, SetCustomerLanguage{id, language});
  InvoiceFields inv = invoice_for(id, "2026-12-01", 123456);
  inv.due_date = day("2026-12-31");
  must(*t.ledger, AddInvoice{inv, true});
  return id;
}

// The default policy's step that uses template `id`.
int step_of(const std::string& id) {
  const CollectionPolicy policy = default_policy();
  for (size_t i = 0; i < policy.steps.size(); ++i)
    if (policy.steps[i].template_id == id) return int(i);
  FAIL("the default policy has no step with template " << id);
  return 0;
}

}  // namespace

TEST_CASE("every built-in template ships in four languages, each valid and each really translated") {
  const std::vector<MessageTemplate>& english = default_templates();
  for (Language language : known_languages()) {
    CAPTURE(language_code(language));
    const std::vector<MessageTemplate>& list = default_templates(language);
    REQUIRE(list.size() == english.size());
    for (size_t i = 0; i < list.size(); ++i) {
      CAPTURE(list[i].id);
      CHECK(list[i].id == english[i].id);
      CHECK(list[i].action == english[i].action);
      CHECK(list[i].language == language);
      CHECK_MESSAGE(check_template(list[i]).ok(), describe(check_template(list[i]).problems()));
      if (language != Language::English) CHECK(list[i].body != english[i].body);
    }
  }
  // The words a business in each country uses for the reminder and the overdue letter.
  CHECK(contains(find_template(default_templates(Language::German), "friendly_reminder")->subject,
                 "Zahlungserinnerung"));
  CHECK(contains(find_template(default_templates(Language::German), "overdue_letter")->subject, "Mahnung"));
  CHECK(
      contains(find_template(default_templates(Language::French), "friendly_reminder")->subject, "Relance"));
  CHECK(contains(find_template(default_templates(Language::Spanish), "friendly_reminder")->subject,
                 "Recordatorio de pago"));
}

TEST_CASE("one reminder for one invoice, rendered in each language with its own amounts and dates") {
  struct Row {
    Language language;
    const char* subject;   // the reminder's subject starts with it
    std::string amount;    // EUR 1,234.56 as the language's readers write it
    const char* due;       // 2026-12-31 likewise
    const char* greeting;  // the body's first words
    const char* letter;    // the late-fee letter's subject starts with it
  };
  // Amounts and dates: CLDR 44 (see test_locale.cpp); English documents use ISO 8601 dates.
  const Row rows[] = {
      {Language::English, "Payment reminder: invoice ", "EUR 1,234.56", "2026-12-31", "Dear Dana Roth,",
       "Overdue account: invoice "},
      {Language::German, "Zahlungserinnerung: Rechnung ", "1.234,56" + kNbsp + "EUR", "31.12.2026",
       "Guten Tag Dana Roth,", "Mahnung: Rechnung "},
      {Language::French, "Relance de paiement : facture ", "1" + kNnbsp + "234,56" + kNbsp + "EUR",
       "31/12/2026", "Bonjour Dana Roth,", "Relance : compte échu, facture "},
      {Language::Spanish, "Recordatorio de pago: factura ", "1234,56" + kNbsp + "EUR", "31/12/2026",
       "Estimado/a Dana Roth:", "Cuenta vencida: factura "},
  };
  for (const Row& r : rows) {
    CAPTURE(language_code(r.language));
    TestLedger t;
    const int64_t customer = customer_owing(t, r.language);
    CHECK(find_customer(t->db(), customer)->fields.language == language_code(r.language));
    LetterPdfOptions o{day("2027-01-15"), step_of("friendly_reminder")};
    Result<LetterContent> reminder = letter_content(t->db(), customer, o);
    REQUIRE_MESSAGE(reminder.ok(), describe(reminder.problems()));
    CHECK(reminder->template_id == "friendly_reminder");
    CHECK(reminder->subject.rfind(r.subject, 0) == 0);
    CHECK(reminder->body.rfind(r.greeting, 0) == 0);
    CHECK(contains(reminder->body, r.amount));
    CHECK(contains(reminder->body, r.due));
    CHECK_FALSE(contains(reminder->body, "{{"));
    if (r.language != Language::English) {
      CHECK_FALSE(contains(reminder->body, "EUR 1,234.56"));
      CHECK_FALSE(contains(reminder->body, "2026-12-31"));
    }
    o.step_index = step_of("late_fee_letter");
    Result<LetterContent> letter = letter_content(t->db(), customer, o);
    REQUIRE_MESSAGE(letter.ok(), describe(letter.problems()));
    CHECK(letter->template_id == "late_fee_letter");
    CHECK(letter->subject.rfind(r.letter, 0) == 0);
    CHECK(contains(letter->body, r.amount));
    CHECK(contains(letter->body, r.due));
  }
}

TEST_CASE("the worklist writes to each customer in the customer's language") {
  TestLedger t;
  const int64_t de = customer_owing(t, Language::German);
  const int64_t en = customer_owing(t, Language::English);
  int seen = 0;
  for (const WorklistItem& item : load_worklist(t->db(), day("2027-01-15")).items) {
    if (item.customer_id == de) {
      CHECK(contains(item.body, "1.234,56" + kNbsp + "EUR"));
      CHECK(contains(item.subject + item.body, "Rechnung"));
      ++seen;
    }
    if (item.customer_id == en) {
      CHECK(contains(item.body, "EUR 1,234.56"));
      ++seen;
    }
  }
  CHECK(seen == 2);
}

TEST_CASE("a customer's language is set by a command, refused when unchanged, and undone") {
  TestLedger t;
  CustomerFields f = customer_fields("Acme SARL", "EUR");
  const int64_t id = must(*t.ledger, AddCustomer{f});
  CHECK(find_customer(t->db(), id)->fields.language == "en");
  must(*t.ledger, SetCustomerLanguage{id, Language::French});
  CHECK(find_customer(t->db(), id)->fields.language == "fr");
  Result<ActionOutcome> again = t->execute(SetCustomerLanguage{id, Language::French});
  REQUIRE_FALSE(again);
  CHECK(again.problems().front().where == "language");
  CHECK_FALSE(t->execute(SetCustomerLanguage{id + 100, Language::German}));
  REQUIRE(t->undo());
  CHECK(find_customer(t->db(), id)->fields.language == "en");
  // The customer form's field: a code or a name is read, anything else refused naming the field.
  f.name = "Beta GmbH";
  f.language = "Deutsch";
  const int64_t beta = must(*t.ledger, AddCustomer{f});
  CHECK(find_customer(t->db(), beta)->fields.language == "de");
  f.name = "Gamma SpA";
  f.language = "it";
  Result<ActionOutcome> bad = t->execute(AddCustomer{f});
  REQUIRE_FALSE(bad);
  CHECK(bad.problems().front().where == "language");
}

TEST_CASE("a business rewords a template in one language without touching the others") {
  TestLedger t;
  const int64_t de = customer_owing(t, Language::German);
  const int64_t en = customer_owing(t, Language::English);
  SaveTemplate save{"friendly_reminder", "Offene Rechnung: {{invoices}}",
                    "Hallo {{contact}}, bitte zahlen Sie {{amount_due}}.", false, Language::German};
  must(*t.ledger, save);
  const std::vector<MessageTemplate> custom = custom_templates(t->db());
  REQUIRE(custom.size() == 1);
  CHECK(custom[0].language == Language::German);
  CHECK(template_in_use(custom, "friendly_reminder", Language::German)->subject == save.subject);
  CHECK(template_in_use(custom, "friendly_reminder")->subject == default_templates()[0].subject);
  LetterPdfOptions o{day("2027-01-15"), step_of("friendly_reminder")};
  CHECK(letter_content(t->db(), de, o)->subject.rfind("Offene Rechnung: Rechnung ", 0) == 0);
  CHECK(letter_content(t->db(), en, o)->subject.rfind("Payment reminder: invoice ", 0) == 0);
  REQUIRE(t->undo());
  CHECK(custom_templates(t->db()).empty());
}

// Message templates: placeholders, problems for unknown or missing values, mailto links, the
// built-in templates for every step, and the values filled in from a worklist entry.
#include <doctest/doctest.h>

#include <set>
#include <string>

#include "collections/templates.h"
#include "collections/templates_default.h"

using namespace duebook;

namespace {

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

Money money(int64_t minor, const char* code) {
  return Money{minor, *parse_currency_code(code)};
}

// A worklist entry as build_worklist would make it: two invoices of Acme, the +30 letter due.
WorklistEntry acme_entry() {
  WorklistEntry e;
  e.customer = "Acme Ltd";
  e.currency = *parse_currency_code("EUR");
  e.step_index = 4;
  e.step = default_policy().steps[4];
  e.contact = Contact{"billing", "Pat Billing", "pat@acme.example", ""};
  WorklistLine a;
  a.invoice = "INV-1001";
  a.due_date = Date{2026, 2, 1};
  a.days_late = 30;
  a.open = money(123450, "EUR");
  WorklistLine b = a;
  b.invoice = "INV-1007";
  b.due_date = Date{2026, 2, 20};
  b.days_late = 11;
  b.open = money(50000, "EUR");
  e.lines = {a, b};
  e.open_minor = 173450;
  return e;
}

CompanyDetails company() {
  return CompanyDetails{"Duebook Demo Ltd", "1 High Street\nLondon EC1A 1AA", "+44 20 7946 0999",
                        "accounts@duebook.example", "Robin Lee"};
}

}  // namespace

TEST_CASE("every built-in template is valid, and every action and default-policy step has one") {
  std::set<std::string> ids;
  for (const MessageTemplate& t : default_templates()) {
    CAPTURE(t.id);
    CHECK_MESSAGE(check_template(t).ok(), describe(check_template(t).problems()));
    CHECK(ids.insert(t.id).second);  // ids are unique
  }
  for (StepAction a :
       {StepAction::EmailReminder, StepAction::PhoneCall, StepAction::Letter, StepAction::EscalationLetter,
        StepAction::CreditHold, StepAction::FinalNotice, StepAction::HandToAgency}) {
    CAPTURE(to_string(a));
    CollectionStep step;
    step.action = a;
    step.offset_days = 30;
    CHECK(template_for_step(step).action == a);
  }
  for (const CollectionStep& s : default_policy().steps) {
    CAPTURE(s.template_id);
    CHECK(find_template(default_templates(), s.template_id) != nullptr);
    CHECK(template_for_step(s).id == s.template_id);
  }
  CollectionStep letter;
  letter.action = StepAction::Letter;
  letter.offset_days = 30;
  CHECK(template_for_step(letter).id == "overdue_letter");
  letter.late_fee = true;
  CHECK(template_for_step(letter).id == "late_fee_letter");
  CollectionStep email;
  CHECK(template_for_step(email).id == "friendly_reminder");

  MessageTemplate mine{"my_reminder", StepAction::EmailReminder, "Hi {{customer}}",
                       "Please pay {{amount_due}}."};
  email.template_id = "my_reminder";
  CHECK(&template_for_step(email, {mine}) != &template_for_step(email));
  CHECK(template_for_step(email, {mine}).subject == "Hi {{customer}}");
}

TEST_CASE("render_text fills placeholders; unknown placeholders and missing values are problems") {
  const TemplateValues values = {{"customer", "Acme Ltd"}, {"amount_due", "EUR 1,234.50"}, {"fee", ""}};
  struct Case {
    const char* text;
    const char* rendered;  // nullptr when it must fail
    const char* problem;
  };
  const Case cases[] = {
      {"Dear {{customer}}, please pay {{amount_due}}.", "Dear Acme Ltd, please pay EUR 1,234.50.", ""},
      {"{{ customer }}{{customer}}", "Acme LtdAcme Ltd", ""},
      {"Fee: [{{fee}}]", "Fee: []", ""},  // an empty string is a value
      {"No placeholders { } }} at all", "No placeholders { } }} at all", ""},
      {"Hello {{custmer}}", nullptr, "unknown placeholder {{custmer}}"},
      {"Due {{due_dates}} and {{due_dates}}", nullptr, "no value for {{due_dates}}"},
      {"Broken {{customer", nullptr, "never closes"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    Result<std::string> r = render_text(c.text, values, "template t.body");
    if (c.rendered) {
      REQUIRE_MESSAGE(r.ok(), describe(r.problems()));
      CHECK(*r == c.rendered);
    } else {
      REQUIRE_FALSE(r.ok());
      CHECK(r.problems().size() == 1);  // each problem once, even when repeated
      CHECK(r.problems()[0].where == "template t.body");
      CHECK(contains(r.problems()[0].message, c.problem));
    }
  }
  // A value is inserted verbatim, never expanded again.
  CHECK(*render_text("{{customer}}", {{"customer", "{{fee}}"}}, "x") == "{{fee}}");

  const Status unknown =
      check_template(MessageTemplate{"x", StepAction::Letter, "{{subject_line}}", "{{customer}} {{iban}}"});
  REQUIRE_FALSE(unknown.ok());
  CHECK(unknown.problems().size() == 2);
  CHECK(unknown.problems()[0].where == "template x.subject");
  CHECK(contains(unknown.problems()[1].message, "{{iban}}"));
}

TEST_CASE("percent-encoding per RFC 3986 and mailto links per RFC 6068") {
  struct Case {
    const char* text;
    const char* encoded;
  };
  const Case cases[] = {
      {"Invoice INV-1001", "Invoice%20INV-1001"},  // space is %20, never '+'
      {"A&B=C?D#E", "A%26B%3DC%3FD%23E"},          // delimiters of the query are encoded
      {"50% + 2/10", "50%25%20%2B%202%2F10"},     {"unreserved-._~AZaz09", "unreserved-._~AZaz09"},
      {"Café €", "Caf%C3%A9%20%E2%82%AC"},  // UTF-8 bytes: é = C3 A9, € = E2 82 AC
      {"line\r\nbreak", "line%0D%0Abreak"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    CHECK(percent_encode(c.text) == c.encoded);
  }
  // RFC 6068 §5: body line breaks as %0D%0A; '+' in the address is encoded, '@' kept.
  CHECK(mailto_link("ap+billing@acme.example", "Reminder: INV-1", "Line 1\nLine 2") ==
        "mailto:ap%2Bbilling@acme.example?subject=Reminder%3A%20INV-1&body=Line%201%0D%0ALine%202");
  CHECK(mailto_link("a@b.example", "S", "x\r\ny") == "mailto:a@b.example?subject=S&body=x%0D%0Ay");
}

TEST_CASE("amounts for letters: code first, thousands grouped, the currency's own decimals") {
  // Digits per ISO 4217 (assets/currencies.csv): EUR 2, JPY 0, BHD 3.
  struct Case {
    int64_t minor;
    const char* code;
    const char* text;
  };
  const Case cases[] = {
      {123450, "EUR", "EUR 1,234.50"}, {120000, "JPY", "JPY 120,000"},         {1250, "BHD", "BHD 1.250"},
      {-500, "USD", "USD -5.00"},      {123456789, "USD", "USD 1,234,567.89"}, {0, "EUR", "EUR 0.00"},
      {100000, "EUR", "EUR 1,000.00"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    CHECK(format_money_for_letter(money(c.minor, c.code)) == c.text);
  }
}

TEST_CASE("a worklist entry renders through the late-fee letter and the friendly-reminder email") {
  // Amount due 1,234.50 + 500.00 = 1,734.50; fee 40.00 and interest 15.21 -> total 1,789.71.
  const TemplateValues v = values_for_entry(acme_entry(), company(), 4000, 1521);
  CHECK(v.size() == known_placeholders().size());
  CHECK(v.at("invoice_numbers") == "INV-1001, INV-1007");
  CHECK(v.at("due_dates") == "2026-02-01, 2026-02-20");
  CHECK(v.at("days_overdue") == "30");
  CHECK(v.at("amount_due") == "EUR 1,734.50");
  CHECK(v.at("total_due") == "EUR 1,789.71");

  Result<RenderedMessage> letter = render_message(template_for_step(acme_entry().step), v, "");
  REQUIRE_MESSAGE(letter.ok(), describe(letter.problems()));
  CHECK(letter->mailto.empty());
  CHECK(contains(letter->body, "Dear Pat Billing,"));
  CHECK(contains(letter->body, "a late payment fee of EUR 40.00"));
  CHECK(contains(letter->body, "Total now due:       EUR 1,789.71"));
  CHECK(contains(letter->body, "1 High Street\nLondon EC1A 1AA"));
  CHECK_FALSE(contains(letter->body, "{{"));

  Result<RenderedMessage> email =
      render_message(*find_template(default_templates(), "friendly_reminder"), v, "pat@acme.example");
  REQUIRE(email.ok());
  CHECK(email->subject == "Payment reminder: 2 invoices");
  CHECK(email->mailto.rfind(
            "mailto:pat@acme.example?subject=Payment%20reminder%3A%202%20invoices&body=Dear%20Pat%"
            "20Billing%2C%0D%0A%0D%0A",
            0) == 0);
  // Several invoices are a table, not a sentence listing numbers and dates side by side.
  CHECK(contains(email->body, "for the 2 invoices listed below has not reached us yet."));
  CHECK(contains(email->body,
                 "  INV-1001   due 2026-02-01   30 days late   EUR 1,234.50\n"
                 "  INV-1007   due 2026-02-20   11 days late     EUR 500.00"));

  // One invoice: named in the sentence, with no table.
  WorklistEntry single = acme_entry();
  single.lines.resize(1);
  single.open_minor = 123450;
  const TemplateValues one = values_for_entry(single, company());
  CHECK(one.at("invoices") == "invoice INV-1001");
  CHECK(one.at("invoices_due") == "invoice INV-1001, due on 2026-02-01,");
  CHECK(one.at("invoice_table").empty());
  Result<RenderedMessage> one_email =
      render_message(*find_template(default_templates(), "friendly_reminder"), one, "");
  REQUIRE(one_email.ok());
  CHECK(
      contains(one_email->body,
               "Payment of EUR 1,234.50 for invoice INV-1001, due on 2026-02-01, has not reached us yet.\n\n"
               "A duplicate of each invoice is attached"));

  // No contact name: a polite generic salutation rather than a gap.
  WorklistEntry nameless = acme_entry();
  nameless.contact = Contact{};
  CHECK(values_for_entry(nameless, company()).at("contact") == "Accounts Payable team");

  // A template that needs a value the caller did not give fails and names it.
  TemplateValues partial = v;
  partial.erase("fee");
  Result<RenderedMessage> missing = render_message(template_for_step(acme_entry().step), partial, "");
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.problems()[0].where == "template late_fee_letter.body");
  CHECK(contains(missing.problems()[0].message, "no value for {{fee}}"));
}

TEST_CASE("an empty field leaves no gap: its line goes, and blank lines never pile up") {
  CHECK(*render_text("A\n{{company_phone}}\nB", {{"company_phone", ""}}, "t") == "A\nB");
  CHECK(*render_text("A\n  {{company_phone}} {{company_email}}\nB",
                     {{"company_phone", ""}, {"company_email", ""}}, "t") == "A\nB");
  // A line with words of its own stays, even when its placeholder is empty.
  CHECK(*render_text("A\nPhone: {{company_phone}}\nB", {{"company_phone", ""}}, "t") == "A\nPhone: \nB");
  CHECK(*render_text("A\n\n{{company_phone}}\n\nB", {{"company_phone", ""}}, "t") == "A\n\nB");
  CHECK(*render_text("A\n{{company_phone}}\nB", {{"company_phone", "+44 1"}}, "t") == "A\n+44 1\nB");
  // Every built-in message for a business that gave only its name: no run of blank lines anywhere.
  CompanyDetails bare;
  bare.name = "Bare Ltd";
  for (const MessageTemplate& t : default_templates()) {
    CAPTURE(t.id);
    for (const WorklistEntry& e : {acme_entry(), [] {
                                     WorklistEntry one = acme_entry();
                                     one.lines.resize(1);
                                     return one;
                                   }()}) {
      Result<RenderedMessage> m = render_message(t, values_for_entry(e, bare, 100, 200), "");
      REQUIRE(m.ok());
      CHECK_FALSE(contains(m->body, "\n\n\n"));
      CHECK_FALSE(contains(m->body, ",."));
      // "Listed below" lists them.
      if (contains(m->body, "listed below")) CHECK(contains(m->body, "INV-1007   due 2026-02-20"));
      if (t.action != StepAction::PhoneCall)
        CHECK(contains(m->body, "Bare Ltd"));  // scripts are read, not signed
    }
  }
}

// The business's own wording of a built-in message template (SaveTemplate): checked like any template, used
// by the worklist's messages, undone and reset back to the built-in wording, and rebuilt from the event log
// alike.
#include <doctest/doctest.h>

#include "collections/collections_worklist.h"
#include "collections/custom_templates.h"
#include "collections/templates_default.h"
#include "receivables_checks.h"
#include "test_support.h"

using namespace duebook;

namespace {

// The subject of the one worklist message of `date`.
std::string subject_on(TestLedger& t, const std::string& date) {
  LedgerWorklist w = load_worklist(t->db(), day(date));
  REQUIRE(w.items.size() == 1);
  return w.items[0].subject;
}

}  // namespace

TEST_CASE("a reworded template is checked, used by the worklist, undone, reset and rebuilt alike") {
  TestLedger t;
  CustomerFields f = customer_fields("Acme Ltd", "EUR");
  f.contacts = {{"billing", "Pat Billing", "pat@acme.example", ""}};
  const int64_t acme = must(*t.ledger, AddCustomer{f});
  InvoiceFields inv = invoice_for(acme, "2026-02-03", 100000);
  inv.due_date = day("2026-03-05");
  must(*t.ledger, AddInvoice{inv, true});
  // The default policy's +1 step (03-06) is the friendly reminder email (collections_policy.h).
  const std::string builtin = subject_on(t, "2026-03-06");
  CHECK(custom_templates(t->db()).empty());

  SUBCASE("an unknown placeholder, an unknown id or an empty body is refused and nothing is written") {
    const int64_t before = t->revision();
    Result<ActionOutcome> unknown =
        t->execute(SaveTemplate{"friendly_reminder", "Overdue {{invoice_numbrs}}", "Pay {{amount_due}}."});
    REQUIRE_FALSE(unknown);
    REQUIRE(unknown.problems().size() == 1);
    CHECK(unknown.problems()[0].where == "subject");
    CHECK(unknown.problems()[0].message.find("{{invoice_numbrs}}") != std::string::npos);
    Result<ActionOutcome> no_id = t->execute(SaveTemplate{"no_such_template", "S", "B"});
    REQUIRE_FALSE(no_id);
    CHECK(no_id.problems()[0].where == "id");
    Result<ActionOutcome> empty = t->execute(SaveTemplate{"friendly_reminder", "S", "  "});
    REQUIRE_FALSE(empty);
    CHECK(empty.problems()[0].where == "body");
    Result<ActionOutcome> no_reset = t->execute(SaveTemplate{"friendly_reminder", "", "", true});
    CHECK_FALSE(no_reset);
    CHECK(t->revision() == before);
    CHECK(subject_on(t, "2026-03-06") == builtin);
  }

  SUBCASE("saved, the worklist says it; undo, redo, reset and rebuild follow") {
    must(*t.ledger, SaveTemplate{"friendly_reminder", "Still open: {{invoice_numbers}}",
                                 "Dear {{contact}}, {{amount_due}}."});
    const std::vector<MessageTemplate> custom = custom_templates(t->db());
    REQUIRE(custom.size() == 1);
    CHECK(custom[0].id == "friendly_reminder");
    CHECK(custom[0].action == find_template(default_templates(), "friendly_reminder")->action);
    const std::string number = load_worklist(t->db(), day("2026-03-06")).items[0].entry.lines[0].invoice;
    CHECK(subject_on(t, "2026-03-06") == "Still open: " + number);
    CHECK(load_worklist(t->db(), day("2026-03-06")).items[0].body == "Dear Pat Billing, EUR 1,000.00.");
    CHECK(template_in_use(custom, "friendly_reminder")->subject == "Still open: {{invoice_numbers}}");
    CHECK(template_in_use(custom, "phone_script") == find_template(default_templates(), "phone_script"));
    CHECK(template_in_use(custom, "nope") == nullptr);
    // Saving the same wording again changes nothing.
    CHECK_FALSE(t->execute(SaveTemplate{"friendly_reminder", "Still open: {{invoice_numbers}}",
                                        "Dear {{contact}}, {{amount_due}}."}));

    const std::string projected = dump_projections(t->db());
    REQUIRE(t->rebuild());
    CHECK(dump_projections(t->db()) == projected);

    REQUIRE(t->undo());
    CHECK(subject_on(t, "2026-03-06") == builtin);
    REQUIRE(t->redo());
    CHECK(subject_on(t, "2026-03-06") == "Still open: " + number);
    must(*t.ledger, SaveTemplate{"friendly_reminder", "", "", true});
    CHECK(custom_templates(t->db()).empty());
    CHECK(subject_on(t, "2026-03-06") == builtin);
  }
}

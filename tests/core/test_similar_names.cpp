// Near-duplicate customer names: found and reported as a warning when a customer is added or imported,
// never refused (two companies may be called "Acme Ltd" and "Acme Inc").
#include <doctest/doctest.h>

#include "customers/customer_queries.h"
#include "files/imports.h"
#include "invoicing/invoice_queries.h"
#include "receivables_checks.h"
#include "test_support.h"

using namespace duebook;

TEST_CASE("similarity_key sets aside case, punctuation, blanks and a trailing legal form") {
  struct Case {
    const char* name;
    const char* key;
  };
  const Case cases[] = {
      {"Acme Ltd", "acme"},
      {"ACME Ltd.", "acme"},
      {"Acme Limited", "acme"},
      {"acme", "acme"},
      {"Acme\u00a0Ltd", "acme"},  // a no-break space is a blank
      {"Acme Co. Ltd", "acme"},   // forms one after another
      {"Müller GmbH", "müller"},  // letters beyond ASCII are kept
      {"Dupont S.A.", "dupont"},  // "S.A." read as one form
      {"Smith & Jones LLP", "smith jones"},
      {"Ltd", "ltd"},                                // a name that is only a form stays
      {"Limited Editions Ltd", "limited editions"},  // a form is dropped only at the end
      {"O'Brien Plumbing", "o brien plumbing"},
  };
  for (const Case& c : cases) CHECK_MESSAGE(similarity_key(c.name) == c.key, c.name);
}

TEST_CASE("one_typo_apart: one letter added, dropped, changed or two swapped, in keys of 6 or more") {
  CHECK(one_typo_apart("northwind", "nortwind"));    // dropped
  CHECK(one_typo_apart("northwind", "northwinds"));  // added
  CHECK(one_typo_apart("northwind", "northwand"));   // changed
  CHECK(one_typo_apart("northwind", "nrothwind"));   // swapped
  CHECK_FALSE(one_typo_apart("northwind", "northwind"));
  CHECK_FALSE(one_typo_apart("northwind", "southwind"));  // two changed
  CHECK_FALSE(one_typo_apart("acme", "acne"));            // too short to tell a typo from another name
  CHECK_FALSE(one_typo_apart("northwind", "northwindss"));
}

TEST_CASE("similar_customers names the look-alikes, nearest first, never the customer itself") {
  TestLedger t;
  int64_t acme = must(*t.ledger, AddCustomer{customer_fields("Acme Ltd")});
  int64_t north = must(*t.ledger, AddCustomer{customer_fields("Northwind Traders")});
  must(*t.ledger, AddCustomer{customer_fields("Globex")});

  std::vector<Customer> like = similar_customers(t->db(), "ACME Limited");
  REQUIRE(like.size() == 1);
  CHECK(like[0].id == acme);
  like = similar_customers(t->db(), "Northwnd Traders");  // a typo
  REQUIRE(like.size() == 1);
  CHECK(like[0].id == north);
  CHECK(similar_customers(t->db(), "Acme Ltd").empty());  // the same name: a duplicate, refused elsewhere
  CHECK(similar_customers(t->db(), "Acme Ltd.", acme).empty());  // itself, when editing it
  CHECK(similar_customers(t->db(), "Initech").empty());
}

TEST_CASE("an import notes the new customers whose names look like existing ones, and still imports") {
  TestLedger t;
  must(*t.ledger, AddCustomer{customer_fields("Acme Ltd")});
  const std::string text =
      "InvoiceNo,Customer,InvoiceDate,ItemDescription,ItemAmount\n"
      "3001,ACME Limited,2026-01-10,Work,100.00\n"
      "3002,Initech,2026-01-10,Work,100.00\n"
      "3003,Initech Inc.,2026-01-10,Work,100.00\n"
      "3004,Acme Ltd,2026-01-10,Work,100.00\n";
  Result<ActionOutcome> r = t->execute(ImportInvoices{"look.csv", text, "", "USD"});
  REQUIRE_MESSAGE(r.ok(), describe(r.problems()));
  REQUIRE(r->notes.size() == 2);
  CHECK(r->notes[0] ==
        "new customer \"ACME Limited\" looks like \"Acme Ltd\"; check they are not one customer");
  CHECK(r->notes[1] ==
        "new customer \"Initech Inc.\" looks like \"Initech\"; check they are not one customer");
  CHECK(find_import(t->db(), r->created_id)->customers == 3);  // warned, not refused
}

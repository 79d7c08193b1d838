// Events from files are held to the shape their projectors read (issue 12): a crafted ledger file whose
// hashes are right but whose payload is not is refused with the event and the field, never applied.
#include <doctest/doctest.h>

#include <set>

#include "collections/collections.h"
#include "customers/customer_commands.h"
#include "files/import_batches.h"
#include "files/imports.h"
#include "files/ledger_file.h"
#include "invoicing/invoice_commands.h"
#include "invoicing/payment_commands.h"
#include "invoicing/schedules.h"
#include "ledger/event_shapes.h"
#include "ledger/event_shapes_table.h"
#include "ledger/ledger_file_export.h"
#include "ledger/ledger_file_open.h"
#include "receivables_checks.h"
#include "test_support.h"

using namespace duebook;

namespace {

std::string problem_of(std::string_view type, const std::string& payload) {
  Status s = check_event_shape(type, Json::parse(payload));
  return s ? "" : describe(s.problems());
}

// `file` with event `index`'s payload replaced and every hash from there on made right again, as a careful
// forger would.
std::string forged(LedgerFile file, size_t index, const std::string& payload) {
  file.events[index].payload = payload;
  for (size_t i = index; i < file.events.size(); ++i) {
    if (i > 0) file.events[i].prev_hash = file.events[i - 1].hash;
    file.events[i].hash = event_hash(file.events[i]);
  }
  return write_ledger_file(file);
}

}  // namespace

TEST_CASE("every event type a projector handles has a declared shape, and every shape a projector") {
  std::set<std::string> projected;
  for (const auto* list :
       {&customer_projectors(), &invoice_projectors(), &payment_projectors(), &schedule_projectors(),
        &import_projectors(), &invoice_batch_projectors(), &collection_projectors()})
    for (const Projector& p : *list) projected.insert(std::string(p.type));
  const Json table = Json::parse(event_shapes_text());
  std::set<std::string> declared;
  for (const auto& [key, shape] : table.items())
    if (key[0] != '$') declared.insert(key);
  CHECK(projected == declared);
  for (const std::string& type : projected) CHECK_MESSAGE(problem_of(type, "{}") != "", type);
}

TEST_CASE("a payload's shape: types, missing fields, nulls, tuples and nesting are named by their path") {
  CHECK(problem_of("customer.retracted", R"({"id": 4})") == "");
  CHECK(problem_of("customer.retracted", R"({"id": 4, "newer_field": [1]})") == "");
  CHECK(problem_of("customer.retracted", R"({"id": "4"})") == "id: expected int, found a string");
  CHECK(problem_of("customer.retracted", R"({"id": 4.5})") == "id: expected int, found a fractional number");
  CHECK(problem_of("customer.retracted", R"([4])") == "payload: expected an object, found an array");
  CHECK(problem_of("invoice.voided", R"({"id": 1, "date": "2026-01-01"})") == "reason: is missing");
  CHECK(problem_of("no.such_type", "{}") == "no declared shape for event type no.such_type");
  // Nested objects and arrays, through a shared shape.
  const std::string added = R"({"id": 1, "fields": {"address": "", "contacts": [{"email": "", "name": "A",
      "phone": "", "role": "billing"}, {"email": "", "name": 7, "phone": "", "role": "billing"}],
      "credit_limit": null, "currency": "EUR", "name": "A", "notes": "", "status": "active", "tax_id": "",
      "terms": "net 30"}})";
  CHECK(problem_of("customer.added", added) == "fields.contacts[1].name: expected string, found an integer");
  // A null where the shape allows it, not elsewhere.
  CHECK(problem_of("collections.policy_assigned", R"({"customer": 1, "before": null, "after": 2})") == "");
  CHECK(problem_of("collections.policy_assigned", R"({"customer": null, "before": null, "after": 2})") ==
        "customer: expected int, found null");
  // Rows of a bulk import are tuples: their length and each cell's type.
  const std::string row =
      R"([1, "INV-1", 2, "EUR", "2026-01-01", "2026-01-31", false, "net 30", "", 100, 0, 100, [["x", "1", 100,
      0, "0", 100]]])";
  const std::string imported = R"({"import": 1, "columns": [], "line_columns": [], "invoices": [)";
  CHECK(problem_of("invoices.imported", imported + row + "]}") == "");
  CHECK(problem_of("invoices.imported", imported + "[1, \"INV-1\"]]}") ==
        "invoices[0]: has 2 items, expected 13 to 14");
  std::string bad_cell = row;
  bad_cell.replace(bad_cell.find("100, 0, 100"), 3, "\"a\"");
  CHECK(problem_of("invoices.imported", imported + bad_cell + "]}") ==
        "invoices[0][9]: expected int, found a string");
}

TEST_CASE("a ledger file with right hashes but a payload of the wrong shape is refused, nothing applied") {
  TestLedger source;
  const int64_t acme = must(*source.ledger, AddCustomer{customer_fields("Acme Ltd")});
  must(*source.ledger, AddInvoice{invoice_for(acme, "2026-01-10", 10000), true});
  Result<LedgerFile> exported = export_ledger_file(*source.ledger, {}, "test");
  REQUIRE(exported.ok());
  const LedgerFile& file = exported.value();
  size_t drafted = 0;
  while (file.events[drafted].type != "invoice.drafted") ++drafted;
  Json payload = Json::parse(file.events[drafted].payload);
  struct Case {
    const char* name;
    Json payload;
    const char* says;
  };
  Json wrong_type = payload, missing = payload, wrong_line = payload;
  wrong_type["invoice"]["total"] = "a lot";
  missing["invoice"].erase("currency");
  wrong_line["invoice"]["lines"][0]["net"] = Json::array();
  for (const Case& c : {Case{"wrong type", wrong_type, "invoice.total: expected int, found a string"},
                        Case{"missing", missing, "invoice.currency: is missing"},
                        Case{"line", wrong_line, "invoice.lines[0].net: expected int, found an array"}}) {
    CAPTURE(c.name);
    Result<LedgerFile> read = read_ledger_file("forged.duebook", forged(file, drafted, c.payload.dump()));
    REQUIRE_MESSAGE(read.ok(), describe(read.problems()));  // the hashes hold: only the shape check sees it
    TestLedger target;
    Result<LedgerFileOutcome> out =
        open_ledger_file(*target.ledger, read.value(), ConflictChoice::Ask, false);
    REQUIRE_FALSE(out.ok());
    const std::string said = describe(out.problems());
    CHECK_MESSAGE(said.find("event " + std::to_string(file.events[drafted].seq) + " (invoice.drafted)") !=
                      std::string::npos,
                  said);
    CHECK_MESSAGE(said.find(c.says) != std::string::npos, said);
    CHECK(target.ledger->verify().events == 0);
  }
}

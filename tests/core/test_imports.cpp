// CSV reading and the invoice / payment imports: all-or-nothing, every bad row named, never twice.
#include <doctest/doctest.h>

#include <chrono>
#include <fstream>
#include <sstream>

#include "base/csv.h"
#include "base/sha256.h"
#include "customers/customer_queries.h"
#include "files/import_support.h"
#include "invoicing/invoice_queries.h"
#include "receivables_checks.h"
#include "test_support.h"

using namespace duebook;

namespace {

std::vector<std::vector<std::string>> read_all(std::string_view text, std::string* error = nullptr,
                                               std::vector<int64_t>* lines = nullptr) {
  CsvReader csv(text);
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> fields;
  while (csv.next(fields)) {
    rows.push_back(fields);
    if (lines) lines->push_back(csv.line());
  }
  if (error) *error = csv.error();
  return rows;
}

const char* kHeader =
    "InvoiceNo,Customer,InvoiceDate,DueDate,Terms,Memo,ItemDescription,ItemQuantity,ItemRate,"
    "ItemAmount\n";

}  // namespace

// RFC 4180 section 2 (quoted fields with commas, line breaks and doubled quotes; CRLF) plus a UTF-8 BOM.
TEST_CASE("CSV reading follows RFC 4180") {
  struct Case {
    const char* why;
    std::string text;
    std::vector<std::vector<std::string>> rows;
  };
  const Case cases[] = {
      {"plain", "a,b\n1,2\n", {{"a", "b"}, {"1", "2"}}},
      {"CRLF and no final line end", "a,b\r\n1,2", {{"a", "b"}, {"1", "2"}}},
      {"quoted comma, quote and newline",
       "\"x,y\",\"say \"\"hi\"\"\",\"two\nlines\"\n",
       {{"x,y", "say \"hi\"", "two\nlines"}}},
      {"UTF-8 BOM skipped", "\xEF\xBB\xBFname\nCaf\xC3\xA9\n", {{"name"}, {"Caf\xC3\xA9"}}},
      {"empty fields and blank lines", "a,,c\n\n,\n", {{"a", "", "c"}, {"", ""}}},
      {"lone CR ends a record", "a\rb\n", {{"a"}, {"b"}}},
  };
  for (const Case& c : cases) {
    CAPTURE(c.why);
    CHECK(read_all(c.text) == c.rows);
  }
  std::vector<int64_t> lines;
  read_all("h\n\"multi\nline\"\nnext\n", nullptr, &lines);
  CHECK(lines == std::vector<int64_t>{1, 2, 4});  // a record's row is the line it starts on
  std::string error;
  read_all("a\n\"never closed\n", &error);
  CHECK(error.find("never closed") != std::string::npos);
  read_all("\"a\"b\n", &error);
  CHECK(error.find("after a closing quote") != std::string::npos);
}

TEST_CASE("a QuickBooks invoice export imports as issued invoices with their own numbers") {
  TestLedger t;
  must(*t.ledger, AddCustomer{customer_fields("Acme Ltd")});
  Result<ActionOutcome> r =
      t->execute(ImportInvoices{"invoices_good.csv", fixture("invoices_good.csv"), "", "USD"});
  REQUIRE_MESSAGE(r.ok(), describe(r.problems()));
  std::optional<ImportSummary> imp = find_import(t->db(), r->created_id);
  REQUIRE(imp);
  CHECK(imp->invoices == 5);
  CHECK(imp->customers == 2);  // "Beta, Inc." and "Café Müller" are new
  CHECK(imp->rows == 6);

  std::optional<int64_t> id = find_invoice_by_number(t->db(), "1001");
  REQUIRE(id);
  InvoiceDetail d = *find_invoice(t->db(), *id);
  CHECK(d.external_number);
  CHECK(d.summary.status == InvoiceStatus::Open);
  CHECK(d.summary.customer_name == "Acme Ltd");
  CHECK(d.lines.size() == 2);  // two rows with InvoiceNo 1001
  CHECK(d.amounts.total == 2 * 15000 + 4250);
  CHECK(d.summary.due_date == "2026-02-14");  // DueDate column
  CHECK(d.memo == "January, \"rush\" order");
  std::optional<int64_t> beta = find_invoice_by_number(t->db(), "1002");
  CHECK(find_invoice(t->db(), *beta)->summary.customer_name == "Beta, Inc.");
  CHECK(find_invoice(t->db(), *beta)->lines[0].line.description == "Two-line\ndescription");
  // No DueDate: Terms "Net 15" from 01/20/2026 (US date) gives 2026-02-04.
  std::optional<int64_t> us = find_invoice_by_number(t->db(), "1003");
  CHECK(find_invoice(t->db(), *us)->summary.issue_date == "2026-01-20");
  CHECK(find_invoice(t->db(), *us)->summary.due_date == "2026-02-04");
  std::optional<Customer> cafe = find_customer_by_name(t->db(), "Café Müller");
  REQUIRE(cafe);
  CHECK(cafe->fields.currency == "EUR");
  CHECK(receivables_violations(t->db()) == "");

  // The same bytes again: refused, nothing written.
  size_t events = read_events(t->db()).size();
  Result<ActionOutcome> again =
      t->execute(ImportInvoices{"copy.csv", fixture("invoices_good.csv"), "", "USD"});
  REQUIRE_FALSE(again.ok());
  CHECK(describe(again.problems()).find("already imported on 2026-01-01") != std::string::npos);
  CHECK(read_events(t->db()).size() == events);

  // Undo voids every imported invoice and retracts the created customers; then the file may come again.
  REQUIRE(t->undo().ok());
  CHECK(find_invoice(t->db(), *id)->summary.status == InvoiceStatus::Void);
  CHECK_FALSE(find_customer_by_name(t->db(), "Café Müller"));
  CHECK(customer_balance(t->db(), 1)->ar_balance == 0);
  REQUIRE(t->redo().ok());
  CHECK(find_invoice(t->db(), *id)->summary.status == InvoiceStatus::Open);
  CHECK(find_customer_by_name(t->db(), "Café Müller"));
  CHECK(receivables_violations(t->db()) == "");
}

TEST_CASE("one bad row rejects the whole file, and every bad row is reported as file:row:field") {
  TestLedger t;
  must(*t.ledger, AddCustomer{customer_fields("Acme Ltd")});
  must(*t.ledger, AddInvoice{invoice_for(1, "2026-01-01", 100), true});  // INV-2026-0001 exists
  std::string text = fixture("invoices_bad.csv");
  Result<ActionOutcome> r = t->execute(ImportInvoices{"invoices_bad.csv", text, "", "USD"});
  REQUIRE_FALSE(r.ok());
  std::string report = describe(r.problems());
  INFO(report);
  for (const char* where :
       {"invoices_bad.csv:3:ItemAmount", "invoices_bad.csv:4:InvoiceDate", "invoices_bad.csv:5:ItemQuantity",
        "invoices_bad.csv:6:Customer", "invoices_bad.csv:7:Terms", "invoices_bad.csv:8:InvoiceNo",
        "invoices_bad.csv:9:Currency", "invoices_bad.csv:10:ItemRate", "invoices_bad.csv:11:DueDate"})
    CHECK(report.find(std::string(where) + ":") != std::string::npos);
  CHECK(report.find("invoices_bad.csv:2:") == std::string::npos);  // the good row is not blamed
  CHECK(read_events(t->db()).size() == 3);  // nothing written, not even the good invoice or a new customer
  CHECK(count_customers(t->db(), "") == 1);
}

// Problems found when an invoice is complete (its number taken, say) belong to that invoice's row, not to the
// row that follows it: each of these invoices must be reported.
TEST_CASE("consecutive invoices whose problems show only when each is complete are all reported") {
  TestLedger t;
  must(*t.ledger, AddCustomer{customer_fields("Acme Ltd")});
  must(*t.ledger, AddInvoice{invoice_for(1, "2026-01-01", 100), true});  // INV-2026-0001
  must(*t.ledger, AddInvoice{invoice_for(1, "2026-01-01", 100), true});  // INV-2026-0002
  std::string text =
      std::string(kHeader) + "INV-2026-0001,Acme Ltd,2026-01-01,,,,Fee,1,5.00,5.00\n" +
      "inv-2026-0002,Acme Ltd,2026-01-01,,,,Fee,1,5.00,5.00\n" +
      "X-3,Acme Ltd,2026-01-01,,,,Fee,1,5.00,5.00\n" + "X-3,Acme Ltd,2026-01-01,,,,Fee,1,5.00,5.00\n" +
      "X-4,Acme Ltd,2026-01-01,,,,Fee,1,5.00,5.00\n" + "X-3,Acme Ltd,2026-01-01,,,,Fee,1,5.00,5.00\n";
  Result<ActionOutcome> r = t->execute(ImportInvoices{"clash.csv", text, "", "USD"});
  REQUIRE_FALSE(r.ok());
  std::string report = describe(r.problems());
  INFO(report);
  CHECK(report.find("clash.csv:2:InvoiceNo: invoice INV-2026-0001 already exists") != std::string::npos);
  CHECK(report.find("clash.csv:3:InvoiceNo: invoice inv-2026-0002 already exists") != std::string::npos);
  CHECK(report.find("clash.csv:7:InvoiceNo: invoice X-3 appears earlier in this file") != std::string::npos);
  CHECK(r.problems().size() == 3);
}

TEST_CASE("import problems for the header and the file as a whole") {
  TestLedger t;
  Result<ActionOutcome> missing = t->execute(ImportInvoices{"f.csv", "InvoiceNo,Customer\n1,A\n", "", "USD"});
  REQUIRE_FALSE(missing.ok());
  CHECK(describe(missing.problems()).find("f.csv:1:InvoiceDate") != std::string::npos);
  CHECK(describe(missing.problems()).find("f.csv:1:ItemAmount") != std::string::npos);
  CHECK_FALSE(t->execute(ImportInvoices{"f.csv", "", "", "USD"}).ok());
  CHECK_FALSE(t->execute(ImportInvoices{"f.csv", kHeader, "", "USD"}).ok());  // no rows
  Result<ActionOutcome> unclosed = t->execute(
      ImportInvoices{"f.csv", std::string(kHeader) + "1,A,2026-01-01,,,\"oops,x,1,1,1\n", "", "USD"});
  REQUIRE_FALSE(unclosed.ok());
  CHECK(describe(unclosed.problems()).find("never closed") != std::string::npos);
  // Headers are case-insensitive and may carry QuickBooks' '*'.
  std::string starred =
      "*invoiceno,*CUSTOMER,*InvoiceDate,*ItemAmount, itemdescription \n7,Zed,2026-01-01,5.00,Fee\n";
  CHECK(t->execute(ImportInvoices{"s.csv", starred, "", "USD"}).ok());
  // --date-format DD/MM/YYYY reads 02/01/2026 as 2 January.
  std::string uk = "InvoiceNo,Customer,InvoiceDate,ItemAmount,Item\n8,Zed,02/01/2026,5.00,Fee\n";
  REQUIRE(t->execute(ImportInvoices{"uk.csv", uk, "DD/MM/YYYY", "USD"}).ok());
  CHECK(find_invoice(t->db(), *find_invoice_by_number(t->db(), "8"))->summary.issue_date == "2026-01-02");
}

TEST_CASE("payment import applies each payment by its reference or oldest first") {
  TestLedger t;
  must(*t.ledger, AddCustomer{customer_fields("Acme Ltd")});
  REQUIRE(t->execute(ImportInvoices{"invoices_good.csv", fixture("invoices_good.csv"), "", "USD"}).ok());
  Result<ActionOutcome> r = t->execute(ImportPayments{"payments_good.csv", fixture("payments_good.csv"), ""});
  REQUIRE_MESSAGE(r.ok(), describe(r.problems()));
  CHECK(find_import(t->db(), r->created_id)->payments == 3);
  // 1004 (Acme, referenced) paid in full; the unreferenced 100.00 of Acme goes oldest due first: 80.00 to
  // 1003 (due 2026-02-04), the other 20.00 to 1001 (due 2026-02-14).
  CHECK(find_invoice(t->db(), *find_invoice_by_number(t->db(), "1004"))->summary.status ==
        InvoiceStatus::Paid);
  CHECK(find_invoice(t->db(), *find_invoice_by_number(t->db(), "1003"))->summary.status ==
        InvoiceStatus::Paid);
  CHECK(find_invoice(t->db(), *find_invoice_by_number(t->db(), "1001"))->summary.open == 34250 - 2000);
  // Beta overpaid by 10.00: unapplied credit.
  std::optional<Customer> beta = find_customer_by_name(t->db(), "Beta, Inc.");
  CHECK(customer_balance(t->db(), beta->id)->unapplied_credit == 1000);
  CHECK(receivables_violations(t->db()) == "");

  Result<ActionOutcome> bad = t->execute(ImportPayments{"payments_bad.csv", fixture("payments_bad.csv"), ""});
  REQUIRE_FALSE(bad.ok());
  std::string report = describe(bad.problems());
  INFO(report);
  for (const char* where :
       {"payments_bad.csv:2:Customer", "payments_bad.csv:3:Amount", "payments_bad.csv:4:Date",
        "payments_bad.csv:5:Currency", "payments_bad.csv:6:Amount"})
    CHECK(report.find(std::string(where) + ":") != std::string::npos);
}

// The importer applies its rows directly while rebuild and undo read the same payload through the projector:
// both must leave identical projections.
TEST_CASE("rebuild after imports, undo and redo reproduces the projections the import wrote") {
  TestLedger t;
  must(*t.ledger, AddCustomer{customer_fields("Acme Ltd")});
  REQUIRE(t->execute(ImportInvoices{"invoices_good.csv", fixture("invoices_good.csv"), "", "USD"}).ok());
  REQUIRE(t->execute(ImportPayments{"payments_good.csv", fixture("payments_good.csv"), ""}).ok());
  std::string imported = dump_projections(t->db());
  REQUIRE(t->rebuild().ok());
  CHECK(dump_projections(t->db()) == imported);
  REQUIRE(t->undo().ok());
  REQUIRE(t->undo().ok());
  CHECK(receivables_violations(t->db()) == "");
  REQUIRE(t->redo().ok());
  REQUIRE(t->redo().ok());
  std::string redone = dump_projections(t->db());
  CHECK(redone.substr(redone.find("[customers]")) == imported.substr(imported.find("[customers]")));
  REQUIRE(t->rebuild().ok());
  CHECK(dump_projections(t->db()) == redone);
  CHECK(receivables_violations(t->db()) == "");
}

TEST_CASE("text that is not UTF-8 is a row problem, not a broken log") {
  TestLedger t;
  std::string text = std::string(kHeader) + "1,Caf\xE9 Latin-1,2026-01-01,,,,Fee,1,5.00,5.00\n";
  Result<ActionOutcome> r = t->execute(ImportInvoices{"latin1.csv", text, "", "USD"});
  REQUIRE_FALSE(r.ok());
  CHECK(describe(r.problems()).find("latin1.csv:2:Customer: is not UTF-8") != std::string::npos);
}

// FIPS 180-2 appendix B test vectors (and the empty message), for the hash the event chain and imports use.
namespace {

std::string digest(Sha256::Engine engine, std::string_view bytes) {
  Sha256 sha(engine);
  sha.update(bytes);
  return sha.finish_hex();
}

}  // namespace

TEST_CASE("SHA-256 matches the FIPS 180-2 test vectors, with the CPU's SHA instructions and without") {
  const std::string instructions = Sha256::hardware() ? "used" : "absent";
  MESSAGE("this CPU's SHA instructions are " << instructions);
  for (Sha256::Engine engine : {Sha256::Engine::Best, Sha256::Engine::Portable}) {
    CAPTURE(engine == Sha256::Engine::Best ? "best" : "portable");
    CHECK(digest(engine, "") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    CHECK(digest(engine, "abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    CHECK(digest(engine, "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
          "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    // One million 'a' fed in uneven pieces (1..127 bytes), crossing block boundaries every way.
    Sha256 million(engine);
    std::string chunk(127, 'a');
    size_t fed = 0;
    for (size_t i = 0; fed < 1000000; ++i) {
      size_t n = std::min<size_t>(1 + i % 127, 1000000 - fed);
      million.update(std::string_view(chunk).substr(0, n));
      fed += n;
    }
    CHECK(million.finish_hex() == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
  }
  CHECK(sha256_hex("abc") == digest(Sha256::Engine::Best, "abc"));
  // Arbitrary bytes of every length up to 17 blocks: both engines agree.
  std::string bytes;
  uint32_t x = 2463534242u;
  for (int i = 0; i < 1100; ++i) {
    x ^= x << 13, x ^= x >> 17, x ^= x << 5;  // xorshift32
    bytes += char(x & 0xFF);
  }
  for (size_t n = 0; n <= bytes.size(); ++n) {
    const std::string_view piece = std::string_view(bytes).substr(0, n);
    REQUIRE_MESSAGE(digest(Sha256::Engine::Best, piece) == digest(Sha256::Engine::Portable, piece), n);
  }
}

// A smaller version of the million-invoice benchmark, to catch per-row work that grows with the ledger.
TEST_CASE("a bulk invoice import is one transaction and scales linearly") {
  const int kInvoices = 20000;
  std::string text = kHeader;
  for (int i = 1; i <= kInvoices; ++i) {
    std::string n = std::to_string(i);
    std::string d = std::to_string(10 + i % 19);
    text +=
        "B" + n + ",Customer " + std::to_string(i % 500) + ",2026-01-" + d + ",,Net 30,,Item,2,12.50,25.00\n";
  }
  TestLedger t;
  auto start = std::chrono::steady_clock::now();
  Result<ActionOutcome> r = t->execute(ImportInvoices{"bulk.csv", text, "", "USD"});
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  REQUIRE_MESSAGE(r.ok(), describe(r.problems()));
  MESSAGE("imported " << kInvoices << " invoices in " << seconds << " s");
  CHECK(find_import(t->db(), r->created_id)->invoices == kInvoices);
  CHECK(count_customers(t->db(), "") == 500);
  CHECK(customer_balance(t->db(), 1)->ar_balance == 40 * 2500);
  CHECK(receivables_violations(t->db()) == "");
}

TEST_CASE("a bulk import builds the invoice indexes again, exactly; a failed one leaves them as they were") {
  // 12,000 rows into an empty ledger: the secondary indexes are dropped while the rows go in (imports.cpp,
  // DeferredIndexes) and must be back, with the migration's definition, whether the import lands or not.
  auto index_sql = [](TestLedger& t) {
    Statement& st = t->db().prepare(
        "SELECT group_concat(name || ': ' || sql, '; ') FROM (SELECT name, sql FROM sqlite_master WHERE "
        "type = 'index' AND tbl_name IN ('invoices', 'payments', 'allocations') ORDER BY name)");
    std::string all = st.step() ? st.text(0) : "";
    st.reset();
    return all;
  };
  auto bulk = [](int invoices, bool bad_last) {
    std::string text = kHeader;
    for (int i = 1; i <= invoices; ++i) {
      const bool bad = bad_last && i == invoices;
      const int day = 1 + i % 28;
      text += "K" + std::to_string(i) + ",Client " + std::to_string(i % 300) + ",2026-02-" +
              (day < 10 ? "0" : "") + std::to_string(day) + ",,Net 30,,Work,1," + (bad ? "x" : "40.00") +
              ",40.00\n";
    }
    return text;
  };
  TestLedger t;
  const std::string before = index_sql(t);
  REQUIRE(before.find("invoices_by_customer") != std::string::npos);
  REQUIRE(before.find("invoices_unpaid_by_due") != std::string::npos);
  REQUIRE(before.find("payments_by_customer") != std::string::npos);
  REQUIRE(before.find("allocations_by_source") != std::string::npos);

  Result<ActionOutcome> failed = t->execute(ImportInvoices{"bad.csv", bulk(12000, true), "", "USD"});
  REQUIRE_FALSE(failed.ok());
  CHECK(describe(failed.problems()).find("bad.csv:12001:ItemRate") != std::string::npos);
  CHECK(index_sql(t) == before);
  CHECK(count_invoices(t->db(), {}) == 0);

  Result<ActionOutcome> r = t->execute(ImportInvoices{"good.csv", bulk(12000, false), "", "USD"});
  REQUIRE_MESSAGE(r.ok(), describe(r.problems()));
  CHECK(index_sql(t) == before);
  CHECK(count_invoices(t->db(), {"unpaid"}) == 12000);
  InvoiceQuery overdue;
  overdue.status = "unpaid";
  overdue.due_from = "2026-03-10";
  overdue.due_to = "2026-03-20";
  std::string plan;
  for (const std::string& step : invoice_page_plan(t->db(), overdue)) plan += step + "; ";
  CHECK_MESSAGE(plan.find("invoices_unpaid_by_due") != std::string::npos, plan);
  int64_t due_in_range = 0;  // Net 30: due 03-10..03-20 means issued 02-08..02-18
  for (int i = 1; i <= 12000; ++i) due_in_range += 1 + i % 28 >= 8 && 1 + i % 28 <= 18;
  CHECK(count_invoices(t->db(), overdue) == due_in_range);
  CHECK(receivables_violations(t->db()) == "");

  // 12,000 payments, each naming its invoice; the first file has a bad amount on its last row.
  auto payments = [](bool bad_last) {
    std::string text = "Date,Customer,Amount,Currency,Reference,Method\n";
    for (int i = 1; i <= 12000; ++i)
      text += "2026-04-01,Client " + std::to_string(i % 300) + "," +
              (bad_last && i == 12000 ? "-1" : "40.00") + ",USD,K" + std::to_string(i) + ",transfer\n";
    return text;
  };
  Result<ActionOutcome> refused = t->execute(ImportPayments{"bad-payments.csv", payments(true), ""});
  REQUIRE_FALSE(refused.ok());
  CHECK(describe(refused.problems()).find("bad-payments.csv:12001:Amount") != std::string::npos);
  CHECK(index_sql(t) == before);
  CHECK(count_invoices(t->db(), {"paid"}) == 0);
  Result<ActionOutcome> paid = t->execute(ImportPayments{"payments.csv", payments(false), ""});
  REQUIRE_MESSAGE(paid.ok(), describe(paid.problems()));
  CHECK(index_sql(t) == before);
  CHECK(count_invoices(t->db(), {"paid"}) == 12000);
  CHECK(receivables_violations(t->db()) == "");
  CHECK(t->verify().first_bad_seq == 0);
}

TEST_CASE("rows of one invoice that contradict its first row are refused, naming the row and field") {
  // An EUR line inside a USD invoice was booked as 40.00 USD; a later row's dates were dropped.
  struct Case {
    const char* second_row;
    const char* where;
  };
  const Case cases[] = {
      {"7,Acme Ltd,2026-01-15,,Net 30,,More,1,40.00,40.00,EUR\n", "x.csv:3:Currency"},
      {"7,Acme Ltd,2026-01-16,,Net 30,,More,1,40.00,40.00,\n", "x.csv:3:InvoiceDate"},
      {"7,Acme Ltd,2026-01-15,2026-03-01,Net 30,,More,1,40.00,40.00,\n", "x.csv:3:DueDate"},
      {"7,Acme Ltd,2026-01-15,,Net 60,,More,1,40.00,40.00,\n", "x.csv:3:Terms"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.where);
    TestLedger t;
    must(*t.ledger, AddCustomer{customer_fields("Acme Ltd")});
    std::string text = std::string(
                           "InvoiceNo,Customer,InvoiceDate,DueDate,Terms,Memo,ItemDescription,ItemQuantity,"
                           "ItemRate,ItemAmount,Currency\n"
                           "7,Acme Ltd,2026-01-15,,Net 30,,Work,1,10.00,10.00,USD\n") +
                       c.second_row;
    size_t events = read_events(t->db()).size();
    Result<ActionOutcome> r = t->execute(ImportInvoices{"x.csv", text, "", "USD"});
    REQUIRE_FALSE(r.ok());
    CHECK(r.problems()[0].where == c.where);
    CHECK(read_events(t->db()).size() == events);
  }
  // Empty cells on later rows repeat the first row's: that is how QuickBooks writes them too.
  TestLedger t;
  must(*t.ledger, AddCustomer{customer_fields("Acme Ltd")});
  Result<ActionOutcome> r =
      t->execute(ImportInvoices{"y.csv",
                                std::string(kHeader) + "7,Acme Ltd,2026-01-15,,Net 30,,Work,1,10.00,10.00\n"
                                                       "7,,,,,,More,1,5.00,5.00\n",
                                "", "USD"});
  REQUIRE_MESSAGE(r.ok(), describe(r.problems()));
  CHECK(find_invoice(t->db(), *find_invoice_by_number(t->db(), "7"))->amounts.total == 1500);
}

TEST_CASE("QuickBooks' tax columns: a taxed line is imported with its tax, or the file is refused") {
  // TaxRate per line; the tax is computed once per rate (EN 16931 BR-CO-17) and must match ItemTaxAmount.
  TestLedger t;
  must(*t.ledger, AddCustomer{customer_fields("Acme Ltd")});
  const std::string header = std::string(kHeader).substr(0, std::string(kHeader).size() - 1) +
                             ",Taxable,TaxRate,ItemTaxCode,ItemTaxAmount\n";
  Result<ActionOutcome> r =
      t->execute(ImportInvoices{"tax.csv",
                                header + "8,Acme Ltd,2026-01-15,,Net 30,,Taxed,2,50.00,"
                                         "100.00,Y,20%,TAX,20.00\n"
                                         "8,Acme Ltd,2026-01-15,,Net 30,,Untaxed,1,10.00,"
                                         "10.00,N,,NON,0.00\n",
                                "", "USD"});
  REQUIRE_MESSAGE(r.ok(), describe(r.problems()));
  InvoiceDetail d = *find_invoice(t->db(), *find_invoice_by_number(t->db(), "8"));
  CHECK(d.amounts.net == 11000);
  CHECK(d.amounts.tax == 2000);
  CHECK(d.amounts.total == 13000);
  // A tax code without a rate would book the line untaxed: refused, naming the column.
  Result<ActionOutcome> code = t->execute(ImportInvoices{
      "code.csv", header + "9,Acme Ltd,2026-01-15,,Net 30,,Taxed,1,50.00,50.00,,,TAX,\n", "", "USD"});
  REQUIRE_FALSE(code.ok());
  CHECK(code.problems()[0].where == "code.csv:2:ItemTaxCode");
  // Rows rounded one by one that do not add up to the tax per rate: refused with both amounts.
  Result<ActionOutcome> sum =
      t->execute(ImportInvoices{"sum.csv",
                                header + "10,Acme Ltd,2026-01-15,,Net 30,,A,1,0.05,0.05,Y,"
                                         "10,,0.01\n"
                                         "10,Acme Ltd,2026-01-15,,Net 30,,B,1,0.05,0.05,Y,"
                                         "10,,0.01\n",
                                "", "USD"});
  REQUIRE_FALSE(sum.ok());
  CHECK(sum.problems()[0].where == "sum.csv:2:ItemTaxAmount");
  CHECK(sum.problems()[0].message.find("add up to 0.02 but their TaxRate gives 0.01") != std::string::npos);
}

TEST_CASE("columns an import does not read are recorded and listed, never dropped without a word") {
  TestLedger t;
  must(*t.ledger, AddCustomer{customer_fields("Acme Ltd")});
  Result<ActionOutcome> r =
      t->execute(ImportInvoices{"extra.csv",
                                "InvoiceNo,Customer,InvoiceDate,ItemDescription,ItemAmount,SalesRep,Class\n"
                                "11,Acme Ltd,2026-01-15,Work,10.00,Jo,Retail\n",
                                "", "USD"});
  REQUIRE_MESSAGE(r.ok(), describe(r.problems()));
  CHECK(find_import(t->db(), r->created_id)->unread_columns == "SalesRep, Class");
  Result<ActionOutcome> none =
      t->execute(ImportInvoices{"plain.csv",
                                "InvoiceNo,Customer,InvoiceDate,ItemDescription,ItemAmount\n12,Acme Ltd,"
                                "2026-01-15,Work,10.00\n",
                                "", "USD"});
  REQUIRE(none.ok());
  CHECK(find_import(t->db(), none->created_id)->unread_columns == "");
  // The record survives a rebuild: it is in the event, not only in the projection.
  REQUIRE(t->rebuild().ok());
  CHECK(find_import(t->db(), r->created_id)->unread_columns == "SalesRep, Class");
}

TEST_CASE("thousands separators are read where the 1,234.56 format makes them unambiguous") {
  struct Case {
    const char* text;
    const char* out;
  };
  const Case cases[] = {{"1,000", "1000"},        {"-12,345.67", "-12345.67"},
                        {"1,234,567", "1234567"}, {"1,5", "1,5"},
                        {"12,34", "12,34"},       {"1234,567", "1234,567"},
                        {"1,000,00", "1,000,00"}, {"1,000.", "1000."},
                        {",100", ",100"},         {"100", "100"}};
  for (const Case& c : cases) {
    CAPTURE(c.text);
    CHECK(ungrouped_number(c.text) == c.out);
  }
  TestLedger t;
  must(*t.ledger, AddCustomer{customer_fields("Acme Ltd")});
  Result<ActionOutcome> r = t->execute(ImportInvoices{
      "k.csv", std::string(kHeader) + "13,Acme Ltd,2026-01-15,,,,Bolts,\"1,000\",2.50,\"2,500.00\"\n", "",
      "USD"});
  REQUIRE_MESSAGE(r.ok(), describe(r.problems()));
  CHECK(find_invoice(t->db(), *find_invoice_by_number(t->db(), "13"))->amounts.total == 250000);
}

TEST_CASE("a UTF-16 file with a byte-order mark imports like its UTF-8 twin; without one it is named") {
  const std::string utf8 =
      "InvoiceNo,Customer,InvoiceDate,ItemDescription,ItemAmount\n14,Café Müller,2026-01-15,"
      "Work €,10.00\n";
  auto utf16 = [&](bool little) {
    std::string out = little ? "\xFF\xFE" : "\xFE\xFF";
    // The text is Latin-1 plus '€' (U+20AC): decode UTF-8 by hand, write one 16-bit unit per code point.
    for (size_t i = 0; i < utf8.size();) {
      unsigned char c = static_cast<unsigned char>(utf8[i]);
      uint32_t cp = c;
      if (c >= 0xE0)
        cp = (c & 0x0F) << 12 | (utf8[i + 1] & 0x3F) << 6 | (utf8[i + 2] & 0x3F), i += 3;
      else if (c >= 0xC0)
        cp = (c & 0x1F) << 6 | (utf8[i + 1] & 0x3F), i += 2;
      else
        ++i;
      char hi = char(cp >> 8), lo = char(cp & 0xFF);
      out += little ? std::string{lo, hi} : std::string{hi, lo};
    }
    return out;
  };
  for (bool little : {true, false}) {
    CAPTURE(little);
    TestLedger t;
    Result<ActionOutcome> r = t->execute(ImportInvoices{"u16.csv", utf16(little), "", "EUR"});
    REQUIRE_MESSAGE(r.ok(), describe(r.problems()));
    InvoiceDetail d = *find_invoice(t->db(), *find_invoice_by_number(t->db(), "14"));
    CHECK(d.summary.customer_name == "Café Müller");
    CHECK(d.lines[0].line.description == "Work €");
  }
  TestLedger t;
  Result<ActionOutcome> bare = t->execute(ImportInvoices{"bare.csv", utf16(true).substr(2), "", "EUR"});
  REQUIRE_FALSE(bare.ok());
  CHECK(bare.problems()[0].where == "bare.csv");
  CHECK(bare.problems()[0].message.find("UTF-16") != std::string::npos);
}

TEST_CASE("a name that differs only by look-alike blanks is the same customer") {
  TestLedger t;
  must(*t.ledger, AddCustomer{customer_fields("Acme Ltd")});
  Result<ActionOutcome> twin = t->execute(AddCustomer{customer_fields("Acme\u00a0 Ltd")});
  REQUIRE_FALSE(twin.ok());
  CHECK(twin.problems()[0].where == "name");
  // An import naming the look-alike books to the existing customer instead of creating a second one.
  Result<ActionOutcome> r = t->execute(ImportInvoices{
      "nbsp.csv",
      "InvoiceNo,Customer,InvoiceDate,ItemDescription,ItemAmount\n15,Acme\u00a0Ltd,2026-01-15,Work,1.00\n",
      "", "USD"});
  REQUIRE_MESSAGE(r.ok(), describe(r.problems()));
  CHECK(find_import(t->db(), r->created_id)->customers == 0);
  CHECK(count_customers(t->db(), "") == 1);
  // Control characters never reach a name.
  Result<ActionOutcome> ctrl = t->execute(AddCustomer{customer_fields(std::string("Evil\x1b[2JCo"))});
  REQUIRE_FALSE(ctrl.ok());
  CHECK(ctrl.problems()[0].message.find("U+001B") != std::string::npos);
}

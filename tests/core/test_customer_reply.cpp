// The customer's reply file: the statement file the business sends (what it holds and what it never holds),
// the reply made from it, its checks, and the reply recorded in the ledger it answers — once, as one action,
// every entry marked as the customer's, a claim of payment never becoming a payment.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "collections/collections_queries.h"
#include "collections/customer_timeline.h"
#include "invoicing/invoice_queries.h"
#include "ledger/customer_reply.h"
#include "receivables_checks.h"
#include "test_support.h"

using namespace duebook;

namespace {

struct Books {
  TestLedger t;
  int64_t acme = 0, beta = 0;
  int64_t first = 0, second = 0, paid = 0;
  Books() {
    must(*t.ledger, SetCompanyDetails{{"Brightwell Studio Ltd", "1 Mill Lane\nLeeds", "+44 113 496 0000",
                                       "accounts@brightwell.example", "Amelia Hart", "", "", "", "", ""}});
    acme = must(*t.ledger, AddCustomer{customer_fields("Acme Ltd", "EUR")});
    beta = must(*t.ledger, AddCustomer{customer_fields("Beta GmbH", "EUR")});
    first = issue(acme, "2025-11-01", 120000);
    second = issue(acme, "2025-11-10", 45050);
    paid = issue(acme, "2025-11-12", 9900);
    must(*t.ledger, RecordPayment{acme, iso_date("2025-11-20"), 9900, "", "bank transfer",
                                  find_invoice(t->db(), paid)->summary.number});
    issue(beta, "2025-11-05", 77700);
    must(*t.ledger, LogContact{acme,
                               iso_date("2025-12-20"),
                               "phone",
                               "Pat",
                               "reached",
                               "internal: they are slow, consider the agency",
                               {}});
  }
  int64_t issue(int64_t customer, const char* date, int64_t amount) {
    return must(*t.ledger, AddInvoice{invoice_for(customer, date, amount), true});
  }
  std::string number(int64_t invoice) { return find_invoice(t->db(), invoice)->summary.number; }
  StatementFile statement() {
    Result<StatementFile> s = make_statement_file(t->db(), acme, iso_date("2026-01-05"));
    REQUIRE(s.ok());
    return s.value();
  }
};

ReplyItem promise(const std::string& invoice, const char* by, int64_t amount) {
  return {invoice, "promise", iso_date(by), amount, "", "", "end of the month"};
}

}  // namespace

TEST_CASE("statement file: the customer's open invoices and the business's details, nothing kept inside") {
  Books b;
  StatementFile s = b.statement();
  REQUIRE(s.invoices.size() == 2);  // the paid one is not open
  CHECK(s.invoices[0].number == b.number(b.first));
  CHECK(s.invoices[0].open == 120000);
  CHECK(s.invoices[1].open == 45050);
  CHECK(s.company.name == "Brightwell Studio Ltd");
  const std::string bytes = write_statement_file(s);
  CHECK(sniff_share_file(bytes) == ShareFileKind::Statement);
  // Neither another customer nor a note the business keeps for itself travels to the customer.
  CHECK(bytes.find("Beta GmbH") == std::string::npos);
  CHECK(bytes.find("consider the agency") == std::string::npos);

  Result<StatementFile> back = read_statement_file("acme.duebook", bytes);
  REQUIRE_MESSAGE(back.ok(), describe(back.problems()));
  CHECK(back->sha256 == s.sha256);
  CHECK(back->invoices.size() == 2);
  CHECK(back->invoices[1].number == b.number(b.second));
  CHECK(back->customer == "Acme Ltd");

  // Tampered: the amount changed after the hash was taken.
  std::string tampered = bytes;
  tampered.replace(tampered.find("120000"), 6, "100000");
  Result<StatementFile> bad = read_statement_file("acme.duebook", tampered);
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.problems()[0].where == "acme.duebook: sha256");
  // A newer major version is refused, whatever its content.
  nlohmann::json newer = nlohmann::json::parse(bytes);
  newer["major"] = 2;
  Result<StatementFile> future = read_statement_file("acme.duebook", newer.dump());
  REQUIRE_FALSE(future.ok());
  CHECK(future.problems()[0].where == "acme.duebook: major");
  CHECK_FALSE(read_statement_file("x.duebook", "not json").ok());
  CHECK(sniff_share_file("{\"format\":\"duebook-ledger\",\"major\":1}\n{}") == ShareFileKind::Ledger);
  CHECK(sniff_share_file("hello") == ShareFileKind::Unknown);
}

TEST_CASE("reply: checked against the statement, item by item") {
  Books b;
  StatementFile s = b.statement();
  write_statement_file(s);
  const Date on = iso_date("2026-01-07");
  const std::string one = b.number(b.first), two = b.number(b.second);
  struct Case {
    ReplyItem item;
    const char* where;  // the problem's place, "" when accepted
  } cases[] = {
      {promise(one, "2026-01-31", 120000), ""},
      {promise(one, "2026-01-31", 120001), "items[0].amount"},  // more than the 1,200.00 open
      {promise(one, "2026-01-31", 0), "items[0].amount"},
      {promise(one, "2026-01-06", 500), "items[0].date"},                  // before the reply
      {promise(b.number(b.paid), "2026-01-31", 500), "items[0].invoice"},  // not open
      {{two, "dispute", {}, 0, "quality", "", "scratched"}, ""},
      {{two, "dispute", {}, 0, "too dear", "", ""}, "items[0].reason"},
      {{two, "paid", iso_date("2026-01-02"), 45050, "", "BANK-REF-7", ""}, ""},
      {{two, "paid", iso_date("2026-01-09"), 0, "", "", ""}, "items[0].date"},  // after the reply
      {{two, "forgot", {}, 0, "", "", ""}, "items[0].kind"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.item.invoice);
    CAPTURE(c.item.kind);
    Result<ReplyFile> r = make_reply(s, on, "Jo Payables", {c.item});
    if (*c.where == 0) {
      CHECK_MESSAGE(r.ok(), describe(r.problems()));
    } else {
      REQUIRE_FALSE(r.ok());
      CHECK(r.problems()[0].where == c.where);
    }
  }
  Result<ReplyFile> twice =
      make_reply(s, on, "Jo", {promise(one, "2026-01-31", 100), promise(one, "2026-02-28", 100)});
  REQUIRE_FALSE(twice.ok());
  CHECK(twice.problems()[0].where == "items[1].invoice");
}

TEST_CASE("reply recorded: contacts from the customer, a promise and a dispute, a paid claim to check") {
  Books b;
  StatementFile s = b.statement();
  write_statement_file(s);
  const std::string one = b.number(b.first), two = b.number(b.second);
  Result<ReplyFile> made = make_reply(
      s, iso_date("2026-01-07"), "Jo Payables",
      {promise(one, "2026-01-31", 60000), {two, "paid", iso_date("2026-01-06"), 45050, "", "REF-9", ""}});
  REQUIRE(made.ok());
  const std::string bytes = write_reply_file(made.value());
  CHECK(sniff_share_file(bytes) == ShareFileKind::Reply);
  Result<ReplyFile> reply = read_reply_file("reply.duebook", bytes);
  REQUIRE_MESSAGE(reply.ok(), describe(reply.problems()));
  Result<RecordCustomerReply> command = reply_command(b.t->db(), reply.value());
  REQUIRE_MESSAGE(command.ok(), describe(command.problems()));
  REQUIRE(b.t->execute(command.value()).ok());

  std::vector<PromiseStatus> promises = list_promises(b.t->db(), iso_date("2026-01-07"), b.acme);
  REQUIRE(promises.size() == 1);
  CHECK(promises[0].amount == 60000);
  CHECK(iso(promises[0].pay_by) == "2026-01-31");
  // The paid claim changed no amount: invoice two is as open as before, and no payment was recorded.
  CHECK(find_invoice(b.t->db(), b.second)->summary.open == 45050);
  std::vector<TimelineEntry> timeline = customer_timeline(b.t->db(), b.acme, 50);
  int replies = 0;
  for (const TimelineEntry& e : timeline) replies += e.kind == "reply";
  CHECK(replies == 1);  // one action
  CHECK(timeline.front().what.find("Reply from Acme Ltd (Jo Payables)") == 0);
  CHECK(receivables_violations(b.t->db()).empty());

  // The same reply again adds nothing; undone, it can be recorded again.
  Result<ActionOutcome> again = b.t->execute(command.value());
  REQUIRE_FALSE(again.ok());
  CHECK(again.problems()[0].where == "reply_id");
  REQUIRE(b.t->undo().ok());
  CHECK(list_promises(b.t->db(), iso_date("2026-01-07"), b.acme).empty());
  CHECK(b.t->execute(command.value()).ok());
}

TEST_CASE("reply: a dispute pauses chasing; a reply to another ledger or customer is refused") {
  Books b;
  StatementFile s = b.statement();
  write_statement_file(s);
  const std::string two = b.number(b.second);
  Result<ReplyFile> made = make_reply(s, iso_date("2026-01-07"), "Jo",
                                      {{two, "dispute", {}, 0, "not_delivered", "", "never came"}});
  REQUIRE(made.ok());
  write_reply_file(made.value());
  REQUIRE(b.t->execute(reply_command(b.t->db(), made.value()).value()).ok());
  std::optional<DisputeRecord> dispute = open_dispute(b.t->db(), b.second);
  REQUIRE(dispute);
  CHECK(dispute->reason == "not_delivered");

  ReplyFile elsewhere = made.value();  // an answer to another ledger's statement
  elsewhere.ledger_id = "0190f1e2-another-ledger";
  Result<RecordCustomerReply> foreign = reply_command(b.t->db(), elsewhere);
  REQUIRE_FALSE(foreign.ok());
  CHECK(foreign.problems()[0].where == "ledger_id");
  ReplyFile renamed = made.value();
  renamed.customer = "Someone Else";
  Result<RecordCustomerReply> nobody = reply_command(b.t->db(), renamed);
  REQUIRE_FALSE(nobody.ok());
  CHECK(nobody.problems()[0].where == "customer");
}

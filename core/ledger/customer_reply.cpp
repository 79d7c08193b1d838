#include "ledger/customer_reply.h"

#include <algorithm>
#include <set>

#include "base/sha256.h"
#include "collections/collections.h"
#include "collections/collections_queries.h"
#include "customers/customer_queries.h"
#include "files/ledger_file.h"
#include "invoicing/invoice_queries.h"
#include "ledger/ledger_file_export.h"
#include "reports/statement.h"

namespace duebook {
namespace {

using Json = nlohmann::json;

// The SHA-256 of a file's content: its compact JSON without the "sha256" member (object keys sorted).
std::string content_hash(Json content) {
  content.erase("sha256");
  return sha256_hex(content.dump(-1, ' ', false, Json::error_handler_t::strict));
}

// Reads the fields of one file, recording "name: field: message" problems.
struct Reader {
  std::string name;
  Problems problems;

  void fail(const std::string& field, const std::string& message) {
    problems.push_back({name + ": " + field, message});
  }
  const Json* member(const Json& o, const std::string& key, const std::string& at, Json::value_t type) {
    auto it = o.find(key);
    if (it == o.end()) {
      fail(at + key, "is missing");
      return nullptr;
    }
    const bool number = type == Json::value_t::number_integer;
    if (number ? !it->is_number_integer() : it->type() != type) {
      fail(at + key, std::string("must be ") + (number ? "a whole number" : Json(type).type_name()));
      return nullptr;
    }
    return &*it;
  }
  std::string text(const Json& o, const std::string& key, const std::string& at = "", size_t max = 4000) {
    const Json* v = member(o, key, at, Json::value_t::string);
    if (!v) return {};
    std::string s = v->get<std::string>();
    if (s.size() > max) fail(at + key, "is longer than " + std::to_string(max) + " bytes");
    return s;
  }
  int64_t whole(const Json& o, const std::string& key, const std::string& at = "") {
    const Json* v = member(o, key, at, Json::value_t::number_integer);
    return v ? v->get<int64_t>() : 0;
  }
  Date day(const Json& o, const std::string& key, const std::string& at = "") {
    std::string s = text(o, key, at, 10);
    if (s.empty()) return {};
    Result<Date> d = parse_date(s);
    if (!d) fail(at + key, "\"" + s + "\" is not a date (YYYY-MM-DD)");
    return d ? d.value() : Date{};
  }
  bool flag(const Json& o, const std::string& key, const std::string& at = "") {
    const Json* v = member(o, key, at, Json::value_t::boolean);
    return v && v->get<bool>();
  }
};

// Parses `bytes` as a share file of `format`: the size limit, the JSON, the format, the major version and the
// content hash. Problems are recorded on `r`.
Json open_file(Reader& r, std::string_view bytes, const char* format) {
  if (int64_t(bytes.size()) > kShareFileMaxBytes) {
    r.fail("size",
           std::to_string(bytes.size()) + " bytes, over the limit of " + std::to_string(kShareFileMaxBytes));
    return {};
  }
  Json j = Json::parse(bytes, nullptr, false);
  if (j.is_discarded() || !j.is_object()) {
    r.fail("content", "is not a JSON object: the file is damaged or not a Duebook file");
    return {};
  }
  const std::string found = r.text(j, "format");
  if (!r.problems.empty()) return {};
  if (found != format) {
    r.fail("format", "is \"" + found + "\", not a " + format + " file");
    return {};
  }
  const int64_t major = r.whole(j, "major");
  if (major > kShareFileMajor)
    r.fail("major", "the file is of version " + std::to_string(major) + ", newer than this program reads (" +
                        std::to_string(kShareFileMajor) + "): update Duebook");
  const std::string hash = r.text(j, "sha256");
  if (r.problems.empty() && hash != content_hash(j))
    r.fail("sha256", "the content does not match its hash: the file was changed or damaged");
  return r.problems.empty() ? j : Json();
}

Json company_json(const CompanyDetails& c) {
  return {{"name", c.name},
          {"address", c.address},
          {"phone", c.phone},
          {"email", c.email},
          {"sender_name", c.sender_name},
          {"vat_id", c.vat_id},
          {"account_name", c.account_name},
          {"iban", c.iban},
          {"bic", c.bic}};
}

CompanyDetails company_from(Reader& r, const Json& j) {
  CompanyDetails c;
  const Json* o = r.member(j, "company", "", Json::value_t::object);
  if (!o) return c;
  c.name = r.text(*o, "name", "company.", 200);
  c.address = r.text(*o, "address", "company.", 1000);
  c.phone = r.text(*o, "phone", "company.", 100);
  c.email = r.text(*o, "email", "company.", 200);
  c.sender_name = r.text(*o, "sender_name", "company.", 200);
  c.vat_id = r.text(*o, "vat_id", "company.", 100);
  c.account_name = r.text(*o, "account_name", "company.", 200);
  c.iban = r.text(*o, "iban", "company.", 64);
  c.bic = r.text(*o, "bic", "company.", 16);
  return c;
}

Json reply_content(const ReplyFile& f) {
  Json items = Json::array();
  for (const ReplyItem& i : f.items)
    items.push_back({{"invoice", i.invoice},
                     {"kind", i.kind},
                     {"date", iso(i.date)},
                     {"amount", i.amount},
                     {"reason", i.reason},
                     {"reference", i.reference},
                     {"notes", i.notes}});
  return {{"format", kReplyFileFormat},
          {"major", kShareFileMajor},
          {"minor", 0},
          {"ledger_id", f.ledger_id},
          {"customer", {{"id", f.customer_id}, {"name", f.customer}}},
          {"statement_sha256", f.statement_sha256},
          {"made_on", iso(f.made_on)},
          {"person", f.person},
          {"items", items}};
}

// One item checked against the statement's open invoices; `seen` holds the invoices already answered.
void check_reply_item(const StatementFile& s, const Date& made_on, const ReplyItem& item, size_t i,
                      std::set<std::string>& seen, Problems& problems) {
  const std::string at = "items[" + std::to_string(i) + "].";
  auto inv = std::find_if(s.invoices.begin(), s.invoices.end(),
                          [&](const StatementFileInvoice& v) { return v.number == item.invoice; });
  if (inv == s.invoices.end()) {
    problems.push_back({at + "invoice", "\"" + item.invoice + "\" is not an open invoice of the statement"});
    return;
  }
  if (!seen.insert(item.invoice).second)
    problems.push_back({at + "invoice", item.invoice + " is answered twice; say one thing per invoice"});
  if (item.kind == "promise") {
    if (item.amount <= 0 || item.amount > inv->open)
      problems.push_back({at + "amount", "must be more than zero and at most the " +
                                             money_label(inv->open, inv->currency) + " open"});
    if (item.date < made_on)
      problems.push_back({at + "date", "the day to pay by, " + iso(item.date) + ", is before the reply"});
  } else if (item.kind == "dispute") {
    if (!dispute_reason_from(item.reason))
      problems.push_back({at + "reason", "must be pricing, not_delivered, quality, not_received or other"});
    if (inv->disputed) problems.push_back({at + "kind", item.invoice + " is disputed already"});
  } else if (item.kind == "paid") {
    if (item.date > made_on)
      problems.push_back({at + "date", "the day it was paid, " + iso(item.date) + ", is after the reply"});
    if (item.amount < 0) problems.push_back({at + "amount", "must not be negative"});
  } else {
    problems.push_back({at + "kind", "must be promise, dispute or paid, not \"" + item.kind + "\""});
  }
  if (item.notes.size() > 2000) problems.push_back({at + "notes", "is longer than 2000 bytes"});
  if (item.reference.size() > 200) problems.push_back({at + "reference", "is longer than 200 bytes"});
}

}  // namespace

Result<StatementFile> make_statement_file(Db& db, int64_t customer_id, const Date& as_of) {
  std::optional<Customer> customer = find_customer(db, customer_id);
  if (!customer) return Problem{"customer", "no customer #" + std::to_string(customer_id)};
  StatementFile f;
  f.ledger_id = ledger_id(db);
  f.customer_id = customer_id;
  f.customer = customer->fields.name;
  f.company = company_details(db);
  f.as_of = as_of;
  InvoiceQuery q;
  q.status = "unpaid";
  q.customer_id = customer_id;
  q.sort = InvoiceSort::DueDate;
  q.limit = int64_t(kReplyMaxItems);
  for (const InvoiceSummary& s : list_invoices(db, q)) {
    std::optional<CollectionInvoice> inv = find_collection_invoice(db, s.id);
    if (!inv || inv->open <= 0) continue;
    f.invoices.push_back(
        {s.id, s.number, s.currency, inv->issue_date, inv->due_date, s.total, inv->open, inv->disputed});
  }
  Result<CustomerStatement> statement =
      load_customer_statement(db, customer_id, add_days(add_months(as_of, -12), 1), as_of);
  if (!statement) return statement.problems();
  f.statement = Json::parse(statement_to_json(statement.value()));
  return f;
}

std::string write_statement_file(StatementFile& f) {
  Json invoices = Json::array();
  for (const StatementFileInvoice& i : f.invoices)
    invoices.push_back({{"id", i.id},
                        {"number", i.number},
                        {"currency", i.currency},
                        {"issue_date", iso(i.issue_date)},
                        {"due_date", iso(i.due_date)},
                        {"total", i.total},
                        {"open", i.open},
                        {"disputed", i.disputed}});
  Json j = {{"format", kStatementFileFormat},
            {"major", kShareFileMajor},
            {"minor", 0},
            {"ledger_id", f.ledger_id},
            {"customer", {{"id", f.customer_id}, {"name", f.customer}}},
            {"company", company_json(f.company)},
            {"as_of", iso(f.as_of)},
            {"invoices", invoices},
            {"statement", f.statement}};
  f.sha256 = content_hash(j);
  j["sha256"] = f.sha256;
  return j.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

Result<StatementFile> read_statement_file(std::string_view name, std::string_view bytes) {
  Reader r{std::string(name), {}};
  Json j = open_file(r, bytes, kStatementFileFormat);
  if (!r.problems.empty()) return r.problems;
  StatementFile f;
  f.sha256 = j["sha256"].get<std::string>();
  f.ledger_id = r.text(j, "ledger_id", "", 100);
  if (const Json* c = r.member(j, "customer", "", Json::value_t::object)) {
    f.customer_id = r.whole(*c, "id", "customer.");
    f.customer = r.text(*c, "name", "customer.", 200);
  }
  f.company = company_from(r, j);
  f.as_of = r.day(j, "as_of");
  if (const Json* list = r.member(j, "invoices", "", Json::value_t::array)) {
    if (list->size() > kReplyMaxItems) r.fail("invoices", "more than " + std::to_string(kReplyMaxItems));
    for (size_t k = 0; k < list->size() && k < kReplyMaxItems; ++k) {
      const std::string at = "invoices[" + std::to_string(k) + "].";
      const Json& o = (*list)[k];
      if (!o.is_object()) {
        r.fail(at.substr(0, at.size() - 1), "must be an object");
        continue;
      }
      StatementFileInvoice i{r.whole(o, "id", at),         r.text(o, "number", at, 100),
                             r.text(o, "currency", at, 3), r.day(o, "issue_date", at),
                             r.day(o, "due_date", at),     r.whole(o, "total", at),
                             r.whole(o, "open", at),       r.flag(o, "disputed", at)};
      if (i.open <= 0) r.fail(at + "open", "must be more than zero: the statement lists open invoices");
      f.invoices.push_back(i);
    }
  }
  if (const Json* s = r.member(j, "statement", "", Json::value_t::object)) f.statement = *s;
  if (!r.problems.empty()) return r.problems;
  return f;
}

Result<ReplyFile> make_reply(const StatementFile& statement, const Date& made_on, const std::string& person,
                             std::vector<ReplyItem> items) {
  Problems problems;
  if (items.empty()) problems.push_back({"items", "say something about at least one invoice"});
  if (person.size() > 200) problems.push_back({"person", "is longer than 200 bytes"});
  if (made_on < statement.as_of)
    problems.push_back({"made_on", "is before the statement's day, " + iso(statement.as_of)});
  std::set<std::string> seen;
  for (size_t i = 0; i < items.size(); ++i) check_reply_item(statement, made_on, items[i], i, seen, problems);
  if (!problems.empty()) return problems;
  ReplyFile f;
  f.ledger_id = statement.ledger_id;
  f.customer_id = statement.customer_id;
  f.customer = statement.customer;
  f.statement_sha256 = statement.sha256;
  f.made_on = made_on;
  f.person = person;
  f.items = std::move(items);
  return f;
}

std::string write_reply_file(ReplyFile& f) {
  Json j = reply_content(f);
  f.sha256 = content_hash(j);
  j["sha256"] = f.sha256;
  return j.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

Result<ReplyFile> read_reply_file(std::string_view name, std::string_view bytes) {
  Reader r{std::string(name), {}};
  Json j = open_file(r, bytes, kReplyFileFormat);
  if (!r.problems.empty()) return r.problems;
  ReplyFile f;
  f.sha256 = j["sha256"].get<std::string>();
  f.ledger_id = r.text(j, "ledger_id", "", 100);
  if (const Json* c = r.member(j, "customer", "", Json::value_t::object)) {
    f.customer_id = r.whole(*c, "id", "customer.");
    f.customer = r.text(*c, "name", "customer.", 200);
  }
  f.statement_sha256 = r.text(j, "statement_sha256", "", 64);
  f.made_on = r.day(j, "made_on");
  f.person = r.text(j, "person", "", 200);
  if (const Json* list = r.member(j, "items", "", Json::value_t::array)) {
    if (list->empty() || list->size() > kReplyMaxItems)
      r.fail("items", "must hold from 1 to " + std::to_string(kReplyMaxItems) + " items");
    for (size_t k = 0; k < list->size() && k < kReplyMaxItems; ++k) {
      const std::string at = "items[" + std::to_string(k) + "].";
      const Json& o = (*list)[k];
      if (!o.is_object()) {
        r.fail(at.substr(0, at.size() - 1), "must be an object");
        continue;
      }
      f.items.push_back({r.text(o, "invoice", at, 100), r.text(o, "kind", at, 20), r.day(o, "date", at),
                         r.whole(o, "amount", at), r.text(o, "reason", at, 40),
                         r.text(o, "reference", at, 200), r.text(o, "notes", at, 2000)});
    }
  }
  if (!r.problems.empty()) return r.problems;
  return f;
}

std::string describe_reply_item(const ReplyItem& item, const std::string& amount, const std::string& day) {
  std::string text;
  if (item.kind == "promise")
    text = "promises " + amount + " by " + day;
  else if (item.kind == "dispute")
    text = "disputes it (" + item.reason + ")";
  else
    text = "says it was paid on " + day + (item.reference.empty() ? "" : " (" + item.reference + ")") +
           ", to check";
  if (!item.notes.empty()) text += " - " + item.notes;
  return text;
}

Result<RecordCustomerReply> reply_command(Db& db, const ReplyFile& reply) {
  if (reply.ledger_id != ledger_id(db))
    return Problem{"ledger_id", "the reply answers a statement from another ledger"};
  std::optional<Customer> customer = find_customer(db, reply.customer_id);
  if (!customer || customer->fields.name != reply.customer)
    return Problem{"customer", "no customer \"" + reply.customer + "\" (#" +
                                   std::to_string(reply.customer_id) + ") in this ledger"};
  RecordCustomerReply c;
  c.customer_id = reply.customer_id;
  c.date = reply.made_on;
  c.person = reply.person;
  c.reply_id = reply.sha256;
  Problems problems;
  for (size_t i = 0; i < reply.items.size(); ++i) {
    const ReplyItem& item = reply.items[i];
    std::optional<int64_t> id = find_invoice_by_number(db, item.invoice);
    std::optional<CollectionInvoice> inv;
    if (id) inv = find_collection_invoice(db, *id);
    if (!inv || inv->customer_id != reply.customer_id) {
      problems.push_back({"items[" + std::to_string(i) + "].invoice",
                          "no invoice " + item.invoice + " of " + reply.customer + " in this ledger"});
      continue;
    }
    c.items.push_back({*id, item.kind, item.date, item.amount, item.reason, item.reference, item.notes});
  }
  if (!problems.empty()) return problems;
  return c;
}

ShareFileKind sniff_share_file(std::string_view bytes) {
  // A ledger file's manifest is its first line; a statement or reply file is one small JSON object.
  const std::string_view head = bytes.substr(0, std::min<size_t>(bytes.size(), 65536));
  const std::string_view first_line = head.substr(0, head.find('\n'));
  const auto names = [](std::string_view text, const char* format) {
    const std::string f(format);
    return text.find("\"format\":\"" + f + "\"") != std::string_view::npos ||
           text.find("\"format\": \"" + f + "\"") != std::string_view::npos;
  };
  if (names(first_line, kLedgerFileFormat)) return ShareFileKind::Ledger;
  if (names(head, kStatementFileFormat)) return ShareFileKind::Statement;
  if (names(head, kReplyFileFormat)) return ShareFileKind::Reply;
  return ShareFileKind::Unknown;
}

}  // namespace duebook

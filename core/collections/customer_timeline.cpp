#include "collections/customer_timeline.h"

namespace duebook {
namespace {

// The seqs of the events about customer ?1. The expressions match those of the events_by_customer and
// events_by_record indexes (store/migrations/0005_customer_pages.sql) word for word, so SQLite uses them.
const char* kCustomerSeqs =
    "SELECT seq FROM events WHERE coalesce(json_extract(payload, '$.customer'), "
    "json_extract(payload, '$.customer_id')) = ?1 "
    "UNION SELECT seq FROM events WHERE type IN ('customer.added', 'customer.edited', 'customer.retracted', "
    "'customer.restored') AND json_extract(payload, '$.id') = ?1 "
    "UNION SELECT e.seq FROM invoices i JOIN events e ON e.type IN ('invoice.drafted', 'invoice.edited', "
    "'invoice.issued', 'invoice.voided', 'invoice.reinstated', 'invoice.discarded', 'invoice.restored') "
    "AND json_extract(e.payload, '$.id') = i.id WHERE i.customer_id = ?1 "
    "UNION SELECT e.seq FROM disputes d JOIN events e ON e.type IN ('dispute.resolved', 'dispute.reopened', "
    "'dispute.withdrawn') AND json_extract(e.payload, '$.id') = d.id WHERE d.customer_id = ?1 "
    // An import that created the customer's invoices or payments: its record event (the batches name no
    // customer), found by the import ids on those rows.
    "UNION SELECT e.seq FROM events e WHERE e.type = 'import.recorded' AND json_extract(e.payload, '$.id') "
    "IN "
    "(SELECT import_id FROM invoices WHERE customer_id = ?1 AND import_id IS NOT NULL "
    "UNION SELECT import_id FROM payments WHERE customer_id = ?1 AND import_id IS NOT NULL)";

// One event of an action, as read.
struct Row {
  int64_t seq;
  std::string type, date, recorded_on, hash, channel;
  int64_t import_id;  // of an import.recorded event; else 0
};

// Which event speaks for an action, by type prefix, in this order, and the word a user reads for it: a void
// that gives back a payment is about the invoice, a payment allocated is about the payment.
const std::pair<const char*, const char*> kPrincipal[] = {{"import.recorded", "import"},
                                                          {"invoice.voided", "invoice"},
                                                          {"invoice.written_off", "write-off"},
                                                          {"invoice.write_off", "write-off"},
                                                          {"invoice.", "invoice"},
                                                          {"dispute.", "dispute"},
                                                          {"payment.", "payment"},
                                                          {"refund.", "refund"},
                                                          {"credit_note.", "credit note"},
                                                          {"promise.", "promise"},
                                                          {"charge.", "fee"},
                                                          {"contact.", "contact"},
                                                          {"document.", "document"},
                                                          {"collections.hold", "hold"},
                                                          {"collections.step", "reminder"},
                                                          {"customer.", "customer"},
                                                          {"agency.", "agency"},
                                                          {"settlement.", "settlement"},
                                                          {"factoring.", "factoring"},
                                                          {"allocation.", "allocation"},
                                                          {"collections.", "collections"}};

// Fills `e` from the rows of its action (newest first): the principal event's date, seq and hash, the kind.
void finish(TimelineEntry& e, const std::string& action_kind, const std::vector<Row>& rows) {
  const Row* principal = &rows.back();  // the earliest, unless a type ranks higher
  std::string kind = rows.back().type;
  bool found = false;
  for (const auto& [prefix, word] : kPrincipal) {
    for (auto r = rows.rbegin(); r != rows.rend() && !found; ++r)
      if (r->type.rfind(prefix, 0) == 0) principal = &*r, kind = word, found = true;
    if (found) break;
  }
  const std::string& channel = principal->channel;
  if (kind == "contact")  // a logged contact: what kind of contact, or the reminder it carried out
    kind = channel == "phone"    ? "call"
           : channel == "letter" ? "letter"
           : channel == "email"  ? "email"
           : channel == "reply"  ? "reply"  // the customer's own reply file
                                 : kind;
  for (const Row& r : rows) {
    if (r.type == "collections.step_done" && kind == "email") kind = "reminder";
    if (r.type == "contact.logged" && r.channel == "reply") kind = "reply";  // the customer's own words
  }
  const bool reversal = action_kind == "undo" || action_kind == "redo";
  e.kind = reversal ? action_kind : kind;
  e.seq = principal->seq;
  e.date = reversal ? principal->recorded_on : principal->date;
  e.hash_prefix = principal->hash.substr(0, 12);
  if (kind == "import") e.import_id = principal->import_id;
}

// Completes an import's entry: the file and what it created for the customer (the label "Import invoices
// from march.csv" becomes "Import invoices from march.csv: 3 invoices").
void describe_import(Db& db, int64_t customer_id, TimelineEntry& e) {
  Statement& st = db.prepare(
      "SELECT file, (SELECT count(*) FROM invoices WHERE import_id = ?1 AND customer_id = ?2), "
      "(SELECT count(*) FROM payments WHERE import_id = ?1 AND customer_id = ?2) FROM imports WHERE id = ?1");
  st.bind_all(e.import_id, customer_id);
  if (st.step()) {
    const std::string file = st.text(0);
    const std::size_t slash = file.find_last_of("/\\");
    e.import_file = slash == std::string::npos ? file : file.substr(slash + 1);
    e.import_invoices = st.int64(1);
    e.import_payments = st.int64(2);
  }
  st.reset();
  auto count = [](int64_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
  };
  std::string made;
  if (e.import_invoices > 0) made = count(e.import_invoices, "invoice", "invoices");
  if (e.import_payments > 0)
    made += (made.empty() ? "" : ", ") + count(e.import_payments, "payment", "payments");
  if (!made.empty()) e.what += ": " + made;
}

}  // namespace

std::vector<TimelineEntry> customer_timeline(Db& db, int64_t customer_id, int64_t limit) {
  Statement& st = db.prepare(
      std::string("SELECT seq, action, action_kind, type, label, actor, hash, coalesce(json_extract(payload, "
                  "'$.date'), json_extract(payload, '$.issue_date'), json_extract(payload, "
                  "'$.invoice.issue_date'), date(at_ms / 1000, 'unixepoch')), coalesce(json_extract(payload, "
                  "'$.channel'), ''), date(at_ms / 1000, 'unixepoch'), CASE type WHEN 'import.recorded' THEN "
                  "json_extract(payload, '$.id') ELSE 0 END FROM events WHERE seq IN (") +
      kCustomerSeqs + ") ORDER BY seq DESC");
  st.bind_all(customer_id);
  std::vector<TimelineEntry> out;
  std::vector<Row> rows;  // of the action being gathered; its events are consecutive in the log
  std::string action_kind;
  while (st.step()) {
    const int64_t action = st.int64(1);
    if (out.empty() || out.back().action != action) {
      if (!out.empty()) finish(out.back(), action_kind, rows);
      if (int64_t(out.size()) >= limit) {
        rows.clear();
        break;
      }
      out.push_back({});
      out.back().action = action;
      out.back().what = st.text(4);
      out.back().actor = st.text(5);
      action_kind = st.text(2);
      rows.clear();
    }
    rows.push_back({st.int64(0), st.text(3), st.text(7), st.text(9), st.text(6), st.text(8), st.int64(10)});
  }
  st.reset();
  if (!rows.empty()) finish(out.back(), action_kind, rows);
  for (TimelineEntry& e : out)
    if (e.import_id != 0) describe_import(db, customer_id, e);
  return out;
}

std::vector<std::string> customer_timeline_plan(Db& db, int64_t customer_id) {
  Statement& st = db.prepare(std::string("EXPLAIN QUERY PLAN ") + kCustomerSeqs);
  st.bind_all(customer_id);
  std::vector<std::string> out;
  while (st.step()) out.push_back(st.text(3));
  st.reset();
  return out;
}

}  // namespace duebook

#include "ledger/ledger_file_export.h"

#include <set>

#include "files/event_refs.h"
#include "ledger/ledger_audit.h"
#include "ledger/ledger_file_open.h"
#include "store/schema.h"

namespace duebook {

std::string ledger_id(Db& db) {
  std::vector<Event> first = read_events(db, 1, 1);
  return first.empty() ? std::string() : first[0].id;
}

namespace {

// An event with the rows it names.
struct Indexed {
  const Event* event = nullptr;
  std::set<RowRef> refs;
};

bool is_customer_event(const Event& e) {
  return e.type.rfind("customer.", 0) == 0 || e.type.rfind("customers.", 0) == 0;
}

// The day (UTC) an event was recorded.
int64_t recorded_day(const Event& e) {
  const int64_t kDayMs = 86'400'000;
  return e.at_ms >= 0 ? e.at_ms / kDayMs : -((-e.at_ms + kDayMs - 1) / kDayMs);
}

// Grows `rows` to a fixed point: every event of `events` (up to index `limit`) naming one of them is taken,
// and the rows it names are added. A customer outside `customers` is carried only through its own customer.*
// events: its invoices and payments stay out.
void close_over(const std::vector<Indexed>& events, std::set<RowRef>& rows, std::vector<bool>& taken,
                const std::set<int64_t>& customers, size_t limit) {
  for (bool grew = true; grew;) {
    grew = false;
    for (size_t i = 0; i < limit; ++i) {
      if (taken[i]) continue;
      const Indexed& x = events[i];
      bool names = false;
      for (const RowRef& r : x.refs)
        if (rows.count(r) && (r.table != "customers" || customers.count(r.id) || is_customer_event(*x.event)))
          names = true;
      if (!names) continue;
      taken[i] = true;
      grew = true;
      // A bulk event (an import naming several customers) brings those customers, not their other rows.
      int named_customers = 0;
      for (const RowRef& r : x.refs) named_customers += r.table == "customers";
      for (const RowRef& r : x.refs)
        if (named_customers <= 1 || r.table == "customers") rows.insert(r);
    }
  }
}

// The seed rows of a selection by customer or invoices; a problem for an unknown one.
Status seed_rows(Db& db, const LedgerSelection& sel, std::set<RowRef>& rows, std::set<int64_t>& customers) {
  if (sel.customer) {
    Statement& st = db.prepare("SELECT 1 FROM customers WHERE id = ?1");
    st.bind_all(*sel.customer);
    const bool found = st.step();
    st.reset();
    if (!found) return Problem{"--customer", "no customer with id " + std::to_string(*sel.customer)};
    rows.insert({"customers", *sel.customer});
    customers.insert(*sel.customer);
  }
  for (const std::string& number : sel.invoices) {
    Statement& st = db.prepare("SELECT id, customer_id FROM invoices WHERE number = ?1 COLLATE NOCASE");
    st.bind_all(number);
    const bool found = st.step();
    const int64_t id = found ? st.int64(0) : 0, customer = found ? st.int64(1) : 0;
    st.reset();
    if (!found) return Problem{"--invoice", "no invoice numbered " + number};
    rows.insert({"invoices", id});
    rows.insert({"customers", customer});
  }
  return ok_status();
}

// Which events a selection takes, in log order.
Result<std::vector<bool>> select_events(Db& db, const LedgerSelection& sel,
                                        const std::vector<Indexed>& events) {
  std::vector<bool> taken(events.size(), false);
  const bool by_rows = sel.customer || !sel.invoices.empty();
  std::set<RowRef> rows;
  std::set<int64_t> customers;
  if (Status s = seed_rows(db, sel, rows, customers); !s) return s.problems();
  // Events after --to are never taken; before --from only what the events in the range need.
  size_t end = events.size();
  if (sel.to)
    while (end > 0 && recorded_day(*events[end - 1].event) > days_from_civil(*sel.to)) --end;
  size_t begin = 0;
  if (sel.from)
    while (begin < end && recorded_day(*events[begin].event) < days_from_civil(*sel.from)) ++begin;
  std::vector<Indexed> range(events.begin() + int64_t(begin), events.begin() + int64_t(end));
  std::vector<bool> in_range(range.size(), !by_rows);
  if (by_rows) close_over(range, rows, in_range, customers, range.size());
  // Ledger-wide events (company details, policies) name no row: they come with any part.
  for (size_t i = 0; i < range.size(); ++i)
    if (range[i].refs.empty()) in_range[i] = true;
  std::set<RowRef> needed;
  for (size_t i = 0; i < range.size(); ++i)
    if (in_range[i]) {
      taken[begin + i] = true;
      for (const RowRef& r : range[i].refs) needed.insert(r);
    }
  if (begin > 0) {
    std::vector<bool> before(begin, false);
    for (const RowRef& r : needed)
      if (r.table == "customers") customers.insert(r.id);
    close_over(events, needed, before, customers, begin);
    for (size_t i = 0; i < begin; ++i) taken[i] = before[i] || events[i].refs.empty();
  }
  return taken;
}

std::string selection_text(Db& db, const LedgerSelection& sel) {
  std::string out;
  auto add = [&out](const std::string& part) { out += (out.empty() ? "" : ", ") + part; };
  if (sel.customer) add("customer " + std::to_string(*sel.customer));
  for (const std::string& n : sel.invoices) add("invoice " + n);
  if (sel.from) add("from " + iso(*sel.from));
  if (sel.to) add("to " + iso(*sel.to));
  (void)db;
  return out;
}

}  // namespace

Result<LedgerFile> export_ledger_file(Ledger& ledger, const LedgerSelection& selection,
                                      const std::string& program_version) {
  Db& db = ledger.db();
  Transaction read(db, TransactionKind::Read);  // one state of the log, even while another program writes
  LedgerFile file;
  LedgerFileManifest& m = file.manifest;
  m.program_version = program_version;
  m.ledger_id = ledger_id(db);
  m.source_events = last_event_seq(db);
  m.anchor = chain_anchor(db);
  std::vector<Event> all = read_events(db);
  if (selection.whole()) {
    file.events = std::move(all);
    return file;
  }
  m.scope = "subset";
  m.selection = selection_text(db, selection);
  std::set<std::string> tables;
  for (const std::string& t : projection_tables(db)) tables.insert(t);
  std::vector<Indexed> indexed(all.size());
  for (size_t i = 0; i < all.size(); ++i) {
    Json payload = Json::parse(all[i].payload, nullptr, false);
    indexed[i].event = &all[i];
    if (payload.is_object()) indexed[i].refs = row_refs(all[i].type, payload, tables);
  }
  Result<std::vector<bool>> taken = select_events(db, selection, indexed);
  if (!taken) return taken.problems();
  for (size_t i = 0; i < all.size(); ++i)
    if (taken.value()[i]) file.events.push_back(all[i]);
  if (Status s = replay_events(file.events); !s) {
    Problems problems = s.problems();
    problems.push_back({"",
                        "the selection is not a self-consistent history; widen it (a whole customer, or no "
                        "--from)"});
    return problems;
  }
  return file;
}

}  // namespace duebook

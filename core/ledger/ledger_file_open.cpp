#include "ledger/ledger_file_open.h"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

#include "files/event_refs.h"
#include "ledger/action_writer.h"
#include "ledger/event_shapes.h"
#include "store/schema.h"

namespace duebook {

// Appends events from a ledger file through the ledger's own transaction and projectors; a friend of Ledger.
class LedgerFileOpener {
 public:
  explicit LedgerFileOpener(Ledger& ledger) : ledger_(ledger), db_(*ledger.db_) {}

  // Appends `events` in order and applies each; `keep_chain`: each must keep its seq and hash (it continues
  // this log exactly). Runs inside the caller's transaction.
  Status adopt(std::vector<Event> events, bool keep_chain) {
    std::vector<Event> last = read_events(db_, last_event_seq(db_), last_event_seq(db_));
    Event previous = last.empty() ? Event{} : last[0];
    for (Event& e : events) {
      const std::string where = "event " + std::to_string(e.seq);
      const std::string original = e.hash;
      if (Status s = append_event(db_, e, previous.seq ? &previous : nullptr); !s) return s;
      if (keep_chain && e.hash != original)
        return Problem{where, "does not continue this ledger's chain: open the file into an empty ledger"};
      const Projector* projector = find_projector(e.type);
      if (!projector) return Problem{where, "unknown event type " + e.type};
      Json payload = Json::parse(e.payload, nullptr, false);
      if (payload.is_discarded()) return Problem{where, "payload is not JSON"};
      if (Status s = check_event_shape(e.type, payload); !s)
        return Problem{where + " (" + e.type + ")", "payload " + describe(s.problems())};
      if (Status s = projector->apply(db_, e, payload); !s)
        return Problem{where + " (" + e.type + ")", "does not apply here: " + describe(s.problems())};
      if (Status s = track_action(db_, e); !s) return s;
      previous.seq = e.seq;
      previous.hash = e.hash;
    }
    return ok_status();
  }

  // Appends the events that undo this ledger's action `id`.
  Status undo(int64_t id, const std::string& label) {
    Result<ActionOutcome> out =
        ledger_.reverse_action(id, "Undo " + label + " (kept the other side)", ActionKind::Undo);
    if (!out) return out.problems();
    return ok_status();
  }

  bool busy() const { return ledger_.job_ != nullptr; }
  void set_writable(bool on) { db_.set_writable(on); }
  void notify() { ledger_.notify(); }
  Db& db() { return db_; }

 private:
  Ledger& ledger_;
  Db& db_;
};

namespace {

// What is known of this ledger's events, by id.
struct MineIndex {
  std::unordered_map<std::string, Event> by_id;  // every event
  std::vector<std::string> order;                // ids in log order
};

MineIndex index_mine(Db& db) {
  MineIndex mine;
  const int64_t kPage = 500;
  for (int64_t from = 1;; from += kPage) {
    std::vector<Event> page = read_events(db, from, from + kPage - 1);
    if (page.empty()) break;
    for (Event& e : page) {
      mine.order.push_back(e.id);
      mine.by_id.emplace(e.id, std::move(e));
    }
  }
  return mine;
}

Json parsed(const Event& e) {
  Json j = Json::parse(e.payload, nullptr, false);
  return j.is_object() ? j : Json::object();
}

bool issues_number(const std::string& type) {
  return type == "invoice.issued" || type == "credit_note.issued";
}

std::string upper(std::string s) {
  for (char& c : s) c = char(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

// The allocations one side made from each payment or credit note, as sorted "invoice:amount" lists.
using Allocations = std::map<std::pair<std::string, int64_t>, std::vector<std::string>>;
void add_allocation(Allocations& out, const Json& p) {
  if (!p.contains("source") || !p["source"].is_string() || !p.contains("source_id")) return;
  out[{p["source"].get<std::string>(), p.value("source_id", int64_t{0})}].push_back(p["invoice"].dump() +
                                                                                    ":" + p["amount"].dump());
}

// The conflicts between this ledger's own events and the file's new ones (rows both sides knew are `shared`).
std::vector<LedgerConflict> find_conflicts(const std::vector<const Event*>& mine_only,
                                           const std::vector<const Event*>& theirs,
                                           const std::set<RowRef>& shared) {
  std::vector<LedgerConflict> out;
  std::map<std::string, const Event*> mine_numbers;
  std::map<int64_t, const Event*> mine_voided, theirs_voided, mine_paid, theirs_paid;
  Allocations mine_alloc, theirs_alloc;
  std::map<std::pair<std::string, int64_t>, std::pair<const Event*, const Event*>> alloc_events;
  auto note = [&](const Event* e, bool is_mine) {
    Json p = parsed(*e);
    if (issues_number(e->type) && is_mine) mine_numbers[upper(p.value("number", ""))] = e;
    if (e->type == "invoice.voided" && shared.count({"invoices", p.value("id", int64_t{0})}))
      (is_mine ? mine_voided : theirs_voided)[p.value("id", int64_t{0})] = e;
    if (e->type == "allocation.added") {
      const std::string table = p.value("source", "") == "payment" ? "payments" : "credit_notes";
      const int64_t source = p.value("source_id", int64_t{0});
      if (shared.count({table, source})) {
        add_allocation(is_mine ? mine_alloc : theirs_alloc, p);
        auto& slot = alloc_events[{p.value("source", ""), source}];
        (is_mine ? slot.first : slot.second) = e;
      }
      if (shared.count({"invoices", p.value("invoice", int64_t{0})}))
        (is_mine ? mine_paid : theirs_paid)[p.value("invoice", int64_t{0})] = e;
    }
  };
  for (const Event* e : mine_only) note(e, true);
  for (const Event* e : theirs) note(e, false);
  auto add = [&](std::string what, const Event* m, const Event* t) {
    out.push_back({std::move(what), m->label, t->label, m->action, t->seq, t->action});
  };
  for (const Event* t : theirs) {
    if (!issues_number(t->type)) continue;
    const std::string number = parsed(*t).value("number", "");
    if (auto it = mine_numbers.find(upper(number)); it != mine_numbers.end())
      add((t->type == "invoice.issued" ? "invoice number " : "credit note number ") + number +
              " issued on both sides with different content",
          it->second, t);
  }
  for (auto& [source, lists] : theirs_alloc) {
    auto mine = mine_alloc.find(source);
    if (mine == mine_alloc.end()) continue;
    std::vector<std::string> a = mine->second, b = lists;
    std::sort(a.begin(), a.end());
    std::sort(b.begin(), b.end());
    if (a != b)
      add(source.first + " #" + std::to_string(source.second) + " allocated differently on each side",
          alloc_events[source].first, alloc_events[source].second);
  }
  for (auto& [invoice, voided] : mine_voided)
    if (auto it = theirs_paid.find(invoice); it != theirs_paid.end())
      add("invoice #" + std::to_string(invoice) + " voided here and paid in the file", voided, it->second);
  for (auto& [invoice, voided] : theirs_voided)
    if (auto it = mine_paid.find(invoice); it != mine_paid.end())
      add("invoice #" + std::to_string(invoice) + " paid here and voided in the file", it->second, voided);
  return out;
}

}  // namespace

namespace {

// The file's row ids as this ledger numbers them, for the rows both sides know (read from the events both
// hold).
using RowMap = std::map<RowRef, int64_t>;

// Rewrites the file's new events to follow this ledger's own: rows both know take this ledger's ids, rows the
// file's events made get ids of their own here, their actions new numbers; and (renumber) an invoice or
// credit note number already used here takes the next free one in its series.
class Rebase {
 public:
  Rebase(Db& db, const RowMap& known_rows, const std::set<std::string>& tables)
      : db_(db), known_rows_(known_rows), tables_(tables) {
    Statement& act = db.prepare("SELECT coalesce(max(id), 0) + 1 FROM actions");
    next_action_ = act.step() ? act.int64(0) : 1;
    act.reset();
    Statement& numbers = db.prepare(
        "SELECT number FROM invoices WHERE number IS NOT NULL AND number <> '' "
        "UNION ALL SELECT number FROM credit_notes");
    while (numbers.step()) used_.insert(upper(numbers.text(0)));
    numbers.reset();
  }

  Event ids(Event e) {
    Json p = parsed(e);
    visit_row_refs(e.type, p, tables_, [&](const std::string& table, Json& id) {
      const RowRef ref{table, id.get<int64_t>()};
      if (auto known = known_rows_.find(ref); known != known_rows_.end()) {
        id = known->second;
        return;
      }
      auto it = rows_.find(ref);
      if (it == rows_.end()) it = rows_.emplace(ref, fresh_id(table)).first;
      id = it->second;
    });
    e.payload = to_payload(p);
    auto it = actions_.find(e.action);
    if (it == actions_.end()) it = actions_.emplace(e.action, next_action_++).first;
    e.action = it->second;
    if (auto target = actions_.find(e.action_target); target != actions_.end())
      e.action_target = target->second;
    return e;
  }

  // Gives `e`, when it issues a number used here already, the next free one.
  void renumber(Event& e, std::vector<std::string>& renumbered) {
    if (!issues_number(e.type)) return;
    Json p = parsed(e);
    if (renumber(p, renumbered)) e.payload = to_payload(p);
  }

 private:
  int64_t fresh_id(const std::string& table) {
    auto it = next_ids_.find(table);
    if (it == next_ids_.end()) it = next_ids_.emplace(table, next_id(db_, table)).first;
    return it->second++;
  }

  // A number used here already takes the next free counter of its series and year; a voided number is never
  // issued again.
  bool renumber(Json& p, std::vector<std::string>& renumbered) {
    const std::string number = p.value("number", "");
    if (!used_.count(upper(number))) {
      used_.insert(upper(number));
      return false;
    }
    const std::string series = p.value("series", "");
    const int year = p.value("year", 0);
    int64_t counter = p.value("counter", int64_t{0});
    std::string fresh;
    do fresh = series_text(series, year, ++counter);
    while (used_.count(upper(fresh)));
    used_.insert(upper(fresh));
    p["number"] = fresh;
    p["counter"] = counter;
    renumbered.push_back(number + " -> " + fresh);
    return true;
  }

  static std::string series_text(const std::string& series, int year, int64_t counter) {
    std::string digits = std::to_string(counter);
    if (digits.size() < 4) digits.insert(0, 4 - digits.size(), '0');
    return series + "-" + std::to_string(year) + "-" + digits;
  }

  Db& db_;
  const RowMap& known_rows_;
  const std::set<std::string>& tables_;
  std::map<RowRef, int64_t> rows_;
  std::map<std::string, int64_t> next_ids_;
  std::map<int64_t, int64_t> actions_;
  int64_t next_action_ = 1;
  std::set<std::string> used_;
};

// The row ids `e` names, in the order the payload names them.
std::vector<RowRef> refs_in_order(const Event& e, const std::set<std::string>& tables) {
  std::vector<RowRef> out;
  Json p = parsed(e);
  visit_row_refs(e.type, p, tables, [&](const std::string& table, Json& id) {
    out.push_back({table, id.get<int64_t>()});
  });
  return out;
}

// The file's events this ledger lacks. For those it holds (matched by id), `known_rows` learns how this
// ledger numbers the rows they name (a merge may have renumbered them here: the payloads then differ only in
// ids). An id held here with another type, time, author or label is refused.
Result<std::vector<const Event*>> new_events(const LedgerFile& file, const MineIndex& mine,
                                             RowMap& known_rows, const std::set<std::string>& tables,
                                             int64_t& known) {
  std::vector<const Event*> theirs;
  std::vector<std::pair<const Event*, const Event*>> both;  // (the file's, this ledger's)
  for (const Event& e : file.events) {
    auto it = mine.by_id.find(e.id);
    if (it == mine.by_id.end()) {
      theirs.push_back(&e);
      continue;
    }
    const Event& here = it->second;
    if (here.type != e.type || here.at_ms != e.at_ms || here.actor != e.actor || here.label != e.label ||
        here.action_kind != e.action_kind)
      return Problem{"event " + std::to_string(e.seq),
                     "this ledger holds an event with the same id (" + e.id + ") and other contents"};
    ++known;
    both.emplace_back(&e, &here);
  }
  if (theirs.empty()) return theirs;  // contained: no need to read the payloads
  for (const auto& [there, here] : both) {
    const std::vector<RowRef> there_refs = refs_in_order(*there, tables);
    const std::vector<RowRef> here_refs =
        there->payload == here->payload ? there_refs : refs_in_order(*here, tables);
    if (there_refs.size() != here_refs.size())
      return Problem{"event " + std::to_string(there->seq),
                     "this ledger holds an event with the same id (" + there->id + ") and other contents"};
    for (size_t i = 0; i < there_refs.size(); ++i) known_rows.emplace(there_refs[i], here_refs[i].id);
  }
  return theirs;
}

// The labels of the actions of `events`, in order.
std::vector<std::string> action_labels(const std::vector<Event>& events) {
  std::vector<std::string> out;
  for (size_t i = 0; i < events.size(); ++i)
    if (i == 0 || events[i].action != events[i - 1].action) out.push_back(events[i].label);
  return out;
}

// Merges the file's new events after this ledger's own, deciding conflicts as `decide` says.
Status merge(LedgerFileOpener& opener, const MineIndex& mine, const LedgerFile& file,
             const std::vector<const Event*>& theirs, const RowMap& known_rows,
             const std::set<std::string>& tables, const ConflictDecisions& decide, LedgerFileOutcome& out) {
  std::set<std::string> in_file;
  for (const Event& e : file.events) in_file.insert(e.id);
  std::vector<const Event*> mine_only;
  for (const std::string& id : mine.order)
    if (!in_file.count(id)) mine_only.push_back(&mine.by_id.at(id));
  // Their events in this ledger's numbering, so both sides' events are compared row for row.
  Rebase rebase(opener.db(), known_rows, tables);
  std::vector<Event> rebased;
  for (const Event* e : theirs) rebased.push_back(rebase.ids(*e));
  std::vector<const Event*> theirs_here;
  for (const Event& e : rebased) theirs_here.push_back(&e);
  std::set<RowRef> shared;
  for (const auto& [ref, id] : known_rows) shared.insert({ref.table, id});
  out.conflicts = find_conflicts(mine_only, theirs_here, shared);
  if (!decide.each.empty() && decide.each.size() != out.conflicts.size())
    return Problem{"", "the file brings " + std::to_string(out.conflicts.size()) + " conflict(s) but " +
                           std::to_string(decide.each.size()) + " decision(s) were given"};
  std::set<int64_t> drop_theirs, undo_mine;
  for (size_t i = 0; i < out.conflicts.size(); ++i) {
    const LedgerConflict& c = out.conflicts[i];
    const ConflictChoice choice = decide.each.empty() ? decide.all : decide.each[i];
    if (choice == ConflictChoice::Ask) out.undecided = true;
    if (choice == ConflictChoice::Mine) drop_theirs.insert(c.theirs_action);
    if (choice == ConflictChoice::Theirs) undo_mine.insert(c.mine_action);
  }
  if (out.undecided) return ok_status();
  for (auto it = undo_mine.rbegin(); it != undo_mine.rend(); ++it) {
    std::string label;
    for (const LedgerConflict& c : out.conflicts)
      if (c.mine_action == *it) label = c.mine;
    if (Status s = opener.undo(*it, label); !s) return s;
    ++out.undone_actions;
  }
  std::vector<Event> kept;
  for (Event& e : rebased)
    if (!drop_theirs.count(e.action)) {
      rebase.renumber(e, out.renumbered);
      kept.push_back(std::move(e));
    }
  out.added_events = int64_t(kept.size());
  out.added = action_labels(kept);
  return opener.adopt(std::move(kept), false);
}

// Opens the file's writes: the ledger's connection is writable for this operation only.
class Writable {
 public:
  explicit Writable(LedgerFileOpener& o) : o_(o) { o_.set_writable(true); }
  ~Writable() { o_.set_writable(false); }
  Writable(const Writable&) = delete;
  Writable& operator=(const Writable&) = delete;

 private:
  LedgerFileOpener& o_;
};

}  // namespace

Result<LedgerFileOutcome> open_ledger_file(Ledger& ledger, const LedgerFile& file, ConflictChoice choice,
                                           bool dry_run) {
  return open_ledger_file(ledger, file, ConflictDecisions{choice, {}}, dry_run);
}

Result<LedgerFileOutcome> open_ledger_file(Ledger& ledger, const LedgerFile& file,
                                           const ConflictDecisions& decisions, bool dry_run) {
  LedgerFileOpener opener(ledger);
  if (opener.busy()) return Problem{"", "an import is under way; wait until it has finished"};
  Writable writing(opener);
  Transaction tx(opener.db(), TransactionKind::Write);
  LedgerFileOutcome out;
  out.file_events = int64_t(file.events.size());
  const MineIndex mine = index_mine(opener.db());
  if (mine.order.empty()) {
    out.mode = "open";
    out.added_events = out.file_events;
    out.added = action_labels(file.events);
    if (Status s = opener.adopt(file.events, file.manifest.scope == "whole"); !s) return s.problems();
  } else {
    std::set<std::string> tables;
    for (const std::string& t : projection_tables(opener.db())) tables.insert(t);
    RowMap known_rows;
    Result<std::vector<const Event*>> theirs = new_events(file, mine, known_rows, tables, out.known_events);
    if (!theirs) return theirs.problems();
    if (theirs->empty()) {
      out.mode = "contained";
      return out;
    }
    if (out.known_events == 0 && file.manifest.ledger_id != mine.order.front())
      return Problem{"", "the file shares no history with this ledger (it is ledger " +
                             file.manifest.ledger_id + "): open it into an empty ledger instead"};
    // The file continues this ledger when its first events are this ledger's, chained the same way (not
    // re-chained by an earlier merge).
    const bool continues = file.manifest.scope == "whole" && out.known_events == int64_t(mine.order.size()) &&
                           file.events[mine.order.size() - 1].hash == mine.by_id.at(mine.order.back()).hash;
    if (continues) {
      out.mode = "append";
      std::vector<Event> later(file.events.begin() + int64_t(mine.order.size()), file.events.end());
      out.added_events = int64_t(later.size());
      out.added = action_labels(later);
      if (Status s = opener.adopt(std::move(later), true); !s) return s.problems();
    } else {
      out.mode = "merge";
      if (Status s = merge(opener, mine, file, *theirs, known_rows, tables, decisions, out); !s)
        return s.problems();
      if (out.undecided) return out;
    }
  }
  if (dry_run) return out;  // the transaction rolls back
  if (Status s = tx.commit(); !s) return s.problems();
  out.written = true;
  opener.notify();
  return out;
}

Status replay_events(const std::vector<Event>& events) {
  LedgerEnv env;
  env.wal = false;
  Result<std::unique_ptr<Ledger>> scratch = Ledger::open("", env);
  if (!scratch) return scratch.problems();
  LedgerFile file;
  file.manifest.scope = "subset";
  file.events = events;
  Result<LedgerFileOutcome> out = open_ledger_file(*scratch.value(), file, ConflictChoice::Ask, false);
  if (!out) return out.problems();
  return ok_status();
}

}  // namespace duebook

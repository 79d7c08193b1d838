// Opening a Duebook ledger file into a ledger: into an empty one (a copy of the source), or merged into one
// that shares its history (the union of both sides' events), with the conflicts listed for the user.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "base/result.h"
#include "files/ledger_file.h"
#include "ledger/ledger.h"

namespace duebook {

// How conflicts are decided: not at all (list them, write nothing), or all one way.
enum class ConflictChoice {
  Ask,     // list the conflicts and write nothing
  Mine,    // keep this ledger's side: the file's conflicting actions are left out
  Theirs,  // keep the file's side: this ledger's conflicting actions are undone (compensating events)
  Both     // keep both; the file's invoice or credit note takes the next free number
};

// How to decide the conflicts a file brings: all one way, or each its own way (`each` in the order a call
// deciding nothing listed them; when given it must have one choice per conflict and overrides `all`).
struct ConflictDecisions {
  ConflictChoice all = ConflictChoice::Ask;  // for every conflict
  std::vector<ConflictChoice> each;          // or one per conflict
};

// A real conflict between what this ledger and the file did after they parted.
struct LedgerConflict {
  std::string what;           // "invoice number INV-2026-0003 issued on both sides with different content"
  std::string mine;           // the label of this ledger's action
  std::string theirs;         // the label of the file's action
  int64_t mine_action = 0;    // that action's id here
  int64_t theirs_seq = 0;     // the number of the file's conflicting event (in the source ledger)
  int64_t theirs_action = 0;  // the file's action id (in the source ledger)
};

// What opening a ledger file does (or, for a dry run or unresolved conflicts, would do).
struct LedgerFileOutcome {
  std::string mode;                // "open" (into an empty ledger), "append" (the file continues this
                                   // ledger), "merge" (both sides added events) or "contained" (nothing new)
  int64_t file_events = 0;         // events in the file
  int64_t known_events = 0;        // of them, events this ledger already holds (matched by id)
  int64_t added_events = 0;        // events appended
  std::vector<std::string> added;  // the labels of the actions added, in order
  std::vector<LedgerConflict> conflicts;  // real conflicts found
  std::vector<std::string>
      renumbered;              // "INV-2026-0003 -> INV-2026-0004" for the file's renumbered documents
  int64_t undone_actions = 0;  // this ledger's actions undone to keep the file's side
  bool written = false;        // whether the ledger was changed
  bool undecided = false;      // conflicts were listed and left undecided: nothing was written
};

// Opens `file` (already read and checked by read_ledger_file) into `ledger`, in one transaction:
// - an empty ledger receives every event: a whole file keeps the source's numbers and hashes, so the source's
//   verify anchor holds; a subset is chained afresh;
// - a ledger the file continues (the file is a whole copy of this ledger plus later events) receives the
// later
//   events as they are;
// - otherwise the file's events this ledger lacks (matched by id) are replayed after this ledger's own, their
//   new rows given ids of their own here. An event id held here with other contents, or a file that shares no
//   event and not the ledger id, is refused.
// Conflicts (one invoice or credit note number issued on both sides, one payment allocated differently on
// each side, an invoice voided on one side and paid on the other) are listed and nothing is written unless
// `choice` decides them. `dry_run` does everything but commit. On any problem nothing is written.
Result<LedgerFileOutcome> open_ledger_file(Ledger& ledger, const LedgerFile& file,
                                           const ConflictDecisions& decisions, bool dry_run);

// open_ledger_file deciding every conflict as `choice` says.
Result<LedgerFileOutcome> open_ledger_file(Ledger& ledger, const LedgerFile& file, ConflictChoice choice,
                                           bool dry_run);

// Replays `events` in order, chained afresh, into a private scratch ledger: ok when every one applies, else
// the problem of the first that does not, naming its number in the source.
Status replay_events(const std::vector<Event>& events);

}  // namespace duebook

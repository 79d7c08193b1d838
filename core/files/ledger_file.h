// The Duebook ledger file (.duebook): a manifest line, then the events of a ledger (or of a self-consistent
// part of one), one JSON object per line. docs/ledger-file.md describes the format.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "store/events.h"

namespace duebook {

// The format this build writes and the newest it reads: a file of a higher major version is refused, a higher
// minor version is read (its unknown fields are kept).
inline constexpr int kLedgerFileMajor = 1;
inline constexpr int kLedgerFileMinor = 0;
inline constexpr const char* kLedgerFileFormat = "duebook-ledger";

// What a reader accepts from a file given by someone else; beyond them the file is refused unread.
struct LedgerFileLimits {
  int64_t max_bytes = int64_t{256} << 20;      // the whole file
  int64_t max_events = 2'000'000;              // event lines
  int64_t max_line_bytes = int64_t{64} << 20;  // one event (a large import's batch event is long)
  int max_depth = 32;                          // nesting of a payload's objects and arrays
};

// The manifest: what the file holds, who wrote it and how to check it.
struct LedgerFileManifest {
  int major = kLedgerFileMajor;     // format version, major: a reader refuses a higher one
  int minor = kLedgerFileMinor;     // format version, minor: additions a 1.0 reader may ignore
  std::string min_reader = "1.0";   // the oldest format version a reader must understand
  std::string program = "Duebook";  // the program that wrote the file
  std::string program_version;      // and its version
  std::string ledger_id;            // the source ledger's id: the id of its first event
  std::string scope = "whole";      // "whole" (every event) or "subset" (a self-consistent part)
  std::string selection;            // for a subset: what was selected ("customer Acme Ltd")
  int64_t source_events = 0;        // how many events the source ledger held
  int64_t events = 0;               // how many event lines follow
  std::string first_hash;           // hash of the first event line ("" when none)
  std::string last_hash;            // hash of the last event line
  std::string anchor;               // the source ledger's verify anchor, SEQ:HASH16, when written
  std::string content_sha256;       // SHA-256 of every byte after the manifest line
  nlohmann::json extra = nlohmann::json::object();  // fields this build does not know, kept as they came
};

// A ledger file in memory.
struct LedgerFile {
  LedgerFileManifest manifest;               // counts and hashes are filled in by write_ledger_file
  std::vector<Event> events;                 // in the source ledger's order, with its seq and hashes
  std::vector<nlohmann::json> event_extras;  // per event, fields this build does not know (objects or null)
};

// Writes `file` as .duebook bytes, filling the manifest's counts, first and last hashes and content hash.
// Unknown manifest and event fields (from a newer minor version) are written back unchanged.
std::string write_ledger_file(LedgerFile& file);

// Reads and checks a .duebook file named `name`: the manifest (format, version), the limits, every event's
// fields and hash, the chain links between events that were consecutive in the source (everywhere in a whole
// file), the counts, the first and last hashes and the content hash. A problem names the file, the line and
// the event number ("ledger.duebook:14: event 13: ...") and says what is wrong. Reads nothing else.
Result<LedgerFile> read_ledger_file(std::string_view name, std::string_view bytes,
                                    const LedgerFileLimits& limits = {});

}  // namespace duebook

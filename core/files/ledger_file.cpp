#include "files/ledger_file.h"

#include "base/sha256.h"

namespace duebook {
namespace {

using Json = nlohmann::json;
using OrderedJson = nlohmann::ordered_json;

const char* const kManifestKeys[] = {"format",          "version",       "min_reader", "program",
                                     "program_version", "ledger_id",     "scope",      "selection",
                                     "source_events",   "events",        "first_hash", "last_hash",
                                     "anchor",          "content_sha256"};
const char* const kEventKeys[] = {"seq",    "id",          "at_ms",         "actor", "type",      "payload",
                                  "action", "action_kind", "action_target", "label", "prev_hash", "hash"};

template <size_t N>
bool known(const char* const (&keys)[N], const std::string& key) {
  for (const char* k : keys)
    if (key == k) return true;
  return false;
}

// How deeply `text` (JSON) nests objects and arrays, counted outside strings.
int nesting(std::string_view text) {
  int depth = 0, deepest = 0;
  bool in_string = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\')
        ++i;
      else if (c == '"')
        in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      deepest = std::max(deepest, ++depth);
    } else if (c == '}' || c == ']') {
      --depth;
    }
  }
  return deepest;
}

// Parses "MAJOR.MINOR"; false when it is not that.
bool parse_version(const std::string& text, int& major, int& minor) {
  const size_t dot = text.find('.');
  if (dot == std::string::npos || dot == 0 || dot + 1 >= text.size() || dot > 4 || text.size() - dot > 5)
    return false;
  for (size_t i = 0; i < text.size(); ++i)
    if (i != dot && (text[i] < '0' || text[i] > '9')) return false;
  major = std::stoi(text.substr(0, dot));
  minor = std::stoi(text.substr(dot + 1));
  return true;
}

std::string text_of(const Json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

int64_t int_of(const Json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_number_integer() ? it->get<int64_t>() : 0;
}

ActionKind kind_from(const std::string& s) {
  return s == "undo" ? ActionKind::Undo : s == "redo" ? ActionKind::Redo : ActionKind::Do;
}

// Reads one event line; a message saying what is wrong, or "" when it is well formed.
std::string read_event(const Json& j, Event& e, Json& extra, int max_depth) {
  if (!j.is_object()) return "is not a JSON object";
  for (const char* key : {"seq", "at_ms", "action", "action_target"})
    if (!j.contains(key) || !j[key].is_number_integer())
      return std::string("field ") + key + " is missing or not a whole number";
  for (const char* key : {"id", "actor", "type", "payload", "action_kind", "label", "prev_hash", "hash"})
    if (!j.contains(key) || !j[key].is_string())
      return std::string("field ") + key + " is missing or not text";
  e.seq = int_of(j, "seq");
  e.id = text_of(j, "id");
  e.at_ms = int_of(j, "at_ms");
  e.actor = text_of(j, "actor");
  e.type = text_of(j, "type");
  e.payload = text_of(j, "payload");
  e.action = int_of(j, "action");
  const std::string kind = text_of(j, "action_kind");
  if (kind != "do" && kind != "undo" && kind != "redo")
    return "action_kind \"" + kind + "\" is not do, undo or redo";
  e.action_kind = kind_from(kind);
  e.action_target = int_of(j, "action_target");
  e.label = text_of(j, "label");
  e.prev_hash = text_of(j, "prev_hash");
  e.hash = text_of(j, "hash");
  if (e.seq < 1) return "seq must be 1 or more";
  if (e.id.size() != 26) return "id \"" + e.id + "\" is not an event id (26 characters)";
  if (nesting(e.payload) > max_depth)
    return "payload nests deeper than " + std::to_string(max_depth) + " levels";
  Json payload = Json::parse(e.payload, nullptr, false);
  if (payload.is_discarded() || !payload.is_object()) return "payload is not a JSON object";
  if (event_hash(e) != e.hash)
    return "its hash does not match its contents: the event was changed after it was written";
  extra = nullptr;
  for (auto it = j.begin(); it != j.end(); ++it)
    if (!known(kEventKeys, it.key())) {
      if (extra.is_null()) extra = Json::object();
      extra[it.key()] = it.value();
    }
  return "";
}

}  // namespace

std::string write_ledger_file(LedgerFile& file) {
  std::string body;
  for (size_t i = 0; i < file.events.size(); ++i) {
    const Event& e = file.events[i];
    OrderedJson j = {{"seq", e.seq},
                     {"id", e.id},
                     {"at_ms", e.at_ms},
                     {"actor", e.actor},
                     {"type", e.type},
                     {"action", e.action},
                     {"action_kind", to_string(e.action_kind)},
                     {"action_target", e.action_target},
                     {"label", e.label},
                     {"prev_hash", e.prev_hash},
                     {"hash", e.hash},
                     {"payload", e.payload}};
    if (i < file.event_extras.size() && file.event_extras[i].is_object())
      for (auto it = file.event_extras[i].begin(); it != file.event_extras[i].end(); ++it)
        j[it.key()] = it.value();
    body += j.dump(-1, ' ', false, Json::error_handler_t::replace);
    body += '\n';
  }
  LedgerFileManifest& m = file.manifest;
  m.events = int64_t(file.events.size());
  m.first_hash = file.events.empty() ? "" : file.events.front().hash;
  m.last_hash = file.events.empty() ? "" : file.events.back().hash;
  m.content_sha256 = sha256_hex(body);
  OrderedJson head = {{"format", kLedgerFileFormat},
                      {"version", std::to_string(m.major) + "." + std::to_string(m.minor)},
                      {"min_reader", m.min_reader},
                      {"program", m.program},
                      {"program_version", m.program_version},
                      {"ledger_id", m.ledger_id},
                      {"scope", m.scope},
                      {"selection", m.selection},
                      {"source_events", m.source_events},
                      {"events", m.events},
                      {"first_hash", m.first_hash},
                      {"last_hash", m.last_hash},
                      {"anchor", m.anchor},
                      {"content_sha256", m.content_sha256}};
  for (auto it = m.extra.begin(); it != m.extra.end(); ++it) head[it.key()] = it.value();
  return head.dump(-1, ' ', false, Json::error_handler_t::replace) + "\n" + body;
}

namespace {

// Reads and checks the manifest line.
Status read_manifest(const std::string& where, std::string_view line, LedgerFileManifest& m) {
  Json j = Json::parse(line, nullptr, false);
  if (j.is_discarded() || !j.is_object())
    return Problem{where,
                   "the first line is not a ledger file manifest (a JSON object): not a .duebook file"};
  if (text_of(j, "format") != kLedgerFileFormat)
    return Problem{where, "format is \"" + text_of(j, "format") + "\", not \"" + kLedgerFileFormat +
                              "\": not a Duebook ledger file"};
  if (!parse_version(text_of(j, "version"), m.major, m.minor))
    return Problem{where, "version \"" + text_of(j, "version") + "\" is not MAJOR.MINOR"};
  const std::string writer = text_of(j, "program") + " " + text_of(j, "program_version");
  if (m.major > kLedgerFileMajor)
    return Problem{where, "written in ledger file format " + text_of(j, "version") + " by " + writer +
                              "; this Duebook reads format " + std::to_string(kLedgerFileMajor) +
                              ".x: update Duebook to open it"};
  int need_major = 0, need_minor = 0;
  m.min_reader = text_of(j, "min_reader");
  if (!parse_version(m.min_reader, need_major, need_minor))
    return Problem{where, "min_reader \"" + m.min_reader + "\" is not MAJOR.MINOR"};
  if (need_major > kLedgerFileMajor || (need_major == kLedgerFileMajor && need_minor > kLedgerFileMinor))
    return Problem{where, "this file needs a reader of format " + m.min_reader + " or newer (written by " +
                              writer + "): update Duebook to open it"};
  m.program = text_of(j, "program");
  m.program_version = text_of(j, "program_version");
  m.ledger_id = text_of(j, "ledger_id");
  m.scope = text_of(j, "scope");
  if (m.scope != "whole" && m.scope != "subset")
    return Problem{where, "scope \"" + m.scope + "\" is neither whole nor subset"};
  m.selection = text_of(j, "selection");
  m.source_events = int_of(j, "source_events");
  m.events = int_of(j, "events");
  if (!j.contains("events") || !j["events"].is_number_integer() || m.events < 0)
    return Problem{where, "events (the count) is missing or not a whole number"};
  m.first_hash = text_of(j, "first_hash");
  m.last_hash = text_of(j, "last_hash");
  m.anchor = text_of(j, "anchor");
  m.content_sha256 = text_of(j, "content_sha256");
  if (m.content_sha256.size() != 64) return Problem{where, "content_sha256 is missing"};
  m.extra = Json::object();
  for (auto it = j.begin(); it != j.end(); ++it)
    if (!known(kManifestKeys, it.key())) m.extra[it.key()] = it.value();
  return ok_status();
}

// Checks the link of `e` to the event before it in the file (`before`, null for the first).
std::string check_link(const Event& e, const Event* before, bool whole) {
  if (!before) {
    if (whole && e.seq != 1) return "a whole ledger's first event must be event 1";
    if (e.seq == 1 && e.prev_hash != std::string(64, '0')) return "event 1 must link to no event before it";
    return "";
  }
  if (e.seq <= before->seq)
    return "event numbers must rise: event " + std::to_string(before->seq) + " came before";
  if (whole && e.seq != before->seq + 1)
    return "event " + std::to_string(before->seq + 1) + " is missing: the file is a whole ledger";
  if (e.seq == before->seq + 1 && e.prev_hash != before->hash)
    return "its link to event " + std::to_string(before->seq) +
           " is broken: an event was changed or replaced";
  return "";
}

}  // namespace

Result<LedgerFile> read_ledger_file(std::string_view name, std::string_view bytes,
                                    const LedgerFileLimits& limits) {
  const std::string file(name);
  if (int64_t(bytes.size()) > limits.max_bytes)
    return Problem{file, "the file is " + std::to_string(bytes.size()) + " bytes, over the limit of " +
                             std::to_string(limits.max_bytes)};
  if (bytes.empty()) return Problem{file, "the file is empty, not a Duebook ledger file"};
  LedgerFile out;
  size_t end = bytes.find('\n');
  if (end == std::string_view::npos) end = bytes.size();
  if (end > 1 << 20) return Problem{file + ":1", "the manifest line is over 1 MiB"};
  if (Status s = read_manifest(file + ":1", bytes.substr(0, end), out.manifest); !s) return s.problems();
  const bool whole = out.manifest.scope == "whole";
  if (out.manifest.events > limits.max_events)
    return Problem{file + ":1", "the file declares " + std::to_string(out.manifest.events) +
                                    " events, over the limit of " + std::to_string(limits.max_events)};
  const std::string_view body = end < bytes.size() ? bytes.substr(end + 1) : std::string_view();
  int64_t line_no = 1;
  for (size_t pos = 0; pos < body.size();) {
    ++line_no;
    size_t stop = body.find('\n', pos);
    if (stop == std::string_view::npos) stop = body.size();
    const std::string_view line = body.substr(pos, stop - pos);
    pos = stop + 1;
    const std::string where = file + ":" + std::to_string(line_no);
    if (int64_t(out.events.size()) >= limits.max_events || int64_t(out.events.size()) >= out.manifest.events)
      return Problem{where, "more event lines than the manifest's count (" +
                                std::to_string(out.manifest.events) +
                                "): lines were added after the file was written"};
    if (int64_t(line.size()) > limits.max_line_bytes)
      return Problem{where,
                     "the line is over the limit of " + std::to_string(limits.max_line_bytes) + " bytes"};
    if (nesting(line) > 4) return Problem{where, "an event line nests objects; its payload is text"};
    Json j = Json::parse(line, nullptr, false);
    Event e;
    Json extra;
    std::string why = j.is_discarded() ? "is not JSON" : read_event(j, e, extra, limits.max_depth);
    if (why.empty()) why = check_link(e, out.events.empty() ? nullptr : &out.events.back(), whole);
    if (!why.empty()) {
      const int64_t seq = j.is_object() ? int_of(j, "seq") : 0;
      return Problem{where, (seq > 0 ? "event " + std::to_string(seq) + ": " : "") + why};
    }
    out.events.push_back(std::move(e));
    out.event_extras.push_back(std::move(extra));
  }
  const LedgerFileManifest& m = out.manifest;
  if (int64_t(out.events.size()) != m.events)
    return Problem{file, "the manifest lists " + std::to_string(m.events) + " events but the file holds " +
                             std::to_string(out.events.size()) + ": the file was cut short"};
  const std::string first = out.events.empty() ? "" : out.events.front().hash;
  const std::string last = out.events.empty() ? "" : out.events.back().hash;
  if (first != m.first_hash || last != m.last_hash)
    return Problem{file, "the first or last event is not the one the manifest names: events were replaced"};
  if (sha256_hex(body) != m.content_sha256)
    return Problem{file,
                   "the content hash does not match the manifest: the file was changed after it was written"};
  return out;
}

}  // namespace duebook

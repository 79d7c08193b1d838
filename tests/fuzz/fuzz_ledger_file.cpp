// The ledger file reader on any bytes: never a crash; what it accepts writes back byte for byte and opens
// into an empty ledger, or is refused leaving that ledger empty. With the first byte odd, the manifest's
// content hash is set to the body's real one first, so mutations reach the event checks behind it.
#include <cstdint>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "base/sha256.h"
#include "files/ledger_file.h"
#include "fuzz_support.h"
#include "ledger/ledger.h"
#include "ledger/ledger_file_open.h"

namespace {

// `bytes` with the manifest's content_sha256 made to match the body, when the manifest is a JSON object.
std::string with_content_hash(const std::string& bytes) {
  const size_t end = bytes.find('\n');
  if (end == std::string::npos) return bytes;
  nlohmann::json manifest = nlohmann::json::parse(bytes.substr(0, end), nullptr, false);
  if (!manifest.is_object()) return bytes;
  const std::string body = bytes.substr(end + 1);
  manifest["content_sha256"] = duebook::sha256_hex(body);
  return manifest.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n" + body;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 1 << 18 || size == 0) return 0;
  std::string bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
  if (data[0] & 1) bytes = with_content_hash(bytes);
  duebook::LedgerFileLimits limits;
  limits.max_events = 2000;
  duebook::Result<duebook::LedgerFile> file = duebook::read_ledger_file("fuzz.duebook", bytes, limits);
  if (!file) {
    FUZZ_CHECK(!file.problems().empty());
    return 0;
  }
  duebook::LedgerFile copy = file.value();
  const std::string written = duebook::write_ledger_file(copy);
  duebook::Result<duebook::LedgerFile> again = duebook::read_ledger_file("fuzz.duebook", written, limits);
  FUZZ_CHECK(again.ok());
  duebook::LedgerFile twice = again.value();
  FUZZ_CHECK(duebook::write_ledger_file(twice) == written);
  duebook::LedgerEnv env;
  env.wal = false;
  auto opened = duebook::Ledger::open(":memory:", env);
  FUZZ_CHECK(opened.ok());
  duebook::Ledger& ledger = *opened.value();
  auto out = duebook::open_ledger_file(ledger, file.value(), duebook::ConflictChoice::Ask, false);
  if (!out) FUZZ_CHECK(duebook::last_event_seq(ledger.db()) == 0);
  FUZZ_CHECK(ledger.verify().first_bad_seq == 0);
  return 0;
}

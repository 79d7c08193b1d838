// Shared fixtures for the core suites: throwaway ledgers with a fixed clock.
#pragma once

#include <doctest/doctest.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>

#include "base/date.h"
#include "ledger/ledger.h"

namespace duebook {

// The day number (days since 1970-01-01) and the Date of an ISO date the test knows is valid: "2026-03-01".
inline int32_t iso_day(const char* iso) {
  return static_cast<int32_t>(days_from_civil(*parse_date(iso)));
}
inline Date iso_date(const char* iso) {
  return *parse_date(iso);
}

inline LedgerEnv test_env() {
  LedgerEnv env;
  env.now_ms = [] { return int64_t{1767225600000}; };  // 2026-01-01T00:00:00Z
  env.actor = "test";
  env.seed = 42;
  env.wal = false;
  return env;
}

inline std::unique_ptr<Ledger> open_test_ledger(const std::string& path) {
  Result<std::unique_ptr<Ledger>> r = Ledger::open(path, test_env());
  REQUIRE_MESSAGE(r.ok(), describe(r.problems()));
  return std::move(r.value());
}

// An in-memory ledger. Its schema is intact, so a statement that failed to prepare on it is a mistake in our
// own SQL (Db::prepare records it rather than aborting): the test fails with that SQL.
struct TestLedger {
  std::unique_ptr<Ledger> ledger = open_test_ledger(":memory:");
  Ledger* operator->() { return ledger.get(); }
  ~TestLedger() {
    const std::string failed = "our SQL failed: " + ledger->db().fault().detail;
    CHECK_MESSAGE(ledger->db().fault().kind == FaultKind::None, failed);
  }
};

#ifdef DUEBOOK_FIXTURES
// The bytes of tests/fixtures/`name`.
inline std::string fixture(const std::string& name) {
  std::ifstream in(std::string(DUEBOOK_FIXTURES) + "/" + name, std::ios::binary);
  REQUIRE_MESSAGE(in.good(), name);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}
#endif

// A file path removed (with its journal files) at the end of the scope.
struct TempFile {
  std::string path;
  explicit TempFile(const std::string& name) {
    static std::atomic<int> counter{0};
    // The process id keeps two test runs at once (two build folders) off each other's files.
    path = "/tmp/duebook-test-" + name + "-" + std::to_string(getpid()) + "-" + std::to_string(counter++) +
           ".sqlite";
    remove_all();
  }
  ~TempFile() { remove_all(); }
  void remove_all() {
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) std::remove((path + suffix).c_str());
  }
};

inline CustomerFields customer_fields(const std::string& name, const std::string& currency = "USD") {
  CustomerFields f;
  f.name = name;
  f.currency = currency;
  f.terms = "Net 30";
  return f;
}

// Every row of every projection table, in a canonical order, as text.
std::string dump_projections(Db& db);

}  // namespace duebook

// The invoice and payment importers on any file: never a crash, and a refused file leaves the ledger exactly
// as it was (the event count and the projections' receivables invariants hold either way).
#include <cstdint>
#include <memory>

#include "fuzz_support.h"
#include "ledger/ledger.h"

namespace {

std::unique_ptr<duebook::Ledger> the_ledger;

duebook::Ledger& ledger() {
  return *the_ledger;
}

std::unique_ptr<duebook::Ledger> make_ledger() {
  {
    duebook::LedgerEnv env;
    env.wal = false;
    auto opened = duebook::Ledger::open(":memory:", env);
    FUZZ_CHECK(opened.ok());
    std::unique_ptr<duebook::Ledger> made = std::move(opened.value());
    duebook::CustomerFields f;
    f.name = "Acme Ltd";
    f.currency = "EUR";
    f.terms = "Net 30";
    FUZZ_CHECK(made->execute(duebook::AddCustomer{f}).ok());
    return made;
  }
}

}  // namespace

// Made once, before the first input, so libFuzzer's leak check does not count it against an input.
extern "C" int LLVMFuzzerInitialize(int*, char***) {
  the_ledger = make_ledger();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 1 << 16) return 0;
  duebook::Ledger& l = ledger();
  const std::string text(reinterpret_cast<const char*>(data), size);
  const int64_t before = duebook::last_event_seq(l.db());
  // The first byte picks the importer, so one corpus feeds both.
  duebook::Result<duebook::ActionOutcome> r =
      size > 0 && (data[0] & 1) ? l.execute(duebook::ImportPayments{"fuzz.csv", text.substr(1), ""})
                                : l.execute(duebook::ImportInvoices{"fuzz.csv", text, "", "EUR"});
  if (!r) {
    FUZZ_CHECK(duebook::last_event_seq(l.db()) == before);
    FUZZ_CHECK(!r.problems().empty());
  } else {
    FUZZ_CHECK(duebook::last_event_seq(l.db()) > before);
    FUZZ_CHECK(l.undo().ok());  // the next input starts from the same ledger (undo appends, ids move on)
  }
  FUZZ_CHECK(l.verify().first_bad_seq == 0);
  return 0;
}

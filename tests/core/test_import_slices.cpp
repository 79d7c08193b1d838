// Imports a slice at a time (StreamJob): the same outcome as one execute, the ledger closed to other changes
// meanwhile, and a refused or abandoned job leaving nothing behind.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "files/imports.h"
#include "invoicing/invoice_queries.h"
#include "ledger/stream_job.h"
#include "receivables_checks.h"
#include "test_support.h"

using namespace duebook;

namespace {

// Runs `command` as a job, `rows` rows a step; returns the outcome, the progress seen after each step.
Result<ActionOutcome> run_in_slices(Ledger& ledger, const Command& command, int64_t rows,
                                    std::vector<double>* progress = nullptr) {
  Result<std::unique_ptr<StreamJob>> job = ledger.start(command);
  if (!job) return job.problems();
  for (;;) {
    Result<bool> done = job.value()->step(rows);
    if (!done) return done.problems();
    if (progress) progress->push_back(job.value()->progress());
    if (done.value()) return job.value()->outcome();
  }
}

}  // namespace

TEST_CASE("an import run a few rows at a time writes exactly what one execute writes") {
  TestLedger whole, sliced;
  for (TestLedger* t : {&whole, &sliced}) must(*t->ledger, AddCustomer{customer_fields("Acme Ltd")});
  REQUIRE(whole->execute(ImportInvoices{"invoices_good.csv", fixture("invoices_good.csv"), "", "USD"}).ok());
  REQUIRE(whole->execute(ImportPayments{"payments_good.csv", fixture("payments_good.csv"), ""}).ok());

  std::vector<double> progress;
  int64_t revision = sliced->revision();
  Result<ActionOutcome> invoices = run_in_slices(
      *sliced.ledger, ImportInvoices{"invoices_good.csv", fixture("invoices_good.csv"), "", "USD"}, 2,
      &progress);
  REQUIRE_MESSAGE(invoices.ok(), describe(invoices.problems()));
  CHECK(sliced->revision() == revision + 1);  // one commit, at the end
  // Six rows two at a time: three steps that read rows and one that finds the end (the file checked, before
  // the write lock), then the one that writes and commits.
  REQUIRE(progress.size() == 5);
  CHECK(progress[3] == 0.5);
  for (size_t i = 1; i < progress.size(); ++i) CHECK(progress[i] >= progress[i - 1]);
  CHECK(progress.front() < 1.0);
  CHECK(progress.back() == 1.0);
  CHECK(find_import(sliced->db(), invoices->created_id)->invoices == 5);
  Result<ActionOutcome> payments =
      run_in_slices(*sliced.ledger, ImportPayments{"payments_good.csv", fixture("payments_good.csv"), ""}, 1);
  REQUIRE_MESSAGE(payments.ok(), describe(payments.problems()));

  CHECK(dump_projections(sliced->db()) == dump_projections(whole->db()));
  CHECK(read_events(sliced->db()).size() == read_events(whole->db()).size());
  CHECK(sliced->verify().first_bad_seq == 0);
  CHECK(receivables_violations(sliced->db()) == "");
  REQUIRE(sliced->undo().ok());  // the sliced import is one action, undone as one
  CHECK(find_import(sliced->db(), payments->created_id));
}

TEST_CASE("while a job runs the ledger takes no other change; a refused or dropped job leaves nothing") {
  TestLedger t;
  must(*t.ledger, AddCustomer{customer_fields("Acme Ltd")});
  std::string before = dump_projections(t->db());
  size_t events = read_events(t->db()).size();

  {
    Result<std::unique_ptr<StreamJob>> job =
        t->start(ImportInvoices{"invoices_good.csv", fixture("invoices_good.csv"), "", "USD"});
    REQUIRE(job.ok());
    REQUIRE(job.value()->step(3).ok());
    CHECK(t->busy());
    Result<ActionOutcome> other = t->execute(AddCustomer{customer_fields("Beta Ltd")});
    REQUIRE_FALSE(other.ok());
    CHECK(describe(other.problems()).find("an import is under way") != std::string::npos);
    CHECK_FALSE(t->undo().ok());
    CHECK_FALSE(t->start(ImportPayments{"p.csv", fixture("payments_good.csv"), ""}).ok());
  }  // dropped unfinished: rolled back
  CHECK_FALSE(t->busy());
  CHECK(dump_projections(t->db()) == before);
  CHECK(read_events(t->db()).size() == events);

  // A file with bad rows: refused at the step that reaches the end, naming file:row:field; nothing kept.
  Result<ActionOutcome> bad =
      run_in_slices(*t.ledger, ImportInvoices{"invoices_bad.csv", fixture("invoices_bad.csv"), "", "USD"}, 1);
  REQUIRE_FALSE(bad.ok());
  CHECK(describe(bad.problems()).find("invoices_bad.csv:") != std::string::npos);
  CHECK_FALSE(t->busy());
  CHECK(dump_projections(t->db()) == before);
  CHECK(read_events(t->db()).size() == events);
  // The ledger takes changes again.
  CHECK(t->execute(AddCustomer{customer_fields("Beta Ltd")}).ok());
}

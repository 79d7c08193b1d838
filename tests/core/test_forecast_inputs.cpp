// Promises to pay and installment plans, read from the ledger as the forecast's scheduled receipts.
#include <doctest/doctest.h>

#include "collections/collections.h"
#include "collections/forecast_inputs.h"
#include "receivables_checks.h"
#include "reports/ar_snapshot.h"
#include "test_support.h"

using namespace duebook;

TEST_CASE("an open promise becomes a scheduled receipt of what is still unpaid, and the forecast counts it") {
  // EUR 800.00 invoiced 2026-01-30, due 2026-03-01; on 03-08 the customer promises all of it by 03-20 and
  // pays 300.00 on 03-09. As of 03-10 the promise is open (03-20 + 3 days grace not passed) with 800.00 −
  // 300.00 = 500.00 left, expected on 03-20 with the default 70 % (no promise kept or broken yet).
  TestLedger t;
  int64_t pine = must(*t.ledger, AddCustomer{customer_fields("Pine plc", "EUR")});
  InvoiceFields f = invoice_for(pine, "2026-01-30", 80000);
  f.due_date = day("2026-03-01");
  int64_t p = must(*t.ledger, AddInvoice{f, true});
  must(*t.ledger, AddPromise{pine, day("2026-03-08"), day("2026-03-20"), 80000, {p}, "on the call"});
  must(*t.ledger, RecordPayment{pine, day("2026-03-09"), 30000, "", "bank transfer", ""});

  Result<ArSnapshot> snap = load_ar_snapshot(t->db());
  REQUIRE(snap.ok());
  std::vector<ScheduledReceipt> receipts = scheduled_receipts(t->db(), snap.value(), day("2026-03-10"));
  REQUIRE(receipts.size() == 1);
  CHECK(receipts[0].amount == 50000);
  CHECK(receipts[0].day == day_number(day("2026-03-20")));
  CHECK(receipts[0].invoice == snap->invoice_index(p));
  CHECK(receipts[0].probability_percent == Decimal{kDefaultPromisePercent, 0});

  // The forecast's expected line takes 500.00 × 70 % = 350.00 from the promise in the week holding 03-20
  // (week 2: 03-18..03-24), and the invoice it names is left to the promise.
  ForecastOptions options;
  options.as_of = day("2026-03-10");
  Result<CashForecast> with = forecast_cash(snap->ledger, receipts, options);
  REQUIRE(with.ok());
  REQUIRE(with->by_currency.size() == 1);
  CHECK(with->by_currency[0].expected.weeks[1] == 35000);

  // Once fully paid the promise is kept and nothing is scheduled.
  must(*t.ledger, RecordPayment{pine, day("2026-03-15"), 50000, "", "bank transfer", ""});
  Result<ArSnapshot> after = load_ar_snapshot(t->db());
  REQUIRE(after.ok());
  CHECK(scheduled_receipts(t->db(), after.value(), day("2026-03-16")).empty());
}

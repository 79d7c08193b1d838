#!/usr/bin/env bash
# CLI tests: run the real duebook binary against fresh ledgers and fixtures; check output and exit codes.
# Usage: tests/cli/run.sh PATH/TO/duebook FIXTURES_DIR
set -u
bin=$1
fixtures=$2
. "$(dirname "$0")/checks.sh"

db="$work/ledger.sqlite"
check "init" 0 "$bin" --db "$db" init
check "add customer" 0 "$bin" --db "$db" customer add "Acme Ltd" --currency EUR --terms "Net 30" \
  --billing-name "Ann Payable" --billing-email ann@acme.example --credit-limit 5000
expect "add says id" "$work/out" "Added customer #1 Acme Ltd"
check "add accented" 0 "$bin" --db "$db" customer add "Café Müller" --currency EUR
check "duplicate name rejected" 3 "$bin" --db "$db" customer add "ACME LTD"
expect "duplicate names field" "$work/err" "name: a customer named \"Acme Ltd\" already exists"
check "bad currency rejected" 3 "$bin" --db "$db" customer add "Zed" --currency EURO
expect "bad currency names field" "$work/err" "currency:"
check "bad credit limit rejected" 3 "$bin" --db "$db" customer add "Zed" --credit-limit 12.345
expect "bad credit limit names option" "$work/err" "--credit-limit"
check "list json" 0 "$bin" --db "$db" --format json customer list
expect "json has name" "$work/out" '"name": "Acme Ltd"'
expect "json has credit limit" "$work/out" '"credit_limit": "5000.00"'
check "list csv" 0 "$bin" --db "$db" --format csv customer list
expect "csv header" "$work/out" '^id,name,currency,terms,credit_limit,status'
check "list table" 0 "$bin" --db "$db" customer list
expect "table row" "$work/out" 'Café Müller'
check "hold" 0 "$bin" --db "$db" customer hold "Acme Ltd"
check "show" 0 "$bin" --db "$db" --format json customer show 1
expect "show status" "$work/out" '"value": "hold"'
check "undo" 0 "$bin" --db "$db" undo
check "show after undo" 0 "$bin" --db "$db" --format json customer show 1
expect "status back" "$work/out" '"value": "active"'
check "redo" 0 "$bin" --db "$db" redo
check "verify" 0 "$bin" --db "$db" verify
expect "verify count" "$work/out" "OK: 5 events"
check "rebuild" 0 "$bin" --db "$db" rebuild
check "log json" 0 "$bin" --db "$db" --format json log
expect "log has types" "$work/out" '"type": "customer.added"'
check "unknown command" 2 "$bin" --db "$db" frobnicate
check "unknown subcommand" 2 "$bin" --db "$db" customer frob
check "bad format" 2 "$bin" --db "$db" --format xml customer list
check "extra argument" 2 "$bin" --db "$db" customer list extra
check "unreadable database" 4 "$bin" --db "$work/no/such/dir/x.sqlite" customer list
printf 'not a database at all, just text\n%.0s' {1..200} > "$work/garbage.sqlite"
check "garbage file refused" 4 "$bin" --db "$work/garbage.sqlite" customer list
expect "garbage names file" "$work/err" "garbage.sqlite"

check "help" 0 "$bin" --help
expect "help lists commands" "$work/out" "customer add"

# Reports: a small two-currency ledger built with the CLI, aged as of two days.
# same NAME FILE EXPECTED: the file holds exactly EXPECTED (plus its final newline)
same() {
  if printf '%s\n' "$3" | diff -q - "$2" >/dev/null; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    echo "FAIL: $1: differs:"
    printf '%s\n' "$3" | diff - "$2" | head -20
  fi
}
rdb="$work/reports.sqlite"
check "report: init" 0 "$bin" --db "$rdb" init
check "report: customer USD" 0 "$bin" --db "$rdb" customer add "Acme Ltd" --currency USD --terms "Net 30"
check "report: customer EUR" 0 "$bin" --db "$rdb" customer add "Beta GmbH" --currency EUR --terms "Net 30"
check "report: invoice 1" 0 "$bin" --db "$rdb" invoice add --customer "Acme Ltd" --line "Widgets;1;100.00" \
  --date 2026-01-01 --issue
check "report: invoice 2" 0 "$bin" --db "$rdb" invoice add --customer "Acme Ltd" --line "Gadgets;2;25.00" \
  --date 2026-03-01 --issue
check "report: invoice 3" 0 "$bin" --db "$rdb" invoice add --customer "Beta GmbH" --line "Service;1;200.00" \
  --date 2026-02-01 --issue
check "report: payment" 0 "$bin" --db "$rdb" payment add --customer "Acme Ltd" --amount 40 --date 2026-02-15
check "report: credit note" 0 "$bin" --db "$rdb" credit-note add --customer "Beta GmbH" --amount 25 \
  --date 2026-03-10 --reason goodwill
# 2026-02-14, before the payment and the credit note: INV-0001 (due 01-31) is 14 days late, INV-0003 (due 03-03)
# not yet due, INV-0002 not issued.
check "report aging json (past day)" 0 "$bin" --db "$rdb" --format json report aging --as-of 2026-02-14
same "aging json before the payment" "$work/out" '{"as_of": "2026-02-14", "basis": "due_date", "buckets": ["current", "1-30", "31-60", "61-90", "90+"], "by_currency": [{"currency": "EUR", "customers": [{"name": "Beta GmbH", "buckets": ["200.00", "0.00", "0.00", "0.00", "0.00"], "total": "200.00", "unapplied_credit": "0.00"}], "totals": {"buckets": ["200.00", "0.00", "0.00", "0.00", "0.00"], "total": "200.00"}}, {"currency": "USD", "customers": [{"name": "Acme Ltd", "buckets": ["0.00", "100.00", "0.00", "0.00", "0.00"], "total": "100.00", "unapplied_credit": "0.00"}], "totals": {"buckets": ["0.00", "100.00", "0.00", "0.00", "0.00"], "total": "100.00"}}]}'
# 2026-03-31: INV-0001 100 − 40 = 60.00, 59 days late; INV-0002 50.00 due that day (current); INV-0003 28 days
# late; the credit note (against the customer) is Beta's unapplied credit.
check "report aging json" 0 "$bin" --db "$rdb" --format json report aging --as-of 2026-03-31
same "aging json after" "$work/out" '{"as_of": "2026-03-31", "basis": "due_date", "buckets": ["current", "1-30", "31-60", "61-90", "90+"], "by_currency": [{"currency": "EUR", "customers": [{"name": "Beta GmbH", "buckets": ["0.00", "200.00", "0.00", "0.00", "0.00"], "total": "200.00", "unapplied_credit": "25.00"}], "totals": {"buckets": ["0.00", "200.00", "0.00", "0.00", "0.00"], "total": "200.00"}}, {"currency": "USD", "customers": [{"name": "Acme Ltd", "buckets": ["50.00", "0.00", "60.00", "0.00", "0.00"], "total": "110.00", "unapplied_credit": "0.00"}], "totals": {"buckets": ["50.00", "0.00", "60.00", "0.00", "0.00"], "total": "110.00"}}]}'
check "report aging csv buckets" 0 "$bin" --db "$rdb" --format csv report aging --as-of 2026-03-31 --buckets 30,60
expect "aging csv header" "$work/out" '^currency,customer,current,1-30,31-60,60\+,total,unapplied_credit'
expect "aging csv row" "$work/out" '^USD,Acme Ltd,50.00,0.00,60.00,0.00,110.00,0.00'
check "report aging table by invoice date" 0 "$bin" --db "$rdb" report aging --as-of 2026-03-31 --basis invoice_date
expect "aging table total" "$work/out" '^TOTAL +0.00 +0.00 +200.00'
check "report aging bad date" 3 "$bin" --db "$rdb" report aging --as-of 2026-02-30
expect "bad date names option" "$work/err" '^--as-of: '
check "report aging bad basis" 3 "$bin" --db "$rdb" report aging --as-of 2026-03-31 --basis payday
expect "bad basis names option" "$work/err" '^--basis: '
check "report aging bad buckets" 3 "$bin" --db "$rdb" report aging --as-of 2026-03-31 --buckets 60,30
expect "bad buckets names option" "$work/err" '^--buckets: '
check "report aging unknown option" 2 "$bin" --db "$rdb" report aging --as-of 2026-03-31 --colour red
check "report unknown subcommand" 2 "$bin" --db "$rdb" report frob
check "report statement json" 0 "$bin" --db "$rdb" --format json report statement --customer "Acme Ltd" \
  --from 2026-02-01 --to 2026-03-31
expect "statement opening" "$work/out" '"opening_balance": "100.00"'
expect "statement payment line" "$work/out" '"balance": "60.00"'
expect "statement closing" "$work/out" '"closing_balance": "110.00"'
check "report statement unknown customer" 3 "$bin" --db "$rdb" report statement --customer Nobody
expect "statement names option" "$work/err" '^--customer: '
check "report statement needs customer" 2 "$bin" --db "$rdb" report statement
check "report dso" 0 "$bin" --db "$rdb" --format csv report dso --from 2026-01-01 --to 2026-03-31
# USD: 110.00 open / 150.00 sold × 90 days = 66.00; best possible 50 / 150 × 90 = 30.00.
expect "dso usd" "$work/out" '^USD,2026-01-01,2026-03-31,90,150.00,110.00,50.00,66.00,'
expect "dso best possible" "$work/out" '^USD,.*,30.00,36.00,[[:space:]]*$'
check "report dso bad period" 3 "$bin" --db "$rdb" report dso --from 2026-03-31 --to 2026-01-01
check "report cei" 0 "$bin" --db "$rdb" --format csv report cei --from 2026-01-01 --to 2026-03-31
# USD: (0 + 150 − 110) / (0 + 150 − 50) = 40 %.
expect "cei usd" "$work/out" '^USD,2026-01-01,2026-03-31,0.00,150.00,110.00,50.00,40.00,[[:space:]]*$'
check "report days-late" 0 "$bin" --db "$rdb" --format csv report days-late --from 2026-01-01 --to 2026-03-31
expect "days late acme" "$work/out" '^USD,Acme Ltd,1,40.00,15.00,0,,,[[:space:]]*$'
check "report forecast" 0 "$bin" --db "$rdb" --format json report forecast --as-of 2026-03-31
# Naive: everything due by the as-of day in week 1: USD 60.00 overdue + 50.00 due on 03-31.
expect "forecast naive week 1" "$work/out" '"naive": "110.00"'
check "report backtest" 0 "$bin" --db "$rdb" report backtest --as-of 2026-01-15
check "report options" 0 "$bin" --db "$rdb" --format csv report options --invoices INV-2026-0001 \
  --as-of 2026-03-31 --discount 2 --interest contract:18 --factoring advance=80,fee=3,reserve=20 --agency 25
expect "options discount" "$work/out" '^discount,USD,58.80,58.80,'
check "report options unknown invoice" 3 "$bin" --db "$rdb" report options --invoices INV-9
expect "options names invoices" "$work/err" '^--invoices: '
check "report options bad reserve" 3 "$bin" --db "$rdb" report options --invoices INV-2026-0001 \
  --factoring advance=80,reserve=30
expect "options names factoring" "$work/err" '^--factoring reserve: '
# Installments and settling for less, when asked (collections/options_endgame.h): 60.00 in 3 from 2026-04-30, kept
# for sure, is 60.00 expected and nothing today; 45.00 accepted is 45.00 today and expected.
check "report options endgame" 0 "$bin" --db "$rdb" --format csv report options --invoices INV-2026-0001 \
  --as-of 2026-03-31 --installments 3,start=2026-04-30 --settle 45
expect "options installments" "$work/out" '^installments,USD,0.00,60.00,'
expect "options settlement" "$work/out" '^settlement,USD,45.00,45.00,'
check "report options settle all" 3 "$bin" --db "$rdb" report options --invoices INV-2026-0001 --settle 60
expect "options names settle" "$work/err" '^--settle: '
check "report on a garbage file" 4 "$bin" --db "$work/garbage.sqlite" report aging --as-of 2026-03-31

# Invoices, payments, credit notes, imports and export (the ledger core of issue 3).
ldb="$work/ledger3.sqlite"
check "l3: init" 0 "$bin" --db "$ldb" init
check "l3: customer" 0 "$bin" --db "$ldb" customer add "Acme Ltd" --currency USD --terms "Net 30"
check "l3: draft" 0 "$bin" --db "$ldb" invoice add --customer "Acme Ltd" --date 2026-03-01 \
  --line "Consulting;10;120.00;19" --line "Travel;1;80.00"
expect "l3: draft says id" "$work/out" "Draft an invoice for Acme Ltd \(#1\)"
check "l3: issue draft" 0 "$bin" --db "$ldb" invoice issue '#1' --date 2026-03-02
expect "l3: issued number" "$work/out" "Issue invoice INV-2026-0001 to Acme Ltd"
check "l3: add and issue" 0 "$bin" --db "$ldb" invoice add --customer 1 --date 2026-03-05 --line "Widgets;3;9.99" --issue
expect "l3: second number" "$work/out" "INV-2026-0002"
check "l3: bad line rejected" 3 "$bin" --db "$ldb" invoice add --customer 1 --line "Oops;x;1.00"
expect "l3: bad line names option" "$work/err" "--line 1 quantity"
check "l3: bad tax rejected" 3 "$bin" --db "$ldb" invoice add --customer 1 --line "Oops;1;1.00;150" --issue
expect "l3: bad tax names field" "$work/err" "lines\[0\].tax_rate_percent"
check "l3: unknown customer" 3 "$bin" --db "$ldb" invoice add --customer Nobody --line "A;1;1.00"
check "l3: add without customer is usage" 2 "$bin" --db "$ldb" invoice add --line "A;1;1.00"
check "l3: payment by reference" 0 "$bin" --db "$ldb" payment add --customer "Acme Ltd" --amount 500 \
  --date 2026-03-10 --reference INV-2026-0002 --method bank
expect "l3: applied to named first" "$work/out" "Applied to: INV-2026-0002, INV-2026-0001; unapplied: 0.00 USD"
check "l3: payment wrong currency" 3 "$bin" --db "$ldb" payment add --customer 1 --amount 5 --currency EUR
expect "l3: currency named" "$work/err" "currency: the payment is in EUR"
check "l3: list json" 0 "$bin" --db "$ldb" --format json invoice list
expect "l3: list has partial" "$work/out" '"status": "partial"'
expect "l3: list has paid" "$work/out" '"settled_on": "2026-03-10"'
check "l3: list csv sorted by amount" 0 "$bin" --db "$ldb" --format csv invoice list --sort amount --desc
expect "l3: csv header" "$work/out" '^id,number,status,customer,issue_date,due_date,currency,total,open,settled_on'
expect "l3: biggest first" "$work/out" '^1,INV-2026-0001,partial'
check "l3: list unpaid" 0 "$bin" --db "$ldb" --format csv invoice list --status unpaid
expect "l3: only the partial one" "$work/out" '^1,INV-2026-0001'
check "l3: bad status" 2 "$bin" --db "$ldb" invoice list --status late
check "l3: show json" 0 "$bin" --db "$ldb" --format json invoice show INV-2026-0001
expect "l3: show total" "$work/out" '"total": "1508.00"'
expect "l3: show applied" "$work/out" '"from": "payment #1 \(bank\) ref INV-2026-0002"'
check "l3: show table" 0 "$bin" --db "$ldb" invoice show INV-2026-0001
expect "l3: show line" "$work/out" '^Consulting +10 +120.00'
check "l3: credit note too big" 3 "$bin" --db "$ldb" credit-note add --invoice INV-2026-0001 --amount 2000 \
  --date 2026-03-11
expect "l3: credit note names amount" "$work/err" "amount: is more than the open amount"
check "l3: credit note on invoice" 0 "$bin" --db "$ldb" credit-note add --invoice INV-2026-0001 --amount 100 \
  --date 2026-03-11 --reason "price"
expect "l3: credit note number" "$work/out" "Credit note CN-2026-0001"
check "l3: credit note to customer" 0 "$bin" --db "$ldb" credit-note add --customer 1 --amount 50 --date 2026-03-12
check "l3: allocate credit note" 0 "$bin" --db "$ldb" payment allocate --credit-note CN-2026-0002 \
  --invoice INV-2026-0001=20.00
check "l3: unapplied credits" 0 "$bin" --db "$ldb" --format csv payment credits --customer "Acme Ltd"
expect "l3: credits header" "$work/out" '^kind,id,number,date,customer,currency,amount,unapplied,detail'
expect "l3: the credit note's rest" "$work/out" '^credit_note,2,CN-2026-0002,2026-03-12,Acme Ltd,USD,50.00,30.00,'
if grep -q "^payment," "$work/out"; then failed=$((failed + 1)); echo "FAIL: l3: a fully applied payment listed"; \
  else passed=$((passed + 1)); fi
check "l3: credits of nobody" 3 "$bin" --db "$ldb" payment credits --customer Nobody
check "l3: balance" 0 "$bin" --db "$ldb" --format csv customer balance "Acme Ltd"
expect "l3: balance row" "$work/out" '^1,Acme Ltd,USD,917.97,30.00,887.97,1'
check "l3: write-off" 0 "$bin" --db "$ldb" invoice write-off INV-2026-0001 --amount 7.97 --reason rounding \
  --date 2026-03-20
check "l3: void needs reason" 3 "$bin" --db "$ldb" invoice void INV-2026-0001 --date 2026-03-21
expect "l3: void names reason" "$work/err" "reason:"
check "l3: void" 0 "$bin" --db "$ldb" invoice void INV-2026-0001 --reason "wrong customer" --date 2026-03-21
check "l3: balance after void" 0 "$bin" --db "$ldb" --format csv customer balance 1
expect "l3: all back to credit" "$work/out" '^1,Acme Ltd,USD,0.00,620.03,-620.03,0'
check "l3: refund" 0 "$bin" --db "$ldb" payment refund --customer 1 --amount 20.97 --date 2026-03-22
check "l3: payment list" 0 "$bin" --db "$ldb" --format csv payment list
expect "l3: payment row" "$work/out" '^1,2026-03-10,Acme Ltd,USD,500.00,'
check "l3: undo refund" 0 "$bin" --db "$ldb" undo
check "l3: undo void" 0 "$bin" --db "$ldb" undo
check "l3: show after undo" 0 "$bin" --db "$ldb" --format json invoice show INV-2026-0001
expect "l3: reinstated" "$work/out" '"status": "partial"'
check "l3: redo void" 0 "$bin" --db "$ldb" redo
check "l3: schedule add" 0 "$bin" --db "$ldb" schedule add --customer 1 --every monthly --start 2026-01-31 \
  --end 2026-04-30 --line "Rent;1;1000.00"
check "l3: schedule run" 0 "$bin" --db "$ldb" schedule run --as-of 2026-03-31
expect "l3: schedule ran" "$work/out" "Run schedules as of 2026-03-31"
check "l3: schedule run again: nothing due" 0 "$bin" --db "$ldb" schedule run --as-of 2026-03-31
expect "l3: nothing due" "$work/out" "no scheduled invoice is due"
check "l3: held customer" 0 "$bin" --db "$ldb" customer add "Held Co" --currency USD --terms "Net 30"
check "l3: hold it" 0 "$bin" --db "$ldb" customer hold "Held Co"
check "l3: schedule for the held" 0 "$bin" --db "$ldb" schedule add --customer "Held Co" --every monthly \
  --start 2026-04-30 --line "Rent;1;1000.00"
check "l3: schedule run with a hold" 0 "$bin" --db "$ldb" schedule run --as-of 2026-04-30
expect "l3: held left as draft" "$work/out" "1 invoice left as draft: customer on hold"
check "l3: verify" 0 "$bin" --db "$ldb" verify
check "l3: rebuild" 0 "$bin" --db "$ldb" rebuild

# Imports: all rows or none, file:row:field for each bad row, never twice, proper CSV.
idb="$work/import.sqlite"
check "import: init" 0 "$bin" --db "$idb" init
check "import: customer" 0 "$bin" --db "$idb" customer add "Acme Ltd" --currency USD --terms "Net 30"
check "import: invoices" 0 "$bin" --db "$idb" --format csv import --invoices "$fixtures/invoices_good.csv"
expect "import: counts" "$work/out" '^1,.*invoices_good.csv,6,5,0,2,[0-9a-f]{64}'
check "import: same file refused" 3 "$bin" --db "$idb" import --invoices "$fixtures/invoices_good.csv"
expect "import: already imported" "$work/err" "already imported on"
check "import: bad file" 3 "$bin" --db "$idb" import --invoices "$fixtures/invoices_bad.csv"
for where in 3:ItemAmount 4:InvoiceDate 5:ItemQuantity 6:Customer 7:Terms 9:Currency 10:ItemRate 11:DueDate; do
  expect "import: bad row $where" "$work/err" "invoices_bad.csv:$where: "
done
check "import: nothing written" 0 "$bin" --db "$idb" --format csv customer list
if grep -q "New Co" "$work/out"; then failed=$((failed + 1)); echo "FAIL: import: bad file created a customer"; \
  else passed=$((passed + 1)); fi
check "import: payments" 0 "$bin" --db "$idb" --format csv import --payments "$fixtures/payments_good.csv"
expect "import: payment counts" "$work/out" '^2,.*payments_good.csv,3,0,3,0,'
check "import: payment applied" 0 "$bin" --db "$idb" --format csv invoice list --search 1004
expect "import: 1004 paid" "$work/out" ',1004,paid,Acme Ltd,'
check "import: on the customer's timeline" 0 "$bin" --db "$idb" customer timeline "Acme Ltd"
expect "import: invoices on the timeline" "$work/out" "import +Import invoices from invoices_good.csv: 3 invoices"
expect "import: payments on the timeline" "$work/out" "import +Import payments from payments_good.csv: 2 payments"
check "import: bad payments" 3 "$bin" --db "$idb" import --payments "$fixtures/payments_bad.csv"
expect "import: bad payment customer" "$work/err" "payments_bad.csv:2:Customer: "
expect "import: bad payment currency" "$work/err" "payments_bad.csv:5:Currency: "
check "import: missing file" 4 "$bin" --db "$idb" import --invoices "$work/no-such.csv"
expect "import: missing file named" "$work/err" "no-such.csv"
check "import: both kinds is usage" 2 "$bin" --db "$idb" import --invoices a.csv --payments b.csv
check "import: undo payments" 0 "$bin" --db "$idb" undo
check "import: undo invoices" 0 "$bin" --db "$idb" undo
check "import: again after undo is refused" 3 "$bin" --db "$idb" import --invoices "$fixtures/invoices_good.csv"
expect "import: numbers never reused" "$work/err" "invoices_good.csv:4:InvoiceNo: invoice 1002 was imported before"
check "import: redo instead" 0 "$bin" --db "$idb" redo
check "export" 0 "$bin" --db "$idb" export --output "$work/export.jsonl"
expect "export: count" "$work/out" "Exported [0-9]+ events"
expect "export: import event" "$work/export.jsonl" '"type":"invoices.imported"'
expect "export: chained" "$work/export.jsonl" '"prev_hash":"0{64}"'
check "export to stdout" 0 "$bin" --db "$idb" export
expect "export: one object per line" "$work/out" '^\{"seq":1,'
check "export: bad path" 4 "$bin" --db "$idb" export --output "$work/no/such/dir/x.jsonl"

# Collections: worklist, steps, contacts, promises, disputes, policies, fees, charges, holds, plans, settlements,
# agency and factoring, on a fresh ledger.
cdb="$work/collections.sqlite"
check "coll: init" 0 "$bin" --db "$cdb" init
check "coll: customer GBP" 0 "$bin" --db "$cdb" customer add "Gamma Ltd" --currency GBP --terms "Net 30" \
  --billing-name "Gil Payable" --billing-email gil@gamma.example --escalation-name "Gus Boss" \
  --escalation-email gus@gamma.example
check "coll: invoice GBP 1,000.00" 0 "$bin" --db "$cdb" invoice add --customer "Gamma Ltd" --date 2025-12-16 \
  --due 2026-01-15 --line "Consulting;1;1000.00" --issue
# UK Late Payment Act on GBP 1,000.00 due 2026-01-15, as of 2026-03-31:
#   late from 2026-01-16 (January), so the reference date is 2025-12-31; Bank Rate then 3.75 %
#   (assets/rates/boe-base-rate.csv: 2025-12-18,3.75) -> rate 3.75 + 8 = 11.75 % (SI 2002/1675 art. 4).
#   days late: 16 (Jan 16-31) + 28 (Feb) + 31 (Mar) = 75.
#   interest = 100000 p × 11.75 % × 75 / 365 = 100000 × 1175 × 75 / 3,650,000 = 2414.38 p -> GBP 24.14.
#   fixed sum: GBP 70.00 for a debt from 1,000 up to 10,000 (Act s.5A(2)).
check "coll: charges preview json" 0 "$bin" --db "$cdb" charges preview --as-of 2026-03-31 \
  --policy uk-late-payment --format json
same "coll: charges preview exact" "$work/out" '{
  "as_of": "2026-03-31",
  "policy": "uk-late-payment",
  "invoices": [
    {
      "invoice": "INV-2025-0001",
      "customer": "Gamma Ltd",
      "currency": "GBP",
      "due_date": "2026-01-15",
      "outstanding": "1000.00",
      "days_late": 75,
      "annual_rate": "11.75",
      "interest": "24.14",
      "fixed_compensation": "70.00"
    }
  ],
  "totals": [
    {
      "currency": "GBP",
      "invoices": 1,
      "outstanding": "1000.00",
      "interest": "24.14",
      "fixed_compensation": "70.00"
    }
  ],
  "skipped": []
}'
check "coll: charges preview bad policy" 3 "$bin" --db "$cdb" charges preview --as-of 2026-03-31 --policy later
expect "coll: bad policy named" "$work/err" "^--policy:"
check "coll: charges preview needs as-of" 2 "$bin" --db "$cdb" charges preview --policy uk-late-payment
check "coll: company" 0 "$bin" --db "$cdb" collections company --name "Demo Ltd" --email ar@demo.example \
  --sender "Dee Sender"
check "coll: company bad email" 3 "$bin" --db "$cdb" collections company --email nope
expect "coll: company email named" "$work/err" "^--email:"
check "coll: customer 2" 0 "$bin" --db "$cdb" customer add "Delta plc" --currency GBP \
  --billing-name "Dot Delta" --billing-email dot@delta.example
check "coll: invoice 2" 0 "$bin" --db "$cdb" invoice add --customer "Delta plc" --date 2026-02-01 \
  --due 2026-03-03 --line "Parts;1;500.00" --issue
# 2026-03-04: Gamma is 48 days late (step 5, +45 escalation letter), priority 100000 × 48; Delta 1 day late
# (step 1, +1 friendly reminder), priority 50000 × 1.
check "coll: worklist table" 0 "$bin" --db "$cdb" collections worklist --date 2026-03-04
expect "coll: worklist first" "$work/out" "^1\. Gamma Ltd"
expect "coll: worklist escalation to the senior contact" "$work/out" "contact: Gus Boss <gus@gamma.example>"
expect "coll: worklist second" "$work/out" "^2\. Delta plc"
expect "coll: worklist reminder mailto" "$work/out" "mailto: mailto:dot@delta.example\?subject="
check "coll: worklist json" 0 "$bin" --db "$cdb" --format json collections worklist --date 2026-03-04
expect "coll: json action" "$work/out" '"action": "escalation_letter"'
expect "coll: json body" "$work/out" '"body": "Dear Dot Delta'
check "coll: worklist csv" 0 "$bin" --db "$cdb" --format csv collections worklist --date 2026-03-04
expect "coll: csv header" "$work/out" "^rank,customer,currency,open,days_late,step,action,contact"
check "coll: done" 0 "$bin" --db "$cdb" collections done --customer "Gamma Ltd" --step 5 --outcome reached \
  --date 2026-03-04 --notes "letter posted"
check "coll: done twice" 3 "$bin" --db "$cdb" collections done --customer "Gamma Ltd" --step 5 --outcome reached \
  --date 2026-03-04
expect "coll: done twice names step" "$work/err" "^--step:"
check "coll: done bad outcome" 3 "$bin" --db "$cdb" collections done --customer "Delta plc" --step 1 \
  --outcome maybe --date 2026-03-04
expect "coll: outcome named" "$work/err" "^--outcome:"
check "coll: done needs options" 2 "$bin" --db "$cdb" collections done --customer "Delta plc"
check "coll: worklist after done" 0 "$bin" --db "$cdb" collections worklist --date 2026-03-04
expect "coll: only Delta left" "$work/out" "1 customer to contact"
check "coll: contact list" 0 "$bin" --db "$cdb" contact list --customer "Gamma Ltd"
expect "coll: contact from step" "$work/out" "2026-03-04  letter.*Gus Boss.*reached.*letter posted"
check "coll: contact log" 0 "$bin" --db "$cdb" contact log --customer "Delta plc" --channel phone \
  --outcome promised --person "Dot Delta" --notes "pays Friday" --date 2026-03-04
check "coll: contact bad channel" 3 "$bin" --db "$cdb" contact log --customer "Delta plc" --channel pigeon \
  --outcome reached
expect "coll: channel named" "$work/err" "^--channel:"
check "coll: promise" 0 "$bin" --db "$cdb" promise add --customer "Delta plc" --date 2026-03-06 --amount 500 \
  --made 2026-03-04
check "coll: promise too much" 3 "$bin" --db "$cdb" promise add --customer "Delta plc" --date 2026-03-06 \
  --amount 900 --made 2026-03-04
expect "coll: promise amount named" "$work/err" "^--amount:"
check "coll: paused by promise" 0 "$bin" --db "$cdb" --format json collections worklist --date 2026-03-05
expect "coll: promise_active" "$work/out" '"reason": "promise_active"'
check "coll: broken promise" 0 "$bin" --db "$cdb" collections worklist --date 2026-03-10
expect "coll: broken listed" "$work/out" "promised by 2026-03-06, broken on 2026-03-10"
check "coll: promise list" 0 "$bin" --db "$cdb" promise list --date 2026-03-10
expect "coll: promise state" "$work/out" "broken"
check "coll: dispute open" 0 "$bin" --db "$cdb" dispute open --invoice INV-2026-0001 --reason quality \
  --date 2026-03-11
check "coll: dispute bad reason" 3 "$bin" --db "$cdb" dispute open --invoice INV-2025-0001 --reason mood
expect "coll: reason named" "$work/err" "^--reason:"
check "coll: paused by dispute" 0 "$bin" --db "$cdb" collections worklist --date 2026-03-12
expect "coll: disputed" "$work/out" "INV-2026-0001: disputed"
check "coll: dispute resolve" 0 "$bin" --db "$cdb" dispute resolve --invoice INV-2026-0001 \
  --resolution partial --amount 50 --date 2026-03-12
check "coll: invoice after credit" 0 "$bin" --db "$cdb" --format json invoice show INV-2026-0001
expect "coll: open after partial credit" "$work/out" '"open": "450.00"'
check "coll: dispute list" 0 "$bin" --db "$cdb" dispute list
expect "coll: resolved" "$work/out" "resolved +partial"
check "coll: policy list" 0 "$bin" --db "$cdb" policy list
expect "coll: default policy" "$work/out" "0 +Standard +8"
check "coll: policy show json" 0 "$bin" --db "$cdb" --format json policy show
expect "coll: policy steps" "$work/out" '"offset_days": -3'
check "coll: policy set" 0 "$bin" --db "$cdb" policy set --json '{"name": "Fees", "steps": [
  {"offset_days": 1, "action": "email_reminder"}, {"offset_days": 30, "action": "letter", "late_fee": true}],
  "late_fee": {"flat": [{"currency": "GBP", "amount": "25.00"}]}}'
expect "coll: policy saved" "$work/out" "Save collections policy Fees \(#1\)"
check "coll: policy set bad" 3 "$bin" --db "$cdb" policy set --json '{"name": "Bad", "steps": []}'
expect "coll: policy field named" "$work/err" "policy.steps"
check "coll: policy assign" 0 "$bin" --db "$cdb" policy set --customer "Gamma Ltd" --policy Fees
check "coll: fee charge" 0 "$bin" --db "$cdb" fee charge --date 2026-03-31
expect "coll: one fee" "$work/out" "Charge 1 late fee as of 2026-03-31"
check "coll: fee charge again" 0 "$bin" --db "$cdb" fee charge --date 2026-04-02
expect "coll: fee idempotent" "$work/out" "No late fee to charge"
check "coll: fee list" 0 "$bin" --db "$cdb" fee list
expect "coll: fee charged" "$work/out" "late_fee +INV-2025-0001 +1 +INV-2026-0002 +GBP +25.00 .*charged"
check "coll: fee waive needs reason" 2 "$bin" --db "$cdb" fee waive --invoice INV-2025-0001 --step 1
check "coll: fee waive" 0 "$bin" --db "$cdb" fee waive --invoice INV-2025-0001 --step 1 --reason goodwill \
  --date 2026-04-01
check "coll: fee list waived" 0 "$bin" --db "$cdb" fee list
expect "coll: fee waived" "$work/out" "waived .*goodwill"
check "coll: charges apply" 0 "$bin" --db "$cdb" charges apply --as-of 2026-03-31 --policy uk-late-payment
expect "coll: charges booked" "$work/out" "Charge interest on 2 late invoices as of 2026-03-31"
check "coll: charges apply again" 0 "$bin" --db "$cdb" charges apply --as-of 2026-03-31 --policy uk-late-payment
expect "coll: charges idempotent" "$work/out" "Nothing more to charge"
check "coll: charges list" 0 "$bin" --db "$cdb" charges list
expect "coll: interest booked" "$work/out" "interest +INV-2025-0001 .* 24.14 "
check "coll: hold check" 0 "$bin" --db "$cdb" hold check --date 2026-04-10
expect "coll: hold decided" "$work/out" "Gamma Ltd +active +85 .* yes +hold"
check "coll: issue to held refused" 3 "$bin" --db "$cdb" invoice add --customer "Gamma Ltd" --date 2026-04-11 \
  --line "More;1;10.00" --issue
expect "coll: override named" "$work/err" "hold_override: Gamma Ltd is on credit hold"
check "coll: issue with override" 0 "$bin" --db "$cdb" invoice add --customer "Gamma Ltd" --date 2026-04-11 \
  --line "More;1;10.00" --issue --override-hold "director approved"
check "coll: plan add" 0 "$bin" --db "$cdb" plan add --customer "Delta plc" --installments 3 --start 2026-04-15 \
  --invoices INV-2026-0001 --date 2026-04-10
check "coll: plan list" 0 "$bin" --db "$cdb" plan list --date 2026-04-10
expect "coll: installments 450.00 in 3" "$work/out" "3 +2026-06-15 +150.00 +450.00"
check "coll: plan bad every" 3 "$bin" --db "$cdb" plan add --customer "Delta plc" --installments 2 \
  --start 2026-04-15 --every fortnight
expect "coll: every named" "$work/err" "^--every:"
check "coll: settle too much" 3 "$bin" --db "$cdb" settle --invoice INV-2025-0001 --accept 1000.00 \
  --reason full --date 2026-04-11
expect "coll: accept named" "$work/err" "^--accept:"
check "coll: settle" 0 "$bin" --db "$cdb" settle --invoice INV-2025-0001 --accept 800 --reason compromise \
  --date 2026-04-11
expect "coll: written off" "$work/out" "writing off GBP 200.00"
check "coll: agency" 0 "$bin" --db "$cdb" agency handoff --invoices INV-2025-0001 --commission 25 \
  --case-file "$work/case.json" --date 2026-04-12
expect "coll: case file agency" "$work/case.json" '"agency": "Collection agency"'
expect "coll: case file contact record" "$work/case.json" '"notes": "letter posted"'
expect "coll: case file statement" "$work/case.json" '"statement": \{'
check "coll: agency list" 0 "$bin" --db "$cdb" agency list
expect "coll: placed" "$work/out" "Gamma Ltd +Collection agency +25 +2026-04-12 +GBP +800.00 +600.00"
check "coll: case file bad path" 4 "$bin" --db "$cdb" agency case-file --placement 1 --out "$work/no/dir/x.json"
check "coll: customer 3" 0 "$bin" --db "$cdb" customer add "Epsilon SA" --currency GBP
check "coll: invoice 3" 0 "$bin" --db "$cdb" invoice add --customer "Epsilon SA" --date 2026-03-01 \
  --due 2026-04-30 --line "Plant;1;2000.00" --issue
fnum=$(sed -n 's/^Issue invoice \([^ ]*\) .*/\1/p' "$work/out")
check "coll: factor bad reserve" 3 "$bin" --db "$cdb" factor --invoices "$fnum" --advance 80 --fee 3 \
  --reserve 25 --date 2026-04-01
expect "coll: reserve named" "$work/err" "^--reserve:"
# settlements.h quote_factoring: 80 % of 2,000.00 = 1,600.00 today; fee 3 % × 1 period (29 days) = 60.00.
check "coll: factor" 0 "$bin" --db "$cdb" factor --invoices "$fnum" --advance 80 --fee 3 --reserve 20 \
  --date 2026-04-01
expect "coll: factor cash" "$work/out" "cash today GBP 1600.00, reserve 400.00, fee \(cost\) 60.00"
check "coll: chasing stopped" 0 "$bin" --db "$cdb" --format json collections worklist --date 2026-05-15
expect "coll: factored paused" "$work/out" '"reason": "factored"'
expect "coll: agency paused" "$work/out" '"reason": "with_agency"'
check "coll: factor collected" 0 "$bin" --db "$cdb" factor collected --invoice "$fnum" --amount 2000 \
  --date 2026-04-30
check "coll: factor list" 0 "$bin" --db "$cdb" factor list
expect "coll: collected" "$work/out" "1600.00 +400.00 +60.00 +2000.00"
check "coll: undo collection" 0 "$bin" --db "$cdb" undo
expect "coll: undo label" "$work/out" "Undo Invoice .* paid to factor"
check "coll: verify" 0 "$bin" --db "$cdb" verify
check "coll: rebuild" 0 "$bin" --db "$cdb" rebuild
check "coll: help lists collections" 0 "$bin" --help
expect "coll: help worklist" "$work/out" "collections worklist"

# Trust: ledger files that are missing, foreign, read-only, damaged or in use (issue 12).
# same NAME FILE SUM: the file's sha256 is still SUM (nothing was written to it)
same() {
  if [ "$(sha256sum <"$2")" = "$3" ]; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    echo "FAIL: $1: $2 changed"
  fi
}
# absent NAME PATH: no file was created at PATH
absent() {
  if [ ! -e "$2" ]; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    echo "FAIL: $1: $2 was created"
  fi
}
tdb="$work/trust.sqlite"
for cmd in "customer list" "verify" "report aging --as-of 2026-03-31" "undo"; do
  # shellcheck disable=SC2086
  check "missing ledger: $cmd" 4 "$bin" --db "$work/typo.sqlite" $cmd
  expect "missing ledger names path: $cmd" "$work/err" "typo.sqlite: no such file"
  absent "missing ledger not created: $cmd" "$work/typo.sqlite"
done
check "missing ledger: customer add" 4 "$bin" --db "$work/typo.sqlite" customer add "Acme Ltd"
expect "missing ledger says init" "$work/err" "init"
absent "missing ledger not created by add" "$work/typo.sqlite"
: >"$work/zero.sqlite"
check "0-byte file: verify" 4 "$bin" --db "$work/zero.sqlite" verify
expect "0-byte file named" "$work/err" "zero.sqlite: the file is empty"
check "0-byte file: customer add" 4 "$bin" --db "$work/zero.sqlite" customer add "Acme Ltd"
same "0-byte file left empty" "$work/zero.sqlite" "$(sha256sum </dev/null)"
check "0-byte file: init" 0 "$bin" --db "$work/zero.sqlite" init
check "0-byte file: verify after init" 0 "$bin" --db "$work/zero.sqlite" verify

# Another application's SQLite file (rollback journal, as most are): refused and left byte for byte as it was.
for appid in 0 1234; do
  foreign="$work/foreign-$appid.sqlite"
  python3 -c "import sqlite3, sys
c = sqlite3.connect(sys.argv[1]); c.execute('PRAGMA application_id = $appid')
c.execute('CREATE TABLE notes(body TEXT)'); c.execute(\"INSERT INTO notes VALUES ('theirs')\"); c.commit()" "$foreign"
  sum=$(sha256sum <"$foreign")
  for cmd in init "customer add Zed" "customer list" verify; do
    # shellcheck disable=SC2086
    check "foreign $appid: $cmd refused" 4 "$bin" --db "$foreign" $cmd
    expect "foreign $appid: $cmd names file" "$work/err" "foreign-$appid.sqlite: this (SQLite file )?is not a Duebook ledger"
    same "foreign $appid: $cmd left it untouched" "$foreign" "$sum"
  done
  absent "foreign $appid: no write-ahead log" "$foreign-wal"
done

# A read-only ledger: reading commands open it read-only. It is kept in rollback-journal mode, so a read-write
# open (which switches the journal mode to WAL) would change its bytes even though root ignores chmod.
check "ro: init" 0 "$bin" --db "$tdb" init
check "ro: customer" 0 "$bin" --db "$tdb" customer add "Acme Ltd" --currency USD --terms "Net 30"
check "ro: invoice" 0 "$bin" --db "$tdb" invoice add --customer "Acme Ltd" --date 2026-02-01 --line "Work;1;100.00" \
  --issue
check "ro: payment" 0 "$bin" --db "$tdb" payment add --customer "Acme Ltd" --amount 40 --date 2026-02-15
cp "$tdb" "$work/ro.sqlite"
python3 -c "import sqlite3, sys; sqlite3.connect(sys.argv[1]).execute('PRAGMA journal_mode = DELETE')" "$work/ro.sqlite"
chmod 444 "$work/ro.sqlite"
sum=$(sha256sum <"$work/ro.sqlite")
for cmd in verify log "customer list" "customer show 1" "customer balance" "invoice list" "payment list" \
  "report aging --as-of 2026-03-31" "report dso --from 2026-01-01 --to 2026-03-31" "report forecast --as-of 2026-03-01" \
  "export"; do
  # shellcheck disable=SC2086
  check "ro: $cmd" 0 "$bin" --db "$work/ro.sqlite" $cmd
  same "ro: $cmd wrote nothing" "$work/ro.sqlite" "$sum"
done
absent "ro: no write-ahead log" "$work/ro.sqlite-wal"
expect "ro: export has the payment" "$work/out" "payment"
check "ro: verify names events" 0 "$bin" --db "$work/ro.sqlite" verify
expect "ro: verify count" "$work/out" "OK: [0-9]+ events"

# A damaged schema (a projection table dropped): exit 4 and advice, never an abort; nothing written.
damaged() {  # damaged TABLE: a copy of the ledger (in WAL mode, as the CLI keeps it) without TABLE
  rm -f "$work/damaged.sqlite"*
  cp "$tdb" "$work/damaged.sqlite"
  python3 -c "import sqlite3, sys
c = sqlite3.connect(sys.argv[1]); c.execute('PRAGMA foreign_keys = OFF'); c.execute('DROP TABLE $1'); c.commit()
c.execute('PRAGMA wal_checkpoint(TRUNCATE)')" "$work/damaged.sqlite"
}
while read -r table cmd; do
  damaged "$table"
  sum=$(sha256sum <"$work/damaged.sqlite")
  # shellcheck disable=SC2086
  check "damaged $table: $cmd" 4 "$bin" --db "$work/damaged.sqlite" $cmd
  expect "damaged $table: $cmd names file" "$work/err" "damaged.sqlite: the ledger's tables are damaged"
  expect "damaged $table: $cmd advises" "$work/err" "rebuild"
  same "damaged $table: $cmd wrote nothing" "$work/damaged.sqlite" "$sum"
done <<'CASES'
invoices report aging --as-of 2026-03-31
invoices invoice show INV-2026-0001
invoices report dso --from 2026-01-01 --to 2026-03-31
invoices report forecast --as-of 2026-03-01
payments payment list
actions undo
CASES
damaged invoices
check "damaged invoices: rebuild restores the table" 0 "$bin" --db "$work/damaged.sqlite" rebuild
check "damaged invoices: aging after rebuild" 0 "$bin" --db "$work/damaged.sqlite" --format csv report aging \
  --as-of 2026-03-31
expect "damaged invoices: the invoice is back" "$work/out" "Acme Ltd"
check "damaged invoices: invoice show after rebuild" 0 "$bin" --db "$work/damaged.sqlite" invoice show INV-2026-0001
check "damaged invoices: verify after rebuild" 0 "$bin" --db "$work/damaged.sqlite" verify

# Tampering the chain alone does not show: a projection edited, the last events deleted.
tamper() {  # tamper SQL: a copy of $tdb in $work/tampered.sqlite with SQL run on it by another program
  rm -f "$work/tampered.sqlite"*
  cp "$tdb" "$work/tampered.sqlite"
  python3 -c "import sqlite3, sys
c = sqlite3.connect(sys.argv[1]); c.executescript(sys.argv[2]); c.commit()
c.execute('PRAGMA wal_checkpoint(TRUNCATE)')" "$work/tampered.sqlite" "$1"
}
check "tamper: verify before" 0 "$bin" --db "$tdb" verify
expect "tamper: verify compares the tables" "$work/out" "hash chain intact; [0-9]+ tables match the log"
expect "tamper: verify prints the anchor" "$work/out" "^anchor: [0-9]+:[0-9a-f]{16} "
anchor=$(sed -n 's/^anchor: \([0-9]*:[0-9a-f]*\) .*/\1/p' "$work/out")
check "tamper: the anchor checks out" 0 "$bin" --db "$tdb" verify --anchor "$anchor"
tamper "UPDATE invoices SET total = total - 100 WHERE id = 1"
check "tamper: an edited projection fails verify" 3 "$bin" --db "$work/tampered.sqlite" verify
expect "tamper: names the table" "$work/err" "the invoices table does not match the event log"
expect "tamper: advises rebuild" "$work/err" "duebook rebuild"
tamper "DELETE FROM events WHERE seq = (SELECT max(seq) FROM events)"
check "tamper: deleted events: rebuild first" 0 "$bin" --db "$work/tampered.sqlite" rebuild
check "tamper: deleted events: the chain alone passes" 0 "$bin" --db "$work/tampered.sqlite" verify
check "tamper: deleted events: the anchor does not" 3 "$bin" --db "$work/tampered.sqlite" verify --anchor "$anchor"
expect "tamper: deleted events: says so" "$work/err" "were removed since the anchor was noted"
check "tamper: malformed anchor" 3 "$bin" --db "$tdb" verify --anchor "latest"
expect "tamper: malformed anchor names option" "$work/err" "--anchor"
tamper "UPDATE events SET payload = payload || ' ' WHERE seq = 2"
check "tamper: edited event fails verify" 3 "$bin" --db "$work/tampered.sqlite" verify
sum=$(sha256sum <"$work/tampered.sqlite")
for cmd in "customer add Zed" "undo" "rebuild"; do
  # shellcheck disable=SC2086
  check "tamper: broken chain: $cmd refused" 3 "$bin" --db "$work/tampered.sqlite" $cmd
  expect "tamper: broken chain: $cmd says why" "$work/err" "the event log is broken at event 2 .*nothing was written"
done
same "tamper: broken chain: nothing written" "$work/tampered.sqlite" "$sum"
check "tamper: broken chain: reading still works" 0 "$bin" --db "$work/tampered.sqlite" customer list

# Output safety: every CSV the program writes neutralises formulas; tables show control characters, never obey them.
odb="$work/output.sqlite"
check "output: init" 0 "$bin" --db "$odb" init
check "output: formula name" 0 "$bin" --db "$odb" customer add "=HYPERLINK(\"http://x\",\"pay\")" --currency EUR
check "output: csv list" 0 "$bin" --db "$odb" --format csv customer list
expect "output: csv list guarded" "$work/out" "\"'=HYPERLINK"
check "output: control in a name refused" 3 "$bin" --db "$odb" customer add "$(printf 'Evil\033[2JCo')"
expect "output: control named" "$work/err" "name: contains the control character U\\+001B"
check "output: tab in a name becomes a space" 0 "$bin" --db "$odb" customer add "$(printf 'Tab\tCo')"
check "output: normalised name listed" 0 "$bin" --db "$odb" customer list
expect "output: normalised name" "$work/out" "Tab Co"
check "output: no-break space twin refused" 3 "$bin" --db "$odb" customer add "$(printf 'Tab\xc2\xa0Co')"
expect "output: twin named" "$work/err" "a customer named \"Tab Co\" already exists"
check "output: invoice with a newline in its line" 0 "$bin" --db "$odb" invoice add --customer 2 \
  --line "$(printf 'Line\none;1;1.00')" --issue
check "output: directory as a file" 4 "$bin" --db "$odb" import --invoices "$work"
expect "output: directory named" "$work/err" "is a directory, not a file"
check "accounts: list" 0 "$bin" --db "$odb" customer accounts --as-of 2026-12-31 --sort balance --desc
expect "accounts: columns" "$work/out" "^id +name +currency +balance +overdue +days_late"
expect "accounts: the invoiced customer first" "$work/out" "^ *2 +Tab Co +USD +1\.00 +1\.00"
check "accounts: bad sort" 2 "$bin" --db "$odb" customer accounts --as-of 2026-12-31 --sort colour
check "accounts: explain" 0 "$bin" --db "$odb" customer accounts --as-of 2026-12-31 --explain
expect "accounts: explain names a step" "$work/out" "SCAN|SEARCH"
check "timeline: customer" 0 "$bin" --db "$odb" customer timeline "Tab Co"
expect "timeline: the invoice, newest first" "$work/out" "invoice +Issue invoice"
check "timeline: explain" 0 "$bin" --db "$odb" customer timeline 2 --explain
expect "timeline: explain uses the index" "$work/out" "events_by_customer"
check "timeline: unknown customer" 3 "$bin" --db "$odb" customer timeline "Nobody"
check "output: unread columns listed" 0 "$bin" --db "$odb" import --invoices "$fixtures/invoices_extra_columns.csv"
expect "output: unread columns named" "$work/err" "columns not read .*: SalesRep, Class"

# Names that look like an existing customer's are added, with a note (never refused).
check "names: a look-alike is added" 0 "$bin" --db "$odb" customer add "TAB Co." --currency USD
expect "names: the look-alike is noted" "$work/err" 'note: "TAB Co\." looks like customer #2 "Tab Co"'
check "names: another name, no note" 0 "$bin" --db "$odb" customer add "Umbrella Corp" --currency USD
if [ -s "$work/err" ]; then failed=$((failed + 1)); echo "FAIL: names: a note for a name like no other"
else passed=$((passed + 1)); fi
printf 'InvoiceNo,Customer,InvoiceDate,ItemDescription,ItemAmount\nLA-1,Umbrella Corporation,2026-01-05,Work,1.00\n' \
  >"$work/lookalike.csv"
check "names: an import of a look-alike" 0 "$bin" --db "$odb" import --invoices "$work/lookalike.csv"
expect "names: the import notes it" "$work/err" \
  'lookalike.csv: note: new customer "Umbrella Corporation" looks like "Umbrella Corp"'

# Another program holding the write lock: a short hold is waited out; a long one fails with exit 4, cleanly.
hold_lock() {  # hold_lock SECONDS: holds the ledger's write lock; returns once it is held
  rm -f "$work/locked"
  python3 -c "import sqlite3, sys, time, pathlib
c = sqlite3.connect(sys.argv[1], isolation_level=None); c.execute('BEGIN IMMEDIATE')
pathlib.Path(sys.argv[2]).touch(); time.sleep(float(sys.argv[3])); c.execute('ROLLBACK')" \
    "$tdb" "$work/locked" "$1" &
  holder=$!
  while [ ! -e "$work/locked" ]; do sleep 0.05; done
}
hold_lock 1
check "busy: a short hold is waited out" 0 "$bin" --db "$tdb" customer add "Waited Ltd" --currency USD
wait "$holder"
hold_lock 10
check "busy: a long hold fails with exit 4" 4 "$bin" --db "$tdb" customer add "Impatient Ltd" --currency USD
expect "busy: says in use" "$work/err" "trust.sqlite: the ledger is in use by another program"
check "busy: reads go on" 0 "$bin" --db "$tdb" customer list
# An import reads and checks its file before it asks for the lock: a refused file is told so at once.
check "busy: a bad file is refused without waiting for the lock" 3 \
  "$bin" --db "$tdb" import --invoices "$fixtures/invoices_bad.csv"
expect "busy: the bad file's rows named" "$work/err" "invoices_bad.csv:[0-9]*:"
wait "$holder"
check "busy: nothing half-written" 0 "$bin" --db "$tdb" --format csv customer list
if grep -q "Impatient" "$work/out"; then
  failed=$((failed + 1)); echo "FAIL: busy: the refused customer was added"
else passed=$((passed + 1)); fi
check "busy: verify" 0 "$bin" --db "$tdb" verify

# Two programs adding payments in a loop at once: every payment is stored once, none lost.
writer() {  # writer NAME: 25 payments referenced NAME-1..25; a failure is written to $work/writer-NAME.err
  for i in $(seq 1 25); do
    "$bin" --db "$tdb" payment add --customer "Acme Ltd" --amount 1 --date 2026-03-01 --reference "$1-$i" \
      >/dev/null 2>>"$work/writer-$1.err" || echo "payment $1-$i failed" >>"$work/writer-$1.err"
  done
}
writer A & wa=$!
writer B & wb=$!
wait "$wa" "$wb"
check "concurrent: writer A had no failure" 0 test ! -s "$work/writer-A.err"
check "concurrent: writer B had no failure" 0 test ! -s "$work/writer-B.err"
check "concurrent: payment list" 0 "$bin" --db "$tdb" --format json payment list --limit 1000
for w in A B; do
  n=$(grep -oE "\"$w-[0-9]+\"" "$work/out" | sort -u | wc -l)
  d=$(grep -oE "\"$w-[0-9]+\"" "$work/out" | wc -l)
  if [ "$n" = 25 ] && [ "$d" = 25 ]; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1)); echo "FAIL: concurrent: writer $w has $n distinct of $d stored payments, expected 25"
  fi
done
check "concurrent: verify" 0 "$bin" --db "$tdb" verify

# Help for one command or subcommand, with its options; an unknown one is a usage error.
check "help for a command" 0 "$bin" customer --help
expect "command help lists its subcommands" "$work/out" "duebook .* customer add"
expect "command help gives the options" "$work/out" "--escalation-email E"
check "help for a subcommand" 0 "$bin" payment add --help
expect "subcommand help" "$work/out" "record money received"
check "help for no such command" 2 "$bin" nope --help
expect "help names the unknown command" "$work/err" 'no command "nope"'

# The demo ledger: made for today, with work on today's list; only into a new ledger.
ddb="$work/demo.sqlite"
check "demo" 0 "$bin" demo --db "$ddb"
expect "demo says what it made" "$work/out" "Demo ledger ready at .*: 32 customers, [0-9]+ invoices"
check "demo worklist" 0 "$bin" --db "$ddb" collections worklist
expect "demo worklist has work" "$work/out" "^Worklist for [0-9-]+: [0-9]+ customers to contact"
expect "demo letters are signed by the demo" "$work/out" "Brightwell Studio Ltd \\(demo\\)"
check "demo verify" 0 "$bin" --db "$ddb" verify
check "demo again refused" 3 "$bin" demo --db "$ddb"
expect "demo again says why" "$work/err" "empty ledger only"

echo "cli: $passed passed, $failed failed"
[ "$failed" = 0 ]

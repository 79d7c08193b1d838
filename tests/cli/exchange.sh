#!/usr/bin/env bash
# CLI tests of the CSV files exchanged with other programs: invoices in QuickBooks' and Xero's columns and
# payments as a bank statement, exported and imported into a new ledger (the same invoices, the same open
# amounts); Xero's own file with its '*' required-column marks; bad rows named file:row:column with the ledger
# unchanged; user text guarded against spreadsheet formulas.
# Usage: tests/cli/exchange.sh PATH/TO/duebook
set -u
bin=$1
. "$(dirname "$0")/checks.sh"

a="$work/a.sqlite"
A() { "$bin" --db "$a" "$@"; }
check "init" 0 A init
check "customer EUR" 0 A customer add "Beta GmbH" --currency EUR --terms "Net 30"
check "customer JPY" 0 A customer add "Nippon KK" --currency JPY --terms "Net 30"
check "customer USD" 0 A customer add "Acme, Ltd" --currency USD --terms "Net 30"
check "beta inv" 0 A invoice add --customer "Beta GmbH" --line "Service \"gold\";1;500.00;19" \
  --line "Travel;2.5;40.10;7" --date 2026-01-10 --issue
check "nippon inv" 0 A invoice add --customer "Nippon KK" --line "Parts;3;33333" --date 2026-02-01 --issue
check "acme inv" 0 A invoice add --customer "Acme, Ltd" --line "Widgets;4;250.00" --line "Setup;1;99.99" \
  --date 2026-01-05 --issue
check "acme draft (not exported)" 0 A invoice add --customer "Acme, Ltd" --line "Later;1;1.00" --date 2026-01-06
check "beta payment" 0 A payment add --customer "Beta GmbH" --amount 200 --date 2026-03-20 --reference "SEPA 7"
check "acme payment" 0 A payment add --customer "Acme, Ltd" --amount 1000 --date 2026-02-20 --method bank

for columns in quickbooks xero; do
  check "export $columns" 0 A --format "$columns" export --output "$work/a-$columns.csv"
  expect "export $columns says rows" "$work/out" "^Exported 5 rows \($columns\)"
done
check "export payments" 0 A --format payments export --output "$work/a-payments.csv"
expect "xero header" "$work/a-xero.csv" \
  '^\*ContactName,\*InvoiceNumber,\*InvoiceDate,\*DueDate,Description,\*Quantity,\*UnitAmount,\*AccountCode,\*TaxType,Currency'
expect "xero line" "$work/a-xero.csv" '^Beta GmbH,INV-2026-0001,2026-01-10,2026-02-09,"Service ""gold""",1,500.00,200,19%,EUR'
expect "xero jpy" "$work/a-xero.csv" '^Nippon KK,INV-2026-0002,2026-02-01,2026-03-03,Parts,3,33333,200,0%,JPY'
expect "bank statement" "$work/a-payments.csv" '^2026-02-20,"Acme, Ltd",1000.00,USD,bank,'
refute_draft=$(grep -c "Later" "$work/a-quickbooks.csv")
[ "$refute_draft" = 0 ] && passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAIL: a draft exported"; }

# Each column set into a new ledger, then the payments: the same invoices, totals and open amounts.
for columns in quickbooks xero; do
  b="$work/b-$columns.sqlite"
  check "$columns: new ledger" 0 "$bin" --db "$b" init
  check "$columns: import invoices" 0 "$bin" --db "$b" import --invoices "$work/a-$columns.csv"
  expect "$columns: 3 invoices" "$work/out" "^ *[0-9]+ +.*a-$columns.csv +5 +3 +0 +3 "
  check "$columns: import payments" 0 "$bin" --db "$b" import --payments "$work/a-payments.csv"
  for again in quickbooks xero; do
    check "$columns: export $again again" 0 "$bin" --db "$b" --format "$again" export --output "$work/b.csv"
    # Xero's columns have no payment terms (its invoices carry the due date): that column alone is not compared.
    strip() {
      if [ "$columns/$again" = xero/quickbooks ]; then
        python3 -c 'import csv, sys; [print(r[:5] + r[6:]) for r in csv.reader(open(sys.argv[1], newline=""))]' "$1"
      else cat "$1"; fi
    }
    if cmp -s <(strip "$work/a-$again.csv") <(strip "$work/b.csv"); then
      passed=$((passed + 1))
    else
      failed=$((failed + 1)); echo "FAIL: $columns round trip: $again export differs"; diff "$work/a-$again.csv" "$work/b.csv"
    fi
  done
  check "$columns: verify" 0 "$bin" --db "$b" verify
done

# Xero's own template: '*' marks, its tax type names, its column names in problems.
c="$work/c.sqlite"
check "xero: init" 0 "$bin" --db "$c" init
printf '%s\r\n' '*ContactName,EmailAddress,*InvoiceNumber,*InvoiceDate,*DueDate,Description,*Quantity,*UnitAmount,*AccountCode,*TaxType,Currency' \
  'Zeta Ltd,z@zeta.example,INV-0042,2026-04-01,2026-05-01,Consulting,2,150.00,200,20% (VAT on Income),GBP' \
  'Zeta Ltd,,INV-0042,2026-04-01,2026-05-01,Expenses,1,12.34,200,No VAT,GBP' >"$work/xero.csv"
check "xero: import" 0 "$bin" --db "$c" import --invoices "$work/xero.csv"
expect "xero: unread columns named" "$work/err" "columns not read .*EmailAddress, \*?AccountCode"
check "xero: invoice" 0 "$bin" --db "$c" --format json invoice show INV-0042
expect "xero: total with 20 % on 300.00" "$work/out" '"total": "372.34"'
expect "xero: due date" "$work/out" '"due_date": "2026-05-01"'
printf '%s\r\n' '*ContactName,*InvoiceNumber,*InvoiceDate,*DueDate,Description,*Quantity,*UnitAmount,*AccountCode,*TaxType,Currency' \
  'Eta Ltd,INV-0050,2026-04-01,2026-05-01,Consulting,2,abc,200,20%,GBP' \
  'Eta Ltd,INV-0051,2026-04-01,2026-05-01,Consulting,1,10.00,200,OUTPUT2,GBP' >"$work/xero-bad.csv"
before=$(sha256sum "$c" | cut -d' ' -f1)
check "xero: bad file refused" 3 "$bin" --db "$c" import --invoices "$work/xero-bad.csv"
expect "xero: unit amount named" "$work/err" "xero-bad.csv:2:UnitAmount: "
expect "xero: tax type named" "$work/err" "xero-bad.csv:3:TaxType: \"OUTPUT2\" is not a rate"
after=$(sha256sum "$c" | cut -d' ' -f1)
[ "$before" = "$after" ] && passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAIL: ledger changed"; }

# Formula injection: a name a spreadsheet would run is written with an apostrophe; amounts stay numbers.
check "guard: customer" 0 "$bin" --db "$c" customer add "=HYPERLINK(\"http://x\")" --currency GBP
check "guard: invoice" 0 "$bin" --db "$c" invoice add --customer 2 --line "-refund;-1;5.00" --line "@ok;1;10.00" \
  --date 2026-04-02 --issue
check "guard: export" 0 "$bin" --db "$c" --format xero export --output "$work/guard.csv"
expect "guard: name" "$work/guard.csv" "^\"'=HYPERLINK\(\"\"http://x\"\"\)\",INV-2026-0001,"
expect "guard: description" "$work/guard.csv" ",'-refund,-1,5.00,"
expect "guard: description @" "$work/guard.csv" ",'@ok,1,10.00,"

echo "exchange: $passed passed, $failed failed"
[ "$failed" -eq 0 ]

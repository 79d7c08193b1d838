#!/usr/bin/env bash
# CLI tests of the money rules: payment previews, early-payment discounts (typed and imported), down payments,
# the aging drill-down. Runs the real duebook binary against fresh ledgers.
# Usage: tests/cli/money.sh PATH/TO/duebook
set -u
bin=$1
. "$(dirname "$0")/checks.sh"
# refute NAME FILE PATTERN: the file does not contain the pattern
refute() {
  if grep -qE -- "$3" "$2"; then
    failed=$((failed + 1))
    echo "FAIL: $1: unexpected /$3/ in:"
    sed 's/^/  | /' "$2" | head -30
  else
    passed=$((passed + 1))
  fi
}

# A fresh ledger with Acme Ltd (EUR) and one invoice INV-2026-0001 of 1000.00 dated 2026-03-01 on TERMS.
ledger_with_invoice() {
  local db=$1 terms=$2
  "$bin" --db "$db" init >/dev/null &&
    "$bin" --db "$db" customer add "Acme Ltd" --currency EUR --terms "Net 30" >/dev/null &&
    "$bin" --db "$db" invoice add --customer "Acme Ltd" --line "Widgets;1;1000.00" --date 2026-03-01 \
      --terms "$terms" --issue >/dev/null
}

# --- Early-payment discounts ---------------------------------------------------------------------------------
# "2/10 Net 30": 2 % off the invoice total when paid within 10 days of the invoice date, else the full amount
# within 30 days (the trade-credit term; customers/terms.h; e.g. Investopedia, "2/10 Net 30"). On an invoice of
# 1000.00 dated 2026-03-01: the deadline is 2026-03-11 (inclusive), the discount 20.00, the discounted amount
# 980.00. The payment must cover the discounted amount (invoicing/early_payment.h).
#   case            paid on     amount   discount  invoice status  invoice open  unapplied
#   deadline day    2026-03-11  980.00   20.00     paid            0.00          0.00
#   day after       2026-03-12  980.00   0.00      partial         20.00         0.00
#   short payment   2026-03-05  970.00   0.00      partial         30.00         0.00
#   overpayment     2026-03-05  1000.00  20.00     paid            0.00          20.00
run_discount_case() {
  local name=$1 paid_on=$2 amount=$3 discount=$4 status=$5 open=$6 unapplied=$7
  local db="$work/discount-$name.sqlite"
  check "discount $name: ledger" 0 ledger_with_invoice "$db" "2/10 Net 30"
  check "discount $name: preview" 0 "$bin" --db "$db" --format csv payment preview --customer "Acme Ltd" \
    --amount "$amount" --date "$paid_on"
  expect "discount $name: preview line" "$work/out" "^INV-2026-0001,2026-03-31,1000.00,[0-9.]+,$discount,2026-03-11,$open,oldest due"
  expect "discount $name: preview unapplied" "$work/out" "^\(unapplied credit\),,,$unapplied,"
  check "discount $name: payment" 0 "$bin" --db "$db" payment add --customer "Acme Ltd" --amount "$amount" \
    --date "$paid_on" --reference "INV-2026-0001"
  if [ "$discount" = "0.00" ]; then
    refute "discount $name: no discount said" "$work/out" "Early-payment discount"
  else
    expect "discount $name: discount said" "$work/out" "Early-payment discount on INV-2026-0001: $discount EUR"
  fi
  check "discount $name: invoice" 0 "$bin" --db "$db" --format json invoice show INV-2026-0001
  expect "discount $name: status" "$work/out" "\"status\": \"$status\""
  expect "discount $name: open" "$work/out" "\"open\": \"$open\""
  expect "discount $name: credited" "$work/out" "\"credited\": \"$discount\""
  check "discount $name: balance" 0 "$bin" --db "$db" --format csv customer balance "Acme Ltd"
  expect "discount $name: unapplied credit" "$work/out" "^1,Acme Ltd,EUR,$open,$unapplied,"
  check "discount $name: verify" 0 "$bin" --db "$db" verify
}
run_discount_case deadline-day 2026-03-11 980.00 20.00 paid 0.00 0.00
run_discount_case day-after 2026-03-12 980.00 0.00 partial 20.00 0.00
run_discount_case short 2026-03-05 970.00 0.00 partial 30.00 0.00
run_discount_case overpayment 2026-03-05 1000.00 20.00 paid 0.00 20.00

# The discount is a credit note on the invoice: in its history, on the statement; undone with the payment.
db="$work/discount-deadline-day.sqlite"
check "discount history" 0 "$bin" --db "$db" invoice show INV-2026-0001
expect "discount history: payment" "$work/out" "2026-03-11 +payment .* 980.00"
expect "discount history: credit note" "$work/out" "2026-03-11 +credit_note +credit note CN-2026-0001 \(early-payment discount\) .* 20.00"
expect "discount history: the offer" "$work/out" "^discount +20.00 if paid by 2026-03-11"
check "discount statement" 0 "$bin" --db "$db" --format csv report statement --customer "Acme Ltd" \
  --from 2026-03-01 --to 2026-03-31
expect "discount statement: credit note line" "$work/out" "Credit note CN-2026-0001 on INV-2026-0001 \(early-payment discount\)"
expect "discount statement: closing" "$work/out" "0.00"
check "discount undo" 0 "$bin" --db "$db" undo
check "discount undo: invoice" 0 "$bin" --db "$db" --format json invoice show INV-2026-0001
expect "discount undo: open again" "$work/out" '"open": "1000.00"'
expect "discount undo: nothing credited" "$work/out" '"credited": "0.00"'

# By hand: --allocate puts the money where the user says, with the discount the amount earns.
db="$work/manual.sqlite"
check "manual: ledger" 0 ledger_with_invoice "$db" "2/10 Net 30"
check "manual: second invoice" 0 "$bin" --db "$db" invoice add --customer "Acme Ltd" --line "Bolts;1;500.00" \
  --date 2026-02-01 --issue
check "manual: preview" 0 "$bin" --db "$db" --format csv payment preview --customer "Acme Ltd" --amount 1000 \
  --date 2026-03-05 --allocate INV-2026-0001=980
expect "manual: only the named invoice" "$work/out" "^INV-2026-0001,.*,980.00,20.00,2026-03-11,0.00,by hand"
refute "manual: not the older one" "$work/out" "^INV-2026-0002"
expect "manual: rest unapplied" "$work/out" "^\(unapplied credit\),,,20.00,"
check "manual: too much refused" 3 "$bin" --db "$db" payment add --customer "Acme Ltd" --amount 100 \
  --date 2026-03-05 --allocate INV-2026-0002=200
expect "manual: names the allocation" "$work/err" "allocations\[0\].amount"
check "manual: bad form refused" 3 "$bin" --db "$db" payment add --customer "Acme Ltd" --amount 100 \
  --allocate INV-2026-0002
expect "manual: names the option" "$work/err" "^--allocate INV-2026-0002: "

# A payment import earns the discount like a typed payment.
db="$work/import.sqlite"
check "import: ledger" 0 ledger_with_invoice "$db" "2/10 Net 30"
cat >"$work/payments-discount.csv" <<'EOF'
Date,Customer,Amount,Currency,Reference,Method
2026-03-09,Acme Ltd,980.00,EUR,INV-2026-0001,bank transfer
EOF
check "import: payments" 0 "$bin" --db "$db" import --payments "$work/payments-discount.csv"
check "import: invoice" 0 "$bin" --db "$db" --format json invoice show INV-2026-0001
expect "import: paid" "$work/out" '"status": "paid"'
expect "import: discount credited" "$work/out" '"credited": "20.00"'
check "import: verify" 0 "$bin" --db "$db" verify
check "import: undo" 0 "$bin" --db "$db" undo
check "import: invoice after undo" 0 "$bin" --db "$db" --format json invoice show INV-2026-0001
expect "import: open again" "$work/out" '"open": "1000.00"'

# --- Down payments -------------------------------------------------------------------------------------------
# "30% deposit, Net 30" on an invoice of 1000.00 dated 2026-03-01: 300.00 due on receipt (2026-03-01), the
# balance 700.00 due 2026-03-31 (invoicing/deposits.h; a deposit is asked on receipt, the rest on the terms).
db="$work/deposit.sqlite"
check "deposit: ledger" 0 ledger_with_invoice "$db" "30% deposit, Net 30"
check "deposit: invoice show" 0 "$bin" --db "$db" invoice show INV-2026-0001
expect "deposit: deposit part" "$work/out" "^deposit +2026-03-01 +300.00 +300.00"
expect "deposit: balance part" "$work/out" "^balance +2026-03-31 +700.00 +700.00"
check "deposit: aging" 0 "$bin" --db "$db" --format csv report aging --as-of 2026-03-10
expect "deposit: overdue deposit aged 1-30" "$work/out" "^EUR,Acme Ltd,700.00,300.00,0.00,0.00,0.00,1000.00,"
# The aging drill-down lists the invoices behind a bucket: the deposit's part 9 days late, the balance current.
check "deposit: bucket 1-30" 0 "$bin" --db "$db" --format csv report aging --as-of 2026-03-10 --bucket 1-30
expect "deposit: bucket 1-30 lists the deposit" "$work/out" "^Acme Ltd,EUR,INV-2026-0001,9,300.00"
check "deposit: bucket current" 0 "$bin" --db "$db" --format csv report aging --as-of 2026-03-10 \
  --bucket current --customer "Acme Ltd"
expect "deposit: bucket current lists the balance" "$work/out" "^Acme Ltd,EUR,INV-2026-0001,-21,700.00"
check "deposit: bucket 61-90 empty" 0 "$bin" --db "$db" --format csv report aging --as-of 2026-03-10 \
  --bucket 61-90
refute "deposit: nothing 61-90" "$work/out" "INV-"
check "deposit: unknown bucket" 3 "$bin" --db "$db" report aging --as-of 2026-03-10 --bucket 10-20
expect "deposit: unknown bucket names the buckets" "$work/err" "^--bucket: .*current, 1-30, 31-60, 61-90, 90\+"
check "deposit: worklist" 0 "$bin" --db "$db" collections worklist --date 2026-03-10
expect "deposit: on the worklist" "$work/out" "INV-2026-0001 due 2026-03-01, .*300.00"
check "deposit: statement" 0 "$bin" --db "$db" --format csv report statement --customer "Acme Ltd" \
  --from 2026-03-01 --to 2026-03-31
expect "deposit: statement line" "$work/out" "INV-2026-0001: deposit 300.00 due 2026-03-01, balance 700.00 due 2026-03-31"
check "deposit: pay the deposit" 0 "$bin" --db "$db" payment add --customer "Acme Ltd" --amount 300 \
  --date 2026-03-05
check "deposit: paid part" 0 "$bin" --db "$db" invoice show INV-2026-0001
expect "deposit: deposit settled" "$work/out" "^deposit +2026-03-01 +300.00 +0.00"
check "deposit: aging after" 0 "$bin" --db "$db" --format csv report aging --as-of 2026-03-10
expect "deposit: only the balance, current" "$work/out" "^EUR,Acme Ltd,700.00,0.00,0.00,0.00,0.00,700.00,"
check "deposit: worklist after" 0 "$bin" --db "$db" collections worklist --date 2026-03-10
refute "deposit: off the worklist" "$work/out" "INV-2026-0001"

# A slow payer: the customer's terms are changed to ask for a deposit on new invoices.
check "require: deposit" 0 "$bin" --db "$db" customer require-deposit "Acme Ltd" --percent 50
expect "require: says" "$work/out" "Require a deposit from Acme Ltd: 50% deposit, Net 30"
check "require: terms" 0 "$bin" --db "$db" --format json customer show "Acme Ltd"
expect "require: terms changed" "$work/out" '"value": "50% deposit, Net 30"'
check "require: new invoice" 0 "$bin" --db "$db" invoice add --customer "Acme Ltd" --line "Nuts;1;200.00" \
  --date 2026-03-10 --issue
check "require: new invoice parts" 0 "$bin" --db "$db" invoice show INV-2026-0002
expect "require: deposit asked" "$work/out" "^deposit +2026-03-10 +100.00 +100.00"
check "require: again refused" 3 "$bin" --db "$db" customer require-deposit "Acme Ltd" --percent 50
expect "require: names the option" "$work/err" "^--percent: "
check "require: bad percent" 3 "$bin" --db "$db" customer require-deposit "Acme Ltd" --percent 150
check "require: old invoices keep their terms" 0 "$bin" --db "$db" invoice show INV-2026-0001
expect "require: first invoice unchanged" "$work/out" "^deposit +2026-03-01 +300.00"

# --- Rules reached from the CLI ------------------------------------------------------------------------------
db="$work/flagged.sqlite"
check "flagged: ledger" 0 ledger_with_invoice "$db" "Net 30"
check "flagged: second invoice" 0 "$bin" --db "$db" invoice add --customer "Acme Ltd" --line "Bolts;1;500.00" \
  --date 2026-03-02 --issue
check "flagged: dispute" 0 "$bin" --db "$db" dispute open --invoice INV-2026-0002 --reason quality --date 2026-04-05
check "flagged: promise" 0 "$bin" --db "$db" promise add --customer "Acme Ltd" --date 2026-04-20 --amount 400 \
  --made 2026-04-06 --invoices INV-2026-0001
# On 2026-04-10 the dispute (500.00 open on INV-2026-0002) and the promise (400.00, due 04-20) are both active.
check "flagged: report" 0 "$bin" --db "$db" --format csv report flagged --as-of 2026-04-10
expect "flagged: totals" "$work/out" "^EUR,500.00,1,400.00,1"
# Before either was made, nothing is flagged.
check "flagged: earlier" 0 "$bin" --db "$db" --format csv report flagged --as-of 2026-04-01
expect "flagged: nothing earlier" "$work/out" "^EUR,0.00,0,0.00,0"

# A policy step naming a message template that does not exist is refused when the policy is set.
check "template: unknown refused" 3 "$bin" --db "$db" policy set --json '{"name": "T", "steps": [
  {"offset_days": 1, "action": "email_reminder", "template_id": "no_such_template"}]}'
expect "template: names the step" "$work/err" 'policy.steps\[0\].template_id: no message template "no_such_template"'
check "template: known accepted" 0 "$bin" --db "$db" policy set --json '{"name": "T", "steps": [
  {"offset_days": 1, "action": "email_reminder", "template_id": "friendly_reminder"}]}'

# invoice list --explain: how the ledger searches for the unpaid invoices (the partial index by due date).
check "explain: unpaid" 0 "$bin" --db "$db" invoice list --status unpaid --sort due --explain
expect "explain: uses the index" "$work/out" "invoices_unpaid_by_due"

# The README's command-line examples, as written there.
db="$work/readme.sqlite"
check "readme: init" 0 "$bin" --db "$db" init
check "readme: customer" 0 "$bin" --db "$db" customer add "Acme Ltd" --currency EUR --terms "2/10 Net 30" \
  --billing-name "Ann Payable" --billing-email ann@acme.example --credit-limit 5000
check "readme: invoice" 0 "$bin" --db "$db" invoice add --customer "Acme Ltd" --line "Widgets;1;1000.00" \
  --date 2026-03-01 --issue
check "readme: preview" 0 "$bin" --db "$db" payment preview --customer "Acme Ltd" --amount 980 --date 2026-03-09
expect "readme: preview shows the discount" "$work/out" "INV-2026-0001 .* 980.00 +20.00 +2026-03-11"
check "readme: payment" 0 "$bin" --db "$db" payment add --customer "Acme Ltd" --amount 980 --date 2026-03-09
expect "readme: discount taken" "$work/out" "Early-payment discount on INV-2026-0001: 20.00 EUR"
check "readme: require deposit" 0 "$bin" --db "$db" customer require-deposit "Acme Ltd" --percent 30
check "readme: aging bucket" 0 "$bin" --db "$db" report aging --as-of 2026-04-30 --bucket 1-30
check "readme: help lists the new commands" 0 "$bin" --help
expect "readme: help payment preview" "$work/out" "payment preview"
expect "readme: help require-deposit" "$work/out" "customer require-deposit"
expect "readme: help aging bucket" "$work/out" "--bucket NAME"
expect "readme: help flagged" "$work/out" "report flagged"

echo "cli money: $passed passed, $failed failed"
[ "$failed" = 0 ]

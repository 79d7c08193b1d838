#!/usr/bin/env bash
# CLI tests of the plain-text accounting journals: a ledger with several customers and currencies (partial
# payments, a credit note, a write-off, a void, a refund, a late fee, interest and compensation) exported for
# hledger, ledger and beancount; each file read by the real tool with no error, and each customer's receivable
# (and customer-credit) balance per currency as of several days equal to `duebook report aging` to the cent.
# Usage: tests/cli/journals.sh PATH/TO/duebook
set -u
bin=$1
here=$(cd "$(dirname "$0")" && pwd)
. "$here/checks.sh"

for tool in hledger ledger bean-check; do
  if ! command -v "$tool" >/dev/null; then
    echo "FAIL: $tool is not installed (scripts/setup.sh installs hledger, ledger and beancount)"
    exit 1
  fi
done

# Debian's beancount module is in Debian's Python, which a python3 earlier on PATH may not see.
py=python3
[ -x /usr/bin/python3 ] && py=/usr/bin/python3

db="$work/books.sqlite"
d() { "$bin" --db "$db" "$@"; }
check "init" 0 d init
check "customer USD" 0 d customer add "Acme Ltd" --currency USD --terms "Net 30"
check "customer EUR with a colon" 0 d customer add "Beta: GmbH" --currency EUR --terms "Net 30"
check "customer EUR accented" 0 d customer add "Café Müller" --currency EUR --terms "Net 14"
check "customer GBP" 0 d customer add "Gamma Ltd" --currency GBP --terms "Net 30"
check "customer JPY" 0 d customer add "Nippon KK" --currency JPY --terms "Net 30"

# Acme (USD): two invoices, a partial payment, then one that settles both and leaves 250.00 unapplied.
check "acme inv 1" 0 d invoice add --customer "Acme Ltd" --line "Widgets;4;250.00" --date 2026-01-05 --issue
check "acme inv 2" 0 d invoice add --customer "Acme Ltd" --line "Gadgets;1;250.00" --date 2026-02-01 --issue
check "acme partial payment" 0 d payment add --customer "Acme Ltd" --amount 600 --date 2026-02-10 \
  --reference "WIRE-1"
check "acme rest and more" 0 d payment add --customer "Acme Ltd" --amount 900 --date 2026-03-15 \
  --reference "WIRE-2"
# Beta (EUR): an invoice with 19 % tax, a credit note on it, a write-off, a partial payment.
check "beta inv" 0 d invoice add --customer "Beta: GmbH" --line "Service;1;500.00;19" --date 2026-01-10 --issue
check "beta credit note" 0 d credit-note add --invoice INV-2026-0003 --amount 100 --date 2026-02-01 \
  --reason "price; agreed"
check "beta payment" 0 d payment add --customer "Beta: GmbH" --amount 200 --date 2026-03-20
check "beta write-off" 0 d invoice write-off INV-2026-0003 --amount 50 --reason "small balance" --date 2026-04-02
# Café Müller (EUR): an invoice paid then voided (the payment goes back to credit), part refunded.
check "cafe inv" 0 d invoice add --customer "Café Müller" --line "Kaffee;10;3.35" --date 2026-02-15 --issue
check "cafe inv 2" 0 d invoice add --customer "Café Müller" --line "Kuchen;3;12.10" --date 2026-02-20 --issue
check "cafe payment" 0 d payment add --customer "Café Müller" --amount 20 --date 2026-02-25 \
  --reference INV-2026-0004
check "cafe void" 0 d invoice void INV-2026-0004 --reason "wrong customer" --date 2026-03-05
check "cafe refund" 0 d payment refund --customer "Café Müller" --amount 5.50 --date 2026-03-25
# Gamma (GBP): an old invoice, a late fee, statutory interest and compensation.
check "gamma inv" 0 d invoice add --customer "Gamma Ltd" --line "Steel;2;1200.00" --date 2025-12-01 --issue
check "gamma policy" 0 d policy set --json '{"name": "Fees", "steps": [
  {"offset_days": 1, "action": "email_reminder"}, {"offset_days": 30, "action": "letter", "late_fee": true}],
  "late_fee": {"flat": [{"currency": "GBP", "amount": "25.00"}]}}'
check "gamma policy assign" 0 d policy set --customer "Gamma Ltd" --policy Fees
check "gamma fee" 0 d fee charge --date 2026-03-01
check "gamma interest" 0 d charges apply --as-of 2026-03-10 --policy uk-late-payment
check "gamma part payment" 0 d payment add --customer "Gamma Ltd" --amount 1000 --date 2026-04-15
# Nippon (JPY, no decimals): one invoice, part paid.
check "nippon inv" 0 d invoice add --customer "Nippon KK" --line "Parts;3;33333" --date 2026-02-01 --issue
check "nippon payment" 0 d payment add --customer "Nippon KK" --amount 30000 --date 2026-03-01
# An undone payment never happened: it must not reach the journal.
check "undone payment" 0 d payment add --customer "Nippon KK" --amount 1 --date 2026-03-02
check "undo it" 0 d undo
check "verify" 0 d verify

# The three journals, each read by its tool with no error.
check "export hledger" 0 d --format hledger export --output "$work/books.journal"
expect "export says count" "$work/out" "^Exported [0-9]+ transactions \(hledger\) to "
check "export ledger" 0 d --format ledger export --output "$work/books.ledger"
check "export beancount" 0 d --format beancount export --output "$work/books.beancount"
check "export needs output" 2 d --format hledger export
check "hledger reads it" 0 hledger -f "$work/books.journal" check
[ -s "$work/err" ] && { failed=$((failed + 1)); echo "FAIL: hledger warned:"; cat "$work/err"; }
check "hledger balances" 0 hledger -f "$work/books.journal" balance
check "ledger reads it" 0 ledger -f "$work/books.ledger" --strict balance
[ -s "$work/err" ] && { failed=$((failed + 1)); echo "FAIL: ledger warned:"; cat "$work/err"; }
check "bean-check reads it" 0 bean-check "$work/books.beancount"
[ -s "$work/out$work/err" ] 2>/dev/null
if [ -s "$work/out" ] || [ -s "$work/err" ]; then
  failed=$((failed + 1)); echo "FAIL: bean-check printed:"; cat "$work/out" "$work/err"
fi

# Tags, metadata and links: invoice number, due date, the payment linked to the invoices it settles.
expect "hledger invoice tags" "$work/books.journal" "^    ; due: 2026-02-04$"
expect "hledger payment applied" "$work/books.journal" "Payment WIRE-1 applied to INV-2026-0001$"
expect "hledger fee income" "$work/books.journal" "^    Income:Late fees +-25.00 GBP$"
expect "hledger interest and compensation apart" "$work/books.journal" "^    Income:Interest +-53.31 GBP$"
expect "ledger exact JPY" "$work/books.ledger" "^    Assets:Receivable:Nippon KK +99999 JPY$"
expect "ledger colon kept off" "$work/books.ledger" "^    Assets:Receivable:Beta- GmbH +595.00 EUR$"
expect "beancount link" "$work/books.beancount" '"Payment WIRE-1 applied to INV-2026-0001" \^INV-2026-0001 \^payment-1$'
expect "beancount due date" "$work/books.beancount" "^  due: 2026-02-04$"
expect "beancount account" "$work/books.beancount" "^  Assets:Receivable:Beta-GmbH  595.00 EUR$"
if grep -q "2026-03-02" "$work/books.journal"; then
  failed=$((failed + 1)); echo "FAIL: the undone payment is in the journal"
else passed=$((passed + 1)); fi

# Each customer's balances as of five days equal the aging's, per currency, to the cent.
plain_names=("Beta: GmbH=Beta- GmbH")
bean_names=("Beta: GmbH=Beta-GmbH" "Café Müller=Café-Müller" "Acme Ltd=Acme-Ltd" "Gamma Ltd=Gamma-Ltd"
            "Nippon KK=Nippon-KK")
for day in 2026-01-31 2026-02-28 2026-03-05 2026-03-31 2026-04-30; do
  check "aging $day" 0 d --format json report aging --as-of "$day"
  cp "$work/out" "$work/aging-$day.json"
  check "hledger as of $day" 0 "$py" "$here/journal_balances.py" hledger "$work/books.journal" "$day" \
    "$work/aging-$day.json" "${plain_names[@]}"
  cat "$work/out"
  check "ledger as of $day" 0 "$py" "$here/journal_balances.py" ledger "$work/books.ledger" "$day" \
    "$work/aging-$day.json" "${plain_names[@]}"
  cat "$work/out"
  check "beancount as of $day" 0 "$py" "$here/journal_balances.py" beancount "$work/books.beancount" "$day" \
    "$work/aging-$day.json" "${bean_names[@]}"
  cat "$work/out"
done

echo "journals: $passed passed, $failed failed"
[ "$failed" -eq 0 ]

#!/usr/bin/env bash
# CLI tests of the customer's reply file (issue 14): the business makes a statement file for one customer, the
# customer answers it (a promise, a dispute, a claim of payment), the business records the reply — once, with
# nothing taken as a payment — and damaged, foreign or repeated replies are refused leaving the ledger as it was.
# Usage: tests/cli/reply_file.sh PATH/TO/duebook
set -u
bin=$1
. "$(dirname "$0")/checks.sh"
db_sha() { sha256sum "$1" | cut -d' ' -f1; }

a="$work/a.sqlite"
check "init" 0 "$bin" --db "$a" init
check "company" 0 "$bin" --db "$a" collections company --name "Brightwell Studio Ltd" --email accounts@brightwell.example
check "customer" 0 "$bin" --db "$a" customer add "Acme Ltd" --currency EUR --terms "Net 30"
check "other customer" 0 "$bin" --db "$a" customer add "Beta GmbH" --currency EUR --terms "Net 30"
check "invoice 1" 0 "$bin" --db "$a" invoice add --customer "Acme Ltd" --line "Design;1;1200.00" --date 2026-01-02 --issue
check "invoice 2" 0 "$bin" --db "$a" invoice add --customer "Acme Ltd" --line "Print;1;450.50" --date 2026-01-10 --issue
check "beta invoice" 0 "$bin" --db "$a" invoice add --customer "Beta GmbH" --line "Secret;1;777.00" --date 2026-01-05 --issue
check "private note" 0 "$bin" --db "$a" contact log --customer "Acme Ltd" --channel phone --outcome reached \
  --date 2026-02-10 --notes "internal: slow payer, think of the agency"

check "statement file" 0 "$bin" --db "$a" share statement --customer "Acme Ltd" --date 2026-02-20 --output "$work/acme.duebook"
expect "says what" "$work/out" "Statement file for Acme Ltd as of 2026-02-20: 2 open invoice\(s\)"
expect "format" "$work/acme.duebook" '"format": "duebook-statement"'
expect "company details" "$work/acme.duebook" '"name": "Brightwell Studio Ltd"'
check "no other customer" 1 grep -q "Beta GmbH" "$work/acme.duebook"
check "no private note" 1 grep -q "agency" "$work/acme.duebook"
check "statement needs customer" 2 "$bin" --db "$a" share statement --output "$work/x.duebook"

# The customer's side: no ledger needed.
check "reply" 0 "$bin" share reply --statement "$work/acme.duebook" --person "Jo Payables" --date 2026-02-22 \
  --promise INV-2026-0001:2026-03-15:600.00 --paid "INV-2026-0002:2026-02-21:BANK REF 42" --output "$work/reply.duebook"
expect "reply says" "$work/out" "Reply to Brightwell Studio Ltd about 2 invoice\(s\)"
check "reply over the open amount" 3 "$bin" share reply --statement "$work/acme.duebook" --date 2026-02-22 \
  --promise INV-2026-0001:2026-03-15:1200.01 --output "$work/x.duebook"
expect "over names item" "$work/err" "items\[0\].amount"
check "reply to another customer's invoice" 3 "$bin" share reply --statement "$work/acme.duebook" --date 2026-02-22 \
  --dispute INV-2026-0003:quality --output "$work/x.duebook"
expect "foreign invoice named" "$work/err" "INV-2026-0003.*not an open invoice of the statement"
sed 's/"BANK REF 42"/"BANK REF 43"/' "$work/reply.duebook" > "$work/tampered.duebook"
check "tampered statement refused" 3 "$bin" share reply --statement "$work/tampered.duebook" --date 2026-02-22 \
  --dispute INV-2026-0001:quality --output "$work/x.duebook"

# The business records it.
before=$(db_sha "$a")
check "tampered reply refused" 3 "$bin" --db "$a" import --reply "$work/tampered.duebook"
expect "tamper named" "$work/err" "tampered.duebook: sha256"
check "dry run" 0 "$bin" --db "$a" import --reply "$work/reply.duebook" --dry-run
expect "dry run lists promise" "$work/out" "promises 600.00 EUR by 2026-03-15"
expect "dry run lists paid claim" "$work/out" "says it was paid on 2026-02-21 \(BANK REF 42\), to check"
expect "dry run wrote nothing" "$work/out" "Dry run: nothing was written"
check "db unchanged after dry run and refusal" 0 test "$before" = "$(db_sha "$a")"
check "record" 0 "$bin" --db "$a" import --reply "$work/reply.duebook"
expect "recorded" "$work/out" "Recorded the reply from Acme Ltd \(2 item\(s\)\)"
check "promise listed" 0 "$bin" --db "$a" --format json promise list --date 2026-02-23
expect "promise amount" "$work/out" '"amount": "600.00"'
check "nothing paid" 0 "$bin" --db "$a" --format json invoice show INV-2026-0002
expect "still open" "$work/out" '"open": "450.50"'
check "timeline" 0 "$bin" --db "$a" customer timeline "Acme Ltd"
expect "timeline reply" "$work/out" "reply.*Reply from Acme Ltd \(Jo Payables\)"
before=$(db_sha "$a")
check "same reply again" 3 "$bin" --db "$a" import --reply "$work/reply.duebook"
expect "again said" "$work/err" "recorded already"
check "db unchanged after repeat" 0 test "$before" = "$(db_sha "$a")"

# A reply to another ledger's statement.
b="$work/b.sqlite"
check "other ledger" 0 "$bin" --db "$b" init
check "other ledger customer" 0 "$bin" --db "$b" customer add "Acme Ltd" --currency EUR
check "reply to another ledger refused" 3 "$bin" --db "$b" import --reply "$work/reply.duebook"
expect "another ledger said" "$work/err" "another ledger"
check "reply as a ledger file refused" 3 "$bin" --db "$a" import --ledger "$work/reply.duebook"
expect "reply kind said" "$work/err" "is a customer's reply file, not a ledger file: import it with --reply"
check "ledger export" 0 "$bin" --db "$b" export --format duebook --output "$work/b.duebook"
check "ledger file as a reply refused" 3 "$bin" --db "$a" import --reply "$work/b.duebook"
expect "ledger kind said" "$work/err" "is a ledger file, not a customer's reply: import it with --ledger"
check "verify" 0 "$bin" --db "$a" verify

echo "cli reply file: $passed passed, $failed failed"
[ "$failed" = 0 ]

#!/usr/bin/env bash
# CLI tests of the Duebook ledger file (issue 14): export whole and in part, open into an empty ledger, merge
# two diverged copies with conflicts, and refuse damaged files leaving the ledger's bytes as they were.
# Usage: tests/cli/ledger_file.sh PATH/TO/duebook
set -u
bin=$1
. "$(dirname "$0")/checks.sh"

# same NAME FILE1 FILE2: the two files hold the same text
same_files() {
  if diff -q "$2" "$3" >/dev/null; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    echo "FAIL: $1: differ:"
    diff "$2" "$3" | head -20
  fi
}
db_sha() { sha256sum "$1" | cut -d' ' -f1; }

a="$work/a.sqlite"
check "init" 0 "$bin" --db "$a" init
check "customer USD" 0 "$bin" --db "$a" customer add "Acme Ltd" --currency USD --terms "Net 30"
check "customer EUR" 0 "$bin" --db "$a" customer add "Beta GmbH" --currency EUR --terms "Net 30"
check "invoice 1" 0 "$bin" --db "$a" invoice add --customer "Acme Ltd" --line "Widgets;1;100.00" --date 2026-01-01 --issue
check "invoice 2" 0 "$bin" --db "$a" invoice add --customer "Beta GmbH" --line "Service;1;200.00" --date 2026-02-01 --issue
check "payment" 0 "$bin" --db "$a" payment add --customer "Acme Ltd" --amount 40 --date 2026-02-15

check "export whole" 0 "$bin" --db "$a" export --format duebook --output "$work/a.duebook"
expect "export says what" "$work/out" "Exported 8 of 8 events \(the whole ledger\)"
expect "manifest first" "$work/a.duebook" '^\{"format":"duebook-ledger","version":"1.0","min_reader":"1.0"'
check "export needs output" 2 "$bin" --db "$a" export --format duebook
check "export unknown customer" 3 "$bin" --db "$a" export --format duebook --customer Nobody --output "$work/x.duebook"
expect "unknown customer named" "$work/err" "--customer: no customer \"Nobody\""
check "export bad date" 3 "$bin" --db "$a" export --format duebook --from 2026-13-01 --output "$work/x.duebook"
expect "bad date named" "$work/err" "--from"
check "export JSON lines still" 0 "$bin" --db "$a" export
expect "json lines" "$work/out" '"type":"customer.added"'

# Open into an empty ledger: the same reports, verify passes, the source's anchor holds.
b="$work/b.sqlite"
check "init copy" 0 "$bin" --db "$b" init
check "dry run" 0 "$bin" --db "$b" import --ledger "$work/a.duebook" --dry-run
expect "dry run says so" "$work/out" "Would add 8 events \(open; 0 of the file's 8 already here\); dry run"
check "still empty" 0 "$bin" --db "$b" verify
expect "no events" "$work/out" "OK: 0 events"
check "open" 0 "$bin" --db "$b" import --ledger "$work/a.duebook"
expect "open lists actions" "$work/out" "Add customer Acme Ltd"
check "verify copy" 0 "$bin" --db "$b" verify
"$bin" --db "$a" verify >"$work/anchor_a" 2>&1
anchor=$(grep -o 'anchor: [0-9]*:[0-9a-f]*' "$work/anchor_a" | cut -d' ' -f2)
check "source anchor in copy" 0 "$bin" --db "$b" verify --anchor "$anchor"
"$bin" --db "$a" --format json report aging --as-of 2026-03-31 >"$work/aging_a"
"$bin" --db "$b" --format json report aging --as-of 2026-03-31 >"$work/aging_b"
same_files "aging identical after open" "$work/aging_a" "$work/aging_b"
check "same file again" 0 "$bin" --db "$b" import --ledger "$work/a.duebook"
expect "already contained" "$work/out" "already contained: all 8 events are in this ledger; nothing to add"

# Diverge: each copy issues its own INV-2026-0003; the copy also records a payment.
check "a issues" 0 "$bin" --db "$a" invoice add --customer "Acme Ltd" --line "Extra;1;10.00" --date 2026-03-01 --issue
check "b issues" 0 "$bin" --db "$b" invoice add --customer "Acme Ltd" --line "Other;1;20.00" --date 2026-03-02 --issue
check "b pays" 0 "$bin" --db "$b" payment add --customer "Beta GmbH" --amount 50 --date 2026-03-03
check "export b" 0 "$bin" --db "$b" export --format duebook --output "$work/b.duebook"
before=$(db_sha "$a")
check "conflict listed" 3 "$bin" --db "$a" import --ledger "$work/b.duebook"
expect "conflict named" "$work/err" "conflict: invoice number INV-2026-0003 issued on both sides with different content"
expect "nothing written" "$work/err" "1 conflict\(s\); nothing was written. Decide them with --resolve mine\|theirs\|both"
check "db unchanged after conflict" 0 test "$before" = "$(db_sha "$a")"
check "bad resolve" 2 "$bin" --db "$a" import --ledger "$work/b.duebook" --resolve ours
check "resolve both" 0 "$bin" --db "$a" import --ledger "$work/b.duebook" --resolve both
expect "renumbered" "$work/out" "Renumbered the file's INV-2026-0003 -> INV-2026-0004"
expect "merge summary" "$work/out" "Added 4 events \(merge; 8 of the file's 12 already here; 1 conflict\(s\) decided: both\)"
check "verify merged" 0 "$bin" --db "$a" verify
check "invoice list" 0 "$bin" --db "$a" --format csv invoice list
expect "theirs renumbered in the list" "$work/out" "INV-2026-0004"

# A customer's part.
check "export part" 0 "$bin" --db "$a" export --format duebook --customer "Beta GmbH" --output "$work/beta.duebook"
expect "part says what" "$work/out" "Exported [0-9]+ of [0-9]+ events \(customer 2\)"
c="$work/c.sqlite"
check "init part" 0 "$bin" --db "$c" init
check "open part" 0 "$bin" --db "$c" import --ledger "$work/beta.duebook"
check "part list" 0 "$bin" --db "$c" --format csv customer list
expect "beta there" "$work/out" "Beta GmbH"
if grep -q "Acme" "$work/out"; then failed=$((failed + 1)); echo "FAIL: Acme in Beta's part"; else passed=$((passed + 1)); fi
check "verify part" 0 "$bin" --db "$c" verify

# Damaged files are refused, naming the place, and the ledger stays byte for byte.
before=$(db_sha "$c")
sed '3s/"label":"Add customer Beta GmbH"/"label":"Add customer Evil"/' "$work/a.duebook" >"$work/tampered.duebook"
check "tampered refused" 3 "$bin" --db "$c" import --ledger "$work/tampered.duebook"
expect "tampered names event" "$work/err" "tampered.duebook:3: event 2: its hash does not match its contents"
sed '1s/"version":"1.0"/"version":"2.1"/' "$work/a.duebook" >"$work/newer.duebook"
check "newer refused" 3 "$bin" --db "$c" import --ledger "$work/newer.duebook"
expect "newer says update" "$work/err" "format 2.1 .*update Duebook to open it"
head -c 300 "$work/a.duebook" >"$work/cut.duebook"
check "cut refused" 3 "$bin" --db "$c" import --ledger "$work/cut.duebook"
check "directory refused" 4 "$bin" --db "$c" import --ledger "$work"
expect "directory named" "$work/err" "is a directory, not a file"
d="$work/d.sqlite"
"$bin" --db "$d" init >/dev/null && "$bin" --db "$d" customer add "Other Ltd" >/dev/null
check "export other" 0 "$bin" --db "$d" export --format duebook --output "$work/d.duebook"
check "other ledger refused" 3 "$bin" --db "$c" import --ledger "$work/d.duebook"
expect "other ledger said" "$work/err" "shares no history with this ledger"
check "db unchanged after refusals" 0 test "$before" = "$(db_sha "$c")"

echo "cli ledger file: $passed passed, $failed failed"
[ "$failed" = 0 ]

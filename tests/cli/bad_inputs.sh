#!/usr/bin/env bash
# The bad-input matrix: every malformed file in tests/fixtures/bad (cases.tsv) is refused with the expected exit
# code and a message naming file:row:field, and the ledger it was imported into is byte-identical afterwards.
# Usage: tests/cli/bad_inputs.sh PATH/TO/duebook FIXTURES_DIR
set -u
bin=$1
dir=$2/bad
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0
failed=0
fail() { failed=$((failed + 1)); echo "FAIL: $1"; }

# The ledger every case starts from: two customers with an invoice each (for "number taken" and references).
seed="$work/seed.sqlite"
"$bin" --db "$seed" init >/dev/null &&
  "$bin" --db "$seed" customer add "Acme Ltd" --currency EUR --terms "Net 30" >/dev/null &&
  "$bin" --db "$seed" customer add "Beta Ltd" --currency EUR --terms "Net 30" >/dev/null &&
  printf 'InvoiceNo,Customer,InvoiceDate,ItemDescription,ItemAmount\n1001,Acme Ltd,2026-01-10,Seed,5.00\n%s\n' \
    '1002,Beta Ltd,2026-01-10,Seed,5.00' \
    >"$work/seed.csv" &&
  "$bin" --db "$seed" import --invoices "$work/seed.csv" >/dev/null || { echo "bad inputs: cannot seed"; exit 1; }

while IFS=$'\t' read -r file kind code pattern; do
  case "$file" in '#'* | '') continue ;; esac
  db="$work/case.sqlite"
  rm -f "$db" "$db-wal" "$db-shm"
  cp "$seed" "$db"
  before=$(sha256sum <"$db")
  "$bin" --db "$db" import "--$kind" "$dir/$file" >"$work/out" 2>"$work/err"
  rc=$?
  after=$(sha256sum <"$db")
  ok=1
  [ "$rc" = "$code" ] || { fail "$file: exit $rc, expected $code"; ok=0; }
  grep -qE -- "$pattern" "$work/err" || { fail "$file: no /$pattern/ in the error"; ok=0; }
  # Every problem names the file; a row problem names file:row:field.
  grep -q -- "$file" "$work/err" || { fail "$file: the error does not name the file"; ok=0; }
  [ "$before" = "$after" ] || { fail "$file: the ledger changed"; ok=0; }
  [ -s "$db-wal" ] && { fail "$file: left a write-ahead log behind"; ok=0; }
  if [ $ok = 1 ]; then passed=$((passed + 1)); else sed 's/^/  err: /' "$work/err" | head -5; fi
done <"$dir/cases.tsv"

echo "bad inputs: $passed passed, $failed failed"
[ "$failed" = 0 ]

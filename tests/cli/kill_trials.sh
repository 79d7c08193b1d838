#!/usr/bin/env bash
# Kill -9 trials: the program is killed at random moments during a large import and during a loop of edits.
# Afterwards `verify` passes, the import is whole or absent, and every edit the program acknowledged (exit 0) is
# present exactly once.
# Usage: tests/cli/kill_trials.sh PATH/TO/duebook [TRIALS]
set -u
set -m  # background jobs get their own process group, so a loop and the command it runs die together
bin=$1
trials=${2:-20}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0
failed=0
fail() { failed=$((failed + 1)); echo "FAIL: $1"; }
count() {  # count DB SQL: one number, read by another program (read-only)
  python3 -c "import sqlite3, sys
c = sqlite3.connect('file:' + sys.argv[1] + '?mode=ro', uri=True); print(c.execute(sys.argv[2]).fetchone()[0])" "$1" "$2"
}

rows=5000
python3 -c "import sys
print('InvoiceNo,Customer,InvoiceDate,ItemDescription,ItemAmount')
for i in range(int(sys.argv[1])): print(f'K{i:06d},Customer {i % 500},2026-01-{1 + i % 28:02d},Work,{10 + i % 90}.00')" \
  "$rows" >"$work/big.csv"
seed="$work/seed.sqlite"
"$bin" --db "$seed" init >/dev/null || { echo "kill trials: cannot init"; exit 1; }

# During a large import: whole or absent. The kill falls anywhere within the time one import takes here.
cp "$seed" "$work/timed.sqlite"
start=$(date +%s.%N)
"$bin" --db "$work/timed.sqlite" import --invoices "$work/big.csv" >/dev/null || { echo "kill trials: import failed"; exit 1; }
took=$(python3 -c "import sys; print(float(sys.argv[2]) - float(sys.argv[1]))" "$start" "$(date +%s.%N)")
whole=0 absent=0
for t in $(seq 1 "$trials"); do
  db="$work/import.sqlite"
  rm -f "$db" "$db-wal" "$db-shm"
  cp "$seed" "$db"
  "$bin" --db "$db" import --invoices "$work/big.csv" >/dev/null 2>&1 &
  pid=$!
  sleep "$(python3 -c "import random, sys; print(round(random.uniform(0.0, float(sys.argv[1])), 3))" "$took")"
  kill -9 -- "-$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  if ! "$bin" --db "$db" verify >"$work/out" 2>&1; then
    fail "import trial $t: verify failed: $(head -2 "$work/out")"
    continue
  fi
  n=$(count "$db" "SELECT count(*) FROM invoices")
  case $n in
    0) absent=$((absent + 1)); passed=$((passed + 1)) ;;
    "$rows") whole=$((whole + 1)); passed=$((passed + 1)) ;;
    *) fail "import trial $t: $n of $rows invoices: the import is neither whole nor absent" ;;
  esac
done
echo "kill trials: import of $rows invoices ($took s): $trials trials, $whole whole, $absent absent"

# During a loop of edits: every acknowledged edit is there once.
acked_total=0 found_total=0
for t in $(seq 1 "$trials"); do
  db="$work/edits.sqlite"
  rm -f "$db" "$db-wal" "$db-shm" "$work/acked"
  cp "$seed" "$db"
  touch "$work/acked"
  (for i in $(seq 1 400); do
     "$bin" --db "$db" customer add "Trial $t customer $i" --currency EUR >/dev/null 2>&1 && echo "Trial $t customer $i" >>"$work/acked"
   done) &
  loop=$!
  sleep "$(python3 -c "import random; print(round(random.uniform(0.2, 1.5), 3))")"
  # The loop and the command it is running, at once: the whole process group, so no next command can start.
  kill -9 -- "-$loop" 2>/dev/null
  wait "$loop" 2>/dev/null
  if ! "$bin" --db "$db" verify >"$work/out" 2>&1; then
    fail "edit trial $t: verify failed: $(head -2 "$work/out")"
    continue
  fi
  acked=$(wc -l <"$work/acked")
  ok=1
  # Each acknowledged name, counted in one pass by another program (read-only).
  missing=$(python3 -c "import sqlite3, sys
c = sqlite3.connect('file:' + sys.argv[1] + '?mode=ro', uri=True)
for name in open(sys.argv[2]).read().splitlines():
    n = c.execute('SELECT count(*) FROM customers WHERE name = ?', (name,)).fetchone()[0]
    if n != 1: print(f'\"{name}\" was acknowledged but is there {n} times')" "$db" "$work/acked")
  [ -z "$missing" ] || { fail "edit trial $t: $missing"; ok=0; }
  found=$(count "$db" "SELECT count(*) FROM customers")
  acked_total=$((acked_total + acked))
  found_total=$((found_total + found))
  [ $ok = 1 ] && passed=$((passed + 1))
done
echo "kill trials: edits: $trials trials, $acked_total edits acknowledged, $found_total customers found"

echo "kill trials: $passed passed, $failed failed"
[ "$failed" = 0 ]

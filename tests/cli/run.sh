#!/usr/bin/env bash
# CLI tests: run the real duebook binary against fresh ledgers and fixtures; check output and exit codes.
# Usage: tests/cli/run.sh PATH/TO/duebook FIXTURES_DIR
set -u
bin=$1
fixtures=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0
failed=0

# check NAME EXPECTED_EXIT COMMAND... ; output in $work/out, $work/err
check() {
  local name=$1 expected=$2
  shift 2
  "$@" >"$work/out" 2>"$work/err"
  local rc=$?
  if [ "$rc" = "$expected" ]; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    echo "FAIL: $name: exit $rc, expected $expected"
    sed 's/^/  out: /' "$work/out" | head -20
    sed 's/^/  err: /' "$work/err" | head -20
  fi
}
# expect NAME FILE PATTERN: the file contains the pattern (grep -E)
expect() {
  if grep -qE -- "$3" "$2"; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    echo "FAIL: $1: no match for /$3/ in:"
    sed 's/^/  | /' "$2" | head -20
  fi
}

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

echo "cli: $passed passed, $failed failed"
[ "$failed" = 0 ]

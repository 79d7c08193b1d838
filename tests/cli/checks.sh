# What the CLI test scripts share: a scratch folder, the pass/fail counts and the check and expect helpers.
# Sourced by tests/cli/run.sh and tests/cli/money.sh after they set `bin`.
# shellcheck shell=bash
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

#!/usr/bin/env bash
# `duebook --help` and `duebook COMMAND [SUBCOMMAND] --help` for every command: each lists the command, exits 0,
# and names every option its handler reads (found in shell/cli's source by help_options.py).
# Usage: tests/cli/help.sh PATH/TO/duebook
set -u
bin=$1
here=$(dirname "$0")
. "$here/checks.sh"

check "--help" 0 "$bin" --help
cp "$work/out" "$work/all"
"$here/help_options.py" "$here/../../shell/cli" >"$work/commands"
commands=$(wc -l <"$work/commands")
[ "$commands" -ge 80 ] && passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAIL: only $commands commands found"; }
while IFS=$'\t' read -r command options; do
  expect "--help lists $command" "$work/all" "^  $command "
  # shellcheck disable=SC2086
  check "$command --help" 0 "$bin" $command --help
  expect "$command --help names it" "$work/out" "\] $command\$"
  for option in $options; do
    expect "$command --help names $option" "$work/out" "$option([^a-z-]|\$)"
  done
done <"$work/commands"
check "unknown command's help" 2 "$bin" frobnicate --help
expect "unknown command named" "$work/err" 'no command "frobnicate"'

echo "help: $passed passed, $failed failed"
[ "$failed" = 0 ]

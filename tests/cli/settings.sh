#!/usr/bin/env bash
# The company's defaults from the command line: a country's defaults, new customers, invoices and credit notes
# starting from them, the numbering series previewed and never reused, a reference rate added, bad input
# refused naming the option with nothing changed.
# Usage: tests/cli/settings.sh PATH/TO/duebook
set -u
bin=$1
. "$(dirname "$0")/checks.sh"

db="$work/ledger.sqlite"
check "init" 0 "$bin" --db "$db" init
check "show, nothing saved" 0 "$bin" --db "$db" --format json settings show
expect "USD before any setting" "$work/out" '"value": "USD"'
check "a German company" 0 "$bin" --db "$db" settings set --country de --country-defaults
expect "label" "$work/out" "Set the company's defaults"
check "show" 0 "$bin" --db "$db" --format csv settings show
expect "country" "$work/out" '^country,DE'
expect "currency" "$work/out" '^currency,EUR'
expect "terms" "$work/out" '^terms,Net 30'
expect "policy" "$work/out" '^interest_policy,eu-late-payment'
expect "next invoice" "$work/out" '^next_invoice,INV-[0-9]{4}-0001'
expect "Germany: the built-in collections policy" "$work/out" '^collections_policy,Standard'

check "customer from the defaults" 0 "$bin" --db "$db" customer add "Kunde GmbH"
check "customer show" 0 "$bin" --db "$db" --format csv customer list
expect "EUR, Net 30" "$work/out" '^1,Kunde GmbH,EUR,Net 30,'
check "invoice" 0 "$bin" --db "$db" invoice add --customer 1 --line "Work;1;100" --date 2026-02-01 --issue
expect "INV series" "$work/out" 'INV-2026-0001'
check "series RE" 0 "$bin" --db "$db" settings set --invoice-series RE --credit-note-series GS
check "invoice in RE" 0 "$bin" --db "$db" invoice add --customer 1 --line "Work;1;100" --date 2026-02-01 --issue
expect "RE series" "$work/out" 'RE-2026-0001'
check "credit note in GS" 0 "$bin" --db "$db" credit-note add --invoice RE-2026-0001 --amount 10 --date 2026-02-02
expect "GS series" "$work/out" 'GS-2026-0001'
check "back to INV" 0 "$bin" --db "$db" settings set --invoice-series INV
check "invoice in INV again" 0 "$bin" --db "$db" invoice add --customer 1 --line "Work;1;100" --date 2026-02-01 --issue
expect "INV-2026-0001 not reused" "$work/out" 'INV-2026-0002'

# A UK company: the country's collections policy (the letter of claim gives 30 days) for new customers.
check "a UK company" 0 "$bin" --db "$db" settings set --country gb --country-defaults
check "show UK" 0 "$bin" --db "$db" --format csv settings show
expect "UK collections policy" "$work/out" '^collections_policy,"United Kingdom \(letter of claim, 30 days\)"'
check "UK customer" 0 "$bin" --db "$db" customer add "Harbour Ltd" --currency GBP
check "UK customer's policy" 0 "$bin" --db "$db" policy show --customer "Harbour Ltd"
expect "chased by the UK policy" "$work/out" 'United Kingdom \(letter of claim, 30 days\)'
expect "its final notice gives 30 days" "$work/out" '^ +7 +\+75 +final_notice +final_notice +yes +30$'
check "the German customer keeps its policy" 0 "$bin" --db "$db" policy show --customer "Kunde GmbH"
expect "Standard kept" "$work/out" 'Standard'
check "UK again: the policy reused" 0 "$bin" --db "$db" settings set --country gb --country-defaults --terms "Net 14"
check "one policy saved" 0 "$bin" --db "$db" --format csv policy list
same_count=$(grep -c "United Kingdom" "$work/out")
check "only one UK policy" 0 test "$same_count" = 1
check "back to Standard" 0 "$bin" --db "$db" settings set --collections-policy Standard
check "unknown policy" 3 "$bin" --db "$db" settings set --collections-policy "Nope"
expect "names --collections-policy" "$work/err" '^--collections-policy: no policy "Nope"'
check "back to Net 30" 0 "$bin" --db "$db" settings set --country de --country-defaults

before=$("$bin" --db "$db" --format csv log | wc -l)
check "bad currency" 3 "$bin" --db "$db" settings set --currency EURO --invoice-series "A-B"
expect "names --currency" "$work/err" '^--currency: '
expect "names --invoice-series" "$work/err" '^--invoice-series: '
check "bad country" 3 "$bin" --db "$db" settings set --country XX --country-defaults
expect "names --country" "$work/err" '^--country: '
check "bad policy" 3 "$bin" --db "$db" settings set --interest-policy contract:abc
expect "names --interest-policy" "$work/err" '^--interest-policy: '
after=$("$bin" --db "$db" --format csv log | wc -l)
[ "$before" = "$after" ] && passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAIL: a refused setting wrote"; }

check "rate add" 0 "$bin" --db "$db" rate add --table ecb --from 2026-06-20 --rate 1.90
expect "rate label" "$work/out" 'Add the ECB rate of 1.90 % from 2026-06-20'
check "rate list" 0 "$bin" --db "$db" --format csv rate list --table ecb
expect "listed last" "$work/out" '^ecb,2026-06-20,1.90'
check "older rate refused" 3 "$bin" --db "$db" rate add --table ecb --from 2026-01-01 --rate 2
expect "names --from" "$work/err" '^--from: a new rate applies after the newest one \(2026-06-20\)'
check "unknown table" 3 "$bin" --db "$db" rate add --table fed --from 2027-01-01 --rate 2
expect "names --table" "$work/err" '^--table: '
check "charges preview uses the default policy" 0 "$bin" --db "$db" --format json charges preview --as-of 2026-12-31
expect "EU policy" "$work/out" '"policy": "eu-late-payment"'
check "verify" 0 "$bin" --db "$db" verify

echo "settings: $passed passed, $failed failed"
[ "$failed" = 0 ]

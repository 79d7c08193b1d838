#!/usr/bin/env bash
# The Collect tab on the desktop, under Xvfb: the demo ledger made by the CLI; a late customer's page, its
# "Options…" button, and the options compared with the cheapest one named; then the Charges screen.
# Widgets are found by name in the facts the window writes each frame ($DUEBOOK_TEST_FACTS), driven by XTest.
# Usage: tests/desktop/collect.sh PATH/TO/duebook ARTIFACTS_DIR [XVFB_SERVER_NUMBER]
#   (default $DUEBOOK_XVFB_SERVER or 96) writes ARTIFACTS_DIR/desktop-collect*.png
set -u
. "$(dirname "$0")/session.sh"
desktop_setup collect 96 "$@"
"$bin" --db "$db" demo >/dev/null || { echo "desktop collect: demo failed"; exit 1; }

{
  inner_start
  cat <<INNER
ui click tab.customers
ui type customers.search "Paloma"
ui click "customers.open.Paloma Travel SL"
ui wait 's["customer_page"].get("name") == "Paloma Travel SL"'
ui click customer_page.collect.options
ui wait 's["collect"]["open"] and len(s["collect"]["options"]["rows"]) == 7 and s["collect"]["options"]["cheapest"] != ""' 20
shot ""
ui click collect.tab.charges
ui wait 's["collect"]["screen"] == "charges"'
# The policy's radio button is clicked once the Charges screen has been drawn; a click that lands on a frame
# still being laid out is tried again.
for attempt in 1 2 3; do
  sleep 0.3
  ui click charges.policy.eu
  ui wait 's["collect"]["charges"]["policy"] == "eu-late-payment"' 3 && break
done
ui wait 's["collect"]["charges"]["policy"] == "eu-late-payment"'
shot -charges
INNER
} > "$work/inner.sh"
desktop_run desktop-collect desktop-collect-charges

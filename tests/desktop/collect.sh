#!/usr/bin/env bash
# The Collect tab on the desktop, under Xvfb: the demo ledger made by the CLI; a late customer's page, its
# "Options…" button, and the options compared with the cheapest one named; then the Charges screen.
# Widgets are found by name in the facts the window writes each frame ($DUEBOOK_TEST_FACTS), driven by XTest.
# Usage: tests/desktop/collect.sh PATH/TO/duebook ARTIFACTS_DIR [XVFB_SERVER_NUMBER]
#   (default $DUEBOOK_XVFB_SERVER or 96) writes ARTIFACTS_DIR/desktop-collect*.png
set -u
bin=$1
artifacts=$2
server=${3:-${DUEBOOK_XVFB_SERVER:-96}}
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$artifacts"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
db="$work/ledger.sqlite"
"$bin" --db "$db" demo >/dev/null || { echo "desktop collect: demo failed"; exit 1; }

cat > "$work/inner.sh" <<INNER
set -eE
facts="$work/facts.json"
ui() { python3 "$here/xui.py" "\$facts" "\$@"; }
shot() { sleep 0.6; import -window root "$artifacts/desktop-collect\$1.png"; }
DUEBOOK_TEST_FACTS="\$facts" "$bin" --db "$db" & app=\$!
trap 'kill \$app 2>/dev/null' EXIT
trap 'import -window root "$artifacts/desktop-collect-failed.png"; cp "\$facts" "$artifacts/desktop-collect-failed.json"' ERR
for i in \$(seq 1 100); do [ -s "\$facts" ] && break; sleep 0.1; done
ui wait 's.get("ready") is True' 20
ui click tab.customers
ui type customers.search "Paloma"
ui click "customers.open.Paloma Travel SL"
ui wait 's["customer_page"].get("name") == "Paloma Travel SL"'
ui click customer_page.collect.options
ui wait 's["collect"]["open"] and len(s["collect"]["options"]["rows"]) == 7 and s["collect"]["options"]["cheapest"] != ""' 20
shot ""
ui click collect.tab.charges
ui click charges.policy.eu
ui wait 's["collect"]["charges"]["policy"] == "eu-late-payment"'
shot -charges
INNER
xvfb-run -n "$server" -s "-screen 0 1280x800x24" bash "$work/inner.sh" ||
  { echo "desktop collect: 0 passed, 1 failed"; exit 1; }
for shot in desktop-collect desktop-collect-charges; do
  colours=$(convert "$artifacts/$shot.png" -format %k info:)
  if [ "${colours:-0}" -lt 16 ]; then
    echo "desktop collect: $shot.png has only $colours colours"
    echo "desktop collect: 0 passed, 1 failed"
    exit 1
  fi
done
echo "desktop collect: screenshots $artifacts/desktop-collect.png $artifacts/desktop-collect-charges.png"
echo "desktop collect: 1 passed, 0 failed"

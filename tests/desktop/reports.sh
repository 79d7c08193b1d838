#!/usr/bin/env bash
# The Reports tab on the desktop, under Xvfb: the demo ledger (tests/fixtures/demo) imported with the CLI, the
# as-of date set to the day it was generated up to; the aging drawn and its first currency adding up to the
# Dashboard's receivable, a click on its first customer's oldest amount listing the invoices behind it, then the
# forecast beside its backtest. Widgets are found by name in the facts the window writes each frame
# ($DUEBOOK_TEST_FACTS), driven by XTest.
# Usage: tests/desktop/reports.sh PATH/TO/duebook ARTIFACTS_DIR [XVFB_SERVER_NUMBER]
#   (default $DUEBOOK_XVFB_SERVER or 95) writes ARTIFACTS_DIR/desktop-reports*.png
set -u
bin=$1
artifacts=$2
server=${3:-${DUEBOOK_XVFB_SERVER:-95}}
here=$(cd "$(dirname "$0")" && pwd)
demo="$here/../fixtures/demo"
mkdir -p "$artifacts"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
db="$work/ledger.sqlite"
"$bin" --db "$db" init >/dev/null &&
  "$bin" --db "$db" import --invoices "$demo/invoices.csv" >/dev/null &&
  "$bin" --db "$db" import --payments "$demo/payments.csv" >/dev/null || { echo "desktop reports: import failed"; exit 1; }

cat > "$work/inner.sh" <<INNER
set -eE
facts="$work/facts.json"
ui() { python3 "$here/xui.py" "\$facts" "\$@"; }
shot() { sleep 0.6; import -window root "$artifacts/desktop-reports\$1.png"; }
DUEBOOK_TEST_FACTS="\$facts" "$bin" --db "$db" & app=\$!
trap 'kill \$app 2>/dev/null' EXIT
trap 'import -window root "$artifacts/desktop-reports-failed.png"; cp "\$facts" "$artifacts/desktop-reports-failed.json"' ERR
for i in \$(seq 1 100); do [ -s "\$facts" ] && break; sleep 0.1; done
ui wait 's.get("ready") is True' 20
ui type asof.date 2026-06-30
ui keys Return
ui click tab.dashboard
ui wait 's["dashboard"].get("as_of") == "2026-06-30" and s["dashboard"]["issued"] == 900' 20
ui click tab.reports
ui wait 's["reports"]["aging"].get("as_of") == "2026-06-30" and s["reports"]["aging"]["currencies"][0]["total"] == dict(map(lambda c: (c["currency"], c["receivable"]), s["dashboard"]["currencies"]))[s["reports"]["aging"]["currencies"][0]["currency"]]' 20
shot ""
# The first currency's first customer's oldest non-empty bucket: its amount, then the invoices behind it.
cell=\$(python3 -c '
import json, sys
a = json.load(open(sys.argv[1]))["state"]["reports"]["aging"]
c = a["currencies"][0]
for who in c["customers"]:
    b = [k for k, v in enumerate(who["buckets"]) if v > 0]
    if b:
        print("reports.aging.cell.%s.%s.%d" % (c["currency"], who["name"], b[-1])); break
' "\$facts")
ui click "\$cell"
ui wait 's["reports"]["aging"]["drill"]["active"] and len(s["reports"]["aging"]["drill"]["rows"]) > 0'
shot -drill
ui click reports.pick.3
ui wait 's["reports"]["forecast"].get("made_on") == "2026-03-31"' 20
shot -forecast
INNER
xvfb-run -n "$server" -s "-screen 0 1280x800x24" bash "$work/inner.sh" ||
  { echo "desktop reports: 0 passed, 1 failed"; exit 1; }
for shot in desktop-reports desktop-reports-drill desktop-reports-forecast; do
  colours=$(convert "$artifacts/$shot.png" -format %k info:)
  if [ "${colours:-0}" -lt 16 ]; then
    echo "desktop reports: $shot.png has only $colours colours"
    echo "desktop reports: 0 passed, 1 failed"
    exit 1
  fi
done
echo "desktop reports: screenshots $artifacts/desktop-reports.png $artifacts/desktop-reports-drill.png $artifacts/desktop-reports-forecast.png"
echo "desktop reports: 1 passed, 0 failed"

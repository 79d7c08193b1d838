#!/usr/bin/env bash
# The Dashboard on the desktop, under Xvfb: the demo ledger (tests/fixtures/demo: three dozen customers, two
# years) imported with the CLI, the as-of date set to the day it was generated up to; the figures drawn, then a
# click on the first currency's oldest non-empty aging bar lands on the Invoices tab filtered to that bucket.
# Widgets are found by name in the facts the window writes each frame ($DUEBOOK_TEST_FACTS), driven by XTest.
# Usage: tests/desktop/dashboard.sh PATH/TO/duebook ARTIFACTS_DIR [XVFB_SERVER_NUMBER]
#   (default $DUEBOOK_XVFB_SERVER or 94) writes ARTIFACTS_DIR/desktop-dashboard*.png
set -u
bin=$1
artifacts=$2
server=${3:-${DUEBOOK_XVFB_SERVER:-94}}
here=$(cd "$(dirname "$0")" && pwd)
demo="$here/../fixtures/demo"
mkdir -p "$artifacts"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
db="$work/ledger.sqlite"
"$bin" --db "$db" init >/dev/null &&
  "$bin" --db "$db" import --invoices "$demo/invoices.csv" >/dev/null &&
  "$bin" --db "$db" import --payments "$demo/payments.csv" >/dev/null || { echo "desktop dashboard: import failed"; exit 1; }

cat > "$work/inner.sh" <<INNER
set -eE
facts="$work/facts.json"
ui() { python3 "$here/xui.py" "\$facts" "\$@"; }
shot() { sleep 0.6; import -window root "$artifacts/desktop-dashboard\$1.png"; }
DUEBOOK_TEST_FACTS="\$facts" "$bin" --db "$db" & app=\$!
trap 'kill \$app 2>/dev/null' EXIT
trap 'import -window root "$artifacts/desktop-dashboard-failed.png"; cp "\$facts" "$artifacts/desktop-dashboard-failed.json"' ERR
for i in \$(seq 1 100); do [ -s "\$facts" ] && break; sleep 0.1; done
ui wait 's.get("ready") is True' 20
ui type asof.date 2026-06-30
ui keys Return
ui wait 's["dashboard"].get("as_of") == "2026-06-30" and s["dashboard"]["issued"] == 900' 20
ui click tab.dashboard
shot ""
# The first currency's oldest bucket with invoices: its bar segment, then the list it opens.
bucket=\$(python3 -c 'import json,sys; c=json.load(open(sys.argv[1]))["state"]["dashboard"]["currencies"][0]; print(max(b for b in range(1, 5) if c["aging_invoices"][b] > 0))' "\$facts")
ui click "dashboard.aging.0.\$bucket"
ui wait "s['invoice_list']['overdue'] == \$bucket + 1 and s['invoice_list']['count'] == s['dashboard']['currencies'][0]['aging_invoices'][\$bucket]"
shot -bucket
INNER
xvfb-run -n "$server" -s "-screen 0 1280x800x24" bash "$work/inner.sh" ||
  { echo "desktop dashboard: 0 passed, 1 failed"; exit 1; }
for shot in desktop-dashboard desktop-dashboard-bucket; do
  colours=$(convert "$artifacts/$shot.png" -format %k info:)
  if [ "${colours:-0}" -lt 16 ]; then
    echo "desktop dashboard: $shot.png has only $colours colours"
    echo "desktop dashboard: 0 passed, 1 failed"
    exit 1
  fi
done
echo "desktop dashboard: screenshots $artifacts/desktop-dashboard.png $artifacts/desktop-dashboard-bucket.png"
echo "desktop dashboard: 1 passed, 0 failed"

#!/usr/bin/env bash
# The Reports tab on the desktop, under Xvfb: the demo ledger (tests/fixtures/demo) imported with the CLI, the
# as-of date set to the day it was generated up to; the aging drawn and its first currency adding up to the
# Dashboard's receivable, a click on its first customer's oldest amount listing the invoices behind it, then the
# forecast beside its backtest. Widgets are found by name in the facts the window writes each frame
# ($DUEBOOK_TEST_FACTS), driven by XTest.
# Usage: tests/desktop/reports.sh PATH/TO/duebook ARTIFACTS_DIR [XVFB_SERVER_NUMBER]
#   (default $DUEBOOK_XVFB_SERVER or 95) writes ARTIFACTS_DIR/desktop-reports*.png
set -u
. "$(dirname "$0")/session.sh"
desktop_setup reports 95 "$@"
desktop_fixture_demo

{
  inner_start
  cat <<INNER
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
} > "$work/inner.sh"
desktop_run desktop-reports desktop-reports-drill desktop-reports-forecast

#!/usr/bin/env bash
# The Dashboard on the desktop, under Xvfb: the demo ledger (tests/fixtures/demo: three dozen customers, two
# years) imported with the CLI, the as-of date set to the day it was generated up to; the figures drawn, then a
# click on the first currency's oldest non-empty aging bar lands on the Invoices tab filtered to that bucket.
# Widgets are found by name in the facts the window writes each frame ($DUEBOOK_TEST_FACTS), driven by XTest.
# Usage: tests/desktop/dashboard.sh PATH/TO/duebook ARTIFACTS_DIR [XVFB_SERVER_NUMBER]
#   (default $DUEBOOK_XVFB_SERVER or 94) writes ARTIFACTS_DIR/desktop-dashboard*.png
set -u
. "$(dirname "$0")/session.sh"
desktop_setup dashboard 94 "$@"
desktop_fixture_demo

{
  inner_start
  cat <<INNER
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
} > "$work/inner.sh"
desktop_run desktop-dashboard desktop-dashboard-bucket

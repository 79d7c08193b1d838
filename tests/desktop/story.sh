#!/usr/bin/env bash
# The collections story on the desktop, under Xvfb, entered through the window as a user would (no CLI
# seeding): the company's details, a customer with a billing and an escalation contact, two invoices on
# 2/10 net 30; the as-of date moved past the due date brings the reminder on Today, which is recorded as sent;
# a file of the customer's October invoice imported through File > Import CSV; then a payment split by hand
# across the invoices, its remainder kept as unapplied credit, listed with the import on the customer's page. Widgets are found
# by name in the facts the window writes each frame ($DUEBOOK_TEST_FACTS) and driven by XTest (xui.py).
# Usage: tests/desktop/story.sh PATH/TO/duebook ARTIFACTS_DIR [XVFB_SERVER_NUMBER]
#   (default $DUEBOOK_XVFB_SERVER or 58) writes ARTIFACTS_DIR/desktop-story-*.png
set -u
bin=$1
artifacts=$2
server=${3:-${DUEBOOK_XVFB_SERVER:-58}}
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$artifacts"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$bin" --db "$work/ledger.sqlite" init >/dev/null || { echo "desktop story: init failed"; exit 1; }

cat > "$work/inner.sh" <<INNER
set -eE
facts="$work/facts.json"
ui() { python3 "$here/xui.py" "\$facts" "\$@"; }
shot() { sleep 0.6; import -window root "$artifacts/desktop-story-\$1.png"; }
DUEBOOK_TEST_FACTS="\$facts" "$bin" --db "$work/ledger.sqlite" & app=\$!
trap 'kill \$app 2>/dev/null' EXIT
trap 'import -window root "$artifacts/desktop-story-failed.png"; cp "\$facts" "$artifacts/desktop-story-failed.json"' ERR
for i in \$(seq 1 100); do [ -s "\$facts" ] && break; sleep 0.1; done
ui wait 's.get("ready") is True' 20

# The company that signs the messages, where Today asks for it (the Dashboard is the first tab).
ui click tab.today
ui type company.name "Northwind Supplies Ltd"
ui type company.sender "Jo Fielding"
ui type company.phone "+44 161 496 0000"
ui type company.email "accounts@northwind.example"
ui click company.save
ui wait 's["undo"] == "Set the company details for collection messages"'

# A customer with two contacts.
ui click tab.customers
ui type customer.name "Acme Ltd"
ui type customer.currency "EUR"
ui type customer.terms "2/10 Net 30"
ui type customer.billing_name "Pat Billing"
ui type customer.billing_email "pat@acme.example"
ui type customer.escalation_name "Sam Director"
ui type customer.escalation_email "sam@acme.example"
ui click customer.save
ui wait 's["customers"] == 1'

# Two invoices.
ui click tab.invoices
issue() {
  ui type invoice.customer "Acme Ltd"
  ui type invoice.date "\$1"
  ui type invoice.line.0.description "\$2"
  ui type invoice.line.0.quantity "\$3"
  ui type invoice.line.0.price "\$4"
  ui click invoice.issue
  ui wait "s['invoices'] == \$5"
  sleep 0.5
}
issue 2026-09-01 "Consulting August" 8 125.00 1
issue 2026-09-20 "Consulting September" 2 200.00 2

# Past the due date: the reminder is on Today; recorded as sent.
ui type asof.date 2026-10-02
ui keys Return
ui wait 's["as_of"] == "2026-10-02"'
ui click tab.today
ui wait '[e["customer"] for e in s["today"]["entries"]] == ["Acme Ltd"]'
ui click "today.row.Acme Ltd"
ui wait 's["today"]["opened"] is not None'
shot today
ui click today.outcome.reached
ui wait 's["today"]["entries"] == []'

# The customer's October invoice imported from a file (with a 50.00 deposit): one entry on its timeline.
printf '%s\n' "InvoiceNo,Customer,InvoiceDate,DueDate,Terms,Memo,ItemDescription,ItemQuantity,ItemRate,ItemAmount,Deposit" \
  "OCT-77,Acme Ltd,2026-10-05,,,,Materials,1,250.00,250.00,50.00" > "$work/acme-october.csv"
ui click menu.file
ui click menu.import
ui type import.path "$work/acme-october.csv"
ui click import.open_path
ui wait 's["invoices"] == 3 and not s["import"]["running"] and s["import"]["done"] == "Import invoices from acme-october.csv"' 30
ui click import.close

# A payment of 700.00 split by hand: 500.00 and 150.00, 50.00 kept as unapplied credit.
ui type asof.date 2026-10-12
ui keys Return
ui wait 's["as_of"] == "2026-10-12"'
ui click tab.payments
ui type payment.customer "Acme Ltd"
ui type payment.amount 700
ui click payment.split
ui wait 's["payment_split"]["on"] and [r["amount"] for r in s["payment_split"]["rows"]] == ["700.00", "", ""]'
ui type payment.split.INV-2026-0002 300
ui wait 's["payment_split"]["error"].startswith("The split gives EUR 1,000.00 to invoices")'
shot split-refused
ui type payment.split.INV-2026-0001 500
ui type payment.split.INV-2026-0002 150
ui wait 's["payment_split"]["error"] == "" and s["payment_split"]["unapplied"] == 5000'
shot payment-split
ui click payment.record
ui wait 's["payment_confirmation"] == "Payment of EUR 700.00 recorded; no invoice settled; EUR 50.00 kept as unapplied credit."'
ui wait '[c["unapplied"] for c in s["credits"]] == [5000]'
shot unapplied-credit

# The customer's page: the credit listed, the import and the payment on the timeline, newest first.
ui click tab.customers
ui click "customers.open.Acme Ltd"
ui wait '[e["kind"] for e in s["customer_page"]["timeline"]][:2] == ["payment", "import"]'
ui wait 's["customer_page"]["timeline"][1]["what"] == "Import invoices from acme-october.csv: 1 invoice"'
ui wait '[c["unapplied"] for c in s["customer_page"]["credits"]] == [5000]'
# Overdue: 500.00 left on INV-2026-0001 and the October invoice's 50.00 deposit, due on receipt (10-05).
ui wait 's["customer_page"]["overdue"] == 55000'
shot timeline
INNER
xvfb-run -n "$server" -s "-screen 0 1280x800x24" bash "$work/inner.sh" ||
  { echo "desktop story: 0 passed, 1 failed"; exit 1; }
for shot in today split-refused payment-split unapplied-credit timeline; do
  colours=$(convert "$artifacts/desktop-story-$shot.png" -format %k info:)
  if [ "${colours:-0}" -lt 16 ]; then
    echo "desktop story: desktop-story-$shot.png has only $colours colours"
    echo "desktop story: 0 passed, 1 failed"
    exit 1
  fi
done
echo "desktop story: screenshots $artifacts/desktop-story-*.png"
echo "desktop story: 1 passed, 0 failed"

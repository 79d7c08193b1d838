#!/usr/bin/env bash
# The workbench's exports on the desktop, under Xvfb, through the window as a user would: File > Export journal >
# beancount, File > Export invoices (Xero CSV) and File > Export payments, then an invoice's "E-invoice" button.
# Each file lands in the download folder ($XDG_DOWNLOAD_DIR) and is what the command line writes: the journal
# read by bean-check with no error, the CSVs byte for byte the CLI's, the e-invoice holding EN 16931's rules.
# Widgets are found by name in the facts the window writes each frame ($DUEBOOK_TEST_FACTS), driven by XTest.
# Usage: tests/desktop/exports.sh PATH/TO/duebook ARTIFACTS_DIR [XVFB_SERVER_NUMBER]
#   (default $DUEBOOK_XVFB_SERVER or 93) writes ARTIFACTS_DIR/desktop-exports-*.png
set -u
bin=$1
artifacts=$2
server=${3:-${DUEBOOK_XVFB_SERVER:-93}}
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$artifacts"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
db="$work/ledger.sqlite"
d() { "$bin" --db "$db" "$@" >/dev/null || { echo "desktop exports: $* failed"; exit 1; }; }
d init
d collections company --name "Northwind GmbH" --address $'Hauptstr. 1\n10115 Berlin\nDE' --vat-id DE123456789 \
  --endpoint 0088:5790000435975
d customer add "Acme SARL" --currency EUR --terms "Net 30" --address $'1 Rue X\n75002 Paris\nFR' \
  --billing-email ap@acme.example
d invoice add --customer "Acme SARL" --line "Consulting;8;125.00;19" --line "Books;2;9.99;7" --date 2026-09-01 \
  --issue
d payment add --customer "Acme SARL" --amount 400 --date 2026-09-15 --reference "SEPA-1"
mkdir -p "$work/dl"

cat > "$work/inner.sh" <<INNER
set -eE
facts="$work/facts.json"
ui() { python3 "$here/xui.py" "\$facts" "\$@"; }
shot() { sleep 0.6; import -window root "$artifacts/desktop-exports-\$1.png"; }
saved() { for i in \$(seq 1 100); do ls "$work/dl/"\$1 >/dev/null 2>&1 && return 0; sleep 0.1; done; return 1; }
XDG_DOWNLOAD_DIR="$work/dl" DUEBOOK_TEST_FACTS="\$facts" "$bin" --db "$db" & app=\$!
trap 'kill \$app 2>/dev/null' EXIT
trap 'import -window root "$artifacts/desktop-exports-failed.png"; cp "\$facts" "$artifacts/desktop-exports-failed.json"' ERR
for i in \$(seq 1 100); do [ -s "\$facts" ] && break; sleep 0.1; done
ui wait 's.get("ready") is True' 20

ui click menu.file
ui click menu.export_journal
shot journal-menu
ui click menu.export_beancount
saved 'duebook-receivables-*.beancount'
ui click menu.file
ui click menu.export_invoices_xero
saved 'duebook-invoices-xero-*.csv'
ui click menu.file
ui click menu.export_payments
saved 'duebook-payments-*.csv'

ui click tab.invoices
ui click invoices.row.INV-2026-0001
ui click tab.invoice_window
ui click invoice_window.e_invoice
saved 'INV-2026-0001.xml'
shot e-invoice
INNER
xvfb-run -n "$server" -s "-screen 0 1280x800x24" bash "$work/inner.sh" ||
  { echo "desktop exports: 0 passed, 1 failed"; exit 1; }
failed=0
py=python3
[ -x /usr/bin/python3 ] && py=/usr/bin/python3
bean-check "$work"/dl/duebook-receivables-*.beancount || { echo "desktop exports: bean-check failed"; failed=1; }
"$bin" --db "$db" --format xero export --output "$work/cli-xero.csv" >/dev/null
cmp "$work"/dl/duebook-invoices-xero-*.csv "$work/cli-xero.csv" || { echo "desktop exports: Xero CSV differs"; failed=1; }
"$bin" --db "$db" --format payments export --output "$work/cli-payments.csv" >/dev/null
cmp "$work"/dl/duebook-payments-*.csv "$work/cli-payments.csv" || { echo "desktop exports: payments differ"; failed=1; }
"$py" "$here/../cli/ubl_check.py" "$work/dl/INV-2026-0001.xml" 2 || { echo "desktop exports: e-invoice"; failed=1; }
for shot in journal-menu e-invoice; do
  colours=$(convert "$artifacts/desktop-exports-$shot.png" -format %k info:)
  [ "${colours:-0}" -ge 16 ] || { echo "desktop exports: desktop-exports-$shot.png has only $colours colours"; failed=1; }
done
if [ "$failed" -ne 0 ]; then echo "desktop exports: 0 passed, 1 failed"; exit 1; fi
echo "desktop exports: screenshots $artifacts/desktop-exports-*.png"
echo "desktop exports: 1 passed, 0 failed"

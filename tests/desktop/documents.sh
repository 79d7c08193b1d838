#!/usr/bin/env bash
# Desktop test of the workbench's PDF actions: a ledger seeded through the CLI (a customer with an overdue,
# partly paid invoice and the company's bank details), the real window under Xvfb, the logo set in Settings ›
# Company by its path (then printed on the statement, read back by pdfimages), and clicks on the
# customer page's "Statement" and the invoice window's "Reminder" PDF buttons (found by name in the facts the
# window writes, driven by XTest). Each PDF must land in the downloads folder and read back with pdftotext;
# the reminder must be recorded on the customer's timeline.
# Usage: tests/desktop/documents.sh PATH/TO/duebook ARTIFACTS_DIR [XVFB_SERVER_NUMBER]
#   (default $DUEBOOK_XVFB_SERVER or 92) writes ARTIFACTS_DIR/desktop-documents-*.png and the PDFs
set -u
bin=$1
artifacts=$2
server=${3:-${DUEBOOK_XVFB_SERVER:-92}}
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$artifacts"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/downloads"
db=(--db "$work/ledger.sqlite")
seed() { "$bin" "${db[@]}" "$@" >/dev/null || { echo "desktop documents: seeding failed: $*"; exit 1; }; }
seed init
seed collections company --name "Nordlicht Werkzeuge GmbH" --iban "DE89 3704 0044 0532 0130 00" --bic COBADEFFXXX
seed customer add "Café Müller & Söhne" --currency EUR --terms "Net 30" --billing-name "Åsa Lindqvist"
seed invoice add --customer "Café Müller & Söhne" --line "Drehmomentschlüssel;2;149.50;19" --date 2026-01-05 --issue
seed payment add --customer "Café Müller & Söhne" --amount 100 --date 2026-02-10 --reference INV-2026-0001
# The logo: a PNG of 240 × 80 pixels written here (a dark blue band on a light ground).
python3 - "$work/logo.png" <<'EOF'
import struct, sys, zlib
w, h = 240, 80
rows = b"".join(b"\0" + b"".join(bytes((20, 40, 110) if 20 < y < 60 else (220, 230, 245)) for _ in range(w))
                for y in range(h))
chunk = lambda t, d: struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d))
open(sys.argv[1], "wb").write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
                              + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))
EOF

cat > "$work/inner.sh" <<INNER
set -eE
facts="$work/facts.json"
ui() { python3 "$here/xui.py" "\$facts" "\$@"; }
shot() { sleep 0.6; import -window root "$artifacts/desktop-documents-\$1.png"; }
XDG_DOWNLOAD_DIR="$work/downloads" DUEBOOK_TEST_FACTS="\$facts" "$bin" --db "$work/ledger.sqlite" & app=\$!
trap 'kill \$app 2>/dev/null' EXIT
trap 'import -window root "$artifacts/desktop-documents-failed.png"; cp "\$facts" "$artifacts/desktop-documents-failed.json"' ERR
for i in \$(seq 1 100); do [ -s "\$facts" ] && break; sleep 0.1; done
ui wait 's.get("ready") is True' 20
ui click menu.file
ui click menu.settings
ui click settings.tab_company
ui type settings.logo_path "$work/logo.png"
ui click settings.logo_use
ui wait 's["settings"]["logo"].startswith("PNG, 240 × 80 pixels")'
shot settings-logo
ui keys Escape
ui wait 'not s["settings"]["open"]'
ui click tab.customers
sleep 1  # the list is drawn before its row is clicked
ui click "customers.open.Café Müller & Söhne"
ui wait 's["customer_page"]["id"] > 0'
sleep 1  # the page's layout settles before its buttons are clicked
ui click customer_page.pdf_statement
ui wait 's["status"].startswith("Saved the PDF to")' 20
shot customer-page
ui click customer_page.invoice.INV-2026-0001
sleep 1
ui click invoice_window.pdf_reminder
# The PDF is saved, then its record runs after the frame: the status line then names the record.
ui wait 's["undo"].startswith("Produce reminder 1 for Café Müller & Söhne: INV-2026-0001")' 20
shot invoice-window
INNER
xvfb-run -n "$server" -s "-screen 0 1280x800x24" bash "$work/inner.sh" ||
  { echo "desktop documents: 0 passed, 1 failed"; exit 1; }
passed=0
failed=0
expect() {  # NAME FILE PATTERN
  if grep -qE -- "$3" "$2"; then passed=$((passed + 1)); else
    failed=$((failed + 1)); echo "FAIL: $1: no /$3/ in $2"; fi
}
statement=$(ls "$work"/downloads/statement-*.pdf 2>/dev/null | head -1)
reminder=$(ls "$work"/downloads/reminder-1-INV-2026-0001-*.pdf 2>/dev/null | head -1)
for f in "$statement" "$reminder"; do
  if [ -n "$f" ] && pdftotext -layout "$f" "$f.txt" 2>/dev/null; then passed=$((passed + 1)); cp "$f" "$artifacts/"; else
    failed=$((failed + 1)); echo "FAIL: a PDF is missing from the downloads: $(ls "$work/downloads")"; fi
done
if [ -n "$statement" ]; then
  expect "statement: customer" "$statement.txt" "Café Müller & Söhne"
  expect "statement: invoice" "$statement.txt" "INV-2026-0001"
  expect "statement: bank" "$statement.txt" "IBAN +DE89 3704 0044 0532 0130 00"
  pdfimages -list "$statement" > "$statement.images" 2>&1
  expect "statement: the logo" "$statement.images" "^ +1 +0 +image +240 +80 +rgb "
fi
if [ -n "$reminder" ]; then
  expect "reminder: title" "$reminder.txt" "Payment reminder"
  expect "reminder: total now due" "$reminder.txt" "Total now due +EUR 255\.81"
fi
"$bin" "${db[@]}" customer timeline "Café Müller & Söhne" > "$work/timeline.txt"
expect "timeline: reminder recorded" "$work/timeline.txt" "document .*Produce reminder 1 for Café Müller & Söhne: INV-2026-0001"
echo "desktop documents: $passed passed, $failed failed"
[ "$failed" = 0 ]

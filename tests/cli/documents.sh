#!/usr/bin/env bash
# CLI tests of the PDF documents: a small ledger built through the CLI (a German supplier, a customer with
# accented names, a partial payment, a late fee, EU late-payment interest, a credit note, a call and a
# promise), then every document rendered and read back: its text with pdftotext (names, numbers, amounts,
# dates, the DUPLICATE mark, the reminder's fees and deadline, the evidence pack's hashes), every page drawn
# with pdftoppm, and the EPC QR code decoded with zbarimg and its fields checked against the invoice.
# Usage: tests/cli/documents.sh PATH/TO/duebook [ARTIFACTS_DIR]   (the pages are kept there as PNG)
set -u
bin=$1
artifacts=${2:-}
. "$(dirname "$0")/checks.sh"
for tool in pdftotext pdftoppm pdfinfo pdfimages zbarimg; do
  command -v "$tool" >/dev/null || { echo "FAIL: $tool is missing (scripts/setup.sh installs it)"; exit 1; }
done
db="$work/ledger.sqlite"
run() { "$bin" --db "$db" "$@"; }
# text NAME PDF: the PDF's text (layout kept) in $work/text, checked to exist
text() {
  check "$1: text" 0 pdftotext -layout "$2" "$work/text"
}
# pages NAME PDF: every page renders (pdftoppm), as many PNGs as pdfinfo counts pages; kept in artifacts
pages() {
  local name=$1 pdf=$2 count
  count=$(pdfinfo "$pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')
  rm -f "$work/page"-*.png
  check "$name: pages render" 0 pdftoppm -r 60 -png "$pdf" "$work/page"
  local rendered
  rendered=$(ls "$work/page"-*.png 2>/dev/null | wc -l)
  if [ -n "$count" ] && [ "$count" -ge 1 ] && [ "$rendered" = "$count" ]; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    echo "FAIL: $name: $rendered pages rendered, pdfinfo says ${count:-none}"
  fi
  if [ -n "$artifacts" ]; then
    mkdir -p "$artifacts"
    pdftoppm -r 80 -png "$pdf" "$artifacts/$name"
    cp "$pdf" "$artifacts/$name.pdf"
  fi
}
# same NAME A B: the two values are equal
same() {
  if [ "$2" = "$3" ]; then passed=$((passed + 1)); else
    failed=$((failed + 1))
    echo "FAIL: $1: \"$2\" != \"$3\""
  fi
}

# --- The ledger ------------------------------------------------------------------------------------------------
check "init" 0 run init
check "company" 0 run collections company --name "Nordlicht Werkzeuge GmbH" --address $'Hauptstraße 12\n10115 Berlin' \
  --phone "+49 30 1234567" --email "buchhaltung@nordlicht.example" --sender "Jürgen Weiß" \
  --iban "de89 3704 0044 0532 0130 00" --bic COBADEFFXXX --account-name "Nordlicht Werkzeuge GmbH"
# ISO 13616: the mod-97 check of DE88... fails; nothing is stored.
check "company: bad IBAN refused" 3 run collections company --iban "DE88 3704 0044 0532 0130 00"
expect "company: IBAN named" "$work/err" "iban.*check digits"
check "company: bad BIC refused" 3 run collections company --bic "DEUT1EFF"
expect "company: BIC named" "$work/err" "bic"
# The logo: an RGBA PNG of 240 × 80 pixels (a blue bar, its right half fading out) printed on every document.
python3 - "$work/logo.png" <<'EOF'
import struct, sys, zlib
w, h = 240, 80
rows = b"".join(b"\0" + b"".join(bytes((30, 60, 140, 255 if x < 120 else 255 - (x - 120) * 2)) for x in range(w))
                for _ in range(h))
chunk = lambda t, d: struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d))
open(sys.argv[1], "wb").write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 6, 0, 0, 0))
                              + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))
EOF
printf 'not a picture' >"$work/logo.gif"
check "logo: not a picture refused" 3 run collections company --logo "$work/logo.gif"
expect "logo: why named" "$work/err" "logo.*logo\.gif: not a PNG or JPEG picture"
check "logo" 0 run collections company --logo "$work/logo.png"
expect "logo: saved" "$work/out" "Set the company's logo"
check "logo: the same again" 3 run collections company --logo "$work/logo.png"
expect "logo: same again changes nothing" "$work/err" "nothing changed"
check "customer" 0 run customer add "Café Müller & Söhne" --currency EUR --terms "Net 30" \
  --address $'Marktplatz 3\n80331 München' --tax-id DE123456789 --billing-name "Åsa Lindqvist" \
  --billing-email "asa@cafe-mueller.example" --escalation-name "Dr. Renée Fournier" \
  --escalation-email "renee@cafe-mueller.example"
# The policy: a reminder that gives 10 days, a letter with a EUR 40.00 late fee (14 days, the default), the
# letter to the senior manager, a final notice that gives 7 days.
check "policy" 0 run policy set --json '{"name": "Nordlicht", "steps": [
  {"offset_days": 1, "action": "email_reminder", "payment_deadline_days": 10},
  {"offset_days": 14, "action": "letter", "late_fee": true},
  {"offset_days": 30, "action": "escalation_letter"},
  {"offset_days": 45, "action": "final_notice", "payment_deadline_days": 7}],
  "late_fee": {"flat": [{"currency": "EUR", "amount": "40.00"}]}}'
check "policy: bad deadline refused" 3 run policy set --json '{"name": "Bad", "steps": [
  {"offset_days": 1, "action": "email_reminder", "payment_deadline_days": 0}]}'
expect "policy: deadline named" "$work/err" "payment_deadline_days"
check "policy assign" 0 run policy set --customer "Café Müller & Söhne" --policy Nordlicht
# Totals (EN 16931, invoicing/totals.h): 2 × 149.50 = 299.00 at 19 % → tax 56.81; 80.00 at 7 % → 5.60;
# net 379.00, tax 62.41, total 441.41. Due 2026-02-04 (Net 30 from 2026-01-05).
check "invoice 1" 0 run invoice add --customer "Café Müller & Söhne" --date 2026-01-05 --issue \
  --line "Drehmomentschlüssel ½″;2;149.50;19" --line "Öl-Service (€-Pauschale);1;80.00;7"
check "invoice 2" 0 run invoice add --customer "Café Müller & Söhne" --date 2026-01-20 --issue \
  --line "Werkbank-Miete;1;100.00;0"
check "payment" 0 run payment add --customer "Café Müller & Söhne" --amount 200.00 --date 2026-02-10 \
  --reference INV-2026-0001
check "credit note" 0 run credit-note add --invoice INV-2026-0002 --amount 20.00 --date 2026-02-12 \
  --reason "Werkbank zwei Tage zu spät"
check "call" 0 run contact log --customer "Café Müller & Söhne" --channel phone --outcome promised \
  --person "Åsa Lindqvist" --notes "Zahlung bis Monatsende zugesagt" --date 2026-02-20 --invoices INV-2026-0001
check "promise" 0 run promise add --customer "Café Müller & Söhne" --date 2026-02-28 --amount 241.41 \
  --made 2026-02-20 --invoices INV-2026-0001
# The promise pauses chasing (and the letter step's fee) until 2026-02-28 plus its grace days: no fee on
# 2026-02-25, the EUR 40.00 fee on 2026-03-08.
check "late fee paused by the promise" 0 run fee charge --date 2026-02-25
expect "late fee: none while promised" "$work/out" "No late fee to charge"
check "late fee" 0 run fee charge --date 2026-03-08
expect "late fee: both invoices" "$work/out" "Charge 2 late fees as of 2026-03-08"
check "interest" 0 run charges apply --as-of 2026-03-10 --policy eu-late-payment

# --- Invoice ---------------------------------------------------------------------------------------------------
check "doc invoice" 0 run document invoice INV-2026-0001 --out "$work/invoice.pdf"
expect "doc invoice: wrote" "$work/out" "Wrote .*invoice.pdf"
text invoice "$work/invoice.pdf"
for pattern in "Nordlicht Werkzeuge GmbH" "Hauptstraße 12" "Café Müller & Söhne" "Marktplatz 3" "80331 München" \
  "Tax id DE123456789" "Attn: Åsa Lindqvist" "Invoice number +INV-2026-0001" "Invoice date +2026-01-05" \
  "Due date +2026-02-04" "Terms +Net 30" "Drehmomentschlüssel ½″" "Öl-Service \(€-Pauschale\)" \
  "149\.50 +19 % +299\.00" "Total without tax +EUR 379\.00" "Tax 19 % of EUR 299\.00 +EUR 56\.81" \
  "Tax 7 % of EUR 80\.00 +EUR 5\.60" "Total +EUR 441\.41" "Paid +EUR -200\.00" "Amount due +EUR 241\.41" \
  "IBAN +DE89 3704 0044 0532 0130 00" "BIC +COBADEFFXXX" "Reference +INV-2026-0001" "Page 1 of 1"; do
  expect "doc invoice: $pattern" "$work/text" "$pattern"
done
check "doc invoice: no DUPLICATE" 1 grep -q DUPLICATE "$work/text"
# The logo's pixels with their transparency as a soft mask (pdfimages: type, width, height, colour).
check "doc invoice: images" 0 pdfimages -list "$work/invoice.pdf"
expect "doc invoice: logo" "$work/out" "^ +1 +0 +image +240 +80 +rgb "
expect "doc invoice: logo's transparency" "$work/out" "^ +1 +1 +smask +240 +80 +gray "
pages invoice "$work/invoice.pdf"
# The EPC QR code (EPC069-12 v2): decoded from the page at 200 dpi, each field checked against the invoice.
check "doc invoice: QR rendered" 0 pdftoppm -r 200 -png -f 1 -l 1 "$work/invoice.pdf" "$work/qr"
check "doc invoice: QR decoded" 0 zbarimg --raw -q "$work"/qr-*.png
mapfile -t epc < "$work/out"
same "EPC service tag" "${epc[0]:-}" "BCD"
same "EPC version" "${epc[1]:-}" "002"
same "EPC character set (UTF-8)" "${epc[2]:-}" "1"
same "EPC identification" "${epc[3]:-}" "SCT"
same "EPC BIC" "${epc[4]:-}" "COBADEFFXXX"
same "EPC name" "${epc[5]:-}" "Nordlicht Werkzeuge GmbH"
same "EPC IBAN" "${epc[6]:-}" "DE89370400440532013000"
same "EPC amount = amount due" "${epc[7]:-}" "EUR241.41"
same "EPC remittance = invoice number" "${epc[10]:-}" "INV-2026-0001"

check "doc invoice duplicate" 0 run document invoice INV-2026-0001 --duplicate --date 2026-02-20 \
  --out "$work/duplicate.pdf"
text duplicate "$work/duplicate.pdf"
# The mark runs diagonally across the page (pdftotext -layout keeps only horizontal text).
check "doc duplicate: text as drawn" 0 pdftotext -raw "$work/duplicate.pdf" "$work/raw"
expect "doc duplicate: mark" "$work/raw" "DUPLICATE"
expect "doc duplicate: reminder date" "$work/text" "Sent again with reminder of +2026-02-20"
pages duplicate "$work/duplicate.pdf"
check "doc invoice: unknown" 3 run document invoice INV-2099-0001 --out "$work/none.pdf"
expect "doc invoice: unknown named" "$work/err" "invoice: no issued invoice or credit note \"INV-2099-0001\""
check "doc invoice: no file written" 1 test -e "$work/none.pdf"
check "doc invoice: --out required" 2 run document invoice INV-2026-0001

# --- Credit note -----------------------------------------------------------------------------------------------
check "credit notes" 0 run --format csv invoice show INV-2026-0002
check "doc credit note" 0 run document invoice CN-2026-0001 --out "$work/credit.pdf"
text credit "$work/credit.pdf"
for pattern in "Credit note number +CN-2026-0001" "Credits invoice +INV-2026-0002" "Werkbank zwei Tage zu spät" \
  "Credit +EUR 20\.00"; do
  expect "doc credit note: $pattern" "$work/text" "$pattern"
done
pages credit "$work/credit.pdf"

# --- Reminders -------------------------------------------------------------------------------------------------
# Level 1 is the policy's first sending step (the reminder, 10 days): 2026-02-05 + 10 = 2026-02-15; nothing
# was charged by then.
check "doc reminder 1" 0 run document reminder INV-2026-0001 --level 1 --date 2026-02-05 --out "$work/reminder1.pdf"
expect "doc reminder 1: recorded" "$work/out" "Recorded: Produce reminder 1 for Café Müller & Söhne: INV-2026-0001, pay by 2026-02-15"
text reminder1 "$work/reminder1.pdf"
for pattern in "Payment reminder" "Reminder date +2026-02-05" "Late fees +EUR 0\.00" \
  "Please pay EUR 241\.41 by 2026-02-15 \(10 days\)"; do
  expect "doc reminder 1: $pattern" "$work/text" "$pattern"
done
pages reminder1 "$work/reminder1.pdf"
# Level 2 is the letter step (14 days by default): 2026-03-12 + 14 = 2026-03-26; the EUR 40.00 fee (charged
# 2026-02-25) and the interest and EUR 40.00 fixed compensation (EU Directive 2011/7/EU Art. 6, booked to
# 2026-03-10) are listed apart from the invoice; total now due = 241.41 + their open charges invoices.
check "doc reminder 2" 0 run document reminder INV-2026-0001 --level 2 --date 2026-03-12 --out "$work/reminder2.pdf"
text reminder2 "$work/reminder2.pdf"
for pattern in "Second reminder" "Reminder date +2026-03-12" "Drehmomentschlüssel" "Still open on the invoice +EUR 241\.41" \
  "Late fees +EUR 40\.00" "Interest and compensation +EUR [0-9,]+\.[0-9]{2}" "Total now due +EUR [0-9,]+\.[0-9]{2}" \
  "by 2026-03-26 \(14 days\)"; do
  expect "doc reminder 2: $pattern" "$work/text" "$pattern"
done
# The interest line = the charges booked on INV-2026-0001 (interest + compensation), as charges list says.
# charges list: id,kind,invoice,step,charge_invoice,currency,amount,date,status,...
booked=$(run --format csv charges list | tr -d '\r' |
  awk -F, 'NR>1 && $3=="INV-2026-0001" && ($2=="interest" || $2=="compensation") && $9=="charged" {print $7}')
sum=$(printf '%s\n' $booked | awk '{s += $1} END {printf "%.2f", s}')
expect "doc reminder 2: interest = booked ($sum)" "$work/text" "Interest and compensation +EUR $sum"
total=$(awk "BEGIN {printf \"%.2f\", 241.41 + 40.00 + $sum}")
expect "doc reminder 2: total now due ($total)" "$work/text" "Total now due +EUR ${total/./\\.}"
pages reminder2 "$work/reminder2.pdf"
check "doc reminder 3" 0 run document reminder INV-2026-0001 --level 3 --date 2026-04-01 --out "$work/reminder3.pdf"
text reminder3 "$work/reminder3.pdf"
expect "doc reminder 3: final" "$work/text" "Final reminder"
expect "doc reminder 3: deadline from the letter to the senior manager step (14 days)" "$work/text" "by 2026-04-15"
pages reminder3 "$work/reminder3.pdf"
check "doc reminder: bad level" 3 run document reminder INV-2026-0001 --level 4 --out "$work/bad.pdf"
expect "doc reminder: level named" "$work/err" "--level: must be 1, 2 or 3"
check "doc reminder: unknown invoice" 3 run document reminder INV-2099-0009 --out "$work/bad.pdf"
expect "doc reminder: invoice named" "$work/err" "no issued invoice \"INV-2099-0009\""
check "doc reminder: nothing written" 1 test -e "$work/bad.pdf"

# --- Statement -------------------------------------------------------------------------------------------------
check "doc statement" 0 run document statement --customer "Café Müller & Söhne" --from 2026-01-10 --to 2026-03-31 \
  --out "$work/statement.pdf"
text statement "$work/statement.pdf"
for pattern in "Statement" "Period +2026-01-10 to 2026-03-31" "2026-01-09 +Balance brought forward +441\.41" \
  "2026-01-20 +Invoice +INV-2026-0002 due 2026-02-19 +100\.00 +541\.41" "2026-02-10 +Payment .*-200\.00 +341\.41" \
  "2026-02-12 +Credit note +Credit note CN-2026-0001.* +-20\.00 +321\.41" "Late fee|INV-2026-0003" \
  "Balance due by age" "current +1-30 +31-60" "IBAN +DE89"; do
  expect "doc statement: $pattern" "$work/text" "$pattern"
done
pages statement "$work/statement.pdf"
check "doc statement: unknown customer" 3 run document statement --customer "Nobody" --out "$work/bad.pdf"
expect "doc statement: customer named" "$work/err" "--customer: no customer \"Nobody\""

# --- Letter ----------------------------------------------------------------------------------------------------
check "doc letter" 0 run document letter --customer "Café Müller & Söhne" --step 2 --date 2026-03-12 \
  --out "$work/letter.pdf"
expect "doc letter: recorded" "$work/out" "Recorded: Produce letter \(step 2\)"
text letter "$work/letter.pdf"
for pattern in "Attn: Dr\. Renée Fournier, Senior manager" "Dear Dr\. Renée Fournier" "Jürgen Weiß" "Invoices due" \
  "INV-2026-0001 +2026-01-05 +2026-02-04 +36 +441\.41 +241\.41" "INV-2026-0002 +2026-01-20 +2026-02-19 +21 +100\.00 +80\.00" \
  "Open on these invoices +EUR 321\.41" "Late fees +EUR 80\.00" "Total now due +EUR 484\.39" \
  "including charges under our terms, is EUR 484\.39"; do
  expect "doc letter: $pattern" "$work/text" "$pattern"
done
# The charges invoices bill the fees and interest listed apart: they are not invoices due a second time.
check "doc letter: charges invoices not listed" 1 grep -q "INV-2026-0003" "$work/text"
pages letter "$work/letter.pdf"
check "doc letter: bad step" 3 run document letter --customer "Café Müller & Söhne" --step 9 --out "$work/bad.pdf"
expect "doc letter: step named" "$work/err" "step: the policy \"Nordlicht\" has steps 0 to 3, not 9"

# --- Receipt ---------------------------------------------------------------------------------------------------
check "doc receipt" 0 run document receipt --payment 1 --out "$work/receipt.pdf"
text receipt "$work/receipt.pdf"
for pattern in "Payment receipt" "Received on +2026-02-10" "We received EUR 200\.00 from Café Müller & Söhne" \
  "INV-2026-0001 +2026-02-04 +441\.41 +200\.00 +241\.41" "Received +EUR 200\.00"; do
  expect "doc receipt: $pattern" "$work/text" "$pattern"
done
pages receipt "$work/receipt.pdf"
check "doc receipt: unknown" 3 run document receipt --payment 77 --out "$work/bad.pdf"
expect "doc receipt: payment named" "$work/err" "payment: no payment #77"

# --- Evidence pack ---------------------------------------------------------------------------------------------
check "doc evidence" 0 run document evidence --invoice INV-2026-0001 --date 2026-03-12 --out "$work/evidence.pdf"
text evidence "$work/evidence.pdf"
check "log" 0 run --format csv log
tr -d '\r' < "$work/out" > "$work/log.csv"
first_hash=$(awk -F, 'NR==2 {print $NF}' "$work/log.csv")
last_hash=$(awk -F, 'END {print $NF}' "$work/log.csv")
events=$(awk -F, 'END {print $1}' "$work/log.csv")
for pattern in "Evidence pack" "Creditor +Nordlicht Werkzeuge GmbH" "Debtor +Café Müller & Söhne" \
  "Interest and compensation claimed \(eu-late-payment, to 2026-03-12\)" "Unpaid principal +EUR 241\.41" \
  "Total claimed" "Chronological record" "Zahlung bis Monatsende zugesagt" "outcome: promised" \
  "Produce reminder 2" "Payment #1|payment" "First event's hash" "$first_hash" "$last_hash" \
  "^ *$events\$" \
  "verify --anchor $events:${last_hash:0:16}"; do
  expect "doc evidence: $pattern" "$work/text" "$pattern"
done
# Every page's footer carries the ledger's anchor as `verify` prints it (a later deletion of events shows).
expect "doc evidence: the anchor in the footer" "$work/text" "Ledger $events:${last_hash:0:16}"
# Every event listed carries the hash the log has for its number.
grep -oE "recorded by .*, event [0-9]+" "$work/text" | grep -oE "[0-9]+$" > "$work/seqs"
check "doc evidence: events listed" 0 test -s "$work/seqs"
grep -oE "hash [0-9a-f]{64}" "$work/text" | cut -d' ' -f2 > "$work/hashes"
same "doc evidence: a hash per event" "$(wc -l < "$work/seqs")" "$(wc -l < "$work/hashes")"
paste -d' ' "$work/seqs" "$work/hashes" | while read -r seq hash; do
  awk -F, -v seq="$seq" '$1==seq {print $NF}' "$work/log.csv"
done > "$work/log-hashes"
same "doc evidence: hashes match the log" "$(cat "$work/hashes")" "$(cat "$work/log-hashes")"
pages evidence "$work/evidence.pdf"
check "doc evidence customer" 0 run document evidence --customer "Café Müller & Söhne" --date 2026-03-12 \
  --out "$work/evidence-customer.pdf"
text evidence-customer "$work/evidence-customer.pdf"
expect "doc evidence customer: both invoices" "$work/text" "INV-2026-0002"
pages evidence-customer "$work/evidence-customer.pdf"
check "doc evidence: both scopes refused" 2 run document evidence --invoice INV-2026-0001 --customer 1 --out "$work/bad.pdf"
check "doc evidence: bad interest" 3 run document evidence --customer 1 --interest "usury:99" --out "$work/bad.pdf"
expect "doc evidence: interest named" "$work/err" "--interest"

# --- The record of documents produced --------------------------------------------------------------------------
check "timeline" 0 run customer timeline "Café Müller & Söhne"
expect "timeline: reminder produced" "$work/out" "document .*Produce reminder 2 for Café Müller & Söhne: INV-2026-0001, pay by 2026-03-26"
expect "timeline: letter produced" "$work/out" "document .*Produce letter \(step 2\)"
check "verify" 0 run verify

# --- Confirmations of an agreement: an installment plan, a reduced settlement -----------------------------------
# EUR 1,000.00 in 3 monthly installments (collections/settlements.h: the leftover cent goes to the first):
# 333.34 on 2026-04-30, 333.33 on 2026-05-30, 333.33 on 2026-06-30.
check "plan: customer" 0 run customer add "Ørsted Bau AG" --currency EUR --terms "Net 30" --billing-name "Ida Holm"
check "plan: invoice" 0 run invoice add --customer "Ørsted Bau AG" --date 2026-02-01 --issue --line "Gerüst;1;1000.00;0"
plan_invoice=$(grep -oE "INV-[0-9]{4}-[0-9]{4}" "$work/out" | head -1)
check "plan: agreed" 0 run plan add --customer "Ørsted Bau AG" --installments 3 --start 2026-04-30 \
  --date 2026-04-10
check "plan: listed" 0 run --format csv plan list --date 2026-04-10
plan_id=$(awk -F, '/Ørsted/ {print $1; exit}' "$work/out")
check "doc plan" 0 run document plan --plan "$plan_id" --date 2026-04-10 --out "$work/plan.pdf"
text plan "$work/plan.pdf"
for pattern in "Installment plan agreed: invoice $plan_invoice" "Dear Ida Holm" "agreeing a payment plan with us on" \
  "2026-04-10" "the EUR 1,000.00 open" "invoice $plan_invoice, due on 2026-03-03, will be paid" "in 3 installments" \
  "1 +2026-04-30 +333\.34 +333\.34" "2 +2026-05-30 +333\.33 +666\.67" "3 +2026-06-30 +333\.33 +1000\.00" \
  "$plan_invoice +2026-02-01 +2026-03-03 +1000\.00 +1000\.00" "Still to pay +EUR 1,000\.00" \
  "Next installment: EUR 333\.34 by 2026-04-30"; do
  expect "doc plan: $pattern" "$work/text" "$pattern"
done
pages plan "$work/plan.pdf"
# The first installment paid: marked, and the next one asked for.
check "plan: first paid" 0 run payment add --customer "Ørsted Bau AG" --amount 333.34 --date 2026-04-28 \
  --reference $plan_invoice
check "doc plan after a payment" 0 run document plan --plan "$plan_id" --date 2026-05-02 --out "$work/plan2.pdf"
text plan2 "$work/plan2.pdf"
expect "doc plan: installment 1 paid" "$work/text" "1 +2026-04-30 +333\.34 +333\.34 +paid"
expect "doc plan: the next installment" "$work/text" "Next installment: EUR 333\.33 by 2026-05-30"
check "doc plan: unknown plan" 3 run document plan --plan 999 --out "$work/bad.pdf"
expect "doc plan: unknown named" "$work/err" "plan.*no installment plan #999"
check "doc plan: not an id" 3 run document plan --plan abc --out "$work/bad.pdf"
expect "doc plan: --plan named" "$work/err" "--plan"
# EUR 500.00 settled for 350.00: 150.00 written off (the settlement's write-off).
check "settle: customer" 0 run customer add "Hölzl KG" --currency EUR --terms "Net 14"
check "settle: invoice" 0 run invoice add --customer "Hölzl KG" --date 2026-02-01 --issue --line "Beratung;1;500.00;0"
settled_invoice=$(grep -oE "INV-[0-9]{4}-[0-9]{4}" "$work/out" | head -1)
check "settle" 0 run settle --invoice $settled_invoice --accept 350.00 --reason "Teilzahlung vereinbart" \
  --date 2026-04-12
check "doc settlement" 0 run document settlement --invoice $settled_invoice --out "$work/settlement.pdf"
text settlement "$work/settlement.pdf"
for pattern in "Settlement agreed: invoice $settled_invoice" "Dear Accounts Payable team" \
  "we accept EUR 350.00 in full and final settlement of" "invoice $settled_invoice, on which" "on which EUR 500.00 was open" \
  "The remaining EUR 150.00 has been written off" "Open on the invoice when agreed +EUR 500\.00" \
  "Written off +EUR 150\.00" "Accepted in full and final settlement +EUR 350\.00" "Still to pay +EUR 350\.00"; do
  expect "doc settlement: $pattern" "$work/text" "$pattern"
done
pages settlement "$work/settlement.pdf"
check "doc settlement: none agreed" 3 run document settlement --invoice $plan_invoice --out "$work/bad.pdf"
expect "doc settlement: invoice named" "$work/err" "--invoice.*no settlement agreed"

# --- The logo as a JPEG, then none -----------------------------------------------------------------------------
check "logo: a JPEG made" 0 pdftoppm -jpeg -r 20 -f 1 -l 1 -singlefile "$work/invoice.pdf" "$work/logo"
check "logo: JPEG" 0 run collections company --logo "$work/logo.jpg"
check "doc letter with the JPEG logo" 0 run document settlement --invoice $settled_invoice --out "$work/jpeg.pdf"
check "doc letter: images" 0 pdfimages -list "$work/jpeg.pdf"
expect "doc letter: the JPEG embedded as it is" "$work/out" "^ +1 +0 +image +[0-9]+ +[0-9]+ +rgb +3 +8 +jpeg "
check "logo: removed" 0 run collections company --no-logo
check "doc letter without a logo" 0 run document settlement --invoice $settled_invoice --out "$work/plain.pdf"
check "doc letter: no images" 0 pdfimages -list "$work/plain.pdf"
check "doc letter: no logo" 1 grep -qE "image|smask" "$work/out"
check "logo: nothing to remove" 3 run collections company --no-logo

echo "documents: $passed passed, $failed failed"
[ "$failed" = 0 ]

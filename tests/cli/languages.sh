#!/usr/bin/env bash
# CLI tests of languages: a customer's language set with `customer language` (and refused when unknown), then
# its reminder and collections letter rendered as PDF and read back with pdftotext — German words, German
# amounts (1.234,56 EUR) and dates (31.12.2026), accented letters intact — beside an English customer whose
# documents keep the English wording, and a French one with its own separators.
# Usage: tests/cli/languages.sh PATH/TO/duebook [ARTIFACTS_DIR]   (the PDFs are kept there)
set -u
bin=$1
artifacts=${2:-}
. "$(dirname "$0")/checks.sh"
command -v pdftotext >/dev/null || { echo "FAIL: pdftotext is missing (scripts/setup.sh installs it)"; exit 1; }
db="$work/ledger.sqlite"
run() { "$bin" --db "$db" "$@"; }
keep() { if [ -n "$artifacts" ]; then mkdir -p "$artifacts" && cp "$1" "$artifacts/"; fi; }

check "init" 0 run init
check "company" 0 run collections company --name "Nordlicht Werkzeuge GmbH" --address $'Hauptstraße 12\n10115 Berlin' \
  --sender "Jürgen Weiß" --iban "DE89 3704 0044 0532 0130 00" --bic COBADEFFXXX
for who in "Müller Bau GmbH" "Acme Ltd" "Société Générale des Outils"; do
  check "customer $who" 0 run customer add "$who" --currency EUR --terms "Net 30" --billing-name "Dana Roth"
done
# One invoice each of EUR 1,234.56, dated 2026-12-01, due 2026-12-31 (Net 30).
for who in "Müller Bau GmbH" "Acme Ltd" "Société Générale des Outils"; do
  check "invoice $who" 0 run invoice add --customer "$who" --date 2026-12-01 --issue --line "Beratung;1;1234.56;0"
done

# --- The language: set, shown, refused when unknown, undone ----------------------------------------------------
check "language de" 0 run customer language "Müller Bau GmbH" de
expect "language de: said" "$work/out" "Write to Müller Bau GmbH in Deutsch"
check "language de: shown" 0 run --format json customer show "Müller Bau GmbH"
expect "language de: stored" "$work/out" '"value": "de"'
check "language de again: refused" 3 run customer language "Müller Bau GmbH" Deutsch
expect "language de again: named" "$work/err" "language: .*already gets its messages in Deutsch"
check "language it: refused" 3 run customer language "Acme Ltd" it
expect "language it: named" "$work/err" "language: \"it\" is not a language Duebook writes in; use en, de, fr or es"
check "language fr via edit" 0 run customer edit "Société Générale des Outils" --language français
check "language bad via edit: refused" 3 run customer edit "Acme Ltd" --language klingon
expect "language bad via edit: option named" "$work/err" "--language"
check "language es" 0 run customer language "Acme Ltd" es
check "undo language es" 0 run undo
check "language back to en" 0 run --format json customer show "Acme Ltd"
expect "language en: stored" "$work/out" '"value": "en"'

# --- The German reminder ---------------------------------------------------------------------------------------
check "reminder de" 0 run document reminder INV-2026-0001 --date 2027-01-15 --out "$work/erinnerung.pdf"
check "reminder de: text" 0 pdftotext -layout "$work/erinnerung.pdf" "$work/text"
keep "$work/erinnerung.pdf"
for pattern in "Zahlungserinnerung" "Datum +15\.01\.2027" "Rechnungsdatum +01\.12\.2026" \
  "Fällig am +31\.12\.2026" "Nach unseren Unterlagen ist die Rechnung INV-2026-0001" \
  "Beratung +1 +1\.234,56" "Zu zahlen +1\.234,56.{1,2}EUR" "Jetzt fällig +1\.234,56.{1,2}EUR" \
  "Bitte zahlen Sie 1\.234,56.{1,2}EUR bis zum [0-9]{2}\.[0-9]{2}\.2027" "Zahlungsinformationen" "Verwendungszweck" \
  "Nordlicht Werkzeuge GmbH" "Hauptstraße 12"; do
  expect "reminder de: $pattern" "$work/text" "$pattern"
done
check "reminder de: no English amount" 1 grep -qE "EUR 1,234\.56|2026-12-31|Payment reminder" "$work/text"

# --- The German collections letter (the default policy's step 1: the friendly reminder) ---------------------------
check "letter de" 0 run document letter --customer "Müller Bau GmbH" --step 1 --date 2027-01-15 \
  --out "$work/brief.pdf"
check "letter de: text" 0 pdftotext -layout "$work/brief.pdf" "$work/text"
keep "$work/brief.pdf"
for pattern in "Zahlungserinnerung: Rechnung INV-2026-0001" "Guten Tag Dana Roth," \
  "die Zahlung von 1\.234,56.{1,2}EUR für die Rechnung" "fällig am 31\.12\.2026" \
  "Mit freundlichen Grüßen" "Jürgen Weiß" "Fällige Rechnungen" "Jetzt fällig +1\.234,56.{1,2}EUR"; do
  expect "letter de: $pattern" "$work/text" "$pattern"
done

# --- The English customer keeps the English wording and the ISO forms -------------------------------------------
check "reminder en" 0 run document reminder INV-2026-0002 --date 2027-01-15 --out "$work/reminder.pdf"
check "reminder en: text" 0 pdftotext -layout "$work/reminder.pdf" "$work/text"
for pattern in "Payment reminder" "Reminder date +2027-01-15" "invoice INV-2026-0002 of 2026-12-01" "Total now due +EUR 1,234\.56"; do
  expect "reminder en: $pattern" "$work/text" "$pattern"
done

# --- The French customer: "Relance", a narrow space between thousands --------------------------------------------
check "letter fr" 0 run document letter --customer "Société Générale des Outils" --step 1 --date 2027-01-15 \
  --out "$work/relance.pdf"
check "letter fr: text" 0 pdftotext -layout "$work/relance.pdf" "$work/text"
keep "$work/relance.pdf"
for pattern in "Relance de paiement : facture INV-2026-0003" "Bonjour Dana Roth," "31/12/2026" \
  "1.{1,3}234,56.{1,2}EUR" "Cordialement" "Société Générale des Outils"; do
  expect "letter fr: $pattern" "$work/text" "$pattern"
done

echo "languages: $passed passed, $failed failed"
[ "$failed" = 0 ]

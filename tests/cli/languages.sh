#!/usr/bin/env bash
# CLI tests of languages: a customer's language set with `customer language` (and refused when unknown), then
# its reminder and collections letter rendered as PDF and read back with pdftotext — German words, German
# amounts (1.234,56 EUR) and dates (31.12.2026), accented letters intact — beside an English customer whose
# documents keep the English wording, and a French one with its own separators. Then every other document —
# invoice, credit note, receipt, statement, evidence pack — in German, French and Spanish, each document
# command's --language overriding the customer's language, and an unknown --language refused.
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

# --- A Spanish customer, a payment, a credit note: the figures of the documents below ---------------------------
check "customer es" 0 run customer add "Ferretería López S.L." --currency EUR --terms "Net 30" --language es
check "invoice es" 0 run invoice add --customer "Ferretería López S.L." --date 2026-12-01 --issue \
  --line "Asesoría;1;1234.56;0"
expect "invoice es: numbered" "$work/out" "INV-2026-0004"
# EUR 1,000.00 on INV-2026-0001: 234.56 stays open.
check "payment de" 0 run payment add --customer "Müller Bau GmbH" --amount 1000.00 --date 2027-01-20 \
  --method Überweisung --reference INV-2026-0001
check "credit note es" 0 run credit-note add --invoice INV-2026-0004 --amount 34.56 --date 2027-01-10 \
  --reason "Descuento acordado"
credit_note=$(grep -oE "CN-[0-9]{4}-[0-9]{4}" "$work/out" | head -1)
check "credit note es: numbered" 0 test -n "$credit_note"

# pdf NAME FILE: the PDF's text (pdftotext -layout) in $work/text, the file kept with the artifacts.
pdf() { check "$1: text" 0 pdftotext -layout "$2" "$work/text"; keep "$2"; }

# --- The invoice and the credit note -----------------------------------------------------------------------------
check "invoice de" 0 run document invoice INV-2026-0001 --duplicate --date 2027-01-15 --out "$work/rechnung.pdf"
pdf "invoice de" "$work/rechnung.pdf"
for pattern in "Rechnungsnummer +INV-2026-0001" "Rechnungsdatum +01\.12\.2026" "Fällig am +31\.12\.2026" \
  "Kopie zur Mahnung vom +15\.01\.2027" "Beschreibung +Menge +Einzelpreis" \
  "Beratung +1 +1\.234,56" "Bezahlt +-1\.000,00.{1,2}EUR" "Zu zahlen +234,56.{1,2}EUR" "Verwendungszweck"; do
  expect "invoice de: $pattern" "$work/text" "$pattern"
done
# The mark runs diagonally across the page (pdftotext -layout keeps only horizontal text).
check "invoice de: mark" 0 pdftotext -raw "$work/rechnung.pdf" "$work/raw"
expect "invoice de: DUPLIKAT" "$work/raw" "DUPLIKAT"
check "invoice de: no English" 1 grep -qE "Invoice number|Amount due|DUPLICATE|EUR 1,234\.56|2026-12-01" "$work/text"
check "invoice fr" 0 run document invoice INV-2026-0003 --out "$work/facture.pdf"
pdf "invoice fr" "$work/facture.pdf"
for pattern in "N° de facture +INV-2026-0003" "Date de facture +01/12/2026" "Désignation +Quantité" \
  "Montant dû +1.{1,3}234,56.{1,2}EUR" "Modalités de paiement"; do
  expect "invoice fr: $pattern" "$work/text" "$pattern"
done
check "invoice es" 0 run document invoice INV-2026-0004 --out "$work/factura.pdf"
pdf "invoice es" "$work/factura.pdf"
for pattern in "N\.º de factura +INV-2026-0004" "Fecha de factura +01/12/2026" "Vencimiento +31/12/2026" \
  "Abonado +-34,56.{1,2}EUR" "Importe pendiente +1200,00.{1,2}EUR" "Cómo pagar"; do
  expect "invoice es: $pattern" "$work/text" "$pattern"
done
check "credit note es: document" 0 run document invoice "$credit_note" --out "$work/abono.pdf"
pdf "credit note es" "$work/abono.pdf"
for pattern in "N\.º de abono +$credit_note" "Fecha +10/01/2027" "Factura abonada +INV-2026-0004" \
  "Motivo +Importe \(EUR\)" "Descuento acordado +34,56"; do
  expect "credit note es: $pattern" "$work/text" "$pattern"
done
check "credit note es: no English" 1 grep -qE "Credit note number|Reason|2027-01-10" "$work/text"

# --- The payment receipt -----------------------------------------------------------------------------------------
check "receipt de" 0 run document receipt --payment 1 --out "$work/quittung.pdf"
pdf "receipt de" "$work/quittung.pdf"
for pattern in "Zahlungsbestätigung" "Belegnummer +P-1" "Eingegangen am +20\.01\.2027" "Zahlungsart +Überweisung" \
  "Wir haben am 20\.01\.2027 1\.000,00.{1,2}EUR von Müller Bau GmbH erhalten" \
  "Rechnung +Fällig am +Rechnungsbetrag +Jetzt beglichen +Noch offen" \
  "INV-2026-0001 +31\.12\.2026 +1\.234,56 +1\.000,00 +234,56" "Erhalten +1\.000,00.{1,2}EUR" \
  "Verbleibender Saldo +234,56.{1,2}EUR"; do
  expect "receipt de: $pattern" "$work/text" "$pattern"
done
check "receipt de: no English" 1 grep -qE "Payment receipt|Received on|EUR 1,000\.00|2027-01-20" "$work/text"
# --language: the same receipt in French, in Spanish and back in English.
check "receipt --language fr" 0 run document receipt --payment 1 --language fr --out "$work/recu.pdf"
pdf "receipt fr" "$work/recu.pdf"
for pattern in "Reçu de paiement" "Reçu le +20/01/2027" "Nous avons reçu 1.{1,3}000,00.{1,2}EUR de Müller Bau GmbH" \
  "Solde restant +234,56.{1,2}EUR"; do
  expect "receipt fr: $pattern" "$work/text" "$pattern"
done
check "receipt --language es" 0 run document receipt --payment 1 --language Español --out "$work/recibo.pdf"
pdf "receipt es" "$work/recibo.pdf"
for pattern in "Recibo de pago" "Recibido el +20/01/2027" "Hemos recibido 1000,00.{1,2}EUR de Müller Bau GmbH" \
  "Saldo restante +234,56.{1,2}EUR"; do
  expect "receipt es: $pattern" "$work/text" "$pattern"
done
check "receipt --language en" 0 run document receipt --payment 1 --language en --out "$work/receipt.pdf"
pdf "receipt en" "$work/receipt.pdf"
for pattern in "Payment receipt" "Received on +2027-01-20" "We received EUR 1,000\.00 from Müller Bau GmbH" \
  "Balance remaining +EUR 234\.56"; do
  expect "receipt en: $pattern" "$work/text" "$pattern"
done
check "receipt en: no German" 1 grep -qE "Zahlungsbestätigung|Eingegangen" "$work/text"

# --- The statement: German, French and Spanish line descriptions, balance brought forward -----------------------
check "statement de" 0 run document statement --customer "Müller Bau GmbH" --from 2026-12-01 --to 2027-01-31 \
  --out "$work/kontoauszug.pdf"
pdf "statement de" "$work/kontoauszug.pdf"
for pattern in "Kontoauszug" "Zeitraum +01\.12\.2026 bis 31\.01\.2027" "Auszugsdatum +31\.01\.2027" "Konto in EUR" \
  "Datum +Vorgang +Verwendungszweck +Betrag +Saldo" "30\.11\.2026 +Saldovortrag +0,00" \
  "01\.12\.2026 +Rechnung +INV-2026-0001, fällig am 31\.12\.2026 +1\.234,56 +1\.234,56" \
  "20\.01\.2027 +Zahlung +Zahlung Nr\. 1 per Überweisung.* +-1\.000,00 +234,56" \
  "31\.01\.2027 +Offener Saldo +234,56" "Offener Saldo nach Alter \(Tage überfällig\)" \
  "Nicht fällig +1-30 +31-60 +61-90 +90\+ +Guthaben +Offener Saldo\s*$"; do
  expect "statement de: $pattern" "$work/text" "$pattern"
done
check "statement de: no English" 1 grep -qE "Balance brought forward|Payment #|due 2026|Account in" "$work/text"
check "statement fr" 0 run document statement --customer "Société Générale des Outils" --from 2026-12-01 \
  --to 2027-01-31 --out "$work/releve.pdf"
pdf "statement fr" "$work/releve.pdf"
for pattern in "Relevé de compte" "Période +du 01/12/2026 au 31/01/2027" "30/11/2026 +Solde reporté +0,00" \
  "01/12/2026 +Facture +INV-2026-0003, échéance le 31/12/2026 +1.{1,3}234,56" "Solde dû +1.{1,3}234,56" \
  "Compte en EUR" "Non échu +1-30"; do
  expect "statement fr: $pattern" "$work/text" "$pattern"
done
check "statement es" 0 run document statement --customer "Ferretería López S.L." --from 2026-12-01 \
  --to 2027-01-31 --out "$work/extracto.pdf"
pdf "statement es" "$work/extracto.pdf"
for pattern in "Extracto de cuenta" "Periodo +del 01/12/2026 al 31/01/2027" "30/11/2026 +Saldo anterior +0,00" \
  "01/12/2026 +Factura +INV-2026-0004, vence el 31/12/2026 +1234,56" \
  "10/01/2027 +Abono +Abono $credit_note sobre INV-2026-0004 +-34,56 +1200,00" "Saldo pendiente +1200,00"; do
  expect "statement es: $pattern" "$work/text" "$pattern"
done
check "statement --language en" 0 run document statement --customer "Müller Bau GmbH" --from 2026-12-01 \
  --to 2027-01-31 --language en --out "$work/statement.pdf"
pdf "statement en" "$work/statement.pdf"
for pattern in "Statement" "Period +2026-12-01 to 2027-01-31" "2026-11-30 +Balance brought forward +0\.00" \
  "2026-12-01 +Invoice +INV-2026-0001 due 2026-12-31 +1234\.56" "2027-01-20 +Payment +Payment #1 by Überweisung"; do
  expect "statement en: $pattern" "$work/text" "$pattern"
done

# --- The evidence pack -------------------------------------------------------------------------------------------
check "evidence de" 0 run document evidence --invoice INV-2026-0001 --date 2027-01-31 --out "$work/beweis.pdf"
pdf "evidence de" "$work/beweis.pdf"
for pattern in "Beweisunterlagen" "Betreff +Rechnung INV-2026-0001" "Beträge zum +31\.01\.2027" \
  "Gläubiger +Nordlicht Werkzeuge GmbH" "Schuldner +Müller Bau GmbH" "Die Forderung" \
  "INV-2026-0001 +01\.12\.2026 +31\.12\.2026 +1\.234,56 +234,56" \
  "Geltend gemachte Zinsen und Pauschalen \(eu-late-payment, bis 31\.01\.2027\)" \
  "Offene Hauptforderung +234,56.{1,2}EUR" "Gesamtforderung" "Chronologische Aufstellung" \
  "20\.01\.2027 +Zahlung" "erfasst von .*, Ereignis [0-9]+" "Hash [0-9a-f]{64}" \
  "So prüfen Sie diese Aufstellung" "Hash des ersten Ereignisses" "duebook --db HAUPTBUCH-DATEI verify --anchor" \
  "Ansprechpartner des Schuldners: Dana Roth \(Buchhaltung\)" "Hauptbuch [0-9]+:[0-9a-f]{16}"; do
  expect "evidence de: $pattern" "$work/text" "$pattern"
done
check "evidence de: no English" 1 grep -qE "Evidence pack|Chronological record|recorded by|Creditor|How to verify|Ledger [0-9]|\(billing\)" \
  "$work/text"
check "evidence fr" 0 run document evidence --customer "Société Générale des Outils" --date 2027-01-31 \
  --out "$work/preuves.pdf"
pdf "evidence fr" "$work/preuves.pdf"
for pattern in "Dossier de preuves" "Objet +Toutes les factures impayées" "Créancier" "Débiteur" "La créance" \
  "Principal impayé +1.{1,3}234,56.{1,2}EUR" "Historique chronologique" "01/12/2026 +facture" \
  "enregistré par .*, événement [0-9]+" "Comment vérifier cet historique"; do
  expect "evidence fr: $pattern" "$work/text" "$pattern"
done
check "evidence es" 0 run document evidence --invoice INV-2026-0004 --date 2027-01-31 --out "$work/expediente.pdf"
pdf "evidence es" "$work/expediente.pdf"
for pattern in "Expediente probatorio" "Asunto +Factura INV-2026-0004" "Acreedor" "Deudor" "La deuda" \
  "Principal impagado +1200,00.{1,2}EUR" "Registro cronológico" "registrado por .*, evento [0-9]+" \
  "Cómo verificar este registro"; do
  expect "evidence es: $pattern" "$work/text" "$pattern"
done
check "evidence --language en" 0 run document evidence --invoice INV-2026-0004 --date 2027-01-31 --language en \
  --out "$work/evidence.pdf"
pdf "evidence en" "$work/evidence.pdf"
for pattern in "Evidence pack" "Concerning +Invoice INV-2026-0004" "Unpaid principal +EUR 1,200\.00" \
  "Chronological record" "How to verify this record"; do
  expect "evidence en: $pattern" "$work/text" "$pattern"
done

# --- The confirmations of an agreement: a German installment plan, a Spanish settlement ---------------------------
# The EUR 234.56 still open on INV-2026-0001 in 2 monthly installments of 117.28.
check "plan de" 0 run plan add --customer "Müller Bau GmbH" --installments 2 --start 2027-02-28 --date 2027-02-01
check "plan de: listed" 0 run --format csv plan list --date 2027-02-01
plan_id=$(awk -F, '/Müller/ {print $1; exit}' "$work/out")
check "plan de: document" 0 run document plan --plan "$plan_id" --date 2027-02-01 --out "$work/ratenplan.pdf"
pdf "plan de" "$work/ratenplan.pdf"
for pattern in "Ratenzahlungsvereinbarung" "z\. Hd\. Dana Roth, Buchhaltung" "Vereinbart am +01\.02\.2027" \
  "Nr\. +Fällig am +Betrag \(EUR\) +Kumuliert \(EUR\)" "1 +28\.02\.2027 +117,28 +117,28" \
  "2 +28\.03\.2027 +117,28 +234,56" "Rechnungen der Vereinbarung" \
  "INV-2026-0001 +01\.12\.2026 +31\.12\.2026 +1\.234,56 +234,56" "Noch zu zahlen +234,56.{1,2}EUR" \
  "Nächste Rate: 117,28.{1,2}EUR bis zum 28\.02\.2027\."; do
  expect "plan de: $pattern" "$work/text" "$pattern"
done
check "plan de: no English" 1 grep -qE "Installments|Next installment|Still to pay|Accounts payable" "$work/text"
check "plan --language fr" 0 run document plan --plan "$plan_id" --date 2027-02-01 --language fr \
  --out "$work/echeancier.pdf"
pdf "plan fr" "$work/echeancier.pdf"
for pattern in "Échéancier de paiement" "Convenu le +01/02/2027" "Reste à payer +234,56.{1,2}EUR" \
  "Prochaine échéance : 117,28.{1,2}EUR au plus tard le 28/02/2027\."; do
  expect "plan fr: $pattern" "$work/text" "$pattern"
done
# EUR 1,200.00 open on INV-2026-0004 settled for 1,000.00: 200.00 written off.
check "settle es" 0 run settle --invoice INV-2026-0004 --accept 1000.00 --reason "Acuerdo" --date 2027-02-05
check "settlement es" 0 run document settlement --invoice INV-2026-0004 --out "$work/liquidacion.pdf"
pdf "settlement es" "$work/liquidacion.pdf"
for pattern in "Acuerdo de liquidación" "A la atención de Departamento de Cuentas a Pagar" "Fecha +05/02/2027" \
  "Pendiente de la factura al acordarlo +1200,00.{1,2}EUR" "Dado de baja +200,00.{1,2}EUR" \
  "Aceptado como liquidación total y definitiva +1000,00.{1,2}EUR" "Pendiente de pago +1000,00.{1,2}EUR" \
  "Cómo pagar"; do
  expect "settlement es: $pattern" "$work/text" "$pattern"
done
check "settlement --language en" 0 run document settlement --invoice INV-2026-0004 --language en \
  --out "$work/settlement.pdf"
pdf "settlement en" "$work/settlement.pdf"
for pattern in "Attn: Accounts Payable team" "Open on the invoice when agreed +EUR 1,200\.00" \
  "Accepted in full and final settlement +EUR 1,000\.00"; do
  expect "settlement en: $pattern" "$work/text" "$pattern"
done

# --- --language on the other commands, and refused when unknown ---------------------------------------------------
check "invoice --language es" 0 run document invoice INV-2026-0001 --language es --out "$work/factura-de.pdf"
pdf "invoice de as es" "$work/factura-de.pdf"
expect "invoice de as es: Spanish" "$work/text" "N\.º de factura +INV-2026-0001"
expect "invoice de as es: Spanish amount" "$work/text" "Importe pendiente +234,56.{1,2}EUR"
check "reminder --language fr" 0 run document reminder INV-2026-0001 --date 2027-01-25 --language fr \
  --out "$work/relance-de.pdf"
pdf "reminder de as fr" "$work/relance-de.pdf"
expect "reminder de as fr: French" "$work/text" "Relance de paiement"
check "letter --language de" 0 run document letter --customer "Acme Ltd" --step 1 --date 2027-01-25 --language de \
  --out "$work/brief-en.pdf"
pdf "letter en as de" "$work/brief-en.pdf"
expect "letter en as de: German" "$work/text" "Zahlungserinnerung: Rechnung INV-2026-0002"
for command in "invoice INV-2026-0001" "reminder INV-2026-0001" "statement --customer 2" "letter --customer 2" \
  "receipt --payment 1" "evidence --invoice INV-2026-0001" "plan --plan $plan_id" \
  "settlement --invoice INV-2026-0004"; do
  # shellcheck disable=SC2086  # the command's words
  check "document $command --language it: refused" 3 run document $command --language it --out "$work/bad.pdf"
  expect "document $command --language it: option named" "$work/err" \
    "--language: \"it\" is not a language Duebook writes in; use en, de, fr or es"
  check "document $command --language it: nothing written" 1 test -e "$work/bad.pdf"
done

echo "languages: $passed passed, $failed failed"
[ "$failed" = 0 ]

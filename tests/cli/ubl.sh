#!/usr/bin/env bash
# CLI tests of the UBL 2.1 / Peppol BIS Billing 3.0 e-invoices: an invoice with several VAT rates, a discount
# and text that needs escaping, a JPY invoice and a credit note, each well-formed XML (xmllint and Python's
# xml.etree) with every mandatory element and the EN 16931 arithmetic rules holding (tests/cli/ubl_check.py);
# a missing Peppol field refused by name with nothing written.
# Usage: tests/cli/ubl.sh PATH/TO/duebook
set -u
bin=$1
here=$(cd "$(dirname "$0")" && pwd)
. "$here/checks.sh"

db="$work/ubl.sqlite"
d() { "$bin" --db "$db" "$@"; }
check "init" 0 d init
check "customer" 0 d customer add "Crème & <Co>" --currency EUR --terms "Net 30" \
  --address $'12 Rue de la Paix\nBâtiment B\n75002 Paris\nFR' --tax-id FR40303265045 \
  --billing-name "Ann" --billing-email ap@creme.example
check "customer JPY" 0 d customer add "Nippon KK" --currency JPY --address $'1-1 Marunouchi\n100-0005 Tokyo\nJP' \
  --billing-email ap@nippon.example
check "invoice" 0 d invoice add --customer 1 --line "Beratung \"A\";3;333.33;19" --line "Bücher;7;4.99;7" \
  --line "Porto;1;0.05;19" --line "Export;2;10.00;0" --date 2026-03-01 --issue
check "invoice JPY" 0 d invoice add --customer 2 --line "Parts;3;33333;10" --date 2026-03-02 --issue
check "credit note" 0 d credit-note add --invoice INV-2026-0002 --amount 11000 --date 2026-03-05 --reason "returned"

# Nothing set for the seller yet: refused, each missing field named, no file written.
check "missing seller fields" 3 d --format ubl export --invoice INV-2026-0001 --output "$work/none.xml"
expect "names company.name" "$work/err" "company.name: "
expect "names company.address" "$work/err" "company.address: "
expect "names company.vat_id" "$work/err" "company.vat_id: "
expect "names company.endpoint" "$work/err" "company.endpoint: "
[ -e "$work/none.xml" ] && { failed=$((failed + 1)); echo "FAIL: a file was written"; } || passed=$((passed + 1))
check "bad endpoint refused" 3 d collections company --endpoint "5790000435975"
expect "endpoint named" "$work/err" "--endpoint: "
check "company" 0 d collections company --name "Duebook Demo GmbH" \
  --address $'Hauptstr. 1\n10115 Berlin\nDE' --vat-id DE123456789 --endpoint 0088:5790000435975
check "customer without country" 0 d customer add "Nowhere Ltd" --currency EUR --address "1 Road"
check "invoice nowhere" 0 d invoice add --customer 3 --line "X;1;1.00;19" --date 2026-03-03 --issue
check "missing buyer fields" 3 d --format ubl export --invoice INV-2026-0003 --output "$work/none.xml"
expect "names customer.address" "$work/err" "customer.address: "
expect "names customer.endpoint" "$work/err" "customer.endpoint: "
# The buyer's country and electronic address given as customer fields (BT-55, BT-49) instead of the address
# text and the billing email: a bad one is refused naming the field, and the customer is unchanged.
check "unknown country refused" 3 d customer edit "Nowhere Ltd" --country UK
expect "country named" "$work/err" 'country: "UK" is not an ISO 3166 country code'
check "bad scheme refused" 3 d customer edit "Nowhere Ltd" --endpoint "GLN:5790000435975"
expect "endpoint named" "$work/err" 'endpoint: the scheme "GLN" is not an electronic address scheme'
check "space in id refused" 3 d customer edit "Nowhere Ltd" --endpoint "0088:579 000"
expect "endpoint id named" "$work/err" "endpoint: the identifier"
check "unchanged" 0 d customer show "Nowhere Ltd"
expect "no country stored" "$work/out" "^country *$"
expect "no endpoint stored" "$work/out" "^endpoint *$"
check "country and endpoint" 0 d customer edit "Nowhere Ltd" --country ie --endpoint 9935:IE6388047V
check "shown" 0 d customer show "Nowhere Ltd"
expect "country shown" "$work/out" "country +IE"
expect "endpoint shown" "$work/out" "endpoint +9935:IE6388047V"
check "export with fields" 0 d --format ubl export --invoice INV-2026-0003 --output "$work/nowhere.xml"
check "xmllint nowhere" 0 xmllint --noout "$work/nowhere.xml"
expect "buyer country field" "$work/nowhere.xml" "<cbc:IdentificationCode>IE</cbc:IdentificationCode>"
expect "buyer endpoint field" "$work/nowhere.xml" '<cbc:EndpointID schemeID="9935">IE6388047V</cbc:EndpointID>'
check "no such invoice" 3 d --format ubl export --invoice INV-9 --output "$work/none.xml"
expect "names number" "$work/err" "number: "

check "export invoice" 0 d --format ubl export --invoice INV-2026-0001 --output "$work/inv.xml"
expect "export says" "$work/out" "Exported INV-2026-0001 \(UBL, Peppol BIS Billing 3.0\)"
check "xmllint invoice" 0 xmllint --noout "$work/inv.xml"
check "rules invoice" 0 python3 "$here/ubl_check.py" "$work/inv.xml" 2
cat "$work/out"
expect "three categories" "$work/out" "4 lines, 3 VAT categories"
expect "escaped name" "$work/inv.xml" "<cbc:Name>Crème &amp; &lt;Co&gt;</cbc:Name>"
expect "escaped item" "$work/inv.xml" "<cbc:Name>Beratung &quot;A&quot;</cbc:Name>"
expect "buyer country" "$work/inv.xml" "<cbc:IdentificationCode>FR</cbc:IdentificationCode>"
expect "buyer city" "$work/inv.xml" "<cbc:CityName>Paris</cbc:CityName>"
expect "buyer endpoint" "$work/inv.xml" '<cbc:EndpointID schemeID="EM">ap@creme.example</cbc:EndpointID>'
expect "seller endpoint" "$work/inv.xml" '<cbc:EndpointID schemeID="0088">5790000435975</cbc:EndpointID>'
# 19 %: 999.99 + 0.05 = 1000.04 taxable, 190.0076 -> 190.01; 7 %: 34.93 -> 2.4451 -> 2.45; 0 %: 20.00 (Z).
expect "19 % subtotal" "$work/inv.xml" '<cbc:TaxableAmount currencyID="EUR">1000.04</cbc:TaxableAmount><cbc:TaxAmount currencyID="EUR">190.01</cbc:TaxAmount>'
expect "7 % subtotal" "$work/inv.xml" '<cbc:TaxableAmount currencyID="EUR">34.93</cbc:TaxableAmount><cbc:TaxAmount currencyID="EUR">2.45</cbc:TaxAmount>'
expect "zero rated" "$work/inv.xml" "<cbc:ID>Z</cbc:ID><cbc:Percent>0</cbc:Percent>"
check "invoice total agrees" 0 d --format json invoice show INV-2026-0001
expect "ledger total" "$work/out" '"total": "1247.43"'
expect "payable" "$work/inv.xml" '<cbc:PayableAmount currencyID="EUR">1247.43</cbc:PayableAmount>'

check "export JPY" 0 d --format ubl export --invoice INV-2026-0002 --output "$work/jpy.xml"
check "xmllint JPY" 0 xmllint --noout "$work/jpy.xml"
check "rules JPY" 0 python3 "$here/ubl_check.py" "$work/jpy.xml" 0
cat "$work/out"
check "export credit note" 0 d --format ubl export --invoice CN-2026-0001 --output "$work/cn.xml"
check "xmllint credit note" 0 xmllint --noout "$work/cn.xml"
check "rules credit note" 0 python3 "$here/ubl_check.py" "$work/cn.xml" 0
cat "$work/out"
expect "credit note root" "$work/cn.xml" "^<CreditNote xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2\""
expect "credit note refers to invoice" "$work/cn.xml" "<cac:InvoiceDocumentReference><cbc:ID>INV-2026-0002</cbc:ID>"
# 11000 JPY gross at 10 %: net 10000, VAT 1000.
expect "credit note split" "$work/cn.xml" '<cbc:TaxableAmount currencyID="JPY">10000</cbc:TaxableAmount><cbc:TaxAmount currencyID="JPY">1000</cbc:TaxAmount>'

echo "ubl: $passed passed, $failed failed"
[ "$failed" -eq 0 ]

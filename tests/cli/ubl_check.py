#!/usr/bin/env python3
"""Checks a UBL 2.1 invoice or credit note as Peppol BIS Billing 3.0 / EN 16931 asks.

Usage: ubl_check.py FILE.xml
Well-formed XML (xml.etree), every mandatory business term present, and the arithmetic rules:
BR-CO-10 (sum of line net amounts), BR-CO-13 (tax exclusive = line sum, no document allowances), BR-CO-14 (tax
total = sum of subtotals), BR-CO-15 (tax inclusive = exclusive + tax), BR-CO-17 (each subtotal's tax = taxable x
rate / 100 rounded half-up to the currency's decimals), each category's taxable amount = the sum of its lines,
and line net = quantity x price - allowance. Prints what it found; exits 1 on the first failed rule.
"""
import sys
import xml.etree.ElementTree as ET
from decimal import Decimal, ROUND_HALF_UP

NS = {"cbc": "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2",
      "cac": "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"}


def fail(message):
    print("FAIL:", message)
    sys.exit(1)


root = ET.parse(sys.argv[1]).getroot()
credit = root.tag.endswith("}CreditNote")
kind = "CreditNote" if credit else "Invoice"
if root.tag != "{urn:oasis:names:specification:ubl:schema:xsd:%s-2}%s" % (kind, kind):
    fail("root element " + root.tag)


def text(path, where=root):
    e = where.find(path, NS)
    if e is None or not (e.text or "").strip():
        fail(f"{kind}: missing {path}")
    return e.text.strip()


def amount(path, where=root):
    e = where.find(path, NS)
    if e is None:
        fail(f"missing {path}")
    if e.get("currencyID") != currency:
        fail(f"{path} currencyID {e.get('currencyID')} is not {currency}")
    return Decimal(e.text)


mandatory = ["cbc:CustomizationID", "cbc:ProfileID", "cbc:ID", "cbc:IssueDate",
             "cbc:CreditNoteTypeCode" if credit else "cbc:InvoiceTypeCode", "cbc:DocumentCurrencyCode",
             "cbc:BuyerReference"]
if not credit:
    mandatory.append("cbc:DueDate")
for party in ("cac:AccountingSupplierParty", "cac:AccountingCustomerParty"):
    for p in ("cbc:EndpointID", "cac:PartyName/cbc:Name", "cac:PostalAddress/cac:Country/cbc:IdentificationCode",
              "cac:PartyLegalEntity/cbc:RegistrationName"):
        mandatory.append(f"{party}/cac:Party/{p}")
mandatory.append("cac:AccountingSupplierParty/cac:Party/cac:PartyTaxScheme/cbc:CompanyID")
values = {m: text(m) for m in mandatory}
for party in ("cac:AccountingSupplierParty", "cac:AccountingCustomerParty"):
    if not root.find(f"{party}/cac:Party/cbc:EndpointID", NS).get("schemeID"):
        fail(f"{party} EndpointID has no schemeID")
if values["cbc:CustomizationID"] != "urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0":
    fail("CustomizationID")
if values["cbc:ProfileID"] != "urn:fdc:peppol.eu:2017:poacc:billing:01:1.0":
    fail("ProfileID")
currency = values["cbc:DocumentCurrencyCode"]
digits = int(sys.argv[2]) if len(sys.argv) > 2 else 2
quantum = Decimal(1).scaleb(-digits)

line_tag = "cac:CreditNoteLine" if credit else "cac:InvoiceLine"
quantity_tag = "cbc:CreditedQuantity" if credit else "cbc:InvoicedQuantity"
lines = root.findall(line_tag, NS)
if not lines:
    fail("no lines (BR-16)")
by_category = {}
line_sum = Decimal(0)
for line in lines:
    net = amount("cbc:LineExtensionAmount", line)
    quantity = Decimal(text(quantity_tag, line))
    price = amount("cac:Price/cbc:PriceAmount", line)
    allowance = sum((amount("cbc:Amount", a) for a in line.findall("cac:AllowanceCharge", NS)), Decimal(0))
    if (quantity * price).quantize(quantum, ROUND_HALF_UP) - allowance != net:
        fail(f"line {text('cbc:ID', line)}: {quantity} x {price} - {allowance} is not {net}")
    text("cac:Item/cbc:Name", line)
    key = (text("cac:Item/cac:ClassifiedTaxCategory/cbc:ID", line),
           Decimal(text("cac:Item/cac:ClassifiedTaxCategory/cbc:Percent", line)))
    by_category[key] = by_category.get(key, Decimal(0)) + net
    line_sum += net

total = root.find("cac:LegalMonetaryTotal", NS)
line_ext = amount("cbc:LineExtensionAmount", total)
exclusive = amount("cbc:TaxExclusiveAmount", total)
inclusive = amount("cbc:TaxInclusiveAmount", total)
payable = amount("cbc:PayableAmount", total)
if line_sum != line_ext:
    fail(f"BR-CO-10: lines sum to {line_sum}, LineExtensionAmount is {line_ext}")
if exclusive != line_ext:
    fail(f"BR-CO-13: TaxExclusiveAmount {exclusive} is not {line_ext}")
tax_total = amount("cac:TaxTotal/cbc:TaxAmount")
subtotal_sum = Decimal(0)
seen = {}
for sub in root.findall("cac:TaxTotal/cac:TaxSubtotal", NS):
    taxable, tax = amount("cbc:TaxableAmount", sub), amount("cbc:TaxAmount", sub)
    key = (text("cac:TaxCategory/cbc:ID", sub), Decimal(text("cac:TaxCategory/cbc:Percent", sub)))
    seen[key] = taxable
    if (taxable * key[1] / 100).quantize(quantum, ROUND_HALF_UP) != tax:
        fail(f"BR-CO-17: {key}: {taxable} x {key[1]} % rounded half-up is not {tax}")
    subtotal_sum += tax
if seen != by_category:
    fail(f"VAT breakdown {seen} does not match the lines {by_category}")
if subtotal_sum != tax_total:
    fail(f"BR-CO-14: subtotals sum to {subtotal_sum}, TaxAmount is {tax_total}")
if inclusive != exclusive + tax_total:
    fail(f"BR-CO-15: {inclusive} is not {exclusive} + {tax_total}")
if payable != inclusive:
    fail(f"BR-CO-16: PayableAmount {payable} is not {inclusive}")
print(f"{kind} {values['cbc:ID']}: {len(lines)} lines, {len(seen)} VAT categories, "
      f"net {line_ext}, tax {tax_total}, total {inclusive} {currency}: EN 16931 rules hold")

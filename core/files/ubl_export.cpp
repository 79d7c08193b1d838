#include "files/ubl_export.h"

#include <vector>

#include "base/currencies.h"
#include "base/money.h"
#include "base/party_ids.h"
#include "base/text.h"
#include "collections/collections_queries.h"
#include "customers/customer_queries.h"
#include "invoicing/invoice_queries.h"
#include "invoicing/totals.h"

namespace duebook {
namespace {

// Peppol BIS Billing 3.0's identifiers (BT-24, BT-23).
constexpr const char* kCustomization =
    "urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0";
constexpr const char* kProfile = "urn:fdc:peppol.eu:2017:poacc:billing:01:1.0";

std::string xml_escaped(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

// A party's postal address read from its address text (see the header).
struct Address {
  std::string street, additional, city, postal_zone, country;  // BT-35, BT-36, BT-37, BT-38, BT-40
};

Address read_address(const std::string& text) {
  std::vector<std::string> lines;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string line = trimmed(std::string_view(text).substr(start, end - start));
    if (!line.empty()) lines.push_back(line);
    start = end + 1;
  }
  Address a;
  if (!lines.empty() && is_iso_country(lines.back())) {
    a.country = lines.back();
    lines.pop_back();
  }
  if (!lines.empty()) a.street = lines.front();
  if (lines.size() >= 2) {
    const std::string& city = lines.back();
    const size_t space = city.find(' ');
    const bool has_zone = space != std::string::npos && city.find_first_of("0123456789") < space;
    a.postal_zone = has_zone ? city.substr(0, space) : "";
    a.city = has_zone ? trimmed(city.substr(space + 1)) : city;
  }
  if (lines.size() >= 3) a.additional = lines[1];
  return a;
}

// One party as the e-invoice names it.
struct Party {
  std::string name;             // BT-27 / BT-44
  Address address;              // BG-5 / BG-8
  std::string vat_id;           // BT-31 / BT-48
  std::string endpoint_scheme;  // BT-34-1 / BT-49-1: an EAS code ("0088", "9930", "EM")
  std::string endpoint;         // BT-34 / BT-49
};

// "SCHEME:ID" as an endpoint; an email address alone is scheme EM.
void set_endpoint(Party& p, const std::string& endpoint, const std::string& email) {
  const size_t colon = endpoint.find(':');
  if (colon != std::string::npos && colon > 0 && colon + 1 < endpoint.size()) {
    p.endpoint_scheme = endpoint.substr(0, colon);
    p.endpoint = endpoint.substr(colon + 1);
  } else if (!email.empty()) {
    p.endpoint_scheme = "EM";
    p.endpoint = email;
  }
}

void write_party(std::string& x, const char* role, const Party& p) {
  x += "  <cac:" + std::string(role) + "><cac:Party>\n";
  x += "    <cbc:EndpointID schemeID=\"" + xml_escaped(p.endpoint_scheme) + "\">" + xml_escaped(p.endpoint) +
       "</cbc:EndpointID>\n";
  x += "    <cac:PartyName><cbc:Name>" + xml_escaped(p.name) + "</cbc:Name></cac:PartyName>\n";
  x += "    <cac:PostalAddress>\n";
  const Address& a = p.address;
  if (!a.street.empty()) x += "      <cbc:StreetName>" + xml_escaped(a.street) + "</cbc:StreetName>\n";
  if (!a.additional.empty())
    x += "      <cbc:AdditionalStreetName>" + xml_escaped(a.additional) + "</cbc:AdditionalStreetName>\n";
  if (!a.city.empty()) x += "      <cbc:CityName>" + xml_escaped(a.city) + "</cbc:CityName>\n";
  if (!a.postal_zone.empty())
    x += "      <cbc:PostalZone>" + xml_escaped(a.postal_zone) + "</cbc:PostalZone>\n";
  x +=
      "      <cac:Country><cbc:IdentificationCode>" + a.country + "</cbc:IdentificationCode></cac:Country>\n";
  x += "    </cac:PostalAddress>\n";
  if (!p.vat_id.empty())
    x += "    <cac:PartyTaxScheme><cbc:CompanyID>" + xml_escaped(p.vat_id) +
         "</cbc:CompanyID><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:PartyTaxScheme>\n";
  x += "    <cac:PartyLegalEntity><cbc:RegistrationName>" + xml_escaped(p.name) +
       "</cbc:RegistrationName></cac:PartyLegalEntity>\n";
  x += "  </cac:Party></cac:" + std::string(role) + ">\n";
}

// The document being written: an invoice or a credit note.
struct Document {
  bool credit_note = false;                  // CreditNote (381) instead of Invoice (380)
  std::string number, issue_date, due_date;  // BT-1, BT-2, BT-9 (invoices only)
  std::string currency, terms, note;         // BT-5, BT-20, BT-22
  std::string invoice_reference;             // BT-25: a credit note's invoice
  std::vector<InvoiceLine> lines;            // the lines
  int64_t customer_id = 0;                   // the buyer
};

std::string tax_category(const Decimal& rate) {
  return rate.units == 0 ? "Z" : "S";
}

std::string tax_category_xml(const Decimal& rate) {
  return "<cbc:ID>" + tax_category(rate) + "</cbc:ID><cbc:Percent>" + to_string(rate) +
         "</cbc:Percent><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme>";
}

Result<InvoiceTotals> totals_of(const std::vector<InvoiceLine>& lines, int digits) {
  std::vector<InvoiceLineInput> inputs;
  for (const InvoiceLine& l : lines)
    inputs.push_back({l.description, l.quantity, Decimal{l.unit_price, digits}, l.discount, l.tax_rate});
  return compute_totals(inputs, digits);
}

std::string write_document(const Document& d, const Party& seller, const Party& buyer,
                           const InvoiceTotals& t) {
  const int digits = currency_digits(d.currency);
  const std::string cur = " currencyID=\"" + d.currency + "\"";
  auto money = [&](int64_t minor) { return format_amount(minor, digits); };
  const std::string root = d.credit_note ? "CreditNote" : "Invoice";
  std::string x =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<" + root +
      " xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:" + root +
      "-2\"\n  xmlns:cac=\"urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2\""
      "\n  xmlns:cbc=\"urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2\">\n";
  x += "  <cbc:CustomizationID>" + std::string(kCustomization) + "</cbc:CustomizationID>\n";
  x += "  <cbc:ProfileID>" + std::string(kProfile) + "</cbc:ProfileID>\n";
  x += "  <cbc:ID>" + xml_escaped(d.number) + "</cbc:ID>\n";
  x += "  <cbc:IssueDate>" + d.issue_date + "</cbc:IssueDate>\n";
  if (!d.credit_note) x += "  <cbc:DueDate>" + d.due_date + "</cbc:DueDate>\n";
  x += d.credit_note ? "  <cbc:CreditNoteTypeCode>381</cbc:CreditNoteTypeCode>\n"
                     : "  <cbc:InvoiceTypeCode>380</cbc:InvoiceTypeCode>\n";
  if (!d.note.empty()) x += "  <cbc:Note>" + xml_escaped(d.note) + "</cbc:Note>\n";
  x += "  <cbc:DocumentCurrencyCode>" + d.currency + "</cbc:DocumentCurrencyCode>\n";
  x += "  <cbc:BuyerReference>" + xml_escaped(buyer.name) + "</cbc:BuyerReference>\n";  // PEPPOL-R003
  if (!d.invoice_reference.empty())
    x += "  <cac:BillingReference><cac:InvoiceDocumentReference><cbc:ID>" + xml_escaped(d.invoice_reference) +
         "</cbc:ID></cac:InvoiceDocumentReference></cac:BillingReference>\n";
  write_party(x, "AccountingSupplierParty", seller);
  write_party(x, "AccountingCustomerParty", buyer);
  if (!d.terms.empty())
    x += "  <cac:PaymentTerms><cbc:Note>" + xml_escaped(d.terms) + "</cbc:Note></cac:PaymentTerms>\n";
  x += "  <cac:TaxTotal>\n    <cbc:TaxAmount" + cur + ">" + money(t.total_tax) + "</cbc:TaxAmount>\n";
  for (const InvoiceTotals::TaxBreakdown& b : t.taxes)
    x += "    <cac:TaxSubtotal><cbc:TaxableAmount" + cur + ">" + money(b.taxable) +
         "</cbc:TaxableAmount><cbc:TaxAmount" + cur + ">" + money(b.tax) +
         "</cbc:TaxAmount><cac:TaxCategory>" + tax_category_xml(b.rate) +
         "</cac:TaxCategory></cac:TaxSubtotal>\n";
  x += "  </cac:TaxTotal>\n  <cac:LegalMonetaryTotal>\n";
  x += "    <cbc:LineExtensionAmount" + cur + ">" + money(t.sum_line_net) + "</cbc:LineExtensionAmount>\n";
  x += "    <cbc:TaxExclusiveAmount" + cur + ">" + money(t.total_without_tax) + "</cbc:TaxExclusiveAmount>\n";
  x += "    <cbc:TaxInclusiveAmount" + cur + ">" + money(t.total_with_tax) + "</cbc:TaxInclusiveAmount>\n";
  x += "    <cbc:PayableAmount" + cur + ">" + money(t.amount_due) + "</cbc:PayableAmount>\n";
  x += "  </cac:LegalMonetaryTotal>\n";
  const std::string line = d.credit_note ? "CreditNoteLine" : "InvoiceLine";
  const std::string quantity = d.credit_note ? "CreditedQuantity" : "InvoicedQuantity";
  for (size_t i = 0; i < d.lines.size(); ++i) {
    const InvoiceLine& l = d.lines[i];
    x += "  <cac:" + line + ">\n    <cbc:ID>" + std::to_string(i + 1) + "</cbc:ID>\n";
    x += "    <cbc:" + quantity + " unitCode=\"C62\">" + to_string(l.quantity) + "</cbc:" + quantity + ">\n";
    x += "    <cbc:LineExtensionAmount" + cur + ">" + money(t.line_net[i]) + "</cbc:LineExtensionAmount>\n";
    if (l.discount != 0)
      x += "    "
           "<cac:AllowanceCharge><cbc:ChargeIndicator>false</cbc:ChargeIndicator><cbc:AllowanceChargeReason>"
           "Discount</cbc:AllowanceChargeReason><cbc:Amount" +
           cur + ">" + money(l.discount) + "</cbc:Amount></cac:AllowanceCharge>\n";
    x += "    <cac:Item><cbc:Name>" + xml_escaped(l.description) + "</cbc:Name><cac:ClassifiedTaxCategory>" +
         tax_category_xml(l.tax_rate) + "</cac:ClassifiedTaxCategory></cac:Item>\n";
    x += "    <cac:Price><cbc:PriceAmount" + cur + ">" + money(l.unit_price) +
         "</cbc:PriceAmount></cac:Price>\n";
    x += "  </cac:" + line + ">\n";
  }
  return x + "</" + root + ">\n";
}

// A credit note's one line: its gross amount split into net and VAT at `rate` so that net + VAT, computed
// as EN 16931 does, gives the gross back exactly.
std::optional<InvoiceLine> credit_line(const CreditNoteSummary& c, const Decimal& rate, int digits) {
  const Int128 scale = pow10(rate.scale);
  const int64_t guess = static_cast<int64_t>(
      round_div(Int128(c.amount) * 100 * scale, 100 * scale + rate.units, Rounding::HalfUp));
  for (int64_t net : {guess, guess - 1, guess + 1, guess - 2, guess + 2}) {
    InvoiceLine l{c.reason.empty() ? "Credit" : c.reason, Decimal{1, 0}, net, 0, rate};
    Result<InvoiceTotals> t = totals_of({l}, digits);
    if (t && t->total_with_tax == c.amount) return l;
  }
  return std::nullopt;
}

// The document `number` names, or the problem why there is none.
Result<Document> find_document(Db& db, std::string_view number) {
  Document d;
  if (std::optional<int64_t> id = find_invoice_by_number(db, number)) {
    std::optional<InvoiceDetail> inv = find_invoice(db, *id);
    if (!inv || inv->summary.status == InvoiceStatus::Draft || inv->summary.status == InvoiceStatus::Void)
      return Problem{"number", "invoice " + std::string(number) + " is not issued (a draft or void)"};
    d = Document{false,
                 inv->summary.number,
                 inv->summary.issue_date,
                 inv->summary.due_date,
                 inv->summary.currency,
                 inv->terms,
                 inv->memo,
                 "",
                 {},
                 inv->summary.customer_id};
    for (const InvoiceLineView& l : inv->lines) d.lines.push_back(l.line);
    return d;
  }
  std::optional<int64_t> cid = find_credit_note_by_number(db, number);
  std::optional<CreditNoteSummary> c = cid ? find_credit_note(db, *cid) : std::nullopt;
  if (!c || c->status != "issued")
    return Problem{"number", "no issued invoice or credit note \"" + std::string(number) + "\""};
  d.credit_note = true;
  d.number = c->number;
  d.issue_date = c->date;
  d.customer_id = c->customer_id;
  d.note = c->reason;
  Decimal rate{0, 0};
  std::string currency;
  if (std::optional<InvoiceDetail> inv = c->invoice_id ? find_invoice(db, c->invoice_id) : std::nullopt) {
    d.invoice_reference = inv->summary.number;
    currency = inv->summary.currency;
    for (size_t i = 0; i < inv->lines.size(); ++i) {
      if (i > 0 && !(inv->lines[i].line.tax_rate == rate))
        return Problem{"number", "credit note " + c->number + " is on " + inv->summary.number +
                                     ", which has several VAT rates: its VAT breakdown cannot be told"};
      rate = inv->lines[i].line.tax_rate;
    }
  }
  std::optional<Customer> buyer = find_customer(db, c->customer_id);
  if (currency.empty() && buyer) currency = buyer->fields.currency;
  d.currency = currency;
  std::optional<InvoiceLine> line = credit_line(*c, rate, currency_digits(currency));
  if (!line)
    return Problem{"number", "credit note " + c->number + "'s amount cannot be split into net and VAT at " +
                                 to_string(rate) + " %"};
  d.lines.push_back(*line);
  return d;
}

}  // namespace

Result<std::string> ubl_document(Db& db, std::string_view number) {
  Result<Document> doc = find_document(db, number);
  if (!doc) return doc.problems();
  const Document& d = doc.value();
  Problems problems;
  const CompanyDetails company = company_details(db);
  Party seller{company.name, read_address(company.address), company.vat_id, "", ""};
  set_endpoint(seller, company.endpoint, company.email);
  std::optional<Customer> customer = find_customer(db, d.customer_id);
  if (!customer) return Problem{"customer", "the document's customer is not in the ledger"};
  std::string billing_email;
  for (const Contact& c : customer->fields.contacts)
    if (c.role == "billing" && billing_email.empty()) billing_email = c.email;
  Party buyer{customer->fields.name, read_address(customer->fields.address), customer->fields.tax_id, "", ""};
  if (!customer->fields.country.empty()) buyer.address.country = customer->fields.country;
  set_endpoint(buyer, customer->fields.endpoint, billing_email);
  if (seller.name.empty())
    problems.push_back(
        {"company.name", "Peppol needs the seller's name (BT-27): set it with company --name"});
  if (seller.address.country.empty())
    problems.push_back({"company.address",
                        "Peppol needs the seller's country (BT-40): end the address with "
                        "its ISO 3166 code on a line of its own (\"DE\")"});
  if (seller.vat_id.empty())
    problems.push_back({"company.vat_id",
                        "Peppol needs the seller's VAT identifier (BT-31, BR-S-02): set it "
                        "with company --vat-id"});
  if (seller.endpoint.empty())
    problems.push_back({"company.endpoint",
                        "Peppol needs the seller's electronic address (BT-34): set it with "
                        "company --endpoint SCHEME:ID (\"0088:5790000435975\") or --email"});
  if (buyer.address.country.empty())
    problems.push_back(
        {"customer.address", "Peppol needs " + buyer.name +
                                 "'s country (BT-55): set the customer's country "
                                 "(customer edit --country FR), or end the address with its ISO 3166 code "
                                 "on a line of its own"});
  if (buyer.endpoint.empty())
    problems.push_back({"customer.endpoint", "Peppol needs " + buyer.name +
                                                 "'s electronic address (BT-49): set it "
                                                 "(customer edit --endpoint SCHEME:ID) or give the "
                                                 "customer a billing contact email"});
  if (!problems.empty()) return problems;
  Result<InvoiceTotals> totals = totals_of(d.lines, currency_digits(d.currency));
  if (!totals) return totals.problems();
  return write_document(d, seller, buyer, totals.value());
}

}  // namespace duebook

// An issued invoice or credit note as a UBL 2.1 e-invoice following Peppol BIS Billing 3.0 (the CEN EN
// 16931-1 core invoice): the specification and profile identifiers, number, dates, type code, currency, the
// seller and buyer with their names, postal addresses, countries, VAT identifiers and electronic addresses,
// the VAT breakdown, the document totals and the lines. Business terms (BT-…) and rules (BR-…) refer to EN
// 16931-1.
//
// The ledger keeps one address text per party; the e-invoice reads it as lines: the first is the street
// (BT-35), a middle one the additional street line (BT-36), the one before the last "postal code city"
// (BT-38, BT-37) and the last the ISO 3166-1 alpha-2 country code (BT-40, BT-55: "DE").
#pragma once

#include <string>
#include <string_view>

#include "base/result.h"
#include "store/db.h"

namespace duebook {

// The UBL document of invoice or credit note `number` (case-insensitive; an invoice is looked for first):
// an Invoice (type code 380) or a CreditNote (381, referring to its invoice when it has one). The totals are
// EN 16931's (invoicing/totals.h): line net amounts, per VAT rate one TaxSubtotal whose tax is taxable × rate
// rounded half-up once (BR-CO-17), category S for a rate above 0 and Z at 0. A credit note, which the ledger
// keeps as one gross amount, is one line split into net and VAT at its invoice's single rate (0 without an
// invoice). Text is XML-escaped. Fails, writing nothing, when there is no such issued document ("number"),
// when a field Peppol requires is missing — the seller's name, country, VAT identifier or electronic address
// ("company.name", "company.address", "company.vat_id", "company.endpoint"), the buyer's country or
// electronic address ("customer.address", "customer.endpoint") — or when a credit note's invoice has several
// VAT rates ("number"). Reads only: the ledger is unchanged.
Result<std::string> ubl_document(Db& db, std::string_view number);

}  // namespace duebook

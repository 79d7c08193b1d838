// The EPC QR code ("GiroCode"): a SEPA credit transfer a customer's banking app reads from a printed invoice.
// The payload follows the European Payments Council's "Quick Response Code: Guidelines to Enable Data
// Capture for the Initiation of a SEPA Credit Transfer" (EPC069-12, version 2.1), version 002 of the format.
#pragma once

#include <cstdint>
#include <string>

#include "base/result.h"
#include "files/pdf_document.h"

namespace duebook {

// What the customer's bank needs to pay us.
struct EpcTransfer {
  std::string bic;        // the beneficiary's BIC; may be empty (optional in version 002 inside the EEA)
  std::string name;       // the beneficiary (account name), 1..70 characters
  std::string iban;       // the beneficiary's IBAN, electronic form (no spaces)
  std::string currency;   // must be "EUR": a SEPA credit transfer is in euro
  int64_t amount = 0;     // euro cents, 1 .. 99 999 999 999 (EUR 0.01 .. 999 999 999.99)
  std::string reference;  // unstructured remittance information (the invoice number), 0..140 characters
};

// The payload, lines separated by LF (EPC069-12 §3.4): "BCD", "002", "1" (UTF-8), "SCT", BIC, name, IBAN,
// "EUR" + amount with a '.' and two decimals, purpose (empty), structured reference (empty), the remittance
// text; no trailing LF. Fails (where "bank.iban", "bank.name", "currency", "amount", "reference") when a
// field breaks the guideline's limits, or when the whole exceeds its 331 bytes.
Result<std::string> epc_payload(const EpcTransfer& transfer);

// The QR code of `text` as 8-bit data at error-correction level M (EPC069-12 §3.1 asks for M), from
// libqrencode. Fails when the text is too long for a QR code.
Result<QrMatrix> qr_matrix(const std::string& text);

}  // namespace duebook

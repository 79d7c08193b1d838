#include "files/epc_qr.h"

#include <qrencode.h>

#include "base/bank.h"
#include "base/money.h"

namespace duebook {

Result<std::string> epc_payload(const EpcTransfer& t) {
  Problems problems;
  Result<std::string> iban = normalize_iban(t.iban, "bank.iban");
  if (!iban) problems.push_back(iban.problems()[0]);
  std::string bic;
  if (!t.bic.empty()) {
    if (Result<std::string> b = normalize_bic(t.bic, "bank.bic"))
      bic = b.value();
    else
      problems.push_back(b.problems()[0]);
  }
  // EPC069-12 §3.4: name max 70, amount EUR0.01..EUR999999999.99, remittance text max 140.
  if (t.name.empty() || t.name.size() > 70)
    problems.push_back({"bank.name", "the account name must have 1 to 70 characters"});
  if (t.currency != "EUR")
    problems.push_back({"currency", "an EPC QR code pays in EUR only, not " + t.currency});
  if (t.amount < 1 || t.amount > 99999999999)
    problems.push_back({"amount", "an EPC QR code's amount must be EUR 0.01 to 999999999.99"});
  if (t.reference.size() > 140)
    problems.push_back({"reference", "the remittance text must have at most 140 characters"});
  if (!problems.empty()) return problems;
  std::string payload = "BCD\n002\n1\nSCT\n" + bic + "\n" + t.name + "\n" + iban.value() + "\nEUR" +
                        format_amount(t.amount, 2) + "\n\n\n" + t.reference;
  while (!payload.empty() && payload.back() == '\n') payload.pop_back();
  if (payload.size() > 331) return Problem{"reference", "the EPC payload exceeds its 331 bytes"};
  return payload;
}

Result<QrMatrix> qr_matrix(const std::string& text) {
  QRcode* code = QRcode_encodeData(int(text.size()), (const unsigned char*)text.data(), 0, QR_ECLEVEL_M);
  if (!code) return Problem{"qr", "the text is too long for a QR code"};
  QrMatrix m;
  m.width = code->width;
  m.dark.resize(size_t(code->width) * size_t(code->width));
  for (size_t i = 0; i < m.dark.size(); ++i) m.dark[i] = (code->data[i] & 1) != 0;
  QRcode_free(code);
  return m;
}

}  // namespace duebook

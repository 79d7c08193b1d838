// What the printed documents share: the company's letterhead, the addressee's block, amounts in the
// customer's currency, the key-value summary and the payment instructions with the EPC QR code.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "base/result.h"
#include "collections/templates.h"
#include "customers/customers.h"
#include "files/pdf_document.h"
#include "store/db.h"

namespace duebook {

// An amount as printed: the currency's code first, thousands grouped ("EUR 1,234.50", "JPY 120,000").
std::string document_money(int64_t minor, const std::string& currency);
// An amount as printed for a reader of `locale`: "1.234,50 EUR" in de-DE (format_money).
std::string document_money(int64_t minor, const std::string& currency, const Locale& locale);
// A stored ISO date ("2026-12-31") as `locale` writes it ("31.12.2026"); the text itself when it is no date.
std::string shown_date(const std::string& iso_text, const Locale& locale);

// Starts a document titled `title` on the company's letterhead of ledger `db` (its logo, when one is set, at
// the left with the name beside it; address lines, phone and email at the right) with the company's name,
// bank account and the ledger's anchor (chain_anchor: `duebook verify --anchor` later shows whether events
// were removed since) in every page's footer. Reads only. Fails as PdfDocument::create.
Result<std::unique_ptr<PdfDocument>> start_document(Db& db, const PdfFonts& fonts,
                                                    const CompanyDetails& company, const std::string& title,
                                                    Language language = Language::English);

// The addressee block at the left (the customer's name in bold, an "Attn:" line when `attention` is set,
// the address lines, the tax id) and the title with `facts` (label, value) at the right; the cursor ends
// below both. `language` words the "Attn:" and "Tax id" labels (document_words).
void address_and_facts(PdfDocument& doc, const Customer& customer, const std::string& attention,
                       const std::string& title,
                       const std::vector<std::pair<std::string, std::string>>& facts,
                       Language language = Language::English);

// Label-value rows right-aligned under the last table (totals): labels end at x 420, values at the right
// margin; `bold` marks the last row in bold.
void totals_block(PdfDocument& doc, const std::vector<std::pair<std::string, std::string>>& rows,
                  bool bold_last = true);

// "How to pay": the account name, IBAN, BIC and the reference to quote, and — for an amount in EUR with an
// IBAN set — the EPC QR code of the transfer (epc_payload, qr_matrix). Without an IBAN it says to contact the
// company. Nothing for amount <= 0. Labels and the amount are written in `language` (document_words,
// document_locale).
void payment_instructions(PdfDocument& doc, const CompanyDetails& company, int64_t amount,
                          const std::string& currency, const std::string& reference,
                          Language language = Language::English);

}  // namespace duebook

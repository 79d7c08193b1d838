// The payment receipt: what was received, which invoices it settled (and what each still has open), what is
// left as credit, and the customer's balance after it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "base/locale.h"
#include "base/result.h"
#include "files/pdf_document.h"
#include "store/db.h"

namespace duebook {

// Payment `payment_id`'s receipt from the ledger's tables (the payment, its allocations that are not removed,
// each invoice's open amount now, the customer's balance now). Fails (where "payment") for an unknown
// payment, and as PdfDocument does. A reversed payment is marked REVERSED. Written in `language`, by default
// the customer's (account_words, document_locale).
Result<std::string> receipt_pdf(Db& db, const PdfFonts& fonts, int64_t payment_id,
                                std::optional<Language> language = std::nullopt);

}  // namespace duebook

// The customer statement as a document: per currency, the balance brought forward, every invoice, payment and
// credit of the period with the running balance, the balance due by aging bucket, and how to pay.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "base/date.h"
#include "base/locale.h"
#include "base/result.h"
#include "files/pdf_document.h"
#include "store/db.h"

namespace duebook {

// Customer `customer_id`'s statement for from..to (load_customer_statement: its figures, nothing new) on the
// company's letterhead, written in `language`, by default the customer's (account_words, the lines'
// references by load_customer_statement in that language). Fails as load_customer_statement (where
// "customer_id", "to") and PdfDocument do.
Result<std::string> statement_pdf(Db& db, const PdfFonts& fonts, int64_t customer_id, const Date& from,
                                  const Date& to, std::optional<Language> language = std::nullopt);

}  // namespace duebook

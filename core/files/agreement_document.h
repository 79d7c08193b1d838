// Confirmations of what was agreed with a late payer, as letters on the company's letterhead: an installment
// plan (its schedule and the invoices it covers) and a reduced settlement (what is accepted, what is written
// off). Their text comes from the plan_confirmation and settlement_confirmation templates, the words around
// it from agreement_words, all in `language` — by default the customer's.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/date.h"
#include "base/result.h"
#include "collections/templates.h"
#include "files/pdf_document.h"
#include "store/db.h"

namespace duebook {

// A reduced settlement as stored.
struct SettlementRecord {
  int64_t id = 0;           // its id
  int64_t invoice_id = 0;   // the invoice settled
  int64_t customer_id = 0;  // whose
  Date date;                // the day it was agreed
  int64_t balance = 0;      // open on the invoice then
  int64_t accepted = 0;     // what the customer pays
  int64_t written_off = 0;  // balance − accepted
  std::string currency;     // the invoice's currency
  std::string reason;       // why
};

// The settlements that stand (not retracted), of one customer or (0) of all, by id.
std::vector<SettlementRecord> list_settlements(Db& db, int64_t customer_id = 0);

// The confirmation of installment plan `plan_id` (as list_installment_plans reports it on `date`), laid out:
// the plan_confirmation template (agreed_on, plan_total, installment_count), then the installments and the
// invoices covered as tables, and how to pay the first installment not yet paid. Fails (where "plan") for an
// unknown or cancelled plan, with the template's problems, and as PdfDocument does.
Result<std::string> plan_confirmation_pdf(Db& db, const PdfFonts& fonts, int64_t plan_id, const Date& date,
                                          std::optional<Language> language = std::nullopt);

// The confirmation of settlement `settlement_id`, laid out: the settlement_confirmation template (agreed_on,
// settled_balance, settlement_amount, written_off), the figures as a totals block and how to pay what is
// still open. Fails (where "settlement") for an unknown or retracted settlement, with the template's
// problems, and as PdfDocument does.
Result<std::string> settlement_confirmation_pdf(Db& db, const PdfFonts& fonts, int64_t settlement_id,
                                                std::optional<Language> language = std::nullopt);

}  // namespace duebook

// The invoice-shaped documents: the invoice itself (optionally marked DUPLICATE, as sent with a reminder),
// a credit note, and the payment reminder (first, second, final) with the fees and interest charged so far
// and a new payment deadline. Each reads the ledger's own queries and returns the PDF's bytes; nothing is
// written to the ledger.
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

// How an invoice is printed.
struct InvoicePdfOptions {
  bool duplicate = false;             // a copy sent again: marked "DUPLICATE"
  std::optional<Date> reminder_date;  // printed beside the mark: the reminder the copy goes with
  std::optional<Language> language;   // the words and formats; none = the customer's language
};

// Invoice `invoice_id` (issued, or void: a void one is marked VOID) with the company's letterhead, the
// customer's billing details, number, dates, terms with the due date and any early-payment discount
// deadline, the lines, the tax breakdown per rate, totals, what was paid, credited or written off, the amount
// due and the payment instructions (EPC QR code for EUR). Fails (where "invoice") for an unknown invoice or a
// draft, and as PdfDocument does.
Result<std::string> invoice_pdf(Db& db, const PdfFonts& fonts, int64_t invoice_id,
                                const InvoicePdfOptions& options = {});

// Credit note `credit_note_id`: the invoice it credits, its date, reason and amount, written in `language`,
// by default the customer's. Fails (where "credit_note") for an unknown one.
Result<std::string> credit_note_pdf(Db& db, const PdfFonts& fonts, int64_t credit_note_id,
                                    std::optional<Language> language = std::nullopt);

// A payment reminder.
struct ReminderPdfOptions {
  int level = 1;                     // 1 first reminder, 2 second reminder, 3 final reminder
  Date date;                         // the reminder's date
  std::optional<Language> language;  // the words and formats; none = the customer's language
};

// What a reminder states, worked out from the ledger.
struct ReminderFigures {
  int64_t invoice_open = 0;  // still open on the invoice itself
  int64_t late_fees = 0;     // late fees charged on it up to the reminder's date
  int64_t interest = 0;      // interest and fixed compensation charged on it up to that date
  int64_t charges_open = 0;  // of those charges, what their charges invoices still have open
  int64_t total_due = 0;     // invoice_open + charges_open
  int deadline_days = 14;    // from the policy step of this level (CollectionStep::payment_deadline_days)
  Date deadline;             // date + deadline_days
};

// The figures of a reminder at `level` on `date` for invoice `invoice_id`: the charges (list_charges) booked
// on it and dated on or before `date`, their charges invoices' open amounts, and the deadline from the
// customer's policy: level N takes the N-th step after the due date that sends the customer a document
// (email reminder, letter, escalation letter, final notice; a courtesy note before the due date is no
// reminder), or the last such step when there are fewer; 14 days when the policy has none. Fails (where
// "invoice") for an unknown or unissued invoice, (where "level") outside 1..3.
Result<ReminderFigures> reminder_figures(Db& db, int64_t invoice_id, const ReminderPdfOptions& options);

// The reminder: the invoice's layout headed "Payment reminder" / "Second reminder" / "Final reminder" with
// the reminder's date, the invoice's lines and amounts, the late fees and interest charged so far listed
// apart from the invoice, the total now due and the new payment deadline, and the payment instructions. Fails
// as reminder_figures and PdfDocument do.
Result<std::string> reminder_pdf(Db& db, const PdfFonts& fonts, int64_t invoice_id,
                                 const ReminderPdfOptions& options);

}  // namespace duebook

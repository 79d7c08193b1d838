#include "documents.h"

#include "commands.h"
#include "exports.h"
#include "files/agreement_document.h"
#include "files/evidence_document.h"
#include "files/invoice_document.h"
#include "files/letter_document.h"
#include "files/receipt_document.h"
#include "files/statement_document.h"
#include "invoicing/invoice_queries.h"
#include "platform.h"
#include "queries_view.h"

namespace duebook::ui {

namespace {

using Kind = DocumentRequest::Kind;

// The file's name: what it is, whose, and its date ("reminder-2-INV-2026-0001-2026-03-12.pdf").
std::string file_name(Queries& queries, const DocumentRequest& r) {
  std::string subject = "#" + std::to_string(r.id);
  if (r.kind == Kind::Invoice || r.kind == Kind::Duplicate || r.kind == Kind::Reminder) {
    if (std::optional<InvoiceDetail> d = find_invoice(queries.db(), r.id)) subject = d->summary.number;
  } else if (r.kind == Kind::PlanConfirmation || r.kind == Kind::SettlementConfirmation) {
    subject = std::to_string(r.id);
  } else if (r.kind != Kind::Receipt) {
    if (std::optional<Customer> c = queries.customer(r.id)) subject = c->fields.name;
  }
  static const char* const kinds[] = {"invoice",  "duplicate", "reminder", "statement", "letter",
                                      "evidence", "receipt",   "plan",     "settlement"};
  std::string name = kinds[int(r.kind)];
  if (r.kind == Kind::Reminder) name += "-" + std::to_string(r.level);
  return safe_file_name(name + "-" + subject + "-" + to_iso(r.date) + ".pdf");
}

}  // namespace

std::string produce_document(Queries& queries, Platform& platform, Commands& commands, CommandSink* sink,
                             const DocumentRequest& r) {
  Db& db = queries.db();
  const PdfFonts fonts = platform.pdf_fonts();
  std::optional<RecordDocumentSent> record;
  Result<std::string> pdf = Problem{"", "unknown document"};
  switch (r.kind) {
    case Kind::Invoice:
    case Kind::Duplicate:
      pdf = invoice_pdf(db, fonts, r.id, {r.kind == Kind::Duplicate, r.date});
      break;
    case Kind::Reminder: {
      Result<ReminderFigures> figures = reminder_figures(db, r.id, {r.level, r.date});
      std::optional<InvoiceDetail> d = find_invoice(db, r.id);
      pdf = reminder_pdf(db, fonts, r.id, {r.level, r.date});
      if (pdf && figures && d)
        record = RecordDocumentSent{d->summary.customer_id, r.date, "reminder", r.level,
                                    figures->deadline,      {r.id}};
      break;
    }
    case Kind::Statement:
      pdf = statement_pdf(db, fonts, r.id, r.from.value_or(add_days(r.date, -364)), r.date);  // else the year
      break;
    case Kind::Letter: {
      Result<LetterContent> content = letter_content(db, r.id, {r.date, std::nullopt});
      pdf = letter_pdf(db, fonts, r.id, {r.date, std::nullopt});
      if (pdf && content)
        record = RecordDocumentSent{r.id,
                                    r.date,
                                    "letter",
                                    content->step_index,
                                    add_days(r.date, content->deadline_days),
                                    content->invoice_ids};
      break;
    }
    case Kind::Evidence: {
      EvidenceOptions o;
      o.customer_id = r.id;
      o.as_of = r.date;
      pdf = evidence_pdf(db, fonts, o);
      break;
    }
    case Kind::Receipt:
      pdf = receipt_pdf(db, fonts, r.id);
      break;
    case Kind::PlanConfirmation:
      pdf = plan_confirmation_pdf(db, fonts, r.id, r.date);
      break;
    case Kind::SettlementConfirmation:
      pdf = settlement_confirmation_pdf(db, fonts, r.id);
      break;
  }
  if (!pdf) return "No PDF: " + describe(pdf.problems());
  Result<std::string> saved = platform.save_file(file_name(queries, r), pdf.value(), "application/pdf");
  if (!saved) return "The PDF was not saved: " + describe(saved.problems());
  if (record) commands.submit(*record, sink);
  return "Saved the PDF to " + saved.value();
}

}  // namespace duebook::ui

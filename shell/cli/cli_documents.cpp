// CLI commands for the printed documents (core/files/*_document.h), each written as a PDF file:
//   document invoice NUMBER [--duplicate] [--date D] --out FILE.pdf   (a credit note's number prints the
//   note) document statement --customer C [--from D] [--to D] --out FILE.pdf document letter --customer C
//   [--step N] [--date D] --out FILE.pdf document reminder NUMBER [--level 1|2|3] [--date D] --out FILE.pdf
//   document receipt --payment ID --out FILE.pdf
//   document evidence (--invoice NUMBER | --customer C) [--date D] [--interest POLICY] --out FILE.pdf
//   document plan --plan ID [--date D] --out FILE.pdf; document settlement --invoice NUMBER --out FILE.pdf
// Each takes --language en|de|fr|es to write the document in that language instead of the customer's.
// A reminder or letter is recorded as produced (RecordDocumentSent) once its file is written.
#include <fstream>
#include <ostream>

#include "cli.h"
#include "cli_collections.h"
#include "files/agreement_document.h"
#include "files/evidence_document.h"
#include "files/invoice_document.h"
#include "files/letter_document.h"
#include "files/receipt_document.h"
#include "files/statement_document.h"
#include "invoicing/invoice_queries.h"

namespace duebook::cli {

namespace {

// A record's id from "12" or "#12"; nullopt for anything else.
std::optional<int64_t> record_id(const std::optional<std::string>& text) {
  std::string digits = text ? (text->rfind('#', 0) == 0 ? text->substr(1) : *text) : "";
  if (digits.empty() || digits.size() > 18 || digits.find_first_not_of("0123456789") != std::string::npos)
    return std::nullopt;
  return std::stoll(digits);
}

PdfFonts fonts() {
  return {DUEBOOK_PDF_FONT, DUEBOOK_PDF_FONT_BOLD};
}

// The --out option, required; nullopt after a usage message.
std::optional<std::string> out_arg(Context& ctx, Args& args) {
  std::optional<std::string> out = args.option("--out");
  if (!out || out->empty()) ctx.usage("--out FILE.pdf is required");
  return out;
}

// The --language option: the language to write the document in instead of the customer's; nullopt when it
// is absent, or after a problem naming the option for a language Duebook does not write in.
std::optional<Language> language_option(Args& args, Problems& problems) {
  std::optional<std::string> text = args.option("--language");
  if (!text) return std::nullopt;
  Result<Language> language = parse_language(*text);
  if (!language) {
    problems.push_back({"--language", language.problems().front().message});
    return std::nullopt;
  }
  return language.value();
}

// Writes the document's bytes, or reports why not.
int write_pdf(Context& ctx, const Result<std::string>& pdf, const std::string& path) {
  if (!pdf) return ctx.rejected(pdf.problems());
  std::ofstream file(path, std::ios::binary | std::ios::trunc);
  file.write(pdf->data(), std::streamsize(pdf->size()));
  file.close();
  if (!file) {
    ctx.err << "duebook: cannot write " << path << "\n";
    return kIoError;
  }
  ctx.out << "Wrote " << path << " (" << pdf->size() << " bytes)\n";
  return kOk;
}

// Records that a reminder or letter was produced; its file is written already.
int record_sent(Context& ctx, Ledger& ledger, const RecordDocumentSent& sent) {
  Result<ActionOutcome> done = ledger.execute(sent);
  if (!done) return ctx.rejected(done.problems());
  ctx.out << "Recorded: " << done->label << "\n";
  return kOk;
}

int document_invoice(Context& ctx, Args& args) {
  Ledger* ledger = ctx.ledger();
  if (!ledger) return kIoError;
  std::optional<std::string> number = args.positional();
  const bool duplicate = args.flag("--duplicate");
  std::optional<std::string> date = args.option("--date");
  Problems problems;
  const std::optional<Language> language = language_option(args, problems);
  std::optional<std::string> out = out_arg(ctx, args);
  if (!out) return kUsage;
  if (!number) return ctx.usage("document invoice NUMBER: which invoice?");
  if (int rc = ctx.leftover(args)) return rc;
  if (!problems.empty()) return ctx.rejected(problems);
  Db& db = ledger->db();
  if (std::optional<int64_t> note = find_credit_note_by_number(db, *number))
    return write_pdf(ctx, credit_note_pdf(db, fonts(), *note, language), *out);
  std::optional<int64_t> id = invoice_arg(db, *number, InvoiceScope::Issued);
  if (!id) return ctx.rejected({{"invoice", "no issued invoice or credit note \"" + *number + "\""}});
  InvoicePdfOptions options;
  options.duplicate = duplicate;
  options.language = language;
  if (date) {
    Result<Date> d = date_arg(ctx, date, "--date");
    if (!d) return ctx.rejected(d.problems());
    options.reminder_date = d.value();
  }
  return write_pdf(ctx, invoice_pdf(db, fonts(), *id, options), *out);
}

int document_reminder(Context& ctx, Args& args) {
  Ledger* ledger = ctx.ledger();
  if (!ledger) return kIoError;
  std::optional<std::string> number = args.positional();
  std::optional<std::string> level = args.option("--level");
  std::optional<std::string> date = args.option("--date");
  Problems problems;
  ReminderPdfOptions options;
  options.language = language_option(args, problems);
  std::optional<std::string> out = out_arg(ctx, args);
  if (!out) return kUsage;
  if (!number) return ctx.usage("document reminder NUMBER: which invoice?");
  if (int rc = ctx.leftover(args)) return rc;
  if (level) {
    if (*level == "1" || *level == "2" || *level == "3")
      options.level = std::stoi(*level);
    else
      problems.push_back({"--level", "must be 1, 2 or 3, not \"" + *level + "\""});
  }
  if (auto d = value_or_problem(date_arg(ctx, date, "--date"), problems)) options.date = *d;
  std::optional<int64_t> id = invoice_arg(ledger->db(), *number, InvoiceScope::Issued);
  if (!id) problems.push_back({"invoice", "no issued invoice \"" + *number + "\""});
  if (!problems.empty()) return ctx.rejected(problems);
  Result<ReminderFigures> figures = reminder_figures(ledger->db(), *id, options);
  if (!figures) return ctx.rejected(figures.problems());
  std::optional<InvoiceDetail> invoice = find_invoice(ledger->db(), *id);
  if (int rc = write_pdf(ctx, reminder_pdf(ledger->db(), fonts(), *id, options), *out)) return rc;
  return record_sent(
      ctx, *ledger,
      {invoice->summary.customer_id, options.date, "reminder", options.level, figures->deadline, {*id}});
}

int document_letter(Context& ctx, Args& args) {
  Ledger* ledger = ctx.ledger();
  if (!ledger) return kIoError;
  std::optional<std::string> customer = args.option("--customer");
  std::optional<std::string> step = args.option("--step");
  std::optional<std::string> date = args.option("--date");
  Problems problems;
  LetterPdfOptions options;
  options.language = language_option(args, problems);
  std::optional<std::string> out = out_arg(ctx, args);
  if (!out) return kUsage;
  if (int rc = ctx.leftover(args)) return rc;
  if (auto d = value_or_problem(date_arg(ctx, date, "--date"), problems)) options.date = *d;
  if (step) {
    if (!step->empty() && step->size() < 4 && step->find_first_not_of("0123456789") == std::string::npos)
      options.step_index = std::stoi(*step);
    else
      problems.push_back({"--step", "must be a policy step number (0, 1, 2, ...), not \"" + *step + "\""});
  }
  std::optional<Customer> c = customer ? find_customer_arg(ledger->db(), *customer) : std::nullopt;
  if (!c)
    problems.push_back({"--customer", customer ? "no customer \"" + *customer + "\"" : "which customer?"});
  if (!problems.empty()) return ctx.rejected(problems);
  Result<LetterContent> content = letter_content(ledger->db(), c->id, options);
  if (!content) return ctx.rejected(content.problems());
  if (int rc = write_pdf(ctx, letter_pdf(ledger->db(), fonts(), c->id, options), *out)) return rc;
  return record_sent(ctx, *ledger,
                     {c->id, options.date, "letter", content->step_index,
                      add_days(options.date, content->deadline_days), content->invoice_ids});
}

int document_statement(Context& ctx, Args& args) {
  Ledger* ledger = ctx.ledger();
  if (!ledger) return kIoError;
  std::optional<std::string> customer = args.option("--customer");
  std::optional<std::string> from = args.option("--from");
  std::optional<std::string> to = args.option("--to");
  Problems problems;
  const std::optional<Language> language = language_option(args, problems);
  std::optional<std::string> out = out_arg(ctx, args);
  if (!out) return kUsage;
  if (int rc = ctx.leftover(args)) return rc;
  Date to_day, from_day;
  if (auto d = value_or_problem(date_arg(ctx, to, "--to"), problems)) to_day = *d;
  // Without --from: the statement covers the 90 days ending on --to.
  if (auto d = value_or_problem(date_arg(ctx, from, "--from"), problems))
    from_day = from ? *d : add_days(to_day, -89);
  std::optional<Customer> c = customer ? find_customer_arg(ledger->db(), *customer) : std::nullopt;
  if (!c)
    problems.push_back({"--customer", customer ? "no customer \"" + *customer + "\"" : "which customer?"});
  if (problems.empty() && to_day < from_day) problems.push_back({"--to", "is before --from"});
  if (!problems.empty()) return ctx.rejected(problems);
  return write_pdf(ctx, statement_pdf(ledger->db(), fonts(), c->id, from_day, to_day, language), *out);
}

int document_receipt(Context& ctx, Args& args) {
  Ledger* ledger = ctx.ledger();
  if (!ledger) return kIoError;
  std::optional<std::string> payment = args.option("--payment");
  Problems problems;
  const std::optional<Language> language = language_option(args, problems);
  std::optional<std::string> out = out_arg(ctx, args);
  if (!out) return kUsage;
  if (int rc = ctx.leftover(args)) return rc;
  std::optional<int64_t> id = record_id(payment);
  if (!id) problems.push_back({"--payment", "must be a payment id (as `duebook payment list` shows)"});
  if (!problems.empty()) return ctx.rejected(problems);
  return write_pdf(ctx, receipt_pdf(ledger->db(), fonts(), *id, language), *out);
}

int document_plan(Context& ctx, Args& args) {
  Ledger* ledger = ctx.ledger();
  if (!ledger) return kIoError;
  std::optional<std::string> plan = args.option("--plan");
  std::optional<std::string> date = args.option("--date");
  Problems problems;
  const std::optional<Language> language = language_option(args, problems);
  std::optional<std::string> out = out_arg(ctx, args);
  if (!out) return kUsage;
  if (int rc = ctx.leftover(args)) return rc;
  Date day;
  if (auto d = value_or_problem(date_arg(ctx, date, "--date"), problems)) day = *d;
  std::optional<int64_t> id = record_id(plan);
  if (!id) problems.push_back({"--plan", "must be a plan id (as `duebook plan list` shows)"});
  if (!problems.empty()) return ctx.rejected(problems);
  return write_pdf(ctx, plan_confirmation_pdf(ledger->db(), fonts(), *id, day, language), *out);
}

int document_settlement(Context& ctx, Args& args) {
  Ledger* ledger = ctx.ledger();
  if (!ledger) return kIoError;
  std::optional<std::string> invoice = args.option("--invoice");
  Problems problems;
  const std::optional<Language> language = language_option(args, problems);
  std::optional<std::string> out = out_arg(ctx, args);
  if (!out) return kUsage;
  if (int rc = ctx.leftover(args)) return rc;
  if (!invoice) return ctx.usage("document settlement takes --invoice NUMBER");
  if (!problems.empty()) return ctx.rejected(problems);
  const std::optional<int64_t> invoice_id = invoice_arg(ledger->db(), *invoice, InvoiceScope::Issued);
  std::optional<SettlementRecord> found;
  for (const SettlementRecord& s : list_settlements(ledger->db()))
    if (s.invoice_id == invoice_id) found = s;
  if (!invoice_id || !found)
    return ctx.rejected({{"--invoice", "no settlement agreed on invoice \"" + *invoice + "\""}});
  return write_pdf(ctx, settlement_confirmation_pdf(ledger->db(), fonts(), found->id, language), *out);
}

int document_evidence(Context& ctx, Args& args) {
  Ledger* ledger = ctx.ledger();
  if (!ledger) return kIoError;
  std::optional<std::string> invoice = args.option("--invoice");
  std::optional<std::string> customer = args.option("--customer");
  std::optional<std::string> date = args.option("--date");
  std::optional<std::string> interest = args.option("--interest");
  Problems problems;
  EvidenceOptions options;
  options.language = language_option(args, problems);
  std::optional<std::string> out = out_arg(ctx, args);
  if (!out) return kUsage;
  if (int rc = ctx.leftover(args)) return rc;
  if (bool(invoice) == bool(customer))
    return ctx.usage("document evidence takes --invoice NUMBER or --customer C");
  if (auto d = value_or_problem(date_arg(ctx, date, "--date"), problems)) options.as_of = *d;
  options.interest_policy = interest.value_or("");
  if (invoice) {
    options.invoice_id = invoice_arg(ledger->db(), *invoice, InvoiceScope::Issued);
    if (!options.invoice_id) problems.push_back({"--invoice", "no issued invoice \"" + *invoice + "\""});
  } else if (std::optional<Customer> c = find_customer_arg(ledger->db(), *customer)) {
    options.customer_id = c->id;
  } else {
    problems.push_back({"--customer", "no customer \"" + *customer + "\""});
  }
  if (!problems.empty()) return ctx.rejected(problems);
  Result<std::string> pdf = evidence_pdf(ledger->db(), fonts(), options);
  if (!pdf && pdf.problems()[0].where == "interest_policy")
    return ctx.rejected({{"--interest", pdf.problems()[0].message}});
  return write_pdf(ctx, pdf, *out);
}

}  // namespace

const std::vector<Handler>& document_handlers() {
  static const std::vector<Handler> list = {
      {"document", "invoice",
       "an invoice or credit note as PDF: NUMBER [--duplicate] [--date D] [--language en|de|fr|es] --out "
       "FILE.pdf",
       document_invoice},
      {"document", "reminder",
       "a payment reminder as PDF: NUMBER [--level 1|2|3] [--date D] [--language en|de|fr|es] --out FILE.pdf",
       document_reminder},
      {"document", "statement",
       "a customer statement as PDF: --customer C [--from D] [--to D] [--language en|de|fr|es] --out "
       "FILE.pdf",
       document_statement},
      {"document", "letter",
       "a collections letter as PDF: --customer C [--step N] [--date D] [--language en|de|fr|es] --out "
       "FILE.pdf",
       document_letter},
      {"document", "receipt",
       "a payment receipt as PDF: --payment ID [--language en|de|fr|es] --out FILE.pdf", document_receipt},
      {"document", "evidence",
       "an evidence pack as PDF: (--invoice NUMBER | --customer C) [--date D] [--interest P] [--language "
       "en|de|fr|es] --out FILE.pdf",
       document_evidence},
      {"document", "plan",
       "an installment plan's confirmation as PDF: --plan ID [--date D] [--language en|de|fr|es] --out "
       "FILE.pdf",
       document_plan},
      {"document", "settlement",
       "a settlement's confirmation as PDF: --invoice NUMBER [--language en|de|fr|es] --out FILE.pdf",
       document_settlement},
  };
  return list;
}

}  // namespace duebook::cli

// The workbench's "PDF" actions: a window asks for a document (Navigation::document); after the frame the
// app renders it with core/files and hands the bytes to the platform (the browser downloads the file, the
// desktop writes it to the Downloads folder). A reminder or letter is then recorded as produced
// (RecordDocumentSent), so the customer's timeline and evidence pack list it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "base/date.h"
#include "files/pdf_document.h"

namespace duebook::ui {

class Commands;
class Platform;
class Queries;
struct CommandSink;

// Which document a window asks for.
struct DocumentRequest {
  enum class Kind {
    Invoice,
    Duplicate,
    Reminder,
    Statement,
    Letter,
    Evidence,
    Receipt,
    PlanConfirmation,
    SettlementConfirmation
  };
  Kind kind = Kind::Invoice;
  int64_t id = 0;  // the invoice (Invoice, Duplicate, Reminder), the customer (Statement, Letter, Evidence)
                   // the payment (Receipt), the installment plan or the settlement (confirmations)
  int level = 1;   // a reminder's level 1..3
  Date date;       // the document's date (the reminder's, the statement's end, the evidence's "as of")
  std::optional<Date> from;  // a statement's first day; none = the year to `date`
};

// Renders `request`, saves it through `platform` and, for a reminder or letter, submits its record to
// `commands` (result to `sink`). Returns the status line: where the file went, or why it was not made.
std::string produce_document(Queries& queries, Platform& platform, Commands& commands, CommandSink* sink,
                             const DocumentRequest& request);

}  // namespace duebook::ui

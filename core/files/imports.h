// The import record every CSV import keeps (file, SHA-256, counts), so the same file is never imported twice.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "store/projector.h"

namespace duebook {

// Which import a CSV file is for.
enum class CsvImportKind {
  Invoices,  // its header has InvoiceNo (QuickBooks Online's invoice export)
  Payments,  // its header has Date, Customer and Amount, and no InvoiceNo
};
// Reads the header of `text` to tell which import it is for; a problem naming `file` when it is neither (or
// has no header). Reads only the first record.
Result<CsvImportKind> csv_import_kind(const std::string& file, std::string_view text);

// The projectors of the import events.
const std::vector<Projector>& import_projectors();

}  // namespace duebook

// The import record: the projectors of import.recorded and its undo (the rows themselves are projected by the
// batch events, import_batches.cpp, and the ordinary customer events).
#include "files/imports.h"

#include "base/csv.h"
#include "files/import_support.h"
#include "store/projector.h"

namespace duebook {

namespace {

// ---------------------------------------------------------------------------------------------
// Projectors

Status apply_recorded(Db& db, const Event& e, const Json& p) {
  return db
      .prepare(
          "INSERT INTO imports(id, kind, file, sha256, rows, invoices, payments, customers, at_ms, "
          "unread_columns) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)")
      .bind_all(p["id"].get<int64_t>(), p["kind"].get<std::string>(), p["file"].get<std::string>(),
                p["sha256"].get<std::string>(), p["rows"].get<int64_t>(), p["invoices"].get<int64_t>(),
                p["payments"].get<int64_t>(), p["customers"].get<int64_t>(), e.at_ms,
                p.value("unread_columns", std::string()))
      .run();
}

Status set_retracted(Db& db, const Json& p, bool retracted) {
  return db.prepare("UPDATE imports SET retracted = ?2 WHERE id = ?1")
      .bind_all(p["id"].get<int64_t>(), int64_t(retracted))
      .run();
}

std::vector<EventDraft> one(const char* type, const Json& payload) {
  return {{type, to_payload(payload)}};
}

}  // namespace

const std::vector<Projector>& import_projectors() {
  static const std::vector<Projector> list = {
      {"import.recorded", apply_recorded,
       [](const Event&, const Json& p) {
         return one("import.retracted", {{"id", p["id"]}});
       }},
      {"import.retracted", [](Db& db, const Event&, const Json& p) { return set_retracted(db, p, true); },
       [](const Event&, const Json& p) {
         return one("import.restored", {{"id", p["id"]}});
       }},
      {"import.restored", [](Db& db, const Event&, const Json& p) { return set_retracted(db, p, false); },
       [](const Event&, const Json& p) {
         return one("import.retracted", {{"id", p["id"]}});
       }},
  };
  return list;
}

Result<CsvImportKind> csv_import_kind(const std::string& file, std::string_view text) {
  CsvReader csv(text);
  std::vector<std::string> fields;
  if (!csv.next(fields)) return Problem{file + ":1", csv.error().empty() ? "the file is empty" : csv.error()};
  Problems ignored;
  Header header = read_header(fields, {}, file, ignored);
  if (header["InvoiceNo"] >= 0 || header["InvoiceNumber"] >= 0)
    return CsvImportKind::Invoices;  // QuickBooks, Xero
  if (header["Date"] >= 0 && header["Customer"] >= 0 && header["Amount"] >= 0) return CsvImportKind::Payments;
  return Problem{file + ":1",
                 "is neither an invoice export (it would have an InvoiceNo or InvoiceNumber column) nor a "
                 "payment list (Date, "
                 "Customer and Amount columns)"};
}

}  // namespace duebook

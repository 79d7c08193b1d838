// The customer's reply file, both halves (docs/ledger-file.md, "Statement and reply files"):
//  - the statement file the business sends one customer: its open invoices, its statement for the last
//    twelve months and the business's contact and payment details. It holds no event of the ledger and no
//    note the business keeps for itself (no contact record, no other customer's row), only what a statement
//    already tells the customer;
//  - the reply file the customer makes from it in the web app: per invoice a promise to pay (a day and an
//    amount), a dispute (a reason) or a claim that it was paid (a day and a reference);
//  - the command that records a reply in the ledger it answers (collections/collection_commands.h,
//    RecordCustomerReply).
// Both files are one JSON object with a "format", a major version and the SHA-256 of their content; a
// damaged, tampered or foreign file is refused with the reason.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "base/date.h"
#include "base/result.h"
#include "collections/collection_commands.h"
#include "collections/templates.h"
#include "store/db.h"

namespace duebook {

inline constexpr const char* kStatementFileFormat = "duebook-statement";
inline constexpr const char* kReplyFileFormat = "duebook-reply";
inline constexpr int kShareFileMajor = 1;               // a reader refuses a higher major version
inline constexpr int64_t kShareFileMaxBytes = 4 << 20;  // statement and reply files are small
inline constexpr size_t kReplyMaxItems = 1000;          // one per invoice at most

// One open invoice of the statement file.
struct StatementFileInvoice {
  int64_t id = 0;         // its id in the business's ledger
  std::string number;     // "INV-2026-0007"
  std::string currency;   // ISO 4217
  Date issue_date;        // invoice date
  Date due_date;          // due date
  int64_t total = 0;      // total with tax, minor units
  int64_t open = 0;       // still owed on as_of, minor units (> 0)
  bool disputed = false;  // a dispute is open on it
};

// What the business sends one customer.
struct StatementFile {
  std::string ledger_id;                       // the business's ledger (the reply must answer it)
  int64_t customer_id = 0;                     // the customer in that ledger
  std::string customer;                        // its name
  CompanyDetails company;                      // who sends it: contact and payment details
  Date as_of;                                  // the day it was made
  std::vector<StatementFileInvoice> invoices;  // the open invoices, by due date
  nlohmann::json statement;                    // statement_to_json of the twelve months to as_of
  std::string sha256;                          // of the content (filled in by write_statement_file)
};

// The statement file of customer `customer_id` as of `as_of`. Fails (where "customer") for an unknown
// customer. Reads only.
Result<StatementFile> make_statement_file(Db& db, int64_t customer_id, const Date& as_of);
// The file's bytes (JSON, two-space indent); fills in `file.sha256`.
std::string write_statement_file(StatementFile& file);
// Reads and checks a statement file named `name`: the format and version, the size limit, every field, the
// content hash. A problem names the file and the field ("acme.duebook: invoices[2].open: ...").
Result<StatementFile> read_statement_file(std::string_view name, std::string_view bytes);

// One thing the customer says about one invoice.
struct ReplyItem {
  std::string invoice;    // the invoice's number, as on the statement
  std::string kind;       // "promise", "dispute" or "paid"
  Date date;              // promise: the day they will pay by; paid: the day they paid
  int64_t amount = 0;     // promise: how much (> 0, at most the open amount); paid: how much (0 = not said)
  std::string reason;     // dispute: pricing, not_delivered, quality, not_received, other
  std::string reference;  // paid: the payment's reference
  std::string notes;      // their own words
};

// What the customer sends back.
struct ReplyFile {
  std::string ledger_id;         // the statement's
  int64_t customer_id = 0;       // the statement's
  std::string customer;          // the statement's
  std::string statement_sha256;  // the statement it answers
  Date made_on;                  // the day it was made
  std::string person;            // who made it
  std::vector<ReplyItem> items;  // at least one, at most one per invoice
  std::string sha256;            // of the content (filled in by write_reply_file)
};

// The customer's reply to `statement`, checked against it: each item names an open invoice of the statement
// (once), a known kind, a promise an amount from 1 minor unit to the open amount and a day on or after
// made_on, a dispute a known reason, a paid claim a day on or before made_on. Problems name the item.
Result<ReplyFile> make_reply(const StatementFile& statement, const Date& made_on, const std::string& person,
                             std::vector<ReplyItem> items);
// The file's bytes (JSON, two-space indent); fills in `file.sha256`.
std::string write_reply_file(ReplyFile& file);
// Reads and checks a reply file named `name` as read_statement_file does.
Result<ReplyFile> read_reply_file(std::string_view name, std::string_view bytes);

// What one reply item says, as the business reads it: "promises EUR 600.00 by 2026-03-15", "disputes it
// (quality)", "says it was paid on 2026-02-21 (BANK REF 42), to check". `amount` and `day` are the item's
// amount and date as the reader's screen or terminal writes them. The customer's notes follow after " - ".
std::string describe_reply_item(const ReplyItem& item, const std::string& amount, const std::string& day);

// The command that records `reply` in the ledger of `db`: refused (where "ledger_id") when the reply answers
// another ledger's statement, (where "customer") when its customer is not found under the same id and name,
// and (where "items[i].invoice") for an invoice that is not that customer's. Reads only.
Result<RecordCustomerReply> reply_command(Db& db, const ReplyFile& reply);

// What a shared file is, from its "format": a ledger file, a statement file, a reply file, or none of them.
enum class ShareFileKind { Unknown, Ledger, Statement, Reply };
ShareFileKind sniff_share_file(std::string_view bytes);

}  // namespace duebook

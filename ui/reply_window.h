// The customer's reply window, both sides of a statement file (ledger/customer_reply.h):
//  - the customer's side: a statement file a business sent, opened (chosen or dropped) in Duebook. It shows
//    who sent it, the open invoices and how to pay, and lets the customer answer each invoice — "I will pay
//    by a day", "I dispute it", "I have paid it" — and save the answers as a reply file to send back. Nothing
//    of the statement enters the customer's own ledger;
//  - the business's side: the reply file, opened the same way, checked against this ledger and previewed item
//    by item, then recorded as one action (a contact per item, the promises and disputes it makes) only when
//    the user confirms. A reply recorded before, or one answering another ledger, is refused with the reason.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/date.h"
#include "commands.h"
#include "ledger/customer_reply.h"
#include "platform.h"
#include "queries_view.h"

namespace duebook::ui {

// The customer's answer to one invoice of the statement, as typed.
struct ReplyAnswer {
  int kind = 0;           // 0 no answer, 1 will pay by, 2 dispute, 3 already paid
  std::string date;       // promise: the day they will pay by; paid: the day they paid (YYYY-MM-DD)
  std::string amount;     // promise: how much, in the display locale (starts as the open amount)
  int reason = 0;         // dispute: index into kReasonCodes
  std::string reference;  // paid: the payment's reference
  std::string notes;      // their own words
};

struct ReplyWindowState {
  bool open = false;       // the window is shown
  std::string name;        // the file opened last
  std::string read_error;  // why it could not be read (damaged, tampered, newer, not a share file)
  // The customer's side: the statement and the answers being written.
  std::optional<StatementFile> statement;
  std::vector<ReplyAnswer> answers;  // one per statement invoice
  std::string person;                // who answers (the reply's "person")
  std::string reply_error;           // why the reply was refused
  std::string saved;                 // where the last reply went
  // The business's side: the reply, the command that records it, or why it cannot be.
  std::optional<ReplyFile> reply;
  std::optional<RecordCustomerReply> command;
  std::string currency;  // the customer's, for the amounts shown
  std::string refused;   // why the reply does not fit this ledger
  CommandSink sink;      // the recording's outcome
  int64_t seen = 0;      // sink.completed when the file was opened (an older outcome is not this one's)
};

// Takes the statement and reply files out of `files` (by their content's "format", whatever their name):
// each is read, checked and shown in the window. Ledger files and everything else stay in `files`. True when
// it took one.
bool accept_share_files(std::vector<IncomingFile>& files, Queries& queries, ReplyWindowState& state);

// Draws the window when open; `today` dates the reply the customer saves.
void draw_reply_window(Platform& platform, ReplyWindowState& state, Commands& commands, const Date& today);

// Facts for end-to-end tests, as JSON text: {"open", "file", "side": "statement"|"reply"|"", "error",
// "invoices", "saved", "items": [{"invoice", "what"}], "refused", "recorded", "problems"}.
std::string reply_facts(const ReplyWindowState& state);

}  // namespace duebook::ui

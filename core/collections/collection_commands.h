// The collections engine's commands: values the CLI or a window builds and hands to Ledger::execute, like the
// other commands in commands.h (which lists them in the Command variant). Each is validated as a whole; a
// rejected command writes nothing and returns its problems, naming the field. Amounts are minor units of the
// customer's (or the invoices') currency; vocabulary words (channels, outcomes, reasons) are those of
// collections.h.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/date.h"
#include "base/money.h"
#include "collections/collections_policy.h"
#include "collections/templates.h"

namespace duebook {

// Saves a collections policy: a new one, or a new version of an existing one (undo restores the old one).
struct SavePolicy {
  int64_t id = 0;    // the policy to replace; 0 = a new policy (the built-in default is never replaced)
  std::string json;  // policy_to_json's shape, plus an optional "late_fee" (policy_record_from_json)
};

// Chooses the policy a customer's invoices are chased by.
struct SetCustomerPolicy {
  int64_t customer_id = 0;  // which customer
  int64_t policy_id = 0;    // a saved policy; 0 = the built-in default
};

// The business named in collection messages ({{company_name}}, {{sender_name}}, ...).
struct SetCompanyDetails {
  CompanyDetails company;  // all of its new values
};

// Saves the business's own wording of a built-in message template (same id, its own subject and body), or
// with `reset` goes back to the built-in wording. The worklist, letters and reminders use the saved wording.
struct SaveTemplate {
  std::string id;                         // a built-in template's id (default_templates())
  std::string subject;                    // the new subject (ignored with reset)
  std::string body;                       // the new body (ignored with reset)
  bool reset = false;                     // forget the saved wording: the built-in one applies again
  Language language = Language::English;  // which language's wording
};

// Records that today's worklist step was done for a customer: one record per invoice of the entry, each with
// its own step, plus a contact record (the evidence). A credit-hold step also puts the customer on hold.
struct RecordStepDone {
  int64_t customer_id = 0;           // whose entry
  int step_index = 0;                // the entry's step, as the worklist showed it (a check against mistakes)
  Date date;                         // the day it was done; the worklist of that day is the reference
  std::string outcome;               // reached, voicemail, no_answer, wrong_contact, promised, disputed, paid
  std::string notes;                 // what was said or sent
  std::string person;                // whom we spoke to or wrote to; "" = the entry's contact
  std::vector<int64_t> invoice_ids;  // only these of the entry's invoices; empty = every line of the entry
};

// Records that a reminder or letter was produced as a document for a customer (printed or saved as PDF to be
// sent): append-only evidence, listed on the customer's timeline and in the evidence pack.
struct RecordDocumentSent {
  int64_t customer_id = 0;           // to whom
  Date date;                         // the document's date
  std::string document;              // "reminder" or "letter"
  int level = 0;                     // a reminder's level (1..3); a letter's policy step index
  Date deadline;                     // the new payment deadline it gives
  std::vector<int64_t> invoice_ids;  // the invoices it is about (at least one, the customer's)
};

// Puts a customer's invoices aside until a day (they come back on it), or ends a snooze.
struct SnoozeCustomer {
  int64_t customer_id = 0;    // which customer
  Date date;                  // the day the snooze is decided
  std::optional<Date> until;  // the day chasing resumes, after `date`; none = resume now
};

// One contact with a customer, as it happened: append-only evidence (a small-claims court asks for it).
struct LogContact {
  int64_t customer_id = 0;           // whom
  Date date;                         // when
  std::string channel;               // email, phone, letter, visit, other
  std::string person;                // the person spoken or written to
  std::string outcome;               // reached, voicemail, no_answer, wrong_contact, promised, disputed, paid
  std::string notes;                 // what was said
  std::vector<int64_t> invoice_ids;  // the invoices it was about; may be empty
};

// A customer's promise to pay an amount by a day. Chasing pauses until the day plus the grace days; a promise
// not kept by then is broken and chasing moves on at once.
struct AddPromise {
  int64_t customer_id = 0;           // who promised
  Date date;                         // the day the promise was made
  Date pay_by;                       // the day they promised to pay by, on or after `date`
  int64_t amount = 0;                // how much, > 0, in the customer's currency
  std::vector<int64_t> invoice_ids;  // the invoices it covers; empty = every open invoice of the customer
  std::string notes;                 // anything said with it
};

// Opens a dispute on an invoice: chasing, late fees and interest pause until it is resolved.
struct OpenDispute {
  int64_t invoice_id = 0;  // the disputed invoice (issued, not void, something open)
  Date date;               // when the customer raised it
  std::string reason;      // pricing, not_delivered, quality, not_received, other
  std::string notes;       // the customer's words
};

// Resolves an invoice's open dispute: a credit note for the open amount ("credit"), for part of it
// ("partial", amount required), or none ("rejected": the invoice stands and chasing resumes).
struct ResolveDispute {
  int64_t invoice_id = 0;         // the invoice with the open dispute
  Date date;                      // the day of the resolution
  std::string resolution;         // credit, partial, rejected
  std::optional<int64_t> amount;  // partial: the credit, 0 < amount < open; otherwise none
  std::string notes;              // what was agreed
};

// Applies the credit-hold rules to every customer as of a day: puts on hold (or on cash on delivery) the
// active customers the rules catch, and releases those the rules had held once no rule applies. A hold or
// cash on delivery set by hand is left alone.
struct ApplyCreditHolds {
  Date as_of;                     // the day the facts are taken on
  CreditHoldRules rules;          // which rules apply
  bool cash_on_delivery = false;  // put caught customers on cash on delivery instead of credit hold
};

// Charges the late fees due as of a day: one per (invoice, policy step with late_fee) whose day has come,
// each billed on a charges invoice linked to the late one. Idempotent: running it again charges nothing new.
struct ChargeLateFees {
  Date as_of;  // the day of the run; fees are dated on it
};

// Waives the late fee of one invoice's step: a charged fee's invoice is voided, an uncharged fee is never
// charged.
struct WaiveLateFee {
  int64_t invoice_id = 0;  // the late invoice
  int step_index = 0;      // the policy step whose fee it is
  Date date;               // the day of the waiver
  std::string reason;      // why; required
};

// Books the interest and fixed compensation accrued on overdue invoices up to a day (preview_charges), less
// what earlier runs booked, as one charges invoice per late invoice, linked to it. Invoices with an agency
// are left to the agency; disputed and factored ones are not charged (preview_ledger_charges).
struct ApplyCharges {
  Date as_of;          // accrue up to and including this day; the charges invoices are dated on it
  std::string policy;  // "contract:18", "uk-late-payment", "eu-late-payment" (parse_interest_policy)
};

// Agrees an installment plan for what a customer owes on some invoices; chasing those invoices pauses while
// the installments are paid, and resumes at once when one is missed.
struct AddInstallmentPlan {
  int64_t customer_id = 0;           // whose debt
  Date date;                         // the day it is agreed
  int count = 1;                     // installments, 1..360
  Date first_due;                    // the first installment's day
  int every_days = 0;                // 0 = monthly; else every that many days (1..366)
  std::vector<int64_t> invoice_ids;  // the invoices it covers; empty = every open invoice of the customer
};

// Accepts less than an invoice's open amount in full and final settlement and writes off the rest.
struct AcceptSettlement {
  int64_t invoice_id = 0;  // the invoice
  Date date;               // the day of the agreement (and of the write-off)
  int64_t accepted = 0;    // what the customer pays, 0 < accepted < open
  std::string reason;      // why; kept with the write-off
};

// Hands invoices to a collection agency: our own chasing, fees and interest stop for them.
struct HandToAgency {
  std::vector<int64_t> invoice_ids;  // the invoices (issued, open, not factored or already placed)
  Date date;                         // the day of the hand-off
  std::string agency;                // the agency's name
  Decimal commission_percent;        // of what the agency recovers, 0..100
};

// Sells invoices to a factor: cash today (the advance), a reserve paid back less the fee when the customer
// pays the factor. Chasing stops; later payments go to the factor (RecordFactorCollection).
struct FactorInvoices {
  std::vector<int64_t> invoice_ids;        // the invoices, one currency, issued and open
  Date date;                               // the day of the sale
  std::string factor;                      // the factor's name
  Decimal advance_percent;                 // paid today, 1..100
  Decimal fee_percent;                     // the factor's fee, 0..100
  std::optional<Decimal> reserve_percent;  // when given, must be 100 − advance (a check on the offer)
  bool flat_fee = false;                   // the fee once, instead of per 30 days until collected
  std::optional<Date> expected_paid_on;  // when the customers are expected to pay; none = each invoice's due
                                         // date, or 30 days from `date` when that has passed
};

// Records that a customer paid a factored invoice to the factor: the invoice is paid, the factor releases the
// reserve.
struct RecordFactorCollection {
  int64_t invoice_id = 0;  // the factored invoice
  Date date;               // when the factor received it
  int64_t amount = 0;      // how much, 0 < amount <= open
};

// What came of working a customer's entry of the day, as one action (one undo): the step done with its
// outcome and notes, plus the promise or the dispute the outcome brought. Refused as a whole when any part
// is: nothing is recorded then.
struct RecordOutcome {
  RecordStepDone step;                // the entry's step, its outcome ("promised", "disputed", ...) and notes
  std::optional<AddPromise> promise;  // with outcome "promised": the date and amount promised
  std::optional<OpenDispute> dispute;  // with outcome "disputed": the invoice and the reason
};

// One thing a customer said about one invoice in their reply to a statement file (files/customer_reply.h).
struct CustomerReplyItem {
  int64_t invoice_id = 0;  // the invoice it is about: the customer's, issued
  std::string kind;        // "promise" (to pay by a day), "dispute" (with a reason), "paid" (they say so)
  Date date;               // promise: the day they will pay by; paid: the day they say they paid
  int64_t amount = 0;      // promise: how much, > 0; paid: how much they say they paid (0 = not said)
  std::string reason;      // dispute: pricing, not_delivered, quality, not_received, other
  std::string reference;   // paid: the payment's reference, as they gave it
  std::string notes;       // the customer's own words
};

// Records a customer's reply as one action (one undo), every entry marked as coming from the customer: a
// contact (channel "reply") per item, with the promise or the dispute it makes. A claim that an invoice was
// paid is recorded as a contact to check against the bank, never as a payment. Refused as a whole when any
// item is, and when a reply with the same id was recorded before: nothing is written then.
struct RecordCustomerReply {
  int64_t customer_id = 0;               // who replied
  Date date;                             // the day the reply was made
  std::string person;                    // who wrote it (their name, as they gave it)
  std::string reply_id;                  // the reply file's identity (its content hash): recorded once
  std::vector<CustomerReplyItem> items;  // at least one
};

}  // namespace duebook

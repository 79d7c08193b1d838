// Commands: values a window or the CLI builds and hands to Ledger::execute. Each is validated as a whole;
// a rejected command writes nothing and returns its problems.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "collection_commands.h"  // the collections engine's commands (SavePolicy ... RecordFactorCollection)
#include "customers.h"
#include "date.h"
#include "invoices.h"
#include "payments.h"
#include "schedules.h"

namespace duebook {

struct AddCustomer {
  CustomerFields fields;  // the new customer
};

struct EditCustomer {
  int64_t id = 0;         // which customer
  CustomerFields fields;  // all of its new values
};

// Creates an invoice as a draft, and issues it at once when `issue` is set.
struct AddInvoice {
  InvoiceFields fields;  // the invoice
  bool issue = false;    // issue it in the same action (one undo voids it)
  std::string hold_override;  // why it is issued to a customer on credit hold / COD (recorded); "" = refuse
  bool late_payment_charges = false;  // bills late fees or interest on earlier invoices: not new business, so
                                      // credit hold does not stop it (set by the collections engine only)
};

// Replaces a draft's fields. Issued invoices are never edited.
struct EditInvoice {
  int64_t id = 0;        // which draft
  InvoiceFields fields;  // all of its new values
};

// Throws a draft away (it stays in the log; undo brings it back).
struct DiscardInvoice {
  int64_t id = 0;  // which draft
};

// Issues a draft: assigns the next number of its series and year, fixes its content.
struct IssueInvoice {
  int64_t id = 0;                  // which draft
  std::optional<Date> issue_date;  // moves the invoice date (and a terms-derived due date); none = keep
  std::string hold_override;       // why it is issued to a customer on credit hold / COD (recorded); "" = refuse
};

// Cancels an issued invoice. Whatever was applied to it (payments, credit notes) goes back to the customer's
// unapplied credit and its write-offs are reversed, in the same action, so a void invoice has nothing applied.
struct VoidInvoice {
  int64_t id = 0;      // which invoice
  Date date;           // the day it is voided
  std::string reason;  // why; required
};

// Writes off (part of) what is open on an invoice as uncollectable.
struct WriteOffInvoice {
  int64_t invoice_id = 0;         // which invoice
  std::optional<int64_t> amount;  // minor units, 0 < amount <= open; none = everything open
  Date date;                      // the day of the write-off
  std::string reason;             // why; required
};

// A credit note: against one invoice (reduces what is open on it) or, with invoice_id 0, against the customer
// (becomes unapplied credit).
struct AddCreditNote {
  int64_t customer_id = 0;  // whose credit; must be the invoice's customer when invoice_id is set
  int64_t invoice_id = 0;   // the invoice it reduces; 0 = none
  Date date;                // its date
  int64_t amount = 0;       // gross, in minor units of the customer's currency; > 0, <= the invoice's open
  std::string reason;       // why it is granted
  std::string series = "CN";  // number prefix: CN-YYYY-NNNN
};

// Money received from a customer, allocated at once by the allocation rule (allocate_payment).
struct RecordPayment {
  int64_t customer_id = 0;  // who paid
  Date date;                // when the money arrived
  int64_t amount = 0;       // minor units, > 0
  std::string currency;     // must be the customer's currency; empty = the customer's
  std::string method;       // "bank transfer", "card", "cheque", ...
  std::string reference;    // the payer's reference; an open invoice number in it is paid first
};

// Allocates unapplied credit of one payment or credit note to named invoices.
struct AllocateCredit {
  // One invoice to allocate to.
  struct Target {
    int64_t invoice_id = 0;         // which invoice (same customer)
    std::optional<int64_t> amount;  // how much; none = as much as both sides allow
  };
  CreditRef source;             // the payment or credit note
  std::vector<Target> targets;  // in order
  std::optional<Date> date;     // the allocation date; none = the later of source date and invoice date
};

// Pays unapplied credit back to the customer.
struct RefundCredit {
  int64_t customer_id = 0;          // whose credit
  int64_t amount = 0;               // minor units, > 0, at most the unapplied credit
  Date date;                        // when it is paid out
  std::string method;               // how
  std::string reference;            // bank reference
  std::optional<CreditRef> source;  // refund from this payment / credit note only; none = oldest first
};

// Adds a recurring invoice schedule.
struct AddSchedule {
  ScheduleFields fields;  // the schedule
};

// Stops a schedule (no further invoices; undo resumes it).
struct EndSchedule {
  int64_t id = 0;  // which schedule
};

// Drafts or issues every scheduled invoice dated up to `as_of` that has not been made yet. One a schedule would
// issue to a customer the credit-hold check refuses (collections.h) is left as a draft for a person to review;
// the label counts them, and the schedule moves on.
struct RunSchedules {
  Date as_of;  // the run date; nothing later is billed
};

// Imports a QuickBooks Online invoice export (CSV). All rows or none.
struct ImportInvoices {
  std::string file_name;              // shown in problems as file:row:field and kept in the import record
  std::string text;                   // the file's bytes
  std::string date_format;            // a parse_date format; empty = YYYY-MM-DD or MM/DD/YYYY by look
  std::string default_currency = "USD";  // currency of customers created when the file has no Currency column
};

// Imports payments (CSV: Date, Customer, Amount, Currency, Reference, Method). All rows or none.
struct ImportPayments {
  std::string file_name;    // shown in problems as file:row:field and kept in the import record
  std::string text;         // the file's bytes
  std::string date_format;  // as for ImportInvoices
};

using Command = std::variant<AddCustomer, EditCustomer, AddInvoice, EditInvoice, DiscardInvoice, IssueInvoice,
                             VoidInvoice, WriteOffInvoice, AddCreditNote, RecordPayment, AllocateCredit,
                             RefundCredit, AddSchedule, EndSchedule, RunSchedules, ImportInvoices, ImportPayments,
                             SavePolicy, SetCustomerPolicy, SetCompanyDetails, RecordStepDone, SnoozeCustomer,
                             LogContact, AddPromise, OpenDispute, ResolveDispute, ApplyCreditHolds, ChargeLateFees,
                             WaiveLateFee, ApplyCharges, AddInstallmentPlan, AcceptSettlement, HandToAgency,
                             FactorInvoices, RecordFactorCollection>;

}  // namespace duebook

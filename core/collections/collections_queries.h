// Read-side queries of the collections engine: the day's worklist with its rendered messages, the contact
// record, promises, disputes, plans, charges, credit-hold reviews, placements and the agency case file.
// Pure reads: they never change the ledger. "As of" is always an argument; facts are the ledger as it stands
// (a payment recorded today counts even when its date is after `as_of`, except where a function says so).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/date.h"
#include "collections/charges.h"
#include "collections/collections.h"
#include "collections/collections_policy.h"
#include "collections/settlements.h"
#include "collections/templates.h"
#include "customers/customers.h"
#include "store/db.h"

namespace duebook {

// Days a promise (or an installment) stays active past its date: bank transfers take a few days.
inline constexpr int kPromiseGraceDays = 3;

// One issued invoice as collections sees it.
struct CollectionInvoice {
  int64_t id = 0;            // invoice id
  int64_t customer_id = 0;   // its customer
  std::string customer;      // the customer's name
  std::string number;        // its number
  std::string currency;      // ISO 4217 code
  Date issue_date;           // invoice date
  Date due_date;             // due date
  int64_t total = 0;         // total with tax
  int64_t open = 0;          // still open (0 once paid, credited or written off)
  bool voided = false;       // cancelled
  bool disputed = false;     // has an open dispute
  bool with_agency = false;  // placed with a collection agency (not recalled)
  bool factored = false;     // sold to a factor (not recalled)
  bool is_charge = false;    // bills late fees or interest on another invoice (never itself charged)
  int64_t deposit = 0;       // the down payment asked for on receipt (invoicing/deposits.h); 0 = none
};

// Issued, non-void invoices with something open, issued on or before `as_of`; customer_id 0 = every customer.
// By customer name, due date, number.
std::vector<CollectionInvoice> open_collection_invoices(Db& db, const Date& as_of, int64_t customer_id = 0);
// Any issued invoice by id (open or not); nullopt for a draft, a discarded one or an unknown id.
std::optional<CollectionInvoice> find_collection_invoice(Db& db, int64_t id);

// The numbers of invoices `ids`, comma-separated ("#7" for one without a number); unknown ids are left out.
std::string invoice_numbers_text(Db& db, const std::vector<int64_t>& ids);

// A stored policy by id (0 = the built-in default); nullopt when there is none (or it was removed).
std::optional<PolicyRecord> find_policy(Db& db, int64_t id);
// The default first, then stored policies by id.
std::vector<PolicyRecord> list_policies(Db& db);
// The policy a customer is chased by (the default unless one was set).
PolicyRecord policy_for_customer(Db& db, int64_t customer_id);
// The business named in messages (empty fields until set).
CompanyDetails company_details(Db& db);
// The company details as stored (the collections.company_set event's "after"): every field by its name.
Json company_to_json(const CompanyDetails& company);

// Everything build_worklist needs, read from the ledger for `as_of` (one customer, or all with 0): open
// invoices with their pauses (disputes, agency, factoring, snooze, the latest promise or an active
// installment plan as a promise), policies, contacts and the steps done. The two vectors run in parallel.
struct CollectionsBook {
  std::vector<CustomerCollections> customers;  // as build_worklist takes them
  std::vector<int64_t> customer_ids;           // the id of each
  std::map<std::string, int64_t> invoice_ids;  // invoice number -> id
};
CollectionsBook load_collections_book(Db& db, const Date& as_of, int64_t customer_id = 0,
                                      int grace_days = kPromiseGraceDays);

// One contact with a customer, as logged.
struct ContactRecord {
  int64_t id = 0;            // its id
  int64_t customer_id = 0;   // whom
  Date date;                 // when
  std::string channel;       // email, phone, letter, visit, other
  std::string person;        // who was spoken or written to
  std::string outcome;       // reached, voicemail, ...
  std::string notes;         // what was said
  std::string invoices;      // the invoice numbers it was about, comma-separated
  int64_t step_done_id = 0;  // the worklist step it carried out; 0 = logged by hand
};
// A customer's contact record, oldest first (by date, then id); undone entries left out.
std::vector<ContactRecord> contact_log(Db& db, int64_t customer_id);

// A promise to pay and where it stands on a day.
struct PromiseStatus {
  int64_t id = 0;                    // its id
  int64_t customer_id = 0;           // who promised
  Date made_on;                      // when
  Date pay_by;                       // the promised day
  int64_t amount = 0;                // promised
  int64_t paid = 0;                  // paid on its invoices from made_on to as_of (allocations of payments)
  std::string currency;              // currency of both
  std::vector<int64_t> invoice_ids;  // the invoices it covers
  std::string state;                 // "open" (before pay_by + grace), "kept", "broken"
  std::optional<Date> broken_on;     // for a broken one: the first day after pay_by + grace
};
// A customer's promises (0 = everyone's) as of a day, oldest first.
std::vector<PromiseStatus> list_promises(Db& db, const Date& as_of, int64_t customer_id = 0,
                                         int grace_days = kPromiseGraceDays);

// A dispute as recorded.
struct DisputeRecord {
  int64_t id = 0;                   // its id
  int64_t invoice_id = 0;           // the invoice
  std::string invoice;              // its number
  int64_t customer_id = 0;          // whose
  Date opened_on;                   // when raised
  std::string reason;               // pricing, not_delivered, ...
  std::string notes;                // the customer's words
  std::string status;               // open, resolved, withdrawn
  std::string resolution;           // credit, partial, rejected; "" while open
  std::optional<Date> resolved_on;  // when resolved
  int64_t amount = 0;               // credit granted (minor units)
  int64_t credit_note_id = 0;       // the credit note; 0 = none
};
// Disputes of a customer (0 = all), by id; withdrawn ones (undone) left out.
std::vector<DisputeRecord> list_disputes(Db& db, int64_t customer_id = 0);
// The open dispute of an invoice, if any.
std::optional<DisputeRecord> open_dispute(Db& db, int64_t invoice_id);

// An installment plan and where it stands.
struct PlanStatus {
  int64_t id = 0;                         // its id
  int64_t customer_id = 0;                // whose
  std::string customer;                   // the customer's name
  std::string currency;                   // currency
  Date agreed_on;                         // when agreed
  int64_t balance = 0;                    // the amount spread
  std::vector<Installment> installments;  // the schedule
  std::vector<int64_t> invoice_ids;       // invoices covered
  int64_t paid = 0;                       // paid on them since agreed_on (payments and credits allocated)
  InstallmentStatus status;               // check_installments as of the day
  std::string state;                      // "active", "missed", "completed", "cancelled"
};
// Every plan (cancelled ones included), by id, as of a day; only customer `customer_id`'s unless it is 0.
std::vector<PlanStatus> list_installment_plans(Db& db, const Date& as_of, int64_t customer_id = 0,
                                               int grace_days = kPromiseGraceDays);

// A late fee, interest or fixed compensation booked (or a fee waived).
struct ChargeRecord {
  int64_t id = 0;                 // its id
  std::string kind;               // late_fee, interest, compensation
  int64_t invoice_id = 0;         // the late invoice
  std::string invoice;            // its number
  int64_t customer_id = 0;        // whose
  int step_index = -1;            // late_fee: the policy step; else -1
  int64_t charge_invoice_id = 0;  // the invoice billing it; 0 for a fee waived before it was charged
  std::string charge_invoice;     // that invoice's number
  int64_t amount = 0;             // minor units
  std::string currency;           // currency
  Date date;                      // charged on (interest: accrued up to)
  std::string basis;              // how it was computed ("uk-late-payment", "step 4: letter")
  std::string status;             // charged, waived, reversed
  std::string reason;             // a waiver's reason
};
// Charges of one late invoice (0 = all), by id, reversed ones (undone) left out.
std::vector<ChargeRecord> list_charges(Db& db, int64_t invoice_id = 0);

// An agency placement.
struct PlacementRecord {
  int64_t id = 0;                    // its id
  int64_t customer_id = 0;           // whose debt
  std::string customer;              // name
  std::string agency;                // the agency
  std::string commission;            // percent, exact ("25")
  Date date;                         // handed over on
  std::string currency;              // currency
  int64_t placed = 0;                // the debt handed over
  int64_t expected_net = 0;          // placed less commission (recovery assumed in full)
  std::vector<int64_t> invoice_ids;  // the invoices
};
// Placements not recalled, by id.
std::vector<PlacementRecord> list_placements(Db& db);

// A factoring sale.
struct FactoringRecord {
  int64_t id = 0;                    // its id
  std::string factor;                // the factor
  Date date;                         // sold on
  std::string currency;              // currency
  int64_t amount = 0;                // invoices sold
  int64_t cash_today = 0;            // advance received
  int64_t reserve = 0;               // held back
  int64_t fee = 0;                   // the cost
  int64_t collected = 0;             // paid to the factor so far
  std::string annual_cost_bp;        // effective annual cost, basis points
  std::vector<int64_t> invoice_ids;  // the invoices
};
// Sales not recalled, by id.
std::vector<FactoringRecord> list_factorings(Db& db);

}  // namespace duebook

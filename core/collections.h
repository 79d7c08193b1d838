// The collections engine in the ledger: the vocabulary of its records (contact channels and outcomes, dispute
// reasons and resolutions), stored policies with their late-fee rule, and the credit-hold check invoices run
// when they are issued. The rules themselves are pure and live in collections_policy.h, charges.h,
// settlements.h and templates.h; the commands in collection_commands.h; the reads in collections_queries.h.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "charges.h"
#include "collections_policy.h"
#include "db.h"
#include "events.h"
#include "result.h"

namespace duebook {

// How we reached a customer.
enum class ContactChannel { Email, Phone, Letter, Visit, Other };
// "email", "phone", "letter", "visit", "other".
const char* to_string(ContactChannel channel);
// Reads to_string's spelling (exact); nullopt for anything else.
std::optional<ContactChannel> contact_channel_from(std::string_view text);
// The channel a policy step is carried out on: email for reminders, phone for calls, letter otherwise.
ContactChannel channel_for(StepAction action);

// What came of a contact.
enum class ContactOutcome { Reached, Voicemail, NoAnswer, WrongContact, Promised, Disputed, Paid };
// "reached", "voicemail", "no_answer", "wrong_contact", "promised", "disputed", "paid".
const char* to_string(ContactOutcome outcome);
// Reads to_string's spelling (exact); nullopt for anything else.
std::optional<ContactOutcome> contact_outcome_from(std::string_view text);

// Why a customer disputes an invoice.
enum class DisputeReason { Pricing, NotDelivered, Quality, NotReceived, Other };
// "pricing", "not_delivered", "quality", "not_received", "other".
const char* to_string(DisputeReason reason);
// Reads to_string's spelling (exact); nullopt for anything else.
std::optional<DisputeReason> dispute_reason_from(std::string_view text);

// How a dispute ended.
enum class DisputeResolution { Credit, Partial, Rejected };
// "credit" (a credit note for everything open), "partial" (for part of it), "rejected" (the invoice stands).
const char* to_string(DisputeResolution resolution);
// Reads to_string's spelling (exact); nullopt for anything else.
std::optional<DisputeResolution> dispute_resolution_from(std::string_view text);

// A collections policy as the ledger stores it: the steps and the late fee its late_fee steps charge.
struct PolicyRecord {
  int64_t id = 0;           // 0 = the built-in default policy (exists without any event)
  CollectionPolicy policy;  // name and steps
  LateFeeRule late_fee;     // the fee; empty (no flat part, 0 %) = late_fee steps charge nothing
};

// The built-in default: default_policy() with no late fee (a business sets its own fee; charging one nobody
// agreed to would be wrong).
PolicyRecord default_policy_record();

// Reads a policy as policy_from_json does, plus an optional "late_fee": {"flat": [{"currency": "EUR",
// "amount": "25.00"}], "percent": "1.5"} (amounts in major units, exact). Fails with every problem found
// (where "policy..." or "late_fee...") and changes nothing. The id is left 0.
Result<PolicyRecord> policy_record_from_json(std::string_view text);
// Writes what policy_record_from_json reads (compact, keys sorted). Never fails.
std::string policy_record_to_json(const PolicyRecord& record);

// The check run when an invoice is issued to `customer_id`: a customer on credit hold, or on cash on delivery
// with an invoice not due on its issue day, is refused (a problem naming "hold_override") unless
// `hold_override` gives a reason; then the override is returned as an event to append with the issue, so the
// log shows who sold on credit to a held customer and why. Nothing to append (an empty list) for an active
// customer or when `late_payment_charges` is set (charges on old debts are not new business). Reads only.
Result<std::vector<EventDraft>> issue_hold_events(Db& db, int64_t customer_id, int64_t invoice_id,
                                                  const std::string& issue_date, const std::string& due_date,
                                                  const std::string& hold_override, bool late_payment_charges);

}  // namespace duebook

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

#include "base/result.h"
#include "collections/charges.h"
#include "collections/collections_policy.h"
#include "store/db.h"
#include "store/events.h"
#include "store/projector.h"

namespace duebook {

// How we reached a customer.
// Reply: written by the customer in a reply file (files/customer_reply.h), never logged by hand.
enum class ContactChannel { Email, Phone, Letter, Visit, Other, Reply };
// "email", "phone", "letter", "visit", "other", "reply".
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

struct CollectionInvoice;  // collections_queries.h

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

// The projectors of the tracking events (policies, steps, contacts, promises, disputes, holds), and those of
// every collections file joined (collections_charges.h, collections_endgame.h).
const std::vector<Projector>& collection_tracking_projectors();
const std::vector<Projector>& collection_projectors();

// A list of ids as a JSON array, and back (an id list in a payload or a projection column).
Json ids_json(const std::vector<int64_t>& ids);
std::vector<int64_t> ids_from(const Json& array);
// A list read back from a projection column holding it as compact JSON text ("[3,7]"); asserts on bad text.
std::vector<int64_t> ids_from_text(std::string_view text);

// One event of `type` with `payload`, as an inverse returns it.
std::vector<EventDraft> one_event(const char* type, const Json& payload);

// Adds a problem naming `field` when `date` is not a valid date of years 1..9999.
void check_date(Problems& problems, const Date& date, const std::string& field);
// Adds a problem naming `field` when `text` is longer than `limit` bytes.
void check_text(Problems& problems, const std::string& text, size_t limit, const char* field);
// The problem of a command naming customer `id` that does not exist (field "customer_id").
Problem no_customer(int64_t id);
// "1,234.50 EUR": an amount for a label or a message.
std::string money_label(int64_t minor, const std::string& currency);

// The invoices a customer command names: each of `ids` must be an issued, non-void invoice of `customer_id`
// with something open; empty `ids` = every open invoice of the customer issued by `as_of`. Problems name
// `field` and the id; an empty result is a problem too ("nothing open").
Result<std::vector<CollectionInvoice>> customer_invoices_arg(Db& db, int64_t customer_id,
                                                             const std::vector<int64_t>& ids,
                                                             const Date& as_of, const std::string& field);

// What is open on an invoice, as Money.
Money open_money(const CollectionInvoice& invoice);

// Creates or updates the collection_accounts row of a customer and sets one column of it (policy_id,
// snoozed_until, hold_by_rules) to `value` (NULL when `value` is null).
Status set_account_column(Db& db, int64_t customer_id, const char* column, const Json& value);

}  // namespace duebook

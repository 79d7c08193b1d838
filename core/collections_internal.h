// Internal to core: what the collections files share — their projector lists, small payload helpers and the
// checks several commands run on the invoices they name.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "collections.h"
#include "collections_queries.h"
#include "projector.h"
#include "receivables.h"

namespace duebook {

// The projectors of each collections file; collection_projectors() (projector.h) joins them.
const std::vector<Projector>& collection_tracking_projectors();  // collections.cpp
const std::vector<Projector>& collection_charge_projectors();    // collections_charges.cpp
const std::vector<Projector>& collection_endgame_projectors();   // collections_endgame.cpp

// A list of ids as a JSON array, and back (an id list in a payload or a projection column).
Json ids_json(const std::vector<int64_t>& ids);
std::vector<int64_t> ids_from(const Json& array);
// The same list as compact JSON text ("[3,7]"), for a projection column; and back (asserts on bad text).
std::string ids_text(const std::vector<int64_t>& ids);
std::vector<int64_t> ids_from_text(std::string_view text);

// One event of `type` with `payload`, as an inverse returns it.
std::vector<EventDraft> one_event(const char* type, const Json& payload);
// The inverse of an event whose payload has "before" and "after": the same type with the two swapped.
std::vector<EventDraft> swap_before_after(const Event& e, const Json& payload);

// Adds a problem naming `field` when `date` is not a valid date of years 1..9999.
void check_date(Problems& problems, const Date& date, const std::string& field);
// "1,234.50 EUR": an amount for a label or a message.
std::string money_label(int64_t minor, const std::string& currency);

// The invoices a customer command names: each of `ids` must be an issued, non-void invoice of `customer_id` with
// something open; empty `ids` = every open invoice of the customer issued by `as_of`. Problems name `field` and
// the id; an empty result is a problem too ("nothing open").
Result<std::vector<CollectionInvoice>> customer_invoices_arg(Db& db, int64_t customer_id,
                                                             const std::vector<int64_t>& ids, const Date& as_of,
                                                             const std::string& field);

// What is open on an invoice, as Money.
Money open_money(const CollectionInvoice& invoice);

// Creates or updates the collection_accounts row of a customer and sets one column of it (policy_id,
// snoozed_until, hold_by_rules) to `value` (NULL when `value` is null).
Status set_account_column(Db& db, int64_t customer_id, const char* column, const Json& value);

}  // namespace duebook

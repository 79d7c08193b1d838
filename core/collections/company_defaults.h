// The company's defaults: its country, the numbering series of its invoices and credit notes, the terms and
// currency new customers and invoices start from, the interest policy late invoices are charged by, and the
// reference rates the business added to the bundled tables (a new Bank of England or ECB rate). Saved by
// SetCompanyDefaults and AddReferenceRate, kept in the collection_settings table ("defaults", "rate:*").
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/date.h"
#include "base/result.h"
#include "collections/collections.h"
#include "collections/reference_rates.h"
#include "store/db.h"
#include "store/projector.h"

namespace duebook {

// What new customers, invoices and charges start from.
struct CompanyDefaults {
  std::string country;                         // ISO 3166-1 alpha-2 ("GB", "DE"); "" = not chosen
  std::string currency = "USD";                // ISO 4217: new customers are invoiced in it
  std::string terms = "Net 30";                // payment terms new customers start with (parse_terms)
  std::string invoice_series = "INV";          // prefix of new invoices' numbers: INV-2026-0001
  std::string credit_note_series = "CN";       // prefix of new credit notes' numbers: CN-2026-0001
  std::string interest_policy = "contract:8";  // parse_interest_policy's spelling
  int64_t policy_id = 0;                       // the collections policy new customers are chased by; 0 = the
                                               // built-in Standard
};

// A country the first-run screen offers, with what follows from it.
struct CountryProfile {
  const char* code;      // ISO 3166-1 alpha-2
  const char* name;      // English short name
  const char* currency;  // ISO 4217 code of its currency
  bool eu = false;       // a member state of the European Union (Directive 2011/7/EU applies)
};

// The countries known to the defaults, sorted by name.
const std::vector<CountryProfile>& known_countries();

// The country with ISO code `code` (case-insensitive), or nullopt.
std::optional<CountryProfile> find_country(std::string_view code);

// The defaults for a business in `country` (see the table in the .cpp for the sources): its currency; the
// interest policy of its law (uk-late-payment for GB, eu-late-payment for an EU member state, a contract
// rate elsewhere); Net 30 terms; INV and CN series. An unknown or empty country gives CompanyDefaults{}.
CompanyDefaults defaults_for_country(std::string_view country);

// The collections policy a business in `country` starts with, where its law or its courts' rules set the
// ladder's deadlines (see the table in the .cpp for the sources): GB, the Pre-Action Protocol for Debt
// Claims' letter of claim giving 30 days before an agency or a claim; NO, inkassoloven's 14 days between the
// payment reminder (betalingsoppfordring) and collection. nullopt elsewhere: the built-in Standard applies.
std::optional<PolicyRecord> country_policy(std::string_view country);

// The defaults in force: the saved ones, else CompanyDefaults{}. Reads only.
CompanyDefaults company_defaults(Db& db);
// The saved defaults, or nullopt when none were ever saved (the command line then keeps its own defaults:
// no terms, USD). Reads only.
std::optional<CompanyDefaults> saved_company_defaults(Db& db);

// The numbers the next invoice and credit note of the saved series would take in `year`
// (next_series_number: one past the last issued, skipping any number already held). Reads only.
struct NextNumbers {
  std::string invoice;      // "INV-2026-0008"
  std::string credit_note;  // "CN-2026-0003"
};
NextNumbers next_numbers(Db& db, int year);

// Saves the company's defaults: every field as given.
struct SetCompanyDefaults {
  CompanyDefaults defaults;                // all of its new values
  std::optional<PolicyRecord> new_policy;  // saved first as a new policy, which becomes defaults.policy_id
};

// Adds a reference rate decided by a central bank after the bundled tables were made.
struct AddReferenceRate {
  std::string table;  // "boe" (Bank of England Bank Rate) or "ecb" (ECB main refinancing rate)
  Date effective;     // the first day the rate applies
  std::string rate;   // percent a year, e.g. "3.75"
};

// Plans SetCompanyDefaults. Trims and normalizes (country and currency upper case, terms and policy in their
// canonical spelling). Problems name the field: "country" not a known ISO code, "currency" not a known ISO
// 4217 code, "terms" (parse_terms), "invoice_series" / "credit_note_series" not 1..12 letters or digits,
// "interest_policy" (parse_interest_policy), "policy_id" no saved policy, "policy..." a new policy as
// SavePolicy checks it (a name already taken by another policy is refused; the same policy saved before is
// used as it is); "nothing changed" when all equal the saved ones. Writes nothing.
Result<Plan> plan_command(Db& db, const SetCompanyDefaults& command);

// Plans AddReferenceRate. The rate applies from its day on: the day must come after the newest change of its
// table (bundled or added), so the rate in force on every earlier day — and every charge computed for it —
// stays as it was. Problems name "table" (not boe or ecb), "rate" (not a decimal within -100..100 with at
// most 6 decimals) or "effective" (not after the newest change). Writes nothing.
Result<Plan> plan_command(Db& db, const AddReferenceRate& command);

// The bundled reference rates with the ones the business added, each table in date order. Reads only.
ReferenceRates ledger_reference_rates(Db& db);

// The projectors of "collections.defaults_set" (undo swaps before and after) and "collections.rate_added" /
// "collections.rate_removed" (each the other's undo).
const std::vector<Projector>& company_defaults_projectors();

}  // namespace duebook

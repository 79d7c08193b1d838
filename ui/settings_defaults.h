// The settings that new records start from: the company's country, the numbering series (with the next
// numbers previewed), default terms and currency, the interest policy, and the reference rates (view the
// tables; add a central bank's new rate). Saved through SetCompanyDefaults and AddReferenceRate.
#pragma once

#include <string>

#include "base/date.h"
#include "collections/company_defaults.h"
#include "commands.h"

namespace duebook::ui {

class Queries;

// The defaults form as typed, plus the add-a-rate form; committed only by their buttons.
struct DefaultsDraft {
  CompanyDefaults values;              // the fields being edited
  int64_t loaded_revision = -1;        // the ledger revision they were loaded at (-1: load on the next draw)
  bool dirty = false;                  // typed into since loading
  std::string country_text;            // the country as typed: an ISO code or an English name
  int policy_kind = 0;                 // 0 contract, 1 UK Late Payment Act, 2 EU Directive
  std::string contract_rate;           // the contract rate in percent a year, as typed
  CommandSink sink;                    // the result of the last save
  int64_t seen = 0;                    // the last result already shown
  std::string message;                 // what the last save did
  NextNumbers next;                    // the next numbers of the saved series (refreshed with the revision)
  std::vector<PolicyRecord> policies;  // the collections policies new customers may start with (likewise)
  std::optional<PolicyRecord> country_policy;  // a country's own policy, saved with the defaults when chosen
  ReferenceRates rates;                        // bundled and added rates (refreshed with the revision)
  int64_t facts_revision = -1;                 // the ledger revision `next` and `rates` were read at
  int rate_table = 0;                          // 0 Bank of England, 1 ECB
  std::string rate_from;                       // the new rate's first day, YYYY-MM-DD
  std::string rate_percent;                    // the new rate in percent a year
  CommandSink rate_sink;                       // the result of the last rate added
  int64_t rate_seen = 0;                       // the last result already shown
  std::string rate_message;                    // what the last add did
};

// The country `text` names: an ISO 3166 alpha-2 code or an English name, case-insensitively; nullopt when
// none.
std::optional<CountryProfile> country_from_text(const std::string& text);

// "Germany: EUR, Net 30, interest under Directive 2011/7/EU": what choosing the country gives.
std::string country_summary(const CountryProfile& country);

// The "Invoicing" section: country, currency, terms, the two numbering series with their next numbers.
void draw_defaults_section(Queries& queries, DefaultsDraft& draft, Commands& commands, const Date& today);

// The "Interest and rates" section: the default interest policy, the rate tables, and the add-a-rate form.
void draw_interest_section(Queries& queries, DefaultsDraft& draft, Commands& commands, const Date& today);

}  // namespace duebook::ui

// The customers list of the workbench: every customer with what it owes, how much of that is overdue and how
// late, and where it stands (active, on hold, with an agency), sorted by any of these and paged.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/date.h"
#include "customers/customers.h"
#include "store/db.h"

namespace duebook {

// Where a customer stands in the list, in the order the Standing sort uses.
enum class AccountStanding { Active, CashOnDelivery, OnHold, WithAgency };
const char* to_string(AccountStanding standing);  // "active", "cash on delivery", "on hold", "with agency"

// One row of the customers list.
struct CustomerAccount {
  int64_t id = 0;                                      // customer id
  std::string name;                                    // its name
  std::string currency;                                // ISO 4217 code of every amount below
  AccountStanding standing = AccountStanding::Active;  // with agency beats on hold beats cash on delivery
  int64_t balance = 0;        // open on issued invoices less unapplied credit (negative: we owe them)
  int64_t overdue = 0;        // open on invoices due before the as-of day
  int64_t days_late = 0;      // as-of day minus the oldest overdue invoice's due date; 0 when none
  std::string oldest_due;     // ISO due date of that invoice; "" when none
  int64_t unapplied = 0;      // payments and credit notes not yet allocated or refunded
  int64_t open_invoices = 0;  // issued invoices with something open
};

// The list's columns a user can sort by.
enum class AccountSort { Name, Balance, Overdue, DaysLate, Standing };

// Which rows the list shows.
struct CustomerAccountQuery {
  std::string search;                    // fragment of the name, case-insensitive; "" = all
  Date as_of;                            // the day "overdue" and "days late" are counted on
  AccountSort sort = AccountSort::Name;  // order; ties by name, then id
  bool descending = false;               // reverse the chosen column (ties stay by name)
  int64_t offset = 0;                    // rows to skip
  int64_t limit = 50;                    // rows to return at most
};

// A page of the customers list: each customer (retracted ones left out) with its balance from the
// customer_balances projection and its overdue amounts from its unpaid invoices due before `as_of` (read
// through the invoices_by_customer index, one range per customer). Sorting by name reads only the rows of the
// page; sorting by an amount reads every matching customer once. Reads only; an empty page past the end.
std::vector<CustomerAccount> list_customer_accounts(Db& db, const CustomerAccountQuery& query);

// How SQLite runs list_customer_accounts for the query: the steps of EXPLAIN QUERY PLAN, for tests.
std::vector<std::string> customer_accounts_plan(Db& db, const CustomerAccountQuery& query);

}  // namespace duebook

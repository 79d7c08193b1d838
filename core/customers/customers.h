// Customers: who owes money, how to reach them, and on what terms they buy.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/locale.h"

namespace duebook {

// Where a customer stands for new business.
enum class CustomerStatus { Active, CreditHold, CashOnDelivery };
const char* to_string(CustomerStatus status);
std::optional<CustomerStatus> customer_status_from(std::string_view text);

// A person to contact at the customer.
struct Contact {
  std::string role;   // "billing" (where invoices and reminders go) or "escalation" (a senior manager)
  std::string name;   // the person's name
  std::string email;  // may be empty
  std::string phone;  // may be empty
};

// What a user enters for a customer; validated by the ledger before anything is stored.
struct CustomerFields {
  std::string name;                                // unique among customers, case-insensitively
  std::string currency = "USD";                    // ISO 4217 code the customer is invoiced in
  std::string address;                             // postal address, lines separated by '\n'
  std::string tax_id;                              // VAT / tax registration number
  std::string terms;                               // default payment terms, e.g. "Net 30", "2/10 Net 30"
  std::optional<int64_t> credit_limit;             // minor units of `currency`; none = no limit
  std::string notes;                               // free text
  CustomerStatus status = CustomerStatus::Active;  // credit hold / cash on delivery
  std::vector<Contact> contacts;                   // billing and escalation contacts
  std::string language = "en";                     // ISO 639-1 code its messages and documents are written in
  std::string country;   // ISO 3166-1 alpha-2 ("FR"); "" = the last line of the address names it, or unknown
  std::string endpoint;  // electronic address for e-invoices, "SCHEME:ID" (BT-49, Peppol EAS); "" = the email
};

// A customer as stored.
struct Customer {
  int64_t id = 0;         // stable local id, kept by rebuild
  CustomerFields fields;  // the current values
};

// The language a customer is written to in (fields.language; English for a code Duebook has no templates
// for).
Language customer_language(const CustomerFields& fields);

}  // namespace duebook

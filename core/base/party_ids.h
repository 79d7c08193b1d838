// How a business party is identified across borders: its country (ISO 3166-1 alpha-2) and its electronic
// address for e-invoices (a Peppol endpoint, "SCHEME:ID").
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace duebook {

// Whether `code` is an officially assigned ISO 3166-1 alpha-2 code ("DE", "GB"; not "de", "UK", "EU").
bool is_iso_country(std::string_view code);

// What is wrong with `endpoint` as an electronic address "SCHEME:ID" (Peppol BIS Billing 3.0, BT-34 / BT-49):
// the scheme is a code of the Electronic Address Scheme list, four digits (an ISO 6523 ICD such as "0088",
// "0192", "9930") or two capital letters ("EM" for an email address), and the identifier is 1..100 characters
// of printable ASCII without spaces (the EN 16931 identifier type). Nothing for a well-formed address.
std::optional<std::string> endpoint_problem(std::string_view endpoint);

}  // namespace duebook

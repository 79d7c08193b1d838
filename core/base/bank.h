// Bank account identifiers printed in payment instructions: the IBAN (ISO 13616) and the BIC (ISO 9362).
#pragma once

#include <string>
#include <string_view>

#include "base/result.h"

namespace duebook {

// The IBAN in its electronic form (spaces removed, letters upper-cased), checked per ISO 13616-1: two
// letters (the country), two check digits, 11..30 letters or digits, and the mod-97 check (the BBAN, then the
// country and check digits, letters as 10..35, ≡ 1 mod 97). Fails (where `where`) saying which rule failed.
Result<std::string> normalize_iban(std::string_view text, const std::string& where);
// The IBAN in groups of four for print ("DE89 3704 0044 0532 0130 00"). Expects the electronic form.
std::string print_iban(const std::string& iban);
// The BIC upper-cased, checked per ISO 9362: 8 or 11 characters, four letters (the institution), two letters
// (the country), two letters or digits (the location), and optionally three letters or digits (the branch).
// Fails (where `where`) naming the rule.
Result<std::string> normalize_bic(std::string_view text, const std::string& where);

// Normalizes a non-empty `iban` and `bic` in place (normalize_iban, normalize_bic; empty ones stay empty);
// the problems name "iban" and "bic". On a problem that field is left as it was.
Problems normalize_bank_account(std::string& iban, std::string& bic);

}  // namespace duebook

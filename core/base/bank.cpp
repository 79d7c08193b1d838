#include "base/bank.h"

#include <cctype>

namespace duebook {

namespace {

bool is_upper(char c) {
  return c >= 'A' && c <= 'Z';
}
bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

std::string compact_upper(std::string_view text) {
  std::string out;
  for (char c : text)
    if (c != ' ') out += char(std::toupper((unsigned char)c));
  return out;
}

}  // namespace

Result<std::string> normalize_iban(std::string_view text, const std::string& where) {
  const std::string iban = compact_upper(text);
  const std::string quoted = "\"" + std::string(text) + "\"";
  if (iban.size() < 15 || iban.size() > 34)
    return Problem{where, quoted + " is not an IBAN: it has " + std::to_string(iban.size()) +
                              " characters, an IBAN has 15 to 34"};
  if (!is_upper(iban[0]) || !is_upper(iban[1]) || !is_digit(iban[2]) || !is_digit(iban[3]))
    return Problem{where, quoted + " is not an IBAN: it must start with a country code and two check digits"};
  int remainder = 0;
  const std::string rearranged = iban.substr(4) + iban.substr(0, 4);
  for (char c : rearranged) {
    if (is_digit(c)) {
      remainder = (remainder * 10 + (c - '0')) % 97;
    } else if (is_upper(c)) {
      const int value = c - 'A' + 10;
      remainder = (remainder * 100 + value) % 97;
    } else {
      return Problem{where, quoted + " is not an IBAN: it may hold only letters and digits"};
    }
  }
  if (remainder != 1)
    return Problem{where, quoted + " is not an IBAN: its check digits do not match (mod 97)"};
  return iban;
}

std::string print_iban(const std::string& iban) {
  std::string out;
  for (size_t i = 0; i < iban.size(); ++i) {
    if (i > 0 && i % 4 == 0) out += ' ';
    out += iban[i];
  }
  return out;
}

Result<std::string> normalize_bic(std::string_view text, const std::string& where) {
  const std::string bic = compact_upper(text);
  const std::string quoted = "\"" + std::string(text) + "\"";
  if (bic.size() != 8 && bic.size() != 11)
    return Problem{where, quoted + " is not a BIC: a BIC has 8 or 11 characters"};
  for (size_t i = 0; i < bic.size(); ++i) {
    const bool ok = i < 6 ? is_upper(bic[i]) : (is_upper(bic[i]) || is_digit(bic[i]));
    if (!ok)
      return Problem{where, quoted +
                                " is not a BIC: it must be 4 letters (bank), 2 letters (country), then " +
                                "letters or digits"};
  }
  return bic;
}

Problems normalize_bank_account(std::string& iban, std::string& bic) {
  Problems problems;
  if (!iban.empty()) {
    if (Result<std::string> checked = normalize_iban(iban, "iban"))
      iban = checked.value();
    else
      problems.push_back(checked.problems()[0]);
  }
  if (!bic.empty()) {
    if (Result<std::string> checked = normalize_bic(bic, "bic"))
      bic = checked.value();
    else
      problems.push_back(checked.problems()[0]);
  }
  return problems;
}

}  // namespace duebook

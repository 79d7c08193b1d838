#include "base/party_ids.h"

namespace duebook {

namespace {

// Every officially assigned ISO 3166-1 alpha-2 code, two letters each, in order (249 codes, from the ISO
// 3166-1 table of Debian's iso-codes 4.15).
constexpr std::string_view kCountries =
    "ADAEAFAGAIALAMAOAQARASATAUAWAXAZBABBBDBEBFBGBHBIBJBLBMBNBOBQBRBSBTBVBWBYBZCACCCDCFCGCHCICKCLCMCNCOCR"
    "CUCVCWCXCYCZDEDJDKDMDODZECEEEGEHERESETFIFJFKFMFOFRGAGBGDGEGFGGGHGIGLGMGNGPGQGRGSGTGUGWGYHKHMHNHRHTHU"
    "IDIEILIMINIOIQIRISITJEJMJOJPKEKGKHKIKMKNKPKRKWKYKZLALBLCLILKLRLSLTLULVLYMAMCMDMEMFMGMHMKMLMMMNMOMPMQ"
    "MRMSMTMUMVMWMXMYMZNANCNENFNGNINLNONPNRNUNZOMPAPEPFPGPHPKPLPMPNPRPSPTPWPYQARERORSRURWSASBSCSDSESGSHSI"
    "SJSKSLSMSNSOSRSSSTSVSXSYSZTCTDTFTGTHTJTKTLTMTNTOTRTTTVTWTZUAUGUMUSUYUZVAVCVEVGVIVNVUWFWSYEYTZAZMZW";

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_upper(char c) {
  return c >= 'A' && c <= 'Z';
}

}  // namespace

bool is_iso_country(std::string_view code) {
  if (code.size() != 2 || !is_upper(code[0]) || !is_upper(code[1])) return false;
  for (size_t i = 0; i + 1 < kCountries.size(); i += 2)
    if (kCountries.substr(i, 2) == code) return true;
  return false;
}

std::optional<std::string> endpoint_problem(std::string_view endpoint) {
  const size_t colon = endpoint.find(':');
  if (colon == std::string_view::npos)
    return "\"" + std::string(endpoint) + "\" is not SCHEME:ID (\"0088:5790000435975\")";
  const std::string_view scheme = endpoint.substr(0, colon), id = endpoint.substr(colon + 1);
  const bool icd = scheme.size() == 4 && is_digit(scheme[0]) && is_digit(scheme[1]) && is_digit(scheme[2]) &&
                   is_digit(scheme[3]);
  const bool letters = scheme.size() == 2 && is_upper(scheme[0]) && is_upper(scheme[1]);
  if (!icd && !letters)
    return "the scheme \"" + std::string(scheme) +
           "\" is not an electronic address scheme: four digits (\"0088\") or two capital letters (\"EM\")";
  if (id.empty()) return "the identifier after \"" + std::string(scheme) + ":\" is empty";
  if (id.size() > 100) return "the identifier is longer than 100 characters";
  for (char c : id)
    if (c <= ' ' || c > '~')
      return "the identifier \"" + std::string(id) +
             "\" holds a space or a character that is not printable ASCII";
  return std::nullopt;
}

}  // namespace duebook

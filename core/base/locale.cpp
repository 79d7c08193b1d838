#include "base/locale.h"

#include <algorithm>
#include <cassert>

#include "base/currencies.h"
#include "base/text.h"

namespace duebook {

namespace {

constexpr const char kNarrowNbsp[] = "\xE2\x80\xAF";  // U+202F NARROW NO-BREAK SPACE (CLDR fr group)
constexpr const char kNbsp[] = "\xC2\xA0";            // U+00A0 NO-BREAK SPACE

// The groups of three of the whole part, from the right, joined by `group`; no grouping when the whole part
// has fewer than 3 + min_grouping digits (CLDR minimumGroupingDigits).
std::string group_digits(const std::string& whole, const Locale& l) {
  if (l.group.empty() || int(whole.size()) < 3 + l.min_grouping) return whole;
  std::string out;
  for (size_t i = 0; i < whole.size(); ++i) {
    if (i > 0 && (whole.size() - i) % 3 == 0) out += l.group;
    out.push_back(whole[i]);
  }
  return out;
}

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

// The group separators a reader of `l` may type: the locale's own, and for a space-grouped locale any space.
std::vector<std::string> typed_groups(const Locale& l) {
  if (l.group.empty()) return {};
  if (l.group == kNarrowNbsp) return {kNarrowNbsp, kNbsp, " "};
  return {l.group};
}

// The length of the separator from `seps` that `text` starts with at `pos`, or 0.
size_t starts_with_any(std::string_view text, size_t pos, const std::vector<std::string>& seps) {
  for (const std::string& s : seps)
    if (!s.empty() && text.substr(pos, s.size()) == s) return s.size();
  return 0;
}

// How the locale writes the separators, for messages: "',' for thousands and '.' for decimals".
std::string separators_named(const Locale& l) {
  const std::string group = l.group.empty()          ? "no thousands separator"
                            : l.group == kNarrowNbsp ? "a space between thousands"
                                                     : "'" + l.group + "' between thousands";
  return l.id + " writes " + group + " and '" + l.decimal + "' before the decimals, as in " +
         format_number(123456789, 2, l);
}

}  // namespace

const std::vector<Locale>& known_locales() {
  // Separators, currency pattern and short date order from CLDR 44 (see tests/core/test_locale.cpp).
  static const std::vector<Locale> list = {
      {"en-US", "English (United States)", ".", ",", 1, CurrencyPlacement::Before, "MM/DD/YYYY", true},
      {"en-GB", "English (United Kingdom)", ".", ",", 1, CurrencyPlacement::Before, "DD/MM/YYYY", true},
      {"de-DE", "Deutsch (Deutschland)", ",", ".", 1, CurrencyPlacement::After, "DD.MM.YYYY"},
      {"fr-FR",
       "Fran\xC3\xA7"
       "ais (France)",
       ",", kNarrowNbsp, 1, CurrencyPlacement::After, "DD/MM/YYYY"},
      {"es-ES",
       "Espa\xC3\xB1ol (Espa\xC3\xB1"
       "a)",
       ",", ".", 2, CurrencyPlacement::After, "DD/MM/YYYY"},
      {"ISO", "International (ISO 8601 dates)", ".", ",", 1, CurrencyPlacement::Before, "YYYY-MM-DD"},
  };
  return list;
}

const Locale* find_locale(std::string_view id) {
  const std::string key = lower_ascii(id);
  for (const Locale& l : known_locales())
    if (lower_ascii(l.id) == key) return &l;
  return nullptr;
}

const Locale& iso_locale() {
  return *find_locale("ISO");
}

const Locale& locale_for_tag(std::string_view tag) {
  std::string t = lower_ascii(trim_view(tag));
  t = t.substr(0, t.find_first_of(".@"));  // "de_DE.UTF-8" -> "de_de"
  for (char& c : t)
    if (c == '_') c = '-';
  if (const Locale* exact = find_locale(t)) return *exact;
  const std::string language = t.substr(0, t.find('-'));
  for (const char* main : {"en-US", "de-DE", "fr-FR", "es-ES"})
    if (language == lower_ascii(std::string_view(main).substr(0, 2))) return *find_locale(main);
  return *find_locale("en-US");
}

std::string format_number(int64_t minor, int digits, const Locale& l) {
  assert(digits >= 0 && digits <= kMaxMinorDigits);
  const std::string plain = format_amount(minor, digits);  // "-1234.56"
  const bool negative = !plain.empty() && plain[0] == '-';
  const std::string body = plain.substr(negative ? 1 : 0);
  const size_t point = body.find('.');
  const std::string whole = group_digits(body.substr(0, point), l);
  const std::string fraction = point == std::string::npos ? "" : l.decimal + body.substr(point + 1);
  return (negative ? "-" : "") + whole + fraction;
}

std::string format_money(const Money& amount, const Locale& l) {
  const Currency* c = builtin_currencies().find(amount.currency.view());
  const std::string number = format_number(amount.minor, c ? c->minor_digits : 2, l);
  const std::string code(amount.currency.view());
  if (code.empty()) return number;
  if (l.placement == CurrencyPlacement::Before) {
    if (l.sign_before_code && amount.minor < 0) return "-" + code + " " + number.substr(1);
    return code + " " + number;
  }
  return number + kNbsp + code;
}

Result<int64_t> parse_number(std::string_view text, int digits, const Locale& l) {
  assert(digits >= 0 && digits <= kMaxMinorDigits);
  const std::string_view t = trim_view(text);
  const std::string shown = quoted(t);
  if (t.empty()) return Problem{"amount", "is empty; type an amount such as " + format_number(123456, 2, l)};
  const std::vector<std::string> groups = typed_groups(l);
  const std::string other_decimal = l.decimal == "," ? "." : ",";
  size_t pos = t[0] == '-' ? 1 : 0;
  std::string whole, fraction;
  int run = 0;           // digits since the last group separator
  bool grouped = false;  // a group separator was seen
  bool in_fraction = false;
  auto bad_groups = [&] {
    return Problem{"amount", shown + " has thousands separators in the wrong places; " + separators_named(l)};
  };
  while (pos < t.size()) {
    const char c = t[pos];
    if (is_digit(c)) {
      (in_fraction ? fraction : whole).push_back(c);
      ++run;
      ++pos;
      if (grouped && !in_fraction && run > 3) return bad_groups();
      continue;
    }
    if (t.substr(pos, l.decimal.size()) == l.decimal && !in_fraction) {
      if (grouped && run != 3) return bad_groups();
      in_fraction = true;
      pos += l.decimal.size();
      continue;
    }
    if (const size_t n = in_fraction ? 0 : starts_with_any(t, pos, groups)) {
      if (whole.empty() || (grouped ? run != 3 : run > 3)) return bad_groups();
      grouped = true;
      run = 0;
      pos += n;
      continue;
    }
    if (std::string(1, c) == other_decimal)
      return Problem{"amount", shown + " is ambiguous: '" + other_decimal +
                                   "' is not the decimal mark here; " + separators_named(l)};
    return Problem{"amount", shown + " is not an amount; " + separators_named(l)};
  }
  if (grouped && !in_fraction && run != 3) return bad_groups();
  if (whole.empty() && fraction.empty()) return Problem{"amount", shown + " has no digits"};
  if (int(fraction.size()) > digits)
    return Problem{"amount", shown + " has " + std::to_string(fraction.size()) +
                                 " decimals; this currency has " + std::to_string(digits) +
                                 " (amounts are never rounded)"};
  // Both parts are plain digits now: the exact conversion and its range check are parse_amount's.
  const std::string plain =
      (t[0] == '-' ? "-" : "") + (whole.empty() ? "0" : whole) + (fraction.empty() ? "" : "." + fraction);
  Result<int64_t> value = parse_amount(plain, digits);
  if (!value) return Problem{"amount", shown + " is too large an amount"};
  return value;
}

std::string format_date(const Date& date, const Locale& l) {
  return format_date(date, l.date_format);
}

namespace {

std::string two_digits(int value) {
  return std::string(1, char('0' + value / 10)) + char('0' + value % 10);
}

}  // namespace

std::string format_day_month(const Date& date, const Locale& l) {
  const std::string dd = two_digits(date.d), mm = two_digits(date.m);
  if (l.date_format == "MM/DD/YYYY") return mm + "/" + dd;
  if (l.date_format == "DD/MM/YYYY") return dd + "/" + mm;
  if (l.date_format == "DD.MM.YYYY") return dd + "." + mm + ".";
  return mm + "-" + dd;
}

std::string format_month(const Date& date, const Locale& l) {
  const std::string mm = two_digits(date.m), yyyy = to_iso(date).substr(0, 4);
  if (l.date_format == "MM/DD/YYYY" || l.date_format == "DD/MM/YYYY") return mm + "/" + yyyy;
  if (l.date_format == "DD.MM.YYYY") return mm + "." + yyyy;
  return yyyy + "-" + mm;
}

Result<Date> parse_date(std::string_view text, const Locale& l) {
  constexpr std::string_view kIso = "YYYY-MM-DD";
  const std::string_view t = trim_view(text);
  const bool iso_shaped = t.size() > 4 && t[4] == '-' &&
                          std::all_of(t.begin(), t.begin() + 4, [](char c) { return c >= '0' && c <= '9'; });
  if (iso_shaped || l.date_format == kIso) return parse_date(t, kIso);
  Result<Date> day = parse_date(t, l.date_format);
  if (day) return day;
  if (t.empty())
    return Problem{"date", "is empty; type a date as " + l.date_format + " or " + std::string(kIso)};
  const std::string& said = day.problems().front().message;
  if (said.find(" is not a date in the form ") == std::string::npos) return day;
  return Problem{"date", said + " (or " + std::string(kIso) + ")"};
}

const std::vector<Language>& known_languages() {
  static const std::vector<Language> list = {Language::English, Language::German, Language::French,
                                             Language::Spanish};
  return list;
}

const char* language_code(Language language) {
  switch (language) {
    case Language::English:
      return "en";
    case Language::German:
      return "de";
    case Language::French:
      return "fr";
    case Language::Spanish:
      return "es";
  }
  return "en";
}

const char* language_name(Language language) {
  switch (language) {
    case Language::English:
      return "English";
    case Language::German:
      return "Deutsch";
    case Language::French:
      return "Fran\xC3\xA7"
             "ais";
    case Language::Spanish:
      return "Espa\xC3\xB1ol";
  }
  return "English";
}

Result<Language> parse_language(std::string_view text) {
  const std::string t = lower_ascii(trim_view(text));
  const std::string code = t.substr(0, t.find_first_of("-_"));
  const char* english_names[] = {"english", "german", "french", "spanish"};
  for (Language l : known_languages()) {
    if (code == language_code(l) || t == lower_ascii(language_name(l)) ||
        t == english_names[static_cast<int>(l)])
      return l;
  }
  // Upper-case accented letters are not lowered by lower_ascii: "FRANÇAIS" falls through to the message.
  return Problem{"language",
                 quoted(trim_view(text)) + " is not a language Duebook writes in; use en, de, fr or es"};
}

const Locale& document_locale(Language language) {
  switch (language) {
    case Language::German:
      return *find_locale("de-DE");
    case Language::French:
      return *find_locale("fr-FR");
    case Language::Spanish:
      return *find_locale("es-ES");
    case Language::English:
      break;
  }
  return iso_locale();
}

std::string document_number(int64_t units, int digits, Language language) {
  if (language == Language::English) return format_amount(units, digits);
  return format_number(units, digits, document_locale(language));
}

}  // namespace duebook

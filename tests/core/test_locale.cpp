// Local formats: separators, currency placement and date order per locale, and exact parsing of what a user
// types in their locale.
#include <doctest/doctest.h>

#include <string>

#include "base/locale.h"

using namespace duebook;

namespace {

Money money(int64_t minor, const char* code) {
  return Money{minor, parse_currency_code(code).value()};
}

const Locale& L(const char* id) {
  const Locale* l = find_locale(id);
  REQUIRE(l != nullptr);
  return *l;
}

const std::string kNnbsp = "\xE2\x80\xAF";  // U+202F
const std::string kNbsp = "\xC2\xA0";       // U+00A0

}  // namespace

TEST_CASE("each locale writes amounts and dates as CLDR says") {
  // Source: Unicode CLDR 44, common/main/{en,en_GB,de,fr,es}.xml — numbers/symbols[latn] (decimal, group),
  // numbers/currencyFormats (¤ before the number in en, "#,##0.00 ¤" with U+00A0 in de/fr/es),
  // minimumGroupingDigits (2 in es: "1234,56" but "12.345,67"), and calendars/gregorian dateFormats short
  // (en "M/d/yy", en_GB "dd/MM/y", de "dd.MM.yy", fr "dd/MM/y", es "d/M/yy", shown here with four-digit years
  // and zero-padded). ISO is ISO 8601 (dates) with the amounts Duebook wrote before locales existed.
  struct Row {
    const char* locale;
    int64_t minor;
    const char* currency;
    std::string number;  // format_number with the currency's digits
    std::string money;   // format_money
    std::string date;    // 2026-12-31
  };
  const Row rows[] = {
      {"en-US", 123456, "EUR", "1,234.56", "EUR 1,234.56", "12/31/2026"},
      {"en-GB", 123456, "GBP", "1,234.56", "GBP 1,234.56", "31/12/2026"},
      {"de-DE", 123456, "EUR", "1.234,56", "1.234,56" + kNbsp + "EUR", "31.12.2026"},
      {"fr-FR", 123456, "EUR", "1" + kNnbsp + "234,56", "1" + kNnbsp + "234,56" + kNbsp + "EUR",
       "31/12/2026"},
      {"es-ES", 123456, "EUR", "1234,56", "1234,56" + kNbsp + "EUR", "31/12/2026"},
      {"es-ES", 1234567, "EUR", "12.345,67", "12.345,67" + kNbsp + "EUR", "31/12/2026"},
      {"ISO", 123456, "EUR", "1,234.56", "EUR 1,234.56", "2026-12-31"},
      {"de-DE", -500, "EUR", "-5,00", "-5,00" + kNbsp + "EUR", "31.12.2026"},
      {"en-US", -500, "USD", "-5.00", "-USD 5.00", "12/31/2026"},
      {"ISO", -500, "USD", "-5.00", "USD -5.00", "2026-12-31"},
      {"de-DE", 120000000, "JPY", "120.000.000", "120.000.000" + kNbsp + "JPY", "31.12.2026"},
      {"fr-FR", 1250, "BHD", "1,250", "1,250" + kNbsp + "BHD", "31/12/2026"},
      {"en-US", 123456789012345, "USD", "1,234,567,890,123.45", "USD 1,234,567,890,123.45", "12/31/2026"},
  };
  for (const Row& r : rows) {
    const std::string shown = std::string(r.locale) + " " + std::to_string(r.minor) + " " + r.currency;
    CAPTURE(shown);
    const Locale& l = L(r.locale);
    const int digits = std::string(r.currency) == "JPY" ? 0 : std::string(r.currency) == "BHD" ? 3 : 2;
    CHECK(format_number(r.minor, digits, l) == r.number);
    CHECK(format_money(money(r.minor, r.currency), l) == r.money);
    CHECK(format_date(Date{2026, 12, 31}, l) == r.date);
    // What a locale writes, it reads back to the same minor units and the same day.
    CHECK(parse_number(r.number, digits, l).value() == r.minor);
    CHECK(parse_date(r.date, l).value() == Date{2026, 12, 31});
  }
}

TEST_CASE("typed amounts are read in the user's locale, exactly, and anything doubtful is refused") {
  struct Ok {
    const char* locale;
    std::string text;
    int64_t minor;  // 2-digit currency
  };
  const Ok accepted[] = {
      {"de-DE", "1.234,5", 123450},
      {"de-DE", "1234,56", 123456},
      {"de-DE", "1.500", 150000},
      {"de-DE", " -0,05 ", -5},
      {"de-DE", ",5", 50},
      {"en-US", "1,234.5", 123450},
      {"en-US", "1.50", 150},
      {"en-GB", "12,345,678.90", 1234567890},
      {"fr-FR", "1 234,56", 123456},
      {"fr-FR", "1" + kNbsp + "234,56", 123456},
      {"fr-FR", "1" + kNnbsp + "234", 123400},
      {"es-ES", "1.234,56", 123456},
      {"ISO", "1234.56", 123456},
  };
  for (const Ok& a : accepted) {
    CAPTURE(a.text);
    CAPTURE(a.locale);
    Result<int64_t> v = parse_number(a.text, 2, L(a.locale));
    REQUIRE(v);
    CHECK(*v == a.minor);
  }
  struct Bad {
    const char* locale;
    std::string text;
    const char* says;  // part of the message
  };
  const Bad refused[] = {
      {"de-DE", "1.5", "wrong places"},        // a German reader means 1.5? or 15? never guessed
      {"de-DE", "1,234.56", "ambiguous"},      // US-style text in a German field
      {"en-US", "1,5", "wrong places"},        // a European decimal comma in a US field
      {"en-US", "1.234,56", "ambiguous"},      // German-style text in a US field
      {"en-US", "1.234", "3 decimals"},        // never rounded
      {"de-DE", "1,234", "3 decimals"},        // never rounded
      {"de-DE", "12.34.567", "wrong places"},  // groups of three only
      {"de-DE", "1234.567", "wrong places"},   // a group after four digits
      {"fr-FR", "1 23,45", "wrong places"},    // a space inside a group
      {"de-DE", "", "is empty"},
      {"de-DE", "-", "no digits"},
      {"de-DE", "12 EUR", "not an amount"},
      {"de-DE", "1,2,3", "not an amount"},
      {"en-US", "99,999,999,999,999,999.99", "too large"},
  };
  for (const Bad& b : refused) {
    CAPTURE(b.text);
    CAPTURE(b.locale);
    Result<int64_t> v = parse_number(b.text, 2, L(b.locale));
    REQUIRE_FALSE(v);
    CHECK(v.problems().front().where == "amount");
    CHECK(v.problems().front().message.find(b.says) != std::string::npos);
  }
  // The message says how the locale writes an amount.
  CHECK(parse_number("1.5", 2, L("de-DE")).problems().front().message.find("1.234.567,89") !=
        std::string::npos);
}

TEST_CASE("typed dates follow the locale's order") {
  CHECK(parse_date("3/1/2026", L("en-US")).value() == Date{2026, 3, 1});
  CHECK(parse_date("3/1/2026", L("en-GB")).value() == Date{2026, 1, 3});
  CHECK(parse_date("1.3.2026", L("de-DE")).value() == Date{2026, 3, 1});
  CHECK_FALSE(parse_date("12/31/2026", L("fr-FR")));  // month 31
  CHECK_FALSE(parse_date("31/12/2026", L("de-DE")));  // wrong separator
}

// ISO 8601 (YYYY-MM-DD) is read in every locale beside the locale's own order: a date pasted from a file or a
// bank statement. No shipped order starts with a four-digit year, so neither form can be read as the other.
// Chart labels: CLDR's numeric day-month skeleton (MMdd: en "MM/dd", en-GB, fr, es "dd/MM", de "dd.MM.") and
// a month as the locale orders a date, ISO 8601's calendar month (YYYY-MM) in ISO.
TEST_CASE("a chart's days and months are written in the locale's order") {
  struct Row {
    const char* locale;
    const char* day_month;
    const char* month;
  };
  const Row rows[] = {
      {"en-US", "03/07", "03/2026"}, {"en-GB", "07/03", "03/2026"}, {"de-DE", "07.03.", "03.2026"},
      {"fr-FR", "07/03", "03/2026"}, {"es-ES", "07/03", "03/2026"}, {"ISO", "03-07", "2026-03"},
  };
  for (const Row& r : rows) {
    CAPTURE(r.locale);
    CHECK(format_day_month(Date{2026, 3, 7}, L(r.locale)) == r.day_month);
    CHECK(format_month(Date{2026, 3, 7}, L(r.locale)) == r.month);
  }
  CHECK(format_day_month(Date{2026, 12, 31}, L("en-US")) == "12/31");
  CHECK(format_month(Date{987, 11, 30}, L("ISO")) == "0987-11");
}

TEST_CASE("typed dates are also read in ISO 8601, whatever the locale") {
  struct Row {
    const char* locale;
    const char* text;
    Date date;
  };
  const Row rows[] = {
      {"en-US", "2026-03-01", {2026, 3, 1}},   {"en-GB", "2026-03-01", {2026, 3, 1}},
      {"de-DE", " 2026-03-01 ", {2026, 3, 1}}, {"fr-FR", "2026-12-31", {2026, 12, 31}},
      {"es-ES", "2024-02-29", {2024, 2, 29}},  {"ISO", "2026-03-01", {2026, 3, 1}},
  };
  for (const Row& r : rows) {
    CAPTURE(r.locale);
    CHECK(parse_date(r.text, L(r.locale)).value() == r.date);
  }
  struct Bad {
    const char* locale;
    const char* text;
    const char* says;
  };
  const Bad bad[] = {
      {"de-DE", "2026-02-30", "not a real date"},                         // ISO-shaped: ISO's own reason
      {"en-US", "2026-13-01", "has month 13"},                            //
      {"de-DE", "31/12/2026", "in the form DD.MM.YYYY (or YYYY-MM-DD)"},  // neither form: both named
      {"en-US", "", "type a date as MM/DD/YYYY or YYYY-MM-DD"},           //
      {"en-GB", "31/02/2026", "not a real date"},                         // the locale's form, its own reason
      {"fr-FR", "2026/03/01", "(or YYYY-MM-DD)"},                         //
  };
  for (const Bad& b : bad) {
    CAPTURE(b.text);
    Result<Date> d = parse_date(b.text, L(b.locale));
    REQUIRE_FALSE(d);
    CHECK(d.problems().front().where == "date");
    CHECK(d.problems().front().message.find(b.says) != std::string::npos);
  }
}

TEST_CASE("the platform's language tag picks a shipped locale") {
  CHECK(locale_for_tag("de-DE").id == "de-DE");
  CHECK(locale_for_tag("de_DE.UTF-8").id == "de-DE");
  CHECK(locale_for_tag("de-AT").id == "de-DE");
  CHECK(locale_for_tag("fr").id == "fr-FR");
  CHECK(locale_for_tag("fr_CA.UTF-8@euro").id == "fr-FR");
  CHECK(locale_for_tag("en-GB").id == "en-GB");
  CHECK(locale_for_tag("en_GB").id == "en-GB");
  CHECK(locale_for_tag("en").id == "en-US");
  CHECK(locale_for_tag("es-MX").id == "es-ES");
  CHECK(locale_for_tag("C").id == "en-US");
  CHECK(locale_for_tag("").id == "en-US");
  CHECK(locale_for_tag("ja-JP").id == "en-US");
  CHECK(find_locale("iso") == &iso_locale());
}

TEST_CASE("languages are read from codes and names, and each writes its documents in its locale") {
  CHECK(parse_language("de").value() == Language::German);
  CHECK(parse_language(" DE ").value() == Language::German);
  CHECK(parse_language("de-AT").value() == Language::German);
  CHECK(parse_language("Deutsch").value() == Language::German);
  CHECK(parse_language("french").value() == Language::French);
  CHECK(parse_language("Fran\xC3\xA7"
                       "ais")
            .value() == Language::French);
  CHECK(parse_language("es").value() == Language::Spanish);
  CHECK(parse_language("EN").value() == Language::English);
  Result<Language> bad = parse_language("it");
  REQUIRE_FALSE(bad);
  CHECK(bad.problems().front().where == "language");
  CHECK(bad.problems().front().message.find("en, de, fr or es") != std::string::npos);
  CHECK(document_locale(Language::German).id == "de-DE");
  CHECK(document_locale(Language::French).id == "fr-FR");
  CHECK(document_locale(Language::Spanish).id == "es-ES");
  CHECK(document_locale(Language::English).id == "ISO");
  for (Language l : known_languages()) CHECK(parse_language(language_code(l)).value() == l);
}

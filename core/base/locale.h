// Local formats: how amounts and dates are written for a reader in one region ("1,234.56" in the United
// States, "1.234,56" in Germany, "1 234,56" in France) and read back exactly from what that reader types.
// Display only: what is stored is always minor units and ISO 8601 dates, whatever the locale.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/date.h"
#include "base/money.h"
#include "base/result.h"

namespace duebook {

// Where the currency code goes beside an amount.
enum class CurrencyPlacement {
  Before,  // "EUR 1,234.56" (CLDR pattern "¤#,##0.00")
  After,   // "1.234,56 EUR" (CLDR pattern "#,##0.00 ¤")
};

// One region's way of writing numbers and dates (values from CLDR, see the test table).
struct Locale {
  std::string id;                 // "en-US", "de-DE", ...; "ISO" for the stored forms
  std::string label;              // what Settings shows: "English (United States)"
  std::string decimal;            // the decimal separator: "." or ","
  std::string group;              // the thousands separator: ",", ".", U+202F (fr), or "" for none
  int min_grouping = 1;           // digits before the first group that make grouping start (es: 2)
  CurrencyPlacement placement;    // currency code before or after the amount
  std::string date_format;        // a parse_date format: "MM/DD/YYYY", "DD/MM/YYYY", "DD.MM.YYYY", ...
  bool sign_before_code = false;  // a negative amount's '-' goes before a leading code ("-EUR 5.00", CLDR en)
};

// The shipped locales in the order Settings lists them: en-US, en-GB, de-DE, fr-FR, es-ES, ISO.
const std::vector<Locale>& known_locales();

// The locale with this id (exact, case-insensitive), or nullptr.
const Locale* find_locale(std::string_view id);

// The ISO locale: "EUR 1,234.56" and "2026-12-31", the forms Duebook wrote before locales existed.
const Locale& iso_locale();

// The best shipped locale for a platform's language tag: a browser's navigator.language ("de-DE", "fr",
// "en-GB") or a POSIX LANG/LC_ALL value ("de_DE.UTF-8", "fr_CA"). An exact region match wins, then the
// language's main region (de -> de-DE, fr -> fr-FR, es -> es-ES, en -> en-US); anything else ("C", "",
// "ja-JP") gives en-US. Never fails.
const Locale& locale_for_tag(std::string_view tag);

// The whole number `minor` / 10^digits written with the locale's separators, no currency:
// (123456, 2, de-DE) -> "1.234,56"; (-5, 2, en-US) -> "-0.05"; (1234, 0, es-ES) -> "1234". Exact, integers
// only. digits must be 0..kMaxMinorDigits (asserts).
std::string format_number(int64_t minor, int digits, const Locale& locale);

// An amount with its currency code, digits from the built-in currency table (2 when unknown):
// en-US "EUR 1,234.56", de-DE "1.234,56 EUR", fr-FR "1 234,56 EUR" (U+202F between groups, U+00A0 before the
// code), es-ES "1234,56 EUR". A negative amount: "-EUR 5.00" in en-US and en-GB (CLDR's "-¤#,##0.00"),
// "EUR -5.00" in ISO (as letters always printed it), "-5,00 EUR" where the code follows.
std::string format_money(const Money& amount, const Locale& locale);

// Reads what a user typed in their locale back to minor units with `digits` decimals, exactly. Accepted:
// surrounding blanks, one leading '-', digits with the locale's group separator in proper groups of three
// (for fr-FR also a plain or no-break space), then optionally the decimal separator and at most `digits`
// digits. Rejected, with a message quoting the text and saying what the locale expects (where "amount"):
// empty text, other characters, the other decimal mark ("1.5" in de-DE, "1,5" in en-US: ambiguous, never
// guessed), misplaced groups ("12.34" in de-DE), separators after the decimal mark, too many decimals (never
// rounded), or a value beyond int64. Nothing is changed.
Result<int64_t> parse_number(std::string_view text, int digits, const Locale& locale);

// The date in the locale's order: en-US "12/31/2026", en-GB/fr-FR/es-ES "31/12/2026", de-DE "31.12.2026",
// ISO "2026-12-31". The date must be valid (asserts).
std::string format_date(const Date& date, const Locale& locale);
// A day without its year, for a chart's week labels: en-US "12/31", en-GB/fr-FR/es-ES "31/12", de-DE "31.12."
// (German writes the day's dot after the month too), ISO "12-31".
std::string format_day_month(const Date& date, const Locale& locale);
// A month, for a chart's month labels: "12/2026" where the locale writes dates with '/', "12.2026" in de-DE,
// "2026-12" in ISO (ISO 8601's calendar month). The day is ignored.
std::string format_month(const Date& date, const Locale& locale);

// Reads a date typed in a form: in the locale's order (parse_date with its format: "31.12.2026" in de-DE), or
// in ISO 8601 ("2026-12-31", which no shipped order can be mistaken for: only it starts with a four-digit
// year and a '-'), so a date pasted from a file reads in every locale. Fails (where "date") as parse_date
// does; a text that is neither form is told both forms.
Result<Date> parse_date(std::string_view text, const Locale& locale);

// ---------------------------------------------------------------------------------------------
// Languages of messages and documents

// A language Duebook's templates are written in; a customer's messages and documents use the customer's.
enum class Language { English, German, French, Spanish };

// Every shipped language, English first.
const std::vector<Language>& known_languages();

// The ISO 639-1 code: "en", "de", "fr", "es".
const char* language_code(Language language);

// The language's own name: "English", "Deutsch", "Français", "Español".
const char* language_name(Language language);

// Reads a language code ("de", " DE ", "de-AT" -> German) or the language's own or English name ("Deutsch",
// "German", "français"). Fails (where "language") naming the shipped codes for anything else.
Result<Language> parse_language(std::string_view text);

// The locale a document in this language is written in: de -> de-DE, fr -> fr-FR, es -> es-ES, and English ->
// ISO, because English letters go to readers on both sides of the Atlantic, for whom "03/04/2026" means two
// different days and "2026-04-03" only one.
const Locale& document_locale(Language language);

// A number (no currency) as a document for a reader of `language` writes it in a table cell or a line of
// text: plain digits in English documents ("1234.50", as they always printed), the language's separators
// otherwise ("1.234,50" in German). Exact, integers only; digits as format_number.
std::string document_number(int64_t units, int digits, Language language);

// Of one table per language, the one for `language`: how every word table (document_words, ...) picks its
// language without a switch of its own.
template <typename Table>
const Table& in_language(Language language, const Table& english, const Table& german, const Table& french,
                         const Table& spanish) {
  switch (language) {
    case Language::German:
      return german;
    case Language::French:
      return french;
    case Language::Spanish:
      return spanish;
    case Language::English:
      break;
  }
  return english;
}

}  // namespace duebook

// Small drawing helpers shared by the windows.
#pragma once

#include <cstdint>
#include <string>

#include "base/date.h"
#include "base/locale.h"

namespace duebook::ui {

// A labelled single-line text field; `test_name` registers it for end-to-end tests. Shows `problem` in red
// below when not empty. Returns true when the text changed.
bool text_field(const char* label, std::string* text, const char* test_name, const std::string& problem = {},
                const char* hint = nullptr, float width = -1.0f);
// A multi-line variant.
bool text_area(const char* label, std::string* text, const char* test_name, float height);
// A problem line in the error colour.
void problem_text(const std::string& message);
// A section heading.
void heading(const char* text);
// An empty list's note: what it will hold and what to do next, wrapped to the width, marked `mark` for tests.
void empty_note(const std::string& text, const char* mark);
// A confirmation line in the success colour.
void confirmation_text(const std::string& message);
// The locale every amount and date on screen is written in (Settings > Formats); en-US until one is set.
const Locale& display_locale();
// Makes `locale` the one display_money, amount_text and display_date use from the next item drawn.
void set_display_locale(const Locale& locale);
// An amount as a person reads it in the display locale: (120000, "EUR") -> "EUR 1,200.00" in en-US,
// "1.200,00 EUR" in de-DE (format_money: the currency's digits, the locale's separators and code placement).
std::string display_money(int64_t minor, const std::string& currency);
// An amount as a form field starts with it, in the display locale ("1.234,50" in de-DE); read_amount reads
// it.
std::string amount_field_text(int64_t minor, int digits);
// Reads an amount typed in a form in the display locale (parse_number: "1.234,5" in de-DE, "1,234.5" in
// en-US), exactly, refusing what the locale would read otherwise.
Result<int64_t> read_amount(const std::string& text, int digits);
// A date in the display locale's order: "12/31/2026" in en-US, "31.12.2026" in de-DE.
std::string display_date(const Date& date);
// A stored ISO date ("2026-12-31") in the display locale's order; any other text (empty, "—") as it is.
std::string display_date(const std::string& iso_text);
// A chart's week label ("12/31" in en-US, "31.12." in de-DE) and month label ("12/2026", "12.2026").
std::string display_day_month(const Date& date);
std::string display_month(const Date& date);
// How the display locale writes a date, for a field's hint: "MM/DD/YYYY", "DD.MM.YYYY", ...
const char* date_form();
// Reads a date typed in a form: in the display locale's order ("31.12.2026" in de-DE) or in ISO 8601
// (parse_date with the locale). The message names the form expected.
Result<Date> read_date(const std::string& text);
// Text drawn flush right in the current table cell (amounts, days, percents), in tabular figures (DejaVu
// Sans' digits all have the same advance, so amounts line up digit under digit).
void right_aligned(const std::string& text, bool disabled = false);
// An amount right-aligned in the rest of the line (a table cell), written by display_money (without the code
// when `with_code` is false: a table whose heading names the currency); a negative one in the theme's
// negative colour.
void amount_text(int64_t minor, const std::string& currency, bool with_code = true);
// A button that asks once: the first click arms it (its label becomes `confirm_label`), the second within the
// same arming does it. `armed` is the caller's flag (kept in the window state). Returns true when confirmed.
bool confirm_button(const char* label, const char* confirm_label, const char* test_name, bool* armed);
// Days past due in a table cell: right-aligned, in the theme's overdue colour when above zero, dimmed at or
// below it ("-3" days: not yet due).
void days_late_cell(int64_t days);
// A warning line in the theme's warning colour.
void warning_text(const std::string& message);

}  // namespace duebook::ui

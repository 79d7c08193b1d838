// In-app help: a "?" on each screen that opens a short explanation of its figures — what DSO and CEI mean and
// how they are computed here, how interest is computed and under which law, what each aging bucket holds,
// what the worklist's steps mean. The texts live here, in one table.
#pragma once

namespace duebook::ui {

// The screens and reports that have an explanation.
enum class HelpTopic {
  Dashboard,
  Today,
  Customers,
  CustomerPage,
  Invoices,
  Payments,
  Reports,
  ReportAging,
  ReportStatement,
  ReportMeasures,
  ReportForecast,
  Collect,
  Charges,
  Policies,
  Templates,
  History,
  Settings,
};
inline constexpr int kHelpTopics = int(HelpTopic::Settings) + 1;

// The topic's stable name, used in test marks ("aging", "measures", ...).
const char* help_name(HelpTopic topic);
// The explanation's title, e.g. "Aging: who owes what, and how late".
const char* help_title(HelpTopic topic);
// The explanation: paragraphs separated by blank lines; lines starting with "- " are bullets.
const char* help_text(HelpTopic topic);

// Draws a small "?" button; a click opens the topic's explanation in a popup (test marks "help.<name>" for
// the button and "help.popup" for the open popup).
void help_button(HelpTopic topic);

// The same "?", as the trailing button of the current tab bar: explains `topic`, the tab in front.
void help_tab_button(HelpTopic topic);

}  // namespace duebook::ui

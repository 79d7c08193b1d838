// The first screen of a new ledger: three ways in — start one's own books, bring them in from a file, or
// explore a demo business — and the banner that marks a demo ledger on every screen.
#pragma once

#include <string>

#include "base/date.h"
#include "commands.h"

namespace duebook::ui {

struct WelcomeState {
  bool dismissed = false;       // a way in was chosen; the workbench shows from now on
  std::string company;          // the business's name
  std::string sender;           // who signs the letters
  std::string email;            // where customers write back
  std::string country;          // the country as typed: an English name or ISO code ("Germany", "GB")
  std::string currency;         // the currency of new customers; follows the country until typed into
  bool currency_typed = false;  // the currency was typed, so a change of country leaves it
  std::string company_problem, country_problem, currency_problem;
  CommandSink sink;          // the company details, once submitted
  bool leave_armed = false;  // "Leave the demo" asked once
};

// What the user chose on the welcome screen this frame.
enum class WelcomeChoice { None, OwnLedger, ImportFile, Demo };

// Draws the welcome screen into the current window. Starting one's own ledger queues the company details and
// the defaults of its country (currency, terms, interest policy: defaults_for_country); the other choices are
// carried out by the caller (the import window, the demo).
WelcomeChoice draw_welcome(WelcomeState& state, Commands& commands);

// Draws the demo banner: what the demo is, and "Leave the demo" (asked twice). True when the user confirmed
// leaving.
bool draw_demo_banner(WelcomeState& state);

}  // namespace duebook::ui

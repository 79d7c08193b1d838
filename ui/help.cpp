#include "help.h"

#include <imgui.h>

#include <string>
#include <string_view>

#include "test_hook.h"
#include "widgets.h"

namespace duebook::ui {
namespace {

// One explanation. The formulas are those of core (reports/metrics.h, reports/aging.h,
// collections/interest.h, collections/collections_policy.h), which cite their sources.
struct HelpEntry {
  const char* name;   // stable, for test marks
  const char* title;  // shown in bold
  const char* text;   // paragraphs separated by blank lines; "- " starts a bullet
};

const HelpEntry kEntries[kHelpTopics] = {
    {"dashboard", "Dashboard: the receivables at a glance",
     "Figures are per currency, as of the day in the bar above (never converted between currencies).\n\n"
     "- Open: what customers owe, after payments, credit notes and write-offs.\n"
     "- Overdue: the part past its due date.\n"
     "- DSO (days sales outstanding) over the last 90 days, simple: open receivables / credit sales of the "
     "90 days x 90: how many days of sales are waiting to be paid. Countback: the same days counted month by "
     "month from the newest (see the Collection measures report); the arrow compares with the 90 days "
     "before.\n"
     "- CEI (collection effectiveness index): how much of what could be collected in the 90 days was "
     "collected, in percent; 100 is perfect.\n"
     "- DSO by month: the simple DSO of each of the last months.\n"
     "- The aging chart: open amounts by days past due; click a bar for its invoices.\n\n"
     "The figures are computed in a background job after each change, so the screen never waits for them."},
    {"today", "Today: whom to remind, call or write to",
     "The worklist of the day: for every customer with overdue invoices, the next step of their collections "
     "policy that has come due, with its message ready.\n\n"
     "- A step is placed a number of days from the due date (-3: a courtesy email three days before; +7: a "
     "phone call a week after). The built-in policy: courtesy email -3, friendly reminder +1, call +7, "
     "second "
     "call +17, letter with the late fee and interest notice +30, letter to a senior manager +45, credit "
     "hold "
     "+60, hand to an agency +90.\n"
     "- Several invoices of one customer make one entry, at the furthest step due.\n"
     "- Invoices are left out while disputed, promised (until the promised day plus 3 days' grace), snoozed, "
     "with an agency, factored, or waiting for the payment deadline a reminder gave (14 days by default) "
     "before a letter escalates.\n\n"
     "Mark a step done with its outcome (reached, voicemail, promised, ...): it is recorded as evidence and "
     "the "
     "next step follows on its day."},
    {"customers", "Customers: balances and standing",
     "- Balance: what the customer owes now, in the customer's currency.\n"
     "- Overdue: the part past its due date.\n"
     "- Days late: amount-weighted average of how late their recent payments were.\n"
     "- Standing: active, on credit hold (new invoices need an override) or cash on delivery.\n\n"
     "New customers start with the currency and payment terms of Settings > Invoicing defaults."},
    {"customer", "A customer's page",
     "The customer's open invoices, payments, promises, disputes and every contact on a timeline, newest "
     "first. The balance is what is open after payments, credit notes and write-offs; unapplied credit "
     "(money received and not yet allocated) is shown beside it, not subtracted."},
    {"invoices", "Invoices: numbers, due dates, what is open",
     "- Issued invoices are numbered SERIES-YEAR-NNNN without gaps; a number is never reused (a voided "
     "invoice keeps its number). The series comes from Settings > Invoicing defaults.\n"
     "- The due date follows from the terms: Net 30 is 30 days after the invoice date; 2/10 Net 30 also "
     "grants 2 % off when paid within 10 days; EOM is the end of the month.\n"
     "- Open: the total less payments, credit notes and write-offs.\n"
     "- Overdue filters use the aging buckets: 1-30 days past due, 31-60, 61-90, 90+."},
    {"payments", "Payments: money received and where it went",
     "A payment is allocated first to the invoices its reference names, then to the oldest due. An early "
     "payment within the terms' discount period earns the discount as a credit note. Money not allocated "
     "stays as unapplied credit until it is allocated or refunded."},
    {"reports", "Reports",
     "Four reports over the receivables, each as of a day: Aging (who owes what, how late), Statement (one "
     "customer's account), Collection measures (DSO, CEI, days late) and Forecast vs backtest. Each has its "
     "own "
     "\"?\" beside its title."},
    {"aging", "Aging: who owes what, and how late",
     "Each invoice's open amount as of the day, placed by days past its due date (or, with the invoice-date "
     "basis, days since the invoice date):\n\n"
     "- Current: not yet due (0 days past due or fewer).\n"
     "- 1-30: 1 to 30 days past due.\n"
     "- 31-60, 61-90: likewise.\n"
     "- 90+: 91 days or more past due: the amounts least likely to be collected.\n\n"
     "One section per currency; unapplied credit is listed beside it, not netted. Click a cell for the "
     "invoices "
     "behind it."},
    {"statement", "Statement: a customer's account",
     "Every invoice, credit note, payment and write-off of the customer in the period, with the running "
     "balance: the opening balance, then each entry, then what is owed at the end and how much of it is "
     "overdue."},
    {"measures", "Collection measures: DSO, CEI, days late",
     "Computed exactly (no rounding until shown), per currency, as the Credit Research Foundation defines "
     "them:\n\n"
     "- DSO, simple: ending receivables / credit sales of the period x days in the period.\n"
     "- DSO, countback: walk back month by month from the end, subtracting each month's credit sales from "
     "the ending receivables and adding its days, until what is left is less than a month's sales, which "
     "adds its share of that month. Unlike the simple DSO it does not move with a change in sales.\n"
     "- Best possible DSO: current (not yet due) receivables / credit sales x days: the DSO if everybody "
     "paid on the due date. Average days delinquent = DSO - best possible DSO.\n"
     "- CEI = (beginning receivables + credit sales / months - ending total) / (beginning receivables + "
     "credit sales / months - ending current) x 100: the share of what could be collected that was.\n"
     "- Days late: per customer, the average days between due date and payment, weighted by amount, with "
     "the change from the period before."},
    {"forecast", "Forecast vs backtest",
     "The next 13 weeks of receipts from the open invoices, by each customer's own history of paying late "
     "when it has 5 outcomes or more (else everybody's): low (80th percentile of lateness), likely (median) "
     "and high (20th), plus installments and promises on their days. The backtest runs the same forecast as "
     "of 13 weeks ago and compares it with what was actually received."},
    {"collect", "Collect: the ways to get paid compared",
     "For the invoices chosen: what each way of collecting costs and when the money would come — remind and "
     "wait, an early-payment discount, interest and compensation, an installment plan, a settlement for "
     "less, a collection agency (its commission) or factoring (advance and fee). Each screen books its "
     "choice; the charges screen explains interest."},
    {"charges", "Charges: late-payment interest and compensation",
     "Interest is simple, daily, actual/365: open amount x annual rate x days / 365, from the day after the "
     "due date to the day chosen, rounded once to the cent. Payments reduce the amount from their day.\n\n"
     "- UK, Late Payment of Commercial Debts (Interest) Act 1998: Bank of England Bank Rate + 8 points, the "
     "rate fixed for the life of the debt (Bank Rate on 31 December for debts late in January-June, on 30 "
     "June for July-December), plus a fixed sum of GBP 40 (under GBP 1,000), 70 (under 10,000) or 100.\n"
     "- EU, Directive 2011/7/EU: the ECB main refinancing rate + 8 points, the rate of each half-year being "
     "the one in force on 1 January or 1 July, plus EUR 40 per invoice.\n"
     "- A contract rate: the rate agreed with the customer, throughout.\n\n"
     "Each run books only what accrued since the last one. The default policy and new central-bank rates "
     "are set in Settings > Interest and rates; a new rate applies from its day on, never to earlier days."},
    {"policies", "Collections policies",
     "A policy is a list of steps, each a number of days from the due date (negative: before it) with an "
     "action (email, call, letter, letter to a senior manager, credit hold, final notice, agency) and its "
     "message template. Customers are chased by the built-in policy unless another is assigned."},
    {"templates", "Message templates",
     "The wording of reminders, call scripts and letters, with {{placeholders}} filled from the invoices and "
     "the company's details. Several invoices are listed as a table. Unknown placeholders are refused."},
    {"history", "History: every change, undoable",
     "Every action is kept as events in a hash-chained log; undo appends the reverse events rather than "
     "deleting anything, so the history of an invoice can always be shown."},
    {"settings", "Settings",
     "- Company: who signs the letters and how customers pay (bank details on invoices and reminders).\n"
     "- Invoicing defaults: the country, the currency and terms new customers start with, and the "
     "numbering series of invoices and credit notes (numbers run without gaps; an issued number is never "
     "reused).\n"
     "- Interest and rates: the default interest policy (contract rate, UK Late Payment Act or EU Directive "
     "2011/7/EU) and the central-bank rate tables; add a new rate when the bank changes it.\n"
     "- Storage and backups: where the ledger is kept and when it was last backed up."},
};

// Draws `text`: blank-line separated paragraphs, "- " bullets.
void draw_text(std::string_view text) {
  while (!text.empty()) {
    const std::size_t end = text.find('\n');
    const std::string_view line = text.substr(0, end);
    if (line.empty())
      ImGui::Spacing();
    else if (line.substr(0, 2) == "- ") {  // BulletText would not wrap
      ImGui::Bullet();
      ImGui::SameLine();
      ImGui::TextWrapped("%.*s", int(line.size() - 2), line.data() + 2);
    } else
      ImGui::TextWrapped("%.*s", int(line.size()), line.data());
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
}

// The popup of `topic`, when open.
void draw_popup(HelpTopic topic) {
  const float width = ImGui::GetFontSize() * 34;
  ImGui::SetNextWindowSizeConstraints(ImVec2(width, 0),
                                      ImVec2(width, ImGui::GetMainViewport()->WorkSize.y * 0.8f));
  if (!ImGui::BeginPopup("help-popup")) return;
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) ImGui::CloseCurrentPopup();  // Esc closes it
  test_mark("help.popup");
  test_mark((std::string("help.popup.") + help_name(topic)).c_str());
  heading(help_title(topic));
  ImGui::PushTextWrapPos(width - ImGui::GetStyle().WindowPadding.x);
  draw_text(help_text(topic));
  ImGui::PopTextWrapPos();
  ImGui::EndPopup();
}

}  // namespace

const char* help_name(HelpTopic topic) {
  return kEntries[int(topic)].name;
}
const char* help_title(HelpTopic topic) {
  return kEntries[int(topic)].title;
}
const char* help_text(HelpTopic topic) {
  return kEntries[int(topic)].text;
}

void help_button(HelpTopic topic) {
  ImGui::PushID("help");
  ImGui::PushID(int(topic));
  if (ImGui::SmallButton("?")) ImGui::OpenPopup("help-popup");
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("What the figures here mean");
  test_mark((std::string("help.") + help_name(topic)).c_str());
  draw_popup(topic);
  ImGui::PopID();
  ImGui::PopID();
}

void help_tab_button(HelpTopic topic) {
  ImGui::PushID("help-tab");
  if (ImGui::TabItemButton(" ? ", ImGuiTabItemFlags_Trailing | ImGuiTabItemFlags_NoTooltip))
    ImGui::OpenPopup("help-popup");
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("What the figures on this screen mean");
  test_mark("help.tab");
  draw_popup(topic);
  ImGui::PopID();
}

}  // namespace duebook::ui

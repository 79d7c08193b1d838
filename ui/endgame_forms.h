// The endgame of a late debt, one form each: an installment plan (the installments shown, summing exactly,
// before saving), a reduced settlement (accept an amount, write off the rest with a reason), an agency
// hand-off (its commission, then the case file exported) and factoring (advance, fee and reserve, with the
// cash today and the total cost shown before saving). Each form checks what it can as it is typed, shows
// every problem beside its field, and writes nothing until its button is confirmed; the core command then
// checks everything again.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "collect_context.h"
#include "collections/settlements.h"
#include "commands.h"
#include "platform.h"

namespace duebook::ui {

class Queries;

struct PlanFormState {
  std::string count = "3";           // installments
  std::string first_due;             // the first one's day ("" = a month from today)
  std::string every = "month";       // "month" or a number of days
  std::vector<Installment> preview;  // the installments that would be saved
  Problems problems;                 // found while typing (where "plan.<field>") or by the ledger
  CommandSink sink;
  bool armed = false;
  std::string saved;  // the last plan saved ("Installment plan for …")
};

struct SettleFormState {
  int invoice = 0;     // index into the chosen invoices
  std::string accept;  // the amount accepted
  std::string reason;  // why; kept with the write-off
  std::optional<ReducedSettlement> preview;
  Problems problems;
  CommandSink sink;
  bool armed = false;
  std::string saved;
};

struct AgencyFormState {
  std::string agency = "Collection agency";  // the agency's name
  std::string commission = "25";             // percent of what it recovers
  std::string recovery = "100";              // percent of the debt expected back, for the preview only
  std::optional<AgencyHandoff> preview;
  Problems problems;
  CommandSink sink;
  bool armed = false;
  std::string saved;
  std::string case_file;  // where the last case file went, or why it could not be written
};

struct FactorFormState {
  std::string factor = "Factor";  // the factor's name
  std::string advance = "80";     // percent paid today
  std::string fee = "3";          // percent of the invoices
  std::string reserve = "20";     // percent held back: must be 100 − advance
  bool flat_fee = false;          // the fee once, not per 30 days
  std::string paid_on;            // when the customer is expected to pay ("" = each invoice's due date)
  std::optional<FactoringQuote> preview;
  Problems problems;
  CommandSink sink;
  bool armed = false;
  std::string saved;
};

// Each draws its form for the chosen invoices of `ctx`.
void draw_plan_form(PlanFormState& state, Commands& commands, const CollectContext& ctx);
void draw_settle_form(SettleFormState& state, Commands& commands, const CollectContext& ctx);
void draw_agency_form(Queries& queries, AgencyFormState& state, Commands& commands, Platform& platform,
                      const CollectContext& ctx);
void draw_factor_form(FactorFormState& state, Commands& commands, const CollectContext& ctx);

}  // namespace duebook::ui

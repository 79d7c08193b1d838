#include "endgame_forms.h"

#include <imgui.h>
#include <misc/cpp/imgui_stdlib.h>

#include "base/currencies.h"
#include "collections/collections_worklist.h"
#include "queries_view.h"
#include "table_headers.h"
#include "test_hook.h"
#include "widgets.h"

namespace duebook::ui {
namespace {

const ImGuiTableFlags kTableFlags =
    ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp;

// The message of the first problem whose field starts with any of `fields` ("" when none).
std::string problem_of(const Problems& problems, std::initializer_list<const char*> fields) {
  for (const Problem& p : problems)
    for (const char* f : fields)
      if (p.where.rfind(f, 0) == 0) return p.message;
  return {};
}

// A labelled field of the form, with its problem under it.
void field(const char* label, const char* test, std::string* text, const std::string& problem,
           const char* hint = "") {
  ImGui::AlignTextToFramePadding();
  ImGui::TextDisabled("%s", label);
  ImGui::SameLine(ImGui::GetFontSize() * 9);
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 14);
  ImGui::InputTextWithHint((std::string("##") + test).c_str(), hint, text);
  test_mark(test);
  if (!problem.empty()) problem_text(problem);
}

// A figure of a preview: its label on the left, the amount right-aligned in a column of its own.
void figure(const char* label, const std::string& value) {
  ImGui::TextDisabled("%s", label);
  ImGui::SameLine(ImGui::GetFontSize() * 9);
  ImGui::TextUnformatted(value.c_str());
}

// After a command finished: its label in *saved (and the sink's problems left to show), true when accepted.
bool took(CommandSink& sink, std::string* saved) {
  if (sink.completed == 0) return false;
  sink.completed = 0;
  if (!sink.outcome) return false;
  *saved = sink.outcome->label;
  sink.outcome.reset();
  return true;
}

// The invoices' currency code (they come from the ledger, so it reads; unset if it ever did not).
CurrencyCode code_of(const std::string& currency) {
  Result<CurrencyCode> code = parse_currency_code(currency);
  return code ? code.value() : CurrencyCode{};
}

std::vector<int64_t> ids_of(const CollectContext& ctx) {
  std::vector<int64_t> ids;
  for (const CollectionInvoice& inv : ctx.invoices) ids.push_back(inv.id);
  return ids;
}

// The outcome line under a form: what was saved, or the ledger's problems.
void outcome(const CommandSink& sink, const std::string& saved) {
  for (const Problem& p : sink.problems)
    problem_text(p.where.empty() ? p.message : p.where + ": " + p.message);
  if (sink.problems.empty() && !saved.empty()) confirmation_text(saved + ": saved.");
}

Result<Decimal> percent(const std::string& text, const char* where, Problems& problems) {
  Result<Decimal> d = parse_decimal(text);
  if (!d) problems.push_back({where, "\"" + text + "\" is not a number"});
  return d;
}

}  // namespace

void draw_plan_form(PlanFormState& s, Commands& commands, const CollectContext& ctx) {
  took(s.sink, &s.saved);
  ImGui::TextUnformatted("Installment plan");
  ImGui::SameLine();
  ImGui::TextDisabled("— %s of %s in equal parts; chasing pauses while they are paid",
                      display_money(ctx.open, ctx.currency).c_str(), ctx.customer.c_str());
  s.problems.clear();
  InstallmentPlanRequest request;
  request.balance = Money{ctx.open, code_of(ctx.currency)};
  Result<int64_t> count = parse_amount(s.count, 0);
  request.count = count ? int(std::clamp<int64_t>(*count, -1, 100000)) : 0;
  Result<Date> first = s.first_due.empty() ? Result<Date>(add_months(ctx.today, 1)) : read_date(s.first_due);
  if (!first) s.problems.push_back({"plan.first_due", first.problems()[0].message});
  if (first && *first < ctx.today)
    s.problems.push_back(
        {"plan.first_due", "the first installment cannot be before " + display_date(ctx.today)});
  request.first_due = first ? *first : ctx.today;
  if (s.every != "month" && s.every != "monthly") {
    request.spacing = InstallmentSpacing::EveryDays;
    Result<int64_t> days = parse_amount(s.every, 0);
    request.every_days = days ? int(std::clamp<int64_t>(*days, -1, 100000)) : -1;
  }
  Result<std::vector<Installment>> plan = plan_installments(request);
  if (!plan) s.problems.insert(s.problems.end(), plan.problems().begin(), plan.problems().end());
  field("Installments", "plan.count", &s.count, problem_of(s.problems, {"plan.count"}));
  field("First due", "plan.first_due", &s.first_due, problem_of(s.problems, {"plan.first_due"}),
        display_date(add_months(ctx.today, 1)).c_str());
  field("Every", "plan.every", &s.every, problem_of(s.problems, {"plan.every_days"}), "month, or days");
  if (!problem_of(s.problems, {"plan.balance"}).empty())
    problem_text("Nothing to spread: choose invoices with something open.");
  s.preview = plan && s.problems.empty() ? plan.value() : std::vector<Installment>{};
  // As wide as its figures need: amounts far from their dates are hard to read.
  if (!s.preview.empty() &&
      ImGui::BeginTable("plan-preview", 4, kTableFlags, ImVec2(ImGui::GetFontSize() * 26, 0))) {
    for (const char* c : {"#", "Due", "Amount", "Running total"}) ImGui::TableSetupColumn(c);
    headers_row({2, 3});
    for (const Installment& i : s.preview) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::Text("%d", i.number);
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(display_date(i.due).c_str());
      ImGui::TableNextColumn();
      right_aligned(display_money(i.amount.minor, ctx.currency));
      ImGui::TableNextColumn();
      right_aligned(display_money(i.cumulative_minor, ctx.currency));
    }
    ImGui::EndTable();
    const int64_t sum = s.preview.back().cumulative_minor;
    (sum == ctx.open ? confirmation_text
                     : problem_text)("The installments add up to " + display_money(sum, ctx.currency) +
                                     (sum == ctx.open ? ", exactly what is owed." : ", not what is owed."));
  }
  if (!s.preview.empty() &&
      confirm_button("Save the plan", "Confirm: save this plan", "plan.save", &s.armed)) {
    AddInstallmentPlan c;
    c.customer_id = ctx.customer_id;
    c.date = ctx.today;
    c.count = request.count;
    c.first_due = request.first_due;
    c.every_days = request.every_days;
    c.invoice_ids = ids_of(ctx);
    commands.submit(c, &s.sink);
  }
  outcome(s.sink, s.saved);
}

void draw_settle_form(SettleFormState& s, Commands& commands, const CollectContext& ctx) {
  took(s.sink, &s.saved);
  ImGui::TextUnformatted("Settle for less");
  ImGui::SameLine();
  ImGui::TextDisabled(
      "— accept an amount in full and final settlement of one invoice; the rest is written off");
  if (ctx.invoices.empty()) return ImGui::TextDisabled("Choose an invoice above.");
  s.invoice = std::clamp(s.invoice, 0, int(ctx.invoices.size()) - 1);
  const CollectionInvoice& inv = ctx.invoices[std::size_t(s.invoice)];
  ImGui::AlignTextToFramePadding();
  ImGui::TextDisabled("Invoice");
  ImGui::SameLine(ImGui::GetFontSize() * 9);
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 14);
  if (ImGui::BeginCombo("##settle-invoice",
                        (inv.number + "  " + display_money(inv.open, inv.currency)).c_str())) {
    for (std::size_t i = 0; i < ctx.invoices.size(); ++i)
      if (ImGui::Selectable(ctx.invoices[i].number.c_str(), int(i) == s.invoice)) s.invoice = int(i);
    ImGui::EndCombo();
  }
  test_mark("settle.invoice");
  s.problems.clear();
  Result<int64_t> accepted = read_amount(s.accept, currency_digits(inv.currency));
  if (!s.accept.empty() && !accepted) s.problems.push_back({"settlement.accepted", "not an amount"});
  field("Accept", "settle.accept", &s.accept, problem_of(s.problems, {"settlement.accepted"}), "amount");
  field("Reason", "settle.reason", &s.reason, problem_of(s.problems, {"settlement.reason"}),
        "why less is accepted");
  const CurrencyCode cur = code_of(inv.currency);
  Result<ReducedSettlement> r =
      reduced_settlement(Money{inv.open, cur}, Money{accepted ? *accepted : 0, cur}, s.reason);
  s.preview.reset();
  if (r)
    s.preview = r.value();
  else if (!s.accept.empty())
    for (const Problem& p : r.problems()) problem_text(p.message);
  if (s.preview) {
    figure("Owed", display_money(inv.open, inv.currency));
    figure("Accepted", display_money(s.preview->accepted.minor, inv.currency));
    figure("Written off", display_money(s.preview->written_off.minor, inv.currency));
    figure("Recovered", to_string(s.preview->recovered_percent) + " %");
    if (confirm_button("Accept the settlement", "Confirm: accept and write off the rest", "settle.save",
                       &s.armed))
      commands.submit(AcceptSettlement{inv.id, ctx.today, s.preview->accepted.minor, s.reason}, &s.sink);
  }
  outcome(s.sink, s.saved);
}

void draw_agency_form(Queries& queries, AgencyFormState& s, Commands& commands, Platform& platform,
                      const CollectContext& ctx) {
  if (took(s.sink, &s.saved) && s.sink.problems.empty()) {
    // The case files of the placements just made (one per customer), one JSON file.
    std::string text;
    int files = 0;
    for (const PlacementRecord& p : list_placements(queries.db())) {
      if (p.customer_id != ctx.customer_id || p.date != ctx.today) continue;
      Result<std::string> file = agency_case_file(queries.db(), p.id, ctx.today);
      if (file) text += (files++ ? ",\n" : "") + file.value();
    }
    if (files > 1) text = "[\n" + text + "\n]";
    Result<std::string> where = files ? platform.save_file("case-file-" + to_iso(ctx.today) + ".json",
                                                           text + "\n", "application/json")
                                      : Result<std::string>(Problem{"", "no placement to export"});
    s.case_file =
        where ? "Case file saved as " + where.value() : "Case file not saved: " + describe(where.problems());
  }
  ImGui::TextUnformatted("Hand to a collection agency");
  ImGui::SameLine();
  ImGui::TextDisabled("— our own chasing, fees and interest stop for these invoices");
  s.problems.clear();
  field("Agency", "agency.name", &s.agency, problem_of(s.problems, {"agency.name"}));
  Result<Decimal> commission = percent(s.commission, "agency.commission_percent", s.problems);
  Result<Decimal> recovery = percent(s.recovery, "agency.expected_recovery_percent", s.problems);
  field("Commission %", "agency.commission", &s.commission, problem_of(s.problems, {"agency.commission"}));
  field("Expected back %", "agency.recovery", &s.recovery, problem_of(s.problems, {"agency.expected"}));
  s.preview.reset();
  if (commission && recovery && ctx.open > 0) {
    Result<AgencyHandoff> h =
        agency_handoff(Money{ctx.open, code_of(ctx.currency)}, AgencyTerms{*commission, *recovery});
    if (h)
      s.preview = h.value();
    else
      for (const Problem& p : h.problems()) problem_text(p.message);
  }
  if (s.preview) {
    figure("Handed over", display_money(s.preview->placed.minor, ctx.currency));
    figure("Expected back", display_money(s.preview->expected_recovered.minor, ctx.currency));
    figure("Commission", display_money(s.preview->commission.minor, ctx.currency));
    figure("We keep", display_money(s.preview->expected_net.minor, ctx.currency));
    if (s.agency.empty()) problem_text("Agency: give its name");
    if (!s.agency.empty() &&
        confirm_button("Hand over and export the case file", "Confirm the hand-off", "agency.save", &s.armed))
      commands.submit(HandToAgency{ids_of(ctx), ctx.today, s.agency, *commission}, &s.sink);
  }
  outcome(s.sink, s.saved);
  if (!s.case_file.empty()) ImGui::TextDisabled("%s", s.case_file.c_str());
}

void draw_factor_form(FactorFormState& s, Commands& commands, const CollectContext& ctx) {
  took(s.sink, &s.saved);
  ImGui::TextUnformatted("Factor the invoices");
  ImGui::SameLine();
  ImGui::TextDisabled(
      "— the factor pays the advance today and the reserve, less its fee, when the customer pays");
  s.problems.clear();
  FactoringTerms terms;
  Result<Decimal> advance = percent(s.advance, "factoring.advance_percent", s.problems);
  Result<Decimal> fee = percent(s.fee, "factoring.fee_percent", s.problems);
  Result<Decimal> reserve = percent(s.reserve, "factoring.reserve_percent", s.problems);
  if (advance && reserve) {
    Rational sum;
    if (!rational_add(rational(*advance), rational(*reserve), &sum) || sum != rational(100))
      s.problems.push_back(
          {"factoring.reserve_percent", "must be 100 − the advance: the factor pays the rest later"});
  }
  Result<Date> paid_on = s.paid_on.empty() ? Result<Date>(Date{}) : read_date(s.paid_on);
  if (!paid_on) s.problems.push_back({"factoring.expected_paid_on", paid_on.problems()[0].message});
  field("Factor", "factor.name", &s.factor, s.factor.empty() ? "Factor: give its name" : "");
  field("Advance %", "factor.advance", &s.advance, problem_of(s.problems, {"factoring.advance"}));
  field("Fee %", "factor.fee", &s.fee, problem_of(s.problems, {"factoring.fee"}));
  field("Reserve %", "factor.reserve", &s.reserve, problem_of(s.problems, {"factoring.reserve"}));
  field("Customer pays on", "factor.paid_on", &s.paid_on, problem_of(s.problems, {"factoring.expected"}),
        "each invoice's due date");
  ImGui::Checkbox("The fee once (not per 30 days)", &s.flat_fee);
  test_mark("factor.flat_fee");
  s.preview.reset();
  if (s.problems.empty() && !ctx.invoices.empty()) {
    terms.advance_percent = *advance;
    terms.fee_percent = *fee;
    terms.fee_basis = s.flat_fee ? FactoringFeeBasis::Flat : FactoringFeeBasis::Per30Days;
    std::vector<FactoringInvoice> lines;
    for (const CollectionInvoice& inv : ctx.invoices) {
      // As FactorInvoices: the due date, or 30 days on when it has passed.
      Date on =
          s.paid_on.empty() ? (inv.due_date > ctx.today ? inv.due_date : add_days(ctx.today, 30)) : *paid_on;
      lines.push_back({inv.number, Money{inv.open, code_of(inv.currency)}, on});
    }
    Result<FactoringQuote> q = quote_factoring(lines, terms, ctx.today);
    if (q)
      s.preview = q.value();
    else
      for (const Problem& p : q.problems()) problem_text(p.message);
  }
  if (s.preview) {
    figure("Invoices sold", display_money(s.preview->amount.minor, ctx.currency));
    figure("Cash today", display_money(s.preview->cash_today.minor, ctx.currency));
    figure("Reserve", display_money(s.preview->reserve.minor, ctx.currency));
    figure("Fee (total cost)", display_money(s.preview->fee.minor, ctx.currency));
    figure("Paid back later", display_money(s.preview->reserve_released.minor, ctx.currency));
    figure("Annual cost", to_string(s.preview->effective_annual_cost_bp) + " bp");
    test_mark("factor.preview");
    if (!s.factor.empty() &&
        confirm_button("Sell the invoices", "Confirm the sale", "factor.save", &s.armed)) {
      FactorInvoices c;
      c.invoice_ids = ids_of(ctx);
      c.date = ctx.today;
      c.factor = s.factor;
      c.advance_percent = *advance;
      c.fee_percent = *fee;
      c.reserve_percent = *reserve;
      c.flat_fee = s.flat_fee;
      if (!s.paid_on.empty()) c.expected_paid_on = *paid_on;
      commands.submit(c, &s.sink);
    }
  }
  outcome(s.sink, s.saved);
}

}  // namespace duebook::ui

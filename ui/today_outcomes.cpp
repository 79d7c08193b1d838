#include "today_outcomes.h"

#include <imgui.h>
#include <misc/cpp/imgui_stdlib.h>

#include "base/currencies.h"
#include "base/money.h"
#include "collections/collections.h"
#include "collections/collections_outcome.h"
#include "dispute_reasons.h"
#include "queries_view.h"
#include "test_hook.h"
#include "widgets.h"

namespace duebook::ui {
namespace {

std::string capitalised(std::string text) {
  if (!text.empty() && text[0] >= 'a' && text[0] <= 'z') text[0] = char(text[0] - 'a' + 'A');
  return text;
}

bool is_call(const WorklistItem& item) {
  return item.entry.step.action == StepAction::PhoneCall;
}

// "Call with Acme Ltd recorded" / "Friendly reminder ... to Acme Ltd recorded".
std::string recorded_text(const PolicyRecord& policy, const WorklistItem& item) {
  const std::string title = step_title(policy.policy, item.entry.step_index);
  return capitalised(title) + (is_call(item) ? " with " : " to ") + item.entry.customer + " recorded";
}

// What comes next once the step is done: the policy's next step on its day.
std::string next_text(const PolicyRecord& policy, const WorklistItem& item) {
  std::optional<NextStep> next = next_step_after(policy.policy, item.entry);
  if (!next) return "; that was the policy's last step";
  return "; next: " + step_title(policy.policy, next->step_index) + " on " + display_date(next->date);
}

RecordStepDone step_done(const TodayWindowState& s, const WorklistItem& item, const Date& as_of,
                         const char* outcome) {
  return RecordStepDone{item.customer_id, item.entry.step_index, as_of, outcome, s.draft.notes, "", {}};
}

void submit(TodayWindowState& s, Commands& commands, Command command, std::string confirmation) {
  s.form_error.clear();
  s.sink.problems.clear();
  s.sink.outcome.reset();
  s.pending = std::move(confirmation);
  s.confirmation.clear();  // the last one no longer describes what is on screen
  commands.submit(std::move(command), &s.sink);
}

// The one-click outcomes: the step is done with this outcome.
void record_simple(Queries& queries, TodayWindowState& s, Commands& commands, const WorklistItem& item,
                   const Date& as_of, const char* outcome) {
  const PolicyRecord policy = queries.policy_of(item.customer_id);
  submit(s, commands, RecordOutcome{step_done(s, item, as_of, outcome), std::nullopt, std::nullopt},
         recorded_text(policy, item) + next_text(policy, item));
}

void record_wrong_contact(TodayWindowState& s, Commands& commands, const WorklistItem& item,
                          const Date& as_of) {
  LogContact log{item.customer_id,        as_of,           to_string(channel_for(item.entry.step.action)),
                 item.entry.contact.name, "wrong_contact", s.draft.notes,
                 item.invoice_ids};
  submit(s, commands, log, "Wrong contact noted for " + item.entry.customer + "; correct the contacts below");
  s.form = TodayForm::Contacts;
}

void submit_promise(Queries& queries, TodayWindowState& s, Commands& commands, const WorklistItem& item,
                    const Date& as_of) {
  Result<Date> pay_by = read_date(s.draft.pay_by);
  if (!pay_by) {
    s.form_error = "Pay by: " + pay_by.problems()[0].message;
    return;
  }
  Result<int64_t> amount =
      read_amount(s.draft.amount, currency_digits(std::string(item.entry.currency.view())));
  if (!amount) {
    s.form_error = "Amount: " + amount.problems()[0].message;
    return;
  }
  const PolicyRecord policy = queries.policy_of(item.customer_id);
  AddPromise promise{item.customer_id, as_of, *pay_by, *amount, item.invoice_ids, s.draft.notes};
  submit(s, commands, RecordOutcome{step_done(s, item, as_of, "promised"), promise, std::nullopt},
         recorded_text(policy, item) + "; chasing pauses until " +
             display_date(add_days(*pay_by, kPromiseGraceDays)) +
             ", and resumes at once if the promise is broken");
}

void submit_dispute(Queries& queries, TodayWindowState& s, Commands& commands, const WorklistItem& item,
                    const Date& as_of) {
  const size_t line = size_t(s.draft.dispute_invoice);
  if (line >= item.invoice_ids.size()) return;
  const PolicyRecord policy = queries.policy_of(item.customer_id);
  OpenDispute dispute{item.invoice_ids[line], as_of, kReasonCodes[s.draft.dispute_reason], s.draft.notes};
  submit(s, commands, RecordOutcome{step_done(s, item, as_of, "disputed"), std::nullopt, dispute},
         recorded_text(policy, item) + "; " + item.entry.lines[line].invoice +
             " is paused until the dispute is resolved");
}

void submit_snooze(TodayWindowState& s, Commands& commands, const WorklistItem& item, const Date& as_of) {
  Result<Date> until = read_date(s.draft.until);
  if (!until) {
    s.form_error = "Until: " + until.problems()[0].message;
    return;
  }
  submit(s, commands, SnoozeCustomer{item.customer_id, as_of, *until},
         item.entry.customer + " snoozed; back on Today on " + display_date(*until));
}

void submit_contacts(Queries& queries, TodayWindowState& s, Commands& commands, const WorklistItem& item) {
  std::optional<Customer> customer = queries.customer(item.customer_id);
  if (!customer) return;
  CustomerFields fields = customer->fields;
  const TodayDraft& d = s.draft;
  fields.contacts.clear();
  if (!d.billing_name.empty() || !d.billing_email.empty() || !d.billing_phone.empty())
    fields.contacts.push_back({"billing", d.billing_name, d.billing_email, d.billing_phone});
  if (!d.escalation_name.empty() || !d.escalation_email.empty() || !d.escalation_phone.empty())
    fields.contacts.push_back({"escalation", d.escalation_name, d.escalation_email, d.escalation_phone});
  submit(s, commands, EditCustomer{item.customer_id, fields},
         "Contacts of " + item.entry.customer + " saved");
}

// The field's problem from the last submit, or the form's own error when it names this field.
std::string problem(const TodayWindowState& s, const char* field, const char* form_prefix) {
  std::string p = s.sink.problem_for(field);
  if (!p.empty() && form_prefix) return std::string(form_prefix) + " " + p;  // "Amount is more than ..."
  if (form_prefix && s.form_error.rfind(form_prefix, 0) == 0) return s.form_error;
  return p;
}

void draw_promise_form(Queries& queries, TodayWindowState& s, Commands& commands, const WorklistItem& item,
                       const Date& as_of) {
  heading("Promise to pay");
  text_field("Pay by (YYYY-MM-DD)", &s.draft.pay_by, "today.promise.date", problem(s, "pay_by", "Pay by"));
  text_field(("Amount (" + std::string(item.entry.currency.view()) + ")").c_str(), &s.draft.amount,
             "today.promise.amount", problem(s, "amount", "Amount"));
  if (ImGui::Button("Record promise")) submit_promise(queries, s, commands, item, as_of);
  test_mark("today.promise.save");
}

void draw_dispute_form(Queries& queries, TodayWindowState& s, Commands& commands, const WorklistItem& item,
                       const Date& as_of) {
  heading("Dispute");
  std::vector<const char*> numbers;
  for (const WorklistLine& l : item.entry.lines) numbers.push_back(l.invoice.c_str());
  ImGui::TextUnformatted("Invoice");
  ImGui::SetNextItemWidth(-1.0f);
  ImGui::Combo("##dispute-invoice", &s.draft.dispute_invoice, numbers.data(), int(numbers.size()));
  test_mark("today.dispute.invoice");
  if (std::string p = problem(s, "invoice_id", nullptr); !p.empty()) problem_text(p);
  ImGui::TextUnformatted("Reason");
  ImGui::SetNextItemWidth(-1.0f);
  ImGui::Combo("##dispute-reason", &s.draft.dispute_reason, kReasonNames, IM_ARRAYSIZE(kReasonNames));
  test_mark("today.dispute.reason");
  if (std::string p = problem(s, "reason", nullptr); !p.empty()) problem_text(p);
  if (ImGui::Button("Record dispute")) submit_dispute(queries, s, commands, item, as_of);
  test_mark("today.dispute.save");
}

void draw_snooze_form(TodayWindowState& s, Commands& commands, const WorklistItem& item, const Date& as_of) {
  heading("Snooze");
  text_field("Until (YYYY-MM-DD)", &s.draft.until, "today.snooze.until", problem(s, "until", "Until"));
  if (ImGui::Button("Snooze")) submit_snooze(s, commands, item, as_of);
  test_mark("today.snooze.save");
}

void draw_contacts_form(Queries& queries, TodayWindowState& s, Commands& commands, const WorklistItem& item) {
  heading("Contacts");
  TodayDraft& d = s.draft;
  text_field("Billing contact", &d.billing_name, "today.contacts.billing_name");
  text_field("Billing email", &d.billing_email, "today.contacts.billing_email");
  text_field("Billing phone", &d.billing_phone, "today.contacts.billing_phone");
  text_field("Escalation contact", &d.escalation_name, "today.contacts.escalation_name");
  text_field("Escalation email", &d.escalation_email, "today.contacts.escalation_email");
  text_field("Escalation phone", &d.escalation_phone, "today.contacts.escalation_phone");
  for (const Problem& p : s.sink.problems)
    if (p.where.rfind("contacts", 0) == 0) problem_text(p.message);
  if (ImGui::Button("Save contacts")) submit_contacts(queries, s, commands, item);
  test_mark("today.contacts.save");
}

}  // namespace

void prepare_outcome_drafts(Queries& queries, TodayWindowState& state, const WorklistItem& item,
                            const Date& as_of) {
  TodayDraft d;
  d.pay_by = d.until = display_date(add_days(as_of, 7));
  d.amount =
      amount_field_text(item.entry.open_minor, currency_digits(std::string(item.entry.currency.view())));
  if (std::optional<Customer> c = queries.customer(item.customer_id))
    for (const Contact& contact : c->fields.contacts) {
      const bool billing = contact.role == "billing";
      (billing ? d.billing_name : d.escalation_name) = contact.name;
      (billing ? d.billing_email : d.escalation_email) = contact.email;
      (billing ? d.billing_phone : d.escalation_phone) = contact.phone;
    }
  state.draft = std::move(d);
  state.form = TodayForm::None;
  state.form_error.clear();
  state.sink.problems.clear();
}

void choose_outcome(Queries& queries, TodayWindowState& state, Commands& commands, const WorklistItem& item,
                    const Date& as_of, int number) {
  state.form_error.clear();
  state.sink.problems.clear();
  switch (number) {
    case 1:
      return record_simple(queries, state, commands, item, as_of, "reached");
    case 2:
      if (is_call(item)) record_simple(queries, state, commands, item, as_of, "voicemail");
      return;
    case 3:
      if (is_call(item)) record_simple(queries, state, commands, item, as_of, "no_answer");
      return;
    case 4:
      state.form = TodayForm::Promise;
      return;
    case 5:
      state.form = TodayForm::Dispute;
      return;
    case 6:
      state.payment_for = item.customer_id;
      return;
    case 7:
      return record_wrong_contact(state, commands, item, as_of);
    case 8:
      state.form = TodayForm::Snooze;
      return;
    default:
      return;
  }
}

void take_outcome_result(TodayWindowState& state) {
  if (state.sink.completed == state.seen_completed) return;
  state.seen_completed = state.sink.completed;
  if (!state.sink.outcome) return;
  state.confirmation = state.pending;
  if (state.form != TodayForm::Contacts || state.pending.rfind("Contacts", 0) == 0)
    state.form = TodayForm::None;
  state.draft.notes.clear();
}

void draw_outcomes(Queries& queries, TodayWindowState& state, Commands& commands, const WorklistItem& item,
                   const Date& as_of) {
  heading("Outcome");
  text_area("Notes (kept with any outcome)", &state.draft.notes, "today.notes",
            ImGui::GetTextLineHeight() * 2.6f);
  const bool call = is_call(item);
  const char* names[kOutcomeCount] = {call ? "Reached" : "Sent", "Left voicemail", "No answer",
                                      "Promised to pay",         "Disputed",       "Paid",
                                      "Wrong contact",           "Snooze"};
  const char* marks[kOutcomeCount] = {"today.outcome.reached",       "today.outcome.voicemail",
                                      "today.outcome.no_answer",     "today.outcome.promised",
                                      "today.outcome.disputed",      "today.outcome.paid",
                                      "today.outcome.wrong_contact", "today.outcome.snooze"};
  for (int i = 0; i < kOutcomeCount; ++i) {
    const std::string label = std::to_string(i + 1) + "  " + names[i];
    const float width = ImGui::CalcTextSize(label.c_str()).x + ImGui::GetStyle().FramePadding.x * 2;
    if (i > 0 && ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x + width <
                     ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x)
      ImGui::SameLine();
    ImGui::BeginDisabled(!call && (i == 1 || i == 2));  // voicemail and no answer are for calls
    if (ImGui::Button(label.c_str())) choose_outcome(queries, state, commands, item, as_of, i + 1);
    ImGui::EndDisabled();
    test_mark(marks[i]);
  }
  if (std::string p = state.sink.problem_for("notes"); !p.empty()) problem_text("Notes: " + p);
  for (const Problem& p : state.sink.problems)
    if (p.where.empty() || p.where == "step" || p.where == "outcome" || p.where == "date")
      problem_text(p.message);
  switch (state.form) {
    case TodayForm::Promise:
      return draw_promise_form(queries, state, commands, item, as_of);
    case TodayForm::Dispute:
      return draw_dispute_form(queries, state, commands, item, as_of);
    case TodayForm::Snooze:
      return draw_snooze_form(state, commands, item, as_of);
    case TodayForm::Contacts:
      return draw_contacts_form(queries, state, commands, item);
    case TodayForm::None:
      return;
  }
}

}  // namespace duebook::ui

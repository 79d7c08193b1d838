#include "customer_page.h"

#include <imgui.h>
#include <misc/cpp/imgui_stdlib.h>

#include <nlohmann/json.hpp>

#include "base/currencies.h"
#include "base/money.h"
#include "collect_window.h"
#include "files/agreement_document.h"
#include "icons.h"
#include "queries_view.h"
#include "table_headers.h"
#include "test_hook.h"
#include "widgets.h"

namespace duebook::ui {
namespace {

const ImGuiTableFlags kTableFlags =
    ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp;

CustomerPageDraft draft_from(const Customer& c) {
  CustomerPageDraft d;
  d.terms = c.fields.terms;
  d.credit_limit = c.fields.credit_limit
                       ? amount_field_text(*c.fields.credit_limit, currency_digits(c.fields.currency))
                       : "";
  for (const Contact& k : c.fields.contacts) {
    const bool billing = k.role == "billing";
    (billing ? d.billing_name : d.escalation_name) = k.name;
    (billing ? d.billing_email : d.escalation_email) = k.email;
    (billing ? d.billing_phone : d.escalation_phone) = k.phone;
  }
  return d;
}

void refresh(Queries& queries, CustomerPageState& s, const Date& today) {
  const std::string day = to_iso(today);
  if (s.cache_revision == queries.revision() && s.cache_day == day) return;
  Db& db = queries.db();
  s.cache_revision = queries.revision();
  s.cache_day = day;
  s.customer = queries.customer(s.customer_id);
  if (!s.customer) return;
  s.balance = customer_balance(db, s.customer_id).value_or(CustomerBalance{});
  InvoiceQuery q;
  q.customer_id = s.customer_id;
  q.status = "unpaid";
  q.sort = InvoiceSort::DueDate;
  q.limit = 200;
  s.open_invoices = list_invoices(db, q);
  s.overdue = 0;
  for (const InvoiceSummary& inv : s.open_invoices)
    if (inv.due_date < day)
      s.overdue += inv.open;
    else if (std::optional<InvoiceDetail> d = find_invoice(db, inv.id); d && d->deposit > 0)
      s.overdue += overdue_on(d->parts, today).amount;  // a deposit is due on receipt (deposits.h)
  s.promises = list_promises(db, today, s.customer_id);
  s.disputes = list_disputes(db, s.customer_id);
  s.last_plan = 0;
  for (const PlanStatus& p : list_installment_plans(db, today, s.customer_id))
    if (p.state != "cancelled") s.last_plan = p.id;
  const std::vector<SettlementRecord> settlements = list_settlements(db, s.customer_id);
  s.last_settlement = settlements.empty() ? 0 : settlements.back().id;
  s.charges.clear();
  for (ChargeRecord& c : list_charges(db))
    if (c.customer_id == s.customer_id) s.charges.push_back(std::move(c));
  s.timeline = customer_timeline(db, s.customer_id, 300);
  if (s.draft_for != s.customer_id) {
    s.draft = draft_from(*s.customer);
    s.draft_for = s.customer_id;
  }
}

// The latest hold or release noted with its reason ("2026-03-01 on hold: 60 days overdue"), if any.
std::string hold_note(const std::string& notes) {
  std::string found;
  std::size_t start = 0;
  while (start <= notes.size()) {
    std::size_t end = notes.find('\n', start);
    if (end == std::string::npos) end = notes.size();
    const std::string line = notes.substr(start, end - start);
    if (line.find(" on hold: ") != std::string::npos || line.find(" released: ") != std::string::npos)
      found = line;
    start = end + 1;
  }
  return found;
}

// Puts the customer on hold or releases it, noting the reason in its notes (one EditCustomer: one undo).
void submit_hold(CustomerPageState& s, Commands& commands, const Date& today) {
  CustomerFields f = s.customer->fields;
  const bool hold = f.status == CustomerStatus::Active;
  if (s.draft.hold_reason.empty()) {
    s.form_error = hold ? "Reason: say why the customer is put on hold" : "Reason: say why it is released";
    return;
  }
  f.status = hold ? CustomerStatus::CreditHold : CustomerStatus::Active;
  f.notes += (f.notes.empty() ? "" : "\n") + to_iso(today) + (hold ? " on hold: " : " released: ") +
             s.draft.hold_reason;
  s.form_error.clear();
  commands.submit(EditCustomer{s.customer_id, f}, &s.sink);
}

// The customer's documents as PDF, dated `today`: the statement (the year to today), the letter of today's
// collections step, the evidence pack of every unpaid invoice.
void draw_pdf_actions(CustomerPageState& s, Navigation& nav, const Date& today) {
  using Kind = DocumentRequest::Kind;
  ImGui::TextDisabled("PDF");
  ImGui::SameLine();
  if (ImGui::SmallButton("Statement"))
    nav.document = DocumentRequest{Kind::Statement, s.customer_id, 1, today};
  test_mark("customer_page.pdf_statement");
  ImGui::SameLine();
  if (ImGui::SmallButton("Letter")) nav.document = DocumentRequest{Kind::Letter, s.customer_id, 1, today};
  test_mark("customer_page.pdf_letter");
  ImGui::SameLine();
  if (ImGui::SmallButton("Evidence pack"))
    nav.document = DocumentRequest{Kind::Evidence, s.customer_id, 1, today};
  test_mark("customer_page.pdf_evidence");
  if (s.last_plan) {
    ImGui::SameLine();
    if (ImGui::SmallButton("Plan confirmation"))
      nav.document = DocumentRequest{Kind::PlanConfirmation, s.last_plan, 1, today};
    test_mark("customer_page.pdf_plan");
  }
  if (s.last_settlement) {
    ImGui::SameLine();
    if (ImGui::SmallButton("Settlement confirmation"))
      nav.document = DocumentRequest{Kind::SettlementConfirmation, s.last_settlement, 1, today};
    test_mark("customer_page.pdf_settlement");
  }
  ImGui::SameLine(0, 24);
  if (ImGui::SmallButton(ICON_DOCUMENT " Statement file to answer")) nav.statement_file_for = s.customer_id;
  test_mark("customer_page.statement_file");
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip(
        "A file for the customer to open in Duebook and answer each open invoice: a day they\n"
        "will pay by, a dispute, or that they have paid. Their reply file opens here.");
  ImGui::SameLine(0, 24);
  if (ImGui::SmallButton(ICON_POLICY " Collections policy")) nav.edit_policy_for = s.customer_id;
  test_mark("customer_page.policy");
}

void draw_header(CustomerPageState& s, Commands& commands, Navigation& nav, const Date& today) {
  const Customer& c = *s.customer;
  const std::string& cur = c.fields.currency;
  ImGui::AlignTextToFramePadding();
  ImGui::Text("%s", c.fields.name.c_str());
  test_mark("customer_page.name");
  ImGui::SameLine();
  ImGui::TextDisabled("%s  |  %s  |  %s", to_string(c.fields.status), cur.c_str(),
                      c.fields.terms.empty() ? "no terms" : c.fields.terms.c_str());
  ImGui::SameLine();
  const float button = ImGui::CalcTextSize("Record payment").x + ImGui::GetStyle().FramePadding.x * 2;
  ImGui::SetCursorPosX(std::max(ImGui::GetCursorPosX(), ImGui::GetWindowContentRegionMax().x - button));
  if (ImGui::Button("Record payment")) nav.pay_customer = s.customer_id;
  test_mark("customer_page.pay");

  ImGui::Text("Balance %s", display_money(s.balance.net_balance, cur).c_str());
  test_mark("customer_page.balance");
  ImGui::SameLine(0, 24);
  ImGui::Text("Overdue %s", display_money(s.overdue, cur).c_str());
  ImGui::SameLine(0, 24);
  ImGui::Text("Open invoices %lld", (long long)s.balance.open_invoices);
  ImGui::SameLine(0, 24);
  ImGui::Text("Unapplied credit %s", display_money(s.balance.unapplied_credit, cur).c_str());
  draw_pdf_actions(s, nav, today);
  draw_collect_buttons(nav, s.customer_id, {}, "customer_page.collect");
  if (c.fields.credit_limit && *c.fields.credit_limit > 0) {
    const int64_t limit = *c.fields.credit_limit, used = std::max<int64_t>(0, s.balance.ar_balance);
    const std::string text = "Credit used " + display_money(used, cur) + " of " + display_money(limit, cur);
    ImGui::ProgressBar(std::min(1.0f, float(double(used) / double(limit))), ImVec2(-1, 0), text.c_str());
  } else {
    ImGui::TextDisabled("No credit limit");
  }
  // Credit hold: the state, the reason noted with it, and the one action that changes it.
  const bool held = c.fields.status != CustomerStatus::Active;
  const std::string note = hold_note(c.fields.notes);
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(held ? "On hold." : "Not on hold.");
  if (!note.empty()) {
    ImGui::SameLine();
    ImGui::TextDisabled("%s", note.c_str());
  }
  ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x * 0.45f);
  ImGui::InputTextWithHint("##hold-reason", held ? "Reason for the release" : "Reason for the hold",
                           &s.draft.hold_reason);
  test_mark("customer_page.hold_reason");
  ImGui::SameLine();
  if (confirm_button(held ? "Release" : "Put on hold", held ? "Confirm release" : "Confirm hold",
                     "customer_page.hold", &s.hold_armed))
    submit_hold(s, commands, today);
  if (!s.form_error.empty()) problem_text(s.form_error);
}

// One contact's three fields on one row.
void contact_row(const char* title, const char* key, std::string* name, std::string* email,
                 std::string* phone, const std::string& problem) {
  ImGui::TextDisabled("%s", title);
  const float w = (ImGui::GetContentRegionAvail().x - 2 * ImGui::GetStyle().ItemSpacing.x) / 3;
  const std::string k = std::string("customer_page.") + key;
  ImGui::SetNextItemWidth(w);
  ImGui::InputTextWithHint(("##" + k + "_name").c_str(), "Name", name);
  test_mark((k + "_name").c_str());
  ImGui::SameLine();
  ImGui::SetNextItemWidth(w);
  ImGui::InputTextWithHint(("##" + k + "_email").c_str(), "Email", email);
  test_mark((k + "_email").c_str());
  ImGui::SameLine();
  ImGui::SetNextItemWidth(w);
  ImGui::InputTextWithHint(("##" + k + "_phone").c_str(), "Phone", phone);
  test_mark((k + "_phone").c_str());
  if (!problem.empty()) problem_text(problem);
}

// Contacts, terms and credit limit, saved together as one EditCustomer.
void draw_contacts(CustomerPageState& s, Commands& commands) {
  heading("Contacts and terms");
  CustomerPageDraft& d = s.draft;
  contact_row("Billing contact", "billing", &d.billing_name, &d.billing_email, &d.billing_phone,
              s.sink.problem_for("contacts[1].email"));
  contact_row("Escalation contact (senior manager)", "escalation", &d.escalation_name, &d.escalation_email,
              &d.escalation_phone, s.sink.problem_for("contacts[2].email"));
  ImGui::TextDisabled("Payment terms, and credit limit in %s", s.customer->fields.currency.c_str());
  const float half = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) / 2;
  ImGui::SetNextItemWidth(half);
  ImGui::InputTextWithHint("##terms", "Payment terms", &d.terms);
  test_mark("customer_page.terms");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(half);
  ImGui::InputTextWithHint("##credit-limit", "Credit limit (none)", &d.credit_limit);
  test_mark("customer_page.credit_limit");
  for (const char* field : {"terms", "credit_limit"})
    if (std::string p = s.sink.problem_for(field); !p.empty()) problem_text(p);
  if (ImGui::Button("Save contacts and terms")) {
    CustomerFields f = s.customer->fields;
    f.terms = d.terms;
    f.credit_limit.reset();
    s.form_error.clear();
    if (!d.credit_limit.empty()) {
      Result<int64_t> limit = read_amount(d.credit_limit, currency_digits(f.currency));
      if (!limit)
        s.form_error = "Credit limit: " + describe(limit.problems());
      else
        f.credit_limit = limit.value();
    }
    f.contacts.clear();
    if (!d.billing_name.empty() || !d.billing_email.empty() || !d.billing_phone.empty())
      f.contacts.push_back({"billing", d.billing_name, d.billing_email, d.billing_phone});
    if (!d.escalation_name.empty() || !d.escalation_email.empty() || !d.escalation_phone.empty())
      f.contacts.push_back({"escalation", d.escalation_name, d.escalation_email, d.escalation_phone});
    if (s.form_error.empty()) commands.submit(EditCustomer{s.customer_id, f}, &s.sink);
  }
  test_mark("customer_page.save");
  for (const Problem& p : s.sink.problems)
    if (p.where.empty() || p.where == "id" || p.where == "name") problem_text(p.message);
  if (s.sink.outcome && s.sink.problems.empty()) confirmation_text(s.sink.outcome->label + ": done.");
}

void draw_open_invoices(CustomerPageState& s, Navigation& nav, const Date& today) {
  heading("Open invoices");
  table_keys(s.invoice_keys, int(s.open_invoices.size()));
  if (s.open_invoices.empty())
    ImGui::TextDisabled("Nothing open.");
  else if (ImGui::BeginTable("page-invoices", 4, kTableFlags)) {
    ImGui::TableSetupColumn("Number");
    ImGui::TableSetupColumn("Due");
    ImGui::TableSetupColumn("Days late");
    ImGui::TableSetupColumn("Open");
    headers_row({2, 3});
    for (std::size_t k = 0; k < s.open_invoices.size(); ++k) {
      const InvoiceSummary& inv = s.open_invoices[k];
      ImGui::TableNextRow();
      if (cursor_row(s.invoice_keys, int(k)) == RowKey::Open) nav.open_invoice = inv.id;
      ImGui::TableNextColumn();
      ImGui::PushID(int(inv.id));
      if (ImGui::SmallButton(inv.number.c_str())) nav.open_invoice = inv.id;
      test_mark(("customer_page.invoice." + inv.number).c_str());
      ImGui::PopID();
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(display_date(inv.due_date).c_str());
      ImGui::TableNextColumn();
      Result<Date> due = parse_date(inv.due_date);
      const int64_t late = due ? days_between(due.value(), today) : 0;
      if (late > 0)
        days_late_cell(late);
      else
        ImGui::TextDisabled("not due");
      ImGui::TableNextColumn();
      amount_text(inv.open, inv.currency);
    }
    ImGui::EndTable();
  }
}

void draw_promises_disputes(CustomerPageState& s) {
  const std::string& cur = s.customer->fields.currency;
  heading("Promises to pay");
  if (s.promises.empty()) ImGui::TextDisabled("None.");
  for (auto p = s.promises.rbegin(); p != s.promises.rend(); ++p)
    ImGui::BulletText("%s by %s (made %s): %s, paid %s", display_money(p->amount, cur).c_str(),
                      display_date(p->pay_by).c_str(), display_date(p->made_on).c_str(), p->state.c_str(),
                      display_money(p->paid, cur).c_str());
  heading("Disputes");
  if (s.disputes.empty()) ImGui::TextDisabled("None.");
  for (const DisputeRecord& d : s.disputes)
    ImGui::BulletText("%s: %s since %s, %s%s%s", d.invoice.c_str(), d.reason.c_str(),
                      display_date(d.opened_on).c_str(), d.status.c_str(), d.resolution.empty() ? "" : " ",
                      d.resolution.c_str());
}

void draw_charges(const CustomerPageState& s) {
  heading("Charges");
  if (s.charges.empty()) ImGui::TextDisabled("None.");
  for (auto c = s.charges.rbegin(); c != s.charges.rend(); ++c)
    ImGui::BulletText("%s %s on %s: %s%s%s (%s)", display_date(c->date).c_str(), c->kind.c_str(),
                      c->invoice.c_str(), display_money(c->amount, c->currency).c_str(),
                      c->charge_invoice.empty() ? "" : ", billed on ", c->charge_invoice.c_str(),
                      c->status.c_str());
}

void draw_timeline(CustomerPageState& s) {
  ImGui::TextDisabled("Timeline, newest first");
  ImGui::Separator();
  ImGuiTableFlags flags = kTableFlags | ImGuiTableFlags_ScrollY;
  if (!ImGui::BeginTable("timeline", 5, flags)) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn("Date", ImGuiTableColumnFlags_WidthFixed, ImGui::CalcTextSize("2026-00-00").x);
  ImGui::TableSetupColumn("Kind", ImGuiTableColumnFlags_WidthFixed, ImGui::CalcTextSize("credit note").x);
  ImGui::TableSetupColumn("What", ImGuiTableColumnFlags_WidthStretch);
  ImGui::TableSetupColumn("By", ImGuiTableColumnFlags_WidthFixed, ImGui::CalcTextSize("browser").x);
  ImGui::TableSetupColumn("Event", ImGuiTableColumnFlags_WidthFixed, ImGui::CalcTextSize("0000000000").x);
  ImGui::TableHeadersRow();
  for (std::size_t i = 0; i < s.timeline.size(); ++i) {
    const TimelineEntry& e = s.timeline[i];
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(display_date(e.date).c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(e.kind.c_str());
    ImGui::TableNextColumn();
    ImGui::TextWrapped("%s", e.what.c_str());
    test_mark(("customer_page.timeline." + std::to_string(i)).c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(e.actor.c_str());
    ImGui::TableNextColumn();
    ImGui::TextDisabled("%.10s", e.hash_prefix.c_str());
  }
  ImGui::EndTable();
}

}  // namespace

void draw_customer_page(Queries& queries, CustomerPageState& s, Commands& commands, Navigation& nav,
                        const Date& today) {
  refresh(queries, s, today);
  if (!s.customer) {
    ImGui::TextDisabled("This customer is no longer in the ledger.");
    return;
  }
  if (s.sink.completed != s.seen_completed) {  // a save, hold or release finished since the last frame
    s.seen_completed = s.sink.completed;
    if (s.sink.outcome) {
      s.draft.hold_reason.clear();
      s.draft_for = 0;  // reload the draft from what was stored
      s.cache_revision = -1;
    }
  }
  draw_header(s, commands, nav, today);
  ImGui::Separator();
  const float left = ImGui::GetContentRegionAvail().x * 0.5f;
  ImGui::BeginChild("page-left", ImVec2(left, 0));
  draw_contacts(s, commands);
  draw_open_invoices(s, nav, today);
  heading("Unapplied credit");
  draw_credit_list(queries, s.credit_list, commands, today, s.customer_id, "customer_page.credit");
  draw_promises_disputes(s);
  draw_charges(s);
  ImGui::EndChild();
  ImGui::SameLine();
  ImGui::BeginChild("page-right", ImVec2(0, 0));
  draw_timeline(s);
  ImGui::EndChild();
}

std::string customer_page_facts(const CustomerPageState& s) {
  if (!s.customer) return nlohmann::json{{"id", 0}}.dump();
  nlohmann::json timeline = nlohmann::json::array();
  for (const TimelineEntry& e : s.timeline)
    timeline.push_back({{"kind", e.kind}, {"what", e.what}, {"date", e.date}, {"hash", e.hash_prefix}});
  nlohmann::json credits = nlohmann::json::array(), charges = nlohmann::json::array();
  for (const ChargeRecord& c : s.charges)
    charges.push_back({{"kind", c.kind},
                       {"invoice", c.invoice},
                       {"charge_invoice", c.charge_invoice},
                       {"amount", c.amount},
                       {"status", c.status}});
  for (const UnappliedCredit& c : s.credit_list.credits)
    credits.push_back({{"source", credit_key(c)}, {"number", c.number}, {"unapplied", c.unapplied}});
  nlohmann::json open = nlohmann::json::array();
  for (const InvoiceSummary& inv : s.open_invoices) open.push_back({{"id", inv.id}, {"number", inv.number}});
  return nlohmann::json{{"id", s.customer_id},
                        {"open_invoices", open},
                        {"invoice_cursor", s.invoice_keys.row},
                        {"name", s.customer->fields.name},
                        {"balance", s.balance.net_balance},
                        {"ar_balance", s.balance.ar_balance},
                        {"unapplied", s.balance.unapplied_credit},
                        {"credits", credits},
                        {"charges", charges},
                        {"overdue", s.overdue},
                        {"timeline", timeline}}
      .dump();
}

}  // namespace duebook::ui

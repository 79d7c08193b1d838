#include "invoice_window.h"

#include <imgui.h>
#include <misc/cpp/imgui_stdlib.h>

#include "base/currencies.h"
#include "base/money.h"
#include "collect_window.h"
#include "queries_view.h"
#include "table_headers.h"
#include "test_hook.h"
#include "widgets.h"

namespace duebook::ui {
namespace {

const char* kDisputeReasons[] = {"pricing", "not_delivered", "quality", "not_received", "other"};
const ImGuiTableFlags kTableFlags =
    ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp;

void refresh(Queries& queries, InvoiceWindowState& s) {
  if (s.cache_revision == queries.revision() && s.cache_id == s.invoice_id) return;
  s.cache_revision = queries.revision();
  s.cache_id = s.invoice_id;
  s.detail = find_invoice(queries.db(), s.invoice_id);
  const CompanyDefaults defaults = queries.defaults();
  s.credit_series = defaults.credit_note_series;
  s.invoice_series = defaults.invoice_series;
  s.contacts.clear();
  s.dispute.reset();
  if (!s.detail) return;
  const std::string& number = s.detail->summary.number;
  for (const ContactRecord& c : contact_log(queries.db(), s.detail->summary.customer_id))
    if (!number.empty() && c.invoices.find(number) != std::string::npos) s.contacts.push_back(c);
  s.dispute = open_dispute(queries.db(), s.invoice_id);
}

void draw_header(InvoiceWindowState& s, Navigation& nav) {
  const InvoiceDetail& d = *s.detail;
  const InvoiceSummary& h = d.summary;
  ImGui::AlignTextToFramePadding();
  ImGui::Text("%s", h.number.empty() ? ("Draft #" + std::to_string(h.id)).c_str() : h.number.c_str());
  test_mark("invoice_window.number");
  ImGui::SameLine();
  ImGui::TextDisabled("%s", to_string(h.status));
  test_mark("invoice_window.status");
  ImGui::SameLine();
  if (ImGui::SmallButton(h.customer_name.c_str())) nav.open_customer = h.customer_id;
  test_mark("invoice_window.customer");
  ImGui::Text("Issued %s   Due %s   Terms %s", display_date(h.issue_date).c_str(),
              display_date(h.due_date).c_str(), d.terms.empty() ? "-" : d.terms.c_str());
  if (!d.memo.empty()) ImGui::TextWrapped("Memo: %s", d.memo.c_str());
  if (!d.voided_on.empty()) ImGui::Text("Voided on %s: %s", d.voided_on.c_str(), d.void_reason.c_str());
  if (s.dispute)
    ImGui::Text("Disputed since %s (%s): %s", display_date(s.dispute->opened_on).c_str(),
                s.dispute->reason.c_str(), s.dispute->notes.c_str());
}

// The invoice as PDF, a duplicate to send again, or a reminder (level 1..3) dated `today`.
void draw_pdf_actions(InvoiceWindowState& s, Navigation& nav, const Date& today) {
  const InvoiceSummary& h = s.detail->summary;
  if (h.number.empty()) return;
  using Kind = DocumentRequest::Kind;
  ImGui::TextDisabled("PDF");
  ImGui::SameLine();
  if (ImGui::SmallButton("Invoice")) nav.document = DocumentRequest{Kind::Invoice, h.id, 1, today};
  test_mark("invoice_window.pdf");
  ImGui::SameLine();
  if (ImGui::SmallButton("Duplicate")) nav.document = DocumentRequest{Kind::Duplicate, h.id, 1, today};
  test_mark("invoice_window.pdf_duplicate");
  if (h.status != InvoiceStatus::Open && h.status != InvoiceStatus::Partial) return;
  ImGui::SameLine();
  ImGui::SetNextItemWidth(ImGui::CalcTextSize("Final  ").x + ImGui::GetFrameHeight() * 2);
  static const char* const levels[] = {"First", "Second", "Final"};
  ImGui::Combo("##reminder-level", &s.reminder_level, levels, 3);
  ImGui::SameLine();
  if (ImGui::SmallButton("Reminder"))
    nav.document = DocumentRequest{Kind::Reminder, h.id, s.reminder_level + 1, today};
  test_mark("invoice_window.pdf_reminder");
  draw_collect_buttons(nav, h.customer_id, {h.id}, "invoice_window.collect");
}

void draw_lines_totals(const InvoiceDetail& d) {
  const std::string& cur = d.summary.currency;
  heading("Lines");
  if (ImGui::BeginTable("invoice-window-lines", 5, kTableFlags)) {
    ImGui::TableSetupColumn("Description", 0, 4.0f);
    ImGui::TableSetupColumn("Quantity", 0, 1.0f);
    ImGui::TableSetupColumn("Unit price", 0, 1.6f);
    ImGui::TableSetupColumn("Tax %", 0, 1.0f);
    ImGui::TableSetupColumn("Net", 0, 1.6f);
    headers_row({1, 2, 3, 4});
    for (const InvoiceLineView& l : d.lines) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(l.line.description.c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(to_string(l.line.quantity).c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(display_money(l.line.unit_price, cur).c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(to_string(l.line.tax_rate).c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(display_money(l.net, cur).c_str());
    }
    ImGui::EndTable();
  }
  const InvoiceAmounts& a = d.amounts;
  ImGui::Text("Net %s   Tax %s   Total %s", display_money(a.net, cur).c_str(),
              display_money(a.tax, cur).c_str(), display_money(a.total, cur).c_str());
  ImGui::Text("Paid %s   Credited %s   Written off %s   Open %s", display_money(a.allocated, cur).c_str(),
              display_money(a.credited, cur).c_str(), display_money(a.written_off, cur).c_str(),
              display_money(a.open, cur).c_str());
  test_mark("invoice_window.totals");
}

void draw_applied_contacts(InvoiceWindowState& s) {
  const InvoiceDetail& d = *s.detail;
  heading("Applied to it");
  if (d.applied.empty()) ImGui::TextDisabled("Nothing yet.");
  for (const AppliedCredit& c : d.applied)
    ImGui::BulletText("%s  %s  %s", display_date(c.date).c_str(),
                      display_money(c.amount, d.summary.currency).c_str(), c.label.c_str());
  heading("Reminders and contacts");
  if (s.contacts.empty()) ImGui::TextDisabled("None about this invoice.");
  for (const ContactRecord& c : s.contacts)
    ImGui::BulletText("%s  %s%s  %s%s%s", display_date(c.date).c_str(), c.channel.c_str(),
                      c.step_done_id ? " (reminder step)" : "", c.outcome.c_str(),
                      c.notes.empty() ? "" : ": ", c.notes.c_str());
}

// Reads an optional amount typed in the form; false (with the form's error set) when it is not one.
bool read_amount(InvoiceActionForm& f, const std::string& currency, std::optional<int64_t>* out) {
  out->reset();
  if (f.amount.empty()) return true;
  Result<int64_t> a = ui::read_amount(f.amount, currency_digits(currency));
  if (!a) {
    f.form_error = "Amount: " + describe(a.problems());
    return false;
  }
  *out = a.value();
  return true;
}

// The problems of one action's last command and its form error, beside its fields.
void form_problems(const InvoiceActionForm& f) {
  if (!f.form_error.empty()) problem_text(f.form_error);
  for (const Problem& p : f.sink.problems) problem_text(p.message);
}

void draw_void_and_write_off(InvoiceWindowState& s, Commands& commands, const Date& today) {
  const InvoiceSummary& h = s.detail->summary;
  InvoiceActionForm& v = s.void_form;
  ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x * 0.5f);
  ImGui::InputTextWithHint("##void-reason", "Why it is voided", &v.reason);
  test_mark("invoice_window.void_reason");
  ImGui::SameLine();
  if (confirm_button("Void", "Confirm void", "invoice_window.void", &v.armed)) {
    v.form_error.clear();
    commands.submit(VoidInvoice{h.id, today, v.reason}, &v.sink);
  }
  form_problems(v);

  InvoiceActionForm& w = s.write_off_form;
  ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x * 0.2f);
  ImGui::InputTextWithHint("##write-off-amount", "all open", &w.amount);
  test_mark("invoice_window.write_off_amount");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x * 0.55f);
  ImGui::InputTextWithHint("##write-off-reason", "Why it cannot be collected", &w.reason);
  test_mark("invoice_window.write_off_reason");
  ImGui::SameLine();
  if (confirm_button("Write off", "Confirm write-off", "invoice_window.write_off", &w.armed)) {
    w.form_error.clear();
    std::optional<int64_t> amount;
    if (read_amount(w, h.currency, &amount))
      commands.submit(WriteOffInvoice{h.id, amount, today, w.reason}, &w.sink);
  }
  form_problems(w);
}

void draw_credit_and_dispute(InvoiceWindowState& s, Commands& commands, const Date& today) {
  const InvoiceSummary& h = s.detail->summary;
  InvoiceActionForm& c = s.credit_form;
  ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x * 0.2f);
  ImGui::InputTextWithHint("##credit-amount", "full open", &c.amount);
  test_mark("invoice_window.credit_amount");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x * 0.55f);
  ImGui::InputTextWithHint("##credit-reason", "Why credit is granted", &c.reason);
  test_mark("invoice_window.credit_reason");
  ImGui::SameLine();
  if (confirm_button("Credit note", "Confirm credit note", "invoice_window.credit", &c.armed)) {
    c.form_error.clear();
    std::optional<int64_t> amount;
    if (read_amount(c, h.currency, &amount))
      commands.submit(
          AddCreditNote{h.customer_id, h.id, today, amount.value_or(h.open), c.reason, s.credit_series},
          &c.sink);
  }
  form_problems(c);

  InvoiceActionForm& p = s.dispute_form;
  ImGui::SetNextItemWidth(ImGui::CalcTextSize("not_delivered").x + ImGui::GetFrameHeight() * 2);
  ImGui::Combo("##dispute-reason", &p.choice, kDisputeReasons, IM_ARRAYSIZE(kDisputeReasons));
  test_mark("invoice_window.dispute_reason");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x * 0.6f);
  ImGui::InputTextWithHint("##dispute-notes", "The customer's words", &p.reason);
  test_mark("invoice_window.dispute_notes");
  ImGui::SameLine();
  if (ImGui::Button("Dispute"))
    commands.submit(OpenDispute{h.id, today, kDisputeReasons[p.choice], p.reason}, &p.sink);
  test_mark("invoice_window.dispute");
  form_problems(p);
}

// A new draft with the invoice's customer, terms, memo and lines, dated today.
void draw_duplicate(InvoiceWindowState& s, Commands& commands, const Date& today) {
  const InvoiceDetail& d = *s.detail;
  InvoiceActionForm& u = s.duplicate_form;
  if (ImGui::Button("Duplicate as a new draft")) {
    InvoiceFields f;
    f.customer_id = d.summary.customer_id;
    f.series = s.invoice_series;
    f.issue_date = today;
    f.terms = d.terms;
    f.memo = d.memo;
    for (const InvoiceLineView& l : d.lines) f.lines.push_back(l.line);
    commands.submit(AddInvoice{f, false, ""}, &u.sink);
  }
  test_mark("invoice_window.duplicate");
  form_problems(u);
}

// A short confirmation for the action that finished since the last frame; a finished action clears its form.
void take_results(InvoiceWindowState& s) {
  for (InvoiceActionForm* f :
       {&s.void_form, &s.credit_form, &s.write_off_form, &s.dispute_form, &s.duplicate_form}) {
    if (f->sink.completed == f->seen_completed) continue;
    f->seen_completed = f->sink.completed;
    if (!f->sink.outcome) continue;
    s.confirmation = f->sink.outcome->label + ": done. Undo from the Edit menu.";
    f->amount.clear();
    f->reason.clear();
  }
}

}  // namespace

void draw_invoice_window(Queries& queries, InvoiceWindowState& s, Commands& commands, Navigation& nav,
                         const Date& today) {
  refresh(queries, s);
  if (!s.detail) {
    ImGui::TextDisabled("No such invoice.");
    return;
  }
  take_results(s);
  draw_header(s, nav);
  draw_pdf_actions(s, nav, today);
  ImGui::Separator();
  const float left = ImGui::GetContentRegionAvail().x * 0.55f;
  ImGui::BeginChild("invoice-window-left", ImVec2(left, 0));
  draw_lines_totals(*s.detail);
  draw_applied_contacts(s);
  ImGui::EndChild();
  ImGui::SameLine();
  ImGui::BeginChild("invoice-window-actions", ImVec2(0, 0), true);
  ImGui::TextDisabled("Actions");
  ImGui::Separator();
  if (!s.confirmation.empty()) confirmation_text(s.confirmation);
  const InvoiceStatus st = s.detail->summary.status;
  if (st == InvoiceStatus::Void || st == InvoiceStatus::Draft || st == InvoiceStatus::Discarded)
    ImGui::TextDisabled("Only an issued invoice can be voided, credited, written off or disputed.");
  else {
    draw_void_and_write_off(s, commands, today);
    ImGui::Spacing();
    draw_credit_and_dispute(s, commands, today);
  }
  ImGui::Spacing();
  draw_duplicate(s, commands, today);
  if (st != InvoiceStatus::Void && st != InvoiceStatus::Draft && st != InvoiceStatus::Discarded) {
    ImGui::Spacing();
    // Saving goes through the platform, which the window does not hold: the app saves it after the frame.
    if (ImGui::Button("E-invoice (UBL, Peppol)")) s.e_invoice_request = s.detail->summary.number;
    test_mark("invoice_window.e_invoice");
    if (!s.e_invoice_result.empty()) ImGui::TextWrapped("%s", s.e_invoice_result.c_str());
  }
  ImGui::EndChild();
}

}  // namespace duebook::ui

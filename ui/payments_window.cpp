#include "payments_window.h"

#include <imgui.h>
#include <misc/cpp/imgui_stdlib.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "base/currencies.h"
#include "base/money.h"
#include "queries_view.h"
#include "table_headers.h"
#include "test_hook.h"
#include "widgets.h"

namespace duebook::ui {
namespace {

const ImGuiTableFlags kTableFlags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH |
                                    ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_ScrollY;

// Builds the command from the form; what cannot be read here (no such customer, an amount or date that is not
// one) is a form error naming its field, and nothing is previewed or submitted.
bool command_from(Queries& queries, PaymentsWindowState& s, const Date& today, RecordPayment* out,
                  std::string* error, std::string* field) {
  const PaymentDraft& d = s.draft;
  std::optional<Customer> c = queries.customer_by_name(d.customer);
  if (!c) {
    *field = "customer";
    *error = d.customer.empty() ? "Give the customer's name" : "No customer named " + d.customer;
    return false;
  }
  out->customer_id = c->id;
  out->currency = d.currency;
  out->method = d.method;
  out->reference = d.reference;
  out->date = today;
  if (!d.date.empty()) {
    Result<Date> date = read_date(d.date);
    if (!date) {
      *field = "date";
      *error = date.problems()[0].message;
      return false;
    }
    out->date = date.value();
  }
  const std::string& cur = d.currency.empty() ? c->fields.currency : d.currency;
  Result<int64_t> amount = read_amount(d.amount, currency_digits(cur));
  if (!amount) {
    *field = "amount";
    *error = d.amount.empty() ? "Give the amount received" : describe(amount.problems());
    return false;
  }
  out->amount = amount.value();
  if (s.split.on && !apply_split(s.split, cur, currency_digits(cur), out)) {
    *field = "split";
    *error = s.split.error;
    return false;
  }
  return true;
}

// What the preview depends on: the draft, the ledger and the day.
std::string preview_key(Queries& queries, const PaymentsWindowState& s, const Date& today) {
  const PaymentDraft& d = s.draft;
  return d.customer + '\x1f' + d.amount + '\x1f' + d.currency + '\x1f' + d.date + '\x1f' + d.reference +
         '\x1f' + std::to_string(queries.revision()) + to_iso(today) + split_key(s.split);
}

void refresh_preview(Queries& queries, PaymentsWindowState& s, const Date& today) {
  const PaymentDraft& d = s.draft;
  const std::string key = preview_key(queries, s, today);
  if (key == s.preview_key) return;
  s.preview_key = key;
  s.split.error.clear();
  s.split.error_field.clear();
  s.preview.reset();
  s.preview_problems.clear();
  s.open_invoices.clear();
  RecordPayment cmd;
  std::string error, field;
  if (std::optional<Customer> c = queries.customer_by_name(d.customer)) {
    InvoiceQuery q;
    q.customer_id = c->id;
    q.status = "unpaid";
    q.sort = InvoiceSort::DueDate;
    q.limit = 20;
    s.open_invoices = queries.invoices(q);
    if (s.split.on && s.split.customer_id != c->id)  // another customer: their invoices, nothing typed yet
      prefill_split(s.split, c->id, s.open_invoices, nullptr, currency_digits(c->fields.currency));
  } else {
    s.split.rows.clear();
    s.split.customer_id = 0;
  }
  if (!command_from(queries, s, today, &cmd, &error, &field)) return;
  Result<PaymentPreview> p = preview_payment(queries.db(), cmd);
  if (p)
    s.preview = p.value();
  else
    s.preview_problems = p.problems();
}

// How many invoices the payment (with any early-payment discount) leaves with nothing open.
int64_t settled_count(const PaymentPreview& p) {
  int64_t n = 0;
  for (const PaymentPreviewLine& line : p.lines)
    n += (line.applied > 0 || line.discount > 0) && line.open_after == 0;
  return n;
}

std::string settled_text(int64_t settled) {
  if (settled == 0) return "no invoice settled";
  return std::to_string(settled) + (settled == 1 ? " invoice settled" : " invoices settled");
}

// The problem for one field: the form's own, else the ledger's (from the preview or the last submit).
std::string problem_for(const PaymentsWindowState& s, const std::string& field, const std::string& where) {
  if (s.form_error_field == field) return s.form_error;
  for (const Problem& p : s.sink.problems)
    if (p.where == where) return p.message;
  for (const Problem& p : s.preview_problems)
    if (p.where == where) return p.message;
  return {};
}

void draw_form(Queries& queries, PaymentsWindowState& s, Commands& commands, const Date& today) {
  ImGui::TextUnformatted("Record a payment");
  ImGui::Separator();
  const std::string today_shown = display_date(today);
  PaymentDraft& d = s.draft;
  text_field("Customer", &d.customer, "payment.customer", problem_for(s, "customer", "customer_id"),
             "Customer name");
  const float half = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) / 2;
  // Two fields side by side from one top edge (SameLine alone would move the second label to the baseline).
  auto pair = [&](auto first, auto second) {
    const ImVec2 top = ImGui::GetCursorScreenPos();
    ImGui::BeginGroup();
    first();
    ImGui::EndGroup();
    float bottom = ImGui::GetItemRectMax().y;
    ImGui::SetCursorScreenPos(ImVec2(top.x + half + ImGui::GetStyle().ItemSpacing.x, top.y));
    ImGui::BeginGroup();
    second();
    ImGui::EndGroup();
    bottom = std::max(bottom, ImGui::GetItemRectMax().y);
    ImGui::SetCursorScreenPos(ImVec2(top.x, bottom + ImGui::GetStyle().ItemSpacing.y));
    ImGui::Dummy(ImVec2(0, 0));
  };
  pair(
      [&] {
        text_field("Amount", &d.amount, "payment.amount", problem_for(s, "amount", "amount"), "0.00", half);
      },
      [&] {
        text_field("Currency", &d.currency, "payment.currency", problem_for(s, "currency", "currency"),
                   "the customer's", half);
      });
  pair(
      [&] {
        text_field("Date received", &d.date, "payment.date", problem_for(s, "date", "date"),
                   today_shown.c_str(), half);
      },
      [&] { text_field("Method", &d.method, "payment.method", {}, "bank transfer", half); });
  text_field("Reference", &d.reference, "payment.reference", {}, "the payer's reference (invoice numbers)");
  if (ImGui::Button("Record payment")) {
    RecordPayment cmd;
    s.form_error.clear();
    s.form_error_field.clear();
    s.confirmation.clear();
    if (command_from(queries, s, today, &cmd, &s.form_error, &s.form_error_field)) {
      s.pending_confirmation =
          "Payment of " + display_money(cmd.amount, s.preview ? s.preview->currency : "") + " recorded";
      if (s.preview) {
        s.pending_confirmation += "; " + settled_text(settled_count(*s.preview));
        if (s.preview->unapplied > 0)
          s.pending_confirmation +=
              "; " + display_money(s.preview->unapplied, s.preview->currency) + " kept as unapplied credit";
      }
      commands.submit(cmd, &s.sink);
    }
  }
  test_mark("payment.record");
  for (const Problem& p : s.sink.problems)
    if (p.where.empty()) problem_text(p.message);
  if (!s.confirmation.empty()) confirmation_text(s.confirmation);
  test_mark("payment.confirmation");
}

// The split by hand: a checkbox that turns it on (prefilled with what the rule proposes) and the amounts.
// Returns true while the split is on (it then replaces the rule's preview).
bool draw_split_choice(Queries& queries, PaymentsWindowState& s) {
  std::optional<Customer> c = queries.customer_by_name(s.draft.customer);
  ImGui::BeginDisabled(!c);
  if (ImGui::Checkbox("Split by hand", &s.split.on) && s.split.on && c)
    prefill_split(s.split, c->id, s.open_invoices, s.preview ? &*s.preview : nullptr,
                  currency_digits(c->fields.currency));
  ImGui::EndDisabled();
  test_mark("payment.split");
  if (!s.split.on || !c) return false;
  const std::string& cur = s.draft.currency.empty() ? c->fields.currency : s.draft.currency;
  Result<int64_t> amount = read_amount(s.draft.amount, currency_digits(cur));
  draw_split(s.split, amount ? amount.value() : -1, cur, s.preview ? &*s.preview : nullptr,
             s.preview_problems);
  return true;
}

void draw_preview(Queries& queries, PaymentsWindowState& s) {
  heading("How it will be allocated");
  if (draw_split_choice(queries, s)) return;
  if (!s.preview) {
    ImGui::TextDisabled("Type a customer and an amount to see where the money goes.");
    return;
  }
  const PaymentPreview& p = *s.preview;
  if (p.lines.empty())
    ImGui::TextDisabled("No open invoice: all of it stays as unapplied credit.");
  else if (ImGui::BeginTable("payment-preview", 5, kTableFlags & ~ImGuiTableFlags_ScrollY)) {
    ImGui::TableSetupColumn("Invoice");
    ImGui::TableSetupColumn("Due");
    ImGui::TableSetupColumn("Applied");
    ImGui::TableSetupColumn("Discount");
    ImGui::TableSetupColumn("Left open");
    headers_row({2, 3, 4});
    for (std::size_t i = 0; i < p.lines.size(); ++i) {
      const PaymentPreviewLine& line = p.lines[i];
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(line.number.c_str());
      test_mark(("payment.preview." + std::to_string(i) + "." + line.number).c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(display_date(line.due_date).c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(display_money(line.applied, p.currency).c_str());
      ImGui::TableNextColumn();
      // The early-payment discount the terms give when paid by the deadline (2/10 net 30: 2 % through day
      // 10).
      if (line.discount > 0)
        ImGui::TextUnformatted(display_money(line.discount, p.currency).c_str());
      else if (line.discount_offered > 0)
        ImGui::TextDisabled("none (offer ended %s)", line.discount_deadline.c_str());
      ImGui::TableNextColumn();
      if (line.open_after == 0)
        ImGui::TextUnformatted("settled");
      else
        ImGui::TextUnformatted(display_money(line.open_after, p.currency).c_str());
    }
    ImGui::EndTable();
  }
  if (p.unapplied > 0)
    ImGui::Text("%s stays as unapplied credit.", display_money(p.unapplied, p.currency).c_str());
  test_mark("payment.preview.summary");
  // By hand: an invoice named in the reference is paid first (the allocation rule), so "Pay first" puts it
  // there and the preview follows.
  if (!s.open_invoices.empty()) {
    ImGui::TextDisabled("Change the order: pay one of these first");
    for (const InvoiceSummary& inv : s.open_invoices) {
      ImGui::PushID(int(inv.id));
      const bool named = s.draft.reference.find(inv.number) != std::string::npos;
      ImGui::BeginDisabled(named);
      if (ImGui::SmallButton(inv.number.c_str()))
        s.draft.reference = inv.number + (s.draft.reference.empty() ? "" : " " + s.draft.reference);
      ImGui::EndDisabled();
      test_mark(("payment.first." + inv.number).c_str());
      ImGui::PopID();
      ImGui::SameLine();
    }
    ImGui::NewLine();
  }
}

// The payments the list's filter keeps, re-made when the filter or the list changes.
void filter_payments(PaymentsWindowState& s) {
  const std::string key = std::to_string(s.list_revision) + '\x1f' + s.filter;
  if (key == s.shown_key) return;
  s.shown_key = key;
  s.shown.clear();
  for (size_t i = 0; i < s.payments.size(); ++i) {
    const PaymentSummary& p = s.payments[i];
    for (const std::string* field : {&p.customer_name, &p.reference, &p.applied_to, &p.date, &p.method})
      if (contains_folded(*field, s.filter)) {
        s.shown.push_back(i);
        break;
      }
  }
}

void draw_lists(Queries& queries, PaymentsWindowState& s, Commands& commands, Navigation& nav,
                const Date& today) {
  if (s.list_revision != queries.revision()) {
    s.list_revision = queries.revision();
    PaymentQuery q;
    q.limit = 500;
    s.payments = list_payments(queries.db(), q);
  }
  ImGui::TextUnformatted("Unapplied credit");
  ImGui::Separator();
  draw_credit_list(queries, s.credits, commands, today, 0, "payments.credit");
  ImGui::Spacing();
  ImGui::TextUnformatted("Payments received");
  if (search_field("##payment-filter", "Filter by customer, reference, invoice or date  (Ctrl+F)", &s.filter,
                   "payments.filter"))
    s.keys.row = -1;
  ImGui::Separator();
  filter_payments(s);
  table_keys(s.keys, int(s.shown.size()));
  if (s.shown.empty())
    empty_note(s.payments.empty() ? "No payments yet: record one on the left when money comes in (it is "
                                    "applied to the oldest invoices first, or as you split it), or bring a "
                                    "bank statement in with File › Import CSV."
                                  : "No payment matches \"" + s.filter + "\".",
               "payments.empty");
  if (!ImGui::BeginTable("payments", 6, kTableFlags)) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn("Date", 0, 1.2f);
  ImGui::TableSetupColumn("Customer", 0, 2.0f);
  ImGui::TableSetupColumn("Amount", 0, 1.5f);
  ImGui::TableSetupColumn("Method / reference", 0, 2.0f);
  ImGui::TableSetupColumn("Applied to", 0, 2.2f);
  ImGui::TableSetupColumn("Status", 0, 1.0f);
  headers_row({2});
  ImGuiListClipper clipper;
  clipper.Begin(int(s.shown.size()));
  reveal_cursor(s.keys, clipper);
  while (clipper.Step())
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
      const PaymentSummary& p = s.payments[s.shown[std::size_t(i)]];
      ImGui::TableNextRow();
      if (cursor_row(s.keys, i) == RowKey::Open) nav.open_customer = p.customer_id;
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(display_date(p.date).c_str());
      ImGui::TableNextColumn();
      ImGui::PushID(int(p.id));
      if (ImGui::SmallButton(p.customer_name.c_str())) nav.open_customer = p.customer_id;
      ImGui::PopID();
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(display_money(p.amount, p.currency).c_str());
      ImGui::TableNextColumn();
      ImGui::Text("%s%s%s", p.method.c_str(), p.reference.empty() ? "" : " / ", p.reference.c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(p.applied_to.empty() ? "-" : p.applied_to.c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(p.status.c_str());
      ImGui::SameLine();
      ImGui::PushID(int(p.id));
      if (ImGui::SmallButton("Receipt PDF"))
        nav.document = DocumentRequest{DocumentRequest::Kind::Receipt, p.id, 1, today};
      test_mark(("payments.receipt." + std::to_string(p.id)).c_str());
      ImGui::PopID();
    }
  ImGui::EndTable();
}

}  // namespace

void prefill_payment_form(Queries& queries, PaymentsWindowState& s, int64_t customer_id) {
  s.draft = PaymentDraft{};
  s.form_error.clear();
  s.form_error_field.clear();
  s.confirmation.clear();
  s.sink.problems.clear();
  s.split = PaymentSplit{};
  if (std::optional<Customer> c = queries.customer(customer_id)) {
    s.draft.customer = c->fields.name;
    s.draft.currency = c->fields.currency;
  }
}

void draw_payments_window(Queries& queries, PaymentsWindowState& s, Commands& commands, Navigation& nav,
                          const Date& today) {
  if (s.sink.completed != s.seen_completed) {  // a payment finished since the last frame
    s.seen_completed = s.sink.completed;
    if (s.sink.outcome) {
      s.confirmation = s.pending_confirmation + ".";
      const std::string customer = s.draft.customer, currency = s.draft.currency;
      s.draft = PaymentDraft{};
      s.draft.customer = customer;  // ready for the next payment from the same customer
      s.draft.currency = currency;
      s.split = PaymentSplit{};  // the invoices it split have moved on
    }
  }
  const float form_width = std::max(360.0f, ImGui::GetContentRegionAvail().x * 0.42f);
  ImGui::BeginChild("payment-form", ImVec2(form_width, 0), true);
  draw_form(queries, s, commands, today);
  refresh_preview(queries, s, today);  // after the form, so what was typed in this frame shows in it
  draw_preview(queries, s);
  ImGui::EndChild();
  ImGui::SameLine();
  ImGui::BeginChild("payment-lists", ImVec2(0, 0));
  draw_lists(queries, s, commands, nav, today);
  ImGui::EndChild();
  s.stale = preview_key(queries, s, today) != s.preview_key;  // "Pay first" changed the reference
}

std::string payments_facts(const PaymentsWindowState& s) {
  nlohmann::json j;
  j["payment_confirmation"] = s.confirmation;
  nlohmann::json split_rows = nlohmann::json::array();
  for (const SplitRow& r : s.split.rows) split_rows.push_back({{"number", r.number}, {"amount", r.amount}});
  j["payment_split"] = {{"on", s.split.on},
                        {"rows", split_rows},
                        {"error", s.split.error},
                        {"unapplied", s.preview ? s.preview->unapplied : -1}};
  nlohmann::json credits = nlohmann::json::array();
  for (const UnappliedCredit& c : s.credits.credits)
    credits.push_back({{"source", credit_key(c)}, {"customer", c.customer_name}, {"unapplied", c.unapplied}});
  j["credits"] = credits;
  j["credit_message"] = s.credits.message;
  nlohmann::json shown = nlohmann::json::array();
  for (size_t i = 0; i < s.shown.size() && i < 20; ++i)
    shown.push_back({{"customer", s.payments[s.shown[i]].customer_name},
                     {"customer_id", s.payments[s.shown[i]].customer_id}});
  j["payment_list"] = {{"filter", s.filter},
                       {"count", s.payments.size()},
                       {"shown", s.shown.size()},
                       {"cursor", s.keys.row},
                       {"first", shown}};
  return j.dump();
}

}  // namespace duebook::ui

#include "credit_list.h"

#include <imgui.h>

#include "queries_view.h"
#include "test_hook.h"
#include "widgets.h"

namespace duebook::ui {

std::string credit_key(const UnappliedCredit& c) {
  return std::string(to_string(c.source.kind)) + "." + std::to_string(c.source.id);
}

namespace {

// What the row is: "CN-2026-0001 of 2026-01-20 (goodwill)" / "payment #3 of 2026-02-01 (bank transfer R-7)".
std::string describe_source(const UnappliedCredit& c) {
  std::string s = c.source.kind == CreditKind::CreditNote ? "credit note " + c.number
                                                          : "payment #" + std::to_string(c.source.id);
  s += " of " + c.date;
  if (!c.detail.empty()) s += " (" + c.detail + ")";
  return s;
}

// The picked row's invoices: one button each, applying as much as both sides allow.
void draw_targets(CreditListState& s, Commands& commands, const UnappliedCredit& c,
                  const std::string& prefix) {
  ImGui::Indent();
  if (s.targets.empty())
    ImGui::TextDisabled("%s has no open invoice to apply it to.", c.customer_name.c_str());
  for (const InvoiceSummary& inv : s.targets) {
    ImGui::PushID(int(inv.id));
    const std::string label = inv.number + " (" + display_money(inv.open, inv.currency) + " open, due " +
                              display_date(inv.due_date) + ")";
    if (ImGui::SmallButton(label.c_str())) {
      AllocateCredit a;
      a.source = c.source;
      a.targets.push_back({inv.id, std::nullopt});
      commands.submit(a, &s.sink);
      s.picking.clear();
    }
    test_mark((prefix + ".to." + inv.number).c_str());
    ImGui::PopID();
  }
  ImGui::Unindent();
}

void draw_row(Queries& queries, CreditListState& s, Commands& commands, const Date& today,
              const UnappliedCredit& c, bool with_name, const std::string& prefix) {
  const std::string key = credit_key(c);
  ImGui::PushID(key.c_str());
  ImGui::AlignTextToFramePadding();
  ImGui::Text("%s%s%s left of %s", with_name ? c.customer_name.c_str() : "", with_name ? "  " : "",
              display_money(c.unapplied, c.currency).c_str(), describe_source(c).c_str());
  test_mark((prefix + "." + key).c_str());
  ImGui::SameLine();
  const bool picking = s.picking == key;
  if (ImGui::SmallButton(picking ? "Cancel" : "Apply to invoice")) {
    s.picking = picking ? "" : key;
    s.targets.clear();
    if (!picking) {
      InvoiceQuery q;
      q.customer_id = c.customer_id;
      q.status = "unpaid";
      q.sort = InvoiceSort::DueDate;
      q.limit = 50;
      s.targets = queries.invoices(q);
    }
  }
  test_mark((prefix + "." + key + ".apply").c_str());
  ImGui::SameLine();
  bool armed = s.refund_armed == key;
  if (confirm_button("Refund", "Confirm refund", (prefix + "." + key + ".refund").c_str(), &armed))
    commands.submit(RefundCredit{c.customer_id, c.unapplied, today, "bank transfer", "", c.source}, &s.sink);
  s.refund_armed = armed ? key : (s.refund_armed == key ? "" : s.refund_armed);
  if (s.picking == key) draw_targets(s, commands, c, prefix);
  ImGui::PopID();
}

}  // namespace

void draw_credit_list(Queries& queries, CreditListState& s, Commands& commands, const Date& today,
                      int64_t customer_id, const char* test_prefix) {
  if (s.revision != queries.revision() || s.customer_id != customer_id) {
    s.revision = queries.revision();
    if (s.customer_id != customer_id) s.picking.clear();
    s.customer_id = customer_id;
    s.credits = list_unapplied_credits(queries.db(), customer_id, 500);
  }
  if (s.sink.completed != s.seen) {
    s.seen = s.sink.completed;
    s.message = s.sink.outcome ? s.sink.outcome->label + ": done." : describe(s.sink.problems);
  }
  if (!s.message.empty()) ImGui::TextDisabled("%s", s.message.c_str());
  test_mark((std::string(test_prefix) + ".message").c_str());
  if (s.credits.empty()) ImGui::TextDisabled("None: every payment and credit note is applied.");
  for (const UnappliedCredit& c : s.credits)
    draw_row(queries, s, commands, today, c, customer_id == 0, test_prefix);
}

}  // namespace duebook::ui

#include "payment_split.h"

#include <imgui.h>
#include <misc/cpp/imgui_stdlib.h>

#include "base/money.h"
#include "table_headers.h"
#include "test_hook.h"
#include "widgets.h"

namespace duebook::ui {

void prefill_split(PaymentSplit& split, int64_t customer_id, const std::vector<InvoiceSummary>& open,
                   const PaymentPreview* proposal, int digits) {
  split.customer_id = customer_id;
  split.rows.clear();
  split.error.clear();
  split.error_field.clear();
  split.booked.clear();
  for (const InvoiceSummary& inv : open) {
    SplitRow row{inv.id, inv.number, inv.due_date, inv.open, ""};
    if (proposal)
      for (const PaymentPreviewLine& line : proposal->lines)
        if (line.invoice_id == inv.id && line.applied > 0)
          row.amount = amount_field_text(line.applied, digits);
    split.rows.push_back(std::move(row));
  }
}

bool apply_split(PaymentSplit& split, const std::string& currency, int digits, RecordPayment* cmd) {
  split.error.clear();
  split.error_field.clear();
  split.booked.clear();
  std::vector<AllocationShare> shares;
  int64_t total = 0;
  for (std::size_t i = 0; i < split.rows.size(); ++i) {
    const SplitRow& row = split.rows[i];
    if (row.amount.empty()) continue;
    Result<int64_t> amount = read_amount(row.amount, digits);
    if (!amount) {
      split.error_field = "split." + row.number;
      split.error = row.number + ": " + describe(amount.problems());
      return false;
    }
    if (amount.value() == 0) continue;
    shares.push_back({row.invoice_id, amount.value()});
    split.booked.push_back(i);
    total += amount.value();
  }
  // Over-allocation is refused before the ledger is asked: the split may give the invoices at most what was
  // received (the rest stays unapplied credit; RecordPayment::allocations).
  if (total > cmd->amount) {
    split.error_field = "split";
    split.error = "The split gives " + display_money(total, currency) +
                  " to invoices, more than the payment of " + display_money(cmd->amount, currency) +
                  ": lower an amount.";
    split.booked.clear();
    return false;
  }
  cmd->allocations = std::move(shares);
  return true;
}

std::string split_key(const PaymentSplit& split) {
  if (!split.on) return {};
  std::string key = "split";
  for (const SplitRow& row : split.rows) key += '\x1f' + std::to_string(row.invoice_id) + '=' + row.amount;
  return key;
}

namespace {

// The ledger's problem with the allocation made from row `row`, if any ("is more than the 500.00 EUR open on
// INV-2026-0002").
std::string row_problem(const PaymentSplit& split, std::size_t row, const Problems& problems) {
  if (split.error_field == "split." + split.rows[row].number) return split.error;
  for (std::size_t k = 0; k < split.booked.size(); ++k) {
    if (split.booked[k] != row) continue;
    const std::string at = "allocations[" + std::to_string(k) + "]";
    for (const Problem& p : problems)
      if (p.where.rfind(at, 0) == 0) return p.message;
  }
  return {};
}

}  // namespace

void draw_split(PaymentSplit& split, int64_t payment, const std::string& currency,
                const PaymentPreview* preview, const Problems& problems) {
  if (split.rows.empty()) {
    ImGui::TextDisabled("No open invoice: all of it stays as unapplied credit.");
    return;
  }
  const ImGuiTableFlags flags =
      ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp;
  if (ImGui::BeginTable("payment-split", 4, flags)) {
    ImGui::TableSetupColumn("Invoice", 0, 1.3f);
    ImGui::TableSetupColumn("Due", 0, 1.0f);
    ImGui::TableSetupColumn("Open", 0, 1.2f);
    ImGui::TableSetupColumn("Apply", 0, 1.5f);
    headers_row({2});
    for (std::size_t i = 0; i < split.rows.size(); ++i) {
      SplitRow& row = split.rows[i];
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::AlignTextToFramePadding();
      ImGui::TextUnformatted(row.number.c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(display_date(row.due_date).c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(display_money(row.open, currency).c_str());
      ImGui::TableNextColumn();
      ImGui::SetNextItemWidth(-1.0f);
      ImGui::InputTextWithHint(("##split." + row.number).c_str(), "0.00", &row.amount);
      test_mark(("payment.split." + row.number).c_str());
      const std::string problem = row_problem(split, i, problems);
      if (!problem.empty()) problem_text(problem);
    }
    ImGui::EndTable();
  }
  if (split.error_field == "split") {
    problem_text(split.error);
    test_mark("payment.split.problem");
  }
  if (preview) {
    if (preview->discounts > 0)
      ImGui::Text("Early-payment discounts credited: %s",
                  display_money(preview->discounts, currency).c_str());
    ImGui::Text("%s stays as unapplied credit.", display_money(preview->unapplied, currency).c_str());
  } else if (payment < 0) {
    ImGui::TextDisabled("Type the amount received to see the remainder.");
  }
  test_mark("payment.split.remainder");
}

}  // namespace duebook::ui

#include "invoicing/payment_preview.h"

#include "invoicing/invoice_queries.h"

namespace duebook {

Result<PaymentPreview> preview_payment_allocation(Db& db, const RecordPayment& payment) {
  Result<std::vector<JsonEvent>> events = payment_events(db, payment, 0, 0, 0);
  if (!events) return events.problems();
  PaymentPreview preview;
  int64_t applied = 0;
  for (const JsonEvent& e : events.value()) {
    if (e.type == "payment.received") preview.currency = e.payload["currency"].get<std::string>();
    if (e.type != "allocation.added") continue;
    PreviewShare share;
    share.invoice_id = e.payload["invoice"].get<int64_t>();
    share.amount = e.payload["amount"].get<int64_t>();
    if (std::optional<InvoiceDetail> inv = find_invoice(db, share.invoice_id)) {
      share.number = inv->summary.number;
      share.due_date = inv->summary.due_date;
      share.open_before = inv->summary.open;
    }
    share.settles = share.amount >= share.open_before;
    preview.settled += share.settles ? 1 : 0;
    applied += share.amount;
    preview.shares.push_back(std::move(share));
  }
  preview.unapplied = payment.amount - applied;
  return preview;
}

}  // namespace duebook

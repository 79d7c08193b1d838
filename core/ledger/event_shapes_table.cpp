#include "ledger/event_shapes_table.h"

namespace duebook {

// Kept in step with the projectors: debug builds check every event the ledger writes against it, so a field
// added to an event without its shape here fails the tests.
const char* event_shapes_text() {
  return R"json(
{
  "$company": {"address":"string","email":"string","name":"string","phone":"string","sender_name":"string"},
  "$customer": {
    "address": "string",
    "contacts": [{"email":"string","name":"string","phone":"string","role":"string"}],
    "credit_limit": "int|null",
    "currency": "string",
    "language?": "string",
    "name": "string",
    "notes": "string",
    "status": "string",
    "tax_id": "string",
    "terms": "string"
  },
  "$defaults": {
    "country": "string",
    "credit_note_series": "string",
    "currency": "string",
    "interest_policy": "string",
    "invoice_series": "string",
    "policy_id?": "int",
    "terms": "string"
  },
  "$factored_invoice": {
    "advance": "int",
    "amount": "int",
    "customer": "int",
    "expected_paid_on": "string",
    "fee": "int",
    "invoice": "int"
  },
  "$hold": {"by_rules":"bool","status":"string"},
  "$logo": {"data":"string","type":"string"},
  "$imported_invoice": {
    "(tuple)": [
      "int",
      "string",
      "int",
      "string",
      "string",
      "string",
      "bool",
      "string",
      "string",
      "int",
      "int",
      "int",
      [{"(tuple)":["string","string","int","int","string","int"]}],
      "int"
    ],
    "(min)": 13
  },
  "$imported_payment": {
    "(tuple)": [
      "int",
      "int",
      "string",
      "int",
      "string",
      "string",
      "string",
      [{"(tuple)":["int","int","int","string"]}]
    ]
  },
  "$invoice": {
    "currency": "string",
    "customer": "int",
    "due_date": "string",
    "due_explicit": "bool",
    "issue_date": "string",
    "lines": ["$invoice_line"],
    "memo": "string",
    "net": "int",
    "series": "string",
    "tax": "int",
    "terms": "string",
    "total": "int"
  },
  "$invoice_line": {
    "description": "string",
    "discount": "int",
    "net": "int",
    "quantity": "string",
    "tax_rate": "string",
    "unit_price": "int"
  },
  "$policy": {
    "late_fee?": {"flat":[{"amount":"string","currency":"string"}],"percent":"string"},
    "name": "string",
    "steps": ["$policy_step"]
  },
  "$policy_step": {
    "action": "string",
    "interest_notice": "bool",
    "late_fee": "bool",
    "offset_days": "int",
    "template_id": "string"
  },
  "$schedule_line": {
    "description": "string",
    "discount": "int",
    "quantity": "string",
    "tax_rate": "string",
    "unit_price": "int"
  },
  "agency.placed": {
    "agency": "string",
    "commission": "string",
    "currency": "string",
    "customer": "int",
    "date": "string",
    "expected_net": "int",
    "id": "int",
    "invoices": [{"amount":"int","invoice":"int"}],
    "placed": "int"
  },
  "agency.recalled": "$agency.placed",
  "allocation.added": {
    "amount": "int",
    "customer": "int",
    "date": "string",
    "id": "int",
    "invoice": "int",
    "source": "string",
    "source_id": "int"
  },
  "allocation.removed": "$allocation.added",
  "charge.booked": {
    "amount": "int",
    "basis": "string",
    "charge_invoice": "int",
    "currency": "string",
    "customer": "int",
    "date": "string",
    "id": "int",
    "invoice": "int",
    "kind": "string",
    "step": "int"
  },
  "charge.unbooked": "$charge.booked",
  "charge.unwaived": "$charge.waived",
  "charge.waived": {
    "amount": "int",
    "basis": "string",
    "currency": "string",
    "customer": "int",
    "date": "string",
    "id": "int",
    "invoice": "int",
    "new": "bool",
    "reason": "string",
    "step": "int"
  },
  "collections.company_set": {"after":"$company","before":"$company"},
  "collections.defaults_set": {"after":"$defaults","before":"$defaults"},
  "collections.logo_set": {"after":"$logo","before":"$logo"},
  "collections.hold_overridden": {
    "customer": "int",
    "date": "string",
    "id": "int",
    "invoice": "int",
    "reason": "string",
    "status": "string"
  },
  "collections.hold_override_retracted": "$collections.hold_overridden",
  "collections.hold_set": {
    "after": "$hold",
    "before": "$hold",
    "customer": "int",
    "date": "string",
    "reasons": ["string"]
  },
  "collections.policy_assigned": {"after":"int|null","before":"int|null","customer":"int"},
  "collections.policy_saved": {"after":{"(or null)":"$policy"},"before":{"(or null)":"$policy"},"id":"int"},
  "collections.rate_added": {"effective":"string","rate":"string","table":"string"},
  "collections.rate_removed": "$collections.rate_added",
  "collections.snoozed": {"after":"null|string","before":"null|string","customer":"int","date":"string"},
  "collections.step_done": {
    "customer": "int",
    "date": "string",
    "id": "int",
    "notes": "string",
    "outcome": "string",
    "steps": [{"invoice":"int","step":"int"}]
  },
  "collections.step_undone": "$collections.step_done",
  "collections.template_saved": {
    "after": {"(or null)":{"body":"string","subject":"string"}},
    "before": {"(or null)":{"body":"string","subject":"string"}},
    "id": "string",
    "language?": "string"
  },
  "contact.logged": {
    "channel": "string",
    "customer": "int",
    "date": "string",
    "id": "int",
    "invoices": "string",
    "notes": "string",
    "outcome": "string",
    "person": "string",
    "step_done": "int"
  },
  "contact.retracted": "$contact.logged",
  "credit_note.issued": {
    "amount": "int",
    "counter": "int",
    "currency": "string",
    "customer": "int",
    "date": "string",
    "id": "int",
    "invoice": "int",
    "number": "string",
    "reason": "string",
    "series": "string",
    "year": "int"
  },
  "credit_note.reinstated": {"id":"int"},
  "credit_note.voided": {"id":"int"},
  "customer.added": {"fields":"$customer","id":"int"},
  "customer.edited": {"after":"$customer","before":"$customer","id":"int"},
  "customer.restored": {"id":"int"},
  "customer.retracted": {"id":"int"},
  "customers.added": {"customers":[{"fields":"$customer","id":"int"}]},
  "customers.restored": {"ids":["int"]},
  "customers.retracted": {"ids":["int"]},
  "dispute.opened": {
    "customer": "int",
    "date": "string",
    "id": "int",
    "invoice": "int",
    "notes": "string",
    "reason": "string"
  },
  "dispute.reopened": "$dispute.resolved",
  "dispute.resolved": {
    "amount": "int",
    "credit_note": "int",
    "date": "string",
    "id": "int",
    "notes": "string",
    "resolution": "string"
  },
  "dispute.withdrawn": "$dispute.opened",
  "document.retracted": "$document.sent",
  "document.sent": {
    "customer": "int",
    "date": "string",
    "deadline": "string",
    "document": "string",
    "invoice_ids": ["int"],
    "invoices": ["string"],
    "level": "int"
  },
  "factoring.collected": {"amount":"int","date":"string","factoring":"int","invoice":"int","payment":"int"},
  "factoring.collection_reversed": "$factoring.collected",
  "factoring.recalled": "$factoring.sold",
  "factoring.sold": {
    "advance_percent": "string",
    "amount": "int",
    "annual_cost_bp": "string",
    "cash_today": "int",
    "currency": "string",
    "date": "string",
    "factor": "string",
    "fee": "int",
    "fee_basis": "string",
    "fee_percent": "string",
    "id": "int",
    "invoices": ["$factored_invoice"],
    "reserve": "int",
    "reserve_released": "int"
  },
  "import.recorded": {
    "customers": "int",
    "file": "string",
    "id": "int",
    "invoices": "int",
    "kind": "string",
    "payments": "int",
    "rows": "int",
    "sha256": "string",
    "unread_columns?": "string"
  },
  "import.restored": {"id":"int"},
  "import.retracted": {"id":"int"},
  "installment_plan.agreed": {
    "balance": "int",
    "count": "int",
    "currency": "string",
    "customer": "int",
    "date": "string",
    "every_days": "int",
    "first_due": "string",
    "id": "int",
    "installments": [{"amount":"int","cumulative":"int","due":"string","number":"int"}],
    "invoices": ["int"]
  },
  "installment_plan.cancelled": "$installment_plan.agreed",
  "invoice.discarded": {"id":"int"},
  "invoice.drafted": {"id":"int","invoice":{"(with)":"$invoice","occurrence?":"int","schedule?":"int"}},
  "invoice.edited": {"after":"$invoice","before":"$invoice","id":"int"},
  "invoice.issued": {
    "counter": "int",
    "deposit?": "int",
    "due_date": "string",
    "id": "int",
    "issue_date": "string",
    "number": "string",
    "series": "string",
    "year": "int"
  },
  "invoice.reinstated": "$invoice.voided",
  "invoice.restored": {"id":"int"},
  "invoice.voided": {"date":"string","id":"int","reason":"string"},
  "invoice.write_off_reversed": "$invoice.written_off",
  "invoice.written_off": {
    "amount": "int",
    "customer": "int",
    "date": "string",
    "id": "int",
    "invoice": "int",
    "reason": "string"
  },
  "invoices.imported": {
    "import": "int",
    "columns": ["string"],
    "line_columns": ["string"],
    "invoices": ["$imported_invoice"]
  },
  "invoices.reinstated": "$invoices.voided",
  "invoices.voided": {"invoices":[{"(tuple)":["int","string"]}],"reason":"string"},
  "payment.received": {
    "amount": "int",
    "currency": "string",
    "customer": "int",
    "date": "string",
    "id": "int",
    "import": "int",
    "method": "string",
    "reference": "string"
  },
  "payment.reinstated": {"id":"int"},
  "payment.reversed": {"id":"int"},
  "payments.import_restored": "$payments.imported",
  "payments.import_reversed": "$payments.imported",
  "payments.imported": {
    "import": "int",
    "columns": ["string"],
    "allocation_columns": ["string"],
    "payments": ["$imported_payment"]
  },
  "promise.made": {
    "amount": "int",
    "currency": "string",
    "customer": "int",
    "date": "string",
    "id": "int",
    "invoices": ["int"],
    "notes": "string",
    "pay_by": "string"
  },
  "promise.retracted": "$promise.made",
  "refund.paid": {
    "amount": "int",
    "customer": "int",
    "date": "string",
    "id": "int",
    "method": "string",
    "reference": "string",
    "source": "string",
    "source_id": "int"
  },
  "refund.reversed": "$refund.paid",
  "schedule.added": {
    "id": "int",
    "schedule": {
      "customer": "int",
      "end": "null|string",
      "every_days": "int",
      "frequency": "string",
      "issue": "bool",
      "lines": ["$schedule_line"],
      "memo": "string",
      "series": "string",
      "start": "string",
      "terms": "string"
    }
  },
  "schedule.advanced": {"from":"int","id":"int","to":"int"},
  "schedule.ended": {"id":"int"},
  "schedule.resumed": {"id":"int"},
  "settlement.accepted": {
    "accepted": "int",
    "balance": "int",
    "currency": "string",
    "customer": "int",
    "date": "string",
    "id": "int",
    "invoice": "int",
    "reason": "string",
    "write_off": "int",
    "written_off": "int"
  },
  "settlement.retracted": "$settlement.accepted"
}
)json";
}

}  // namespace duebook

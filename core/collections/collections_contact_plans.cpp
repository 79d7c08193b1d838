// Plans of the contact record's commands: a contact logged (by hand, or a customer's reply), a promise to
// pay, a dispute opened and resolved (collection_commands.h). Each validates everything, then returns its
// events.
#include "collections/collections_contact_plans.h"

#include "base/text.h"
#include "collections/collections.h"
#include "collections/collections_queries.h"
#include "customers/customer_queries.h"
#include "invoicing/payment_commands.h"

namespace duebook {

Result<Plan> plan_command(Db& db, const LogContact& command) {
  if (contact_channel_from(command.channel) == ContactChannel::Reply)
    return Problem{"channel", "must be email, phone, letter, visit or other"};
  return plan_contact(db, command);
}

Result<Plan> plan_contact(Db& db, const LogContact& command) {
  std::optional<Customer> customer = find_customer(db, command.customer_id);
  if (!customer) return no_customer(command.customer_id);
  Problems problems;
  check_date(problems, command.date, "date");
  if (!contact_channel_from(command.channel))
    problems.push_back({"channel", "must be email, phone, letter, visit or other"});
  if (!contact_outcome_from(command.outcome))
    problems.push_back(
        {"outcome", "must be reached, voicemail, no_answer, wrong_contact, promised, disputed or paid"});
  check_text(problems, command.person, 200, "person");
  check_text(problems, command.notes, 4000, "notes");
  for (size_t i = 0; i < command.invoice_ids.size(); ++i) {
    std::optional<CollectionInvoice> inv = find_collection_invoice(db, command.invoice_ids[i]);
    if (!inv || inv->customer_id != command.customer_id)
      problems.push_back(
          {"invoice_ids[" + std::to_string(i) + "]",
           "no issued invoice #" + std::to_string(command.invoice_ids[i]) + " of " + customer->fields.name});
  }
  if (!problems.empty()) return problems;
  int64_t id = next_id(db, "contact_log");
  Plan plan;
  plan.created_id = id;
  plan.label = "Log a " + command.channel + " contact with " + customer->fields.name;
  add_to_plan(plan, {{"contact.logged",
                      {{"id", id},
                       {"customer", command.customer_id},
                       {"date", iso(command.date)},
                       {"channel", command.channel},
                       {"person", trimmed(command.person)},
                       {"outcome", command.outcome},
                       {"notes", trimmed(command.notes)},
                       {"invoices", invoice_numbers_text(db, command.invoice_ids)},
                       {"step_done", 0}}}});
  return plan;
}

Result<Plan> plan_command(Db& db, const AddPromise& command) {
  std::optional<Customer> customer = find_customer(db, command.customer_id);
  if (!customer) return no_customer(command.customer_id);
  Problems problems;
  check_date(problems, command.date, "date");
  check_date(problems, command.pay_by, "pay_by");
  if (problems.empty() && command.pay_by < command.date)
    problems.push_back({"pay_by", "is before the day the promise was made, " + iso(command.date)});
  if (command.amount <= 0) problems.push_back({"amount", "must be more than zero"});
  check_text(problems, command.notes, 4000, "notes");
  if (!problems.empty()) return problems;
  Result<std::vector<CollectionInvoice>> invoices =
      customer_invoices_arg(db, command.customer_id, command.invoice_ids, command.date, "invoice_ids");
  if (!invoices) return invoices.problems();
  int64_t open = 0;
  std::vector<int64_t> ids;
  for (const CollectionInvoice& inv : invoices.value()) open += inv.open, ids.push_back(inv.id);
  const std::string& currency = customer->fields.currency;
  if (command.amount > open)
    return Problem{"amount", "is more than the " + money_label(open, currency) + " open on the invoices"};
  int64_t id = next_id(db, "promises");
  Plan plan;
  plan.created_id = id;
  plan.label = "Promise by " + customer->fields.name + " to pay " + money_label(command.amount, currency) +
               " by " + iso(command.pay_by);
  add_to_plan(plan, {{"promise.made",
                      {{"id", id},
                       {"customer", command.customer_id},
                       {"date", iso(command.date)},
                       {"pay_by", iso(command.pay_by)},
                       {"amount", command.amount},
                       {"currency", currency},
                       {"invoices", ids_json(ids)},
                       {"notes", trimmed(command.notes)}}}});
  return plan;
}

Result<Plan> plan_command(Db& db, const OpenDispute& command) {
  std::optional<CollectionInvoice> inv = find_collection_invoice(db, command.invoice_id);
  if (!inv || inv->voided)
    return Problem{"invoice_id", "no issued invoice with id " + std::to_string(command.invoice_id)};
  Problems problems;
  if (inv->open <= 0)
    problems.push_back({"invoice_id", "invoice " + inv->number + " has nothing open to dispute"});
  if (inv->disputed) problems.push_back({"invoice_id", "invoice " + inv->number + " is already disputed"});
  if (!dispute_reason_from(command.reason))
    problems.push_back({"reason", "must be pricing, not_delivered, quality, not_received or other"});
  check_date(problems, command.date, "date");
  if (problems.empty() && command.date < inv->issue_date)
    problems.push_back({"date", "is before the invoice date " + iso(inv->issue_date)});
  check_text(problems, command.notes, 4000, "notes");
  if (!problems.empty()) return problems;
  int64_t id = next_id(db, "disputes");
  Plan plan;
  plan.created_id = id;
  plan.label = "Dispute on invoice " + inv->number + " (" + command.reason + ")";
  add_to_plan(plan, {{"dispute.opened",
                      {{"id", id},
                       {"invoice", inv->id},
                       {"customer", inv->customer_id},
                       {"date", iso(command.date)},
                       {"reason", command.reason},
                       {"notes", trimmed(command.notes)}}}});
  return plan;
}

Result<Plan> plan_command(Db& db, const ResolveDispute& command) {
  std::optional<CollectionInvoice> inv = find_collection_invoice(db, command.invoice_id);
  if (!inv) return Problem{"invoice_id", "no issued invoice with id " + std::to_string(command.invoice_id)};
  std::optional<DisputeRecord> dispute = open_dispute(db, command.invoice_id);
  if (!dispute) return Problem{"invoice_id", "invoice " + inv->number + " has no open dispute"};
  Problems problems;
  std::optional<DisputeResolution> resolution = dispute_resolution_from(command.resolution);
  if (!resolution) problems.push_back({"resolution", "must be credit, partial or rejected"});
  check_date(problems, command.date, "date");
  if (problems.empty() && command.date < dispute->opened_on)
    problems.push_back({"date", "is before the dispute was opened, " + iso(dispute->opened_on)});
  int64_t amount = 0;
  if (resolution == DisputeResolution::Credit) {
    amount = inv->open;
    if (command.amount && *command.amount != amount)
      problems.push_back({"amount", "a full credit is the open amount " + money_label(amount, inv->currency) +
                                        "; use partial for less"});
  } else if (resolution == DisputeResolution::Partial) {
    if (!command.amount)
      problems.push_back({"amount", "a partial credit needs an amount"});
    else if (*command.amount <= 0 || *command.amount >= inv->open)
      problems.push_back({"amount", "must be more than zero and less than the open " +
                                        money_label(inv->open, inv->currency)});
    else
      amount = *command.amount;
  } else if (resolution == DisputeResolution::Rejected && command.amount) {
    problems.push_back({"amount", "a rejected dispute grants no credit"});
  }
  if (!problems.empty()) return problems;
  Plan plan;
  int64_t credit_note = 0;
  if (amount > 0) {
    Result<Plan> credit = plan_command(db, AddCreditNote{inv->customer_id, inv->id, command.date, amount,
                                                         "Dispute resolved (" + dispute->reason + ")", "CN"});
    if (!credit) return credit.problems();
    plan.events = credit->events;
    credit_note = credit->created_id;
  }
  plan.label = "Resolve the dispute on invoice " + inv->number + " (" + command.resolution + ")";
  plan.created_id = dispute->id;
  add_to_plan(plan, {{"dispute.resolved",
                      {{"id", dispute->id},
                       {"date", iso(command.date)},
                       {"resolution", command.resolution},
                       {"amount", amount},
                       {"credit_note", credit_note},
                       {"notes", trimmed(command.notes)}}}});
  return plan;
}

}  // namespace duebook

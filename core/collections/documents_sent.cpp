#include "collections/documents_sent.h"

#include "collections/collections.h"
#include "customers/customer_queries.h"
#include "invoicing/invoice_queries.h"

namespace duebook {

Result<Plan> plan_command(Db& db, const RecordDocumentSent& command) {
  std::optional<Customer> customer = find_customer(db, command.customer_id);
  if (!customer) return Problem{"customer_id", "no customer with id " + std::to_string(command.customer_id)};
  Problems problems;
  check_date(problems, command.date, "date");
  check_date(problems, command.deadline, "deadline");
  if (problems.empty() && command.deadline < command.date)
    problems.push_back({"deadline", "is before the document's date " + iso(command.date)});
  if (command.document == "reminder") {
    if (command.level < 1 || command.level > 3)
      problems.push_back({"level", "a reminder's level is 1, 2 or 3"});
  } else if (command.document == "letter") {
    if (command.level < 0) problems.push_back({"level", "a letter's policy step is 0 or more"});
  } else {
    problems.push_back({"document", "must be reminder or letter, not \"" + command.document + "\""});
  }
  if (command.invoice_ids.empty()) problems.push_back({"invoice_ids", "name at least one invoice"});
  Json numbers = Json::array();
  for (size_t i = 0; i < command.invoice_ids.size(); ++i) {
    std::optional<InvoiceDetail> inv = find_invoice(db, command.invoice_ids[i]);
    if (!inv || inv->summary.number.empty() || inv->summary.customer_id != command.customer_id) {
      problems.push_back(
          {"invoice_ids[" + std::to_string(i) + "]",
           "no issued invoice #" + std::to_string(command.invoice_ids[i]) + " of " + customer->fields.name});
      continue;
    }
    numbers.push_back(inv->summary.number);
  }
  if (!problems.empty()) return problems;
  std::string list;
  for (const Json& n : numbers) list += (list.empty() ? "" : ", ") + n.get<std::string>();
  Plan plan;
  plan.label =
      (command.document == "reminder" ? "Produce reminder " + std::to_string(command.level)
                                      : "Produce letter (step " + std::to_string(command.level) + ")") +
      " for " + customer->fields.name + ": " + list + ", pay by " + iso(command.deadline);
  add_to_plan(plan, {{"document.sent",
                      {{"customer", command.customer_id},
                       {"date", iso(command.date)},
                       {"document", command.document},
                       {"level", command.level},
                       {"deadline", iso(command.deadline)},
                       {"invoice_ids", ids_json(command.invoice_ids)},
                       {"invoices", numbers}}}});
  return plan;
}

const std::vector<Projector>& document_sent_projectors() {
  static const std::vector<Projector> list = {
      {"document.sent", [](Db&, const Event&, const Json&) { return ok_status(); },
       [](const Event&, const Json& p) { return one_event("document.retracted", p); }},
      {"document.retracted", [](Db&, const Event&, const Json&) { return ok_status(); },
       [](const Event&, const Json& p) { return one_event("document.sent", p); }},
  };
  return list;
}

}  // namespace duebook

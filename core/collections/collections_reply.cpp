#include "collections/collections_reply.h"

#include <variant>

#include "collections/collections.h"
#include "collections/collections_contact_plans.h"
#include "collections/collections_queries.h"
#include "customers/customer_queries.h"

namespace duebook {
namespace {

// The words of the contact an item leaves on the customer's timeline, marked as the customer's own.
std::string item_notes(const CustomerReplyItem& item, const std::string& currency,
                       const std::string& reply_id) {
  std::string words;
  if (item.kind == "promise")
    words = "From the customer: will pay " + money_label(item.amount, currency) + " by " + iso(item.date);
  else if (item.kind == "dispute")
    words = "From the customer: disputes the invoice (" + item.reason + ")";
  else
    words = "From the customer: says it was paid on " + iso(item.date) +
            (item.amount > 0 ? ", " + money_label(item.amount, currency) : std::string()) +
            (item.reference.empty() ? std::string() : ", reference " + item.reference) +
            ". To check against the bank before any payment is recorded";
  if (!item.notes.empty()) words += ". \"" + item.notes + "\"";
  return words + " [reply " + reply_id.substr(0, 16) + "]";
}

// The item in a few words, for the action's label: "promises 600.00 EUR on INV-2026-0001 by 2026-03-15".
std::string item_words(Db& db, const CustomerReplyItem& item, const std::string& currency) {
  std::optional<CollectionInvoice> inv = find_collection_invoice(db, item.invoice_id);
  const std::string number = inv ? inv->number : "#" + std::to_string(item.invoice_id);
  if (item.kind == "promise")
    return "promises " + money_label(item.amount, currency) + " on " + number + " by " + iso(item.date);
  if (item.kind == "dispute") return "disputes " + number + " (" + item.reason + ")";
  return "says " + number + " was paid on " + iso(item.date) + " (to check)";
}

const char* item_outcome(const CustomerReplyItem& item) {
  return item.kind == "promise" ? "promised" : item.kind == "dispute" ? "disputed" : "paid";
}

// The commands one item becomes: its contact, then its promise or dispute.
std::vector<std::variant<LogContact, AddPromise, OpenDispute>> item_commands(const RecordCustomerReply& r,
                                                                             const CustomerReplyItem& item,
                                                                             const std::string& currency) {
  std::vector<std::variant<LogContact, AddPromise, OpenDispute>> out;
  out.push_back(LogContact{r.customer_id,
                           r.date,
                           "reply",
                           r.person,
                           item_outcome(item),
                           item_notes(item, currency, r.reply_id),
                           {item.invoice_id}});
  if (item.kind == "promise")
    out.push_back(AddPromise{r.customer_id,
                             r.date,
                             item.date,
                             item.amount,
                             {item.invoice_id},
                             "From the customer's reply" + (item.notes.empty() ? "" : ": " + item.notes)});
  if (item.kind == "dispute")
    out.push_back(OpenDispute{item.invoice_id, r.date, item.reason,
                              "From the customer's reply" + (item.notes.empty() ? "" : ": " + item.notes)});
  return out;
}

Result<Plan> plan_part(Db& db, const std::variant<LogContact, AddPromise, OpenDispute>& part) {
  if (const LogContact* c = std::get_if<LogContact>(&part)) return plan_contact(db, *c);
  return std::visit([&](const auto& c) { return plan_command(db, c); }, part);
}

// The item's own checks: its kind, its invoice (the customer's, issued), and what its kind needs.
void check_item(Db& db, const RecordCustomerReply& r, size_t i, Problems& problems) {
  const CustomerReplyItem& item = r.items[i];
  const std::string at = "items[" + std::to_string(i) + "]";
  std::optional<CollectionInvoice> inv = find_collection_invoice(db, item.invoice_id);
  if (!inv || inv->customer_id != r.customer_id || inv->voided) {
    problems.push_back(
        {at + ".invoice", "no issued invoice #" + std::to_string(item.invoice_id) + " of this customer"});
    return;
  }
  if (item.kind != "promise" && item.kind != "dispute" && item.kind != "paid")
    problems.push_back({at + ".kind", "must be promise, dispute or paid, not \"" + item.kind + "\""});
  if (item.kind == "paid") {
    if (item.date > r.date)
      problems.push_back({at + ".date", "the day it was paid, " + iso(item.date) + ", is after the reply"});
    if (item.amount < 0) problems.push_back({at + ".amount", "must not be negative"});
  }
}

}  // namespace

bool reply_recorded(Db& db, const std::string& reply_id) {
  Statement& st = db.prepare(
      "SELECT count(*) FROM contact_log WHERE channel = 'reply' AND retracted = 0 AND instr(notes, ?1) > 0");
  st.bind_all("[reply " + reply_id.substr(0, 16) + "]");
  const bool found = st.step() && st.int64(0) > 0;
  st.reset();
  return found;
}

Result<StreamPlan> stream_command(Db& db, const RecordCustomerReply& command) {
  std::optional<Customer> customer = find_customer(db, command.customer_id);
  if (!customer) return Problem{"customer", "no customer #" + std::to_string(command.customer_id)};
  Problems problems;
  if (command.reply_id.size() < 16) problems.push_back({"reply_id", "must identify the reply (its hash)"});
  if (command.items.empty()) problems.push_back({"items", "the reply says nothing about any invoice"});
  if (!problems.empty()) return problems;
  if (reply_recorded(db, command.reply_id))
    return Problem{"reply_id", "this reply was recorded already; nothing to add"};
  const std::string currency = customer->fields.currency;
  for (size_t i = 0; i < command.items.size(); ++i) {
    const size_t before = problems.size();
    check_item(db, command, i, problems);
    if (problems.size() != before) continue;
    // Each part planned on the ledger as it stands: catches a bad amount, date or reason now.
    for (const auto& part : item_commands(command, command.items[i], currency))
      if (Result<Plan> p = plan_part(db, part); !p)
        for (const Problem& problem : p.problems())
          problems.push_back({"items[" + std::to_string(i) + "]." + problem.where, problem.message});
  }
  if (!problems.empty()) return problems;
  StreamPlan plan;
  plan.label = "Reply from " + customer->fields.name +
               (command.person.empty() ? std::string() : " (" + command.person + ")") + ": ";
  if (command.items.size() > 3) {
    plan.label += std::to_string(command.items.size()) + " invoices answered";
  } else {
    for (size_t i = 0; i < command.items.size(); ++i)
      plan.label += (i ? "; " : "") + item_words(db, command.items[i], currency);
  }
  plan.run = [&db, command, currency](EventSink& sink) -> Status {
    for (size_t i = 0; i < command.items.size(); ++i)
      for (const auto& part : item_commands(command, command.items[i], currency)) {
        Result<Plan> p = plan_part(db, part);
        if (!p) {
          Problems located;
          for (const Problem& problem : p.problems())
            located.push_back({"items[" + std::to_string(i) + "]." + problem.where, problem.message});
          return located;
        }
        for (const EventDraft& e : p.value().events)
          if (Status s = sink.emit(e); !s) return s;
      }
    return ok_status();
  };
  return plan;
}

}  // namespace duebook

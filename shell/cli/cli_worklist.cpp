// CLI: collections worklist — the day's worklist from each customer's policy, as a table or JSON.
#include "cli_worklist.h"

#include <nlohmann/json.hpp>
#include <ostream>

#include "base/money.h"
#include "cli_collections.h"
#include "collections/collections_worklist.h"

namespace duebook::cli {
namespace {

using OJson = nlohmann::ordered_json;

// "GBP 1,234.50", as the letters write amounts.
std::string grouped(int64_t minor, const CurrencyCode& currency) {
  return format_money_for_letter({minor, currency});
}

std::string contact_text(const Contact& c) {
  std::string s = c.name;
  if (!c.email.empty()) s += (s.empty() ? "" : " ") + ("<" + c.email + ">");
  if (!c.phone.empty()) s += (s.empty() ? "" : " ") + c.phone;
  return s.empty() ? "(no contact)" : s;
}

std::string invoices_text(const WorklistEntry& e) {
  std::string s;
  for (const WorklistLine& l : e.lines) s += (s.empty() ? "" : ", ") + l.invoice;
  return s;
}

int64_t max_days_late(const WorklistEntry& e) {
  int64_t days = 0;
  for (const WorklistLine& l : e.lines) days = std::max(days, l.days_late);
  return days;
}

OJson worklist_json(const LedgerWorklist& w) {
  OJson entries = OJson::array();
  int rank = 0;
  for (const WorklistItem& item : w.items) {
    const WorklistEntry& e = item.entry;
    const std::string cur(e.currency.view());
    OJson lines = OJson::array();
    for (const WorklistLine& l : e.lines)
      lines.push_back({{"invoice", l.invoice},
                       {"due_date", to_iso(l.due_date)},
                       {"days_late", l.days_late},
                       {"open", money_text(l.open.minor, cur)},
                       {"step", l.step_index},
                       {"action", to_string(l.step.action)},
                       {"after_broken_promise", l.after_broken_promise}});
    OJson problems = OJson::array();
    for (const Problem& p : item.problems) problems.push_back(p.where + ": " + p.message);
    entries.push_back({{"rank", ++rank},
                       {"customer", e.customer},
                       {"customer_id", item.customer_id},
                       {"currency", cur},
                       {"open", money_text(e.open_minor, cur)},
                       {"days_late", max_days_late(e)},
                       {"priority", e.priority},
                       {"step", e.step_index},
                       {"action", to_string(e.step.action)},
                       {"offset_days", e.step.offset_days},
                       {"template", item.template_id},
                       {"contact",
                        {{"role", e.contact.role},
                         {"name", e.contact.name},
                         {"email", e.contact.email},
                         {"phone", e.contact.phone},
                         {"fallback", e.contact_fallback}}},
                       {"fee", money_text(item.fee_minor, cur)},
                       {"interest", money_text(item.interest_minor, cur)},
                       {"invoices", lines},
                       {"subject", item.subject},
                       {"body", item.body},
                       {"mailto", item.mailto},
                       {"problems", problems}});
  }
  OJson paused = OJson::array();
  for (const PausedInvoice& p : w.paused)
    paused.push_back({{"customer", p.customer},
                      {"invoice", p.invoice},
                      {"reason", to_string(p.reason)},
                      {"until", p.until ? to_iso(*p.until) : ""}});
  OJson broken = OJson::array();
  for (const BrokenPromise& b : w.broken_promises)
    broken.push_back({{"customer", b.customer},
                      {"invoice", b.invoice},
                      {"pay_by", to_iso(b.pay_by)},
                      {"broken_on", to_iso(b.broken_on)},
                      {"promised_minor", b.promised_minor},
                      {"paid_minor", b.paid_minor}});
  OJson problems = OJson::array();
  for (const Problem& p : w.problems) problems.push_back(p.where + ": " + p.message);
  return {{"as_of", to_iso(w.as_of)},
          {"entries", entries},
          {"paused", paused},
          {"broken_promises", broken},
          {"problems", problems}};
}

void print_worklist_table(std::ostream& out, const LedgerWorklist& w) {
  out << "Worklist for " << to_iso(w.as_of) << ": " << w.items.size() << " customer"
      << (w.items.size() == 1 ? "" : "s") << " to contact\n";
  int rank = 0;
  for (const WorklistItem& item : w.items) {
    const WorklistEntry& e = item.entry;
    const int64_t days = max_days_late(e);
    out << "\n"
        << ++rank << ". " << e.customer << " — " << grouped(e.open_minor, e.currency) << " open, " << days
        << (days == 1 ? " day" : " days") << " late\n";
    out << "   step " << e.step_index << ": " << to_string(e.step.action) << " (day "
        << (e.step.offset_days > 0 ? "+" : "") << e.step.offset_days << ")"
        << (item.fee_minor ? ", late fee " + grouped(item.fee_minor, e.currency) : "") << "\n";
    out << "   contact: " << contact_text(e.contact) << (e.contact_fallback ? " (fallback)" : "") << "\n";
    for (const WorklistLine& l : e.lines)
      out << "   - " << l.invoice << " due " << to_iso(l.due_date) << ", "
          << grouped(l.open.minor, e.currency) << ", step " << l.step_index
          << (l.after_broken_promise ? " (promise broken)" : "") << "\n";
    if (!item.problems.empty()) {
      out << "   message not rendered: " << describe(item.problems) << "\n";
      continue;
    }
    out << "   subject: " << item.subject << "\n";
    std::istringstream body(item.body);
    for (std::string line; std::getline(body, line);) out << "   | " << line << "\n";
    if (!item.mailto.empty()) out << "   mailto: " << item.mailto << "\n";
  }
  if (!w.paused.empty()) {
    out << "\nPaused:\n";
    for (const PausedInvoice& p : w.paused)
      out << "   " << p.customer << " " << p.invoice << ": " << to_string(p.reason)
          << (p.until ? " until " + to_iso(*p.until) : "") << "\n";
  }
  if (!w.broken_promises.empty()) {
    out << "\nBroken promises:\n";
    for (const BrokenPromise& b : w.broken_promises)
      out << "   " << b.customer << " " << b.invoice << ": promised by " << to_iso(b.pay_by) << ", broken on "
          << to_iso(b.broken_on) << "\n";
  }
  for (const Problem& p : w.problems) out << "skipped: " << p.where << ": " << p.message << "\n";
}

}  // namespace

int worklist(Context& ctx, Args& args) {
  std::optional<std::string> date = args.option("--date");
  bool charge = args.flag("--charge-fees");
  if (int rc = ctx.leftover(args)) return rc;
  Result<Date> day = day_arg(ctx, date, "--date");
  if (!day) return ctx.rejected(day.problems());
  Ledger* ledger = ctx.ledger();
  if (!ledger) return kIoError;
  if (charge) {
    // Running the worklist with --charge-fees charges the fees its steps made due: once each, however often.
    Result<ActionOutcome> r = ledger->execute(ChargeLateFees{*day});
    if (r) ctx.err << r->label << "\n";
  }
  LedgerWorklist w = load_worklist(ledger->db(), *day);
  if (ctx.format == "json") {
    ctx.out << worklist_json(w).dump(2) << "\n";
  } else if (ctx.format == "csv") {
    Table t{{"rank", "customer", "currency", "open", "days_late", "step", "action", "contact", "email",
             "phone", "invoices", "fee", "subject", "mailto", "body"},
            {},
            {}};
    int rank = 0;
    for (const WorklistItem& item : w.items) {
      const WorklistEntry& e = item.entry;
      const std::string cur(e.currency.view());
      t.rows.push_back({std::to_string(++rank), e.customer, cur, money_text(e.open_minor, cur),
                        std::to_string(max_days_late(e)), std::to_string(e.step_index),
                        to_string(e.step.action), e.contact.name, e.contact.email, e.contact.phone,
                        invoices_text(e), money_text(item.fee_minor, cur), item.subject, item.mailto,
                        item.body});
    }
    ctx.print(t);
  } else {
    print_worklist_table(ctx.out, w);
  }
  return kOk;
}

}  // namespace duebook::cli

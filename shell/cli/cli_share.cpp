// CLI: the customer's reply file (ledger/customer_reply.h). The business makes a statement file for one
// customer; the customer (here, or in the web app) makes a reply from it; the business records the reply.
#include <fstream>
#include <sstream>

#include "cli.h"
#include "collections/collections.h"
#include "customers/customer_queries.h"
#include "ledger/customer_reply.h"

namespace duebook::cli {
namespace {

// share statement --customer C [--date D] --output FILE.duebook
int share_statement(Context& ctx, Args& args) {
  std::optional<std::string> customer = args.option("--customer"), output = args.option("--output");
  std::optional<std::string> date = args.option("--date");
  if (int rc = ctx.leftover(args)) return rc;
  if (!customer || !output) return ctx.usage("share statement needs --customer C --output FILE.duebook");
  Result<Date> day = date_arg(ctx, date, "--date");
  if (!day) return ctx.rejected(day.problems());
  Ledger* ledger = ctx.ledger();
  if (!ledger) return kIoError;
  std::optional<Customer> c = find_customer_arg(ledger->db(), *customer);
  if (!c) return ctx.rejected({{"--customer", "no customer \"" + *customer + "\""}});
  Result<StatementFile> file = make_statement_file(ledger->db(), c->id, day.value());
  if (!file) return ctx.rejected(file.problems());
  StatementFile f = std::move(file).value();
  if (int rc = write_output(ctx, *output, write_statement_file(f))) return rc;
  ctx.out << "Statement file for " << f.customer << " as of " << iso(f.as_of) << ": " << f.invoices.size()
          << " open invoice(s), written to " << *output << "\n";
  return kOk;
}

// One --promise INV:YYYY-MM-DD:AMOUNT, --dispute INV:REASON[:NOTES] or --paid INV:YYYY-MM-DD[:REFERENCE].
std::optional<ReplyItem> item_arg(const StatementFile& s, const std::string& kind, const std::string& text,
                                  Problems& problems) {
  std::vector<std::string> parts;
  std::stringstream in(text);
  for (std::string part; std::getline(in, part, ':');) parts.push_back(part);
  const std::string option = "--" + kind;
  ReplyItem item;
  item.kind = kind;
  if (parts.size() < 2) {
    problems.push_back({option, "\"" + text + "\" needs INVOICE:" + (kind == "dispute" ? "REASON" : "DATE")});
    return std::nullopt;
  }
  item.invoice = parts[0];
  std::string currency = "EUR";
  for (const StatementFileInvoice& i : s.invoices)
    if (i.number == item.invoice) currency = i.currency;
  if (kind == "dispute") {
    item.reason = parts[1];
    if (parts.size() > 2) item.notes = text.substr(parts[0].size() + parts[1].size() + 2);
    return item;
  }
  std::optional<Date> day = value_or_problem(parse_date(parts[1]), problems, option);
  if (!day) return std::nullopt;
  item.date = *day;
  if (kind == "promise") {
    if (parts.size() != 3) {
      problems.push_back({option, "\"" + text + "\" needs INVOICE:DATE:AMOUNT"});
      return std::nullopt;
    }
    std::optional<int64_t> amount = value_or_problem(amount_arg(parts[2], currency, option), problems);
    if (!amount) return std::nullopt;
    item.amount = *amount;
  } else if (parts.size() > 2) {
    item.reference = text.substr(parts[0].size() + parts[1].size() + 2);
  }
  return item;
}

// share reply --statement FILE --person NAME [--date D] (--promise ..|--dispute ..|--paid ..)... --output
// FILE
int share_reply(Context& ctx, Args& args) {
  std::optional<std::string> statement = args.option("--statement"), output = args.option("--output");
  std::optional<std::string> person = args.option("--person"), date = args.option("--date");
  std::vector<std::pair<std::string, std::string>> given;
  for (const char* kind : {"promise", "dispute", "paid"})
    while (std::optional<std::string> v = args.option(std::string("--") + kind)) given.push_back({kind, *v});
  if (int rc = ctx.leftover(args)) return rc;
  if (!statement || !output || given.empty())
    return ctx.usage(
        "share reply needs --statement FILE --output FILE and at least one --promise INV:DATE:AMOUNT, "
        "--dispute INV:REASON[:NOTES] or --paid INV:DATE[:REFERENCE]");
  const Input input = read_input(ctx, *statement, kShareFileMaxBytes);
  if (input.rc) return input.rc;
  Result<StatementFile> s = read_statement_file(*statement, input.bytes);
  if (!s) return ctx.rejected(s.problems());
  Result<Date> day = date_arg(ctx, date, "--date");
  if (!day) return ctx.rejected(day.problems());
  Problems problems;
  std::vector<ReplyItem> items;
  for (const auto& [kind, text] : given)
    if (std::optional<ReplyItem> item = item_arg(s.value(), kind, text, problems)) items.push_back(*item);
  if (!problems.empty()) return ctx.rejected(problems);
  Result<ReplyFile> reply = make_reply(s.value(), day.value(), person.value_or(""), std::move(items));
  if (!reply) return ctx.rejected(reply.problems());
  ReplyFile f = std::move(reply).value();
  if (int rc = write_output(ctx, *output, write_reply_file(f))) return rc;
  ctx.out << "Reply to " << (s->company.name.empty() ? std::string("the business") : s->company.name)
          << " about " << f.items.size() << " invoice(s), written to " << *output << "\n";
  return kOk;
}

}  // namespace

int import_reply_command(Context& ctx, Args& args, const std::string& path) {
  const bool dry_run = args.flag("--dry-run");
  if (int rc = ctx.leftover(args)) return rc;
  const Input input = read_input(ctx, path, kShareFileMaxBytes);
  if (input.rc) return input.rc;
  if (sniff_share_file(input.bytes) == ShareFileKind::Ledger)
    return ctx.rejected({{path, "is a ledger file, not a customer's reply: import it with --ledger"}});
  Result<ReplyFile> reply = read_reply_file(path, input.bytes);
  if (!reply) return ctx.rejected(reply.problems());
  Ledger* ledger = ctx.ledger();
  if (!ledger) return kIoError;
  Result<RecordCustomerReply> command = reply_command(ledger->db(), reply.value());
  if (!command) {
    Problems problems = command.problems();
    for (Problem& p : problems) p.where = path + ": " + p.where;
    return ctx.rejected(problems);
  }
  const std::string currency = find_customer(ledger->db(), command->customer_id)->fields.currency;
  Table t{{"invoice", "from", "what"}, {}, {false, false, false}};
  for (const ReplyItem& i : reply->items)
    t.rows.push_back({i.invoice, reply->person,
                      describe_reply_item(i, money_text(i.amount, currency) + " " + currency, iso(i.date))});
  if (dry_run) {
    ctx.print(t);
    ctx.out << "Dry run: nothing was written\n";
    return kOk;
  }
  Result<ActionOutcome> done = ledger->execute(command.value());
  if (!done) {
    Problems problems = done.problems();
    for (Problem& p : problems) p.where = path + ": " + p.where;
    return ctx.rejected(problems);
  }
  ctx.print(t);
  ctx.out << "Recorded the reply from " << reply->customer << " (" << reply->items.size()
          << " item(s)); a paid claim is a contact to check, not a payment\n";
  return kOk;
}

const std::vector<Handler>& share_handlers() {
  static const std::vector<Handler> handlers = {
      {"share", "statement",
       "a statement file for one customer to answer in the web app: --customer C [--date D] --output "
       "FILE.duebook",
       share_statement},
      {"share", "reply",
       "the customer's reply to a statement file: --statement FILE [--person NAME] [--date D] "
       "(--promise INV:DATE:AMOUNT | --dispute INV:REASON[:NOTES] | --paid INV:DATE[:REFERENCE])... --output "
       "FILE.duebook",
       share_reply},
  };
  return handlers;
}

}  // namespace duebook::cli

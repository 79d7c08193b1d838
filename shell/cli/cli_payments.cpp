// CLI commands for money received and credit: payment add|preview|allocate|list|credits|refund, customer
// balance.
#include <ostream>

#include "cli.h"
#include "invoicing/invoice_queries.h"
#include "invoicing/payment_preview.h"

namespace duebook::cli {
namespace {

// Parses --amount (in the customer's currency) and --date (today when absent); problems name the option.
Problems take_amount_and_date(const Context& ctx, const std::string& amount,
                              const std::optional<std::string>& date, const Customer& customer,
                              int64_t* amount_out, Date* date_out) {
  Problems problems;
  if (auto a = value_or_problem(amount_arg(amount, customer.fields.currency, "--amount"), problems))
    *amount_out = a.value();
  if (auto d = value_or_problem(date_arg(ctx, date, "--date"), problems)) *date_out = d.value();
  return problems;
}

// Reads the options of payment add / preview into `out`; on failure prints why and returns the exit code.
int read_payment(Context& ctx, Args& args, const char* command, RecordPayment& out) {
  std::optional<std::string> customer_key = args.option("--customer"), amount = args.option("--amount");
  std::optional<std::string> date = args.option("--date"), currency = args.option("--currency");
  std::optional<std::string> method = args.option("--method"), reference = args.option("--reference");
  std::vector<std::string> manual;
  while (std::optional<std::string> a = args.option("--allocate")) manual.push_back(*a);
  if (int rc = ctx.leftover(args)) return rc;
  if (!customer_key || !amount) return ctx.usage(std::string(command) + " needs --customer and --amount");
  Ledger* ledger = ctx.ledger();
  if (!ledger) return kIoError;
  std::optional<Customer> customer = find_customer_arg(ledger->db(), *customer_key);
  if (!customer) return ctx.rejected({{"--customer", "no customer \"" + *customer_key + "\""}});
  out.customer_id = customer->id;
  out.currency = currency.value_or("");
  out.method = method.value_or("");
  out.reference = reference.value_or("");
  Problems problems = take_amount_and_date(ctx, *amount, date, *customer, &out.amount, &out.date);
  for (const std::string& m : manual) {
    size_t eq = m.find('=');
    std::optional<int64_t> id = invoice_arg(ledger->db(), m.substr(0, eq), InvoiceScope::Issued);
    if (eq == std::string::npos || !id) {
      problems.push_back({"--allocate " + m, eq == std::string::npos
                                                 ? "write INVOICE=AMOUNT"
                                                 : "no invoice \"" + m.substr(0, eq) + "\""});
      continue;
    }
    if (auto a = value_or_problem(amount_arg(m.substr(eq + 1), customer->fields.currency, "--allocate " + m),
                                  problems))
      out.allocations.push_back({*id, *a});
  }
  if (!problems.empty()) return ctx.rejected(problems);
  return kOk;
}

// The preview as a table: one row per invoice, then what stays unapplied.
void print_preview(Context& ctx, const PaymentPreview& p) {
  Table t{{"invoice", "due", "open_before", "applied", "discount", "discount_deadline", "open_after", "how"},
          {},
          {false, false, true, true, true, false, true, false}};
  for (const PaymentPreviewLine& l : p.lines)
    t.rows.push_back({l.number, l.due_date, money_text(l.open_before, p.currency),
                      money_text(l.applied, p.currency), money_text(l.discount, p.currency),
                      l.discount_deadline, money_text(l.open_after, p.currency),
                      p.manual         ? "by hand"
                      : l.by_reference ? "by reference"
                                       : "oldest due"});
  t.rows.push_back({"(unapplied credit)", "", "", money_text(p.unapplied, p.currency), "", "", "", ""});
  ctx.print(t);
}

int preview(Context& ctx, Args& args) {
  RecordPayment p;
  if (int rc = read_payment(ctx, args, "payment preview", p)) return rc;
  Result<PaymentPreview> r = preview_payment(ctx.ledger()->db(), p);
  if (!r) return ctx.rejected(r.problems());
  print_preview(ctx, *r);
  return kOk;
}

int add(Context& ctx, Args& args) {
  RecordPayment p;
  if (int rc = read_payment(ctx, args, "payment add", p)) return rc;
  Ledger* ledger = ctx.ledger();
  Result<PaymentPreview> planned = preview_payment(ledger->db(), p);
  Result<ActionOutcome> r = ledger->execute(p);
  if (!r) return ctx.rejected(r.problems());
  ctx.out << r->label << " (payment #" << r->created_id << ")\n";
  for (const PaymentSummary& s : list_payments(ledger->db(), {p.customer_id, 0, 1000000}))
    if (s.id == r->created_id)
      ctx.out << "Applied to: " << (s.applied_to.empty() ? "(none)" : s.applied_to)
              << "; unapplied: " << money_text(s.unallocated, s.currency) << " " << s.currency << "\n";
  if (planned)
    for (const PaymentPreviewLine& l : planned->lines)
      if (l.discount > 0)
        ctx.out << "Early-payment discount on " << l.number << ": "
                << money_text(l.discount, planned->currency) << " " << planned->currency << " (" << l.terms
                << "; paid within the deadline " << l.discount_deadline << ")\n";
  return kOk;
}

int allocate(Context& ctx, Args& args) {
  std::optional<std::string> payment = args.option("--payment"), credit = args.option("--credit-note");
  std::optional<std::string> date = args.option("--date");
  std::vector<std::string> targets;
  while (std::optional<std::string> t = args.option("--invoice")) targets.push_back(*t);
  if (int rc = ctx.leftover(args)) return rc;
  if (bool(payment) == bool(credit) || targets.empty())
    return ctx.usage(
        "payment allocate needs --payment ID or --credit-note NUMBER, and --invoice NUMBER[=AMOUNT]");
  Ledger* ledger = ctx.ledger();
  if (!ledger) return kIoError;
  Db& db = ledger->db();
  AllocateCredit c;
  if (payment) {
    c.source = {CreditKind::Payment, std::atoll(payment->c_str() + (payment->rfind('#', 0) == 0 ? 1 : 0))};
  } else {
    std::optional<int64_t> id = find_credit_note_by_number(db, *credit);
    if (!id && credit->find_first_not_of("#0123456789") == std::string::npos)
      id = std::atoll(credit->c_str() + (credit->rfind('#', 0) == 0 ? 1 : 0));
    if (!id) return ctx.rejected({{"--credit-note", "no credit note \"" + *credit + "\""}});
    c.source = {CreditKind::CreditNote, *id};
  }
  std::string currency = "USD";
  if (c.source.kind == CreditKind::CreditNote) {
    if (auto n = find_credit_note(db, c.source.id))
      if (auto cust = find_customer(db, n->customer_id)) currency = cust->fields.currency;
  } else {
    for (const PaymentSummary& s : list_payments(db, {0, 0, 1000000}))
      if (s.id == c.source.id) currency = s.currency;
  }
  Problems problems;
  for (size_t i = 0; i < targets.size(); ++i) {
    std::string number = targets[i], amount;
    if (size_t eq = number.find('='); eq != std::string::npos)
      amount = number.substr(eq + 1), number.resize(eq);
    std::optional<int64_t> id = find_invoice_by_number(db, number);
    if (!id) {
      problems.push_back({"--invoice " + targets[i], "no invoice \"" + number + "\""});
      continue;
    }
    AllocateCredit::Target t{*id, std::nullopt};
    if (!amount.empty()) {
      if (auto a = value_or_problem(amount_arg(amount, currency, "--invoice " + targets[i]), problems))
        t.amount = a.value();
    }
    c.targets.push_back(t);
  }
  if (date) {
    if (auto d = value_or_problem(date_arg(ctx, date, "--date"), problems)) c.date = d.value();
  }
  if (!problems.empty()) return ctx.rejected(problems);
  Result<ActionOutcome> r = ledger->execute(c);
  if (!r) return ctx.rejected(r.problems());
  ctx.out << r->label << "\n";
  return kOk;
}

int list(Context& ctx, Args& args) {
  std::optional<std::string> customer = args.option("--customer");
  PaymentQuery q;
  q.limit = std::atoll(args.option("--limit").value_or("1000000").c_str());
  q.offset = std::atoll(args.option("--offset").value_or("0").c_str());
  if (int rc = ctx.leftover(args)) return rc;
  Ledger* ledger = ctx.ledger();
  if (!ledger) return kIoError;
  if (customer) {
    std::optional<Customer> c = find_customer_arg(ledger->db(), *customer);
    if (!c) return ctx.rejected({{"--customer", "no customer \"" + *customer + "\""}});
    q.customer_id = c->id;
  }
  Table t{{"id", "date", "customer", "currency", "amount", "unapplied", "method", "reference", "status",
           "applied_to"},
          {},
          {true, false, false, false, true, true}};
  for (const PaymentSummary& p : list_payments(ledger->db(), q))
    t.rows.push_back({std::to_string(p.id), p.date, p.customer_name, p.currency,
                      money_text(p.amount, p.currency), money_text(p.unallocated, p.currency), p.method,
                      p.reference, p.status, p.applied_to});
  ctx.print(t);
  return kOk;
}

// The unapplied credit (payments and credit notes with credit left), oldest first; --customer narrows it.
int credits(Context& ctx, Args& args) {
  std::optional<std::string> customer = args.option("--customer");
  if (int rc = ctx.leftover(args)) return rc;
  Ledger* ledger = ctx.ledger();
  if (!ledger) return kIoError;
  int64_t customer_id = 0;
  if (customer) {
    std::optional<Customer> c = find_customer_arg(ledger->db(), *customer);
    if (!c) return ctx.rejected({{"--customer", "no customer \"" + *customer + "\""}});
    customer_id = c->id;
  }
  Table t{{"kind", "id", "number", "date", "customer", "currency", "amount", "unapplied", "detail"},
          {},
          {false, true, false, false, false, false, true, true}};
  for (const UnappliedCredit& c : list_unapplied_credits(ledger->db(), customer_id, 1000000))
    t.rows.push_back({to_string(c.source.kind), std::to_string(c.source.id), c.number, c.date,
                      c.customer_name, c.currency, money_text(c.amount, c.currency),
                      money_text(c.unapplied, c.currency), c.detail});
  ctx.print(t);
  return kOk;
}

int refund(Context& ctx, Args& args) {
  std::optional<std::string> customer_key = args.option("--customer"), amount = args.option("--amount");
  std::optional<std::string> date = args.option("--date"), method = args.option("--method");
  std::optional<std::string> reference = args.option("--reference");
  if (int rc = ctx.leftover(args)) return rc;
  if (!customer_key || !amount) return ctx.usage("payment refund needs --customer and --amount");
  Ledger* ledger = ctx.ledger();
  if (!ledger) return kIoError;
  std::optional<Customer> customer = find_customer_arg(ledger->db(), *customer_key);
  if (!customer) return ctx.rejected({{"--customer", "no customer \"" + *customer_key + "\""}});
  RefundCredit c;
  c.customer_id = customer->id;
  c.method = method.value_or("");
  c.reference = reference.value_or("");
  if (Problems problems = take_amount_and_date(ctx, *amount, date, *customer, &c.amount, &c.date);
      !problems.empty())
    return ctx.rejected(problems);
  Result<ActionOutcome> r = ledger->execute(c);
  if (!r) return ctx.rejected(r.problems());
  ctx.out << r->label << "\n";
  return kOk;
}

int balance(Context& ctx, Args& args) {
  std::optional<std::string> key = args.positional();
  if (int rc = ctx.leftover(args)) return rc;
  Ledger* ledger = ctx.ledger();
  if (!ledger) return kIoError;
  std::vector<Customer> customers;
  if (key) {
    std::optional<Customer> c = find_customer_arg(ledger->db(), *key);
    if (!c) return ctx.rejected({{"customer", "no customer \"" + *key + "\""}});
    customers.push_back(*c);
  } else {
    customers = list_customers(ledger->db(), {"", 0, 1000000});
  }
  Table t{{"id", "customer", "currency", "ar_balance", "unapplied_credit", "net_balance", "open_invoices"},
          {},
          {true, false, false, true, true, true, true}};
  for (const Customer& c : customers) {
    CustomerBalance b = *customer_balance(ledger->db(), c.id);
    t.rows.push_back({std::to_string(c.id), c.fields.name, b.currency, money_text(b.ar_balance, b.currency),
                      money_text(b.unapplied_credit, b.currency), money_text(b.net_balance, b.currency),
                      std::to_string(b.open_invoices)});
  }
  ctx.print(t);
  return kOk;
}

}  // namespace

const std::vector<Handler>& payment_handlers() {
  static const std::vector<Handler> handlers = {
      {"payment", "add",
       "record money received, allocated by reference then oldest due (or --allocate INVOICE=AMOUNT ... by "
       "hand), early-payment discounts taken: --customer C --amount A [--date D] [--currency X] [--method M] "
       "[--reference R]",
       add},
      {"payment", "preview",
       "show how a payment would be allocated and the discounts it earns, recording nothing: --customer C "
       "--amount A [--date D] [--currency X] [--method M] [--reference R] [--allocate INVOICE=AMOUNT ...]",
       preview},
      {"payment", "allocate",
       "allocate unapplied credit: (--payment ID | --credit-note NUMBER) --invoice NUMBER[=AMOUNT] ... "
       "[--date D]",
       allocate},
      {"payment", "list", "list payments [--customer C] [--limit N] [--offset N]", list},
      {"payment", "credits",
       "list unapplied credit (payments and credit notes not yet allocated or refunded), oldest first: "
       "[--customer C]; apply it with payment allocate",
       credits},
      {"payment", "refund",
       "pay unapplied credit back: --customer C --amount A [--date D] [--method M] [--reference R]", refund},
      {"customer", "balance", "AR balance and unapplied credit: [ID|NAME]", balance},
  };
  return handlers;
}

}  // namespace duebook::cli

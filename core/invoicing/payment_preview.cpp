// The plan of one payment (payment_preview.h): the allocation rule with early-payment discounts, manual
// allocations, and the credit notes that book the discounts.
#include "invoicing/payment_preview.h"

#include <algorithm>
#include <limits>
#include <map>
#include <optional>

#include "base/currencies.h"
#include "base/text.h"
#include "customers/terms.h"
#include "invoicing/early_payment.h"
#include "invoicing/invoice_commands.h"
#include "invoicing/receivables.h"

namespace duebook {

namespace {

// What the plan needs of one invoice.
struct InvoiceFacts {
  int64_t id = 0;
  int64_t customer_id = 0;
  bool payable = false;  // issued, not void
  std::string number, issue_date, due_date, terms;
  int64_t net = 0, tax = 0, total = 0, open = 0;
};

std::optional<InvoiceFacts> read_facts(Db& db, int64_t id) {
  Statement& st = db.prepare(
      "SELECT customer_id, issued AND NOT voided, coalesce(number, ''), issue_date, due_date, terms, net, "
      "tax, "
      "total, open_amount FROM invoices WHERE id = ?1");
  st.bind_all(id);
  std::optional<InvoiceFacts> f;
  if (st.step())
    f = InvoiceFacts{id,         st.int64(0), st.int64(1) != 0, st.text(2),  st.text(3), st.text(4),
                     st.text(5), st.int64(6), st.int64(7),      st.int64(8), st.int64(9)};
  st.reset();
  return f;
}

bool named_in(std::string_view reference, const std::string& number) {
  for (const std::string& named : referenced_numbers(reference))
    if (lower_ascii(named) == lower_ascii(number)) return true;
  return false;
}

// Applies up to `money` of a payment dated `paid_on` to invoice `f` with `open` still open: the discounted
// amount and the discount when the payment earns it (book_early_payment), else at most the open amount.
PaymentPreviewLine book_line(const InvoiceFacts& f, const std::string& customer_terms, int64_t open,
                             const Date& paid_on, int64_t money) {
  PaymentPreviewLine line;
  line.invoice_id = f.id;
  line.number = f.number;
  line.issue_date = f.issue_date;
  line.due_date = f.due_date;
  line.terms = f.terms.empty() ? customer_terms : f.terms;
  line.open_before = open;
  line.date = std::max(iso(paid_on), f.issue_date);
  line.applied = std::min(money, open);
  line.open_after = open - line.applied;
  Result<PaymentTerms> terms = parse_terms(line.terms);
  if (!terms) return line;
  const Date invoice_date = iso_date(f.issue_date);
  const std::optional<Date> deadline = discount_deadline(*terms, invoice_date);
  if (!deadline) return line;
  line.discount_offered = discount_amount(*terms, f.total);
  line.discount_deadline = iso(*deadline);
  EarlyPaymentInput in;
  in.terms = *terms;
  in.invoice_date = invoice_date;
  in.gross_minor = f.total;
  in.net_minor = f.net;
  in.tax_minor = f.tax;
  in.open_minor = open;
  in.paid_on = paid_on;
  in.paid_minor = money;
  Result<EarlyPaymentBooking> b = book_early_payment(in);
  if (!b || !b->discount_taken) return line;  // e.g. an imported invoice whose net + tax != total
  line.applied = b->applied_minor;
  line.discount = b->discount_minor;
  line.discount_tax = b->discount_tax_minor;
  line.open_after = b->remaining_open_minor;
  return line;
}

// The checks RecordPayment makes of its own fields; fills the preview's customer part.
Status check_payment(Db& db, const RecordPayment& c, PaymentPreview& out) {
  std::optional<CustomerBrief> customer = find_customer_brief(db, c.customer_id);
  if (!customer) return Problem{"customer_id", "no customer with id " + std::to_string(c.customer_id)};
  out.customer_id = customer->id;
  out.customer_name = customer->name;
  out.currency = customer->currency;
  out.amount = c.amount;
  Problems problems;
  std::string paid_in = customer->currency;
  if (!trimmed(c.currency).empty()) {
    Result<CurrencyCode> code = parse_currency_code(c.currency);
    if (!code)
      problems.push_back({"currency", "\"" + c.currency + "\" is not a currency code"});
    else
      paid_in = std::string(code->view());
  }
  if (paid_in != customer->currency)
    problems.push_back({"currency", "the payment is in " + paid_in + " but " + customer->name +
                                        " is invoiced in " + customer->currency});
  if (c.amount <= 0) problems.push_back({"amount", "must be more than zero"});
  if (!is_valid(c.date) || c.date.y < 1 || c.date.y > 9999)
    problems.push_back({"date", "is not a valid date"});
  if (c.method.size() > 100) problems.push_back({"method", "is longer than 100 characters"});
  if (c.reference.size() > 200) problems.push_back({"reference", "is longer than 200 characters"});
  if (std::optional<std::string> why = reference_problem(db, c.customer_id, c.reference))
    problems.push_back({"reference", *why});
  if (!problems.empty()) return problems;
  return ok_status();
}

// The lines of a payment allocated by hand, or the problems of its allocations.
Result<std::vector<PaymentPreviewLine>> manual_lines(Db& db, const RecordPayment& c,
                                                     const PaymentPreview& p) {
  const std::string customer_terms = find_customer_brief(db, c.customer_id)->terms;
  Problems problems;
  std::vector<PaymentPreviewLine> lines;
  int64_t left = c.amount;
  for (size_t i = 0; i < c.allocations.size(); ++i) {
    const AllocationShare& share = c.allocations[i];
    const std::string at = "allocations[" + std::to_string(i) + "]";
    std::optional<InvoiceFacts> f = read_facts(db, share.invoice_id);
    bool twice = std::any_of(c.allocations.begin(), c.allocations.begin() + long(i),
                             [&](const AllocationShare& s) { return s.invoice_id == share.invoice_id; });
    if (!f || !f->payable || f->customer_id != c.customer_id || f->open <= 0) {
      problems.push_back({at + ".invoice_id", "no open invoice of " + p.customer_name + " with id " +
                                                  std::to_string(share.invoice_id)});
      continue;
    }
    if (twice) {
      problems.push_back({at + ".invoice_id", "invoice " + f->number + " is named twice"});
      continue;
    }
    if (share.amount <= 0) {
      problems.push_back({at + ".amount", "must be more than zero"});
      continue;
    }
    if (share.amount > f->open) {
      problems.push_back({at + ".amount", "is more than the " +
                                              format_amount(f->open, currency_digits(p.currency)) + " " +
                                              p.currency + " open on " + f->number});
      continue;
    }
    if (share.amount > left) {
      problems.push_back({at + ".amount", "the allocations add up to more than the payment"});
      continue;
    }
    PaymentPreviewLine line = book_line(*f, customer_terms, f->open, c.date, share.amount);
    line.by_reference = named_in(c.reference, f->number);
    left -= line.applied;
    lines.push_back(std::move(line));
  }
  if (!problems.empty()) return problems;
  return lines;
}

}  // namespace

std::vector<PaymentPreviewLine> plan_payment_lines(Db& db, int64_t customer_id, const Date& date,
                                                   int64_t amount, std::string_view reference,
                                                   const std::unordered_map<int64_t, int64_t>* pending) {
  std::optional<CustomerBrief> customer = find_customer_brief(db, customer_id);
  const std::string customer_terms = customer ? customer->terms : "";
  std::vector<PaymentPreviewLine> lines;
  // allocation_candidates reads invoices until their open amounts cover what it is asked for; discounts let
  // the payment reach further, so ask again for the amount plus the discounts until nothing changes.
  int64_t reach = amount;
  for (;;) {
    std::vector<AllocationCandidate> open = allocation_candidates(db, customer_id, reach, reference, pending);
    lines.clear();
    int64_t left = amount, discounts = 0;
    // With an unlimited amount the rule returns every candidate, whole, in its order.
    for (const AllocationShare& s : allocate_payment(std::numeric_limits<int64_t>::max(), reference, open)) {
      if (left == 0) break;
      std::optional<InvoiceFacts> f = read_facts(db, s.invoice_id);
      if (!f) continue;
      PaymentPreviewLine line = book_line(*f, customer_terms, s.amount, date, left);
      line.by_reference = named_in(reference, f->number);
      left -= line.applied;
      discounts += line.discount;
      lines.push_back(std::move(line));
    }
    if (left == 0 || amount + discounts <= reach) return lines;
    reach = amount + discounts;
  }
}

Result<PaymentPreview> preview_payment(Db& db, const RecordPayment& payment) {
  PaymentPreview p;
  if (Status s = check_payment(db, payment, p); !s) return s.problems();
  p.manual = !payment.allocations.empty();
  if (p.manual) {
    Result<std::vector<PaymentPreviewLine>> lines = manual_lines(db, payment, p);
    if (!lines) return lines.problems();
    p.lines = std::move(lines.value());
  } else {
    p.lines =
        plan_payment_lines(db, payment.customer_id, payment.date, payment.amount, payment.reference, nullptr);
  }
  for (const PaymentPreviewLine& line : p.lines) {
    p.applied += line.applied;
    p.discounts += line.discount;
  }
  p.unapplied = p.amount - p.applied;
  return p;
}

std::vector<JsonEvent> discount_events(Db& db, const std::vector<PaymentPreviewLine>& lines,
                                       int64_t customer_id, const std::string& currency, int64_t payment_id,
                                       int64_t* next_credit_note_id, int64_t* next_allocation_id) {
  static const std::string kSeries = "CN";
  std::map<int, SeriesNumber> last;  // by year: the number this call gave last
  std::vector<JsonEvent> events;
  for (const PaymentPreviewLine& line : lines) {
    if (line.discount <= 0) continue;
    const int year = iso_date(line.date).y;
    SeriesNumber n;
    if (auto it = last.find(year); it == last.end()) {
      n = next_series_number(db, "credit_note", kSeries, year);
    } else {
      n = it->second;
      do n.number = series_number(kSeries, year, ++n.counter);
      while (number_taken(db, "credit_note", n.number));
    }
    last[year] = n;
    const int64_t id = (*next_credit_note_id)++;
    const int digits = currency_digits(currency);
    std::string reason = std::string(kEarlyPaymentDiscountReason) + " (" + line.terms + ") on " +
                         line.number + ": payment #" + std::to_string(payment_id) + " within the deadline " +
                         line.discount_deadline;
    if (line.discount_tax > 0) reason += "; of which tax " + format_amount(line.discount_tax, digits);
    events.push_back({"credit_note.issued",
                      {{"id", id},
                       {"number", n.number},
                       {"series", kSeries},
                       {"year", n.year},
                       {"counter", n.counter},
                       {"customer", customer_id},
                       {"currency", currency},
                       {"invoice", line.invoice_id},
                       {"date", line.date},
                       {"amount", line.discount},
                       {"reason", reason}}});
    events.push_back(
        {"allocation.added", allocation_json((*next_allocation_id)++, {CreditKind::CreditNote, id},
                                             line.invoice_id, customer_id, line.discount, line.date)});
  }
  return events;
}

}  // namespace duebook

// An invoice's content: validation and its JSON form (invoice_content.h).
#include "invoicing/invoice_content.h"

#include "base/currencies.h"
#include "base/text.h"
#include "customers/credit_hold.h"
#include "customers/customer_queries.h"
#include "customers/customers.h"
#include "customers/terms.h"
#include "invoicing/receivables.h"

namespace duebook {

namespace {

Json line_to_json(const InvoiceLine& l, int64_t net) {
  return {{"description", l.description}, {"quantity", to_string(l.quantity)}, {"unit_price", l.unit_price},
          {"discount", l.discount},       {"tax_rate", to_string(l.tax_rate)}, {"net", net}};
}

Decimal decimal_of(const Json& j) {
  Result<Decimal> d = parse_decimal(j.get<std::string>());
  return d ? d.value() : Decimal{};
}

}  // namespace

Result<InvoiceContent> validate_invoice(Db& db, const InvoiceFields& in, bool to_issue) {
  Problems problems;
  InvoiceContent c;
  InvoiceFields& f = c.fields;
  f = in;
  f.series = trimmed(f.series);
  f.terms = trimmed(f.terms);
  std::optional<CustomerBrief> customer = find_customer_brief(db, f.customer_id);
  if (!customer) return Problem{"customer_id", "no customer with id " + std::to_string(f.customer_id)};
  c.currency = customer->currency;
  c.customer_name = customer->name;
  if (f.series.empty() || f.series.size() > 12 ||
      f.series.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789") !=
          std::string::npos)
    problems.push_back({"series", "a number series is 1 to 12 letters or digits, like INV"});
  if (!is_valid(f.issue_date) || f.issue_date.y < 1 || f.issue_date.y > 9999)
    return Problem{"issue_date", "is not a valid date"};
  if (f.terms.empty()) f.terms = customer->terms;
  c.due_date = f.issue_date;  // no terms anywhere: due on the invoice date
  if (!f.terms.empty()) {
    if (Result<PaymentTerms> terms = parse_terms(f.terms))
      c.due_date = due_date(terms.value(), f.issue_date);
    else
      problems.push_back({"terms", messages_of(terms.problems())});
  }
  if (f.due_date) {
    c.due_explicit = true;
    c.due_date = *f.due_date;
    if (!is_valid(*f.due_date))
      problems.push_back({"due_date", "is not a valid date"});
    else if (*f.due_date < f.issue_date)
      problems.push_back(
          {"due_date", to_iso(*f.due_date) + " is before the invoice date " + to_iso(f.issue_date)});
  }
  if (f.memo.size() > 2000) problems.push_back({"memo", "is longer than 2000 characters"});
  std::vector<InvoiceLineInput> inputs;
  const int digits = currency_digits(c.currency);
  for (size_t i = 0; i < f.lines.size(); ++i) {
    InvoiceLine& l = f.lines[i];
    l.description = trimmed(l.description);
    std::string at = "lines[" + std::to_string(i) + "].";
    if (to_issue && l.description.empty())
      problems.push_back({at + "description", "every line needs a description (EN 16931 BR-25)"});
    if (l.description.size() > 500) problems.push_back({at + "description", "is longer than 500 characters"});
    inputs.push_back({l.description, l.quantity, Decimal{l.unit_price, digits}, l.discount, l.tax_rate});
  }
  if (to_issue && f.lines.empty())
    problems.push_back({"lines", "an invoice needs at least one line to be issued (EN 16931 BR-16)"});
  Result<InvoiceTotals> totals = compute_totals(inputs, digits);
  if (!totals) {
    for (const Problem& p : totals.problems()) problems.push_back(p);
  } else {
    c.totals = totals.value();
    if (to_issue && c.totals.total_with_tax < 0)
      problems.push_back({"lines", "the invoice total is negative; record a credit note instead"});
  }
  if (!problems.empty()) return problems;
  return c;
}

Json content_to_json(const InvoiceContent& c) {
  Json lines = Json::array();
  for (size_t i = 0; i < c.fields.lines.size(); ++i)
    lines.push_back(line_to_json(c.fields.lines[i], c.totals.line_net[i]));
  return {{"customer", c.fields.customer_id},
          {"currency", c.currency},
          {"series", c.fields.series},
          {"issue_date", iso(c.fields.issue_date)},
          {"due_date", iso(c.due_date)},
          {"due_explicit", c.due_explicit},
          {"terms", c.fields.terms},
          {"memo", c.fields.memo},
          {"lines", lines},
          {"net", c.totals.total_without_tax},
          {"tax", c.totals.total_tax},
          {"total", c.totals.total_with_tax}};
}

InvoiceFields fields_from_content(const Json& c) {
  InvoiceFields f;
  f.customer_id = c["customer"].get<int64_t>();
  f.series = c["series"].get<std::string>();
  f.issue_date = iso_date(c["issue_date"].get<std::string>());
  f.terms = c["terms"].get<std::string>();
  if (c["due_explicit"].get<bool>()) f.due_date = iso_date(c["due_date"].get<std::string>());
  f.memo = c["memo"].get<std::string>();
  for (const Json& l : c["lines"])
    f.lines.push_back({l["description"].get<std::string>(), decimal_of(l["quantity"]),
                       l["unit_price"].get<int64_t>(), l["discount"].get<int64_t>(),
                       decimal_of(l["tax_rate"])});
  return f;
}

}  // namespace duebook

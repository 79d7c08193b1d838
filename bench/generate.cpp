#include "generate.h"

#include <cstdio>
#include <memory>

#include "base/money.h"
#include "base/random.h"

namespace duebook::bench {
namespace {

const char* kFirst[] = {"Acme",    "Baker",   "Crown",   "Delta",     "Evergreen", "Falcon",    "Granite",
                        "Harbor",  "Iris",    "Juniper", "Kestrel",   "Lumen",     "Meridian",  "Northwind",
                        "Orchard", "Pioneer", "Quarry",  "Riverside", "Summit",    "Tidewater", "Union",
                        "Vantage", "Willow",  "Zenith",  "Müller",    "Société",   "Øresund",   "Café"};
const char* kSecond[] = {"Trading",  "Supplies",    "Builders",   "Logistics", "Foods",
                         "Design",   "Engineering", "Consulting", "Print",     "Motors",
                         "Textiles", "Labs",        "Media",      "Freight",   "Interiors"};
const char* kSuffix[] = {"Ltd", "LLC", "Inc", "GmbH", "SARL", "BV", "plc", "& Co"};
const char* kItems[] = {"Consulting hours", "Site visit",  "Materials",    "Delivery",
                        "Monthly retainer", "Design work", "Installation", "Support contract",
                        "Training day",     "Spare parts"};

int digits_of(const std::string& currency) {
  return currency == "JPY" ? 0 : 2;
}

std::string amount_text(int64_t minor, const std::string& currency) {
  return format_amount(minor, digits_of(currency));
}

std::string csv(const std::string& s) {
  if (s.find_first_of(",\"\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

struct File {
  std::FILE* f;
  explicit File(const std::string& path) : f(std::fopen(path.c_str(), "wb")) {}
  ~File() {
    if (f) std::fclose(f);
  }
};

}  // namespace

GeneratedLedger generate(const GeneratorOptions& o) {
  GeneratedLedger g;
  SplitMix64 rng{o.seed};
  g.customers.reserve(size_t(o.customers));
  for (int64_t i = 0; i < o.customers; ++i) {
    GenCustomer c;
    c.name = std::string(kFirst[rng.next() % std::size(kFirst)]) + " " +
             kSecond[rng.next() % std::size(kSecond)] + " " + kSuffix[rng.next() % std::size(kSuffix)] + " " +
             std::to_string(i + 1);
    int64_t roll = rng.between(0, 99);
    c.currency = roll < 70 ? "USD" : roll < 88 ? "EUR" : roll < 97 ? "GBP" : "JPY";
    roll = rng.between(0, 99);
    c.kind = roll < 60   ? PayerKind::OnTime
             : roll < 85 ? PayerKind::Late
             : roll < 95 ? PayerKind::Partial
                         : PayerKind::Never;
    c.mean_days_late = int(rng.between(5, 60));
    const int terms[] = {15, 30, 30, 30, 45, 60};
    c.net_days = terms[rng.next() % std::size(terms)];
    g.customers.push_back(std::move(c));
  }
  int64_t first = days_from_civil(o.first_day), span = days_from_civil(o.last_day) - first;
  int64_t as_of = days_from_civil(o.as_of);
  g.invoices.reserve(size_t(o.invoices));
  g.payments.reserve(size_t(o.invoices));
  for (int64_t i = 0; i < o.invoices; ++i) {
    GenInvoice inv;
    char number[32];
    std::snprintf(number, sizeof number, "INV-%07lld", (long long)(i + 1));
    inv.number = number;
    // Invoices in date order, so numbers rise with dates as in a real book.
    int64_t day = first + span * i / std::max<int64_t>(1, o.invoices);
    inv.customer = int32_t(rng.next() % uint64_t(o.customers));
    const GenCustomer& c = g.customers[size_t(inv.customer)];
    inv.issued = civil_from_days(day);
    inv.due = add_days(inv.issued, c.net_days);
    int lines = int(rng.between(1, 3));
    inv.total_minor = 0;
    int64_t scale = c.currency == "JPY" ? 1 : 100;  // JPY amounts have no minor unit but are ~100× larger
    for (int l = 0; l < lines; ++l) {
      GenLine line{kItems[rng.next() % std::size(kItems)], rng.between(1, 20),
                   rng.between(500, 50000) * scale / 100};
      if (c.currency == "JPY") line.rate_minor = rng.between(500, 50000);
      inv.total_minor += line.quantity * line.rate_minor;
      inv.lines.push_back(std::move(line));
    }
    // Credit notes on about 3 % of invoices: part of the amount.
    int64_t credited = 0;
    if (rng.chance(3)) {
      credited = inv.total_minor * rng.between(5, 50) / 100;
      char cn[32];
      std::snprintf(cn, sizeof cn, "CN-%07lld", (long long)(g.credit_notes.size() + 1));
      int64_t cn_day = std::min(as_of, day + rng.between(1, 20));
      g.credit_notes.push_back({cn, civil_from_days(cn_day), int32_t(i), credited});
    }
    int64_t owed = inv.total_minor - credited;
    int64_t due_day = days_from_civil(inv.due);
    auto pay = [&](int64_t pay_day, int64_t amount) {
      if (pay_day <= as_of && amount > 0)
        g.payments.push_back({civil_from_days(pay_day), inv.customer, amount, inv.number});
    };
    switch (c.kind) {
      case PayerKind::OnTime:
        pay(due_day - rng.between(0, 10), owed);
        break;
      case PayerKind::Late:
        pay(due_day + rng.between(c.mean_days_late / 2, c.mean_days_late * 3 / 2), owed);
        break;
      case PayerKind::Partial: {
        int64_t part = owed * rng.between(30, 70) / 100;
        pay(due_day + rng.between(0, 30), part);
        if (rng.chance(60)) pay(due_day + rng.between(31, 120), owed - part);
        break;
      }
      case PayerKind::Never:
        if (rng.chance(20)) pay(due_day + rng.between(100, 400), owed);
        break;
    }
    g.invoices.push_back(std::move(inv));
  }
  return g;
}

bool write_invoices_csv(const GeneratedLedger& g, const std::string& path) {
  File out(path);
  if (!out.f) return false;
  std::fputs(
      "InvoiceNo,Customer,InvoiceDate,DueDate,Terms,Memo,ItemDescription,ItemQuantity,ItemRate,ItemAmount,"
      "Currency\n",
      out.f);
  for (const GenInvoice& inv : g.invoices) {
    const GenCustomer& c = g.customers[size_t(inv.customer)];
    std::string name = csv(c.name), issued = to_iso(inv.issued), due = to_iso(inv.due);
    for (const GenLine& l : inv.lines)
      std::fprintf(out.f, "%s,%s,%s,%s,Net %d,,%s,%lld,%s,%s,%s\n", inv.number.c_str(), name.c_str(),
                   issued.c_str(), due.c_str(), c.net_days, l.description.c_str(), (long long)l.quantity,
                   amount_text(l.rate_minor, c.currency).c_str(),
                   amount_text(l.quantity * l.rate_minor, c.currency).c_str(), c.currency.c_str());
  }
  return std::ferror(out.f) == 0;
}

bool write_payments_csv(const GeneratedLedger& g, const std::string& path) {
  File out(path);
  if (!out.f) return false;
  std::fputs("Date,Customer,Amount,Currency,Reference,Method\n", out.f);
  for (const GenPayment& p : g.payments) {
    const GenCustomer& c = g.customers[size_t(p.customer)];
    std::fprintf(out.f, "%s,%s,%s,%s,%s,bank transfer\n", to_iso(p.date).c_str(), csv(c.name).c_str(),
                 amount_text(p.amount_minor, c.currency).c_str(), c.currency.c_str(), p.reference.c_str());
  }
  return std::ferror(out.f) == 0;
}

bool write_journal(const GeneratedLedger& g, const std::string& path) {
  File out(path);
  if (!out.f) return false;
  // Postings sorted by date keep both tools on their fast path; invoices are generated in date order and
  // payments/credit notes are appended after, which both ledger and hledger accept.
  for (const GenInvoice& inv : g.invoices) {
    const GenCustomer& c = g.customers[size_t(inv.customer)];
    std::fprintf(out.f, "%s * %s | %s\n    Assets:Receivable:%s  %s %s\n    Income:Sales\n\n",
                 to_iso(inv.issued).c_str(), inv.number.c_str(), c.name.c_str(), c.name.c_str(),
                 amount_text(inv.total_minor, c.currency).c_str(), c.currency.c_str());
  }
  for (const GenCreditNote& cn : g.credit_notes) {
    const GenCustomer& c = g.customers[size_t(g.invoices[size_t(cn.invoice)].customer)];
    std::fprintf(out.f, "%s * %s | %s\n    Income:Sales:Returns  %s %s\n    Assets:Receivable:%s\n\n",
                 to_iso(cn.date).c_str(), cn.number.c_str(), c.name.c_str(),
                 amount_text(cn.amount_minor, c.currency).c_str(), c.currency.c_str(), c.name.c_str());
  }
  for (const GenPayment& p : g.payments) {
    const GenCustomer& c = g.customers[size_t(p.customer)];
    std::fprintf(out.f, "%s * Payment %s | %s\n    Assets:Bank  %s %s\n    Assets:Receivable:%s\n\n",
                 to_iso(p.date).c_str(), p.reference.c_str(), c.name.c_str(),
                 amount_text(p.amount_minor, c.currency).c_str(), c.currency.c_str(), c.name.c_str());
  }
  return std::ferror(out.f) == 0;
}

}  // namespace duebook::bench

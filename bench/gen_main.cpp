// duebook-gen: writes a synthetic ledger as QuickBooks-style CSV files and a ledger/hledger journal.
//   duebook-gen --invoices N [--customers C] [--seed S] [--first-day D] [--last-day D] [--as-of D] --out DIR
// (dates YYYY-MM-DD: invoices are issued from the first to the last day, payments made up to the as-of day).
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>

#include "base/date.h"
#include "generate.h"

int main(int argc, char** argv) {
  duebook::bench::GeneratorOptions o;
  std::string out;
  bool customers_given = false;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string k = argv[i], v = argv[i + 1];
    if (k == "--invoices")
      o.invoices = std::atoll(v.c_str());
    else if (k == "--customers")
      o.customers = std::atoll(v.c_str()), customers_given = true;
    else if (k == "--seed")
      o.seed = std::strtoull(v.c_str(), nullptr, 10);
    else if (k == "--out")
      out = v;
    else if (k == "--first-day" || k == "--last-day" || k == "--as-of") {
      duebook::Result<duebook::Date> d = duebook::parse_date(v);
      if (!d) {
        std::fprintf(stderr, "duebook-gen: %s: %s\n", k.c_str(), d.problems()[0].message.c_str());
        return 2;
      }
      (k == "--first-day" ? o.first_day : k == "--last-day" ? o.last_day : o.as_of) = d.value();
    } else {
      std::fprintf(stderr, "duebook-gen: unknown option %s\n", k.c_str());
      return 2;
    }
  }
  if (out.empty() || o.invoices <= 0) {
    std::fprintf(stderr,
                 "usage: duebook-gen --invoices N [--customers C] [--seed S] [--first-day D] [--last-day D] "
                 "[--as-of D] --out DIR\n");
    return 2;
  }
  if (!customers_given) o.customers = std::max<int64_t>(1, o.invoices / 10);
  std::filesystem::create_directories(out);
  duebook::bench::GeneratedLedger g = duebook::bench::generate(o);
  bool ok = duebook::bench::write_invoices_csv(g, out + "/invoices.csv") &&
            duebook::bench::write_payments_csv(g, out + "/payments.csv") &&
            duebook::bench::write_journal(g, out + "/ledger.journal");
  if (!ok) {
    std::fprintf(stderr, "duebook-gen: %s: %s\n", out.c_str(), std::strerror(errno));
    return 4;
  }
  std::printf("{\"invoices\": %zu, \"customers\": %zu, \"payments\": %zu, \"credit_notes\": %zu}\n",
              g.invoices.size(), g.customers.size(), g.payments.size(), g.credit_notes.size());
  return 0;
}

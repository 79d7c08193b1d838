#include "ledger/demo_ledger.h"

#include <algorithm>
#include <map>
#include <vector>

#include "base/random.h"
#include "collections/collections_queries.h"
#include "customers/customer_queries.h"
#include "ledger/commands.h"
#include "store/events.h"

namespace duebook {

namespace {

// How a customer pays: days after the due date its payments arrive (negative: early), and from how many days
// before the demo's today it stops paying (0: keeps paying).
enum class Payer { Prompt, Steady, Slow, Troubled };

struct DemoCustomer {
  const char* name;
  const char* currency;
  const char* terms;
  Payer payer;
  int64_t monthly;  // a typical month's work, minor units
  const char* billing;
  const char* escalation;  // "Name, Title"
  int unpaid_within = 0;   // invoices issued this many days before today or later are still unpaid
};

// The demo's customers; the ones the story below uses by index are named there.
const DemoCustomer kCustomers[] = {
    {"Harbour Lane Cafe", "GBP", "Net 30", Payer::Slow, 85000, "Mia Turner", "Daniel Hughes, Owner", 75},
    {"Kestrel Logistics Ltd", "GBP", "Net 30", Payer::Steady, 240000, "Priya Shah", "Oliver Grant, CFO", 60},
    {"Orchid Dental Group", "GBP", "Net 14", Payer::Steady, 120000, "Laura Bennett", "Dr Sam Patel, Director",
     45},
    {"Pinecrest Builders", "GBP", "Net 30", Payer::Slow, 310000, "Tom Walsh", "Grace Lloyd, Finance Director",
     100},
    {"Quarry Street Motors", "GBP", "Net 30", Payer::Troubled, 95000, "Ben Carter",
     "Alan Price, Managing Director", 180},
    {"Meridian Events", "GBP", "Net 30", Payer::Troubled, 150000, "Chloe Evans",
     "Ruth Collins, Head of Finance", 150},
    {"Rowan & Finch Interiors", "GBP", "Net 30", Payer::Troubled, 130000, "Ella Morgan",
     "James Rowan, Partner", 200},
    {"Atlas Engineering GmbH", "EUR", "Net 30", Payer::Prompt, 420000, "Jonas Weber", "Katrin Vogel, CFO"},
    {"Bluebird Florists", "GBP", "Net 14", Payer::Slow, 40000, "Hannah Reid", "Lucy Bird, Owner", 70},
    {"Sunset Surf School", "USD", "Net 30", Payer::Slow, 60000, "Jake Moreno", "Carla Diaz, Owner", 160},
    {"Northwind Analytics", "USD", "2/10 Net 30", Payer::Prompt, 380000, "Emily Clark",
     "Ryan Brooks, VP Finance"},
    {"Lumen Opticians", "GBP", "Net 30", Payer::Steady, 70000, "Sophie Hall", "Mark Jenkins, Director"},
    {"Copperleaf Brewing Co", "GBP", "Net 30", Payer::Slow, 110000, "Adam Fox", "Nina Fox, Co-founder", 50},
    {"Vireo Software BV", "EUR", "2/10 Net 30", Payer::Prompt, 260000, "Sanne de Vries",
     "Pieter Bakker, CEO"},
    {"Maison Delorme SARL", "EUR", "Net 45", Payer::Steady, 180000, "Camille Martin", "Luc Delorme, Gérant"},
    {"Estudio Robles SL", "EUR", "Net 30", Payer::Slow, 90000, "Lucía Robles", "Javier Robles, Director"},
    {"Greenway Garden Centre", "GBP", "Net 30", Payer::Prompt, 55000, "Fiona Green", "Peter Green, Owner"},
    {"Halcyon Yoga Studio", "GBP", "Net 14", Payer::Steady, 30000, "Anya Kowalski", "Ivy Stone, Owner"},
    {"Ironbridge Accountants", "GBP", "Net 30", Payer::Prompt, 145000, "David Ellis",
     "Margaret Shaw, Senior Partner"},
    {"Juniper Health Clinics", "GBP", "Net 30", Payer::Steady, 275000, "Rachel Young",
     "Colin Ward, Finance Director"},
    {"Keystone Property Group", "USD", "Net 30", Payer::Slow, 330000, "Marcus Lee",
     "Diane Foster, Controller", 40},
    {"Larkspur Publishing", "GBP", "Net 30", Payer::Steady, 100000, "Holly Adams", "Simon Hart, Publisher"},
    {"Marlowe & Sons Joinery", "GBP", "Net 30", Payer::Slow, 65000, "Joe Marlowe", "Frank Marlowe, Owner"},
    {"Nimbus Cloud Services", "USD", "Net 30", Payer::Prompt, 210000, "Olivia Chen", "Raj Mehta, CFO"},
    {"Oakridge Veterinary", "GBP", "Net 30", Payer::Steady, 80000, "Kate Simmons",
     "Dr Neil Baker, Principal"},
    {"Paloma Travel SL", "EUR", "Net 30", Payer::Troubled, 75000, "Marta Gil", "Andrés Soto, Gerente", 120},
    {"Redwood Fitness", "USD", "Net 14", Payer::Slow, 45000, "Tyler Grant", "Jenna Cole, Owner"},
    {"Saffron Kitchen", "GBP", "Net 14", Payer::Steady, 35000, "Aisha Khan", "Imran Khan, Owner"},
    {"Thistle & Rose Weddings", "GBP", "Net 30", Payer::Slow, 50000, "Isla Fraser", "Morag Fraser, Owner",
     35},
    {"Umbra Film Productions", "EUR", "Net 30", Payer::Steady, 220000, "Lena Fischer",
     "Tobias Klein, Producer"},
    {"Velvet Note Records", "GBP", "Net 30", Payer::Prompt, 60000, "Zoe Price", "Owen Price, Label Manager"},
    {"Willow Creek Schools", "USD", "Net 45", Payer::Steady, 160000, "Grace Miller", "Paul Adams, Bursar"},
};
constexpr int kHarbour = 0, kKestrel = 1, kOrchid = 2, kPinecrest = 3, kQuarry = 4, kMeridian = 5, kRowan = 6,
              kAtlas = 7, kBluebird = 8, kSunset = 9;

struct Service {
  const char* description;
  const char* unit;  // "" = a fixed fee; else billed by that unit
};
const Service kServices[] = {
    {"Brand identity refresh", ""}, {"Website maintenance retainer", ""},
    {"Design hours", "hours"},      {"Copywriting", "hours"},
    {"Print layout, brochure", ""}, {"Social media content pack", ""},
    {"Photography day", "days"},    {"Packaging design", ""},
    {"Illustration", "hours"},
};

// VAT per currency as the studio (a UK business) charges it: UK VAT at the standard 20% (VAT Act 1994 s.2) on
// UK customers; none on EU and US business customers, whose supplies of services are outside the scope of UK
// VAT (the place-of-supply rule for B2B services, VAT Act 1994 s.7A).
Decimal vat_for(const std::string& currency) {
  return currency == "GBP" ? Decimal{20, 0} : Decimal{0, 0};
}

// One planned invoice: whose, when, and when (if ever) it is paid.
struct Planned {
  int customer = 0;
  Date issued;
  int64_t amount = 0;  // net, minor units, whole hundreds
  int pay_after_due = 0;
  bool paid = true;
};

}  // namespace

struct DemoBuilder {
  Ledger& ledger;
  Date today;
  SplitMix64 dice;
  DemoSummary summary;
  std::vector<int64_t> customer_ids;
  std::map<int, std::vector<int64_t>> invoices_of;  // by customer index: issued invoice ids, oldest first
  Problems problems;

  Date ago(int days) const { return add_days(today, -days); }

  int64_t run(const Command& command) {
    if (!problems.empty()) return 0;
    Result<ActionOutcome> out = ledger.execute(command);
    if (!out) {
      problems = out.problems();
      return 0;
    }
    return out.value().created_id;
  }

  void company();
  void customers();
  std::vector<Planned> plan_invoices();
  void invoices(const std::vector<Planned>& plan);
  void payments(const std::vector<Planned>& plan);
  void contacts();
  void story();

  // The open amount of an invoice as it stands.
  int64_t open_of(int64_t invoice_id) {
    std::optional<CollectionInvoice> inv = find_collection_invoice(ledger.db(), invoice_id);
    return inv ? inv->open : 0;
  }
  // The customer's invoices still open and issued on or before `issued_by`, oldest first.
  std::vector<int64_t> open_invoices(int c, const Date& issued_by) {
    std::vector<int64_t> out;
    for (int64_t id : invoices_of[c]) {
      std::optional<CollectionInvoice> inv = find_collection_invoice(ledger.db(), id);
      if (inv && inv->open > 0 && inv->issue_date <= issued_by) out.push_back(id);
    }
    return out;
  }
};

void DemoBuilder::company() {
  CompanyDetails details;
  details.name = kDemoCompanyName;
  details.address = "14 Canal Wharf\nLeeds LS11 5PS\nUnited Kingdom";
  details.phone = "+44 113 496 0321";
  details.email = "accounts@brightwell.example";
  details.sender_name = "Amelia Hart, Finance Manager";
  run(SetCompanyDetails{details});
}

namespace {

// The language the legal form in a demo customer's name suggests: a GmbH is written to in German, a SARL in
// French, an SL in Spanish, everyone else in English.
std::string demo_language(const std::string& name) {
  auto ends_with = [&](const std::string& tail) {
    return name.size() >= tail.size() && name.compare(name.size() - tail.size(), tail.size(), tail) == 0;
  };
  if (ends_with(" GmbH")) return "de";
  if (ends_with(" SARL")) return "fr";
  if (ends_with(" SL")) return "es";
  return "en";
}

}  // namespace

void DemoBuilder::customers() {
  int n = 0;
  for (const DemoCustomer& c : kCustomers) {
    CustomerFields f;
    f.name = c.name;
    f.currency = c.currency;
    f.terms = c.terms;
    f.address = std::to_string(10 + n * 7) + " High Street\nSomewhere";
    f.credit_limit = c.monthly * 4;
    f.language = demo_language(c.name);
    const std::string escalation = c.escalation;
    const size_t comma = escalation.find(',');
    const std::string slug = std::to_string(++n);
    f.contacts = {{"billing", c.billing, "accounts" + slug + "@customer.example", "+44 20 7946 0" + slug},
                  {"escalation", escalation.substr(0, comma) + " (" + escalation.substr(comma + 2) + ")",
                   "director" + slug + "@customer.example", "+44 20 7946 1" + slug}};
    customer_ids.push_back(run(AddCustomer{f}));
    if (!problems.empty()) return;
    ++summary.customers;
  }
}

std::vector<Planned> DemoBuilder::plan_invoices() {
  std::vector<Planned> plan;
  for (int c = 0; c < int(std::size(kCustomers)); ++c) {
    const DemoCustomer& dc = kCustomers[c];
    const int day_of_month = int(dice.between(1, 26));
    for (int month = 24; month >= 0; --month) {
      Date issued = add_months(today, -month);
      issued.d = std::min(day_of_month, days_in_month(issued.y, issued.m));
      if (issued >= today || dice.chance(25)) continue;
      Planned p;
      p.customer = c;
      p.issued = issued;
      p.amount = std::max<int64_t>(5000, dc.monthly * dice.between(50, 160) / 100 / 100 * 100);
      switch (dc.payer) {
        case Payer::Prompt:
          p.pay_after_due = int(dice.between(-12, 2));
          break;
        case Payer::Steady:
          p.pay_after_due = int(dice.between(-3, 12));
          break;
        case Payer::Slow:
          p.pay_after_due = int(dice.between(8, 48));
          break;
        case Payer::Troubled:
          p.pay_after_due = int(dice.between(35, 90));
          break;
      }
      // Some stopped paying a while ago; the story below works their debts.
      if (days_between(issued, today) <= dc.unpaid_within) p.paid = false;
      plan.push_back(p);
    }
  }
  std::stable_sort(plan.begin(), plan.end(),
                   [](const Planned& a, const Planned& b) { return a.issued < b.issued; });
  return plan;
}

void DemoBuilder::invoices(const std::vector<Planned>& plan) {
  for (const Planned& p : plan) {
    const DemoCustomer& dc = kCustomers[p.customer];
    InvoiceFields f;
    f.customer_id = customer_ids[size_t(p.customer)];
    f.issue_date = p.issued;
    const Service& s = kServices[dice.next() % std::size(kServices)];
    const Decimal vat = vat_for(dc.currency);
    if (*s.unit) {
      const int64_t quantity = dice.between(4, 30);
      f.lines.push_back({std::string(s.description) + " (" + s.unit + ")", Decimal{quantity, 0},
                         std::max<int64_t>(2500, p.amount / quantity / 100 * 100), 0, vat});
    } else {
      f.lines.push_back({s.description, Decimal{1, 0}, p.amount, 0, vat});
    }
    if (dice.chance(30)) f.lines.push_back({"Hosting and licences", Decimal{1, 0}, 4500, 0, vat});
    const int64_t id = run(AddInvoice{f, true});
    if (!problems.empty()) return;
    invoices_of[p.customer].push_back(id);
    ++summary.invoices;
  }
}

void DemoBuilder::payments(const std::vector<Planned>& plan) {
  // Payments in the order they arrive, each naming its invoice.
  struct Arrival {
    Date day;
    int customer;
    int64_t invoice;
  };
  std::vector<Arrival> arrivals;
  std::map<int, size_t> seen;
  for (const Planned& p : plan) {
    const int64_t id = invoices_of[p.customer][seen[p.customer]++];
    std::optional<CollectionInvoice> inv = find_collection_invoice(ledger.db(), id);
    if (!inv || !p.paid) continue;
    const Date day = add_days(inv->due_date, p.pay_after_due);
    if (day < today) arrivals.push_back({std::max(day, p.issued), p.customer, id});
  }
  std::stable_sort(arrivals.begin(), arrivals.end(),
                   [](const Arrival& a, const Arrival& b) { return a.day < b.day; });
  for (const Arrival& a : arrivals) {
    const int64_t open = open_of(a.invoice);
    if (open <= 0) continue;
    RecordPayment pay;
    pay.customer_id = customer_ids[size_t(a.customer)];
    pay.date = a.day;
    pay.method = "bank transfer";
    pay.reference = find_collection_invoice(ledger.db(), a.invoice)->number;
    pay.allocations = {{a.invoice, open}};
    // Now and then a slow payer pays part first and the rest three weeks later.
    if (kCustomers[a.customer].payer == Payer::Slow && dice.chance(15) && open > 2000) {
      pay.amount = open / 2;
      pay.allocations = {{a.invoice, open / 2}};
      run(pay);
      ++summary.payments;
      pay.date = std::min(add_days(a.day, 21), ago(1));
      pay.amount = open - open / 2;
      pay.allocations = {{a.invoice, pay.amount}};
    } else {
      pay.amount = open;
    }
    run(pay);
    if (!problems.empty()) return;
    ++summary.payments;
  }
}

// Contacts logged on the late payers' overdue invoices: the reminder the day after the due date, a call a
// week later, as the default policy's steps have them.
void DemoBuilder::contacts() {
  for (int c = 0; c < int(std::size(kCustomers)); ++c) {
    if (kCustomers[c].payer != Payer::Slow && kCustomers[c].payer != Payer::Troubled) continue;
    const std::string billing = kCustomers[c].billing;
    for (int64_t id : open_invoices(c, today)) {
      const CollectionInvoice inv = *find_collection_invoice(ledger.db(), id);
      const int64_t late = days_between(inv.due_date, today);
      if (late > 1 && late < 120) {
        run(LogContact{customer_ids[size_t(c)],
                       add_days(inv.due_date, 1),
                       "email",
                       billing,
                       "reached",
                       "Friendly reminder sent with a duplicate of " + inv.number + ".",
                       {id}});
        ++summary.collections;
      }
      if (late > 8 && late < 120) {
        const bool answered = dice.chance(60);
        run(LogContact{customer_ids[size_t(c)],
                       add_days(inv.due_date, 7),
                       "phone",
                       billing,
                       answered ? "reached" : "voicemail",
                       answered ? "Said the invoice was with their accounts team for approval."
                                : "Left a message asking for a call back about " + inv.number + ".",
                       {id}});
        ++summary.collections;
      }
    }
  }
}

// The collections story: one of each thing a late payer brings, on named customers.
void DemoBuilder::story() {
  auto id_of = [this](int c) { return customer_ids[size_t(c)]; };
  // A collections action, counted.
  auto act = [this](const Command& command) {
    run(command);
    ++summary.collections;
  };
  // Harbour Lane Cafe promised to pay its oldest open invoice twelve days ago, and did not: a broken promise.
  if (std::vector<int64_t> open = open_invoices(kHarbour, ago(26)); !open.empty())
    act(AddPromise{id_of(kHarbour),
                   ago(26),
                   ago(12),
                   open_of(open[0]),
                   {open[0]},
                   "Mia promised a bank transfer once their card takings cleared."});
  // Kestrel Logistics promised and paid a day early: a promise kept.
  if (std::vector<int64_t> open = open_invoices(kKestrel, ago(30)); !open.empty()) {
    const int64_t amount = open_of(open[0]);
    act(AddPromise{id_of(kKestrel), ago(30), ago(20), amount, {open[0]}, "Payment run on the 10th."});
    run(RecordPayment{id_of(kKestrel),
                      ago(21),
                      amount,
                      "",
                      "bank transfer",
                      find_collection_invoice(ledger.db(), open[0])->number,
                      {{open[0], amount}}});
    ++summary.payments;
  }
  // Orchid Dental disputes the quality of its latest work: open, chasing paused.
  if (std::vector<int64_t> open = open_invoices(kOrchid, ago(9)); !open.empty())
    act(OpenDispute{open.back(), ago(9), "quality", "Says the brochure proofs had the wrong opening hours."});
  // Pinecrest Builders disputed an older invoice; settled with a partial credit note.
  if (std::vector<int64_t> open = open_invoices(kPinecrest, ago(40)); !open.empty()) {
    act(OpenDispute{open[0], ago(40), "pricing", "Queried the photography day rate."});
    act(ResolveDispute{open[0], ago(33), "partial", open_of(open[0]) / 10, "Agreed 10% off as goodwill."});
  }
  // Quarry Street Motors: months behind, put on credit hold by hand.
  if (std::optional<Customer> c = find_customer(ledger.db(), id_of(kQuarry))) {
    CustomerFields f = c->fields;
    f.status = CustomerStatus::CreditHold;
    f.notes = "On hold until the overdue balance is cleared (agreed with Alan Price by phone).";
    act(EditCustomer{c->id, f});
  }
  // Meridian Events agreed to clear its debt in four monthly installments and paid the first.
  if (std::vector<int64_t> open = open_invoices(kMeridian, ago(40)); !open.empty()) {
    act(AddInstallmentPlan{id_of(kMeridian), ago(40), 4, ago(30), 0, open});
    std::vector<PlanStatus> plans = list_installment_plans(ledger.db(), today);
    if (!plans.empty() && !plans.back().installments.empty()) {
      run(RecordPayment{id_of(kMeridian),
                        ago(29),
                        plans.back().installments[0].amount.minor,
                        "",
                        "bank transfer",
                        "Installment 1",
                        {}});
      ++summary.payments;
    }
  }
  // Rowan & Finch Interiors stopped answering: its invoices went to an agency.
  if (std::vector<int64_t> open = open_invoices(kRowan, ago(15)); !open.empty())
    act(HandToAgency{open, ago(15), "Northgate Recoveries", Decimal{15, 0}});
  // Atlas Engineering's large trade-fair order, invoiced four days ago, was sold to a factor for cash today.
  InvoiceFields fair;
  fair.customer_id = id_of(kAtlas);
  fair.issue_date = ago(4);
  fair.lines = {{"Trade fair stand design and build management", Decimal{1, 0}, 1850000, 0, vat_for("EUR")}};
  if (const int64_t big = run(AddInvoice{fair, true})) {
    ++summary.invoices;
    act(FactorInvoices{{big}, today, "Crescent Trade Finance", Decimal{85, 0}, Decimal{2, 0}});
  }
  // Bluebird Florists settled an old invoice for less; Sunset Surf School's oldest debt was written off.
  for (int c : {kBluebird, kSunset}) {
    std::vector<int64_t> open = open_invoices(c, ago(5));
    if (open.empty()) continue;
    if (c == kBluebird)
      act(AcceptSettlement{open[0], ago(5), open_of(open[0]) * 7 / 10,
                           "Shop closing; 70% in full and final"});
    else
      act(WriteOffInvoice{open[0], std::nullopt, ago(3), "Business closed; no assets to pursue"});
  }
  // A couple of credit notes for work redone.
  for (int c : {kKestrel, kOrchid})
    if (std::vector<int64_t> open = open_invoices(c, ago(5)); !open.empty())
      act(AddCreditNote{id_of(c), open[0], ago(2), std::min<int64_t>(5000, open_of(open[0])),
                        "Reprint of misprinted leaflets"});
}

Result<DemoSummary> fill_demo_ledger(Ledger& ledger, const Date& today) {
  if (last_event_seq(ledger.db()) != 0)
    return Problem{"", "the demo fills an empty ledger only; this one has entries"};
  DemoBuilder b{ledger, today};
  b.dice.state = uint64_t(days_from_civil(today));
  b.company();
  b.customers();
  const std::vector<Planned> plan = b.plan_invoices();
  b.invoices(plan);
  b.payments(plan);
  b.contacts();
  b.story();
  if (!b.problems.empty()) return b.problems;
  return b.summary;
}

bool is_demo_ledger(Db& db) {
  return company_details(db).name == kDemoCompanyName;
}

}  // namespace duebook

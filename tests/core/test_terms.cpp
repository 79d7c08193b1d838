// Payment terms: reading the usual spellings, due dates, early-payment discounts, deposits.
#include <doctest/doctest.h>

#include <string>

#include "customers/terms.h"

using namespace duebook;

namespace {

Date d(int y, int m, int day) {
  return Date{y, m, day};
}

Decimal dec(const char* text) {
  return *parse_decimal(text);
}

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

PaymentTerms terms(const char* text) {
  Result<PaymentTerms> t = parse_terms(text);
  REQUIRE_MESSAGE(t.ok(), text << ": " << describe(t.problems()));
  return *t;
}

}  // namespace

TEST_CASE("parse_terms reads the usual spellings and to_string round-trips them") {
  // Commercial convention: "Net N" = full amount due N days after the invoice date; "EOM" = end of
  // the invoice month; "Net N EOM" = N days after that month end; "Prox D" / "Dth of next month" =
  // day D of the following month; "a/b Net N" = a % discount if paid within b days, else the full
  // amount in N days; QuickBooks' default term names: "Net 15", "Net 30", "Net 60", "Due on
  // receipt", "1% 10 Net 30", "2% 10 Net 30".
  struct Case {
    const char* text;
    TermsKind kind;
    int net_days;
    int proximo_day;
    const char* discount;  // percent
    int discount_days;
    const char* deposit;  // percent
    const char* canonical;
  };
  const Case cases[] = {
      {"Net 30", TermsKind::Net, 30, 0, "0", 0, "0", "Net 30"},
      {"net30", TermsKind::Net, 30, 0, "0", 0, "0", "Net 30"},
      {"N30", TermsKind::Net, 30, 0, "0", 0, "0", "Net 30"},
      {"n/30", TermsKind::Net, 30, 0, "0", 0, "0", "Net 30"},
      {"Net-30", TermsKind::Net, 30, 0, "0", 0, "0", "Net 30"},
      {"NET 30 DAYS", TermsKind::Net, 30, 0, "0", 0, "0", "Net 30"},
      {"30 days", TermsKind::Net, 30, 0, "0", 0, "0", "Net 30"},
      {"Due in 30 days", TermsKind::Net, 30, 0, "0", 0, "0", "Net 30"},
      {"Net 15", TermsKind::Net, 15, 0, "0", 0, "0", "Net 15"},
      {"Net 60", TermsKind::Net, 60, 0, "0", 0, "0", "Net 60"},
      {"Net 0", TermsKind::Net, 0, 0, "0", 0, "0", "Net 0"},
      {"Due on receipt", TermsKind::DueOnReceipt, 0, 0, "0", 0, "0", "Due on receipt"},
      {"due upon receipt", TermsKind::DueOnReceipt, 0, 0, "0", 0, "0", "Due on receipt"},
      {"Upon receipt", TermsKind::DueOnReceipt, 0, 0, "0", 0, "0", "Due on receipt"},
      {"Payable on receipt", TermsKind::DueOnReceipt, 0, 0, "0", 0, "0", "Due on receipt"},
      {"Due immediately", TermsKind::DueOnReceipt, 0, 0, "0", 0, "0", "Due on receipt"},
      {"EOM", TermsKind::EndOfMonth, 0, 0, "0", 0, "0", "EOM"},
      {"End of month", TermsKind::EndOfMonth, 0, 0, "0", 0, "0", "EOM"},
      {"Due end of the month", TermsKind::EndOfMonth, 0, 0, "0", 0, "0", "EOM"},
      {"Net EOM", TermsKind::EndOfMonth, 0, 0, "0", 0, "0", "EOM"},
      {"Net 30 EOM", TermsKind::NetEom, 30, 0, "0", 0, "0", "Net 30 EOM"},
      {"Net EOM 30", TermsKind::NetEom, 30, 0, "0", 0, "0", "Net 30 EOM"},
      {"n/30 eom", TermsKind::NetEom, 30, 0, "0", 0, "0", "Net 30 EOM"},
      {"net 30 days end of month", TermsKind::NetEom, 30, 0, "0", 0, "0", "Net 30 EOM"},
      {"15th of next month", TermsKind::Proximo, 0, 15, "0", 0, "0", "15th of next month"},
      {"Prox 15", TermsKind::Proximo, 0, 15, "0", 0, "0", "15th of next month"},
      {"Prox. 15th", TermsKind::Proximo, 0, 15, "0", 0, "0", "15th of next month"},
      {"15 prox", TermsKind::Proximo, 0, 15, "0", 0, "0", "15th of next month"},
      {"10th proximo", TermsKind::Proximo, 0, 10, "0", 0, "0", "10th of next month"},
      {"Due on the 1st of the following month", TermsKind::Proximo, 0, 1, "0", 0, "0", "1st of next month"},
      {"Day 22 of next month", TermsKind::Proximo, 0, 22, "0", 0, "0", "22nd of next month"},
      {"3rd of next month", TermsKind::Proximo, 0, 3, "0", 0, "0", "3rd of next month"},
      {"11 prox", TermsKind::Proximo, 0, 11, "0", 0, "0", "11th of next month"},
      {"2/10 Net 30", TermsKind::Net, 30, 0, "2", 10, "0", "2/10 Net 30"},
      {"2/10 n/30", TermsKind::Net, 30, 0, "2", 10, "0", "2/10 Net 30"},
      {"2/10, net 30", TermsKind::Net, 30, 0, "2", 10, "0", "2/10 Net 30"},
      {"2% 10 Net 30", TermsKind::Net, 30, 0, "2", 10, "0", "2/10 Net 30"},
      {"1% 10 Net 30", TermsKind::Net, 30, 0, "1", 10, "0", "1/10 Net 30"},
      {"2%/10 net 30", TermsKind::Net, 30, 0, "2", 10, "0", "2/10 Net 30"},
      {"2/10 days, net 30 days", TermsKind::Net, 30, 0, "2", 10, "0", "2/10 Net 30"},
      {"Net 30, 2/10", TermsKind::Net, 30, 0, "2", 10, "0", "2/10 Net 30"},
      {"1.5/15 net 45", TermsKind::Net, 45, 0, "1.5", 15, "0", "1.5/15 Net 45"},
      {"2/10 Net 30 EOM", TermsKind::NetEom, 30, 0, "2", 10, "0", "2/10 Net 30 EOM"},
      {"50% deposit, net 30", TermsKind::Net, 30, 0, "0", 0, "50", "50% deposit, Net 30"},
      {"Deposit 50%, Net 30", TermsKind::Net, 30, 0, "0", 0, "50", "50% deposit, Net 30"},
      {"30% upfront and 2/10 net 30", TermsKind::Net, 30, 0, "2", 10, "30", "30% deposit, 2/10 Net 30"},
      {"33.33% deposit; due on receipt", TermsKind::DueOnReceipt, 0, 0, "0", 0, "33.33",
       "33.33% deposit, Due on receipt"},
  };
  for (const Case& c : cases) {
    const std::string text_shown = c.text;
    CAPTURE(text_shown);
    const PaymentTerms t = terms(c.text);
    CHECK(t.kind == c.kind);
    CHECK(t.net_days == c.net_days);
    CHECK(t.proximo_day == c.proximo_day);
    CHECK(t.discount_percent == dec(c.discount));
    CHECK(t.discount_days == c.discount_days);
    CHECK(t.deposit_percent == dec(c.deposit));
    CHECK(to_string(t) == c.canonical);
    CHECK(terms(to_string(t).c_str()) == t);
  }
}

TEST_CASE("parse_terms explains what it cannot accept") {
  struct Case {
    const char* text;
    const char* where;
    const char* says;
  };
  const Case cases[] = {
      {"", "terms", "empty"},
      {"   ", "terms", "empty"},
      {"Net", "terms", "could not read \"net\""},
      {"Net thirty", "terms", "could not read \"net thirty\""},
      {"Net 30.5", "terms", "could not read"},
      {"COD", "terms", "could not read \"cod\""},
      {"Net 30 @ bank", "terms", "'@'"},
      {"2/10", "terms", "not when the full amount is due"},
      {"50% deposit", "terms", "not when the balance is due"},
      {"Net 30 Net 60", "terms", "the due date twice"},
      {"Net 30, EOM", "terms", "the due date twice (again at \"eom\")"},
      {"2/10 1/15 net 30", "terms", "a discount twice"},
      {"10% deposit 20% deposit net 30", "terms", "a deposit twice"},
      {"2/40 Net 30", "terms.discount_days", "30 days of the net period"},  // discount outlives net
      {"2/0 Net 30", "terms.discount_days", "between 1 day"},
      {"100/10 Net 30", "terms.discount_percent", "not between 0 and 100"},
      {"0/10 Net 30", "terms.discount_percent", "not between 0 and 100"},
      {"2/10 EOM", "terms.discount_days", "Net or Net EOM terms only"},
      {"2/10 Due on receipt", "terms.discount_days", "Net or Net EOM terms only"},
      {"150% deposit, net 30", "terms.deposit_percent", "not between 0 and 100"},
      {"Net 1000", "terms.net_days", "not between 0 and 999"},
      {"Prox 32", "terms.proximo_day", "not between 1 and 31"},
      {"Prox 0", "terms.proximo_day", "not between 1 and 31"},
      {"Net -5", "terms", "a negative number"},  // read as "Net 5" before: due after the invoice
      {"-2/10 Net 30", "terms", "a negative number"},
      {"2/10 Net\t-30", "terms", "a negative number"},
  };
  for (const Case& c : cases) {
    const std::string text_shown = c.text;
    CAPTURE(text_shown);
    Result<PaymentTerms> t = parse_terms(c.text);
    REQUIRE_FALSE(t.ok());
    CHECK(t.problems()[0].where == c.where);
    CHECK_MESSAGE(contains(t.problems()[0].message, c.says), t.problems()[0].message);
  }
}

TEST_CASE("validate_terms rejects fields the kind does not use") {
  PaymentTerms net;
  net.kind = TermsKind::Net;
  net.net_days = 30;
  CHECK(validate_terms(net).ok());
  net.proximo_day = 5;
  Status s = validate_terms(net);
  REQUIRE_FALSE(s.ok());
  CHECK(s.problems()[0].where == "terms.proximo_day");

  PaymentTerms prox;
  prox.kind = TermsKind::Proximo;
  prox.proximo_day = 15;
  prox.net_days = 30;
  s = validate_terms(prox);
  REQUIRE_FALSE(s.ok());
  CHECK(s.problems()[0].where == "terms.net_days");

  PaymentTerms days_without_percent = terms("Net 30");
  days_without_percent.discount_days = 10;
  CHECK_FALSE(validate_terms(days_without_percent).ok());

  // Percents compare by value: 2 and 2.00 are the same terms.
  PaymentTerms a = terms("2/10 Net 30"), b = terms("2.00/10 Net 30");
  CHECK(a == b);
  b.discount_days = 11;
  CHECK(a != b);
}

TEST_CASE("due_date follows the terms") {
  // Commercial convention as described in the parse test; Proximo days past the month's end are
  // clamped to its last day, like add_months.
  struct Case {
    const char* terms;
    Date invoice;
    Date due;
  };
  const Case cases[] = {
      {"Net 30", d(2026, 3, 1), d(2026, 3, 31)},
      {"Net 30", d(2026, 1, 31), d(2026, 3, 2)},
      {"Net 30", d(2024, 2, 1), d(2024, 3, 2)},  // leap February has 29 days
      {"Net 0", d(2026, 3, 1), d(2026, 3, 1)},
      {"Due on receipt", d(2026, 3, 17), d(2026, 3, 17)},
      {"EOM", d(2026, 1, 31), d(2026, 1, 31)},
      {"EOM", d(2026, 2, 10), d(2026, 2, 28)},
      {"EOM", d(2024, 2, 10), d(2024, 2, 29)},
      {"Net 30 EOM", d(2026, 1, 15), d(2026, 3, 2)},  // 2026-01-31 + 30 days
      {"Net 30 EOM", d(2026, 3, 10), d(2026, 4, 30)},
      {"Net 10 EOM", d(2026, 1, 31), d(2026, 2, 10)},
      {"15th of next month", d(2026, 1, 31), d(2026, 2, 15)},
      {"15th of next month", d(2026, 1, 1), d(2026, 2, 15)},
      {"15th of next month", d(2026, 12, 5), d(2027, 1, 15)},  // across the year end
      {"Prox 31", d(2026, 1, 10), d(2026, 2, 28)},             // clamped to February's end
      {"Prox 30", d(2024, 1, 10), d(2024, 2, 29)},
      {"Prox 31", d(2026, 2, 10), d(2026, 3, 31)},
      {"2/10 Net 30", d(2026, 3, 1), d(2026, 3, 31)},
  };
  for (const Case& c : cases) {
    const std::string terms_shown = c.terms;
    CAPTURE(terms_shown);
    CAPTURE(to_iso(c.invoice));
    CHECK(to_iso(due_date(terms(c.terms), c.invoice)) == to_iso(c.due));
  }
}

TEST_CASE("2/10 net 30: the discount is open through day 10, not day 11") {
  // Commercial convention: 2/10 net 30 = 2 % discount if paid within 10 days of the invoice date,
  // else the full amount due in 30 days. The tenth day counts (deadline inclusive).
  const PaymentTerms t = terms("2/10 Net 30");
  const Date issued = d(2026, 3, 1);
  REQUIRE(discount_deadline(t, issued).has_value());
  CHECK(*discount_deadline(t, issued) == d(2026, 3, 11));
  CHECK(due_date(t, issued) == d(2026, 3, 31));
  struct Case {
    Date paid;
    bool discount;
  };
  const Case cases[] = {
      {d(2026, 3, 1), true},    // same day
      {d(2026, 3, 11), true},   // day 10
      {d(2026, 3, 12), false},  // day 11
      {d(2026, 3, 31), false},  // on the due date: full amount
      {d(2026, 2, 27), true},   // paid before the invoice date (a prepayment)
  };
  for (const Case& c : cases) {
    CAPTURE(to_iso(c.paid));
    CHECK(discount_applies(t, issued, c.paid) == c.discount);
  }

  // "2/10 EOM" in its usual reading: the ten days run from the end of the invoice month.
  const PaymentTerms eom = terms("2/10 Net 30 EOM");
  CHECK(*discount_deadline(eom, d(2026, 3, 5)) == d(2026, 4, 10));
  CHECK(due_date(eom, d(2026, 3, 5)) == d(2026, 4, 30));

  const PaymentTerms plain = terms("Net 30");
  CHECK_FALSE(discount_deadline(plain, issued).has_value());
  CHECK_FALSE(discount_applies(plain, issued, issued));
  CHECK(discount_amount(plain, 100000) == 0);
}

TEST_CASE("discount and deposit amounts round half-up to the minor unit") {
  // Percent of an amount, rounded once, half away from zero (EN 16931 / EU Reg. 1103/97 art. 5
  // convention); minor units per ISO 4217 (EUR 2 digits, JPY 0).
  struct Case {
    const char* terms;
    int64_t amount;
    int64_t discount;
    int64_t deposit;
  };
  const Case cases[] = {
      {"2/10 Net 30", 100000, 2000, 0},                  // 2 % of 1000.00 = 20.00
      {"2/10 Net 30", 123456, 2469, 0},                  // 2 % of 1234.56 = 24.6912 -> 24.69
      {"2/10 Net 30", 25, 1, 0},                         // 2 % of 0.25 = 0.005 -> 0.01 (tie away from zero)
      {"2/10 Net 30", -25, -1, 0},                       // credit mirrors the invoice
      {"2/10 Net 30", 24, 0, 0},                         // 0.0048 -> 0.00
      {"1.5/15 net 45", 3333, 50, 0},                    // 1.5 % of 33.33 = 0.49995 -> 0.50
      {"2% 10 Net 30", 1025, 21, 0},                     // JPY 1025 × 2 % = 20.5 -> 21
      {"50% deposit, net 30", 100001, 0, 50001},         // 500.005 -> 500.01
      {"33.33% deposit, net 30", 10000, 0, 3333},        // 33.33
      {"30% upfront, 2/10 net 30", 99999, 2000, 30000},  // 1999.98 -> 2000; 29999.7 -> 30000
      {"Net 30", 99999, 0, 0},
  };
  for (const Case& c : cases) {
    const std::string terms_shown = c.terms;
    CAPTURE(terms_shown);
    CAPTURE(c.amount);
    const PaymentTerms t = terms(c.terms);
    CHECK(discount_amount(t, c.amount) == c.discount);
    CHECK(deposit_amount(t, c.amount) == c.deposit);
  }
  // Extremes do not overflow: the percent is at most 100.
  CHECK(deposit_amount(terms("100% deposit, due on receipt"), INT64_MAX) == INT64_MAX);
  CHECK(deposit_amount(terms("100% deposit, due on receipt"), INT64_MIN) == INT64_MIN);
}

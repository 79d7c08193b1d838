// Payment terms: when an invoice falls due, whether paying early earns a discount, and whether part
// of it is asked for up front. Read from the phrases people put on invoices ("2/10 Net 30").
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "base/date.h"
#include "base/money.h"
#include "base/result.h"

namespace duebook {

// How the due date follows from the invoice date.
enum class TermsKind {
  Net,           // "Net 30": net_days after the invoice date
  DueOnReceipt,  // "Due on receipt": on the invoice date
  EndOfMonth,    // "EOM": on the last day of the invoice's month
  NetEom,        // "Net 30 EOM": net_days after the last day of the invoice's month
  Proximo,       // "15th of next month" / "Prox 15": on proximo_day of the month after the invoice's
};

// A set of payment terms. Fields a kind does not use are zero; validate_terms checks this.
struct PaymentTerms {
  TermsKind kind = TermsKind::Net;  // how the due date is found
  int net_days = 0;                 // Net, NetEom: days to add (0..999); 0 for other kinds
  int proximo_day = 0;              // Proximo: day of the following month (1..31, clamped to its end)
  Decimal discount_percent;         // early-payment discount in percent (2 for "2/10"); 0 when none
  int discount_days = 0;            // days the discount stays open, counted from the same start as
                                    // net_days (invoice date, or month end for NetEom); 0 when none
  Decimal deposit_percent;          // share of the amount asked for up front, in percent; 0 when none
};

// Field-by-field equality; percents compare by value (2 == 2.0).
bool operator==(const PaymentTerms& a, const PaymentTerms& b);
bool operator!=(const PaymentTerms& a, const PaymentTerms& b);

// Checks terms built in code or a form. Problems name the field ("terms.net_days"): days out of
// range, a field the kind does not use that is not zero, a discount of 0 % or 100 % or more, a
// discount that is open longer than the net period or combined with terms other than Net / Net EOM,
// a deposit outside 0..100 %.
Status validate_terms(const PaymentTerms& terms);

// Reads terms as people write them, case-insensitive, in any order separated by spaces or commas:
//   due rule       "Net 30", "net30", "N30", "n/30", "30 days", "Due on receipt", "Upon receipt",
//                  "EOM", "End of month", "Net 30 EOM", "Net EOM 30", "15th of next month",
//                  "Prox 15", "15 prox", "Due 15th of the following month"
//   discount       "2/10" or "2% 10" (QuickBooks' "2% 10 Net 30"), "1.5/15", "2/10 days"
//   deposit        "50% deposit", "deposit 50%"
// e.g. "2/10 Net 30", "2/10 n/30", "1.5/15 net 45", "50% deposit, net 30", "2/10 Net 30 EOM".
// Exactly one due rule is required. Fails (where "terms" or "terms.<field>") on an empty text, words
// it does not know, a second due rule, a discount or deposit without a due rule, or terms that
// validate_terms rejects; the message quotes the part it could not read.
Result<PaymentTerms> parse_terms(std::string_view text);

// Canonical spelling, which parse_terms reads back to equal terms: "Net 30", "Due on receipt",
// "EOM", "Net 30 EOM", "15th of next month", "2/10 Net 30", "50% deposit, Net 30".
std::string to_string(const PaymentTerms& terms);

// The day the full amount is due (terms must be valid). Net: invoice + net_days; DueOnReceipt: the
// invoice date; EndOfMonth: the invoice month's last day; NetEom: that last day + net_days;
// Proximo: proximo_day of the next month, or that month's last day when it is shorter.
Date due_date(const PaymentTerms& terms, const Date& invoice_date);

// The last day (inclusive) on which the early-payment discount may be taken, or nullopt when the
// terms have none. "2/10 Net 30" on 2026-03-01: 2026-03-11. "2/10 Net 30 EOM" on 2026-03-05:
// 2026-04-10 (ten days after the month's end, the usual reading of "2/10 EOM").
std::optional<Date> discount_deadline(const PaymentTerms& terms, const Date& invoice_date);

// True when a payment made on `paid_on` earns the discount: the terms have one and paid_on is on or
// before the deadline.
bool discount_applies(const PaymentTerms& terms, const Date& invoice_date, const Date& paid_on);

// The early-payment discount on `amount_minor` (usually the invoice gross): amount × percent / 100,
// rounded half-up (away from zero) to the minor unit; 0 when the terms have none. Terms must be
// valid (validate_terms); then it never overflows, as the percent is below 100.
int64_t discount_amount(const PaymentTerms& terms, int64_t amount_minor);

// The deposit asked for on `amount_minor`: amount × deposit percent / 100, rounded half-up; 0 when
// the terms ask none. Terms must be valid; never overflows (the percent is at most 100).
int64_t deposit_amount(const PaymentTerms& terms, int64_t amount_minor);

// Empty when `terms` parse as payment terms, else why not.
std::string check_terms(std::string_view terms);

}  // namespace duebook

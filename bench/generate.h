// A seeded generator of synthetic receivables ledgers for the benchmark: customers with realistic payment
// behaviour (most pay on time, some late, some partially, a few never), invoices over several years, credit
// notes and payments, in several currencies.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "base/date.h"

namespace duebook::bench {

struct GeneratorOptions {
  int64_t invoices = 10000;    // how many invoices
  int64_t customers = 1000;    // how many customers
  uint64_t seed = 1;           // same seed, same ledger
  Date first_day{2021, 1, 1};  // invoices are issued from this day ...
  Date last_day{2026, 5, 31};  // ... to this one
  Date as_of{2026, 6, 30};     // payments after this day are not generated
};

// How a customer pays.
enum class PayerKind { OnTime, Late, Partial, Never };

struct GenCustomer {
  std::string name;      // unique
  std::string currency;  // USD, EUR, GBP or JPY
  PayerKind kind;        // payment behaviour
  int mean_days_late;    // for Late payers
  int net_days;          // payment terms (Net N)
};

struct GenLine {
  std::string description;  // item
  int64_t quantity;         // whole units
  int64_t rate_minor;       // unit price in minor units
};

struct GenInvoice {
  std::string number;          // INV-0000001
  int32_t customer;            // index into customers
  Date issued, due;            // dates
  std::vector<GenLine> lines;  // one to three lines
  int64_t total_minor;         // sum of quantity × rate
};

struct GenPayment {
  Date date;              // when received
  int32_t customer;       // index into customers
  int64_t amount_minor;   // amount
  std::string reference;  // invoice number it pays
};

struct GenCreditNote {
  std::string number;    // CN-0000001
  Date date;             // when issued
  int32_t invoice;       // index into invoices
  int64_t amount_minor;  // amount credited
};

struct GeneratedLedger {
  std::vector<GenCustomer> customers;
  std::vector<GenInvoice> invoices;
  std::vector<GenPayment> payments;
  std::vector<GenCreditNote> credit_notes;
};

// Builds a ledger deterministically from the options.
GeneratedLedger generate(const GeneratorOptions& options);

// Writers. Each returns false (with errno set) when the file cannot be written.
// QuickBooks Online invoice import columns, plus Currency.
bool write_invoices_csv(const GeneratedLedger& ledger, const std::string& path);
// Date, Customer, Amount, Currency, Reference, Method.
bool write_payments_csv(const GeneratedLedger& ledger, const std::string& path);
// A ledger-cli / hledger journal of the same invoices, credit notes and payments, one receivable account per
// customer (Assets:Receivable:<customer>).
bool write_journal(const GeneratedLedger& ledger, const std::string& path);

}  // namespace duebook::bench

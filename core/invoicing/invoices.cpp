// Invoices as values: status names, series numbers and the allocation rule (pure).
#include "invoicing/invoices.h"

#include <algorithm>
#include <cassert>
#include <unordered_set>

#include "base/text.h"

namespace duebook {

const char* to_string(InvoiceStatus status) {
  switch (status) {
    case InvoiceStatus::Draft:
      return "draft";
    case InvoiceStatus::Discarded:
      return "discarded";
    case InvoiceStatus::Open:
      return "open";
    case InvoiceStatus::Partial:
      return "partial";
    case InvoiceStatus::Paid:
      return "paid";
    case InvoiceStatus::Void:
      return "void";
  }
  return "draft";
}

std::optional<InvoiceStatus> invoice_status_from(std::string_view text) {
  for (InvoiceStatus s : {InvoiceStatus::Draft, InvoiceStatus::Discarded, InvoiceStatus::Open,
                          InvoiceStatus::Partial, InvoiceStatus::Paid, InvoiceStatus::Void})
    if (text == to_string(s)) return s;
  return std::nullopt;
}

std::string series_number(std::string_view prefix, int year, int64_t counter) {
  std::string digits = std::to_string(counter);
  if (digits.size() < 4) digits.insert(0, 4 - digits.size(), '0');
  return std::string(prefix) + "-" + std::to_string(year) + "-" + digits;
}

std::vector<std::string> referenced_numbers(std::string_view reference) {
  std::vector<std::string> out;
  std::string whole = trimmed(reference);
  if (whole.empty()) return out;
  auto add = [&](std::string word) {
    if (word.empty()) return;
    for (const std::string& w : out)
      if (lower_ascii(w) == lower_ascii(word)) return;
    out.push_back(std::move(word));
  };
  add(whole);  // "INV 7" may itself be a number
  std::string word;
  for (char c : whole) {
    if (c == ' ' || c == '\t' || c == ',' || c == ';') {
      add(std::move(word));
      word.clear();
    } else {
      word += c;
    }
  }
  add(std::move(word));
  return out;
}

std::vector<AllocationShare> allocate_payment(int64_t amount, std::string_view reference,
                                              std::vector<AllocationCandidate> open_invoices) {
  assert(amount > 0);
  std::vector<AllocationShare> shares;
  std::unordered_set<int64_t> used;
  int64_t left = amount;
  auto take = [&](const AllocationCandidate& inv) {
    if (left == 0 || inv.open <= 0 || used.count(inv.id)) return;
    int64_t share = std::min(left, inv.open);
    shares.push_back({inv.id, share});
    used.insert(inv.id);
    left -= share;
  };
  for (const std::string& named : referenced_numbers(reference))
    for (const AllocationCandidate& inv : open_invoices)
      if (lower_ascii(inv.number) == lower_ascii(named)) take(inv);
  std::sort(open_invoices.begin(), open_invoices.end(),
            [](const AllocationCandidate& a, const AllocationCandidate& b) {
              if (a.due_date != b.due_date) return a.due_date < b.due_date;
              if (a.issue_date != b.issue_date) return a.issue_date < b.issue_date;
              if (a.number != b.number) return a.number < b.number;
              return a.id < b.id;
            });
  for (const AllocationCandidate& inv : open_invoices) take(inv);
  return shares;
}

}  // namespace duebook

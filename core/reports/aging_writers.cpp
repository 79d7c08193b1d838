// The aging report as JSON, table and CSV (aging_writers.h).
#include "reports/aging_writers.h"

#include <algorithm>
#include <cassert>
#include <nlohmann/json.hpp>

#include "base/csv.h"
#include "base/table.h"
#include "customers/customer_queries.h"

namespace duebook {
namespace {

// One currency's part of a rendered report.
struct Section {
  int32_t currency = 0;       // currency index
  std::vector<int32_t> rows;  // report rows shown, sorted by customer name
};

bool has_anything(const AgingReport& report, int32_t row) {
  if (report.rows[row].unapplied_credit != 0) return true;
  for (int b = 0; b < report.bucket_count(); ++b)
    if (report.amount(row, b) != 0) return true;
  return false;
}

// The sections to render: currencies by code, customers by name (case-insensitive, then as written,
// then by index so that the order is total).
std::vector<Section> sections(const AgingReport& report, const AgingLabels& labels) {
  std::vector<Section> by_currency(report.totals.size());
  for (std::size_t c = 0; c < by_currency.size(); ++c) by_currency[c].currency = static_cast<int32_t>(c);
  for (int32_t r = 0; r < static_cast<int32_t>(report.rows.size()); ++r)
    if (has_anything(report, r)) by_currency[report.rows[r].currency].rows.push_back(r);

  std::vector<std::string> keys(labels.customer_names.size());
  for (std::size_t i = 0; i < keys.size(); ++i) keys[i] = name_key(labels.customer_names[i]);
  std::vector<Section> shown;
  for (Section& s : by_currency) {
    if (s.rows.empty()) continue;
    std::sort(s.rows.begin(), s.rows.end(), [&](int32_t a, int32_t b) {
      const int32_t ca = report.rows[a].customer, cb = report.rows[b].customer;
      assert(static_cast<std::size_t>(ca) < keys.size() && static_cast<std::size_t>(cb) < keys.size());
      if (keys[ca] != keys[cb]) return keys[ca] < keys[cb];
      if (labels.customer_names[ca] != labels.customer_names[cb])
        return labels.customer_names[ca] < labels.customer_names[cb];
      return ca < cb;
    });
    shown.push_back(std::move(s));
  }
  std::sort(shown.begin(), shown.end(), [&](const Section& a, const Section& b) {
    assert(static_cast<std::size_t>(a.currency) < labels.currencies.size());
    assert(static_cast<std::size_t>(b.currency) < labels.currencies.size());
    return labels.currencies[a.currency].code < labels.currencies[b.currency].code;
  });
  return shown;
}

std::string json_string(const std::string& text) {
  // replace: a name with broken UTF-8 is written with U+FFFD rather than failing the report.
  return nlohmann::json(text).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

std::string aging_to_json(const AgingReport& report, const AgingLabels& labels) {
  const int nb = report.bucket_count();
  std::string out = "{\"as_of\": \"" + to_iso(report.as_of) + "\", \"basis\": \"" + to_string(report.basis) +
                    "\", \"buckets\": [";
  for (int b = 0; b < nb; ++b) out += (b ? ", " : "") + json_string(report.buckets.names[b]);
  out += "], \"by_currency\": [";
  bool first_section = true;
  for (const Section& s : sections(report, labels)) {
    const Currency& currency = labels.currencies[s.currency];
    auto amount = [&](int64_t minor) { return "\"" + format_amount(minor, currency.minor_digits) + "\""; };
    out += first_section ? "" : ", ";
    first_section = false;
    out += "{\"currency\": " + json_string(currency.code) + ", \"customers\": [";
    for (std::size_t i = 0; i < s.rows.size(); ++i) {
      const AgingRow& row = report.rows[s.rows[i]];
      out += (i ? ", " : "");
      out += "{\"name\": " + json_string(labels.customer_names[row.customer]) + ", \"buckets\": [";
      for (int b = 0; b < nb; ++b) out += (b ? ", " : "") + amount(report.amount(s.rows[i], b));
      out += "], \"total\": " + amount(row.total) +
             ", \"unapplied_credit\": " + amount(row.unapplied_credit) + "}";
    }
    const AgingCurrencyTotal& t = report.totals[s.currency];
    out += "], \"totals\": {\"buckets\": [";
    for (int b = 0; b < nb; ++b) out += (b ? ", " : "") + amount(t.buckets[b]);
    out += "], \"total\": " + amount(t.total) + "}}";
  }
  out += "]}";
  return out;
}

std::string aging_to_table(const AgingReport& report, const AgingLabels& labels) {
  const int nb = report.bucket_count();
  std::string out;
  bool first_section = true;
  for (const Section& s : sections(report, labels)) {
    const Currency& currency = labels.currencies[s.currency];
    const AgingCurrencyTotal& t = report.totals[s.currency];
    auto amount = [&](int64_t minor) { return format_amount(minor, currency.minor_digits); };
    // The cells as text first, so that every column can be as wide as its widest cell.
    std::vector<std::vector<std::string>> lines;
    std::vector<std::string> header{"Customer"};
    for (const std::string& name : report.buckets.names) header.push_back(name);
    header.push_back("Total");
    header.push_back("Unapplied credit");
    lines.push_back(header);
    for (int32_t r : s.rows) {
      std::vector<std::string> line{labels.customer_names[report.rows[r].customer]};
      for (int b = 0; b < nb; ++b) line.push_back(amount(report.amount(r, b)));
      line.push_back(amount(report.rows[r].total));
      line.push_back(amount(report.rows[r].unapplied_credit));
      lines.push_back(std::move(line));
    }
    std::vector<std::string> total_line{"TOTAL"};
    for (int b = 0; b < nb; ++b) total_line.push_back(amount(t.buckets[b]));
    total_line.push_back(amount(t.total));
    total_line.push_back(amount(t.unapplied_credit));
    lines.push_back(std::move(total_line));

    const std::vector<std::size_t> width = column_widths(lines, lines[0].size());
    std::vector<Align> align(lines[0].size(), Align::Right);
    align[0] = Align::Left;
    if (!first_section) out += "\n";
    first_section = false;
    out += currency.code + "\n";
    for (std::size_t i = 0; i + 1 < lines.size(); ++i) out += table_line(lines[i], width, align) + "\n";
    out += std::string(table_width(width), '-') + "\n";
    out += table_line(lines.back(), width, align) + "\n";
  }
  return out;
}

std::string aging_to_csv(const AgingReport& report, const AgingLabels& labels) {
  const int nb = report.bucket_count();
  CsvWriter csv;
  csv.value("currency").value("customer");
  for (const std::string& name : report.buckets.names) csv.value(name);
  csv.value("total").value("unapplied_credit").end_record();
  for (const Section& s : sections(report, labels)) {
    const Currency& currency = labels.currencies[s.currency];
    auto amount = [&](int64_t minor) { return format_amount(minor, currency.minor_digits); };
    for (int32_t r : s.rows) {
      csv.value(currency.code).text(labels.customer_names[report.rows[r].customer]);
      for (int b = 0; b < nb; ++b) csv.value(amount(report.amount(r, b)));
      csv.value(amount(report.rows[r].total)).value(amount(report.rows[r].unapplied_credit)).end_record();
    }
    const AgingCurrencyTotal& t = report.totals[s.currency];
    csv.value(currency.code).value("TOTAL");
    for (int b = 0; b < nb; ++b) csv.value(amount(t.buckets[b]));
    csv.value(amount(t.total)).value(amount(t.unapplied_credit)).end_record();
  }
  return csv.str();
}

}  // namespace duebook

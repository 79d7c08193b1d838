#include "files/import_batches.h"

#include <algorithm>
#include <map>

#include "invoicing/payment_commands.h"

namespace duebook {
namespace {

// Positions in a row of invoices.imported; the payload names them too ("columns"), so the log explains
// itself.
enum Column {
  kId,
  kNumber,
  kCustomer,
  kCurrency,
  kIssueDate,
  kDueDate,
  kDueExplicit,
  kTerms,
  kMemo,
  kNet,
  kTax,
  kTotal,
  kLines,
  kDeposit,  // written only in batches with a down payment, so batches without one read as before
  kColumnCount
};
const char* const kColumns[kColumnCount] = {"id",       "number",       "customer", "currency", "issue_date",
                                            "due_date", "due_explicit", "terms",    "memo",     "net",
                                            "tax",      "total",        "lines",    "deposit"};
const char* const kLineColumns[] = {"description", "quantity", "unit_price", "discount", "tax_rate", "net"};

// Appends `s` as a JSON string: quotes, backslashes and control characters escaped, UTF-8 as is (the importer
// has checked it is valid UTF-8).
void put_string(std::string& out, std::string_view s) {
  static const char* hex = "0123456789abcdef";
  out += '"';
  for (char ch : s) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += ch;
    } else if (c < 0x20) {
      out += "\\u00";
      out += hex[c >> 4];
      out += hex[c & 15];
    } else {
      out += ch;
    }
  }
  out += '"';
}

void put_int(std::string& out, int64_t v) {
  out += std::to_string(v);
}

ImportedInvoice from_row(const Json& row) {
  ImportedInvoice inv;
  inv.id = row[kId].get<int64_t>();
  inv.number = row[kNumber].get<std::string>();
  inv.customer_id = row[kCustomer].get<int64_t>();
  inv.currency = row[kCurrency].get<std::string>();
  inv.issue_date = row[kIssueDate].get<std::string>();
  inv.due_date = row[kDueDate].get<std::string>();
  inv.due_explicit = row[kDueExplicit].get<bool>();
  inv.terms = row[kTerms].get<std::string>();
  inv.memo = row[kMemo].get<std::string>();
  inv.net = row[kNet].get<int64_t>();
  inv.tax = row[kTax].get<int64_t>();
  inv.total = row[kTotal].get<int64_t>();
  for (const Json& l : row[kLines])
    inv.lines.push_back({l[0].get<std::string>(), l[1].get<std::string>(), l[2].get<int64_t>(),
                         l[3].get<int64_t>(), l[4].get<std::string>(), l[5].get<int64_t>()});
  if (row.size() > kDeposit) inv.deposit = row[kDeposit].get<int64_t>();
  return inv;
}

Status apply_imported(Db& db, const Event& e, const Json& p) {
  std::vector<ImportedInvoice> rows;
  rows.reserve(p["invoices"].size());
  for (const Json& row : p["invoices"]) rows.push_back(from_row(row));
  return insert_imported_invoices(db, e, p["import"].get<int64_t>(), rows);
}

// invoices.voided / invoices.reinstated: {"reason", "invoices": [[id, date], ...]}: each voided as of its
// date.
Status apply_batch_void(Db& db, const Json& p, bool voided) {
  const std::string& reason = p["reason"].get_ref<const std::string&>();
  for (const Json& item : p["invoices"])
    if (Status s = set_invoice_voided(db, item[0].get<int64_t>(), item[1].get<std::string>(), reason, voided);
        !s)
      return s;
  return ok_status();
}

std::vector<EventDraft> one(const char* type, const Json& payload) {
  return {{type, to_payload(payload)}};
}

// Positions in a row of payments.imported and in its allocations.
enum PaymentColumn {
  kPayId,
  kPayCustomer,
  kPayDate,
  kPayAmount,
  kPayCurrency,
  kPayMethod,
  kPayReference,
  kPayAllocations,
  kPaymentColumnCount
};
const char* const kPaymentColumns[kPaymentColumnCount] = {"id",       "customer", "date",      "amount",
                                                          "currency", "method",   "reference", "allocations"};
const char* const kAllocationColumns[] = {"id", "invoice", "amount", "date"};

std::vector<ImportedPayment> payments_from(const Json& p) {
  std::vector<ImportedPayment> rows;
  rows.reserve(p["payments"].size());
  for (const Json& r : p["payments"]) {
    ImportedPayment pay;
    pay.id = r[kPayId].get<int64_t>();
    pay.customer_id = r[kPayCustomer].get<int64_t>();
    pay.date = r[kPayDate].get<std::string>();
    pay.amount = r[kPayAmount].get<int64_t>();
    pay.currency = r[kPayCurrency].get<std::string>();
    pay.method = r[kPayMethod].get<std::string>();
    pay.reference = r[kPayReference].get<std::string>();
    for (const Json& a : r[kPayAllocations])
      pay.allocations.push_back(
          {a[0].get<int64_t>(), a[1].get<int64_t>(), a[2].get<int64_t>(), a[3].get<std::string>()});
    rows.push_back(std::move(pay));
  }
  return rows;
}

// Undo of a payments batch takes every allocation off and reverses every payment, last first; redo puts them
// back in order. Both go through the single-payment projections (allocation.removed / payment.reversed and
// back).
Status reverse_payments(Db& db, const Json& p, bool restore) {
  std::vector<ImportedPayment> rows = payments_from(p);
  auto allocation = [](const ImportedPayment& pay, const ImportedPayment::Allocation& a) {
    return allocation_json(a.id, {CreditKind::Payment, pay.id}, a.invoice_id, pay.customer_id, a.amount,
                           a.date);
  };
  if (restore) {
    for (const ImportedPayment& pay : rows) {
      if (Status s = set_source_active(db, {CreditKind::Payment, pay.id}, true); !s) return s;
      for (const ImportedPayment::Allocation& a : pay.allocations)
        if (Status s = apply_allocation(db, allocation(pay, a), false); !s) return s;
    }
    return ok_status();
  }
  for (auto pay = rows.rbegin(); pay != rows.rend(); ++pay) {
    for (auto a = pay->allocations.rbegin(); a != pay->allocations.rend(); ++a)
      if (Status s = apply_allocation(db, allocation(*pay, *a), true); !s) return s;
    if (Status s = set_source_active(db, {CreditKind::Payment, pay->id}, false); !s) return s;
  }
  return ok_status();
}

}  // namespace

std::string imported_payments_text(int64_t import_id, const std::vector<ImportedPayment>& rows) {
  std::string out;
  out.reserve(128 + rows.size() * 128);
  out += "{\"import\":";
  put_int(out, import_id);
  out += ",\"columns\":[";
  for (int c = 0; c < kPaymentColumnCount; ++c) {
    if (c) out += ',';
    put_string(out, kPaymentColumns[c]);
  }
  out += "],\"allocation_columns\":[";
  for (size_t c = 0; c < std::size(kAllocationColumns); ++c) {
    if (c) out += ',';
    put_string(out, kAllocationColumns[c]);
  }
  out += "],\"payments\":[";
  for (size_t r = 0; r < rows.size(); ++r) {
    const ImportedPayment& pay = rows[r];
    out += r ? ",[" : "[";
    put_int(out, pay.id);
    out += ',';
    put_int(out, pay.customer_id);
    out += ',';
    put_string(out, pay.date);
    out += ',';
    put_int(out, pay.amount);
    for (const std::string* text : {&pay.currency, &pay.method, &pay.reference}) {
      out += ',';
      put_string(out, *text);
    }
    out += ",[";
    for (size_t i = 0; i < pay.allocations.size(); ++i) {
      const ImportedPayment::Allocation& a = pay.allocations[i];
      out += i ? ",[" : "[";
      put_int(out, a.id);
      out += ',';
      put_int(out, a.invoice_id);
      out += ',';
      put_int(out, a.amount);
      out += ',';
      put_string(out, a.date);
      out += ']';
    }
    out += "]]";
  }
  out += "]}";
  return out;
}

Status insert_imported_payments(Db& db, const Event& e, int64_t import_id,
                                const std::vector<ImportedPayment>& rows) {
  Statement& payment = db.prepare(
      "INSERT INTO payments(id, customer_id, date, amount, currency, method, reference, unallocated, status, "
      "import_id, created_seq) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 'received', ?9, ?10)");
  Statement& allocation = db.prepare(
      "INSERT INTO allocations(id, source_kind, source_id, invoice_id, customer_id, amount, date) "
      "VALUES (?1, 'payment', ?2, ?3, ?4, ?5, ?6)");
  std::map<int64_t, std::pair<int64_t, int64_t>> balances;  // customer -> (AR delta, unapplied credit delta)
  for (const ImportedPayment& pay : rows) {
    int64_t unallocated = pay.amount;
    for (const ImportedPayment::Allocation& a : pay.allocations) unallocated -= a.amount;
    Status s = payment
                   .bind_all(pay.id, pay.customer_id, pay.date, pay.amount, pay.currency, pay.method,
                             pay.reference, unallocated, import_id, e.seq)
                   .run();
    if (!s) return s;
    auto& [ar, credit] = balances[pay.customer_id];
    credit += unallocated;
    for (const ImportedPayment::Allocation& a : pay.allocations) {
      if (Status r = allocation.bind_all(a.id, pay.id, a.invoice_id, pay.customer_id, a.amount, a.date).run();
          !r)
        return r;
      std::optional<InvoiceRowState> before = load_invoice_state(db, a.invoice_id);
      if (!before) return Problem{"", "no invoice " + std::to_string(a.invoice_id)};
      InvoiceRowState after = *before;
      after.amounts.allocated += a.amount;
      if (Status r = save_invoice_state(db, *before, after, &ar, a.date); !r) return r;
    }
  }
  for (const auto& [customer, delta] : balances)
    if (Status s = move_balance(db, customer, delta.first, delta.second); !s) return s;
  return ok_status();
}

ImportedInvoice imported_invoice(int64_t id, const std::string& number, const InvoiceContent& c,
                                 int64_t deposit) {
  ImportedInvoice inv;
  inv.deposit = deposit;
  inv.id = id;
  inv.number = number;
  inv.customer_id = c.fields.customer_id;
  inv.currency = c.currency;
  inv.issue_date = iso(c.fields.issue_date);
  inv.due_date = iso(c.due_date);
  inv.due_explicit = c.due_explicit;
  inv.terms = c.fields.terms;
  inv.memo = c.fields.memo;
  inv.net = c.totals.total_without_tax;
  inv.tax = c.totals.total_tax;
  inv.total = c.totals.total_with_tax;
  for (size_t i = 0; i < c.fields.lines.size(); ++i) {
    const InvoiceLine& l = c.fields.lines[i];
    inv.lines.push_back({l.description, to_string(l.quantity), l.unit_price, l.discount,
                         to_string(l.tax_rate), c.totals.line_net[i]});
  }
  return inv;
}

std::string imported_invoices_text(int64_t import_id, const std::vector<ImportedInvoice>& rows) {
  std::string out;
  out.reserve(128 + rows.size() * 256);
  out += "{\"import\":";
  put_int(out, import_id);
  const bool deposits =
      std::any_of(rows.begin(), rows.end(), [](const ImportedInvoice& inv) { return inv.deposit > 0; });
  out += ",\"columns\":[";
  for (int c = 0; c < (deposits ? kColumnCount : kDeposit); ++c) {
    if (c) out += ',';
    put_string(out, kColumns[c]);
  }
  out += "],\"line_columns\":[";
  for (size_t c = 0; c < std::size(kLineColumns); ++c) {
    if (c) out += ',';
    put_string(out, kLineColumns[c]);
  }
  out += "],\"invoices\":[";
  for (size_t r = 0; r < rows.size(); ++r) {
    const ImportedInvoice& inv = rows[r];
    if (r) out += ',';
    out += '[';
    put_int(out, inv.id);
    out += ',';
    put_string(out, inv.number);
    out += ',';
    put_int(out, inv.customer_id);
    for (const std::string* text : {&inv.currency, &inv.issue_date, &inv.due_date}) {
      out += ',';
      put_string(out, *text);
    }
    out += inv.due_explicit ? ",true," : ",false,";
    put_string(out, inv.terms);
    out += ',';
    put_string(out, inv.memo);
    for (int64_t v : {inv.net, inv.tax, inv.total}) {
      out += ',';
      put_int(out, v);
    }
    out += ",[";
    for (size_t i = 0; i < inv.lines.size(); ++i) {
      const ImportedInvoice::Line& l = inv.lines[i];
      out += i ? ",[" : "[";
      put_string(out, l.description);
      out += ',';
      put_string(out, l.quantity);
      out += ',';
      put_int(out, l.unit_price);
      out += ',';
      put_int(out, l.discount);
      out += ',';
      put_string(out, l.tax_rate);
      out += ',';
      put_int(out, l.net);
      out += ']';
    }
    out += ']';
    if (deposits) {
      out += ',';
      put_int(out, inv.deposit);
    }
    out += ']';
  }
  out += "]}";
  return out;
}

Status insert_imported_invoices(Db& db, const Event& e, int64_t import_id,
                                const std::vector<ImportedInvoice>& rows) {
  // Prepared once per batch, bound per row: the statement cache is keyed by SQL text, hashing it costs.
  Statement& invoice = db.prepare(
      "INSERT INTO invoices(id, number, series, external, customer_id, currency, issue_date, due_date, "
      "due_explicit, "
      "terms, memo, net, tax, total, open_amount, issued, status, settled_on, import_id, created_seq, "
      "deposit) "
      "VALUES (?1, ?2, '', 1, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?12, 1, ?13, ?14, ?15, ?16, ?17)");
  Statement& line = db.prepare(
      "INSERT INTO invoice_lines(invoice_id, position, description, quantity, unit_price, discount, "
      "tax_rate, net) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
  std::map<int64_t, int64_t> ar;  // customer -> AR added by this batch
  for (const ImportedInvoice& inv : rows) {
    // Issued and fully open; a zero invoice is paid (settled) on its issue date (save_invoice_state's rule).
    bool zero = inv.total == 0;
    invoice.bind_all(inv.id, inv.number, inv.customer_id, inv.currency, inv.issue_date, inv.due_date,
                     int64_t(inv.due_explicit), inv.terms, inv.memo, inv.net, inv.tax, inv.total,
                     zero ? "paid" : "open");
    if (zero)
      invoice.bind(14, inv.issue_date);
    else
      invoice.bind_null(14);
    invoice.bind(15, import_id).bind(16, e.seq).bind(17, inv.deposit);
    if (Status s = invoice.run(); !s) return s;
    int64_t position = 0;
    for (const ImportedInvoice::Line& l : inv.lines)
      if (Status s = line.bind_all(inv.id, position++, l.description, l.quantity, l.unit_price, l.discount,
                                   l.tax_rate, l.net)
                         .run();
          !s)
        return s;
    ar[inv.customer_id] += inv.total;
  }
  for (const auto& [customer, delta] : ar)
    if (Status s = move_balance(db, customer, delta, 0); !s) return s;
  return ok_status();
}

const std::vector<Projector>& invoice_batch_projectors() {
  static const std::vector<Projector> list = {
      // Undoing an import voids each of its invoices as of its own date.
      {"invoices.imported", apply_imported,
       [](const Event&, const Json& p) {
         Json voided = Json::array();
         for (const Json& row : p["invoices"]) voided.push_back(Json::array({row[kId], row[kIssueDate]}));
         return one("invoices.voided", {{"reason", "import undone"}, {"invoices", voided}});
       }},
      {"invoices.voided", [](Db& db, const Event&, const Json& p) { return apply_batch_void(db, p, true); },
       [](const Event&, const Json& p) { return one("invoices.reinstated", p); }},
      {"invoices.reinstated",
       [](Db& db, const Event&, const Json& p) { return apply_batch_void(db, p, false); },
       [](const Event&, const Json& p) { return one("invoices.voided", p); }},
      // Undoing a payments import takes each payment's allocations off and reverses the payment; redo
      // restores.
      {"payments.imported",
       [](Db& db, const Event& e, const Json& p) {
         return insert_imported_payments(db, e, p["import"].get<int64_t>(), payments_from(p));
       },
       [](const Event&, const Json& p) { return one("payments.import_reversed", p); }},
      {"payments.import_reversed",
       [](Db& db, const Event&, const Json& p) { return reverse_payments(db, p, false); },
       [](const Event&, const Json& p) { return one("payments.import_restored", p); }},
      {"payments.import_restored",
       [](Db& db, const Event&, const Json& p) { return reverse_payments(db, p, true); },
       [](const Event&, const Json& p) { return one("payments.import_reversed", p); }},
  };
  return list;
}

}  // namespace duebook

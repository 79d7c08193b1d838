#include "collections/templates.h"

#include <algorithm>
#include <array>
#include <cassert>

#include "base/currencies.h"
#include "collections/templates_default.h"

namespace duebook {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool is_known(std::string_view name) {
  const std::vector<std::string>& known = known_placeholders();
  return std::binary_search(known.begin(), known.end(), name);
}

bool unreserved(unsigned char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
         c == '_' || c == '~';
}

void encode_byte(unsigned char c, std::string* out) {
  static const char kHex[] = "0123456789ABCDEF";
  out->push_back('%');
  out->push_back(kHex[c >> 4]);
  out->push_back(kHex[c & 15]);
}

// Walks the placeholders of `text`, calling on_text for literal text and on_name for each
// placeholder name; returns false (with *error) on a "{{" that is not closed.
template <class OnText, class OnName>
bool scan(std::string_view text, OnText on_text, OnName on_name, std::string* error) {
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t open = text.find("{{", pos);
    if (open == std::string_view::npos) {
      on_text(text.substr(pos));
      break;
    }
    on_text(text.substr(pos, open - pos));
    const std::size_t close = text.find("}}", open + 2);
    if (close == std::string_view::npos) {
      const std::string_view rest = text.substr(open, std::min<std::size_t>(20, text.size() - open));
      *error = "\"" + std::string(rest) + "\" opens a placeholder with {{ but never closes it with }}";
      return false;
    }
    on_name(trim(text.substr(open + 2, close - open - 2)));
    pos = close + 2;
  }
  return true;
}

void add_once(Problems* problems, const std::string& where, const std::string& message) {
  for (const Problem& p : *problems) {
    if (p.where == where && p.message == message) return;
  }
  problems->push_back({where, message});
}

// The words values_for_entry puts into a template, per language.
struct EntryWords {
  const char* no_contact;    // {{contact}} when the entry names nobody
  const char* invoice;       // "invoice " before a number
  const char* invoices;      // " invoices" after a count
  const char* the_invoice;   // "invoice " opening {{invoices_due}} ("die Rechnung " in German)
  const char* due_on;        // ", due on " between a number and its due date, in {{invoices_due}}
  const char* listed_below;  // "the %d invoices listed below", the count replacing %d
  const char* due;           // "due " before a due date in the table
  const char* day_late;      // " day late"
  const char* days_late;     // " days late"
  const char* not_late;      // "not yet late"
};

const EntryWords& words_for(Language language) {
  static const EntryWords en = {
      "Accounts Payable team",        "invoice ", " invoices", "invoice ",   ", due on ",
      "the %d invoices listed below", "due ",     " day late", " days late", "not yet late"};
  static const EntryWords de = {"Team der Buchhaltung",
                                "Rechnung ",
                                " Rechnungen",
                                "die Rechnung ",
                                ", f\xC3\xA4llig am ",
                                "die %d unten aufgef\xC3\xBChrten Rechnungen",
                                "f\xC3\xA4llig ",
                                " Tag \xC3\xBC"
                                "berf\xC3\xA4llig",
                                " Tage \xC3\xBC"
                                "berf\xC3\xA4llig",
                                "noch nicht \xC3\xBC"
                                "berf\xC3\xA4llig"};
  static const EntryWords fr = {"Madame, Monsieur",
                                "facture ",
                                " factures",
                                "la facture ",
                                ", \xC3\xA9"
                                "chue le ",
                                "les %d factures ci-dessous",
                                "\xC3\xA9"
                                "ch\xC3\xA9"
                                "ance ",
                                " jour de retard",
                                " jours de retard",
                                "pas encore \xC3\xA9"
                                "chue"};
  static const EntryWords es = {"Departamento de Cuentas a Pagar",
                                "factura ",
                                " facturas",
                                "la factura ",
                                ", con vencimiento el ",
                                "las %d facturas que se indican a continuaci\xC3\xB3n",
                                "vence ",
                                " d\xC3\xAD"
                                "a de retraso",
                                " d\xC3\xAD"
                                "as de retraso",
                                "a\xC3\xBAn no vencida"};
  return in_language(language, en, de, fr, es);
}

// "the %d invoices listed below" with the count in place of %d.
std::string with_count(const char* pattern, std::size_t count) {
  std::string out = pattern;
  const std::size_t at = out.find("%d");
  return at == std::string::npos ? out : out.replace(at, 2, std::to_string(count));
}

}  // namespace

const std::vector<std::string>& known_placeholders() {
  static const std::vector<std::string> names = {
      "agreed_on",
      "amount_due",
      "company_address",
      "company_email",
      "company_name",
      "company_phone",
      "contact",
      "customer",
      "days_overdue",
      "due_dates",
      "fee",
      "installment_count",
      "interest",
      "invoice_numbers",
      "invoice_table",
      "invoices",
      "invoices_due",
      "plan_total",
      "sender_name",
      "settled_balance",
      "settlement_amount",
      "total_due",
      "written_off",
  };
  assert(std::is_sorted(names.begin(), names.end()));
  return names;
}

Status check_template(const MessageTemplate& message) {
  Problems problems;
  const std::string base = "template " + (message.id.empty() ? std::string("(no id)") : message.id);
  if (message.id.empty()) problems.push_back({base + ".id", "a template needs an id"});
  if (trim(message.body).empty()) problems.push_back({base + ".body", "a template needs a text"});
  for (const auto& [part, text] :
       {std::pair<const char*, const std::string*>{"subject", &message.subject}, {"body", &message.body}}) {
    const std::string where = base + "." + part;
    std::string error;
    const bool closed = scan(
        *text, [](std::string_view) {},
        [&](std::string_view name) {
          if (!is_known(name))
            add_once(&problems, where, "unknown placeholder {{" + std::string(name) + "}}");
        },
        &error);
    if (!closed) problems.push_back({where, error});
  }
  if (!problems.empty()) return problems;
  return ok_status();
}

Result<std::string> render_text(std::string_view text, const TemplateValues& values,
                                const std::string& where) {
  Problems problems;
  std::string out;
  bool last_blank = false;  // the last line kept is empty
  for (std::size_t start = 0; start <= text.size();) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = text.substr(start, end - start);
    std::string rendered, error;
    bool placeholders = false, words = false;
    const bool closed = scan(
        line,
        [&](std::string_view literal) {
          words |= !trim(literal).empty();
          rendered.append(literal);
        },
        [&](std::string_view name) {
          placeholders = true;
          const std::string key(name);
          if (!is_known(key)) return add_once(&problems, where, "unknown placeholder {{" + key + "}}");
          const auto it = values.find(key);
          if (it == values.end()) return add_once(&problems, where, "no value for {{" + key + "}}");
          rendered += it->second;
        },
        &error);
    if (!closed) problems.push_back({where, error});
    const bool blank = trim(rendered).empty();
    // A line of placeholders only that all came out empty is left out, and so is a blank line after a
    // blank line: an empty phone number or address leaves no gap in a letter.
    const bool keep = !(blank && ((placeholders && !words) || (last_blank && start > 0)));
    if (keep) {
      out += rendered;
      if (end < text.size()) out += '\n';
      last_blank = blank;
    }
    start = end + 1;
  }
  if (!problems.empty()) return problems;
  return out;
}

Result<RenderedMessage> render_message(const MessageTemplate& message, const TemplateValues& values,
                                       const std::string& to_email) {
  const std::string base = "template " + message.id;
  Result<std::string> subject = render_text(message.subject, values, base + ".subject");
  Result<std::string> body = render_text(message.body, values, base + ".body");
  if (!subject || !body) {
    Problems problems;
    if (!subject) problems = subject.problems();
    if (!body) problems.insert(problems.end(), body.problems().begin(), body.problems().end());
    return problems;
  }
  RenderedMessage m;
  m.subject = *subject;
  m.body = *body;
  if (!to_email.empty()) m.mailto = mailto_link(to_email, m.subject, m.body);
  return m;
}

std::string percent_encode(std::string_view text) {
  std::string out;
  for (char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if (unreserved(c)) {
      out.push_back(ch);
    } else {
      encode_byte(c, &out);
    }
  }
  return out;
}

std::string mailto_link(std::string_view to, std::string_view subject, std::string_view body) {
  std::string address;
  for (char ch : to) {
    const auto c = static_cast<unsigned char>(ch);
    if (unreserved(c) || c == '@') {
      address.push_back(ch);
    } else {
      encode_byte(c, &address);
    }
  }
  std::string crlf_body;  // RFC 6068 §5: line breaks in a body are CRLF
  for (std::size_t i = 0; i < body.size(); ++i) {
    if (body[i] == '\n' && (i == 0 || body[i - 1] != '\r')) crlf_body.push_back('\r');
    crlf_body.push_back(body[i]);
  }
  return "mailto:" + address + "?subject=" + percent_encode(subject) + "&body=" + percent_encode(crlf_body);
}

const MessageTemplate* find_template(const std::vector<MessageTemplate>& templates, std::string_view id) {
  for (const MessageTemplate& t : templates) {
    if (t.id == id) return &t;
  }
  return nullptr;
}

const MessageTemplate* find_template(const std::vector<MessageTemplate>& templates, std::string_view id,
                                     Language language) {
  for (const MessageTemplate& t : templates) {
    if (t.id == id && t.language == language) return &t;
  }
  return nullptr;
}

const MessageTemplate& template_for_step(const CollectionStep& step,
                                         const std::vector<MessageTemplate>& custom, Language language) {
  const std::vector<MessageTemplate>& builtin = default_templates(language);
  if (!step.template_id.empty()) {
    if (const MessageTemplate* t = find_template(custom, step.template_id, language)) return *t;
    if (const MessageTemplate* t = find_template(builtin, step.template_id)) return *t;
  }
  if (step.action == StepAction::Letter && (step.late_fee || step.interest_notice)) {
    if (const MessageTemplate* t = find_template(custom, "late_fee_letter", language)) return *t;
    const MessageTemplate* t = find_template(builtin, "late_fee_letter");
    assert(t);
    return *t;
  }
  for (const MessageTemplate& t : builtin) {
    if (t.action == step.action) return t;  // the first built-in of an action is its default
  }
  assert(false && "every StepAction has a built-in template");
  return default_templates().front();
}

std::string format_money_for_letter(const Money& amount) {
  return format_money(amount, iso_locale());
}

namespace {

// How many characters `text` (UTF-8) shows: its bytes that do not continue a sequence.
std::size_t shown_width(const std::string& text) {
  std::size_t n = 0;
  for (char c : text) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

// The entry's invoices as aligned lines, one per invoice: number, due date, how late, what is open.
std::string invoice_table(const WorklistEntry& entry, Language language) {
  const EntryWords& w = words_for(language);
  const Locale& locale = document_locale(language);
  std::vector<std::array<std::string, 4>> rows;
  std::array<std::size_t, 4> width{};
  for (const WorklistLine& l : entry.lines) {
    std::array<std::string, 4> row = {
        l.invoice, w.due + format_date(l.due_date, locale),
        l.days_late > 0 ? std::to_string(l.days_late) + (l.days_late == 1 ? w.day_late : w.days_late)
                        : w.not_late,
        format_money(l.open, locale)};
    for (std::size_t c = 0; c < row.size(); ++c) width[c] = std::max(width[c], shown_width(row[c]));
    rows.push_back(std::move(row));
  }
  std::string out;
  for (const auto& row : rows) {
    if (!out.empty()) out += '\n';
    out += "  ";
    for (std::size_t c = 0; c < row.size(); ++c) {
      const std::string pad(width[c] - shown_width(row[c]), ' ');
      out += c == 3 ? pad + row[c] : row[c] + pad + "   ";  // amounts right-aligned
    }
  }
  return out;
}

}  // namespace

TemplateValues values_for_entry(const WorklistEntry& entry, const CompanyDetails& company, int64_t fee_minor,
                                int64_t interest_minor, Language language) {
  const EntryWords& w = words_for(language);
  const Locale& locale = document_locale(language);
  std::string numbers;
  std::string dates;
  int64_t days = 0;
  for (const WorklistLine& l : entry.lines) {
    if (!numbers.empty()) {
      numbers += ", ";
      dates += ", ";
    }
    numbers += l.invoice;
    dates += format_date(l.due_date, locale);
    days = std::max(days, l.days_late);
  }
  const Money due{entry.open_minor, entry.currency};
  const Money fee{fee_minor, entry.currency};
  const Money interest{interest_minor, entry.currency};
  const Money total{entry.open_minor + fee_minor + interest_minor, entry.currency};
  return TemplateValues{
      {"agreed_on", ""},
      {"installment_count", ""},
      {"plan_total", ""},
      {"settled_balance", ""},
      {"settlement_amount", ""},
      {"written_off", ""},
      {"amount_due", format_money(due, locale)},
      {"company_address", company.address},
      {"company_email", company.email},
      {"company_name", company.name},
      {"company_phone", company.phone},
      {"contact", entry.contact.name.empty() ? w.no_contact : entry.contact.name},
      {"customer", entry.customer},
      {"days_overdue", std::to_string(days)},
      {"due_dates", dates},
      {"fee", format_money(fee, locale)},
      {"interest", format_money(interest, locale)},
      {"invoice_numbers", numbers},
      {"invoice_table", entry.lines.size() > 1 ? invoice_table(entry, language) : ""},
      {"invoices",
       entry.lines.size() == 1 ? w.invoice + numbers : std::to_string(entry.lines.size()) + w.invoices},
      {"invoices_due", entry.lines.size() == 1 ? w.the_invoice + numbers + w.due_on + dates + ","
                                               : with_count(w.listed_below, entry.lines.size())},
      {"sender_name", company.sender_name},
      {"total_due", format_money(total, locale)},
  };
}

}  // namespace duebook

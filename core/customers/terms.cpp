#include "customers/terms.h"

#include <cassert>
#include <vector>

namespace duebook {
namespace {

constexpr int kMaxDays = 999;  // the longest net period accepted, as a sanity bound

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_letter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
char lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

bool is_zero(Decimal d) {
  return d.units == 0;
}

// 100 × 10^scale as the divisor that turns "amount × percent units" into an amount.
int64_t percent_base(Decimal percent) {
  return 100 * pow10(percent.scale);
}

int64_t apply_percent(int64_t amount_minor, Decimal percent) {
  assert(percent.scale >= 0 && percent.scale <= 16);
  const Int128 product = static_cast<Int128>(amount_minor) * percent.units;
  const Int128 rounded = round_div(product, percent_base(percent), Rounding::HalfUp);
  assert(fits_int64(rounded) && "percent above 100 would need an overflow check");
  return static_cast<int64_t>(rounded);
}

std::string ordinal(int n) {
  const int tens = n % 100;
  const char* suffix = "th";
  if (tens < 11 || tens > 13) {
    if (n % 10 == 1) suffix = "st";
    if (n % 10 == 2) suffix = "nd";
    if (n % 10 == 3) suffix = "rd";
  }
  return std::to_string(n) + suffix;
}

// ---------------------------------------------------------------------------------------------
// Tokens: "2/10 Net30EOM" -> [2] [/] [10] [net] [30] [eom]

struct Token {
  enum Kind { Word, Number, Symbol } kind;  // what the token is
  std::string text;                         // lower-cased word, digits (with one '.'), or one symbol
};

// Splits terms text into tokens. Blanks and a '.' not inside a number ("Prox.") separate tokens
// and vanish. Returns false, setting *bad, on a character terms never contain.
bool tokenize(std::string_view s, std::vector<Token>* out, char* bad) {
  std::size_t i = 0;
  while (i < s.size()) {
    const char c = s[i];
    if (c == ' ' || c == '\t' || c == '.' || c == '\r' || c == '\n') {
      ++i;
    } else if (is_letter(c)) {
      std::string word;
      while (i < s.size() && is_letter(s[i])) word.push_back(lower(s[i++]));
      out->push_back({Token::Word, word});
    } else if (is_digit(c)) {
      std::string number;
      while (i < s.size() && is_digit(s[i])) number.push_back(s[i++]);
      if (i + 1 < s.size() && s[i] == '.' && is_digit(s[i + 1])) {
        number.push_back(s[i++]);
        while (i < s.size() && is_digit(s[i])) number.push_back(s[i++]);
      }
      out->push_back({Token::Number, number});
    } else if (c == '/' || c == '%' || c == ',' || c == ';' || c == '-' || c == '&') {
      out->push_back({Token::Symbol, std::string(1, c)});
      ++i;
    } else {
      *bad = c;
      return false;
    }
  }
  return true;
}

// A cursor over the tokens with the small vocabulary of terms phrases.
class TermsReader {
 public:
  explicit TermsReader(std::vector<Token> tokens) : tokens_(std::move(tokens)) {}

  bool done() const { return pos_ >= tokens_.size(); }
  std::size_t pos() const { return pos_; }
  void rewind(std::size_t pos) { pos_ = pos; }

  bool word(std::string_view w) { return take(Token::Word, w); }
  bool symbol(std::string_view s) { return take(Token::Symbol, s); }
  bool any_word(std::initializer_list<std::string_view> ws) {
    for (std::string_view w : ws) {
      if (word(w)) return true;
    }
    return false;
  }
  bool is_number() const { return !done() && tokens_[pos_].kind == Token::Number; }
  // Takes a number token as text ("1.5").
  std::string number() { return tokens_[pos_++].text; }
  // Takes a whole number of at most 9 digits (range checks are validate_terms' job).
  bool whole_number(int* out) {
    if (!is_number() || tokens_[pos_].text.find('.') != std::string::npos || tokens_[pos_].text.size() > 9) {
      return false;
    }
    *out = std::stoi(number());
    return true;
  }
  // "eom" or "end of [the] month".
  bool eom() {
    const std::size_t start = pos_;
    if (word("eom")) return true;
    if (word("end") && word("of")) {
      word("the");
      if (word("month")) return true;
    }
    pos_ = start;
    return false;
  }
  // "st", "nd", "rd" or "th" after a day number.
  void ordinal_suffix() { any_word({"st", "nd", "rd", "th"}); }
  // "of [the] next|following month".
  bool of_next_month() {
    const std::size_t start = pos_;
    if (word("of")) {
      word("the");
      if (any_word({"next", "following"}) && word("month")) return true;
    }
    pos_ = start;
    return false;
  }
  // The rest of the text from the current token, for messages.
  std::string rest() const {
    std::string out;
    for (std::size_t i = pos_; i < tokens_.size() && i < pos_ + 4; ++i) {
      if (!out.empty() && tokens_[i].kind != Token::Symbol) out.push_back(' ');
      out += tokens_[i].text;
    }
    return out;
  }

 private:
  bool take(Token::Kind kind, std::string_view text) {
    if (done() || tokens_[pos_].kind != kind || tokens_[pos_].text != text) return false;
    ++pos_;
    return true;
  }

  std::vector<Token> tokens_;  // the whole text, tokenized
  std::size_t pos_ = 0;        // index of the next token to read
};

const char kExamples[] =
    "write terms such as \"Net 30\", \"2/10 Net 30\", \"Due on receipt\", \"EOM\", "
    "\"Net 30 EOM\" or \"15th of next month\"";

// A due rule as read from the text.
struct Rule {
  TermsKind kind;   // see PaymentTerms
  int net_days;     // see PaymentTerms
  int proximo_day;  // see PaymentTerms
};

// Each read_* function tries one clause at the cursor; when the clause is not there it returns
// nothing and leaves the cursor where it was.

// "50% deposit", "50% upfront", "deposit 50%".
bool read_deposit(TermsReader& in, Decimal* percent) {
  const std::size_t start = in.pos();
  std::string digits;
  if (in.is_number()) {
    digits = in.number();
    if (!in.symbol("%") || !in.any_word({"deposit", "upfront"})) digits.clear();
  } else if (in.word("deposit") && in.is_number()) {
    digits = in.number();
    if (!in.symbol("%")) digits.clear();
  }
  Result<Decimal> parsed = parse_decimal(digits);
  if (digits.empty() || !parsed.ok()) {
    in.rewind(start);
    return false;
  }
  *percent = parsed.value();
  return true;
}

// "2/10", "2%/10", "2% 10" (QuickBooks), "1.5/15 days".
bool read_discount(TermsReader& in, Decimal* percent, int* days) {
  const std::size_t start = in.pos();
  if (in.is_number()) {
    Result<Decimal> parsed = parse_decimal(in.number());
    const bool percent_sign = in.symbol("%");
    const bool slash = in.symbol("/");
    if ((percent_sign || slash) && parsed.ok() && in.whole_number(days)) {
      in.word("days");
      *percent = parsed.value();
      return true;
    }
  }
  in.rewind(start);
  return false;
}

std::optional<Rule> read_due_rule(TermsReader& in) {
  const std::size_t start = in.pos();
  int n = 0;
  if (in.any_word({"net", "n"})) {  // "Net 30", "N30", "n/30", "Net 30 days", "Net 30 EOM", "Net EOM 30"
    if (!in.symbol("/")) in.symbol("-");
    if (in.whole_number(&n)) {
      in.word("days");
      return in.eom() ? Rule{TermsKind::NetEom, n, 0} : Rule{TermsKind::Net, n, 0};
    }
    if (in.eom()) {
      if (!in.whole_number(&n)) return Rule{TermsKind::EndOfMonth, 0, 0};  // "Net EOM"
      in.word("days");
      return Rule{TermsKind::NetEom, n, 0};
    }
    in.rewind(start);
    return std::nullopt;
  }
  if (in.eom()) return Rule{TermsKind::EndOfMonth, 0, 0};  // "EOM", "End of month"
  if (in.any_word({"prox", "proximo"})) {                  // "Prox 15"
    if (in.whole_number(&n)) {
      in.ordinal_suffix();
      return Rule{TermsKind::Proximo, 0, n};
    }
    in.rewind(start);
    return std::nullopt;
  }
  if (in.whole_number(&n)) {  // "30 days", "15th prox", "15th of next month"
    if (in.word("days")) return Rule{TermsKind::Net, n, 0};
    in.ordinal_suffix();
    if (in.any_word({"prox", "proximo"}) || in.of_next_month()) return Rule{TermsKind::Proximo, 0, n};
    in.rewind(start);
    return std::nullopt;
  }
  // Phrases that may start with "due" or "payable".
  in.any_word({"due", "payable"});
  const std::size_t after_due = in.pos();
  if (in.any_word({"on", "upon"}) && in.word("receipt")) return Rule{TermsKind::DueOnReceipt, 0, 0};
  in.rewind(after_due);
  if (in.any_word({"immediately", "immediate"})) return Rule{TermsKind::DueOnReceipt, 0, 0};
  if (in.eom()) return Rule{TermsKind::EndOfMonth, 0, 0};  // "Due end of month"
  if (in.word("in") && in.whole_number(&n) && in.word("days")) return Rule{TermsKind::Net, n, 0};
  in.rewind(after_due);
  in.word("on");  // "Due on the 15th of next month", "Day 15 of the following month"
  in.word("the");
  in.word("day");
  if (in.whole_number(&n)) {
    in.ordinal_suffix();
    if (in.of_next_month()) return Rule{TermsKind::Proximo, 0, n};
  }
  in.rewind(start);
  return std::nullopt;
}

}  // namespace

bool operator==(const PaymentTerms& a, const PaymentTerms& b) {
  return a.kind == b.kind && a.net_days == b.net_days && a.proximo_day == b.proximo_day &&
         a.discount_percent == b.discount_percent && a.discount_days == b.discount_days &&
         a.deposit_percent == b.deposit_percent;
}
bool operator!=(const PaymentTerms& a, const PaymentTerms& b) {
  return !(a == b);
}

Status validate_terms(const PaymentTerms& t) {
  Problems problems;
  const bool uses_net_days = t.kind == TermsKind::Net || t.kind == TermsKind::NetEom;
  if (uses_net_days && (t.net_days < 0 || t.net_days > kMaxDays)) {
    problems.push_back({"terms.net_days", std::to_string(t.net_days) + " days is not between 0 and " +
                                              std::to_string(kMaxDays)});
  }
  if (!uses_net_days && t.net_days != 0) {
    problems.push_back({"terms.net_days", "must be 0 unless the terms are Net or Net EOM"});
  }
  if (t.kind == TermsKind::Proximo && (t.proximo_day < 1 || t.proximo_day > 31)) {
    problems.push_back({"terms.proximo_day", "day " + std::to_string(t.proximo_day) +
                                                 " of the next month is not between 1 and 31"});
  }
  if (t.kind != TermsKind::Proximo && t.proximo_day != 0) {
    problems.push_back({"terms.proximo_day", "must be 0 unless the terms are a day of next month"});
  }

  const Decimal hundred{100, 0};
  if (!is_zero(t.discount_percent) || t.discount_days != 0) {
    if (!(Decimal{0, 0} < t.discount_percent) || !(t.discount_percent < hundred)) {
      problems.push_back({"terms.discount_percent", "a discount of " + to_string(t.discount_percent) +
                                                        " % is not between 0 and 100 %"});
    }
    if (!uses_net_days) {
      problems.push_back(
          {"terms.discount_days", "an early-payment discount goes with Net or Net EOM terms only"});
    } else if (t.discount_days < 1 || t.discount_days > t.net_days) {
      problems.push_back({"terms.discount_days", "the discount must stay open between 1 day and the " +
                                                     std::to_string(t.net_days) + " days of the net period"});
    }
  }
  if (t.deposit_percent < Decimal{0, 0} || hundred < t.deposit_percent) {
    problems.push_back({"terms.deposit_percent",
                        "a deposit of " + to_string(t.deposit_percent) + " % is not between 0 and 100 %"});
  }
  if (t.discount_percent.scale > 6 || t.deposit_percent.scale > 6) {
    problems.push_back({"terms", "percentages may have at most 6 decimals"});
  }
  if (!problems.empty()) return problems;
  return ok_status();
}

Result<PaymentTerms> parse_terms(std::string_view text) {
  const std::string shown = "\"" + std::string(text) + "\"";
  std::vector<Token> tokens;
  char bad = 0;
  if (!tokenize(text, &tokens, &bad)) {
    return Problem{"terms", shown + " contains '" + std::string(1, bad) + "'; " + kExamples};
  }
  if (tokens.empty()) return Problem{"terms", std::string("are empty; ") + kExamples};
  // A '-' that starts a number is a minus sign ("Net -5"), not the joiner of "Net-30": days and percentages
  // in terms are never negative, and reading "-5" as "5" would put the due date after the invoice silently.
  for (std::size_t i = 0; i + 1 < text.size(); ++i)
    if (text[i] == '-' && is_digit(text[i + 1]) && (i == 0 || text[i - 1] == ' ' || text[i - 1] == '\t'))
      return Problem{"terms", shown +
                                  " has a negative number; days and percentages in terms are never "
                                  "negative; " +
                                  kExamples};

  TermsReader in(std::move(tokens));
  PaymentTerms terms;
  bool have_rule = false, have_discount = false, have_deposit = false;
  auto twice = [&](const char* what, std::size_t at) {
    in.rewind(at);
    return Problem{"terms", shown + " gives " + what + " twice (again at \"" + in.rest() + "\")"};
  };
  while (!in.done()) {
    if (in.symbol(",") || in.symbol(";") || in.symbol("&") || in.word("and")) continue;
    const std::size_t start = in.pos();
    Decimal percent;
    int days = 0;
    if (read_deposit(in, &percent)) {
      if (have_deposit) return twice("a deposit", start);
      terms.deposit_percent = percent;
      have_deposit = true;
    } else if (read_discount(in, &percent, &days)) {
      if (have_discount) return twice("a discount", start);
      terms.discount_percent = percent;
      terms.discount_days = days;
      have_discount = true;
    } else if (std::optional<Rule> rule = read_due_rule(in)) {
      if (have_rule) return twice("the due date", start);
      terms.kind = rule->kind;
      terms.net_days = rule->net_days;
      terms.proximo_day = rule->proximo_day;
      have_rule = true;
    } else {
      return Problem{"terms", "could not read \"" + in.rest() + "\" in " + shown + "; " + kExamples};
    }
  }

  if (!have_rule) {
    if (have_discount) {
      return Problem{"terms", shown +
                                  " gives a discount but not when the full amount is due; add the net "
                                  "period, as in \"2/10 Net 30\""};
    }
    return Problem{"terms", shown +
                                " asks a deposit but not when the balance is due; add it, as in "
                                "\"50% deposit, Net 30\""};
  }
  Status valid = validate_terms(terms);
  if (!valid.ok()) return valid.problems();
  return terms;
}

std::string to_string(const PaymentTerms& t) {
  std::string out;
  if (!is_zero(t.deposit_percent)) out += to_string(normalized(t.deposit_percent)) + "% deposit, ";
  if (!is_zero(t.discount_percent)) {
    out += to_string(normalized(t.discount_percent)) + "/" + std::to_string(t.discount_days) + " ";
  }
  switch (t.kind) {
    case TermsKind::Net:
      return out + "Net " + std::to_string(t.net_days);
    case TermsKind::DueOnReceipt:
      return out + "Due on receipt";
    case TermsKind::EndOfMonth:
      return out + "EOM";
    case TermsKind::NetEom:
      return out + "Net " + std::to_string(t.net_days) + " EOM";
    case TermsKind::Proximo:
      return out + ordinal(t.proximo_day) + " of next month";
  }
  assert(false && "unknown terms kind");
  return out;
}

Date due_date(const PaymentTerms& t, const Date& invoice_date) {
  switch (t.kind) {
    case TermsKind::Net:
      return add_days(invoice_date, t.net_days);
    case TermsKind::DueOnReceipt:
      return invoice_date;
    case TermsKind::EndOfMonth:
      return end_of_month(invoice_date);
    case TermsKind::NetEom:
      return add_days(end_of_month(invoice_date), t.net_days);
    case TermsKind::Proximo: {
      const Date next = add_months(Date{invoice_date.y, invoice_date.m, 1}, 1);
      const int last = days_in_month(next.y, next.m);
      return Date{next.y, next.m, t.proximo_day < last ? t.proximo_day : last};
    }
  }
  assert(false && "unknown terms kind");
  return invoice_date;
}

std::optional<Date> discount_deadline(const PaymentTerms& t, const Date& invoice_date) {
  if (is_zero(t.discount_percent)) return std::nullopt;
  const Date start = t.kind == TermsKind::NetEom ? end_of_month(invoice_date) : invoice_date;
  return add_days(start, t.discount_days);
}

bool discount_applies(const PaymentTerms& t, const Date& invoice_date, const Date& paid_on) {
  const std::optional<Date> deadline = discount_deadline(t, invoice_date);
  return deadline.has_value() && paid_on <= *deadline;
}

int64_t discount_amount(const PaymentTerms& t, int64_t amount_minor) {
  if (is_zero(t.discount_percent)) return 0;
  return apply_percent(amount_minor, t.discount_percent);
}

int64_t deposit_amount(const PaymentTerms& t, int64_t amount_minor) {
  if (is_zero(t.deposit_percent)) return 0;
  return apply_percent(amount_minor, t.deposit_percent);
}

std::string check_terms(std::string_view terms) {
  Result<PaymentTerms> parsed = parse_terms(terms);
  return parsed ? std::string() : describe(parsed.problems());
}

}  // namespace duebook

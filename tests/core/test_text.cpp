// Text helpers every layer uses to keep names and records printable and comparable.
#include <doctest/doctest.h>

#include "base/table.h"
#include "base/text.h"
#include "customers/customer_queries.h"

using namespace duebook;

TEST_CASE("normalize_blanks makes names a reader cannot tell apart equal") {
  struct Case {
    const char* in;
    const char* out;
  };
  const Case cases[] = {
      {"Acme Ltd", "Acme Ltd"},
      {"  Acme   Ltd  ", "Acme Ltd"},
      {"Acme\u00a0Ltd", "Acme Ltd"},        // no-break space
      {"Acme\u202fLtd", "Acme Ltd"},        // narrow no-break space
      {"Acme\u2003Ltd", "Acme Ltd"},        // em space
      {"Acme\u3000Ltd", "Acme Ltd"},        // ideographic space
      {"Acme\u200b Ltd", "Acme Ltd"},       // zero-width space beside a space
      {"\ufeffAcme Ltd", "Acme Ltd"},       // a byte-order mark pasted in front
      {"Acme\tLtd\n", "Acme Ltd"},          // tab, line end
      {"Café\u00a0Müller", "Café Müller"},  // accented letters stay
      {"", ""},
      {"\u00a0\u00a0", ""},
  };
  for (const Case& c : cases) {
    CAPTURE(c.in);
    CHECK(normalize_blanks(c.in) == c.out);
  }
  CHECK(name_key("ACME\u00a0 Ltd") == name_key("acme ltd"));
  CHECK(name_key("Acme Ltd") != name_key("Acme Ltda"));
}

TEST_CASE("find_control finds C0, DEL and C1 controls, and allows what the caller allows") {
  CHECK_FALSE(find_control("Café Müller – €5"));
  CHECK(find_control(std::string("a\0b", 3))->code == 0);
  CHECK(find_control(std::string("a\0b", 3))->offset == 1);
  CHECK(find_control("x\x1b[31m")->code == 0x1B);
  CHECK(find_control("x\x7f")->code == 0x7F);
  CHECK(find_control("x\u0085y")->code == 0x85);  // NEL, a C1 control
  CHECK(find_control("line\nbreak")->code == '\n');
  CHECK_FALSE(find_control("line\nbreak\ttab\r", "\t\r\n"));
  CHECK(code_point_name(0x1B) == "U+001B");
}

TEST_CASE("tables show control characters instead of obeying them") {
  CHECK(escape_controls("plain") == "plain");
  CHECK(escape_controls("a\nb\tc\rd") == "a\\nb\\tc\\rd");
  CHECK(escape_controls("red \x1b[31m") == "red \\x1b[31m");
  CHECK(escape_controls("nel\u0085") == "nel\\u0085");
  // A name with a newline stays on its row, and the columns stay aligned.
  std::string table =
      format_table({{"name", "n"}, {"Evil\nCo", "1"}, {"Acme", "2"}}, {Align::Left, Align::Right});
  CHECK(table ==
        "name      n\n"
        "--------  -\n"
        "Evil\\nCo  1\n"
        "Acme      2\n");
}

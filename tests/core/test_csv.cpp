// The CSV writer every report and the command line write with, read back by the CSV reader; and the
// plain-text table layout they print with.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "base/csv.h"
#include "base/table.h"

namespace duebook {
namespace {

// The records of `text` as the reader sees them.
std::vector<std::vector<std::string>> read_all(const std::string& text) {
  CsvReader reader(text);
  std::vector<std::vector<std::string>> records;
  std::vector<std::string> fields;
  while (reader.next(fields)) records.push_back(fields);
  CHECK(reader.error().empty());
  return records;
}

TEST_CASE("csv writer: fields quoted only when they must be (RFC 4180 section 2)") {
  CsvWriter csv;
  csv.value("plain")
      .value("a,b")
      .value("say \"hi\"")
      .value("two\nlines")
      .value("cr\rhere")
      .value("")
      .end_record();
  CHECK(csv.str() == "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\rhere\",\r\n");
}

TEST_CASE("csv writer: records end with CRLF and read back field for field") {
  CsvWriter csv;
  csv.value("name").value("note").end_record();
  csv.text("Müller, Söhne & \"Co\"").text("line one\r\nline two").end_record();
  csv.end_record();  // an empty record is one empty line, which the reader skips
  csv.value("x").end_record();
  CHECK(csv.str() == "name,note\r\n\"Müller, Söhne & \"\"Co\"\"\",\"line one\r\nline two\"\r\n\r\nx\r\n");
  const auto records = read_all(csv.str());
  REQUIRE(records.size() == 3);
  CHECK(records[1] == std::vector<std::string>{"Müller, Söhne & \"Co\"", "line one\r\nline two"});
  CHECK(records[2] == std::vector<std::string>{"x"});
}

// Found by fuzz_csv (tests/fuzz/regressions/csv-bom-in-first-field): a first field that begins with a UTF-8
// byte-order mark lost it on reading back, the reader taking it for the file's own mark.
TEST_CASE("csv writer: a first field beginning with a byte-order mark reads back whole") {
  for (bool text : {false, true}) {
    CsvWriter csv;
    (text ? csv.text("\xEF\xBB\xBF"
                     "Des")
          : csv.value("\xEF\xBB\xBF"
                      "Des"))
        .value("x")
        .end_record();
    csv.value("\xEF\xBB\xBFlater").end_record();  // not at the start: needs nothing
    CHECK(csv.str() ==
          "\"\xEF\xBB\xBF"
          "Des\",x\r\n\xEF\xBB\xBFlater\r\n");
    const auto records = read_all(csv.str());
    REQUIRE(records.size() == 2);
    CHECK(records[0] == std::vector<std::string>{"\xEF\xBB\xBF"
                                                 "Des",
                                                 "x"});
  }
}

TEST_CASE("csv writer: user text that a spreadsheet would run as a formula gets an apostrophe") {
  // OWASP "CSV Injection": cells starting with = + - @ TAB or CR.
  struct Case {
    const char* text;
    const char* written;
  };
  const Case cases[] = {
      {"=HYPERLINK(1)", "'=HYPERLINK(1)"},
      {"+1+2", "'+1+2"},
      {"-2+3", "'-2+3"},
      {"@SUM(A1)", "'@SUM(A1)"},
      {"\t=1", "'\t=1"},
      {"\r=1", "\"'\r=1\""},           // quoted as well: it holds a CR
      {"=1,2", "\"'=1,2\""},           // guarded, then quoted for its comma
      {"Acme = best", "Acme = best"},  // only the first character matters
      {"", ""},
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    CHECK(csv_text_field(c.text) == c.written);
    CsvWriter csv;
    csv.text(c.text).end_record();
    CHECK(csv.str() == std::string(c.written) + "\r\n");
  }
}

TEST_CASE("csv writer: values the program made are never guarded") {
  CHECK(csv_value_field("-12.50") == "-12.50");
  CHECK(csv_value_field("+5") == "+5");
  CHECK(csv_value_field("=x") == "=x");
  CsvWriter csv;
  csv.value("-1.00").text("-1.00").end_record();
  CHECK(csv.str() == "-1.00,'-1.00\r\n");
}

TEST_CASE("table: columns as wide as their widest cell in code points, amounts right-aligned") {
  CHECK(display_width("Müller") == 6);
  CHECK(display_width("≤30") == 3);
  CHECK(display_width("") == 0);
  const std::vector<std::vector<std::string>> rows{
      {"Name", "Amount", "Note"}, {"Müller", "5.00", "x"}, {"Bo", "-120.00"}};
  CHECK(format_table(rows, {Align::Left, Align::Right, Align::Left}) ==
        "Name     Amount  Note\n"
        "------  -------  ----\n"
        "Müller     5.00  x\n"
        "Bo      -120.00  \n");
  const std::vector<std::size_t> widths = column_widths(rows, 3);
  CHECK(widths == std::vector<std::size_t>{6, 7, 4});
  CHECK(table_width(widths) == 21);
  CHECK(table_rule(widths) == "------  -------  ----");
  CHECK(format_table({}, {}).empty());
}

}  // namespace
}  // namespace duebook

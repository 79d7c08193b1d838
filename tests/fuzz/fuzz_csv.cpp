// The CSV reader on any bytes, and the writer's round trip: records written by CsvWriter read back equal.
#include <cstdint>
#include <string>
#include <vector>

#include "base/csv.h"
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  duebook::CsvReader reader(as_text(data, size));
  std::vector<std::vector<std::string>> records;
  std::vector<std::string> fields;
  while (reader.next(fields) && records.size() < 1000) records.push_back(fields);
  duebook::CsvWriter writer;
  for (const auto& record : records) {
    for (const std::string& field : record) writer.value(field);
    writer.end_record();
  }
  if (!reader.error().empty()) return 0;
  duebook::CsvReader back(writer.str());
  size_t i = 0;
  while (back.next(fields)) {
    FUZZ_CHECK(i < records.size());
    // A record of one empty field is a blank line, which the reader skips.
    while (i < records.size() && records[i].size() == 1 && records[i][0].empty()) ++i;
    FUZZ_CHECK(i < records.size() && fields == records[i]);
    ++i;
  }
  FUZZ_CHECK(back.error().empty());
  return 0;
}

// Plain-text tables for a fixed-width font, as the reports and the command line print them: each column as
// wide as its widest cell, two spaces between columns, text left-aligned and amounts right-aligned.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace duebook {

// Columns `text` takes in a fixed-width font: one per code point (UTF-8 continuation bytes do not count).
// Wide characters (CJK) and combining marks are not told apart: names in the ledger are mostly Latin.
std::size_t display_width(std::string_view text);

// How a column's cells sit in its width.
enum class Align {
  Left,   // text: padded on the right
  Right,  // amounts and counts: padded on the left
};

// The widest cell of each of the first `columns` columns over `rows` (rows may be shorter or longer).
std::vector<std::size_t> column_widths(const std::vector<std::vector<std::string>>& rows,
                                       std::size_t columns);

// The width of a line of columns this wide, two spaces between them.
std::size_t table_width(const std::vector<std::size_t>& widths);

// One line, without its line end: the cells padded to `widths` as `align` says (a column past the end of
// `align` is left-aligned), two spaces between them; a missing cell is empty, cells past the widths are left
// out. A left-aligned last column is not padded, so a line does not end in blanks there.
std::string table_line(const std::vector<std::string>& cells, const std::vector<std::size_t>& widths,
                       const std::vector<Align>& align);

// A rule under a header: each column's width of dashes, two spaces between them (no line end).
std::string table_rule(const std::vector<std::size_t>& widths);

// A whole table: rows[0] is the header, then a rule, then the other rows, each line ended by "\n". The
// columns are the header's. Empty when `rows` is.
std::string format_table(const std::vector<std::vector<std::string>>& rows, const std::vector<Align>& align);

}  // namespace duebook

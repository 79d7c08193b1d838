#include "base/table.h"

#include <algorithm>

#include "base/text.h"

namespace duebook {

std::size_t display_width(std::string_view text) {
  std::size_t width = 0;
  for (unsigned char c : text) width += (c & 0xC0) != 0x80;
  return width;
}

std::vector<std::size_t> column_widths(const std::vector<std::vector<std::string>>& rows,
                                       std::size_t columns) {
  std::vector<std::size_t> widths(columns, 0);
  for (const std::vector<std::string>& row : rows)
    for (std::size_t c = 0; c < row.size() && c < columns; ++c)
      widths[c] = std::max(widths[c], display_width(escape_controls(row[c])));
  return widths;
}

std::size_t table_width(const std::vector<std::size_t>& widths) {
  std::size_t width = 0;
  for (std::size_t w : widths) width += w;
  return widths.empty() ? 0 : width + 2 * (widths.size() - 1);
}

std::string table_line(const std::vector<std::string>& cells, const std::vector<std::size_t>& widths,
                       const std::vector<Align>& align) {
  std::string line;
  for (std::size_t c = 0; c < widths.size(); ++c) {
    // A newline, tab or terminal escape in a cell is shown, never obeyed: it cannot break the table.
    const std::string cell = c < cells.size() ? escape_controls(cells[c]) : std::string();
    const std::size_t w = display_width(cell);
    const std::string pad(w < widths[c] ? widths[c] - w : 0, ' ');
    const bool right = c < align.size() && align[c] == Align::Right;
    if (c > 0) line += "  ";
    if (right)
      line += pad + cell;
    else
      line += c + 1 < widths.size() ? cell + pad : cell;
  }
  return line;
}

std::string table_rule(const std::vector<std::size_t>& widths) {
  std::string rule;
  for (std::size_t c = 0; c < widths.size(); ++c) rule += (c ? "  " : "") + std::string(widths[c], '-');
  return rule;
}

std::string format_table(const std::vector<std::vector<std::string>>& rows, const std::vector<Align>& align) {
  if (rows.empty()) return "";
  const std::vector<std::size_t> widths = column_widths(rows, rows[0].size());
  std::string out = table_line(rows[0], widths, align) + "\n" + table_rule(widths) + "\n";
  for (std::size_t r = 1; r < rows.size(); ++r) out += table_line(rows[r], widths, align) + "\n";
  return out;
}

}  // namespace duebook

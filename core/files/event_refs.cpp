#include "files/event_refs.h"

namespace duebook {
namespace {

using Json = nlohmann::json;
using Visit = std::function<void(const std::string&, Json&)>;

// The table a payload key or event-type prefix names ("" when none): the key itself, its plural, or one of
// the few whose table is named otherwise.
std::string table_named(std::string key, const std::set<std::string>& tables) {
  if (key.size() > 3 && key.compare(key.size() - 3, 3, "_id") == 0) key.resize(key.size() - 3);
  static const std::pair<const char*, const char*> kAliases[] = {{"contact", "contact_log"},
                                                                 {"policy", "collection_policies"},
                                                                 {"agency", "agency_placements"},
                                                                 {"placement", "agency_placements"}};
  for (const auto& [name, table] : kAliases)
    if (key == name) return tables.count(table) ? table : "";
  // The log's own tables are never named by a payload.
  if (key == "events" || key == "actions" || key == "event" || key == "action") return "";
  if (tables.count(key)) return key;
  if (tables.count(key + "s")) return key + "s";
  return "";
}

void walk(Json& node, const std::string& context, const std::set<std::string>& tables, const Visit& visit);

// Rows written as arrays under a list of column names (a bulk event: "columns": ["id", "customer", ...],
// "invoices": [[1, 7, ...], ...]); a cell holding rows again is described by "<singular>_columns" in `node`
// ("allocations" by "allocation_columns").
void walk_rows(Json& rows, const Json& columns, const std::string& context, const Json& node,
               const std::set<std::string>& tables, const Visit& visit) {
  for (Json& row : rows) {
    if (!row.is_array()) continue;
    for (size_t i = 0; i < row.size() && i < columns.size(); ++i) {
      if (!columns[i].is_string()) continue;
      const std::string column = columns[i].get<std::string>();
      if (column.empty()) continue;
      Json& cell = row[i];
      const std::string table = column == "id" ? context : table_named(column, tables);
      if (cell.is_number_integer()) {
        if (!table.empty()) visit(table, cell);
      } else if (cell.is_array() && !cell.empty() && cell[0].is_array()) {
        const std::string nested =
            column.substr(0, column.size() - (column.back() == 's' ? 1 : 0)) + "_columns";
        if (node.contains(nested) && node[nested].is_array())
          walk_rows(cell, node[nested], table, node, tables, visit);
      } else if (cell.is_object() || cell.is_array()) {
        walk(cell, table.empty() ? context : table, tables, visit);
      }
    }
  }
}

void walk(Json& node, const std::string& context, const std::set<std::string>& tables, const Visit& visit) {
  if (node.is_array()) {
    for (Json& item : node) walk(item, context, tables, visit);
    return;
  }
  if (!node.is_object()) return;
  const bool columnar = node.contains("columns") && node["columns"].is_array();
  for (auto it = node.begin(); it != node.end(); ++it) {
    const std::string& key = it.key();
    Json& value = it.value();
    if (key.size() >= 7 && key.compare(key.size() - 7, 7, "columns") == 0) continue;  // names, not rows
    if (columnar && value.is_array() && !value.empty() && value[0].is_array()) {
      const std::string table = table_named(key, tables);
      walk_rows(value, node["columns"], table.empty() ? context : table, node, tables, visit);
      continue;
    }
    if (key == "id") {
      if (value.is_number_integer() && !context.empty()) visit(context, value);
      continue;
    }
    if (key == "source_id" && node.contains("source") && node["source"].is_string()) {
      const std::string source = node["source"].get<std::string>();
      const std::string table = source == "payment"       ? "payments"
                                : source == "credit_note" ? "credit_notes"
                                                          : "";
      if (value.is_number_integer() && !table.empty()) visit(table, value);
      continue;
    }
    const std::string table = table_named(key, tables);
    if (!table.empty() && value.is_number_integer()) {
      visit(table, value);
    } else if (!table.empty() && value.is_array()) {
      for (Json& item : value)
        if (item.is_number_integer())
          visit(table, item);
        else
          walk(item, table, tables, visit);
    } else if (value.is_object() || value.is_array()) {
      walk(value, table.empty() ? context : table, tables, visit);
    }
  }
}

}  // namespace

void visit_row_refs(std::string_view type, Json& payload, const std::set<std::string>& tables,
                    const Visit& visit) {
  const size_t dot = type.find('.');
  const std::string context = table_named(std::string(type.substr(0, dot)), tables);
  // Ids start at 1: a 0 says "none" (a credit note for no invoice).
  walk(payload, context, tables, [&visit](const std::string& table, Json& id) {
    if (id.get<int64_t>() > 0) visit(table, id);
  });
}

std::set<RowRef> row_refs(std::string_view type, const Json& payload, const std::set<std::string>& tables) {
  std::set<RowRef> out;
  Json copy = payload;
  visit_row_refs(type, copy, tables, [&](const std::string& table, Json& id) {
    out.insert({table, id.get<int64_t>()});
  });
  return out;
}

}  // namespace duebook

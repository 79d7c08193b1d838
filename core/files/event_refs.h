// Which rows of the projection tables an event's payload names: the ledger file uses it to select a
// self-consistent part of a ledger (a customer's events and what they depend on) and, when it merges two
// copies that both added rows, to give the other copy's new rows ids of their own.
#pragma once

#include <cstdint>
#include <functional>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <string_view>

namespace duebook {

// A row an event names: a projection table and the row's id.
struct RowRef {
  std::string table;  // "invoices"
  int64_t id = 0;     // the row's id
  bool operator<(const RowRef& o) const { return table != o.table ? table < o.table : id < o.id; }
  bool operator==(const RowRef& o) const { return table == o.table && id == o.id; }
};

// Calls `visit` with every row id the payload of an event of `type` names, as a reference to the JSON
// number (which `visit` may change). Ids are recognised by the house's naming: "id" names a row of the
// table the event type is about ("invoice.issued" -> invoices), "customer" or "customer_id" a row of
// customers, "source_id" a payment or credit note as "source" says; nested objects and arrays under a key
// naming a table ("invoices": [...]) are about that table. `tables` are the projection tables.
void visit_row_refs(std::string_view type, nlohmann::json& payload, const std::set<std::string>& tables,
                    const std::function<void(const std::string& table, nlohmann::json& id)>& visit);

// The rows an event's payload names (visit_row_refs, collected).
std::set<RowRef> row_refs(std::string_view type, const nlohmann::json& payload,
                          const std::set<std::string>& tables);

}  // namespace duebook

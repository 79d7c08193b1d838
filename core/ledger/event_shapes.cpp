#include "ledger/event_shapes.h"

#include <cassert>

#include "ledger/event_shapes_table.h"

namespace duebook {

namespace {

using Json = nlohmann::json;

const Json& shapes() {
  static const Json table = [] {
    Json t = Json::parse(event_shapes_text(), nullptr, false);
    assert(t.is_object());
    return t;
  }();
  return table;
}

// The shape a "$name" stands for: a shared shape of that name, or the shape of the event type it names.
const Json& named(const std::string& ref) {
  auto it = shapes().find(ref);
  if (it == shapes().end()) it = shapes().find(ref.substr(1));
  assert(it != shapes().end());
  return *it;
}

std::string kind_of(const Json& v) {
  switch (v.type()) {
    case Json::value_t::null:
      return "null";
    case Json::value_t::boolean:
      return "a boolean";
    case Json::value_t::string:
      return "a string";
    case Json::value_t::array:
      return "an array";
    case Json::value_t::object:
      return "an object";
    case Json::value_t::number_float:
      return "a fractional number";
    default:
      return "an integer";
  }
}

// True when `v` is one of the type names in `names` ("int|null").
bool scalar_matches(std::string_view names, const Json& v) {
  while (!names.empty()) {
    const size_t bar = names.find('|');
    const std::string_view n = names.substr(0, bar);
    if (n == "any" || (n == "int" && v.is_number_integer()) || (n == "number" && v.is_number()) ||
        (n == "string" && v.is_string()) || (n == "bool" && v.is_boolean()) || (n == "null" && v.is_null()))
      return true;
    names = bar == std::string_view::npos ? std::string_view() : names.substr(bar + 1);
  }
  return false;
}

struct Checker {
  std::string path;
  Problems problems;

  bool fail(const std::string& expected, const Json& v) {
    problems.push_back({path.empty() ? "payload" : path, "expected " + expected + ", found " + kind_of(v)});
    return false;
  }

  // Checks `v` against `shape`, appending to `path` while it descends; false at the first mismatch.
  bool check(const Json& shape, const Json& v) {
    if (shape.is_string()) {
      const std::string& s = shape.get_ref<const std::string&>();
      if (!s.empty() && s[0] == '$') return check(named(s), v);
      return scalar_matches(s, v) || fail(s, v);
    }
    if (shape.is_array()) return check_array(shape, v);
    if (shape.contains("(or null)")) return v.is_null() || check(shape["(or null)"], v);
    if (shape.contains("(tuple)")) return check_tuple(shape, v);
    if (!v.is_object()) return fail("an object", v);
    for (const auto& [key, inner] : shape.items()) {
      if (key == "(with)") {
        if (!check(inner, v)) return false;
        continue;
      }
      const bool optional = !key.empty() && key.back() == '?';
      const std::string name = optional ? key.substr(0, key.size() - 1) : key;
      const auto it = v.find(name);
      if (it == v.end()) {
        if (optional) continue;
        problems.push_back({path.empty() ? name : path + "." + name, "is missing"});
        return false;
      }
      const size_t mark = path.size();
      path += path.empty() ? name : "." + name;
      if (!check(inner, *it)) return false;
      path.resize(mark);
    }
    return true;
  }

  bool check_array(const Json& shape, const Json& v) {
    if (!v.is_array()) return fail("an array", v);
    for (size_t i = 0; i < v.size(); ++i) {
      const size_t mark = path.size();
      path += "[" + std::to_string(i) + "]";
      if (!check(shape[0], v[i])) return false;
      path.resize(mark);
    }
    return true;
  }

  bool check_tuple(const Json& shape, const Json& v) {
    const Json& items = shape["(tuple)"];
    const size_t min = shape.contains("(min)") ? shape["(min)"].get<size_t>() : items.size();
    if (!v.is_array()) return fail("an array", v);
    if (v.size() < min || v.size() > items.size()) {
      const std::string want = min == items.size()
                                   ? std::to_string(min)
                                   : std::to_string(min) + " to " + std::to_string(items.size());
      problems.push_back(
          {path.empty() ? "payload" : path, "has " + std::to_string(v.size()) + " items, expected " + want});
      return false;
    }
    for (size_t i = 0; i < v.size(); ++i) {
      const size_t mark = path.size();
      path += "[" + std::to_string(i) + "]";
      if (!check(items[i], v[i])) return false;
      path.resize(mark);
    }
    return true;
  }
};

}  // namespace

Status check_event_shape(std::string_view type, const Json& payload) {
  const auto it = shapes().find(std::string(type));
  if (it == shapes().end()) return Problem{"", "no declared shape for event type " + std::string(type)};
  Checker checker;
  if (!checker.check(*it, payload)) return checker.problems;
  return ok_status();
}

}  // namespace duebook

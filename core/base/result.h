// Expected failures as values: a Result holds either a value or the list of
// problems that prevented it. No exception crosses core's public API.
#pragma once

#include <cassert>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace duebook {

// One thing wrong with an input, said so that a user can find and fix it.
struct Problem {
  std::string where;    // file:row:field, or a field name ("customer.name"), or "" when global
  std::string message;  // what is wrong, in plain words
};

using Problems = std::vector<Problem>;

// Renders problems one per line as "where: message".
std::string describe(const Problems& problems);

template <class T>
class [[nodiscard]] Result {
 public:
  Result(T value) : value_(std::move(value)) {}  // NOLINT: implicit on purpose
  Result(Problems problems) : problems_(std::move(problems)) { assert(!problems_.empty()); }
  Result(Problem problem) : problems_{std::move(problem)} {}  // NOLINT

  bool ok() const { return value_.has_value(); }
  explicit operator bool() const { return ok(); }
  const T& value() const& {
    assert(ok());
    return *value_;
  }
  T& value() & {
    assert(ok());
    return *value_;
  }
  T&& value() && {
    assert(ok());
    return std::move(*value_);
  }
  const T* operator->() const {
    assert(ok());
    return &*value_;
  }
  const T& operator*() const {
    assert(ok());
    return *value_;
  }
  const Problems& problems() const { return problems_; }

 private:
  std::optional<T> value_;
  Problems problems_;
};

// For operations that return nothing but may fail.
struct Done {};
using Status = Result<Done>;
inline Status ok_status() {
  return Done{};
}

}  // namespace duebook

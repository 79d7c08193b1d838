// The as-of date in the menu bar: the day every screen works on, moved for planning and back to today.
#pragma once

#include <optional>
#include <string>

#include "base/date.h"

namespace duebook::ui {

struct AsOfState {
  std::optional<Date> as_of;  // the as-of date set for planning; none = the local day
  std::string text;           // the field as typed
  std::string error;          // why the typed date was refused
  // The day every screen works on: the as-of date, else `local_today`.
  Date day(const Date& local_today) const { return as_of ? *as_of : local_today; }
  // Back to the local day.
  void reset(const Date& local_today);
};

// Draws the as-of field: typed and applied with Enter (or on leaving the field), a refused date said beside
// it; "Back to today" returns to the local day.
void draw_as_of(AsOfState& state, const Date& local_today);

}  // namespace duebook::ui

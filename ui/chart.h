// Charts drawn with ImGui's draw lists: stacked bars, bars with a low–high band and markers, and a line.
// Amounts arrive as int64 minor units and are turned into floats only for pixel positions; axis ticks are
// round amounts and tooltips show the exact figures. Sizes come from the current font size and style, so the
// charts stay crisp at any devicePixelRatio; colours come from the style (text, grid) and from a palette of
// mid-tone hues that reads on light and dark backgrounds.
#pragma once

#include <imgui.h>

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace duebook::ui {

// Which bar (and, for stacked bars, which segment) was clicked this frame; bar -1 = none.
struct ChartHit {
  int bar = -1;      // index of the bar
  int segment = -1;  // index of the segment within it (stacked bars), else -1
};

// How amounts of one currency are written on an axis and in tooltips.
struct ChartMoney {
  std::string currency;  // ISO 4217 code, shown in tooltips
  int digits = 2;        // minor digits of the currency
};

// Bars of amounts stacked from segments (one bar per currency, one segment per aging bucket). Bars of
// different currencies cannot share an amount axis, so each bar spans the full width as 100 % of its own
// total and the axis is in percent; the exact amounts are in the labels and tooltips.
struct StackedBars {
  std::vector<std::string> bar_labels;       // under each bar
  std::vector<std::string> segment_names;    // legend and tooltips, one per segment
  std::vector<ImU32> segment_colors;         // one per segment
  std::vector<std::vector<int64_t>> values;  // [bar][segment] amounts, minor units (negatives drawn as 0)
  std::vector<std::vector<int32_t>> counts;  // optional [bar][segment] item counts for tooltips
  std::vector<ChartMoney> money;             // one per bar: how its amounts are written
  std::string test_name;                     // when set, segment s of bar b is marked "<name>.b.s"
};

// Draws the chart in a region of `size` (x or y <= 0: the available width, or a height for the bar count)
// and returns what was clicked. Hovering a segment shows its name, amount and count.
ChartHit draw_stacked_bars(const char* id, const StackedBars& chart, ImVec2 size);

// Bars of expected amounts per period with a low–high band and markers for scheduled amounts.
struct BandBars {
  std::vector<std::string> labels;        // one per bar (week starts)
  std::vector<int64_t> values;            // the bar's amount, minor units
  std::vector<int64_t> low, high;         // the band around it, minor units (empty: no band)
  std::vector<int64_t> markers;           // scheduled amounts marked on the bar (0 = no marker; empty: none)
  std::vector<std::string> marker_notes;  // tooltip text per marker ("2 promises, 1 installment")
  ChartMoney money;                       // how amounts are written
  std::string value_name = "Expected";    // tooltip name of the bar
  std::string band_name = "Range";        // tooltip name of the band
  std::string marker_name = "Scheduled";  // tooltip and legend name of the markers
};

// Draws the chart and returns the bar clicked, if any.
ChartHit draw_band_bars(const char* id, const BandBars& chart, ImVec2 size);

// A line of values that are not money (days), with gaps where a value is undefined.
struct LineChart {
  std::vector<std::string> labels;            // one per point (months)
  std::vector<std::optional<double>> values;  // drawing positions only; nullopt = a gap
  std::vector<std::string> tooltips;          // exact text per point
  std::string unit = "days";                  // written after the axis ticks' numbers
};

// Draws the line and returns the point clicked, if any.
ChartHit draw_line_chart(const char* id, const LineChart& chart, ImVec2 size);

// Cumulative amounts over days, one stepped line per series (cash expected by each way of collecting).
struct StepSeries {
  std::string name;                                 // legend and tooltip
  ImU32 color = 0;                                  // the line's colour
  std::vector<std::pair<int64_t, int64_t>> points;  // (day from 0, cumulative minor units), by day
  bool emphasis = false;                            // drawn thicker, on top (the cheapest)
};
struct StepLines {
  std::vector<StepSeries> series;  // the lines
  ChartMoney money;                // how amounts are written
  std::string test_name;           // when set, the plot area is marked under this name
};

// Draws the lines; hovering shows every series' amount on that day.
void draw_step_lines(const char* id, const StepLines& chart, ImVec2 size);

// A round step for an axis from 0 to `max` (minor units) with about `ticks` ticks: 1, 2 or 5 × 10^k minor
// units, at least one minor unit. For `max` <= 0, 1.
int64_t nice_step(int64_t max, int ticks);
// An axis tick written short: whole amounts in k and M ("25k", "1.5M"), smaller ones in full ("12.50").
std::string axis_amount(int64_t minor, int digits);
// The palette: colour `index` of a ramp from calm to alarming (`of` colours), for aging buckets.
ImU32 chart_ramp_color(int index, int of);
// The accent colours for series: 0 = primary, 1 = band, 2 = marker.
ImU32 chart_accent(int index);
// Distinct mid-tone hues for unrelated series (index 0..7, then repeating), readable in both themes.
ImU32 chart_series_color(int index);

}  // namespace duebook::ui

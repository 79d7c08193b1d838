#include "chart.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "base/money.h"
#include "test_hook.h"

namespace duebook::ui {
namespace {

// Sizes in units of the current font, so that a chart scales with the text at any devicePixelRatio.
float em() {
  return ImGui::GetFontSize();
}
float hairline() {
  return std::max(1.0f, std::floor(em() / 14.0f));
}
ImU32 text_color() {
  return ImGui::GetColorU32(ImGuiCol_Text);
}
ImU32 muted_color() {
  return ImGui::GetColorU32(ImGuiCol_TextDisabled);
}
ImU32 grid_color() {
  return ImGui::GetColorU32(ImGuiCol_Text, 0.12f);
}

// A round axis from 0: the step between ticks and the top tick, at least one step.
struct Axis {
  int64_t step = 1;
  int64_t top = 1;
};

Axis axis_for(int64_t max, int ticks) {
  Axis a;
  a.step = nice_step(max, ticks);
  a.top = max <= 0 ? a.step : (max + a.step - 1) / a.step * a.step;
  return a;
}

// A pixel offset along an axis of `length` pixels for `value` of `top`: the only place amounts become floats.
float along(int64_t value, int64_t top, float length) {
  if (value <= 0 || top <= 0) return 0.0f;
  return float(double(std::min(value, top)) / double(top)) * length;
}

std::string exact(int64_t minor, const ChartMoney& money) {
  return format_amount(minor, money.digits) + " " + money.currency;
}

// A small coloured square and a name, on the current line.
void legend_entry(ImU32 color, const std::string& name) {
  const float side = std::floor(em() * 0.7f);
  if (ImGui::GetContentRegionAvail().x < side + em() * 0.3f + ImGui::CalcTextSize(name.c_str()).x)
    ImGui::NewLine();
  const ImVec2 at = ImGui::GetCursorScreenPos();
  const float y = at.y + (ImGui::GetTextLineHeight() - side) * 0.5f;
  ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(at.x, y), ImVec2(at.x + side, y + side), color,
                                            side * 0.2f);
  ImGui::Dummy(ImVec2(side, ImGui::GetTextLineHeight()));
  ImGui::SameLine(0, em() * 0.3f);
  ImGui::TextUnformatted(name.c_str());
  ImGui::SameLine(0, em());
}

// Grid lines and tick labels of a money axis, horizontal (ticks along x) or vertical (ticks along y).
void money_grid(ImDrawList* dl, ImVec2 lo, ImVec2 hi, const Axis& axis, int digits, bool along_x) {
  for (int64_t v = 0; v <= axis.top; v += axis.step) {
    const std::string label = axis_amount(v, digits);
    const ImVec2 size = ImGui::CalcTextSize(label.c_str());
    if (along_x) {
      const float x = std::round(lo.x + along(v, axis.top, hi.x - lo.x));
      dl->AddLine(ImVec2(x, lo.y), ImVec2(x, hi.y), grid_color(), hairline());
      dl->AddText(ImVec2(x - size.x * 0.5f, hi.y + em() * 0.2f), muted_color(), label.c_str());
    } else {
      const float y = std::round(hi.y - along(v, axis.top, hi.y - lo.y));
      dl->AddLine(ImVec2(lo.x, y), ImVec2(hi.x, y), grid_color(), hairline());
      dl->AddText(ImVec2(lo.x - size.x - em() * 0.4f, y - size.y * 0.5f), muted_color(), label.c_str());
    }
    if (v > std::numeric_limits<int64_t>::max() - axis.step) break;
  }
}

float widest(const std::vector<std::string>& texts) {
  float w = 0;
  for (const std::string& t : texts) w = std::max(w, ImGui::CalcTextSize(t.c_str()).x);
  return w;
}

}  // namespace

int64_t nice_step(int64_t max, int ticks) {
  if (max <= 0 || ticks < 1) return 1;
  const int64_t raw = (max + ticks - 1) / ticks;
  for (int64_t power = 1;; power *= 10) {
    for (int64_t m : {1, 2, 5})
      if (m * power >= raw) return m * power;
    if (power > std::numeric_limits<int64_t>::max() / 100) return raw;
  }
}

std::string axis_amount(int64_t minor, int digits) {
  int64_t unit = 1;
  for (int i = 0; i < digits; ++i) unit *= 10;
  if (minor % unit != 0) return format_amount(minor, digits);
  const int64_t whole = minor / unit, size = whole < 0 ? -whole : whole;
  const char* sign = whole < 0 ? "-" : "";
  auto scaled = [&](int64_t by, const char* suffix) {
    const int64_t tenths = size % by / (by / 10);
    return sign + std::to_string(size / by) + (tenths ? "." + std::to_string(tenths) : "") + suffix;
  };
  if (size >= 1000000 && size % 100000 == 0) return scaled(1000000, "M");
  if (size >= 1000 && size % 100 == 0) return scaled(1000, "k");
  return std::to_string(whole);
}

ImU32 chart_ramp_color(int index, int of) {
  // Green through amber to deep red: hue from 145° down to 0°, saturation and value kept mid-tone so the
  // colours read on the light and the dark background alike.
  const float t = of <= 1 ? 0.0f : float(index) / float(of - 1);
  float r, g, b;
  ImGui::ColorConvertHSVtoRGB((145.0f - 145.0f * t) / 360.0f, 0.62f, 0.82f - 0.22f * t, r, g, b);
  return ImGui::GetColorU32(ImVec4(r, g, b, 1.0f));
}

ImU32 chart_accent(int index) {
  static const ImVec4 accents[] = {ImVec4(0.22f, 0.49f, 0.78f, 1.0f), ImVec4(0.50f, 0.50f, 0.56f, 0.9f),
                                   ImVec4(0.90f, 0.45f, 0.10f, 1.0f)};
  return ImGui::GetColorU32(accents[std::clamp(index, 0, 2)]);
}

ChartHit draw_stacked_bars(const char* id, const StackedBars& c, ImVec2 size) {
  ChartHit hit;
  for (std::size_t s = 0; s < c.segment_names.size(); ++s)
    legend_entry(c.segment_colors[s], c.segment_names[s]);
  ImGui::NewLine();
  const float row = std::round(em() * 1.8f), thick = std::round(em() * 1.2f);
  if (size.x <= 0) size.x = ImGui::GetContentRegionAvail().x;
  if (size.y <= 0) size.y = row * float(c.values.size()) + em() * 1.6f;
  const ImVec2 at = ImGui::GetCursorScreenPos();
  ImGui::InvisibleButton(id, size);
  const bool hovered = ImGui::IsItemHovered(), clicked = ImGui::IsItemClicked();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float label_w = widest(c.bar_labels) + em() * 0.8f;
  const ImVec2 lo(at.x + label_w, at.y), hi(at.x + size.x - em() * 1.4f, at.y + size.y - em() * 1.4f);
  // The percent axis: 0, 25, 50, 75, 100 %.
  for (int pct = 0; pct <= 100; pct += 25) {
    const float x = std::round(lo.x + (hi.x - lo.x) * float(pct) / 100.0f);
    const std::string label = std::to_string(pct) + " %";
    const float w = ImGui::CalcTextSize(label.c_str()).x;
    dl->AddLine(ImVec2(x, lo.y), ImVec2(x, hi.y), grid_color(), hairline());
    dl->AddText(ImVec2(std::min(x - w * 0.5f, at.x + size.x - w), hi.y + em() * 0.2f), muted_color(),
                label.c_str());
  }
  const ImVec2 mouse = ImGui::GetIO().MousePos;
  for (std::size_t b = 0; b < c.values.size(); ++b) {
    const float y0 = std::round(lo.y + row * float(b) + (row - thick) * 0.5f);
    dl->AddText(ImVec2(at.x, y0 + (thick - ImGui::GetTextLineHeight()) * 0.5f), text_color(),
                c.bar_labels[b].c_str());
    int64_t total = 0, run = 0;
    for (int64_t v : c.values[b]) total += std::max<int64_t>(v, 0);
    for (std::size_t s = 0; s < c.values[b].size(); ++s) {
      const int64_t v = std::max<int64_t>(c.values[b][s], 0);
      const float x0 = std::round(lo.x + along(run, total, hi.x - lo.x));
      run += v;
      const float x1 = std::round(lo.x + along(run, total, hi.x - lo.x));
      if (x1 <= x0) continue;
      const bool over = hovered && mouse.x >= x0 && mouse.x < x1 && mouse.y >= y0 && mouse.y < y0 + thick;
      dl->AddRectFilled(ImVec2(x0, y0), ImVec2(x1, y0 + thick), c.segment_colors[s]);
      if (!c.test_name.empty())
        test_mark_rect((c.test_name + "." + std::to_string(b) + "." + std::to_string(s)).c_str(), x0, y0, x1,
                       y0 + thick);
      if (!over) continue;
      dl->AddRect(ImVec2(x0, y0), ImVec2(x1, y0 + thick), text_color(), 0, 0, hairline() * 2);
      ImGui::BeginTooltip();
      ImGui::Text("%s · %s", c.money[b].currency.c_str(), c.segment_names[s].c_str());
      ImGui::Text("%s of %s", exact(c.values[b][s], c.money[b]).c_str(), exact(total, c.money[b]).c_str());
      if (b < c.counts.size() && s < c.counts[b].size())
        ImGui::Text("%d invoice%s — click to list them", c.counts[b][s], c.counts[b][s] == 1 ? "" : "s");
      ImGui::EndTooltip();
      if (clicked) hit = {int(b), int(s)};
    }
  }
  return hit;
}

ChartHit draw_band_bars(const char* id, const BandBars& c, ImVec2 size) {
  ChartHit hit;
  legend_entry(chart_accent(0), c.value_name);
  if (!c.low.empty()) legend_entry(chart_accent(1), c.band_name);
  if (!c.markers.empty()) legend_entry(chart_accent(2), c.marker_name);
  ImGui::NewLine();
  if (size.x <= 0) size.x = ImGui::GetContentRegionAvail().x;
  if (size.y <= 0) size.y = em() * 12;
  const ImVec2 at = ImGui::GetCursorScreenPos();
  ImGui::InvisibleButton(id, size);
  const bool hovered = ImGui::IsItemHovered(), clicked = ImGui::IsItemClicked();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  int64_t max = 0;
  for (std::size_t i = 0; i < c.values.size(); ++i) {
    max = std::max(max, c.values[i]);
    if (i < c.low.size()) max = std::max({max, c.low[i], c.high[i]});
    if (i < c.markers.size()) max = std::max(max, c.markers[i]);
  }
  const Axis axis = axis_for(max, 4);
  const float axis_w = ImGui::CalcTextSize(axis_amount(axis.top, c.money.digits).c_str()).x + em() * 0.8f;
  const ImVec2 lo(at.x + axis_w, at.y + em() * 0.5f), hi(at.x + size.x, at.y + size.y - em() * 1.5f);
  money_grid(dl, lo, hi, axis, c.money.digits, false);
  const std::size_t n = c.values.size();
  const float slot = n ? (hi.x - lo.x) / float(n) : 0.0f;
  const int label_every = slot <= 0 ? 1 : int(std::ceil((widest(c.labels) + em() * 0.6f) / slot));
  const ImVec2 mouse = ImGui::GetIO().MousePos;
  auto y_of = [&](int64_t v) { return std::round(hi.y - along(v, axis.top, hi.y - lo.y)); };
  for (std::size_t i = 0; i < n; ++i) {
    const float x0 = std::round(lo.x + slot * float(i) + slot * 0.2f), x1 = std::round(x0 + slot * 0.6f);
    const float mid = std::round((x0 + x1) * 0.5f);
    const bool over = hovered && mouse.x >= lo.x + slot * float(i) && mouse.x < lo.x + slot * float(i + 1);
    if (over)
      dl->AddRectFilled(ImVec2(lo.x + slot * float(i), lo.y), ImVec2(lo.x + slot * float(i + 1), hi.y),
                        grid_color());
    dl->AddRectFilled(ImVec2(x0, y_of(c.values[i])), ImVec2(x1, hi.y), chart_accent(0));
    if (i < c.low.size()) {
      const float ya = y_of(std::min(c.low[i], c.high[i])), yb = y_of(std::max(c.low[i], c.high[i]));
      const float w = hairline() * 2, cap = (x1 - x0) * 0.3f;
      dl->AddLine(ImVec2(mid, ya), ImVec2(mid, yb), chart_accent(1), w);
      dl->AddLine(ImVec2(mid - cap, ya), ImVec2(mid + cap, ya), chart_accent(1), w);
      dl->AddLine(ImVec2(mid - cap, yb), ImVec2(mid + cap, yb), chart_accent(1), w);
    }
    if (i < c.markers.size() && c.markers[i] > 0) {
      const float y = y_of(c.markers[i]), r = std::round(em() * 0.35f);
      dl->AddQuadFilled(ImVec2(mid, y - r), ImVec2(mid + r, y), ImVec2(mid, y + r), ImVec2(mid - r, y),
                        chart_accent(2));
    }
    if (int(i) % label_every == 0) {
      const float w = ImGui::CalcTextSize(c.labels[i].c_str()).x;
      dl->AddText(ImVec2(mid - w * 0.5f, hi.y + em() * 0.2f), muted_color(), c.labels[i].c_str());
    }
    if (!over) continue;
    ImGui::BeginTooltip();
    ImGui::Text("Week of %s", c.labels[i].c_str());
    ImGui::Text("%s: %s", c.value_name.c_str(), exact(c.values[i], c.money).c_str());
    if (i < c.low.size())
      ImGui::Text("%s: %s – %s", c.band_name.c_str(), exact(std::min(c.low[i], c.high[i]), c.money).c_str(),
                  exact(std::max(c.low[i], c.high[i]), c.money).c_str());
    if (i < c.markers.size() && c.markers[i] > 0)
      ImGui::Text("%s: %s%s%s", c.marker_name.c_str(), exact(c.markers[i], c.money).c_str(),
                  i < c.marker_notes.size() ? " — " : "",
                  i < c.marker_notes.size() ? c.marker_notes[i].c_str() : "");
    ImGui::EndTooltip();
    if (clicked) hit.bar = int(i);
  }
  return hit;
}

ChartHit draw_line_chart(const char* id, const LineChart& c, ImVec2 size) {
  ChartHit hit;
  if (size.x <= 0) size.x = ImGui::GetContentRegionAvail().x;
  if (size.y <= 0) size.y = em() * 10;
  const ImVec2 at = ImGui::GetCursorScreenPos();
  ImGui::InvisibleButton(id, size);
  const bool hovered = ImGui::IsItemHovered(), clicked = ImGui::IsItemClicked();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  double max = 0;
  for (const std::optional<double>& v : c.values)
    if (v) max = std::max(max, *v);
  const Axis axis = axis_for(int64_t(std::ceil(max)), 4);
  const float axis_w = ImGui::CalcTextSize((std::to_string(axis.top) + " " + c.unit).c_str()).x + em() * 0.8f;
  const ImVec2 lo(at.x + axis_w, at.y + em() * 0.5f),
      hi(at.x + size.x - em() * 0.5f, at.y + size.y - em() * 1.5f);
  for (int64_t v = 0; v <= axis.top; v += axis.step) {
    const float y = std::round(hi.y - along(v, axis.top, hi.y - lo.y));
    const std::string label = std::to_string(v) + (v == axis.top ? " " + c.unit : "");
    const ImVec2 ts = ImGui::CalcTextSize(label.c_str());
    dl->AddLine(ImVec2(lo.x, y), ImVec2(hi.x, y), grid_color(), hairline());
    dl->AddText(ImVec2(lo.x - ts.x - em() * 0.4f, y - ts.y * 0.5f), muted_color(), label.c_str());
  }
  const std::size_t n = c.values.size();
  const float slot = n ? (hi.x - lo.x) / float(n) : 0.0f;
  auto point = [&](std::size_t i) {
    const float y = hi.y - float(*c.values[i] / double(axis.top)) * (hi.y - lo.y);
    return ImVec2(std::round(lo.x + slot * (float(i) + 0.5f)), std::round(std::clamp(y, lo.y, hi.y)));
  };
  const int label_every = slot <= 0 ? 1 : int(std::ceil((widest(c.labels) + em() * 0.6f) / slot));
  const ImVec2 mouse = ImGui::GetIO().MousePos;
  for (std::size_t i = 0; i < n; ++i) {
    const float mid = std::round(lo.x + slot * (float(i) + 0.5f));
    if (int(i) % label_every == 0) {
      const float w = ImGui::CalcTextSize(c.labels[i].c_str()).x;
      dl->AddText(ImVec2(mid - w * 0.5f, hi.y + em() * 0.2f), muted_color(), c.labels[i].c_str());
    }
    if (c.values[i] && i + 1 < n && c.values[i + 1])
      dl->AddLine(point(i), point(i + 1), chart_accent(0), hairline() * 2.5f);
    const bool over = hovered && mouse.x >= lo.x + slot * float(i) && mouse.x < lo.x + slot * float(i + 1);
    if (c.values[i]) dl->AddCircleFilled(point(i), em() * (over ? 0.4f : 0.25f), chart_accent(0));
    if (!over) continue;
    dl->AddLine(ImVec2(mid, lo.y), ImVec2(mid, hi.y), grid_color(), hairline());
    ImGui::BeginTooltip();
    ImGui::TextUnformatted(c.labels[i].c_str());
    ImGui::TextUnformatted(i < c.tooltips.size() ? c.tooltips[i].c_str() : "");
    ImGui::EndTooltip();
    if (clicked) hit.bar = int(i);
  }
  return hit;
}

ImU32 chart_series_color(int index) {
  static const ImVec4 hues[] = {ImVec4(0.50f, 0.50f, 0.56f, 1.0f), ImVec4(0.22f, 0.49f, 0.78f, 1.0f),
                                ImVec4(0.18f, 0.63f, 0.42f, 1.0f), ImVec4(0.90f, 0.45f, 0.10f, 1.0f),
                                ImVec4(0.62f, 0.38f, 0.78f, 1.0f), ImVec4(0.80f, 0.25f, 0.30f, 1.0f),
                                ImVec4(0.10f, 0.62f, 0.68f, 1.0f), ImVec4(0.72f, 0.58f, 0.12f, 1.0f)};
  return ImGui::GetColorU32(hues[(index % 8 + 8) % 8]);
}

void draw_step_lines(const char* id, const StepLines& c, ImVec2 size) {
  for (const StepSeries& s : c.series) legend_entry(s.color, s.name);
  ImGui::NewLine();
  if (size.x <= 0) size.x = ImGui::GetContentRegionAvail().x;
  if (size.y <= 0) size.y = em() * 12;
  const ImVec2 at = ImGui::GetCursorScreenPos();
  ImGui::InvisibleButton(id, size);
  const bool hovered = ImGui::IsItemHovered();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  int64_t max = 0, last_day = 30;
  for (const StepSeries& s : c.series)
    for (const auto& [day, amount] : s.points) {
      max = std::max(max, amount);
      last_day = std::max(last_day, day);
    }
  last_day = (last_day * 11 / 10 + 9) / 10 * 10;  // room after the last step, on a round day
  const Axis axis = axis_for(max, 4);
  const float axis_w = ImGui::CalcTextSize(axis_amount(axis.top, c.money.digits).c_str()).x + em() * 0.8f;
  const ImVec2 lo(at.x + axis_w, at.y + em() * 0.5f),
      hi(at.x + size.x - em() * 0.8f, at.y + size.y - em() * 1.5f);
  if (!c.test_name.empty()) test_mark_rect(c.test_name.c_str(), lo.x, lo.y, hi.x, hi.y);
  money_grid(dl, lo, hi, axis, c.money.digits, false);
  auto x_of = [&](int64_t day) {
    return std::round(lo.x + float(double(day) / double(last_day)) * (hi.x - lo.x));
  };
  auto y_of = [&](int64_t v) { return std::round(hi.y - along(v, axis.top, hi.y - lo.y)); };
  const Axis days = axis_for(last_day, 6);
  for (int64_t d = 0; d <= last_day; d += days.step) {
    const std::string label = std::to_string(d) + (d + days.step > last_day ? " days" : "");
    const float w = ImGui::CalcTextSize(label.c_str()).x;  // the last label kept inside the chart
    dl->AddText(ImVec2(std::min(x_of(d) - w * 0.5f, at.x + size.x - w), hi.y + em() * 0.2f), muted_color(),
                label.c_str());
  }
  // Thin lines first, the emphasised one on top.
  for (int pass = 0; pass < 2; ++pass)
    for (const StepSeries& s : c.series) {
      if (s.emphasis != (pass == 1)) continue;
      const float width = hairline() * (s.emphasis ? 4.0f : 2.0f);
      ImVec2 from(x_of(0), y_of(0));
      for (const auto& [day, amount] : s.points) {
        const ImVec2 corner(x_of(day), from.y), to(x_of(day), y_of(amount));
        dl->AddLine(from, corner, s.color, width);
        dl->AddLine(corner, to, s.color, width);
        from = to;
      }
      dl->AddLine(from, ImVec2(hi.x, from.y), s.color, width);
    }
  const ImVec2 mouse = ImGui::GetIO().MousePos;
  if (!hovered || mouse.x < lo.x || mouse.x > hi.x) return;
  const int64_t day = std::clamp<int64_t>(
      int64_t(std::llround(double(mouse.x - lo.x) / double(hi.x - lo.x) * double(last_day))), 0, last_day);
  dl->AddLine(ImVec2(x_of(day), lo.y), ImVec2(x_of(day), hi.y), grid_color(), hairline());
  ImGui::BeginTooltip();
  ImGui::Text("Day %lld", (long long)day);
  for (const StepSeries& s : c.series) {
    int64_t amount = 0;
    for (const auto& [d, v] : s.points)
      if (d <= day) amount = v;
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(s.color), "%s: %s", s.name.c_str(),
                       exact(amount, c.money).c_str());
  }
  ImGui::EndTooltip();
}

}  // namespace duebook::ui

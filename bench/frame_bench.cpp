// duebook-frame-bench: the CPU time the workbench takes to build one frame (ImGui's NewFrame, the app's
// frame, Render — everything but the GPU's drawing) on a ledger, with the Dashboard and with the invoice
// table in front, and whether an idle app asks for frames. No window: ImGui runs headless on the real App.
//   duebook-frame-bench --db PATH [--as-of YYYY-MM-DD] [--frames N] [--width W --height H] [--font TTF]
// Prints one JSON object. Not a test: see docs/benchmarks.md.
#include <imgui.h>
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "app.h"
#include "platform.h"
#include "test_hook.h"

using namespace duebook;

namespace {

// A platform with no window: the ledger file, a fixed day, and a count of the frames asked for.
class BenchPlatform : public ui::Platform {
 public:
  BenchPlatform(std::string path, Date today) : path_(std::move(path)), today_(today) {}
  std::string database_path() override { return path_; }
  void persist() override {}
  int64_t now_ms() override {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
  }
  Date local_today() override { return today_; }
  void request_frame() override { ++frames_requested; }
  const char* name() override { return "bench"; }
  Result<std::string> save_file(const std::string& name, const std::string&, const char*) override {
    return Problem{name, "the benchmark saves no files"};
  }
  int frames_requested = 0;

 private:
  std::string path_;
  Date today_;
};

double cpu_ms() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);  // the UI thread's: not the Dashboard's worker
  return double(t.tv_sec) * 1e3 + double(t.tv_nsec) / 1e6;
}

// One frame as the desktop's loop builds it, without the GPU; returns the CPU ms and whether the app changed.
double one_frame(ui::App& app, bool* changed) {
  const double start = cpu_ms();
  ImGuiIO& io = ImGui::GetIO();
  io.DeltaTime = 1.0f / 60.0f;
  int w = 0, h = 0;
  unsigned char* pixels = nullptr;
  io.Fonts->GetTexDataAsAlpha8(&pixels, &w, &h);  // built once; the backends do the same before a frame
  ImGui::NewFrame();
  *changed = app.frame();
  ImGui::Render();
  return cpu_ms() - start;
}

// Clicks the widget the last frame marked `name` (a tab): the press in one frame, the release in the next.
bool click(ui::App& app, const std::string& name) {
  const nlohmann::json items = nlohmann::json::parse(ui::test_items_json())["items"];
  if (!items.contains(name)) return false;
  const auto& r = items[name];
  ImGuiIO& io = ImGui::GetIO();
  io.MousePos = ImVec2(r[0].get<float>() + 10, r[1].get<float>() + r[3].get<float>() / 2);
  bool changed = false;
  one_frame(app, &changed);
  io.MouseDown[0] = true;
  one_frame(app, &changed);
  io.MouseDown[0] = false;
  one_frame(app, &changed);
  return true;
}

// The median and the worst of `frames` frames.
nlohmann::json time_frames(ui::App& app, int frames) {
  std::vector<double> ms;
  for (int i = 0; i < frames; ++i) {
    bool changed = false;
    ImGui::GetIO().MousePos =
        ImVec2(float(200 + (i % 7) * 90), float(300 + (i % 5) * 40));  // hover the charts
    ms.push_back(one_frame(app, &changed));
  }
  std::sort(ms.begin(), ms.end());
  return {{"median_ms", ms[ms.size() / 2]},
          {"p95_ms", ms[ms.size() * 95 / 100]},
          {"max_ms", ms.back()},
          {"frames", frames}};
}

}  // namespace

int main(int argc, char** argv) {
  std::string db, font;
  Date as_of{2026, 6, 30};
  int frames = 200;
  float width = 1920, height = 1080;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string k = argv[i], v = argv[i + 1];
    if (k == "--db")
      db = v;
    else if (k == "--as-of")
      as_of = parse_date(v).value();
    else if (k == "--frames")
      frames = std::max(1, std::atoi(v.c_str()));
    else if (k == "--width")
      width = float(std::atof(v.c_str()));
    else if (k == "--height")
      height = float(std::atof(v.c_str()));
    else if (k == "--font")
      font = v;
  }
  if (db.empty()) {
    std::fprintf(stderr, "usage: duebook-frame-bench --db PATH [--as-of D] [--frames N] [--font TTF]\n");
    return 2;
  }
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;
  io.DisplaySize = ImVec2(width, height);
  ui::load_fonts(font.empty() ? nullptr : font.c_str(), 16.0f);
  ui::apply_style(1.0f);
  BenchPlatform platform(db, as_of);
  const double open_start = cpu_ms();
  ui::App app(platform);
  if (!app.ready()) {
    std::fprintf(stderr, "duebook-frame-bench: cannot open %s\n", db.c_str());
    return 3;
  }
  nlohmann::ordered_json out;
  out["open_ms"] = cpu_ms() - open_start;
  bool changed = false;
  // The first frame draws at once with the Dashboard saying "Computing…" while its figures are worked out
  // away from the frame (a worker thread natively); the frames drawn meanwhile are timed until the figures
  // arrive.
  const auto wall_start = std::chrono::steady_clock::now();
  out["first_frame_ms"] = one_frame(app, &changed);
  std::vector<double> waiting;
  while (nlohmann::json::parse(app.state_json())["dashboard"].value("computing", false)) {
    waiting.push_back(one_frame(app, &changed));
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  out["dashboard_ready_wall_ms"] =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - wall_start).count();
  out["frames_while_computing"] = waiting.size();
  out["max_frame_while_computing_ms"] =
      waiting.empty() ? 0.0 : *std::max_element(waiting.begin(), waiting.end());
  for (int i = 0; i < 5; ++i) one_frame(app, &changed);
  out["dashboard"] = time_frames(app, frames);
  out["invoices_tab_found"] = click(app, "tab.invoices");
  out["invoices_first_frame_ms"] = one_frame(app, &changed);  // the page's query runs once
  for (int i = 0; i < 5; ++i) one_frame(app, &changed);
  out["invoice_table"] = time_frames(app, frames);
  // Idle: no input. The desktop loop draws only while frame() reports a change or the app asks for a frame.
  int settle = 0;
  for (; settle < 100; ++settle) {
    one_frame(app, &changed);
    if (!changed) break;
  }
  const int requested = platform.frames_requested;
  int changed_idle = 0;
  for (int i = 0; i < 100; ++i) {
    one_frame(app, &changed);
    changed_idle += changed ? 1 : 0;
  }
  out["idle"] = {{"frames_until_idle", settle},
                 {"frames_reporting_change_in_100_idle", changed_idle},
                 {"frames_requested_while_idle", platform.frames_requested - requested}};
  std::printf("%s\n", out.dump(2).c_str());
  ImGui::DestroyContext();
  return 0;
}

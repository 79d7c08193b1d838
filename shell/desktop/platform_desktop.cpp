#include "platform_desktop.h"

#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>
#include <spawn.h>
#include <sys/wait.h>

#include <cctype>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>
#include <utility>

#include "app.h"
#include "documents.h"
#include "test_hook.h"

#ifndef DUEBOOK_ICON_FONT_PATH
#define DUEBOOK_ICON_FONT_PATH nullptr  // no icon font found at build time: labels without icons
#endif
#ifndef DUEBOOK_FONT_PATH
#define DUEBOOK_FONT_PATH ""
#endif

namespace duebook::shell {

std::string default_database_path() {
  namespace fs = std::filesystem;
  fs::path base;
  if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg)
    base = xdg;
  else if (const char* home = std::getenv("HOME"); home && *home)
    base = fs::path(home) / ".local" / "share";
  else
    base = ".";
  fs::path dir = base / "duebook";
  std::error_code ec;
  fs::create_directories(dir, ec);
  return (dir / "ledger.sqlite").string();
}

namespace {

// The file keeping preference `key`, in the "preferences" folder beside the ledger.
std::filesystem::path preference_file(const std::string& db_path, const std::string& key) {
  return std::filesystem::path(db_path).parent_path() / "preferences" / key;
}

}  // namespace

std::string DesktopPlatform::language_tag() {
  for (const char* name : {"LC_ALL", "LANG"})
    if (const char* value = std::getenv(name); value && *value) return value;
  return {};
}

std::string DesktopPlatform::preference(const std::string& key) {
  std::ifstream in(preference_file(db_path_, key));
  std::string value;
  std::getline(in, value);
  return value;
}

void DesktopPlatform::set_preference(const std::string& key, const std::string& value) {
  const std::filesystem::path file = preference_file(db_path_, key);
  std::error_code ec;
  std::filesystem::create_directories(file.parent_path(), ec);
  std::ofstream(file) << value << "\n";
}

int64_t DesktopPlatform::now_ms() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

Date DesktopPlatform::local_today() {
  std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);  // the system's time zone (TZ, /etc/localtime)
  return Date{local.tm_year + 1900, local.tm_mon + 1, local.tm_mday};
}

extern "C" char** environ;

// Runs `xdg-open target` without a shell (the target is never parsed as a command line) and reaps it on a
// thread of its own, so the window never waits for the viewer.
void DesktopPlatform::open_url(const std::string& url) {
  std::string target = url;
  char* argv[] = {const_cast<char*>("xdg-open"), target.data(), nullptr};
  pid_t pid = 0;
  if (posix_spawnp(&pid, "xdg-open", nullptr, nullptr, argv, environ) != 0) {
    std::fprintf(stderr, "duebook: cannot run xdg-open for %s\n", url.c_str());
    return;
  }
  std::thread([pid] { waitpid(pid, nullptr, 0); }).detach();
}

void DesktopPlatform::print_text(const std::string& title, const std::string& text) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::path dir = fs::temp_directory_path(ec) / "duebook";
  fs::create_directories(dir, ec);
  std::string name;
  for (char c : title) name += (std::isalnum(static_cast<unsigned char>(c)) ? c : '-');
  fs::path file = dir / (name.substr(0, 80) + ".txt");
  std::ofstream(file) << text;
  open_url(file.string());
}

bool DesktopPlatform::start_over() {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::rename(db_path_, db_path_ + ".demo", ec);
  if (ec) return false;
  // The app closed the ledger, so SQLite has folded its write-ahead log into the file; none is left to pair
  // with the new ledger.
  fs::remove(db_path_ + "-wal", ec);
  fs::remove(db_path_ + "-shm", ec);
  return true;
}

void DesktopPlatform::open_path(const std::string& path) {
  ui::IncomingFile f;
  f.name = path;
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  if (in) text << in.rdbuf();
  if (!in || in.bad())
    f.error = "cannot read the file";
  else
    f.bytes = text.str();
  arrived_.push_back(std::move(f));
}

std::vector<ui::IncomingFile> DesktopPlatform::take_files() {
  return std::exchange(arrived_, {});
}

Result<std::string> DesktopPlatform::save_file(const std::string& name, const std::string& bytes,
                                               const char*) {
  namespace fs = std::filesystem;
  fs::path dir;
  std::error_code ec;
  if (const char* xdg = std::getenv("XDG_DOWNLOAD_DIR"); xdg && *xdg) dir = xdg;
  if (dir.empty())
    if (const char* home = std::getenv("HOME");
        home && *home && fs::is_directory(fs::path(home) / "Downloads", ec))
      dir = fs::path(home) / "Downloads";
  if (dir.empty()) dir = fs::path(db_path_).parent_path();
  fs::path stem = fs::path(name).stem(), ext = fs::path(name).extension(), target = dir / name;
  for (int n = 2; fs::exists(target, ec); ++n)
    target = dir / (stem.string() + "-" + std::to_string(n) + ext.string());
  std::ofstream out(target, std::ios::binary);
  out << bytes;
  out.close();
  if (!out) return Problem{target.string(), "cannot write the file"};
  return target.string();
}

void DesktopPlatform::request_frame() {
  glfwPostEmptyEvent();
}

namespace {

// Writes {"items": {name: [x, y, w, h]}, "state": App::state_json} to `path` through a temporary file, so a
// reader never sees half of it.
void write_test_facts(const char* path, ui::App& app) {
  const std::string tmp = std::string(path) + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    const std::string items = ui::test_items_json(true);
    out << items.substr(0, items.size() - 1) << ",\"state\":" << app.state_json() << "}";
  }
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
}

}  // namespace

int run_window(const std::string& db_path, int quit_after_frames) {
  glfwSetErrorCallback(
      [](int code, const char* text) { std::fprintf(stderr, "GLFW error %d: %s\n", code, text); });
  if (!glfwInit()) return 4;
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
  glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
  GLFWwindow* window = glfwCreateWindow(1280, 800, "Duebook", nullptr, nullptr);
  if (!window) {
    glfwTerminate();
    return 4;
  }
  glfwMakeContextCurrent(window);
  glfwSwapInterval(1);

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // layout is fixed; nothing to keep between runs
  io.ConfigInputTextCursorBlink = false;
  float scale = 1.0f;
  glfwGetWindowContentScale(window, &scale, nullptr);
  if (scale < 1.0f) scale = 1.0f;
  ui::load_fonts(DUEBOOK_FONT_PATH, 16.0f * scale, DUEBOOK_ICON_FONT_PATH);
  ui::apply_style(scale);
  ImGui_ImplGlfw_InitForOpenGL(window, true);
  ImGui_ImplOpenGL3_Init("#version 330 core");

  DesktopPlatform platform(db_path);
  ui::App app(platform);
  // Files dropped on the window are opened by path, as if typed into the import window.
  glfwSetWindowUserPointer(window, &platform);
  glfwSetDropCallback(window, [](GLFWwindow* w, int count, const char** paths) {
    auto* p = static_cast<DesktopPlatform*>(glfwGetWindowUserPointer(w));
    for (int i = 0; i < count; ++i) p->open_path(paths[i]);
  });
  // For end-to-end tests: each frame's widget rectangles and app state, as the browser's window.duebook
  // gives them, written (whole, by rename) to the file $DUEBOOK_TEST_FACTS names.
  const char* facts_path = std::getenv("DUEBOOK_TEST_FACTS");
  int frames = 0, busy_frames = 2;
  while (!glfwWindowShouldClose(window)) {
    // Sleep until input arrives; draw a few frames after it so ImGui settles, then go idle again.
    if (busy_frames > 0 || quit_after_frames > 0)
      glfwPollEvents();
    else
      glfwWaitEvents(), busy_frames = 2;
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGui::NewFrame();
    bool changed = app.frame();
    ImGui::Render();
    int w, h;
    glfwGetFramebufferSize(window, &w, &h);
    glViewport(0, 0, w, h);
    glClearColor(0.97f, 0.97f, 0.96f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    glfwSwapBuffers(window);
    if (facts_path && *facts_path) write_test_facts(facts_path, app);
    busy_frames = changed ? 3 : busy_frames - 1;
    if (quit_after_frames > 0 && ++frames >= quit_after_frames) break;
  }
  ImGui_ImplOpenGL3_Shutdown();
  ImGui_ImplGlfw_Shutdown();
  ImGui::DestroyContext();
  glfwDestroyWindow(window);
  glfwTerminate();
  return 0;
}

}  // namespace duebook::shell

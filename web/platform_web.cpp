// The browser platform: WebGL2 canvas, input through Emscripten's html5 API (Emscripten 3.1.6's GLFW scrolls
// too fast, has no clipboard and ignores devicePixelRatio), the ledger in memory and stored in IndexedDB
// (storage_web.h), and a frame loop that only runs when something happened.
#include "platform_web.h"

#include <GLES3/gl3.h>
#include <emscripten.h>
#include <emscripten/html5.h>
#include <imgui.h>
#include <imgui_impl_opengl3.h>

#include <chrono>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "app.h"
#include "documents.h"
#include "files_web.h"
#include "keys_web.h"
#include "page_web.h"
#include "storage_web.h"
#include "test_hook.h"

namespace duebook::web {
namespace {

constexpr const char* kCanvas = "#canvas";
constexpr const char* kFontPath = "/fonts/ui.ttf";
constexpr const char* kIconFontPath = "/fonts/icons.ttf";  // the glyphs of ui/icons.h
constexpr float kFontSize = 16.0f;                         // CSS pixels
constexpr float kWheelPixels = 100.0f;  // one wheel notch in Chrome and Firefox is 100 CSS pixels
constexpr int kSettleFrames = 3;        // frames drawn after the last event, so ImGui's layout settles

// JavaScript inside: clang-format would rewrite === as "== =".
// clang-format off
EM_JS(double, js_css_width, (), { return window.innerWidth; });
EM_JS(double, js_css_height, (), { return window.innerHeight; });
// clang-format on

// JavaScript inside: clang-format would rewrite === as "== =".
// clang-format off
EM_JS(void, js_install_listeners, (), {
  // Copy/cut: the keydown handler has already run a frame, so ImGui's copied text is ready to hand over.
  function onCopy(e) {
    if (Module.duebookClipboard === undefined || !Module.duebookCopyArmed) return;
    Module.duebookCopyArmed = false;
    e.clipboardData.setData("text/plain", Module.duebookClipboard);
    e.preventDefault();
  }
  document.addEventListener("copy", onCopy);
  document.addEventListener("cut", onCopy);
  // Paste: the paste event comes after the Ctrl+V keydown and before the next frame reads the clipboard.
  document.addEventListener("paste", function(e) {
    const text = e.clipboardData ? e.clipboardData.getData("text/plain") : "";
    const n = lengthBytesUTF8(text) + 1;
    const p = _malloc(n);
    stringToUTF8(text, p, n);
    _duebook_web_set_clipboard(p);
    _free(p);
    e.preventDefault();
  });
  // Saving on visibilitychange (hidden) and pagehide is web/storage.js's own business.
  document.addEventListener("visibilitychange", function() {
    if (document.visibilityState === "visible") _duebook_web_wake();
  });
  window.addEventListener("contextmenu", function(e) { e.preventDefault(); });
});

EM_JS(void, js_first_frame, (), {
  performance.mark("duebook:first-frame");
  Module.duebookFirstFrameMs = performance.now();
  if (Module.onDuebookReady) Module.onDuebookReady();
});
// clang-format on

int64_t wall_ms() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

class WebPlatform : public ui::Platform {
 public:
  std::string database_path() override { return "/data/duebook.sqlite"; }
  // Each commit is already on its way to IndexedDB (the VFS reports it); this retries what failed.
  void persist() override { storage_flush(); }
  int64_t now_ms() override { return wall_ms(); }
  Date local_today() override {
    const int day = js_local_day();
    return Date{day / 10000, day / 100 % 100, day % 100};
  }
  void open_url(const std::string& url) override { js_open_url(url.c_str()); }
  void print_text(const std::string& title, const std::string& text) override {
    js_print_text(title.c_str(), text.c_str());
  }
  void request_frame() override;
  const char* name() override { return "browser"; }
  bool write_ahead_log() const override { return false; }
  int new_ledger_page_size() const override { return storage_page_size(); }
  bool take_outside_change() override { return storage_take_reloaded(); }
  ui::SaveState save_state() override { return storage_save_state(); }
  void take_over() override { storage_take_over(); }
  void download_ledger() override { storage_download(); }
  // The documents' fonts, embedded in the program's file system (web/CMakeLists.txt).
  PdfFonts pdf_fonts() override { return {"/fonts/pdf-regular.ttf", "/fonts/pdf-bold.ttf"}; }
  bool start_over() override {
    storage_start_over();
    return false;  // the page reloads
  }
  ui::BackupState backup_state() override { return storage_backup_state(); }
  void back_up() override { storage_back_up(); }
  ui::StorageFacts storage_facts() override { return web::storage_facts(); }
  void set_backup_reminder_days(int days) override { storage_set_backup_reminder_days(days); }
  std::string preference(const std::string& key) override {
    char* text = js_preference(key.c_str());
    std::string out = text ? text : "";
    std::free(text);
    return out;
  }
  void set_preference(const std::string& key, const std::string& value) override {
    js_set_preference(key.c_str(), value.c_str());
  }
  bool prefers_dark() override { return js_prefers_dark(); }
  std::string language_tag() override {
    char* text = js_language_tag();
    std::string out = text ? text : "";
    std::free(text);
    return out;
  }
  bool has_file_dialog() const override { return true; }
  void choose_file(const char* accept) override { web::choose_file(accept); }
  std::vector<ui::IncomingFile> take_files() override { return web::take_files(); }
  Result<std::string> save_file(const std::string& name, const std::string& bytes,
                                const char* mime) override {
    download_file(name, bytes, mime);
    return name;
  }
};

// One browser input event, queued until a frame takes it.
struct InputEvent {
  enum Kind { MousePos, MouseButton, Wheel, Key, Char } kind;
  float x = 0, y = 0;  // MousePos: CSS pixels in the canvas; Wheel: notches (positive = up / left)
  unsigned code = 0;   // MouseButton: ImGui button; Key: DOM keyCode; Char: Unicode code point
  bool down = false;   // MouseButton, Key: pressed or released
  bool ctrl = false, shift = false, alt = false, super = false;  // Key: modifiers at the time
};

struct State {
  WebPlatform platform;
  std::unique_ptr<ui::App> app;
  EMSCRIPTEN_WEBGL_CONTEXT_HANDLE gl = 0;
  float dpr = 1.0f;             // devicePixelRatio the fonts were built for
  double css_w = 0, css_h = 0;  // canvas size in CSS pixels
  bool frame_pending = false;   // a requestAnimationFrame is scheduled
  int settle = 0;               // frames still to draw after the last event
  int64_t frames = 0;           // frames drawn so far
  bool data_shown = false;      // a frame has shown the ledger's figures (marked "first-data-frame")
  std::string clipboard;        // the text ImGui copies to and pastes from
  // ImGui 1.86 samples button and key state once a frame, so a press and release between two frames would be
  // lost (a fast click, Ctrl+A typed by a test). Input is queued and fed to ImGui in order, a frame at a
  // time.
  std::deque<InputEvent> input;
  std::chrono::steady_clock::time_point last_frame = std::chrono::steady_clock::now();
};
State* state = nullptr;

void draw_frame();

EM_BOOL on_animation_frame(double, void*) {
  state->frame_pending = false;
  draw_frame();
  return EM_FALSE;
}

void WebPlatform::request_frame() {
  if (state->frame_pending) return;
  state->frame_pending = true;
  emscripten_request_animation_frame(on_animation_frame, nullptr);
}

// Something happened: draw soon, and a few frames after.
void wake() {
  state->settle = kSettleFrames;
  state->platform.request_frame();
}

void load_fonts_for(float dpr) {
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  // Rasterise at device pixels and scale back, so text is crisp on high-DPI screens.
  ui::load_fonts(kFontPath, std::round(kFontSize * dpr), kIconFontPath);
  io.FontGlobalScale = 1.0f / dpr;
}

// Matches the canvas backing store to CSS size × devicePixelRatio; rebuilds fonts when the ratio changes.
void fit_canvas() {
  double w = js_css_width(), h = js_css_height();
  float dpr = float(emscripten_get_device_pixel_ratio());
  if (dpr <= 0) dpr = 1;
  emscripten_set_element_css_size(kCanvas, w, h);
  emscripten_set_canvas_element_size(kCanvas, int(std::lround(w * dpr)), int(std::lround(h * dpr)));
  state->css_w = w;
  state->css_h = h;
  if (dpr != state->dpr) {
    state->dpr = dpr;
    if (ImGui::GetIO().Fonts->IsBuilt()) {
      ImGui_ImplOpenGL3_DestroyFontsTexture();
      load_fonts_for(dpr);
      ImGui_ImplOpenGL3_CreateFontsTexture();
    } else {
      load_fonts_for(dpr);
    }
  }
}

// Feeds queued input to ImGui for one frame, in order: any number of pointer moves, wheel turns and typed
// characters, but only one key or button change per frame, and nothing after it that its frame must not see
// (a later character, or a move after a click). Returns true when input is left for the next frame.
bool feed_input(ImGuiIO& io) {
  bool discrete = false, typed = false, moved = false;
  while (!state->input.empty()) {
    const InputEvent& e = state->input.front();
    switch (e.kind) {
      case InputEvent::MousePos:
        if (discrete) return true;
        moved = moved || io.MousePos.x != e.x || io.MousePos.y != e.y;
        io.MousePos = ImVec2(e.x, e.y);
        break;
      case InputEvent::Wheel:
        io.MouseWheel += e.y;
        io.MouseWheelH += e.x;
        break;
      case InputEvent::Char:
        if (discrete) return true;
        io.AddInputCharacter(e.code);
        typed = true;
        break;
      case InputEvent::MouseButton:
      case InputEvent::Key:
        if (discrete || typed) return true;
        // A press where the pointer has just moved to waits a frame: ImGui takes some items (tabs, anything
        // that allows overlap) as hovered only once the pointer was over them in the frame before.
        if (e.kind == InputEvent::MouseButton && moved) return true;
        discrete = true;
        if (e.kind == InputEvent::MouseButton) {
          io.MouseDown[e.code] = e.down;
        } else {
          if (e.code < 512) io.KeysDown[e.code] = e.down;
          io.KeyCtrl = e.ctrl;
          io.KeyShift = e.shift;
          io.KeyAlt = e.alt;
          io.KeySuper = e.super;
        }
        break;
    }
    state->input.pop_front();
  }
  return false;
}

void queue(InputEvent e) {
  state->input.push_back(e);
  wake();
}

void draw_frame() {
  ImGuiIO& io = ImGui::GetIO();
  auto now = std::chrono::steady_clock::now();
  float dt = std::chrono::duration<float>(now - state->last_frame).count();
  io.DeltaTime = dt > 0.0f ? std::min(dt, 0.25f) : 1.0f / 60.0f;
  state->last_frame = now;
  io.DisplaySize = ImVec2(float(state->css_w), float(state->css_h));
  io.DisplayFramebufferScale = ImVec2(state->dpr, state->dpr);

  ImGui_ImplOpenGL3_NewFrame();
  bool more_input = feed_input(io);
  ImGui::NewFrame();
  bool changed = state->app->frame() || more_input;
  ImGui::Render();
  glViewport(0, 0, int(io.DisplaySize.x * state->dpr), int(io.DisplaySize.y * state->dpr));
  glClearColor(0.97f, 0.97f, 0.96f, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  if (++state->frames == 1) js_first_frame();
  if (!state->data_shown && state->app->shows_data()) {
    state->data_shown = true;
    js_mark("first-data-frame");
  }

  if (changed) state->settle = kSettleFrames;
  if (state->settle > 0) {
    --state->settle;
    state->platform.request_frame();
  }
}

EM_BOOL on_key(int type, const EmscriptenKeyboardEvent* e, void*) {
  bool down = type == EMSCRIPTEN_EVENT_KEYDOWN;
  unsigned code = e->keyCode;
  bool command = e->ctrlKey || e->metaKey;
  InputEvent key{InputEvent::Key};
  key.code = code;
  key.down = down;
  key.ctrl = e->ctrlKey;
  key.shift = e->shiftKey;
  key.alt = e->altKey;
  key.super = e->metaKey;
  if (code > 0) queue(key);
  if (!down) return EM_TRUE;
  unsigned cp = single_code_point(e->key);
  if (cp >= 0x20 && cp != 0x7F && !command) {
    InputEvent ch{InputEvent::Char};
    ch.code = cp;
    queue(ch);
    return EM_TRUE;
  }
  if (command && (code == 67 || code == 88)) {  // Ctrl+C / Ctrl+X: copy now, hand the text over in "copy"
    for (int i = 0; i < 16 && !state->input.empty(); ++i) draw_frame();
    // JavaScript inside: clang-format would rewrite === as "== =".
    // clang-format off
    EM_ASM({ Module.duebookCopyArmed = true; });
    // clang-format on
    return EM_FALSE;
  }
  if (command && code == 86) return EM_FALSE;  // Ctrl+V: let the browser fire "paste" first
  return EM_TRUE;
}

EM_BOOL on_mouse(int type, const EmscriptenMouseEvent* e, void*) {
  InputEvent pos{InputEvent::MousePos};
  pos.x = float(e->targetX);
  pos.y = float(e->targetY);
  if (type == EMSCRIPTEN_EVENT_MOUSEMOVE || type == EMSCRIPTEN_EVENT_MOUSEDOWN) queue(pos);
  int button = e->button == 0 ? 0 : e->button == 2 ? 1 : e->button == 1 ? 2 : -1;
  if (button >= 0 && type != EMSCRIPTEN_EVENT_MOUSEMOVE) {
    InputEvent b{InputEvent::MouseButton};
    b.code = unsigned(button);
    b.down = type == EMSCRIPTEN_EVENT_MOUSEDOWN;
    queue(b);
  }
  return type == EMSCRIPTEN_EVENT_MOUSEDOWN ? EM_FALSE : EM_TRUE;  // let mousedown focus the page
}

EM_BOOL on_mouse_leave(int, const EmscriptenMouseEvent*, void*) {
  InputEvent pos{InputEvent::MousePos};
  pos.x = pos.y = -FLT_MAX;
  queue(pos);
  return EM_TRUE;
}

// Wheel: browsers report pixels (or lines, or pages), positive = down; ImGui wants notches, positive = up.
// One notch is 100 pixels in Chrome and Firefox, 3 lines in line mode; a page counts as 4 notches.
float wheel_notches(double delta, unsigned long mode) {
  if (mode == DOM_DELTA_LINE) return float(delta / 3.0);
  if (mode == DOM_DELTA_PAGE) return float(delta * 4.0);
  return float(delta / kWheelPixels);
}

EM_BOOL on_wheel(int, const EmscriptenWheelEvent* e, void*) {
  InputEvent wheel{InputEvent::Wheel};
  wheel.x = -wheel_notches(e->deltaX, e->deltaMode);
  wheel.y = -wheel_notches(e->deltaY, e->deltaMode);
  queue(wheel);
  return EM_TRUE;  // the page itself must not scroll
}

EM_BOOL on_resize(int, const EmscriptenUiEvent*, void*) {
  fit_canvas();
  wake();
  return EM_FALSE;
}

EM_BOOL on_focus(int type, const EmscriptenFocusEvent*, void*) {
  ImGuiIO& io = ImGui::GetIO();
  if (type == EMSCRIPTEN_EVENT_BLUR) {  // keys released while away must not stay down
    state->input.clear();
    std::memset(io.KeysDown, 0, sizeof io.KeysDown);
    io.KeyCtrl = io.KeyShift = io.KeyAlt = io.KeySuper = false;
  }
  wake();
  return EM_FALSE;
}

const char* get_clipboard(void*) {
  return state->clipboard.c_str();
}
void set_clipboard(void*, const char* text) {
  state->clipboard = text;
  js_write_clipboard(text);
}

}  // namespace

void start() {
  state = new State();
  EmscriptenWebGLContextAttributes attrs;
  emscripten_webgl_init_context_attributes(&attrs);
  attrs.majorVersion = 2;
  attrs.alpha = EM_FALSE;
  attrs.antialias = EM_FALSE;
  attrs.depth = EM_FALSE;
  attrs.stencil = EM_FALSE;
  state->gl = emscripten_webgl_create_context(kCanvas, &attrs);
  if (state->gl <= 0) {
    // JavaScript inside: clang-format would rewrite === as "== =".
    // clang-format off
    EM_ASM({ document.body.insertAdjacentHTML("beforeend", "<p class='fatal'>This browser has no WebGL2.</p>"); });
    // clang-format on
    return;
  }
  emscripten_webgl_make_context_current(state->gl);

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // the layout is fixed; nothing to store, and no file error on a read-only disk
  io.ConfigInputTextCursorBlink = false;  // a blinking cursor would keep an idle tab drawing
  io.BackendPlatformName = "duebook_web";
  io.GetClipboardTextFn = get_clipboard;
  io.SetClipboardTextFn = set_clipboard;
  map_keys(io);
  state->dpr = 0;  // forces the first font build
  fit_canvas();
  ui::apply_style(1.0f);
  ImGui_ImplOpenGL3_Init("#version 300 es");
  ImGui_ImplOpenGL3_CreateDeviceObjects();  // the font atlas, built and uploaded now rather than in a frame
  js_mark("fonts-ready");

  state->app = std::make_unique<ui::App>(state->platform);
  js_mark("ledger-opened");
  set_storage_end_reads([] { state->app->end_reads(); });

  emscripten_set_keydown_callback(EMSCRIPTEN_EVENT_TARGET_DOCUMENT, nullptr, EM_TRUE, on_key);
  emscripten_set_keyup_callback(EMSCRIPTEN_EVENT_TARGET_DOCUMENT, nullptr, EM_TRUE, on_key);
  emscripten_set_mousedown_callback(kCanvas, nullptr, EM_TRUE, on_mouse);
  emscripten_set_mouseup_callback(EMSCRIPTEN_EVENT_TARGET_DOCUMENT, nullptr, EM_TRUE, on_mouse);
  emscripten_set_mousemove_callback(kCanvas, nullptr, EM_TRUE, on_mouse);
  emscripten_set_mouseleave_callback(kCanvas, nullptr, EM_TRUE, on_mouse_leave);
  emscripten_set_wheel_callback(kCanvas, nullptr, EM_TRUE, on_wheel);
  emscripten_set_resize_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, EM_TRUE, on_resize);
  emscripten_set_focus_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, EM_TRUE, on_focus);
  emscripten_set_blur_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, EM_TRUE, on_focus);
  js_install_listeners();
  install_file_listeners();
  wake();
}

ui::App* running_app() {
  return state ? state->app.get() : nullptr;
}

nlohmann::json page_facts() {
  return {{"rendered_frames", state ? state->frames : 0},
          {"dpr", state ? state->dpr : 0.0f},
          {"canvas_css", {state ? state->css_w : 0.0, state ? state->css_h : 0.0}}};
}

}  // namespace duebook::web

extern "C" {

// Called by JavaScript once the stored ledger is in memory.
EMSCRIPTEN_KEEPALIVE void duebook_web_start() {
  duebook::web::start();
}
EMSCRIPTEN_KEEPALIVE void duebook_web_wake() {
  if (duebook::web::state && duebook::web::state->app) duebook::web::wake();
}
EMSCRIPTEN_KEEPALIVE void duebook_web_set_clipboard(const char* text) {
  duebook::web::state->clipboard = text;
  duebook::web::wake();
}
}

int main() {
  // The ledger lives in memory, stored block by block in IndexedDB; load it before anything opens it.
  duebook::web::open_storage("/data/duebook.sqlite");
  return 0;
}

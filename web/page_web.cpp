// What the workbench asks of the page beyond drawing (page_web.h): the clipboard, the local calendar day,
// links, printing, the user's preferences and the performance marks, each a small piece of JavaScript.
#include "page_web.h"

#include <emscripten.h>

// JavaScript inside: clang-format would rewrite === as "== =".
// clang-format off
EM_JS(void, js_write_clipboard, (const char* text), {
  const value = UTF8ToString(text);
  Module.duebookClipboard = value;
  if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(value).catch(function() {});
});
// The page's calendar day in its own time zone, as yyyymmdd.
EM_JS(int, js_local_day, (), {
  const d = new Date();
  return d.getFullYear() * 10000 + (d.getMonth() + 1) * 100 + d.getDate();
});
// A mailto: link goes to the user's mail program and the page stays (no blank tab left behind); any other
// link opens in a tab of its own.
EM_JS(void, js_open_url, (const char* url), {
  const text = UTF8ToString(url);
  if (text.startsWith("mailto:")) window.open(text, "_self");
  else window.open(text, "_blank", "noopener");
});
// Plain text in a window of its own, with the browser's print dialog.
EM_JS(void, js_print_text, (const char* title, const char* text), {
  const w = window.open("", "_blank");
  if (!w) return;
  w.document.title = UTF8ToString(title);
  const pre = w.document.createElement("pre");
  pre.style.font = "12pt serif";
  pre.style.whiteSpace = "pre-wrap";
  pre.textContent = UTF8ToString(text);
  w.document.body.appendChild(pre);
  w.print();
});
// The user's preferences live in localStorage under "duebook.<key>" (beside the ledger, per site).
EM_JS(char*, js_preference, (const char* key), {
  let value = "";
  try { value = localStorage.getItem("duebook." + UTF8ToString(key)) || ""; } catch (e) { value = ""; }
  const size = lengthBytesUTF8(value) + 1;
  const out = _malloc(size);
  stringToUTF8(value, out, size);
  return out;
});
EM_JS(void, js_set_preference, (const char* key, const char* value), {
  try { localStorage.setItem("duebook." + UTF8ToString(key), UTF8ToString(value)); } catch (e) { /* not kept */ }
});
EM_JS(char*, js_language_tag, (), {
  const value = (navigator.languages && navigator.languages[0]) || navigator.language || "";
  const size = lengthBytesUTF8(value) + 1;
  const out = _malloc(size);
  stringToUTF8(value, out, size);
  return out;
});
EM_JS(bool, js_prefers_dark, (), {
  return !!(window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches);
});
EM_JS(void, js_mark, (const char* name), {
  if (self.performance && performance.mark) performance.mark("duebook:" + UTF8ToString(name));
});
// clang-format on

// What the workbench asks of the page beyond drawing and input: the clipboard, the page's calendar day, links
// (mailto: included), printing, the user's preferences and the performance marks. Implemented in JavaScript
// (page_web.cpp).
#pragma once

extern "C" {
// Puts `text` on the system clipboard (asynchronously; a refusal by the browser is ignored).
void js_write_clipboard(const char* text);
// The page's calendar day in its own time zone, as yyyymmdd.
int js_local_day();
// Opens `url`: a mailto: link in the user's mail program (the page stays), anything else in a tab of its own.
void js_open_url(const char* url);
// Shows `text` in a window of its own with the browser's print dialog.
void js_print_text(const char* title, const char* text);
// The preference `key` ("theme"), kept in localStorage as "duebook.<key>"; "" when unset. The caller frees
// it.
char* js_preference(const char* key);
// Keeps the preference `key` (silently not kept where localStorage is refused).
void js_set_preference(const char* key, const char* value);
// The browser's language tag (navigator.language: "de-DE"); "" when it names none. The caller frees it.
char* js_language_tag();
// Whether the system asks for a dark theme (prefers-color-scheme).
bool js_prefers_dark();
// Sets the performance mark "duebook:<name>" (performance.mark; read with getEntriesByType("mark")).
void js_mark(const char* name);
}

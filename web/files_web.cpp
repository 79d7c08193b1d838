// The picker is a hidden <input type=file>; a drop on the page is caught at the document. Either way the
// file's bytes are read in JavaScript (File.arrayBuffer) and handed to C++ whole, where the workbench imports
// them a slice per frame. A download is a Blob behind a temporary <a download>.
#include "files_web.h"

#include <emscripten.h>

#include <utility>

extern "C" void duebook_web_wake();

namespace duebook::web {
namespace {

std::vector<ui::IncomingFile> arrived;  // files read, not yet taken

// JavaScript inside: clang-format would rewrite === as "== =".
// clang-format off
EM_JS(void, js_install_file_listeners, (), {
  function deliver(file) {
    file.arrayBuffer().then(function(buffer) {
      const bytes = new Uint8Array(buffer);
      const data = _malloc(bytes.length + 1);
      HEAPU8.set(bytes, data);
      const n = lengthBytesUTF8(file.name) + 1;
      const name = _malloc(n);
      stringToUTF8(file.name, name, n);
      _duebook_web_file_arrived(name, data, bytes.length, 0);
      _free(name);
      _free(data);
    }, function(error) {
      const message = String(error && error.message || error);
      const n = lengthBytesUTF8(file.name) + 1, m = lengthBytesUTF8(message) + 1;
      const name = _malloc(n), text = _malloc(m);
      stringToUTF8(file.name, name, n);
      stringToUTF8(message, text, m);
      _duebook_web_file_arrived(name, text, m - 1, 1);
      _free(name);
      _free(text);
    });
  }
  const input = document.createElement("input");
  input.type = "file";
  input.id = "duebook-file-input";
  input.style.display = "none";
  input.addEventListener("change", function() {
    for (const f of input.files) deliver(f);
    input.value = "";
  });
  document.body.appendChild(input);
  Module.duebookFileInput = input;
  // A file dragged over the page: the drop goes to us, not to the browser (which would open it).
  document.addEventListener("dragover", function(e) {
    if (e.dataTransfer && Array.from(e.dataTransfer.types || []).indexOf("Files") >= 0) {
      e.preventDefault();
      e.dataTransfer.dropEffect = "copy";
    }
  });
  document.addEventListener("drop", function(e) {
    if (!e.dataTransfer || !e.dataTransfer.files || e.dataTransfer.files.length === 0) return;
    e.preventDefault();
    for (const f of e.dataTransfer.files) deliver(f);
  });
});

EM_JS(void, js_choose_file, (const char* accept), {
  const input = Module.duebookFileInput;
  input.accept = UTF8ToString(accept);
  input.click();
});

EM_JS(void, js_download, (const char* name, const uint8_t* data, size_t size, const char* mime), {
  const blob = new Blob([HEAPU8.slice(data, data + size)], { type: UTF8ToString(mime) });
  const a = document.createElement("a");
  a.href = URL.createObjectURL(blob);
  a.download = UTF8ToString(name);
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(function() { URL.revokeObjectURL(a.href); }, 60000);
});
// clang-format on

}  // namespace

void install_file_listeners() {
  js_install_file_listeners();
}

void choose_file(const char* accept) {
  js_choose_file(accept);
}

std::vector<ui::IncomingFile> take_files() {
  return std::exchange(arrived, {});
}

void download_file(const std::string& name, const std::string& bytes, const char* mime) {
  js_download(name.c_str(), reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size(), mime);
}

}  // namespace duebook::web

extern "C" {

// Called by JavaScript with a file's bytes (or, when `failed`, the reason it could not be read).
EMSCRIPTEN_KEEPALIVE void duebook_web_file_arrived(const char* name, const uint8_t* data, size_t size,
                                                   int failed) {
  duebook::ui::IncomingFile f;
  f.name = name;
  if (failed)
    f.error = std::string(reinterpret_cast<const char*>(data), size);
  else
    f.bytes.assign(reinterpret_cast<const char*>(data), size);
  duebook::web::arrived.push_back(std::move(f));
  duebook_web_wake();
}
}

#include "storage_web.h"

#include <emscripten.h>

#include <cstdio>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <utility>
#include <vector>

#include "memory_vfs.h"

namespace duebook::web {
namespace {

// JavaScript inside: clang-format would rewrite === as "== =".
// clang-format off
EM_JS(void, js_storage_commit, (double commit, double file_size, int n, const uint32_t* blocks,
                                const uint8_t* const* data), {
  Module.duebookStorage.commit(commit, file_size, n, blocks, data);
});
// clang-format on

// JavaScript inside: clang-format would rewrite === as "== =".
// clang-format off
EM_JS(char*, js_storage_state, (), {
  const text = JSON.stringify(Module.duebookStorage.state());
  const n = lengthBytesUTF8(text) + 1;
  const p = _malloc(n);
  stringToUTF8(text, p, n);
  return p;
});
// clang-format on

std::string megabytes(double bytes) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f MB", bytes / 1e6);
  return text;
}

std::vector<uint8_t> snapshot;    // the file handed to a download, until JavaScript has copied it
std::function<void()> end_reads;  // ends the ledger connection's open reads
bool reloaded = false;  // a read-only tab loaded another tab's saved edits; the views do not know yet

}  // namespace

void open_storage(const char* database_path) {
  install_memory_vfs(database_path, [](const CommitBatch& batch) {
    js_storage_commit(double(batch.commit), double(batch.file_size), int(batch.blocks.size()),
                      batch.blocks.data(), batch.data.data());
  });
  // JavaScript inside: clang-format would rewrite === as "== =".
  // clang-format off
  EM_ASM({ Module.duebookStorage.open(function() { _duebook_web_start(); }); });
  // clang-format on
}

void set_storage_end_reads(std::function<void()> hook) {
  end_reads = std::move(hook);
}

int storage_page_size() {
  return int(persistent_block_size());
}

bool storage_take_reloaded() {
  return std::exchange(reloaded, false);
}

ui::SaveState storage_save_state() {
  char* text = js_storage_state();
  nlohmann::json s = nlohmann::json::parse(text, nullptr, false);
  std::free(text);
  ui::SaveState out;
  if (s.is_discarded()) return out;
  const std::string mode = s.value("mode", "");
  const std::string error = s.value("error", "");
  double usage = s.value("usage", 0.0), quota = s.value("quota", 0.0);
  out.storage_note = "The ledger is kept in this browser (IndexedDB)";
  if (quota > 0) out.storage_note += ": " + megabytes(usage) + " used of " + megabytes(quota) + " allowed";
  out.storage_note += ".\n";
  if (s["persisted"].is_boolean())
    out.storage_note +=
        s["persisted"].get<bool>()
            ? "Persistent storage: granted; the browser keeps it even when space runs low."
            : "Persistent storage: not granted; the browser may clear it when space runs low. "
              "Download the ledger now and then as a backup.";
  if (mode == "reader") {
    out.kind = ui::SaveState::Kind::ReadOnly;
    out.detail = s.value("readerReason", "");
    int64_t lost = s.value("lostEdits", int64_t{0});
    if (lost > 0) {
      out.detail += " " + std::to_string(lost) + (lost == 1 ? " edit" : " edits") +
                    " made here had not been saved: download the ledger to keep them.";
      out.offer_download = true;
    }
    out.offer_take_over = true;
  } else if (!error.empty()) {
    out.kind = ui::SaveState::Kind::NotSaved;
    out.detail = "Not saved \xE2\x80\x94 " + error;
    out.offer_download = true;
  } else if (mode == "writer" && s.value("commit", 0.0) > s.value("durable", 0.0)) {
    out.kind = ui::SaveState::Kind::Saving;
  } else {
    out.kind = ui::SaveState::Kind::Saved;
  }
  return out;
}

void storage_flush() {
  EM_ASM({ Module.duebookStorage.flush(); });
}
void storage_take_over() {
  EM_ASM({ Module.duebookStorage.takeOver(); });
}
void storage_start_over() {
  EM_ASM({ Module.duebookStorage.startOver(); });
}
void storage_download() {
  EM_ASM({ Module.duebookStorage.download(); });
}
void storage_back_up() {
  EM_ASM({ Module.duebookStorage.backUp(); });
}

ui::StorageFacts storage_facts() {
  char* text = js_storage_state();
  nlohmann::json s = nlohmann::json::parse(text, nullptr, false);
  std::free(text);
  ui::StorageFacts out;
  out.where = "this browser (IndexedDB)";
  if (s.is_discarded()) return out;
  if (s["persisted"].is_boolean()) out.persisted = s["persisted"].get<bool>() ? 1 : 0;
  out.used = int64_t(s.value("usage", 0.0));
  out.quota = int64_t(s.value("quota", 0.0));
  return out;
}

void storage_set_backup_reminder_days(int days) {
  EM_ASM({ Module.duebookStorage.setBackupReminderDays($0); }, days);
}

ui::BackupState storage_backup_state() {
  ui::BackupState out;
  out.offered = true;
  out.last_ms = int64_t(EM_ASM_DOUBLE({ return Module.duebookStorage.lastBackup(); }));
  out.remind_after_days = EM_ASM_INT({ return Module.duebookStorage.backupReminderDays(); });
  return out;
}

}  // namespace duebook::web

extern "C" {

// Loading: sizes the ledger file (bytes, in blocks of `block_size`) and sets the commit counter; 0 when
// memory cannot be had.
EMSCRIPTEN_KEEPALIVE int duebook_storage_preload_begin(double file_size, double commit, double block_size) {
  return duebook::web::preload_begin(int64_t(file_size), int64_t(commit), int64_t(block_size)) ? 1 : 0;
}
// A read-only tab loading another tab's saved edits: 1 when no transaction is open and the file is resized
// to `file_size` (its blocks kept, or all emptied when `whole`; then overwritten by
// duebook_storage_preload_block), 0 to try later, -1 when memory cannot be had.
EMSCRIPTEN_KEEPALIVE int duebook_storage_reload_begin(double file_size, double commit, int whole) {
  using namespace duebook::web;
  if (persistent_file_in_use() && end_reads) end_reads();
  if (persistent_file_in_use()) return 0;
  const bool ok = whole ? preload_begin(int64_t(file_size), int64_t(commit), persistent_block_size())
                        : reload_begin(int64_t(file_size), int64_t(commit));
  return ok ? 1 : -1;
}
// After the blocks are in: the views query again on the next frame.
EMSCRIPTEN_KEEPALIVE void duebook_storage_reloaded() {
  duebook::web::reloaded = true;
}
// Loading: where block `index`'s bytes go (0 past the end of the file).
EMSCRIPTEN_KEEPALIVE uint8_t* duebook_storage_preload_block(uint32_t index) {
  return duebook::web::preload_block(index);
}
// After importing a file: store all of it as one commit.
EMSCRIPTEN_KEEPALIVE void duebook_storage_commit_whole_file() {
  duebook::web::commit_whole_file();
}
// A download: copies the ledger file and returns its size; its bytes are at duebook_storage_snapshot_data()
// until duebook_storage_snapshot_free().
EMSCRIPTEN_KEEPALIVE double duebook_storage_snapshot() {
  duebook::web::snapshot = duebook::web::snapshot_persistent_file();
  return double(duebook::web::snapshot.size());
}
EMSCRIPTEN_KEEPALIVE uint8_t* duebook_storage_snapshot_data() {
  return duebook::web::snapshot.data();
}
EMSCRIPTEN_KEEPALIVE void duebook_storage_snapshot_free() {
  std::vector<uint8_t>().swap(duebook::web::snapshot);
}
}

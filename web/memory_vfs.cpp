#include "memory_vfs.h"

#include <sqlite3.h>

#include <algorithm>
#include <cstring>
#include <map>
#include <memory>
#include <new>

namespace duebook::web {
namespace {

// One file's bytes: blocks of block_size bytes, allocated as the file grows, so a 100 MB ledger never needs
// one contiguous 100 MB allocation (nor a copy of it when it grows).
struct MemoryFile {
  std::vector<std::unique_ptr<uint8_t[]>> blocks;
  int64_t size = 0;
  int64_t block_size = kScratchBlockSize;
  bool persistent = false;    // the ledger's database: changes are tracked and reported at each commit
  std::vector<bool> changed;  // per block, since the last reported commit (persistent file only)
  std::vector<uint32_t> changed_list;
  int writers = 0;  // handles holding RESERVED or more
  int readers = 0;  // handles holding SHARED or more

  uint8_t* block(size_t index) { return index < blocks.size() ? blocks[index].get() : nullptr; }

  // Makes room for `new_size` bytes; new blocks are zeroed. False when memory ran out.
  bool reserve(int64_t new_size) {
    size_t needed = size_t((new_size + block_size - 1) / block_size);
    while (blocks.size() < needed) {
      uint8_t* b = new (std::nothrow) uint8_t[size_t(block_size)];
      if (!b) return false;
      std::memset(b, 0, size_t(block_size));
      blocks.emplace_back(b);
    }
    return true;
  }

  void mark(size_t index) {
    if (!persistent) return;
    if (changed.size() <= index) changed.resize(index + 1, false);
    if (changed[index]) return;
    changed[index] = true;
    changed_list.push_back(uint32_t(index));
  }

  void truncate(int64_t new_size) {
    size_t keep = size_t((new_size + block_size - 1) / block_size);
    if (blocks.size() > keep) blocks.resize(keep);
    if (new_size % block_size && keep > 0)  // bytes past the end read as zero if the file grows again
      std::memset(blocks[keep - 1].get() + new_size % block_size, 0,
                  size_t(block_size - new_size % block_size));
    size = new_size;
  }
};

struct Vfs {
  sqlite3_vfs vfs{};
  sqlite3_vfs* fallback = nullptr;  // the platform's VFS, for randomness, time and sleep
  std::map<std::string, std::shared_ptr<MemoryFile>> files;
  std::string persistent_path;
  std::function<void(const CommitBatch&)> on_commit;
  int64_t commit = 0;
};
Vfs* g = nullptr;

struct Handle {
  sqlite3_file base;                  // must come first: SQLite hands us this pointer
  std::shared_ptr<MemoryFile>* file;  // owned here (placement-new'd into SQLite's buffer)
  std::string* name;                  // the file's name, or nullptr for an anonymous temporary file
  int lock;
};

MemoryFile& file_of(sqlite3_file* f) {
  return **reinterpret_cast<Handle*>(f)->file;
}

// Reports the persistent file's changes as one committed state, if it is one: no write lock is held and no
// journal is left (a journal would mean a transaction SQLite still has to roll back).
void report_commit(MemoryFile& file) {
  if (file.changed_list.empty() || file.writers > 0) return;
  auto journal = g->files.find(g->persistent_path + "-journal");
  if (journal != g->files.end() && journal->second->size > 0) return;
  CommitBatch batch;
  batch.commit = ++g->commit;
  batch.file_size = file.size;
  batch.block_size = file.block_size;
  std::sort(file.changed_list.begin(), file.changed_list.end());
  size_t live = size_t((file.size + file.block_size - 1) / file.block_size);
  for (uint32_t index : file.changed_list) {
    file.changed[index] = false;
    if (index >= live) continue;  // truncated away since; the stored file is cut to file_size
    batch.blocks.push_back(index);
    batch.data.push_back(file.blocks[index].get());
  }
  file.changed_list.clear();
  if (g->on_commit) g->on_commit(batch);
}

int x_close(sqlite3_file* f) {
  auto* h = reinterpret_cast<Handle*>(f);
  if ((*h->file)->writers > 0 && h->lock >= SQLITE_LOCK_RESERVED) --(*h->file)->writers;
  if ((*h->file)->readers > 0 && h->lock >= SQLITE_LOCK_SHARED) --(*h->file)->readers;
  delete h->file;
  delete h->name;
  return SQLITE_OK;
}

int x_read(sqlite3_file* f, void* out, int amount, sqlite3_int64 offset) {
  MemoryFile& file = file_of(f);
  const int64_t bs = file.block_size;
  auto* dst = static_cast<uint8_t*>(out);
  int64_t available = std::max<int64_t>(0, std::min<int64_t>(amount, file.size - offset));
  for (int64_t done = 0; done < available;) {
    int64_t at = offset + done;
    int64_t in_block = std::min(available - done, bs - at % bs);
    std::memcpy(dst + done, file.block(size_t(at / bs)) + at % bs, size_t(in_block));
    done += in_block;
  }
  if (available < amount) {
    std::memset(dst + available, 0, size_t(amount - available));
    return SQLITE_IOERR_SHORT_READ;
  }
  return SQLITE_OK;
}

int x_write(sqlite3_file* f, const void* in, int amount, sqlite3_int64 offset) {
  MemoryFile& file = file_of(f);
  if (!file.reserve(offset + amount)) return SQLITE_FULL;
  const int64_t bs = file.block_size;
  const auto* src = static_cast<const uint8_t*>(in);
  for (int64_t done = 0; done < amount;) {
    int64_t at = offset + done;
    int64_t in_block = std::min<int64_t>(amount - done, bs - at % bs);
    std::memcpy(file.block(size_t(at / bs)) + at % bs, src + done, size_t(in_block));
    file.mark(size_t(at / bs));
    done += in_block;
  }
  file.size = std::max<int64_t>(file.size, offset + amount);
  return SQLITE_OK;
}

int x_truncate(sqlite3_file* f, sqlite3_int64 size) {
  MemoryFile& file = file_of(f);
  if (size < file.size) file.truncate(size);
  return SQLITE_OK;
}

int x_sync(sqlite3_file*, int) {
  return SQLITE_OK;
}  // durability is the commit report's business

int x_file_size(sqlite3_file* f, sqlite3_int64* size) {
  *size = file_of(f).size;
  return SQLITE_OK;
}

// One connection per file in this app, so locks only track the write transaction for the commit report.
int x_lock(sqlite3_file* f, int level) {
  auto* h = reinterpret_cast<Handle*>(f);
  if (level >= SQLITE_LOCK_RESERVED && h->lock < SQLITE_LOCK_RESERVED) ++(*h->file)->writers;
  if (level >= SQLITE_LOCK_SHARED && h->lock < SQLITE_LOCK_SHARED) ++(*h->file)->readers;
  h->lock = std::max(h->lock, level);
  return SQLITE_OK;
}

int x_unlock(sqlite3_file* f, int level) {
  auto* h = reinterpret_cast<Handle*>(f);
  MemoryFile& file = **h->file;
  bool ended_write = h->lock >= SQLITE_LOCK_RESERVED && level < SQLITE_LOCK_RESERVED;
  if (ended_write) --file.writers;
  if (h->lock >= SQLITE_LOCK_SHARED && level < SQLITE_LOCK_SHARED) --file.readers;
  h->lock = level;
  if (ended_write && file.persistent) report_commit(file);
  return SQLITE_OK;
}

int x_check_reserved_lock(sqlite3_file* f, int* out) {
  *out = file_of(f).writers > 0;
  return SQLITE_OK;
}

int x_file_control(sqlite3_file*, int, void*) {
  return SQLITE_NOTFOUND;
}
int x_sector_size(sqlite3_file* f) {
  return int(file_of(f).block_size);
}
// Writes to memory never tear, so SQLite need not journal the bytes around a changed cell.
int x_device_characteristics(sqlite3_file*) {
  return SQLITE_IOCAP_POWERSAFE_OVERWRITE | SQLITE_IOCAP_SAFE_APPEND;
}

const sqlite3_io_methods kMethods = {1,
                                     x_close,
                                     x_read,
                                     x_write,
                                     x_truncate,
                                     x_sync,
                                     x_file_size,
                                     x_lock,
                                     x_unlock,
                                     x_check_reserved_lock,
                                     x_file_control,
                                     x_sector_size,
                                     x_device_characteristics,
                                     nullptr,
                                     nullptr,
                                     nullptr,
                                     nullptr,
                                     nullptr,
                                     nullptr};

int x_open(sqlite3_vfs*, sqlite3_filename name, sqlite3_file* f, int flags, int* out_flags) {
  auto* h = reinterpret_cast<Handle*>(f);
  h->base.pMethods = nullptr;
  std::shared_ptr<MemoryFile> file;
  std::string* kept_name = nullptr;
  if (name && !(flags & SQLITE_OPEN_DELETEONCLOSE)) {
    auto it = g->files.find(name);
    if (it == g->files.end()) {
      if (!(flags & SQLITE_OPEN_CREATE)) return SQLITE_CANTOPEN;
      it = g->files.emplace(name, std::make_shared<MemoryFile>()).first;
      it->second->persistent = name == g->persistent_path;
      if (it->second->persistent) it->second->block_size = kNewLedgerBlockSize;
    }
    file = it->second;
    kept_name = new (std::nothrow) std::string(name);
  } else {
    file = std::make_shared<MemoryFile>();  // temporary: gone when closed
  }
  h->file = new (std::nothrow) std::shared_ptr<MemoryFile>(std::move(file));
  if (!h->file) return SQLITE_NOMEM;
  h->name = kept_name;
  h->lock = SQLITE_LOCK_NONE;
  h->base.pMethods = &kMethods;
  if (out_flags) *out_flags = flags;
  return SQLITE_OK;
}

int x_delete(sqlite3_vfs*, const char* name, int) {
  g->files.erase(name);
  return SQLITE_OK;
}

int x_access(sqlite3_vfs*, const char* name, int, int* out) {
  *out = g->files.count(name) > 0;
  return SQLITE_OK;
}

int x_full_pathname(sqlite3_vfs*, const char* name, int size, char* out) {
  sqlite3_snprintf(size, out, "%s", name);
  return SQLITE_OK;
}

int x_randomness(sqlite3_vfs*, int n, char* out) {
  return g->fallback->xRandomness(g->fallback, n, out);
}
int x_sleep(sqlite3_vfs*, int us) {
  return g->fallback->xSleep(g->fallback, us);
}
int x_current_time(sqlite3_vfs*, double* t) {
  return g->fallback->xCurrentTime(g->fallback, t);
}
int x_current_time_int64(sqlite3_vfs*, sqlite3_int64* t) {
  return g->fallback->xCurrentTimeInt64(g->fallback, t);
}
int x_get_last_error(sqlite3_vfs*, int, char*) {
  return 0;
}

MemoryFile& persistent_file() {
  auto& slot = g->files[g->persistent_path];
  if (!slot) {
    slot = std::make_shared<MemoryFile>();
    slot->persistent = true;
    slot->block_size = kNewLedgerBlockSize;
  }
  return *slot;
}

}  // namespace

void install_memory_vfs(const std::string& persistent_path,
                        std::function<void(const CommitBatch&)> on_commit) {
  if (g) return;
  g = new Vfs();
  g->fallback = sqlite3_vfs_find(nullptr);
  g->persistent_path = persistent_path;
  g->on_commit = std::move(on_commit);
  sqlite3_vfs& v = g->vfs;
  v.iVersion = 2;
  v.szOsFile = sizeof(Handle);
  v.mxPathname = 512;
  v.zName = "duebook-memory";
  v.xOpen = x_open;
  v.xDelete = x_delete;
  v.xAccess = x_access;
  v.xFullPathname = x_full_pathname;
  v.xRandomness = x_randomness;
  v.xSleep = x_sleep;
  v.xCurrentTime = x_current_time;
  v.xGetLastError = x_get_last_error;
  v.xCurrentTimeInt64 = x_current_time_int64;
  sqlite3_vfs_register(&v, 1);
}

bool preload_begin(int64_t file_size, int64_t commit, int64_t block_size) {
  if (block_size < 512 || block_size > 65536 || (block_size & (block_size - 1))) return false;
  MemoryFile& file = persistent_file();
  file.blocks.clear();
  file.changed.clear();
  file.changed_list.clear();
  file.block_size = block_size;
  file.size = 0;
  if (!file.reserve(file_size)) return false;
  file.size = file_size;
  g->commit = commit;
  return true;
}

bool reload_begin(int64_t file_size, int64_t commit) {
  MemoryFile& file = persistent_file();
  if (file_size < file.size) file.truncate(file_size);
  if (!file.reserve(file_size)) return false;
  file.size = file_size;
  g->commit = commit;
  return true;
}

bool persistent_file_in_use() {
  return persistent_file().readers > 0;
}

int64_t persistent_block_size() {
  return persistent_file().block_size;
}

uint8_t* preload_block(uint32_t index) {
  return persistent_file().block(index);
}

void commit_whole_file() {
  MemoryFile& file = persistent_file();
  for (size_t i = 0; i < file.blocks.size(); ++i) file.mark(i);
  report_commit(file);
}

std::vector<uint8_t> snapshot_persistent_file() {
  MemoryFile& file = persistent_file();
  const int64_t bs = file.block_size;
  std::vector<uint8_t> out(size_t(file.size));
  for (int64_t at = 0; at < file.size; at += bs)
    std::memcpy(out.data() + at, file.block(size_t(at / bs)), size_t(std::min(bs, file.size - at)));
  return out;
}

int64_t persistent_file_size() {
  return persistent_file().size;
}
int64_t last_commit() {
  return g ? g->commit : 0;
}

}  // namespace duebook::web

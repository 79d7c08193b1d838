// The browser's SQLite file system: every file lives in memory, in fixed-size blocks, and the ledger's
// database file records which blocks each write transaction changed. When a write transaction ends (the
// database is unlocked with no journal left, so the file is exactly one committed state) the changed blocks
// are handed to the platform, which writes them to IndexedDB in one transaction (web/storage.js). Journals
// and temporary files stay in memory only: a reload never finds a hot journal, because the stored file is
// always committed.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace duebook::web {

constexpr int64_t kBlockSize = 4096;  // bytes per stored block: SQLite's default page size

// One committed state's changes to the persistent file.
struct CommitBatch {
  int64_t commit = 0;                // commit counter after this transaction (1, 2, ...)
  int64_t file_size = 0;             // the file's size in bytes after it
  std::vector<uint32_t> blocks;      // changed block numbers, ascending
  std::vector<const uint8_t*> data;  // each block's kBlockSize bytes, valid until the next write
};

// Registers the in-memory VFS as SQLite's default, so every sqlite3_open uses it. `persistent_path` names the
// one file whose commits are reported to `on_commit` (the ledger's database). Call once, before the ledger
// opens.
void install_memory_vfs(const std::string& persistent_path,
                        std::function<void(const CommitBatch&)> on_commit);

// Before the ledger opens: sizes the persistent file to `file_size` bytes, empty, and sets the commit counter
// the next commit counts on from. Returns false when memory cannot be had.
bool preload_begin(int64_t file_size, int64_t commit);
// The writable bytes of block `index` of the persistent file being preloaded (nullptr past the end).
uint8_t* preload_block(uint32_t index);
// Reports the whole persistent file as one commit (a file imported from elsewhere must be stored entire).
void commit_whole_file();

// A copy of the persistent file as it stands (call between transactions). Empty when there is none.
std::vector<uint8_t> snapshot_persistent_file();
// The persistent file's size in bytes, and the commit counter of its latest commit.
int64_t persistent_file_size();
int64_t last_commit();

}  // namespace duebook::web

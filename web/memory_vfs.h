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

// Bytes per block of journals and temporary files. The persistent file's blocks follow the ledger's SQLite
// page size (preload_begin), so that a changed page is one changed block.
constexpr int64_t kScratchBlockSize = 4096;
// The page size of a ledger made new in the browser: an invoice edit changes 14-20 pages whatever their
// size, so small pages make small writes (docs/browser-storage.md, "Bytes per edit").
constexpr int64_t kNewLedgerBlockSize = 1024;

// One committed state's changes to the persistent file.
struct CommitBatch {
  int64_t commit = 0;                // commit counter after this transaction (1, 2, ...)
  int64_t file_size = 0;             // the file's size in bytes after it
  int64_t block_size = 0;            // bytes per block
  std::vector<uint32_t> blocks;      // changed block numbers, ascending
  std::vector<const uint8_t*> data;  // each block's block_size bytes, valid until the next write
};

// Registers the in-memory VFS as SQLite's default, so every sqlite3_open uses it. `persistent_path` names the
// one file whose commits are reported to `on_commit` (the ledger's database). Call once, before the ledger
// opens.
void install_memory_vfs(const std::string& persistent_path,
                        std::function<void(const CommitBatch&)> on_commit);

// Before the ledger opens: sizes the persistent file to `file_size` bytes in blocks of `block_size` bytes (a
// power of two, 512-65536: the ledger's page size), empty, and sets the commit counter the next commit counts
// on from. Returns false when memory cannot be had or the block size is not one of those.
bool preload_begin(int64_t file_size, int64_t commit, int64_t block_size);
// While the ledger is open read-only (another tab writes): resizes the persistent file to `file_size` bytes,
// keeping its blocks, and sets the commit counter, so that preload_block can then overwrite the blocks
// another tab changed. Only between transactions (persistent_file_in_use() false). False when memory ran out.
bool reload_begin(int64_t file_size, int64_t commit);
// Whether a connection holds a lock on the persistent file (a read or write transaction is open), so that its
// bytes must not change under it.
bool persistent_file_in_use();
// Bytes per block of the persistent file (kNewLedgerBlockSize until preload_begin says otherwise).
int64_t persistent_block_size();
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

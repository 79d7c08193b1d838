// The browser's storage as the platform offers it: the in-memory SQLite file system (memory_vfs.h) wired to
// IndexedDB (storage.js), and the save state the status bar shows.
#pragma once

#include <functional>

#include "platform.h"

namespace duebook::web {

// Installs the VFS for `database_path`, then loads the stored ledger into memory (asynchronously) and calls
// duebook_web_start() when it is there. Call once, from main().
void open_storage(const char* database_path);
// Called before a read-only tab changes the ledger's file in memory: must end the reads the ledger's
// connection has left open (ui::App::end_reads).
void set_storage_end_reads(std::function<void()> end_reads);
// The page size a ledger made new here gets: the stored file's block size (memory_vfs.h).
int storage_page_size();
// True once after a read-only tab has loaded the writing tab's saved edits into memory (since the last call).
bool storage_take_reloaded();
// What the status bar says about the latest edit.
ui::SaveState storage_save_state();
// Writes what is not saved yet (normally each commit is written at once; this retries after a failure).
void storage_flush();
// Reloads the page as the ledger's writer (another tab loses the lock).
void storage_take_over();
// Forgets the stored ledger and reloads the page into a new, empty one.
void storage_start_over();
// Downloads the ledger file as it stands in memory.
void storage_download();
// "Back up now": when the last backup was made and after how many days to remind (kept in localStorage).
ui::BackupState storage_backup_state();
// Downloads the ledger file as duebook-ledger-<today>.sqlite and remembers when.
void storage_back_up();
// Where the ledger is kept, persist()'s answer and the storage estimate (asks for a fresh estimate, which a
// later call shows).
ui::StorageFacts storage_facts();
// Keeps the backup reminder period (days) in localStorage.
void storage_set_backup_reminder_days(int days);

}  // namespace duebook::web

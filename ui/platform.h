// What the workbench needs from the platform it runs on. One implementation per platform
// (web/platform_web.cpp, shell/desktop/platform_desktop.cpp), chosen by CMake.
#pragma once

#include <cstdint>
#include <string>

namespace duebook::ui {

class Platform {
 public:
  virtual ~Platform() = default;
  // Where the ledger database lives ("/data/duebook.sqlite" in the browser; an XDG path on the desktop).
  virtual std::string database_path() = 0;
  // Called after every committed change: the browser copies its storage to IndexedDB (coalesced).
  virtual void persist() = 0;
  // Whether the ledger may use SQLite's write-ahead log: true for a file on a real disk, false where the
  // platform keeps the database in memory and persists it itself.
  virtual bool write_ahead_log() const { return true; }
  // Unix milliseconds, for event timestamps.
  virtual int64_t now_ms() = 0;
  // Asks for another frame soon (work finished outside input handling).
  virtual void request_frame() = 0;
  // A short name of the platform for the status bar ("browser", "desktop").
  virtual const char* name() = 0;
};

}  // namespace duebook::ui

// The desktop platform: the database file lives under the XDG data directory unless --db names one.
#pragma once

#include <string>

#include "platform.h"

namespace duebook::shell {

// $XDG_DATA_HOME/duebook/ledger.sqlite, or ~/.local/share/duebook/ledger.sqlite; creates the folder.
std::string default_database_path();

class DesktopPlatform : public ui::Platform {
 public:
  explicit DesktopPlatform(std::string db_path) : db_path_(std::move(db_path)) {}
  std::string database_path() override { return db_path_; }
  void persist() override {}  // SQLite has already made the commit durable on disk
  int64_t now_ms() override;
  Date local_today() override;
  void open_url(const std::string& url) override;
  void print_text(const std::string& title, const std::string& text) override;
  void request_frame() override;
  const char* name() override { return "desktop"; }

 private:
  std::string db_path_;
};

// Opens the window and runs the workbench until it is closed. `quit_after_frames` > 0 closes it after that
// many frames (smoke tests). Returns the process exit code.
int run_window(const std::string& db_path, int quit_after_frames);

}  // namespace duebook::shell

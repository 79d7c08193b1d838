// The desktop platform: the database file lives under the XDG data directory unless --db names one.
#pragma once

#include <string>
#include <vector>

#include "platform.h"

namespace duebook::shell {

// $XDG_DATA_HOME/duebook/ledger.sqlite, or ~/.local/share/duebook/ledger.sqlite; creates the folder.
std::string default_database_path();

class DesktopPlatform : public ui::Platform {
 public:
  explicit DesktopPlatform(std::string db_path) : db_path_(std::move(db_path)) {}
  std::string database_path() override { return db_path_; }
  void persist() override {}  // SQLite has already made the commit durable on disk
  // Moves the ledger file aside (beside it, as NAME.demo, replacing an older one) so a new one is made there.
  bool start_over() override;
  // The system's DejaVu Sans (Debian's fonts-dejavu-core), found by CMake.
  PdfFonts pdf_fonts() override { return {DUEBOOK_PDF_FONT, DUEBOOK_PDF_FONT_BOLD}; }
  int64_t now_ms() override;
  Date local_today() override;
  void open_url(const std::string& url) override;
  void print_text(const std::string& title, const std::string& text) override;
  void request_frame() override;
  const char* name() override { return "desktop"; }
  // Kept as one small file per key in a "preferences" folder beside the ledger.
  std::string preference(const std::string& key) override;
  // LC_ALL, else LANG ("de_DE.UTF-8"), as POSIX orders them; "" when neither is set.
  std::string language_tag() override;
  void set_preference(const std::string& key, const std::string& value) override;
  // No file dialog: the import window asks for a path; files dropped on the window come too.
  void open_path(const std::string& path) override;
  std::vector<ui::IncomingFile> take_files() override;
  // Writes into $XDG_DOWNLOAD_DIR, else ~/Downloads, else beside the ledger; never over an existing file.
  Result<std::string> save_file(const std::string& name, const std::string& bytes, const char* mime) override;

 private:
  std::string db_path_;
  std::vector<ui::IncomingFile> arrived_;  // files opened or dropped, not yet taken
};

// Opens the window and runs the workbench until it is closed. `quit_after_frames` > 0 closes it after that
// many frames (smoke tests). Returns the process exit code.
int run_window(const std::string& db_path, int quit_after_frames);

}  // namespace duebook::shell

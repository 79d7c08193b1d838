// What the workbench needs from the platform it runs on. One implementation per platform
// (web/platform_web.cpp, shell/desktop/platform_desktop.cpp), chosen by CMake.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "base/date.h"
#include "base/result.h"
#include "files/pdf_document.h"

namespace duebook::ui {

// How safe the latest edit is, as the status bar tells it.
struct SaveState {
  enum class Kind {
    Unreported,  // the platform's storage is durable as soon as the ledger commits (desktop): nothing shown
    Saved,       // every committed edit is in durable storage
    Saving,      // an edit is committed in memory and its write is under way
    NotSaved,    // the latest edits are in memory only; `detail` says why and what to do
    ReadOnly,    // another window holds the ledger for writing; `detail` says so
  };
  Kind kind = Kind::Unreported;
  std::string detail;            // NotSaved, ReadOnly: a sentence for the user
  std::string storage_note;      // hover text: where the ledger is kept, how much room is used and left
  bool offer_download = false;   // show "Download the ledger" (edits kept in memory only)
  bool offer_take_over = false;  // show "Take over" (ReadOnly)
};

// "Back up now": offered where the ledger lives in the platform's own storage (the browser), not where it is
// a file the user's own backups already cover (the desktop).
struct BackupState {
  bool offered = false;       // show "Back up now" and when the last backup was made
  int64_t last_ms = 0;        // when the last backup was made (Unix milliseconds; 0: never)
  int remind_after_days = 7;  // remind the user when the last backup is older than this
};

// Where the ledger is kept and how safe that storage is, for the settings window.
struct StorageFacts {
  std::string where;   // "this browser (IndexedDB)", or the file's path
  int persisted = -1;  // the browser's answer to navigator.storage.persist(): 1 granted, 0 not, -1 none yet
                       // or not asked (the desktop: not applicable)
  int64_t used = 0;    // bytes the site uses (navigator.storage.estimate()); 0 when unknown
  int64_t quota = 0;   // bytes it may use; 0 when unknown
};

// A file the user handed the workbench: chosen in a file dialog, dropped on the window, or named by its path.
struct IncomingFile {
  std::string name;   // its name (the whole path on the desktop)
  std::string bytes;  // its content
  std::string error;  // why it could not be read; empty when `bytes` holds it
};

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
  // The SQLite page size for a ledger made new here (0: SQLite's default). The browser stores page by page.
  virtual int new_ledger_page_size() const { return 0; }
  // True once after the ledger's file was changed from outside since the last call (a read-only browser tab
  // has loaded what the writing tab saved): the views must query again.
  virtual bool take_outside_change() { return false; }
  // Unix milliseconds, for event timestamps.
  virtual int64_t now_ms() = 0;
  // The user's calendar day where they are: the browser page's time zone, the desktop system's local time;
  // never the UTC day (at 23:30 in New York the UTC day is already tomorrow).
  virtual Date local_today() = 0;
  // Hands `url` (a mailto: link, a web page) to the system: the browser opens it (a mailto: opens the user's
  // mail program), the desktop runs xdg-open. Nothing comes back; a platform that cannot open it ignores it.
  virtual void open_url(const std::string& url) { (void)url; }
  // Offers `text` for printing as plain text titled `title` (the browser opens a print window; the desktop
  // writes a text file and opens it with the system's viewer).
  virtual void print_text(const std::string& title, const std::string& text) { (void)title, (void)text; }
  // Asks for another frame soon (work finished outside input handling).
  virtual void request_frame() = 0;
  // A short name of the platform for the status bar ("browser", "desktop").
  virtual const char* name() = 0;
  // The save state for the status bar (polled each frame; cheap).
  virtual SaveState save_state() { return {}; }
  // ReadOnly: make this window the ledger's writer (it reloads the ledger as last saved).
  virtual void take_over() {}
  // The TrueType fonts the PDF documents are set in, where this platform keeps them; empty paths = none (the
  // documents are refused, saying so).
  virtual PdfFonts pdf_fonts() { return {}; }
  // Sets the ledger aside for good and starts a new, empty one (leaving the demo); the app has closed the
  // ledger first. True when the new ledger can be opened at database_path() at once; false when the platform
  // starts the app again itself (the browser forgets its stored ledger and reloads the page).
  virtual bool start_over() { return false; }
  // Hands the user a copy of the ledger file as it stands in memory (a download in the browser).
  virtual void download_ledger() {}
  // Whether "Back up now" is offered, and when the last backup was made (polled each frame; cheap).
  virtual BackupState backup_state() { return {}; }
  // Hands the user the whole ledger file as a backup named by today's date, and remembers when.
  virtual void back_up() {}
  // Where the ledger is kept, and the storage's answers (polled while the settings window is open; cheap).
  virtual StorageFacts storage_facts() { return {database_path(), -1, 0, 0}; }
  // Remember to remind the user when the last backup is older than `days` (1..365).
  virtual void set_backup_reminder_days(int /*days*/) {}
  // The user's preference `key` ("theme") as last set on this device (the browser's localStorage, a file
  // beside the desktop's ledger); "" when never set or unreadable. Cheap.
  virtual std::string preference(const std::string& /*key*/) { return {}; }
  // Remembers `value` for `key` on this device; a platform that cannot keep it forgets it silently.
  virtual void set_preference(const std::string& /*key*/, const std::string& /*value*/) {}
  // The user's language and region as the platform states it: the browser's navigator.language ("de-DE"),
  // the desktop's LC_ALL or LANG ("de_DE.UTF-8"); "" where unknown. Amounts and dates follow it until a
  // locale is chosen in Settings.
  virtual std::string language_tag() { return {}; }
  // Whether the system asks for dark colours (the browser's prefers-color-scheme); false where unknown.
  virtual bool prefers_dark() { return false; }
  // Whether the platform has a file dialog of its own (the browser's picker); else the workbench asks for a
  // path.
  virtual bool has_file_dialog() const { return false; }
  // Opens the file dialog for files ending in `accept` (".csv"); what is chosen comes from take_files().
  virtual void choose_file(const char* /*accept*/) {}
  // Reads the file at `path` (where there is no dialog); it comes from take_files(), or its error does.
  virtual void open_path(const std::string& /*path*/) {}
  // The files chosen, dropped or opened since the last call, in order (polled each frame; cheap).
  virtual std::vector<IncomingFile> take_files() { return {}; }
  // Hands the user `bytes` as a file named `name` of type `mime`: a download in the browser, a file in the
  // Downloads folder on the desktop. Returns where it went (the browser: the name), or why it could not.
  virtual Result<std::string> save_file(const std::string& name, const std::string& bytes,
                                        const char* mime) = 0;
};

}  // namespace duebook::ui

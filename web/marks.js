// The start-up's performance marks (linked first in front of duebook.js with --pre-js). Each is set once with
// performance.mark("duebook:<name>") and read with performance.getEntriesByType("mark"), times from navigation:
//   script-loaded      duebook.js has arrived and starts running (this line)
//   wasm-compiled      duebook.wasm fetched and compiled while it streams in (index.html's instantiateWasm)
//   wasm-instantiated  the module instantiated
//   storage-open       the stored ledger is asked for (web/storage.js, as this script starts)
//   storage-read       the IndexedDB transaction reading the stored ledger has completed
//   storage-ready      the stored ledger is in memory (once the program is instantiated and main() runs)
//   fonts-ready        the font atlas is built and uploaded (web/platform_web.cpp)
//   ledger-opened      the ledger is open and migrated
//   first-frame        the first interactive frame is drawn
//   first-data-frame   the first frame showing the ledger's content (the Dashboard's figures, or the welcome)
performance.mark("duebook:script-loaded");

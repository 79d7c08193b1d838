// The ledger's durable home in the browser (linked in front of duebook.js with --pre-js, so it shares the
// module's scope: HEAPU8 and the exported C functions). The writes themselves run in web/storage_worker.js.
//
// SQLite runs on an in-memory file system (web/memory_vfs.cpp). After each commit the blocks that transaction
// changed are written here to IndexedDB in ONE transaction, together with a header {blockSize, fileSize, commit,
// owner}; so the stored file is always exactly one committed state. Commits that arrive while a write is under
// way are merged and written together (still one committed state: the latest). An edit counts as saved once
// the transaction holding its commit has completed.
//
// One writer across tabs: the first tab takes a Web Lock and writes; the others open read-only. The header's
// `owner` fences a tab that lost the lock (a "Take over" elsewhere): its next write sees another owner and
// aborts, so two tabs never interleave their files.
//
// Database "duebook-ledger", version 2: store "meta" holds "header"; store "packs" maps pack number -> an
// ArrayBuffer of up to 1 MiB of the file (1 MiB / blockSize blocks); store "blocks" maps block number -> an
// ArrayBuffer of blockSize bytes, newer than the pack it falls in. Commits write single blocks; opening folds
// them into packs when there are many. A block is one SQLite page: a new ledger gets 1 KiB pages, a stored
// ledger keeps its header's blockSize (4 KiB before pages shrank), an imported file its own page size. The
// ledger Emscripten's IDBFS kept (database "/data", file "/data/duebook.sqlite") is imported once, then deleted.
//
// A read-only tab follows the writer: after each completed write the writer's worker broadcasts the commit and
// the blocks it wrote (BroadcastChannel "duebook-ledger"); the reader reads those blocks (or, when it missed a
// commit, the whole stored ledger) in one transaction, puts them in memory between two frames and redraws.
Module.duebookStorage = (function() {
  "use strict";
  const DB_NAME = "duebook-ledger", DB_VERSION = 2;
  const PACK_BYTES = 1 << 20;   // bytes of the file per pack (1 MiB)
  const NEW_LEDGER_BLOCK_SIZE = 1024;  // a new ledger's SQLite page size (web/memory_vfs.h)
  const CHANNEL_NAME = "duebook-ledger";
  const COMPACT_OVER = 64;      // single blocks stored beside the packs before opening folds them in
  const COMPACT_PACKS_PER_WRITE = 8;  // a reload interrupts at most one short transaction
  const LOCK_NAME = "duebook-ledger-writer", TAKE_OVER_FLAG = "duebook-take-over";
  const OLD_IDBFS_DB = "/data", OLD_IDBFS_FILE = "/data/duebook.sqlite";

  const owner = Date.now().toString(36) + "-" + Math.random().toString(36).slice(2);
  const s = {
    mode: "loading",    // "writer", "reader" (another tab writes) or "memory" (no IndexedDB at all)
    commit: 0,          // the latest commit SQLite made in this tab
    durable: 0,         // the latest commit whose IndexedDB transaction has completed
    writing: false,     // a write transaction is under way
    error: "",          // why the latest commits are not saved, after "Not saved — " ("" when they are)
    quotaExceeded: false,
    readerReason: "",   // reader: why this tab may not write
    lockFree: false,    // reader: the writing tab has gone; taking over needs no steal
    lostEdits: 0,       // commits made here that another tab's take-over left unsaved
    imported: "",       // "idbfs" after importing the old store
    persisted: null,    // navigator.storage.persist()'s answer
    usage: 0, quota: 0, // navigator.storage.estimate(), bytes
    blockSize: NEW_LEDGER_BLOCK_SIZE,
    storedSize: 0,      // file size in the stored header
    writes: 0,          // write transactions completed
    bytesWritten: 0,    // block bytes put by those transactions
    lastWrite: null,    // the last completed write: {commit, blocks, bytes, ms}
    openMs: 0,          // from the start of loading to the ledger's bytes being in memory
    loadMs: 0,          // of openMs: the IndexedDB transaction reading header and blocks
    compactionJobs: 0,  // pack rewrites still to do after opening
    lastHandoffMs: 0,   // main-thread time the last commit spent copying its blocks to the writer
    refreshes: 0,       // reader: times another tab's saved edits were loaded (incremental + whole)
    wholeRefreshes: 0,  // reader: of those, how many read the whole stored ledger
    lastRefreshMs: 0,   // reader: from the broadcast to the blocks being in memory
  };
  function packBlocks() { return PACK_BYTES / s.blockSize; }
  let db = null;
  let worker = null;    // writes the committed blocks (web/storage_worker.js)
  let listeners = [];

  function changed() {
    if (typeof _duebook_web_wake === "function" && s.mode !== "loading") _duebook_web_wake();
    for (const f of listeners) f(s);
  }

  function request(r) {
    return new Promise(function(resolve, reject) {
      r.onsuccess = function() { resolve(r.result); };
      r.onerror = function() { reject(r.error); };
    });
  }

  function openDatabase() {
    const r = indexedDB.open(DB_NAME, DB_VERSION);
    r.onupgradeneeded = function() {
      for (const name of ["meta", "blocks", "packs"])
        if (!r.result.objectStoreNames.contains(name)) r.result.createObjectStore(name);
    };
    return request(r);
  }

  // Resolves true when this tab holds the writer lock (held until the page goes), false when another has it.
  function takeLock(steal) {
    if (!navigator.locks) return Promise.resolve(true);
    return new Promise(function(resolve) {
      navigator.locks.request(LOCK_NAME, steal ? {steal: true} : {ifAvailable: true}, function(lock) {
        if (!lock) { resolve(false); return null; }
        resolve(true);
        return new Promise(function() {});
      }).catch(function() {  // stolen by a tab that took over
        if (s.mode === "writer") becomeReader("Another tab took over the ledger; this tab can only read it now.");
      });
    });
  }

  // Reader: learns when the writing tab has gone (the lock is taken and let go at once).
  function watchLock() {
    if (!navigator.locks) return;
    navigator.locks.request(LOCK_NAME, function() {
      s.lockFree = true;
      s.readerReason = "The tab that was editing the ledger has closed. Take over to edit here.";
      changed();
    });
  }

  function becomeReader(reason) {
    s.mode = "reader";
    s.lostEdits = Math.max(0, s.commit - s.durable);
    s.readerReason = reason;
    if (worker) worker.terminate();
    worker = null;
    changed();
  }

  // Loads the stored ledger: header and every block, in one transaction (claiming ownership when writing).
  function load(writer) {
    const tx = db.transaction(["meta", "blocks", "packs"], writer ? "readwrite" : "readonly");
    const meta = tx.objectStore("meta"), blocks = tx.objectStore("blocks"), packs = tx.objectStore("packs");
    const out = {header: null, keys: [], values: [], packKeys: [], packValues: []};
    meta.get("header").onsuccess = function(e) {
      out.header = e.target.result || null;
      if (writer) meta.put(Object.assign({blockSize: NEW_LEDGER_BLOCK_SIZE, fileSize: 0, commit: 0}, out.header,
                                         {owner: owner}), "header");
    };
    blocks.getAllKeys().onsuccess = function(e) { out.keys = e.target.result; };
    blocks.getAll().onsuccess = function(e) { out.values = e.target.result; };
    packs.getAllKeys().onsuccess = function(e) { out.packKeys = e.target.result; };
    packs.getAll().onsuccess = function(e) { out.packValues = e.target.result; };
    return completion(tx, out);
  }

  // Resolves `out` once `tx` has completed.
  function completion(tx, out) {
    return new Promise(function(resolve, reject) {
      tx.oncomplete = function() { resolve(out); };
      tx.onerror = tx.onabort = function() { reject(tx.error); };
    });
  }

  // After loading as the writer: when many single blocks lie beside the packs, the packs they fall in are
  // rewritten from memory (the state just loaded, before any new commit) and those blocks dropped, a few packs
  // per transaction (storage_worker.js keeps the user's edits first); so opening stays a read of about one
  // record per MiB.
  function compact(stored) {
    if (stored.keys.length <= COMPACT_OVER || !worker) return;
    const bs = s.blockSize, byPack = new Map(), jobs = [], buffers = [];
    const PACK_BLOCKS = packBlocks();
    for (const key of stored.keys) {
      const p = Math.floor(key / PACK_BLOCKS);
      if (!byPack.has(p)) byPack.set(p, []);
      byPack.get(p).push(key);
    }
    const blocksInFile = Math.ceil(s.storedSize / bs);
    let job = null;
    byPack.forEach(function(keys, p) {
      const first = p * PACK_BLOCKS, count = Math.min(PACK_BLOCKS, blocksInFile - first);
      if (count <= 0) return;
      const pack = new Uint8Array(count * bs);
      for (let j = 0; j < count; ++j) {
        const ptr = _duebook_storage_preload_block(first + j);
        if (ptr) pack.set(HEAPU8.subarray(ptr, ptr + bs), j * bs);
      }
      if (!job || job.packs.length === COMPACT_PACKS_PER_WRITE) jobs.push(job = {packs: [], drop: []});
      job.packs.push([p, pack.buffer]);
      job.drop = job.drop.concat(keys);
      buffers.push(pack.buffer);
    });
    s.compactionJobs = jobs.length;
    worker.postMessage({type: "compact", jobs: jobs}, buffers);
  }

  // Reader: follows the writing tab. `loaded` is the stored commit this tab's memory holds; `queued` the
  // writes heard of and not yet loaded, merged ({commit, prev, fileSize, blockSize, blocks, whole}).
  let loaded = 0, refreshing = false, queued = null;
  function follow() {
    loaded = s.durable;
    if (typeof BroadcastChannel !== "function") return;
    new BroadcastChannel(CHANNEL_NAME).onmessage = function(e) {
      const m = e.data;
      if (!m || m.type !== "durable" || s.mode !== "reader") return;
      if (!queued) {
        queued = {commit: m.commit, prev: m.prev, fileSize: m.fileSize, blockSize: m.blockSize, blocks: new Set(m.blocks),
                  heardAt: performance.now(), whole: false};
      } else if (m.commit > queued.commit) {
        queued.whole = queued.whole || m.prev !== queued.commit;  // a write was missed: read everything
        for (const b of m.blocks) queued.blocks.add(b);
        Object.assign(queued, {commit: m.commit, fileSize: m.fileSize, blockSize: m.blockSize});
      }
      refreshNext();
    };
  }

  // Puts stored blocks into the file in memory between two frames: waits while a transaction is open.
  function applyWhenFree(fileSize, commit, whole, fill) {
    return new Promise(function(resolve, reject) {
      (function attempt() {
        const r = _duebook_storage_reload_begin(fileSize, commit, whole ? 1 : 0);
        if (r === 0) { setTimeout(attempt, 20); return; }
        if (r < 0) { reject(new Error("not enough memory for the ledger")); return; }
        fill(function(index) { return _duebook_storage_preload_block(index); });
        resolve();
      })();
    });
  }

  // Reads the blocks one write changed, with the header, in one transaction.
  function readBlocks(keys) {
    const tx = db.transaction(["meta", "blocks"], "readonly");
    const out = {header: null, keys: keys, values: new Array(keys.length), packKeys: [], packValues: []};
    tx.objectStore("meta").get("header").onsuccess = function(e) { out.header = e.target.result || null; };
    const blocks = tx.objectStore("blocks");
    keys.forEach(function(key, i) { blocks.get(key).onsuccess = function(e) { out.values[i] = e.target.result; }; });
    return completion(tx, out);
  }

  // Loads what the writer saved since `loaded`: only the blocks it wrote when this tab heard of every write in
  // between and the store still holds exactly that commit, else the whole stored ledger. Then redraws.
  async function refreshNext() {
    if (refreshing || !queued) return;
    const m = queued;
    queued = null;
    if (m.commit <= loaded) return;
    refreshing = true;
    try {
      // This tab's memory went its own way (it made a new ledger before the writer's first save), or the
      // store holds another kind of file: open it afresh.
      if (s.commit !== loaded || m.blockSize !== s.blockSize) { location.reload(); return; }
      let stored = null, whole = m.whole || m.prev !== loaded;
      if (!whole) {
        stored = await readBlocks(Array.from(m.blocks));
        whole = !stored.header || stored.header.commit !== m.commit ||
                stored.values.some(function(v) { return !v; });
      }
      if (whole) stored = await load(false);
      const h = stored.header;
      if (!h || h.commit <= loaded) return;
      if (h.blockSize !== s.blockSize) { location.reload(); return; }
      await applyWhenFree(h.fileSize, h.commit, whole, fillFrom(stored));
      loaded = s.commit = s.durable = h.commit;
      s.storedSize = h.fileSize;
      s.refreshes++;
      if (whole) s.wholeRefreshes++;
      s.lastRefreshMs = performance.now() - m.heardAt;
      _duebook_storage_reloaded();
      changed();
    } catch (e) {
      console.error("duebook: could not load the other tab's saved edits", e);
    } finally {
      refreshing = false;
      refreshNext();
    }
  }

  // The ledger file Emscripten's IDBFS kept before this store existed, or null.
  async function readOldIdbfs() {
    if (!indexedDB.databases) return null;
    const names = (await indexedDB.databases()).map(function(d) { return d.name; });
    if (names.indexOf(OLD_IDBFS_DB) < 0) return null;
    const old = await request(indexedDB.open(OLD_IDBFS_DB));
    try {
      if (!old.objectStoreNames.contains("FILE_DATA")) return null;
      const entry = await request(old.transaction("FILE_DATA").objectStore("FILE_DATA").get(OLD_IDBFS_FILE));
      return entry && entry.contents ? new Uint8Array(entry.contents) : null;
    } finally {
      old.close();
    }
  }

  function install(fileSize, commit, fill) {
    if (!_duebook_storage_preload_begin(fileSize, commit, s.blockSize)) {
      throw new Error("not enough memory for the ledger (or blocks of " + s.blockSize + " bytes)");
    }
    fill(function(index) { return _duebook_storage_preload_block(index); });
  }

  // Copies the stored packs, then the single blocks (newer), into the file in memory.
  function fillFrom(stored) {
    return function(block) {
      const bs = s.blockSize, PACK_BLOCKS = packBlocks();
      for (let i = 0; i < stored.packKeys.length; ++i) {
        const pack = stored.packValues[i], first = stored.packKeys[i] * PACK_BLOCKS;
        for (let j = 0; j * bs < pack.byteLength; ++j) {
          const ptr = block(first + j);
          if (ptr) HEAPU8.set(new Uint8Array(pack, j * bs, bs), ptr);
        }
      }
      for (let i = 0; i < stored.keys.length; ++i) {
        const ptr = block(stored.keys[i]);
        if (ptr) HEAPU8.set(new Uint8Array(stored.values[i]), ptr);
      }
    };
  }

  // The page size a SQLite file was written with (header bytes 16-17; 1 means 65536).
  function pageSizeOf(file) {
    const n = file.length >= 100 ? (file[16] << 8) | file[17] : 0;
    return n === 1 ? 65536 : n >= 512 && (n & (n - 1)) === 0 ? n : 4096;
  }

  // Opens the store, takes the writer's lock if free and reads the stored ledger; resolves {writer, stored}.
  async function read() {
    performance.mark("duebook:storage-open");
    db = await openDatabase();
    const steal = sessionStorage.getItem(TAKE_OVER_FLAG) === "1";
    sessionStorage.removeItem(TAKE_OVER_FLAG);
    const writer = await takeLock(steal);
    const loadBegan = performance.now();
    const stored = await load(writer);
    s.loadMs = performance.now() - loadBegan;
    performance.mark("duebook:storage-read");
    return {writer: writer, stored: stored};
  }
  // The read starts as soon as this script runs, so it goes on while the program compiles and instantiates;
  // open() waits for it (and reports its failure).
  const began = performance.now();
  const reading = read();
  reading.catch(function() {});

  // Puts the saved ledger in memory once it is read; then calls `start` (which opens the ledger).
  async function open(start) {
    let stored = null;
    try {
      const got = await reading;
      const writer = got.writer;
      stored = got.stored;
      s.mode = writer ? "writer" : "reader";
      if (!writer) {
        s.readerReason = "The ledger is open for editing in another tab. This tab can only read it.";
        watchLock();
      }
      // A header of commit 0 is only the writer's claim: nothing was stored under it yet.
      const h = stored.header && stored.header.commit > 0 ? stored.header : null;
      const old = !h && writer ? await readOldIdbfs() : null;
      if (old) {
        s.blockSize = pageSizeOf(old);
        // A file in WAL mode (bytes 18-19 = 2) needs shared memory this file system has not got; a file with no
        // -wal beside it is complete, and is the same file in rollback mode with those bytes set to 1.
        if (old.length > 100 && old[18] === 2 && old[19] === 2) old[18] = old[19] = 1;
        install(old.length, 0, function(block) {
          for (let at = 0; at < old.length; at += s.blockSize)
            HEAPU8.set(old.subarray(at, Math.min(old.length, at + s.blockSize)), block(at / s.blockSize));
        });
        s.imported = "idbfs";
      } else if (h) {
        s.blockSize = h.blockSize;
        s.commit = s.durable = h.commit;
        s.storedSize = h.fileSize;
        install(h.fileSize, h.commit, fillFrom(stored));
      } else {
        install(0, 0, function() {});  // a new ledger: its pages are NEW_LEDGER_BLOCK_SIZE bytes
      }
      if (!writer) follow();
      stored.values = stored.packValues = null;
    } catch (e) {
      console.error("duebook: the browser's storage cannot be used", e);
      s.mode = "memory";
      s.error = "the browser gave no storage for the ledger (" + describe(e) + "). Edits are kept in this tab " +
                "only: download the ledger before closing it.";
    }
    s.openMs = performance.now() - began;
    performance.mark("duebook:storage-ready");
    if (s.mode === "writer") {
      startWorker();
      if (stored && !s.imported) compact(stored);
    }
    // An imported file is stored entire before the ledger opens (the old store goes once it is).
    if (s.imported) _duebook_storage_commit_whole_file();
    start();
    if (navigator.storage && navigator.storage.persist && s.mode === "writer") {
      navigator.storage.persist().then(function(granted) { s.persisted = granted; estimate(); }, function() {});
    }
    estimate();
    changed();
  }

  function estimate() {
    if (!navigator.storage || !navigator.storage.estimate) return;
    navigator.storage.estimate().then(function(e) { s.usage = e.usage || 0; s.quota = e.quota || 0; changed(); },
                                      function() {});
  }

  function describe(e) {
    if (!e) return "unknown error";
    return (e.name && e.name !== "Error" ? e.name + ": " : "") + (e.message || String(e));
  }

  // Called by the VFS at each commit: `indices` and `pointers` (n each) name the changed blocks. The blocks are
  // copied out and handed to the writer worker (web/storage_worker.js) at once.
  function commit(number, fileSize, n, indices, pointers) {
    s.commit = number;
    if (s.mode !== "writer" || !worker) return;
    const began = performance.now(), bs = s.blockSize, list = [], buffers = [];
    for (let i = 0; i < n; ++i) {
      const index = HEAPU32[(indices >> 2) + i], ptr = HEAPU32[(pointers >> 2) + i];
      const buffer = HEAPU8.slice(ptr, ptr + bs).buffer;
      list.push([index, buffer]);
      buffers.push(buffer);
    }
    worker.postMessage({type: "write", commit: number, fileSize: fileSize, blocks: list,
                        committedAt: performance.timeOrigin + performance.now()}, buffers);
    s.writing = true;
    s.lastHandoffMs = performance.now() - began;  // what the commit's frame pays for storage
    changed();
  }

  function startWorker() {
    worker = new Worker("storage_worker.js");
    worker.postMessage({type: "init", owner: owner, blockSize: s.blockSize, storedSize: s.storedSize,
                        storedCommit: s.durable});
    worker.onmessage = function(e) {
      const m = e.data;
      if (m.type === "durable") {
        s.durable = m.commit;
        s.storedSize = m.fileSize;
        s.writing = s.durable < s.commit;
        s.error = "";
        s.quotaExceeded = false;
        s.writes++;
        s.bytesWritten += m.bytes;
        s.lastWrite = {commit: m.commit, blocks: m.blocks, bytes: m.bytes, ms: m.writeMs, sinceCommitMs: m.sinceCommitMs};
        if (s.imported === "idbfs") {
          s.imported = "idbfs-stored";
          indexedDB.deleteDatabase(OLD_IDBFS_DB);
        }
      } else if (m.type === "compacted") {
        s.compactionJobs = m.jobsLeft;
      } else if (m.type === "stolen") {
        s.writing = false;
        becomeReader("Another tab took over the ledger; this tab can only read it now.");
      } else if (m.type === "failed") {
        s.writing = false;
        s.quotaExceeded = m.name === "QuotaExceededError";
        s.error = s.quotaExceeded
          ? "the browser's storage for this site is full, so your latest edits are kept in this tab only. " +
            "Download the ledger to keep them, then free some space (or allow this site more) and edit again."
          : "the browser could not store your latest edits (" + m.name + ": " + m.message + "); they are kept in " +
            "this tab only. Download the ledger to keep them. Saving is tried again with your next edit.";
        estimate();
      }
      changed();
    };
    worker.onerror = function(e) {
      s.error = "the storage worker failed (" + (e.message || "unknown error") + "); edits are kept in this tab " +
                "only. Download the ledger to keep them, then reload.";
      changed();
    };
  }

  // Writes again what is not saved yet (after a failure; on hiding the page).
  function flush() { if (worker && s.mode === "writer") worker.postMessage({type: "flush"}); }

  function takeOver() {
    sessionStorage.setItem(TAKE_OVER_FLAG, "1");
    location.reload();
  }

  // Forgets the stored ledger and reloads the page into a new, empty one (leaving the demo). The writer stops
  // first, so no write of the old ledger lands after the stores are cleared; a reader only reloads.
  function startOver() {
    if (s.mode !== "writer" || !db) { location.reload(); return; }
    if (worker) worker.terminate();
    worker = null;
    s.mode = "leaving";  // nothing more is written, and leaving the page asks nothing
    const tx = db.transaction(["meta", "blocks", "packs"], "readwrite");
    for (const name of ["meta", "blocks", "packs"]) tx.objectStore(name).clear();
    tx.oncomplete = function() { location.reload(); };
    tx.onerror = tx.onabort = function() {
      console.error("duebook: the stored ledger could not be cleared", tx.error);
      location.reload();
    };
  }

  function unsaved() { return s.mode === "writer" && (s.commit > s.durable); }

  window.addEventListener("beforeunload", function(e) {
    if (!unsaved()) return;
    flush();
    e.preventDefault();
    e.returnValue = "";
  });
  document.addEventListener("visibilitychange", function() { if (document.visibilityState === "hidden") flush(); });
  window.addEventListener("pagehide", flush);

  return {
    open: open, commit: commit, flush: flush, takeOver: takeOver, startOver: startOver,
    download: Module.duebookBackup.download, backUp: Module.duebookBackup.backUp,
    lastBackup: Module.duebookBackup.lastBackup, backupReminderDays: Module.duebookBackup.backupReminderDays,
    setBackupReminderDays: Module.duebookBackup.setBackupReminderDays,
    estimate: estimate,
    state: function() { return s; },
    onChange: function(f) { listeners.push(f); },
  };
})();

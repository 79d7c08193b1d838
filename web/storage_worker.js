// Writes the ledger's committed blocks to IndexedDB off the main thread (started by web/storage.js), so a write
// neither waits for the tab's frames nor delays them.
//
// Messages in:  {type: "init", owner, blockSize, storedSize}
//               {type: "write", commit, fileSize, blocks: [[index, ArrayBuffer], ...], committedAt}
//               {type: "flush"}  (try again what failed)
// Messages out: {type: "durable", commit, fileSize, blocks, bytes, writeMs, sinceCommitMs}
//               {type: "failed", commit, name, message}  (the blocks are kept and written with the next attempt)
//               {type: "stolen"}  (another tab owns the stored ledger now; nothing more is written)
"use strict";
let db = null, owner = "", blockSize = 4096, storedSize = 0;
let pending = null;   // {commit, fileSize, blocks: Map(index -> ArrayBuffer), committedAt}: not yet written
let writing = false, stolen = false;

function now() { return performance.timeOrigin + performance.now(); }

function openDatabase() {
  return new Promise(function(resolve, reject) {
    const r = indexedDB.open("duebook-ledger", 1);
    r.onupgradeneeded = function() {
      r.result.createObjectStore("meta");
      r.result.createObjectStore("blocks");
    };
    r.onsuccess = function() { resolve(r.result); };
    r.onerror = function() { reject(r.error); };
  });
}

// Adds `older` under `pending`: blocks already pending are newer and win.
function keep(older) {
  if (!pending) { pending = older; return; }
  older.blocks.forEach(function(buffer, index) { if (!pending.blocks.has(index)) pending.blocks.set(index, buffer); });
  pending.committedAt = Math.min(pending.committedAt, older.committedAt);
}

async function writeNext() {
  if (writing || stolen || !pending) return;
  writing = true;
  const batch = pending;
  pending = null;
  const started = now();
  let bytes = 0, fenced = false, tx;
  try {
    if (!db) db = await openDatabase();
    tx = db.transaction(["meta", "blocks"], "readwrite", {durability: "strict"});
  } catch (e) {
    writing = false;
    keep(batch);
    postMessage({type: "failed", commit: batch.commit, name: e.name || "Error", message: e.message || String(e)});
    return;
  }
  const meta = tx.objectStore("meta"), blocks = tx.objectStore("blocks");
  // All requests are placed at once; the header is read first, and if another tab has taken over since, the
  // transaction is aborted before any of it lands.
  meta.get("header").onsuccess = function(e) {
    const h = e.target.result;
    if (h && h.owner !== owner) {
      fenced = true;
      tx.abort();
    }
  };
  batch.blocks.forEach(function(buffer, index) {
    blocks.put(buffer, index);
    bytes += buffer.byteLength;
  });
  if (batch.fileSize < storedSize) blocks.delete(IDBKeyRange.lowerBound(Math.ceil(batch.fileSize / blockSize)));
  meta.put({blockSize: blockSize, fileSize: batch.fileSize, commit: batch.commit, owner: owner, savedAt: Date.now()},
           "header");
  tx.oncomplete = function() {
    writing = false;
    storedSize = batch.fileSize;
    const done = now();
    postMessage({type: "durable", commit: batch.commit, fileSize: batch.fileSize, blocks: batch.blocks.size, bytes: bytes,
                 writeMs: done - started, sinceCommitMs: done - batch.committedAt});
    writeNext();
  };
  tx.onabort = function() {
    writing = false;
    if (fenced) {
      stolen = true;
      pending = null;
      postMessage({type: "stolen"});
      return;
    }
    keep(batch);
    const e = tx.error || {};
    postMessage({type: "failed", commit: batch.commit, name: e.name || "AbortError", message: e.message || "aborted"});
  };
}

onmessage = function(e) {
  const m = e.data;
  if (m.type === "init") {
    owner = m.owner;
    blockSize = m.blockSize;
    storedSize = m.storedSize;
  } else if (m.type === "write") {
    const batch = {commit: m.commit, fileSize: m.fileSize, blocks: new Map(), committedAt: m.committedAt};
    for (let i = 0; i < m.blocks.length; ++i) batch.blocks.set(m.blocks[i][0], m.blocks[i][1]);
    const older = pending;
    pending = batch;
    if (older) keep(older);
    writeNext();
  } else if (m.type === "flush") {
    writeNext();
  }
};

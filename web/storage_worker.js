// Writes the ledger's committed blocks to IndexedDB off the main thread (started by web/storage.js), so a write
// neither waits for the tab's frames nor delays them.
//
// Messages in:  {type: "init", owner, blockSize, storedSize, storedCommit}
//               {type: "write", commit, fileSize, blocks: [[index, ArrayBuffer], ...], committedAt}
//               {type: "compact", jobs: [{packs: [[number, ArrayBuffer]], drop: [block numbers]}]}  (fold single
//                 blocks into packs, one job per transaction)
//               {type: "flush"}  (try again what failed)
// Messages out: {type: "durable", commit, fileSize, blocks, bytes, writeMs, sinceCommitMs}
//               {type: "failed", commit, name, message}  (the blocks are kept and written with the next attempt)
//               {type: "compacted", packs, dropped, jobsLeft}
//               {type: "stolen"}  (another tab owns the stored ledger now; nothing more is written)
// Broadcast on BroadcastChannel "duebook-ledger" after each completed write, for read-only tabs:
//               {type: "durable", commit, prev (the stored commit before), fileSize, blockSize, blocks: [index, ...]}
"use strict";
let db = null, owner = "", blockSize = 4096, storedSize = 0, storedCommit = 0;
const channel = typeof BroadcastChannel === "function" ? new BroadcastChannel("duebook-ledger") : null;
let pending = null;   // {commit, fileSize, blocks: Map(index -> ArrayBuffer), committedAt}: not yet written
// Pack rewrites to do, each {packs: [[number, ArrayBuffer]], drop: Set(block numbers)}, holding the state
// storage.js loaded. Edits go first; a block an edit writes is no longer dropped (the pack's copy is older).
let compaction = [];
let writing = false, stolen = false;
const PACK_BYTES = 1 << 20;  // a pack holds 1 MiB of the file: PACK_BYTES / blockSize blocks

function now() { return performance.timeOrigin + performance.now(); }

function openDatabase() {
  return new Promise(function(resolve, reject) {
    const r = indexedDB.open("duebook-ledger", 2);
    r.onupgradeneeded = function() {
      for (const name of ["meta", "blocks", "packs"])
        if (!r.result.objectStoreNames.contains(name)) r.result.createObjectStore(name);
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

// Rewrites packs with the single blocks that lie in them (the state storage.js has just loaded, so the stored
// file does not change) and drops those blocks, in one transaction.
async function compactNow() {
  writing = true;
  const job = compaction.shift();
  try {
    if (!db) db = await openDatabase();
    const tx = db.transaction(["meta", "blocks", "packs"], "readwrite", {durability: "strict"});
    tx.objectStore("meta").get("header").onsuccess = function(e) {
      if (e.target.result && e.target.result.owner !== owner) tx.abort();
    };
    const packs = tx.objectStore("packs"), blocks = tx.objectStore("blocks");
    for (const p of job.packs) packs.put(p[1], p[0]);
    job.drop.forEach(function(key) { blocks.delete(key); });
    tx.oncomplete = function() {
      writing = false;
      postMessage({type: "compacted", packs: job.packs.length, dropped: job.drop.size, jobsLeft: compaction.length});
      writeNext();
    };
    tx.onabort = function() { writing = false; compaction = []; writeNext(); };  // the next open tries again
  } catch (e) {
    writing = false;
    compaction = [];
    writeNext();
  }
}

async function writeNext() {
  if (writing || stolen) return;
  if (!pending) {
    if (compaction.length) compactNow();
    return;
  }
  writing = true;
  const batch = pending;
  pending = null;
  for (const job of compaction) batch.blocks.forEach(function(buffer, index) { job.drop.delete(index); });
  const started = now();
  let bytes = 0, fenced = false, tx;
  try {
    if (!db) db = await openDatabase();
    tx = db.transaction(["meta", "blocks", "packs"], "readwrite", {durability: "strict"});
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
  if (batch.fileSize < storedSize) {  // cut: nothing past the end may come back if the file grows again
    const end = Math.ceil(batch.fileSize / blockSize);
    blocks.delete(IDBKeyRange.lowerBound(end));
    tx.objectStore("packs").delete(IDBKeyRange.lowerBound(Math.ceil(end / (PACK_BYTES / blockSize))));
  }
  meta.put({blockSize: blockSize, fileSize: batch.fileSize, commit: batch.commit, owner: owner, savedAt: Date.now()},
           "header");
  tx.oncomplete = function() {
    writing = false;
    storedSize = batch.fileSize;
    const done = now();
    postMessage({type: "durable", commit: batch.commit, fileSize: batch.fileSize, blocks: batch.blocks.size, bytes: bytes,
                 writeMs: done - started, sinceCommitMs: done - batch.committedAt});
    if (channel) {
      channel.postMessage({type: "durable", commit: batch.commit, prev: storedCommit, fileSize: batch.fileSize,
                           blockSize: blockSize, blocks: Array.from(batch.blocks.keys())});
    }
    storedCommit = batch.commit;
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
    storedCommit = m.storedCommit || 0;
  } else if (m.type === "write") {
    const batch = {commit: m.commit, fileSize: m.fileSize, blocks: new Map(), committedAt: m.committedAt};
    for (let i = 0; i < m.blocks.length; ++i) batch.blocks.set(m.blocks[i][0], m.blocks[i][1]);
    const older = pending;
    pending = batch;
    if (older) keep(older);
    writeNext();
  } else if (m.type === "compact") {
    compaction = m.jobs.map(function(j) { return {packs: j.packs, drop: new Set(j.drop)}; });
    writeNext();
  } else if (m.type === "flush") {
    writeNext();
  }
};

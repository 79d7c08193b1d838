// Browser storage end to end: the ledger survives reloads block by block (1 KiB pages for a new ledger; a
// ledger stored with 4 KiB blocks keeps working), an old IDBFS ledger is imported once, two tabs never
// overwrite each other (one writer, a read-only second tab that follows the writer's saves and can take over),
// a full quota is said plainly while the edits stay in memory and can be downloaded, and hiding the page saves
// what a failed write left unsaved.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { addCustomer, artifacts, check, clickItem, showCustomers, openContext, state, storage, waitFor, waitItem, waitReady,
  waitSaved } from "./helpers.mjs";

let server, url;
const profiles = [];

function newProfile() {
  const p = mkdtempSync(path.join(tmpdir(), "duebook-storage-"));
  profiles.push(p);
  return p;
}

before(async () => {
  const { startServer } = await import("./helpers.mjs");
  // Plain files: the quota tests fill the origin's quota from Chrome's count of its usage, and that count does
  // not bring IndexedDB writes to the limit when the service worker's cache holds brotli-encoded responses.
  ({ url, process: server } = await startServer(undefined, 0, { plain: true }));
});

// Every browser opened here, closed at the end even when a test failed half-way (a browser left open would
// keep the run from ending).
const contexts = [];
async function open(profile, options) {
  const ctx = await openContext(profile, url, options);
  contexts.push(ctx);
  return ctx;
}

after(async () => {
  for (const ctx of contexts) await ctx.close().catch(() => {});
  if (server) server.kill();
  for (const p of profiles) rmSync(p, { recursive: true, force: true });
});

test("each edit writes only the blocks it changed, and the ledger is read back after a reload", async () => {
  const ctx = await open(newProfile());
  const page = ctx.pages()[0];
  await page.goto(url);
  await waitReady(page);
  await addCustomer(page, "Alpha Ltd");
  await waitSaved(page);
  const first = await storage(page);
  await addCustomer(page, "Beta GmbH", "EUR");
  await waitSaved(page);
  const st = await storage(page);
  console.log(`one customer edit: ${st.lastWrite.blocks} blocks, ${st.lastWrite.bytes} bytes, ` +
    `durable ${st.lastWrite.sinceCommitMs.toFixed(1)} ms after the commit`);
  assert.equal(st.commit, first.commit + 1, "one commit per edit");
  assert.equal(st.blockSize, 1024, "a new ledger is stored in blocks of 1 KiB");
  assert.equal(st.lastWrite.bytes % 1024, 0, "whole blocks are written");
  const header = await page.evaluate(() => {
    const n = Module._duebook_storage_snapshot(), p = Module._duebook_storage_snapshot_data();
    const out = [HEAPU8[p + 16], HEAPU8[p + 17], n];
    Module._duebook_storage_snapshot_free();
    return out;
  });
  assert.equal(header[0] * 256 + header[1], 1024, "the new ledger's SQLite pages are 1 KiB, as its blocks");
  assert.ok(st.lastWrite.bytes <= 64 * 1024, `an edit writes at most 64 KiB, not ${st.lastWrite.bytes}`);
  assert.ok(st.lastWrite.bytes < st.storedSize, "an edit writes less than the whole file");

  await page.reload();
  await waitReady(page);
  const s = await state(page);
  assert.equal(s.customers, 2);
  const c = await check(page);
  assert.equal(c.integrity, "ok");
  assert.equal(c.chain_bad_seq, 0);
  assert.deepEqual([...c.customers].sort(), ["Alpha Ltd", "Beta GmbH"]);
  assert.equal((await storage(page)).commit, st.commit, "the commit counter is read back");
  await ctx.close();
});

test("a ledger kept by the old IDBFS storage is imported once and then stored block by block", async () => {
  const ctx = await open(newProfile());
  const page = ctx.pages()[0];
  await page.goto(url);
  await waitReady(page);
  await addCustomer(page, "Kept Before Ltd");
  await waitSaved(page);
  const bytes = await page.evaluate(() => {
    const n = Module._duebook_storage_snapshot();
    const p = Module._duebook_storage_snapshot_data();
    const out = Array.from(HEAPU8.subarray(p, p + n));
    Module._duebook_storage_snapshot_free();
    return out;
  });
  // Rewrite this origin's storage as the IDBFS build left it: no block store, the file in "/data".
  await page.goto(url + "not-the-app");
  await page.evaluate(async (file) => {
    const done = (r) => new Promise((resolve, reject) => { r.onsuccess = () => resolve(r.result); r.onerror = () => reject(r.error); });
    await done(indexedDB.deleteDatabase("duebook-ledger"));
    const open = indexedDB.open("/data", 21);
    open.onupgradeneeded = () => open.result.createObjectStore("FILE_DATA").createIndex("timestamp", "timestamp");
    const db = await done(open);
    const tx = db.transaction("FILE_DATA", "readwrite");
    tx.objectStore("FILE_DATA").put({ timestamp: new Date(), mode: 16877 }, "/data");
    tx.objectStore("FILE_DATA").put({ timestamp: new Date(), mode: 33188, contents: new Uint8Array(file) },
      "/data/duebook.sqlite");
    await new Promise((resolve) => { tx.oncomplete = resolve; });
    db.close();
  }, bytes);

  await page.goto(url);
  await waitReady(page);
  assert.equal((await state(page)).customers, 1, "the old ledger was imported");
  await page.waitForFunction(() => window.duebook.storage().imported === "idbfs-stored");
  const names = await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name));
  assert.ok(!names.includes("/data"), `the old store is gone once the import is stored (${names})`);
  await addCustomer(page, "Added After Import");
  await waitSaved(page);
  await page.reload();
  await waitReady(page);
  assert.deepEqual((await check(page)).customers.sort(), ["Added After Import", "Kept Before Ltd"]);
  await ctx.close();
});

// The ledger file in memory, as bytes.
function snapshot(page) {
  return page.evaluate(() => {
    const n = Module._duebook_storage_snapshot();
    const p = Module._duebook_storage_snapshot_data();
    const out = Array.from(HEAPU8.subarray(p, p + n));
    Module._duebook_storage_snapshot_free();
    return out;
  });
}

test("a ledger stored in 4 KiB blocks (before pages shrank) still opens, edits and saves in 4 KiB blocks", async () => {
  const ctx = await open(newProfile());
  const page = ctx.pages()[0];
  await page.goto(url);
  await waitReady(page);
  await addCustomer(page, "Stored In Four K");
  await waitSaved(page);
  // The same ledger with 4 KiB pages (SQLite's VACUUM rewrites it), stored as the 4 KiB build stored it: the
  // file in 1 MiB packs of 256 blocks, page 1 again as a newer single block, the header saying 4096.
  const dir = newProfile(), file = path.join(dir, "four-k.sqlite");
  writeFileSync(file, Buffer.from(await snapshot(page)));
  execFileSync("python3", ["-c", "import sqlite3, sys\nc = sqlite3.connect(sys.argv[1], isolation_level=None)\n" +
    "c.execute('PRAGMA page_size = 4096')\nc.execute('VACUUM')\nc.close()", file]);
  const fourK = readFileSync(file);
  assert.equal(fourK.readUInt16BE(16), 4096, "the file has 4 KiB pages");
  await page.goto(url + "not-the-app");
  await page.evaluate(async (bytes) => {
    const done = (r) => new Promise((resolve, reject) => { r.onsuccess = () => resolve(r.result); r.onerror = () => reject(r.error); });
    await done(indexedDB.deleteDatabase("duebook-ledger"));
    const open = indexedDB.open("duebook-ledger", 2);
    open.onupgradeneeded = () => { for (const n of ["meta", "blocks", "packs"]) open.result.createObjectStore(n); };
    const db = await done(open);
    const file = new Uint8Array(bytes), tx = db.transaction(["meta", "blocks", "packs"], "readwrite");
    for (let p = 0; p * 1048576 < file.length; ++p) tx.objectStore("packs").put(file.slice(p * 1048576, (p + 1) * 1048576).buffer, p);
    tx.objectStore("blocks").put(file.slice(0, 4096).buffer, 0);
    tx.objectStore("meta").put({ blockSize: 4096, fileSize: file.length, commit: 7, owner: "an-earlier-tab" }, "header");
    await new Promise((resolve) => { tx.oncomplete = resolve; });
    db.close();
  }, Array.from(fourK));

  await page.goto(url);
  await waitReady(page);
  const st = await storage(page);
  assert.equal(st.blockSize, 4096, "the stored ledger keeps its 4 KiB blocks");
  assert.equal(st.commit, 7, "the stored commit counter is read");
  assert.deepEqual((await check(page)).customers, ["Stored In Four K"]);
  await addCustomer(page, "Added In Four K");
  await waitSaved(page);
  const after = await storage(page);
  assert.equal(after.commit, 8);
  assert.equal(after.lastWrite.bytes % 4096, 0, `4 KiB blocks are written (${after.lastWrite.bytes} bytes)`);
  assert.equal(Buffer.from(await snapshot(page)).readUInt16BE(16), 4096, "the pages stay 4 KiB");
  await page.reload();
  await waitReady(page);
  const c = await check(page);
  assert.equal(c.integrity, "ok");
  assert.equal(c.chain_bad_seq, 0);
  assert.deepEqual([...c.customers].sort(), ["Added In Four K", "Stored In Four K"]);
  assert.equal((await storage(page)).blockSize, 4096);
  await ctx.close();
});

test("a read-only tab shows the writer's saved edits without a reload, and keeps its notice", async () => {
  const ctx = await open(newProfile());
  const a = ctx.pages()[0];
  await a.goto(url);
  await waitReady(a);
  await addCustomer(a, "First From A");
  await waitSaved(a);
  const b = await ctx.newPage();
  await b.goto(url);
  await waitReady(b);
  assert.equal((await storage(b)).mode, "reader");
  await showCustomers(b);
  await waitItem(b, "customers.row.First From A");
  await b.evaluate(() => { window.sameDocument = true; });  // gone if the tab reloads

  await a.bringToFront();
  await addCustomer(a, "Second From A");
  await waitSaved(a);
  await waitItem(b, "customers.row.Second From A", 5000);
  let st = await storage(b);
  assert.equal(st.refreshes, 1, "one write, one refresh");
  assert.equal(st.wholeRefreshes, 0, "only the blocks the write changed were read");
  assert.equal(st.durable, (await storage(a)).durable, "B holds A's latest saved commit");
  console.log(`read-only tab refreshed ${st.lastRefreshMs.toFixed(1)} ms after the broadcast`);

  // Several quick edits (writes merged or not): B ends with every one of them.
  await a.bringToFront();
  for (const name of ["Third From A", "Fourth From A"]) await addCustomer(a, name);
  await waitSaved(a);
  await b.bringToFront();
  await waitItem(b, "customers.row.Fourth From A", 5000);
  await waitItem(b, "customers.row.Third From A");
  st = await storage(b);
  assert.equal(st.durable, (await storage(a)).durable);
  assert.equal(await b.evaluate(() => window.sameDocument), true, "tab B was not reloaded");
  assert.equal((await state(b)).save_state, "read_only", "the read-only notice stays");
  await waitItem(b, "storage.take_over");
  const c = await check(b);
  assert.equal(c.integrity, "ok");
  assert.equal(c.chain_bad_seq, 0);
  assert.deepEqual([...c.customers].sort(), ["First From A", "Fourth From A", "Second From A", "Third From A"]);
  await b.screenshot({ path: path.join(artifacts, "storage-read-only-refreshed.png") });
  await ctx.close();
});

test("a second tab opens read-only, cannot write, and takes over with every saved edit", async () => {
  const ctx = await open(newProfile());
  const a = ctx.pages()[0];
  await a.goto(url);
  await waitReady(a);
  await addCustomer(a, "Written By A");
  await waitSaved(a);

  const b = await ctx.newPage();
  await b.goto(url);
  await waitReady(b);
  assert.equal((await state(b)).save_state, "read_only");
  assert.equal((await storage(b)).mode, "reader");
  await waitItem(b, "storage.take_over");
  await b.screenshot({ path: path.join(artifacts, "storage-read-only.png") });

  // B's form refuses to write; A's next edit is saved as usual.
  await showCustomers(b);
  await clickItem(b, "customer.name");
  await b.keyboard.type("Written By B");
  await clickItem(b, "customer.save");
  await b.waitForTimeout(300);
  assert.equal((await state(b)).customers, 1, "the read-only tab stored nothing");
  assert.equal((await storage(b)).commit, (await storage(b)).durable);
  await addCustomer(a, "Second From A");
  await waitSaved(a);

  // A closes: B is told, takes over and sees both of A's customers.
  await a.close({ runBeforeUnload: false });
  await b.waitForFunction(() => window.duebook.storage().lockFree === true, null, { timeout: 10000 });
  await clickItem(b, "storage.take_over");
  await b.waitForFunction(() => window.duebook && window.duebook.firstFrameMs && window.duebook.firstFrameMs() !== undefined &&
    window.duebook.storage().mode === "writer", null, { timeout: 30000 });
  assert.deepEqual((await check(b)).customers.sort(), ["Second From A", "Written By A"]);
  await addCustomer(b, "Written By B");
  await waitSaved(b);

  // A third tab takes over while B is still open: B turns read-only and its next edit is refused.
  const c = await ctx.newPage();
  await c.goto(url);
  await waitReady(c);
  assert.equal((await state(c)).save_state, "read_only");
  await clickItem(c, "storage.take_over");
  await c.waitForFunction(() => window.duebook && window.duebook.firstFrameMs && window.duebook.firstFrameMs() !== undefined &&
    window.duebook.storage().mode === "writer", null, { timeout: 30000 });
  await waitFor(b, (s) => s.save_state === "read_only", "tab B to turn read-only");
  await addCustomer(c, "Written By C");
  await waitSaved(c);
  await clickItem(b, "customer.new");
  await showCustomers(b);
  await clickItem(b, "customer.name");
  await b.keyboard.type("Late From B");
  await clickItem(b, "customer.save");
  await b.waitForTimeout(300);
  await c.reload();
  await waitReady(c);
  assert.deepEqual((await check(c)).customers.sort(), ["Second From A", "Written By A", "Written By B", "Written By C"]);
  await ctx.close();
});

test("a full quota is said plainly; edits stay in memory, download, and are saved once there is room", async () => {
  const ctx = await open(newProfile(), { acceptDownloads: true });
  const page = ctx.pages()[0];
  await page.goto(url);
  await waitReady(page);
  await addCustomer(page, "Before The Limit");
  await waitSaved(page);
  const cdp = await ctx.newCDPSession(page);
  const origin = new URL(url).origin;
  const usage = (await cdp.send("Storage.getUsageAndQuota", { origin })).usage;
  await cdp.send("Storage.overrideQuotaForOrigin", { origin, quotaSize: usage + 1024 });
  let n = 0;
  for (; n < 20 && (await state(page)).save_state !== "not_saved"; ++n) {
    await addCustomer(page, `Over The Limit ${n}`);
    await waitFor(page, (x) => x.save_state !== "saving", "the write to finish or fail");
  }
  const s = await waitFor(page, (x) => x.save_state === "not_saved", "the status bar to say Not saved");
  const st = await storage(page);
  assert.equal(st.quotaExceeded, true, `quota exceeded is recognised: ${st.error}`);
  assert.ok(st.commit > st.durable, "the unsaved edits are not reported saved");
  assert.equal(s.customers, 1 + n, "the edits are kept in memory");
  await waitItem(page, "storage.download");
  await page.screenshot({ path: path.join(artifacts, "storage-quota.png") });

  const [download] = await Promise.all([page.waitForEvent("download"), clickItem(page, "storage.download")]);
  assert.match(download.suggestedFilename(), /^duebook-ledger-\d{4}-\d{2}-\d{2}-\d{2}-\d{2}-\d{2}\.sqlite$/);
  const file = readFileSync(await download.path());
  assert.equal(file.subarray(0, 16).toString("latin1"), "SQLite format 3\0", "the download is the ledger file");

  await cdp.send("Storage.overrideQuotaForOrigin", { origin });
  await addCustomer(page, "After Room Was Made");
  await waitSaved(page);
  await page.reload();
  await waitReady(page);
  assert.equal((await state(page)).customers, n + 2, "every edit made while the quota was full was saved later");
  await ctx.close();
});

test("hiding the page (visibilitychange, pagehide) saves what a failed write left unsaved", async () => {
  const ctx = await open(newProfile());
  const page = ctx.pages()[0];
  await page.goto(url);
  await waitReady(page);
  await addCustomer(page, "Saved Before");
  await waitSaved(page);
  const cdp = await ctx.newCDPSession(page);
  const origin = new URL(url).origin;
  let n = 0;
  for (const how of ["visibilitychange", "pagehide"]) {
    // A write fails (the quota is full); nothing tries it again until something asks. The browser's count of
    // what the origin uses can lag behind its writes, so the quota is set again from it before each edit.
    for (let i = 0; i < 40 && (await state(page)).save_state !== "not_saved"; ++i, ++n) {
      const usage = (await cdp.send("Storage.getUsageAndQuota", { origin })).usage;
      await cdp.send("Storage.overrideQuotaForOrigin", { origin, quotaSize: usage + 1024 });
      await addCustomer(page, `Unsaved ${n}`);
      await waitFor(page, (x) => x.save_state !== "saving", "the write to finish or fail");
    }
    await waitFor(page, (x) => x.save_state === "not_saved", "the status bar to say Not saved");
    await cdp.send("Storage.overrideQuotaForOrigin", { origin });
    await page.waitForTimeout(1500);
    const unsaved = await storage(page);
    assert.ok(unsaved.commit > unsaved.durable, `still unsaved with room again and no edit (${how})`);
    // The page is hidden: what is not saved is written.
    await page.evaluate((how) => {
      if (how === "pagehide") {
        window.dispatchEvent(new PageTransitionEvent("pagehide", { persisted: false }));
      } else {
        Object.defineProperty(document, "visibilityState", { value: "hidden", configurable: true });
        document.dispatchEvent(new Event("visibilitychange"));
        delete document.visibilityState;
      }
    }, how);
    await page.waitForFunction(() => window.duebook.storage().durable === window.duebook.storage().commit, null,
      { timeout: 10000 });
    assert.equal((await storage(page)).durable, unsaved.commit, `the latest commit is durable after ${how}`);
    await waitSaved(page);
  }
  const customers = (await state(page)).customers;
  assert.equal(customers, 1 + n);
  await page.reload();
  await waitReady(page);
  assert.equal((await state(page)).customers, customers, "every edit made while writes failed is stored");
  await ctx.close();
});

// The browser storage benchmark (not a test; run by scripts/bench-web). Puts a large ledger file into a fresh
// headless Chromium profile (through the import of the old IDBFS store), then measures:
//   - opening: the stored ledger read from IndexedDB into memory, and navigation to first frame;
//   - invoice edits through the UI: commit -> durable in IndexedDB (the writer's transaction complete), bytes
//     written per edit, and the main-thread time a commit spends handing its blocks over.
// Usage: node bench-storage.mjs --db LEDGER.sqlite [--edits 20] [--opens 5] [--out report.json]
import { writeFileSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { check, clickItem, openContext, selectAllAndType, startServer, state, storage, storeAsOldLedger, waitFor,
  waitItem, waitReady, waitSaved } from "./helpers.mjs";

const args = Object.fromEntries(process.argv.slice(2).reduce((a, v, i, all) => (i % 2 ? a : [...a, [v.replace(/^--/, ""), all[i + 1]]]), []));
const dbPath = args.db;
const EDITS = Number(args.edits || 20), OPENS = Number(args.opens || 5);
if (!dbPath) { console.error("usage: node bench-storage.mjs --db LEDGER.sqlite [--edits N] [--opens N] [--out FILE]"); process.exit(2); }

const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.ceil(p / 100 * s.length) - 1)]; };
const fmt = (x) => x.toFixed(1);

const { url, process: server } = await startServer();
const profile = mkdtempSync(path.join(tmpdir(), "duebook-bench-web-"));
const ctx = await openContext(profile, url);
const page = ctx.pages()[0];
const report = { db_bytes: statSync(dbPath).size };
try {
  await storeAsOldLedger(page, url, dbPath);
  let t = Date.now();
  await page.goto(url);
  await waitReady(page);
  await waitSaved(page, 300000);
  report.import_ms = Date.now() - t;
  const s0 = await state(page);
  report.customers = s0.customers;
  report.invoices = s0.invoices;
  report.block_size = (await storage(page)).blockSize;
  console.error(`bench-web: imported ${(report.db_bytes / 1e6).toFixed(1)} MB (${s0.invoices} invoices) in ${report.import_ms} ms`);

  // The first open as the writer folds the imported blocks into packs; let it finish.
  await page.reload();
  await waitReady(page);
  await page.waitForFunction(() => window.duebook.storage().compactionJobs === 0, null, { timeout: 300000 });
  const opens = [], firstFrames = [], loads = [];
  for (let i = 0; i < OPENS; ++i) {
    await page.reload();
    const ff = await waitReady(page);
    const st = await storage(page);
    opens.push(st.openMs);
    loads.push(st.loadMs);
    firstFrames.push(ff);
  }
  report.open_ms = { median: pct(opens, 50), max: Math.max(...opens), runs: opens };
  report.open_read_ms = { median: pct(loads, 50), max: Math.max(...loads), runs: loads };
  report.first_frame_ms = { median: pct(firstFrames, 50), max: Math.max(...firstFrames), runs: firstFrames };

  const customer = (await check(page)).customers[0];
  await clickItem(page, "tab.invoices");
  const durable = [], bytes = [], blocks = [], handoff = [];
  for (let i = 0; i < EDITS; ++i) {
    await clickItem(page, "invoice.customer");
    await selectAllAndType(page, customer);
    await clickItem(page, "invoice.date");
    await selectAllAndType(page, "2026-05-15");
    await clickItem(page, "invoice.line.0.description");
    await selectAllAndType(page, `Bench line ${i}`);
    await clickItem(page, "invoice.line.0.quantity");
    await selectAllAndType(page, "2");
    await clickItem(page, "invoice.line.0.price");
    await selectAllAndType(page, "99.95");
    const before = (await state(page)).invoices;
    await clickItem(page, "invoice.issue");
    await waitFor(page, (x) => x.invoices === before + 1, "the invoice to be issued", 30000);
    await waitSaved(page, 30000);
    const st = await storage(page);
    durable.push(st.lastWrite.sinceCommitMs);
    bytes.push(st.lastWrite.bytes);
    blocks.push(st.lastWrite.blocks);
    handoff.push(st.lastHandoffMs);
  }
  report.edit_durable_ms = { p50: pct(durable, 50), p95: pct(durable, 95), max: Math.max(...durable), runs: durable };
  report.edit_bytes = { median: pct(bytes, 50), max: Math.max(...bytes), runs: bytes };
  report.edit_blocks = { median: pct(blocks, 50), max: Math.max(...blocks) };
  report.edit_handoff_ms = { p50: pct(handoff, 50), max: Math.max(...handoff) };

  const mb = (report.db_bytes / 1e6).toFixed(1);
  console.log(`Browser storage, ${mb} MB ledger (${report.invoices} invoices, ${report.customers} customers), ` +
    `${report.block_size}-byte pages and blocks`);
  console.log("| measure | value | target |\n|---|---:|---:|");
  console.log(`| open: stored ledger read into memory, median (max) of ${OPENS} | ${fmt(report.open_ms.median)} ms (${fmt(report.open_ms.max)}) | ≤ 2000 ms |`);
  console.log(`| of which the IndexedDB read (getAllKeys + getAll), median (max) | ${fmt(report.open_read_ms.median)} ms (${fmt(report.open_read_ms.max)}) | |`);
  console.log(`| open: navigation to first frame, median (max) | ${fmt(report.first_frame_ms.median)} ms (${fmt(report.first_frame_ms.max)}) | |`);
  console.log(`| invoice edit: commit → durable, p50 / p95 / max of ${EDITS} | ${fmt(report.edit_durable_ms.p50)} / ${fmt(report.edit_durable_ms.p95)} / ${fmt(report.edit_durable_ms.max)} ms | p95 ≤ 50 ms |`);
  console.log(`| invoice edit: bytes written, median (max) | ${report.edit_bytes.median} (${report.edit_bytes.max}) B, ${report.edit_blocks.median} blocks | ≤ 65536 B |`);
  console.log(`| invoice edit: main-thread hand-over per commit, p50 (max) | ${report.edit_handoff_ms.p50.toFixed(2)} ms (${report.edit_handoff_ms.max.toFixed(2)}) | |`);
  console.log(`| first import of the file (whole file written once) | ${report.import_ms} ms | |`);
  if (args.out) writeFileSync(args.out, JSON.stringify(report, null, 2));
} finally {
  await ctx.close();
  server.kill();
  rmSync(profile, { recursive: true, force: true });
}

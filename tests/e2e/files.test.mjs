// Files in and out of the browser: "Import CSV…" through the file picker and by a file dropped on the page, a
// 10,000-row import a slice per frame with its progress bar (the longest frame measured), a refused file's
// problems by file, row and field with nothing stored, and exports that download as real files, the invoice
// CSV imported again into a fresh browser profile.
import { test, before, after } from "node:test";
import { execFileSync } from "node:child_process";
import assert from "node:assert/strict";
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { artifacts, clickItem, openContext, startServer, state, stopServer, waitFor, waitItem, waitReady,
  waitSaved, dropFile, startFrameGaps, stopFrameGaps } from "./helpers.mjs";

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "fixtures");
let server, url;
const temporary = [];
function tempDir(prefix) {
  const d = mkdtempSync(path.join(tmpdir(), prefix));
  temporary.push(d);
  return d;
}

before(async () => { ({ url, process: server } = await startServer()); });
after(async () => {
  if (server) await stopServer(server);
  for (const d of temporary) try { rmSync(d, { recursive: true, force: true }); } catch { /* a browser still closing */ }
});

async function openFresh(prefix) {
  const ctx = await openContext(tempDir(prefix), url, { acceptDownloads: true });
  const page = ctx.pages()[0];
  await page.goto(url);
  await waitReady(page);
  return { ctx, page };
}

// File > item, by the names the workbench marks.
async function menu(page, item) {
  for (let attempt = 0; ; ++attempt) {
    await page.mouse.move(640, 500);
    await page.waitForTimeout(100);
    await clickItem(page, "menu.file");
    try {
      await waitItem(page, item, 1500);
      break;
    } catch (e) {
      if (attempt === 2) throw e;
      await page.keyboard.press("Escape");  // a menu left open: close it and open again
    }
  }
  await clickItem(page, item);
}

// Picks `file` in the browser's file chooser, opened by "Choose a CSV file…" in the import window.
async function pickFile(page, file) {
  await menu(page, "menu.import");
  const [chooser] = await Promise.all([page.waitForEvent("filechooser", { timeout: 10000 }),
    clickItem(page, "import.choose")]);
  await chooser.setFiles(file);
}

const waitImported = (page, what, predicate, timeout = 60000) =>
  waitFor(page, (s) => !s.import.running && predicate(s), what, timeout);

// Rows of a QuickBooks-style invoice export: `count` invoices of one line, for customers C1…C50.
function invoiceRows(count) {
  const rows = ["InvoiceNo,Customer,InvoiceDate,DueDate,Terms,Memo,ItemDescription,ItemQuantity,ItemRate,ItemAmount,Currency"];
  for (let i = 1; i <= count; ++i) {
    const amount = ((i % 997) + 1) * 100 + 25;
    rows.push(`B${i},Bulk Customer ${i % 50},2026-0${1 + (i % 9)}-1${i % 10},,Net 30,,Service ${i},1,` +
      `${(amount / 100).toFixed(2)},${(amount / 100).toFixed(2)},EUR`);
  }
  return rows.join("\n") + "\n";
}

test("Import CSV… takes invoices from the file picker and payments dropped on the page", async () => {
  const { ctx, page } = await openFresh("duebook-files-");
  await pickFile(page, path.join(fixtures, "invoices_good.csv"));
  let s = await waitImported(page, "the picked invoices", (x) => x.invoices === 5);
  assert.equal(s.import.done, "Import invoices from invoices_good.csv");
  assert.equal(s.customers, 3);
  await waitItem(page, "import.done");
  await dropFile(page, "payments_good.csv", readFileSync(path.join(fixtures, "payments_good.csv"), "utf8"));
  s = await waitImported(page, "the dropped payments", (x) => x.import.done.includes("payments_good.csv"));
  assert.equal(s.import.done, "Import payments from payments_good.csv");
  assert.equal(s.import.problems.length, 0);
  await waitSaved(page);
  // Stored: the reload finds both imports.
  await page.reload();
  await waitReady(page);
  s = await state(page);
  assert.equal(s.invoices, 5);
  assert.ok(s.events >= 4, "the imports' events are in the log");
  await ctx.close();
});

test("a refused file shows its problems by file, row and field, and nothing is stored", async () => {
  const { ctx, page } = await openFresh("duebook-files-bad-");
  await dropFile(page, "invoices_good.csv", readFileSync(path.join(fixtures, "invoices_good.csv"), "utf8"));
  await waitImported(page, "the good file", (x) => x.invoices === 5);
  await waitSaved(page);
  const before = await state(page);
  await dropFile(page, "invoices_bad.csv", readFileSync(path.join(fixtures, "invoices_bad.csv"), "utf8"));
  const s = await waitImported(page, "the bad file to be refused", (x) => x.import.problems.length > 0);
  const where = s.import.problems.map((p) => p.where);
  for (const w of ["invoices_bad.csv:3:ItemAmount", "invoices_bad.csv:4:InvoiceDate", "invoices_bad.csv:5:ItemQuantity",
    "invoices_bad.csv:6:Customer", "invoices_bad.csv:7:Terms"])
    assert.ok(where.includes(w), `${w} is reported (got ${where.join(", ")})`);
  assert.equal(s.invoices, before.invoices, "no invoice of the refused file is stored");
  assert.equal(s.customers, before.customers, "not even the good row's new customer");
  assert.equal(s.events, before.events, "nothing is added to the log");
  const table = await waitItem(page, "import.problems");
  assert.ok(table[3] > 60, "the problems table is drawn");
  await waitItem(page, "import.refused");
  await page.waitForTimeout(200);
  await page.screenshot({ path: path.join(artifacts, "import-errors.png") });
  // Not a CSV the workbench knows: said so, nothing started.
  await dropFile(page, "notes.csv", "Name,Note\nx,y\n");
  await waitFor(page, (x) => x.import.error.includes("notes.csv:1"), "the unknown file to be named");
  await page.reload();
  await waitReady(page);
  const after = await state(page);
  assert.equal(after.invoices, before.invoices);
  assert.equal(after.events, before.events);
  await ctx.close();
});

test("10,000 invoice rows import a slice per frame: a progress bar, short frames, then the export downloads " +
  "and imports again into a fresh profile", async () => {
  const { ctx, page } = await openFresh("duebook-files-big-");
  const text = invoiceRows(10000);
  await startFrameGaps(page);
  const started = Date.now();
  await dropFile(page, "bulk-10000.csv", text);
  const seen = new Set();
  let shot = false;
  for (;;) {
    const s = await state(page);
    if (s.import.running) {
      seen.add(Math.round(s.import.progress * 10));
      if (!shot && s.import.progress > 0.3) {
        shot = true;
        await page.screenshot({ path: path.join(artifacts, "import-progress.png") });
      }
    } else if (s.invoices === 10000) {
      break;
    }
    assert.ok(Date.now() - started < 180000, "the import ends");
    assert.equal(s.import.problems.length, 0, JSON.stringify(s.import.problems.slice(0, 3)));
    await page.waitForTimeout(30);
  }
  const seconds = (Date.now() - started) / 1000;
  const gaps = await stopFrameGaps(page);
  gaps.sort((a, b) => a - b);
  const longest = gaps[gaps.length - 1], p95 = gaps[Math.floor(gaps.length * 0.95)];
  console.log(`10,000-row import: ${seconds.toFixed(1)} s, ${gaps.length} frames, longest ${longest.toFixed(0)} ms, ` +
    `p95 ${p95.toFixed(0)} ms, progress tenths seen ${[...seen].sort((a, b) => a - b).join(",")}`);
  assert.ok(seen.size >= 3, "the progress bar moved through the import");
  assert.ok(shot, "the progress bar was on screen past 30%");
  assert.ok(gaps.length > 20, "the tab kept drawing while importing");
  await waitSaved(page, 30000);

  // The invoice list downloads as a CSV named by the date.
  const [download] = await Promise.all([page.waitForEvent("download", { timeout: 20000 }),
    menu(page, "menu.export_invoices")]);
  const today = new Date().toISOString().slice(0, 10);
  assert.equal(download.suggestedFilename(), `duebook-invoices-${today}.csv`);
  const exported = path.join(tempDir("duebook-export-"), download.suggestedFilename());
  copyFileSync(await download.path(), exported);
  const lines = readFileSync(exported, "utf8").trim().split("\r\n");
  assert.equal(lines.length, 10001, "a header and one row per invoice line");
  assert.ok(lines[0].startsWith("InvoiceNo,Customer,Currency,InvoiceDate,DueDate"));
  // The same lines in Xero's columns, and the receivables as a beancount journal that bean-check reads.
  const [xero] = await Promise.all([page.waitForEvent("download", { timeout: 20000 }),
    menu(page, "menu.export_invoices_xero")]);
  assert.equal(xero.suggestedFilename(), `duebook-invoices-xero-${today}.csv`);
  const xeroLines = readFileSync(await xero.path(), "utf8").trim().split("\r\n");
  assert.equal(xeroLines.length, 10001, "a header and one row per invoice line");
  assert.ok(xeroLines[0].startsWith("*ContactName,*InvoiceNumber,*InvoiceDate,*DueDate,Description"));
  const [journal] = await Promise.all([page.waitForEvent("download", { timeout: 30000 }),
    (async () => { await menu(page, "menu.export_journal"); await waitItem(page, "menu.export_beancount", 3000);
      await clickItem(page, "menu.export_beancount"); })()]);
  assert.equal(journal.suggestedFilename(), `duebook-receivables-${today}.beancount`);
  const journalFile = path.join(tempDir("duebook-export-"), journal.suggestedFilename());
  copyFileSync(await journal.path(), journalFile);
  execFileSync("bean-check", [journalFile]);  // throws, with its messages, on any error
  // The whole ledger downloads too.
  const [ledger] = await Promise.all([page.waitForEvent("download", { timeout: 20000 }),
    menu(page, "menu.export_ledger")]);
  assert.match(ledger.suggestedFilename(), /^duebook-ledger-\d{4}-\d\d-\d\d\.sqlite$/);
  const ledgerFile = path.join(tempDir("duebook-export-"), "ledger.sqlite");
  copyFileSync(await ledger.path(), ledgerFile);
  assert.equal(readFileSync(ledgerFile).subarray(0, 16).toString("latin1"), "SQLite format 3\0");
  const source = await state(page);
  await ctx.close();

  // A fresh profile: the downloaded CSV through the picker gives the same invoices.
  const fresh = await openFresh("duebook-files-fresh-");
  assert.equal((await state(fresh.page)).invoices, 0);
  await pickFile(fresh.page, exported);
  const s = await waitImported(fresh.page, "the exported file in a fresh profile", (x) => x.invoices === 10000, 180000);
  assert.equal(s.customers, source.customers);
  assert.equal(s.import.problems.length, 0);
  await waitSaved(fresh.page, 30000);
  await fresh.page.reload();
  await waitReady(fresh.page);
  assert.equal((await state(fresh.page)).invoices, 10000);
  await fresh.ctx.close();
});

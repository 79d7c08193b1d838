// The browser benchmark (not a test; run by scripts/bench-browser). In Debian's headless Chromium, a fresh profile
// per cold run:
//   - cold start: navigation -> first interactive frame (the "duebook:first-frame" mark), with the breakdown from
//     the start-up marks (web/marks.js), alternating run by run with Actual Budget's web client (navigation -> its
//     first screen), both served from 127.0.0.1 with what they transfer;
//   - the size of html + js + wasm + worker on disk: raw, gzip and brotli (the build's precompressed copies);
//   - warm start: a stored ledger (10k and 100k invoices) -> the first frame showing its data;
//   - in-page timings on each stored ledger: the core's queries (aging, an invoice-list page, a statement, the
//     forecast) timed in the page as duebook-bench times them natively (--native-json: its output on the same
//     ledger, for the ratio);
//   - a CSV import through the workbench in a fresh profile (--import-csv), with the frame gaps while it runs;
//   - edit -> durable: the storage benchmark's figures (scripts/bench-web, build/web/bench-web.json), as stated.
// Usage: node bench-browser.mjs [--runs 7] [--actual DIR] [--ledgers a.sqlite,b.sqlite] [--warm 5]
//        [--query-runs 5] [--native-json FILE] [--import-csv FILE] [--storage-json FILE] [--out FILE]
import { createReadStream, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { dropFile, openContext, startFrameGaps, startServer, state, stopFrameGaps, stopServer, storeAsOldLedger, waitSaved,
  webDir } from "./helpers.mjs";

const args = Object.fromEntries(process.argv.slice(2).reduce((a, v, i, all) => (i % 2 ? a : [...a, [v.replace(/^--/, ""), all[i + 1]]]), []));
const RUNS = Number(args.runs || 7), WARM = Number(args.warm || 5), QUERY_RUNS = Number(args["query-runs"] || 5);
const AS_OF = "2026-06-30";  // the day duebook-gen's ledgers end on, and duebook-bench's default as-of
const QUERIES = ["load_snapshot", "aging", "aging_5_years_back", "aging_with_drilldown", "invoice_page",
  "statement_largest_customer", "forecast_13_weeks"];
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2; };
const ms = (x) => (x === undefined || x === null ? "–" : Math.round(x).toLocaleString("en"));
const kb = (x) => (x / 1000).toFixed(1);
const MARKS = ["script-loaded", "wasm-compiled", "wasm-instantiated", "storage-open", "storage-read", "storage-ready",
  "fonts-ready", "ledger-opened", "first-frame", "first-data-frame"];

// Actual's build served as its own _headers file asks (COOP/COEP, so SharedArrayBuffer works), every route that
// is not a file answered with index.html, text compressed with brotli once (kept in memory) as a host would.
function serveActual(dir) {
  const types = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".css": "text/css",
    ".wasm": "application/wasm", ".json": "application/json", ".webmanifest": "application/manifest+json",
    ".svg": "image/svg+xml", ".png": "image/png", ".ico": "image/x-icon", ".woff2": "font/woff2" };
  const compressed = new Map();
  const server = http.createServer((req, res) => {
    let file = path.join(dir, decodeURIComponent(new URL(req.url, "http://x").pathname));
    if (!file.startsWith(dir) || !existsSync(file) || statSync(file).isDirectory()) file = path.join(dir, "index.html");
    const ext = path.extname(file), type = types[ext] || "application/octet-stream";
    const headers = { "Content-Type": type, "Cross-Origin-Opener-Policy": "same-origin",
      "Cross-Origin-Embedder-Policy": "require-corp", "Cache-Control": "no-store", "Vary": "Accept-Encoding" };
    if (/\.(html|js|css|wasm|json|svg|webmanifest)$/.test(file) && /\bbr\b/.test(req.headers["accept-encoding"] || "")) {
      if (!compressed.has(file)) compressed.set(file, zlib.brotliCompressSync(readFileSync(file),
        { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 9 } }));
      const body = compressed.get(file);
      res.writeHead(200, { ...headers, "Content-Encoding": "br", "Content-Length": body.length });
      res.end(body);
      return;
    }
    res.writeHead(200, { ...headers, "Content-Length": statSync(file).size });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () =>
    resolve({ url: `http://127.0.0.1:${server.address().port}/`, server })));
}

// Bytes the page transferred (headers included) and their decoded size, from Resource Timing.
const transferred = (page) => page.evaluate(() => {
  const all = [...performance.getEntriesByType("navigation"), ...performance.getEntriesByType("resource")];
  return { transfer: all.reduce((a, e) => a + (e.transferSize || 0), 0),
    decoded: all.reduce((a, e) => a + (e.decodedBodySize || 0), 0), files: all.length };
});

async function freshPage(url, name) {
  const profile = mkdtempSync(path.join(tmpdir(), `duebook-bench-${name}-`));
  const context = await openContext(profile, url);
  const page = context.pages()[0] || await context.newPage();
  return { page, async close() { await context.close(); rmSync(profile, { recursive: true, force: true }); } };
}

// The page's "duebook:" marks once `last` is set: {name: ms from navigation}.
async function marks(page, last, timeout = 120000) {
  await page.waitForFunction((n) => performance.getEntriesByName("duebook:" + n, "mark").length > 0, last,
    { timeout, polling: 20 });
  return page.evaluate(() => Object.fromEntries(performance.getEntriesByType("mark")
    .filter((m) => m.name.startsWith("duebook:")).map((m) => [m.name.slice(8), m.startTime])));
}

async function duebookCold(url) {
  const s = await freshPage(url, "duebook");
  try {
    await s.page.goto(url);
    const m = await marks(s.page, "first-data-frame");
    await s.page.waitForTimeout(300);  // the storage worker's script arrives after the first frame
    return { marks: m, ...(await transferred(s.page)) };
  } finally {
    await s.close();
  }
}

// Actual's first screen in a new profile with no server: its welcome screen ("Welcome to Actual").
const ACTUAL_READY = /Welcome to Actual/;
async function actualCold(url) {
  const s = await freshPage(url, "actual");
  try {
    await s.page.goto(url);
    const h = await s.page.waitForFunction((re) => new RegExp(re, "i").test(document.body ? document.body.innerText : "")
      ? performance.now() : false, ACTUAL_READY.source, { timeout: 120000, polling: 20 });
    const at = await h.jsonValue();
    await s.page.waitForTimeout(300);
    const text = await s.page.evaluate(() => document.body.innerText.slice(0, 80).replace(/\s+/g, " "));
    return { ready: at, text, ...(await transferred(s.page)) };
  } finally {
    await s.close();
  }
}

// Stores `dbPath` in a new profile the way bench-storage.mjs does (through the import of the old IDBFS store),
// lets the first open fold its blocks into packs, then reloads it `WARM` times: navigation -> first frame, first
// frame showing the data, and the store's read.
async function warmStart(url, dbPath) {
  const s = await freshPage(url, "warm");
  try {
    const page = s.page;
    await storeAsOldLedger(page, url, dbPath);
    await page.goto(url);
    await marks(page, "first-frame", 300000);
    await waitSaved(page, 300000);
    await page.reload();
    await marks(page, "first-frame", 300000);
    await page.waitForFunction(() => window.duebook.storage().compactionJobs === 0, null, { timeout: 300000 });
    const runs = [];
    for (let i = 0; i < WARM; ++i) {
      await page.reload();
      runs.push(await marks(page, "first-data-frame", 300000));
    }
    const st = await state(page);
    // The core's queries timed in the page on this ledger (bench/query_timings.h, the same calls as
    // duebook-bench), as of the generated ledgers' day.
    const queries = await page.evaluate(([n, day]) => window.duebook.timeQueries(n, day), [QUERY_RUNS, AS_OF]);
    if (queries.error) throw new Error(`in-page timings: ${queries.error}`);
    return { invoices: st.invoices, customers: st.customers, db_bytes: statSync(dbPath).size, runs, queries,
      first_frame_ms: median(runs.map((m) => m["first-frame"])),
      first_data_frame_ms: median(runs.map((m) => m["first-data-frame"])),
      storage_ready_ms: median(runs.map((m) => m["storage-ready"])) };
  } finally {
    await s.close();
  }
}

function sizes() {
  const names = ["index.html", "duebook.js", "duebook.wasm", "storage_worker.js"];
  const out = { files: {}, raw: 0, gzip: 0, brotli: 0 };
  for (const n of names) {
    const f = path.join(webDir, n);
    const size = (suffix) => (existsSync(f + suffix) ? statSync(f + suffix).size : null);
    out.files[n] = { raw: size(""), gzip: size(".gz"), brotli: size(".br") };
    out.raw += out.files[n].raw;
    out.gzip += out.files[n].gzip || 0;
    out.brotli += out.files[n].brotli || 0;
  }
  return out;
}

// A CSV of invoices dropped on a fresh profile's page, through the workbench's import (a slice per frame, with
// its progress bar): drop -> every invoice stored, and the gaps between animation frames meanwhile.
async function importInPage(url, csvPath) {
  const s = await freshPage(url, "import");
  try {
    const page = s.page;
    await page.goto(url);
    await marks(page, "first-frame");
    const text = readFileSync(csvPath, "utf8");
    await startFrameGaps(page);
    const started = await page.evaluate(() => performance.now());
    await dropFile(page, path.basename(csvPath), text);
    const h = await page.waitForFunction(() => {
      const st = window.duebook.state();
      if (st.import.problems.length) return { error: JSON.stringify(st.import.problems.slice(0, 3)) };
      return !st.import.running && st.import.done ? { at: performance.now(), invoices: st.invoices } : false;
    }, null, { timeout: 600000, polling: 50 });
    const done = await h.jsonValue();
    if (done.error) throw new Error(`the import was refused: ${done.error}`);
    const gaps = await stopFrameGaps(page);
    const sorted = [...gaps].sort((a, b) => a - b);
    return { file: path.basename(csvPath), invoices: done.invoices, ms: done.at - started, frames: gaps.length,
      longest_gap_ms: sorted[sorted.length - 1], p95_gap_ms: sorted[Math.floor(sorted.length * 0.95)] };
  } finally {
    await s.close();
  }
}

const report = { runs: RUNS, chromium: "/usr/bin/chromium headless, SwiftShader", sizes: sizes() };
const { url, process: server } = await startServer();
let actual = null;
try {
  if (args.actual) actual = await serveActual(path.resolve(args.actual));
  const due = [], act = [];
  for (let i = 0; i < RUNS; ++i) {
    due.push(await duebookCold(url));
    if (actual) act.push(await actualCold(actual.url));
    console.error(`bench-browser: cold run ${i + 1}/${RUNS}: Duebook ${ms(due[i].marks["first-frame"])} ms` +
      (actual ? `, Actual ${ms(act[i].ready)} ms ("${act[i].text}")` : ""));
  }
  report.cold = {
    first_frame_ms: median(due.map((r) => r.marks["first-frame"])),
    range_ms: [Math.min(...due.map((r) => r.marks["first-frame"])), Math.max(...due.map((r) => r.marks["first-frame"]))],
    marks_median_ms: Object.fromEntries(MARKS.map((k) => [k, median(due.map((r) => r.marks[k]))])),
    transfer_bytes: median(due.map((r) => r.transfer)), decoded_bytes: median(due.map((r) => r.decoded)),
    runs: due.map((r) => r.marks),
  };
  if (actual) {
    report.actual = {
      version: JSON.parse(readFileSync(path.join(path.resolve(args.actual), "..", "package.json"), "utf8")).version,
      ready_ms: median(act.map((r) => r.ready)),
      range_ms: [Math.min(...act.map((r) => r.ready)), Math.max(...act.map((r) => r.ready))],
      screen: act[0].text, transfer_bytes: median(act.map((r) => r.transfer)),
      decoded_bytes: median(act.map((r) => r.decoded)), runs: act.map((r) => r.ready),
    };
    report.ratio = report.actual.ready_ms / report.cold.first_frame_ms;
  }
  report.warm = [];
  for (const db of (args.ledgers || "").split(",").filter(Boolean)) {
    console.error(`bench-browser: warm start with ${db}`);
    report.warm.push({ ledger: path.basename(db), ...(await warmStart(url, db)) });
  }
  if (args["import-csv"]) {
    console.error(`bench-browser: importing ${args["import-csv"]} in the page`);
    report.import = await importInPage(url, args["import-csv"]);
  }
  if (args["native-json"] && existsSync(args["native-json"])) report.native = JSON.parse(readFileSync(args["native-json"], "utf8"));
  if (args["storage-json"] && existsSync(args["storage-json"])) {
    const j = JSON.parse(readFileSync(args["storage-json"], "utf8"));
    report.edit_durable = { source: args["storage-json"], measured: statSync(args["storage-json"]).mtime.toISOString(),
      invoices: j.invoices, p50_ms: j.edit_durable_ms.p50, p95_ms: j.edit_durable_ms.p95,
      bytes_median: j.edit_bytes.median, bytes_max: j.edit_bytes.max };
  }
} finally {
  await stopServer(server);
  if (actual) actual.server.close();
}

const c = report.cold, z = report.sizes;
console.log(`Browser benchmark: ${RUNS} cold runs each, fresh profiles${actual ? ", alternating with Actual" : ""}`);
console.log("| measure | value |\n|---|---:|");
console.log(`| cold start: navigation → first interactive frame, median (min–max) | ${ms(c.first_frame_ms)} ms (${ms(c.range_ms[0])}–${ms(c.range_ms[1])}) |`);
for (const k of MARKS) console.log(`| … mark ${k}, median | ${ms(c.marks_median_ms[k])} ms |`);
console.log(`| cold start: transferred (decoded) | ${kb(c.transfer_bytes)} KB (${kb(c.decoded_bytes)} KB) |`);
if (report.actual) {
  const a = report.actual;
  console.log(`| Actual ${a.version}: navigation → first screen, median (min–max) | ${ms(a.ready_ms)} ms (${ms(a.range_ms[0])}–${ms(a.range_ms[1])}) |`);
  console.log(`| Actual: transferred (decoded) | ${kb(a.transfer_bytes)} KB (${kb(a.decoded_bytes)} KB) |`);
  console.log(`| Actual / Duebook | ${report.ratio.toFixed(2)}× |`);
}
console.log(`| html + js + wasm + worker: raw / gzip / brotli | ${kb(z.raw)} / ${kb(z.gzip)} / ${kb(z.brotli)} KB |`);
for (const w of report.warm) {
  console.log(`| warm start, ${w.invoices} invoices (${(w.db_bytes / 1e6).toFixed(1)} MB): first frame / first frame with data / store read, median of ${WARM} | ${ms(w.first_frame_ms)} / ${ms(w.first_data_frame_ms)} / ${ms(w.storage_ready_ms)} ms |`);
}
for (const w of report.warm) {
  const native = report.native && report.native.invoices === w.invoices ? report.native : null;
  for (const q of QUERIES) {
    const inPage = w.queries[q].median_ms, here = native && native[q] ? native[q].median_ms : null;
    console.log(`| in page, ${w.invoices} invoices: ${q}, median of ${QUERY_RUNS}${here !== null ? " (native; ratio)" : ""} | ` +
      `${inPage.toFixed(2)} ms${here !== null ? ` (${here.toFixed(2)} ms; ${(inPage / here).toFixed(2)}×)` : ""} |`);
  }
}
if (report.import) {
  const i = report.import;
  console.log(`| CSV import in the page, ${i.invoices} invoices (${i.file}): drop → stored; frames, longest gap (p95) | ` +
    `${ms(i.ms)} ms; ${i.frames} frames, ${ms(i.longest_gap_ms)} ms (${ms(i.p95_gap_ms)} ms) |`);
}
if (report.edit_durable) {
  const e = report.edit_durable;
  console.log(`| edit → durable (scripts/bench-web, ${e.invoices} invoices, measured ${e.measured.slice(0, 16)}): p50 / p95; bytes median (max) | ${e.p50_ms.toFixed(1)} / ${e.p95_ms.toFixed(1)} ms; ${e.bytes_median} (${e.bytes_max}) B |`);
}
if (args.out) writeFileSync(args.out, JSON.stringify(report, null, 2));

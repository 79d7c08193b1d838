// The browser benchmark (not a test; run by scripts/bench-browser). In Debian's headless Chromium, a fresh profile
// per cold run:
//   - cold start: navigation -> first interactive frame (the "duebook:first-frame" mark), with the breakdown from
//     the start-up marks (web/marks.js), alternating run by run with Actual Budget's web client (navigation -> its
//     first screen), both served from 127.0.0.1 with what they transfer;
//   - the size of html + js + wasm + worker on disk: raw, gzip and brotli (the build's precompressed copies);
//   - warm start: a stored ledger (10k and 100k invoices) -> the first frame showing its data;
//   - edit -> durable: the storage benchmark's figures (scripts/bench-web, build/web/bench-web.json), as stated.
// Usage: node bench-browser.mjs [--runs 7] [--actual DIR] [--ledgers a.sqlite,b.sqlite] [--warm 5]
//        [--storage-json FILE] [--out FILE]
import { createReadStream, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { openContext, startServer, state, stopServer, waitSaved, webDir } from "./helpers.mjs";

const args = Object.fromEntries(process.argv.slice(2).reduce((a, v, i, all) => (i % 2 ? a : [...a, [v.replace(/^--/, ""), all[i + 1]]]), []));
const RUNS = Number(args.runs || 7), WARM = Number(args.warm || 5);
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
  const files = http.createServer((req, res) => {
    res.writeHead(200, { "Content-Type": "application/octet-stream", "Access-Control-Allow-Origin": "*" });
    createReadStream(dbPath).pipe(res);
  });
  await new Promise((r) => files.listen(0, "127.0.0.1", r));
  try {
    const page = s.page;
    await page.goto(url + "not-the-app");
    await page.evaluate(async (fileUrl) => {
      const done = (r) => new Promise((resolve, reject) => { r.onsuccess = () => resolve(r.result); r.onerror = () => reject(r.error); });
      const file = new Uint8Array(await (await fetch(fileUrl)).arrayBuffer());
      const open = indexedDB.open("/data", 21);
      open.onupgradeneeded = () => open.result.createObjectStore("FILE_DATA").createIndex("timestamp", "timestamp");
      const db = await done(open);
      const tx = db.transaction("FILE_DATA", "readwrite");
      tx.objectStore("FILE_DATA").put({ timestamp: new Date(), mode: 33188, contents: file }, "/data/duebook.sqlite");
      await new Promise((resolve) => { tx.oncomplete = resolve; });
      db.close();
    }, `http://127.0.0.1:${files.address().port}/ledger.sqlite`);
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
    return { invoices: st.invoices, customers: st.customers, db_bytes: statSync(dbPath).size, runs,
      first_frame_ms: median(runs.map((m) => m["first-frame"])),
      first_data_frame_ms: median(runs.map((m) => m["first-data-frame"])),
      storage_ready_ms: median(runs.map((m) => m["storage-ready"])) };
  } finally {
    files.close();
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
if (report.edit_durable) {
  const e = report.edit_durable;
  console.log(`| edit → durable (scripts/bench-web, ${e.invoices} invoices, measured ${e.measured.slice(0, 16)}): p50 / p95; bytes median (max) | ${e.p50_ms.toFixed(1)} / ${e.p95_ms.toFixed(1)} ms; ${e.bytes_median} (${e.bytes_max}) B |`);
}
if (args.out) writeFileSync(args.out, JSON.stringify(report, null, 2));

// Start-up: the performance marks the app sets while it loads (web/marks.js lists them), in the order the
// start-up passes them, on a new ledger and on a reload of a ledger with data (whose figures arrive a frame
// after the first); and the program sent brotli-encoded by serve.py from the build's precompressed copies.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import zlib from "node:zlib";
import { clickItem, freshSession, state, waitFor, waitItem, webDir } from "./helpers.mjs";

let session, page;
let wasmHeaders;  // the headers of the first load's duebook.wasm, as Chromium received them

before(async () => {
  session = await freshSession("startup", { goto: false });
  ({ page } = session);
  page.on("response", async (r) => {
    if (r.url().endsWith("/duebook.wasm") && !wasmHeaders) wasmHeaders = await r.allHeaders();
  });
  await page.goto(session.url);
});

after(async () => {
  if (session) await session.close();
});

// The start-up's paths, each in order: the program (compiled while the script arrives), and the stored ledger
// read beside it, meet when the ledger is put in memory; then the fonts, the ledger opened and the frames.
const PATHS = [["wasm-compiled", "wasm-instantiated", "storage-ready"], ["script-loaded", "wasm-instantiated"],
  ["script-loaded", "storage-open", "storage-read", "storage-ready"],
  ["storage-ready", "fonts-ready", "ledger-opened", "first-frame", "first-data-frame"]];

// The page's "duebook:" marks once the first frame with data is drawn, as {name: ms from navigation}; each mark
// set exactly once.
async function marks(p) {
  await p.waitForFunction(() => performance.getEntriesByName("duebook:first-data-frame", "mark").length > 0, null,
    { timeout: 60000 });
  const list = await p.evaluate(() => performance.getEntriesByType("mark")
    .filter((m) => m.name.startsWith("duebook:")).map((m) => [m.name.slice(8), m.startTime]));
  const out = {};
  for (const [name, at] of list) {
    assert.equal(out[name], undefined, `mark ${name} is set once`);
    out[name] = at;
  }
  return out;
}

function assertOrder(m) {
  for (const name of new Set(PATHS.flat())) assert.equal(typeof m[name], "number", `mark ${name} is set`);
  for (const order of PATHS) {
    for (let i = 1; i < order.length; ++i) {
      const [a, b] = [order[i - 1], order[i]];
      assert.ok(m[a] <= m[b], `${a} (${m[a]}) before ${b} (${m[b]})`);
    }
  }
}

test("a new ledger: every start-up mark, in order, the first frame the one the tests wait for", async () => {
  const m = await marks(page);
  assertOrder(m);
  const firstFrameMs = await page.evaluate(() => window.duebook.firstFrameMs());
  assert.ok(Math.abs(m["first-frame"] - firstFrameMs) < 5, "the first-frame mark is the first frame drawn");
  assert.equal((await state(page)).welcome, true, "the welcome screen is the new ledger's content");
  console.log("marks (ms from navigation):", JSON.stringify(Object.fromEntries(
    Object.entries(m).map(([k, v]) => [k, Math.round(v)]))));
});

test("a ledger with data: the first frame with data is the one with the Dashboard's figures", async () => {
  await waitItem(page, "welcome.demo");
  await clickItem(page, "welcome.demo");
  await waitFor(page, (s) => s.demo === true && s.save_state === "saved", "the demo to be made and saved", 60000);
  await page.reload();
  const m = await marks(page);
  assertOrder(m);
  assert.ok(m["first-data-frame"] > m["first-frame"], "the figures are computed after the first frame");
  const s = await state(page);
  assert.ok(s.dashboard.currencies && s.dashboard.currencies.length > 0, "the Dashboard shows its figures");
});

test("the program arrives brotli-encoded; gzip and plain copies for browsers that ask for them", async () => {
  const wasm = readFileSync(path.join(webDir, "duebook.wasm"));
  // What the page received on its first load (the service worker came later).
  assert.ok(wasmHeaders, "the first load fetched duebook.wasm");
  assert.equal(wasmHeaders["content-encoding"], "br");
  assert.equal(wasmHeaders["content-type"], "application/wasm");
  assert.match(wasmHeaders["vary"], /Accept-Encoding/);
  // Asked directly: brotli, gzip or nothing, as Accept-Encoding allows; each decodes to the same file.
  const get = (encoding) => new Promise((resolve, reject) => http.get(session.url + "duebook.wasm",
    { headers: { "Accept-Encoding": encoding } }, (res) => {
      const chunks = [];
      res.on("data", (c) => chunks.push(c));
      res.on("end", () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
    }).on("error", reject));
  const br = await get("gzip, deflate, br"), gz = await get("gzip"), plain = await get("br;q=0, identity");
  assert.equal(br.headers["content-encoding"], "br");
  assert.ok(zlib.brotliDecompressSync(br.body).equals(wasm), "the brotli copy is the program");
  assert.ok(br.body.length < wasm.length * 0.5, `brotli shrank ${wasm.length} bytes to ${br.body.length}`);
  assert.equal(gz.headers["content-encoding"], "gzip");
  assert.ok(zlib.gunzipSync(gz.body).equals(wasm), "the gzip copy is the program");
  assert.equal(plain.headers["content-encoding"], undefined);
  assert.ok(plain.body.equals(wasm));
  assert.equal(plain.headers["vary"], "Accept-Encoding");
  console.log(`duebook.wasm: ${wasm.length} bytes, gzip ${gz.body.length}, brotli ${br.body.length}`);
});

// What the browser end-to-end tests share: serve.py on a free port, Debian's Chromium (driven by playwright-core,
// or started by hand when a test must kill it), and the real UI driven by mouse and keyboard.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { createReadStream, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium } from "playwright-core";

export const webDir = process.env.DUEBOOK_WEB_DIR;
export const servePy = process.env.DUEBOOK_SERVE;
export const artifacts = process.env.DUEBOOK_ARTIFACTS || path.join(tmpdir(), "duebook-artifacts");
mkdirSync(artifacts, { recursive: true });

export const CHROMIUM = "/usr/bin/chromium";
export const CHROMIUM_ARGS = ["--no-sandbox", "--enable-unsafe-swiftshader", "--use-angle=swiftshader",
  "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"];

// Starts serve.py serving `dir` (the web build) on `port` (0: a free one); resolves {url, process}. With
// `plain`, it sends the files as they are, never their precompressed copies.
export function startServer(dir = webDir, port = 0, { plain = false } = {}) {
  assert.ok(webDir && servePy, "DUEBOOK_WEB_DIR and DUEBOOK_SERVE are set (run through ctest)");
  return new Promise((resolve, reject) => {
    const server = spawn("python3", [servePy, "--port", String(port), "--dir", dir],
      { env: { ...process.env, DUEBOOK_SERVE_QUIET: "1", DUEBOOK_SERVE_PLAIN: plain ? "1" : "0" } });
    server.stdout.on("data", (chunk) => {
      const m = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(String(chunk));
      if (m) resolve({ url: m[0], process: server });
    });
    server.on("exit", (code) => reject(new Error(`serve.py exited with ${code}`)));
  });
}

// Stops a server started by startServer and waits until it has gone (its port is free again).
export function stopServer(server) {
  if (server.exitCode !== null || server.signalCode !== null) return Promise.resolve();
  const gone = new Promise((resolve) => server.once("exit", resolve));
  server.kill();
  return gone;
}

// A persistent browser context on `profile` (playwright-core drives Chromium).
export async function openContext(profile, url, options = {}) {
  const ctx = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 800 }, ...options });
  await ctx.grantPermissions(["clipboard-read", "clipboard-write"], { origin: new URL(url).origin });
  return ctx;
}

// Chromium started by hand in its own process group, so a test can SIGKILL the whole browser; resolves
// {browser (playwright, over CDP), pid, kill()}.
export function launchKillable(profile) {
  return new Promise((resolve, reject) => {
    const proc = spawn(CHROMIUM, [...CHROMIUM_ARGS, "--headless", "--remote-debugging-port=0",
      `--user-data-dir=${profile}`, "--window-size=1280,800", "about:blank"],
      { detached: true, stdio: ["ignore", "ignore", "pipe"] });
    let text = "";
    const exited = new Promise((r) => proc.on("exit", r));
    proc.stderr.on("data", async (chunk) => {
      text += String(chunk);
      const m = /DevTools listening on (ws:\/\/\S+)/.exec(text);
      if (!m || text === null) return;
      text = null;
      proc.stderr.resume();
      try {
        const browser = await chromium.connectOverCDP(m[1]);
        resolve({ browser, pid: proc.pid, kill: async () => {
          try { process.kill(-proc.pid, "SIGKILL"); } catch { /* already gone */ }
          await exited;
        } });
      } catch (e) {
        reject(e);
      }
    });
    proc.on("exit", (code) => { if (text !== null) reject(new Error(`chromium exited with ${code}: ${text}`)); });
  });
}

// The app served on a free port and opened in a brand-new browser profile: `page` is on it and ready, unless
// `goto` is false (the test navigates itself to `url`); `initScript` runs in the page before the app's own
// scripts; `viewport` ({width, height}) sizes the page. close() ends the browser and the server and removes the
// profile.
export async function freshSession(name, { initScript, goto = true, viewport } = {}) {
  const { url, process: server } = await startServer();
  const profile = mkdtempSync(path.join(tmpdir(), `duebook-${name}-`));
  const context = await openContext(profile, url, viewport ? { viewport } : {});
  const page = context.pages()[0] || await context.newPage();
  page.on("pageerror", (e) => console.error("page error:", e.message));
  if (initScript) await page.addInitScript(initScript);
  if (goto) {
    await page.goto(url);
    await waitReady(page);
  }
  return {
    url, page,
    async close() {
      await context.close();
      server.kill();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

// For initScript: every URL the page asks the browser to open (a mailto: opens the mail program) is kept in
// window.openedUrls instead.
export function captureOpenedUrls() {
  window.openedUrls = [];
  window.open = (u) => { window.openedUrls.push(String(u)); return null; };
}

// Drops a file on the page as a user dragging it from a file manager would: a drop event whose DataTransfer
// holds a File.
export async function dropFile(page, name, text) {
  await page.evaluate(([n, t]) => {
    const dt = new DataTransfer();
    dt.items.add(new File([t], n, { type: "text/csv" }));
    const canvas = document.querySelector("#canvas");
    canvas.dispatchEvent(new DragEvent("dragover", { dataTransfer: dt, bubbles: true, cancelable: true }));
    canvas.dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true,
      clientX: 600, clientY: 400 }));
  }, [name, text]);
}

// Stores the SQLite file `dbPath` in the page's origin as the older IDBFS build kept its ledger (one record of
// the whole file), so that the next load of `url` imports it. The file is served from here: CDP cannot carry
// 100 MB into the page.
export async function storeAsOldLedger(page, url, dbPath) {
  const files = http.createServer((req, res) => {
    res.writeHead(200, { "Content-Type": "application/octet-stream", "Access-Control-Allow-Origin": "*" });
    createReadStream(dbPath).pipe(res);
  });
  await new Promise((r) => files.listen(0, "127.0.0.1", r));
  try {
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
  } finally {
    files.close();
  }
}

// The gaps between animation frames (ms, requestAnimationFrame to requestAnimationFrame) from now until
// stopFrameGaps, measured in the page: how smooth the page stays while something long runs.
export async function startFrameGaps(page) {
  await page.evaluate(() => {
    window.frameGaps = [];
    let last = performance.now();
    const tick = (t) => { window.frameGaps.push(t - last); last = t; if (window.measuring) requestAnimationFrame(tick); };
    window.measuring = true;
    requestAnimationFrame(tick);
  });
}
export const stopFrameGaps = (page) =>
  page.evaluate(() => { window.measuring = false; return window.frameGaps; });

export async function waitReady(p) {
  await p.waitForFunction(() => window.duebook && window.duebook.firstFrameMs() !== undefined, null, { timeout: 60000 });
  return p.evaluate(() => window.duebook.firstFrameMs());
}
export const state = (p) => p.evaluate(() => window.duebook.state());
export const items = (p) => p.evaluate(() => window.duebook.items());
export const storage = (p) => p.evaluate(() => window.duebook.storage());
export const check = (p) => p.evaluate(() => window.duebook.check());

// An ISO date as the app writes it on screen in `locale` (the state's "locale": en-US "10/08/2026", en-GB,
// fr-FR and es-ES "08/10/2026", de-DE "08.10.2026", ISO as it is).
export function shownDate(locale, iso) {
  const [y, m, d] = iso.split("-");
  if (locale === "en-US") return `${m}/${d}/${y}`;
  if (locale === "de-DE") return `${d}.${m}.${y}`;
  return locale === "ISO" ? iso : `${d}/${m}/${y}`;
}

export async function waitFor(p, predicate, what, timeout = 10000) {
  const start = Date.now();
  for (;;) {
    const s = await state(p);
    if (predicate(s)) return s;
    if (Date.now() - start > timeout) throw new Error(`timed out waiting for ${what}; state ${JSON.stringify(s)}`);
    await p.waitForTimeout(50);
  }
}

// Waits until every commit is durable in IndexedDB and the status bar says "Saved".
export async function waitSaved(p, timeout = 10000) {
  const s = await waitFor(p, (x) => x.save_state === "saved", "the status bar to say Saved", timeout);
  const st = await storage(p);
  assert.equal(st.durable, st.commit, "every commit is durable when the status bar says Saved");
  assert.equal(st.error, "");
  return s;
}

// The rectangle of widget `name` once a frame has drawn it (up to `timeout` ms).
export async function waitItem(p, name, timeout = 2000) {
  let rect;
  for (const start = Date.now(); !rect && Date.now() - start < timeout;) {
    rect = (await items(p))[name];
    if (!rect) await p.waitForTimeout(50);
  }
  assert.ok(rect, `widget ${name} is on screen`);
  return rect;
}

export async function clickItem(p, name) {
  const rect = await waitItem(p, name);
  await p.mouse.click(rect[0] + Math.min(rect[2] / 2, 40), rect[1] + rect[3] / 2);
  await p.waitForTimeout(60);
}

// Types like a keyboard: a keydown per character (accented letters as a keyboard that has them would send).
export async function typeText(p, text) {
  const cdp = await p.context().newCDPSession(p);
  for (const ch of text) {
    await cdp.send("Input.dispatchKeyEvent", { type: "keyDown", key: ch, text: ch, unmodifiedText: ch });
    await cdp.send("Input.dispatchKeyEvent", { type: "keyUp", key: ch });
  }
  await cdp.detach();
  await p.waitForTimeout(60);
}

export async function selectAllAndType(p, text) {
  await p.keyboard.press("Control+A");
  await p.keyboard.press("Backspace");
  await typeText(p, text);
}

// Brings the Customers tab to the front unless its form is already on screen (the Dashboard is the first tab).
export async function showCustomers(p) {
  if (!(await items(p))["customer.name"]) await clickItem(p, "tab.customers");
  await waitItem(p, "customer.name");
}

// Adds a customer through the form and waits until the list shows one more.
export async function addCustomer(p, name, currency) {
  await showCustomers(p);
  await clickItem(p, "customer.name");
  await selectAllAndType(p, name);
  if (currency) {
    await clickItem(p, "customer.currency");
    await selectAllAndType(p, currency);
  }
  const before = (await state(p)).customers;
  await clickItem(p, "customer.save");
  await waitFor(p, (s) => s.customers === before + 1, `customer ${name} to be added`);
}

// Offline and installable: the service worker keeps the app's files, so a page loaded once opens again with its
// ledger when the server is gone; a new build served later is picked up on the next load and the ledger stays;
// the manifest makes the app installable.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { addCustomer, artifacts, check, openContext, startServer, state, stopServer, waitFor, waitReady, waitSaved,
  webDir } from "./helpers.mjs";

const temporary = [];
const servers = [];
function tempDir(prefix) {
  const d = mkdtempSync(path.join(tmpdir(), prefix));
  temporary.push(d);
  return d;
}
async function serve(dir, port) {
  const s = await startServer(dir, port);
  servers.push(s.process);
  return s;
}

after(async () => {
  for (const s of servers) await stopServer(s);
  for (const d of temporary) rmSync(d, { recursive: true, force: true });
});

// The app's caches as the page sees them (one per build: "duebook-app-<hash>").
const appCaches = (p) => p.evaluate(async () => (await caches.keys()).filter((k) => k.startsWith("duebook-app-")));
// Polls `fn` (async, in the page) until it returns true.
async function waitInPage(p, fn, arg, what, timeout = 30000) {
  for (const start = Date.now(); !(await p.evaluate(fn, arg));) {
    if (Date.now() - start > timeout) throw new Error(`timed out waiting for ${what}`);
    await p.waitForTimeout(100);
  }
}
// Waits until the service worker controls the page and has stored the app's files.
const waitOfflineReady = (p) => waitInPage(p, async () => {
  const reg = await navigator.serviceWorker.getRegistration();
  return Boolean(navigator.serviceWorker.controller && reg && reg.active && reg.active.state === "activated" &&
    (await caches.keys()).some((k) => k.startsWith("duebook-app-")));
}, null, "the service worker to keep the app");

test("the app opens offline with its ledger, and a new build is picked up on the next load", async () => {
  const first = await serve(webDir, 0);
  const url = first.url, port = new URL(url).port;
  const ctx = await openContext(tempDir("duebook-offline-"), url);
  const page = ctx.pages()[0];
  await page.goto(url);
  await waitReady(page);
  await addCustomer(page, "Offline Traders Ltd");
  await waitSaved(page);
  await waitOfflineReady(page);
  const [build] = await appCaches(page);
  const swText = readFileSync(path.join(webDir, "sw.js"), "utf8");
  assert.ok(swText.includes(`"${build.slice("duebook-app-".length)}"`), "the cache is named by the build's hash");

  // The server is gone: the page and the app's files come from the service worker, the ledger from IndexedDB.
  await stopServer(first.process);
  const down = await fetch(url).then(() => false, () => true);
  assert.ok(down, "the server no longer answers");
  await page.reload();
  await waitReady(page);
  assert.equal((await state(page)).customers, 1, "the ledger opened offline");
  assert.deepEqual((await check(page)).customers, ["Offline Traders Ltd"]);
  await page.screenshot({ path: path.join(artifacts, "offline-reload.png") });

  // A new build on the same address: a copy of the site whose service worker has another hash and whose page
  // carries a mark the old one has not.
  const next = tempDir("duebook-next-site-");
  cpSync(webDir, next, { recursive: true });
  const nextBuild = "next" + build.slice("duebook-app-".length, -4);
  writeFileSync(path.join(next, "sw.js"), swText.replace(/const BUILD = "[^"]*"/, `const BUILD = "${nextBuild}"`));
  const html = readFileSync(path.join(next, "index.html"), "utf8");
  writeFileSync(path.join(next, "index.html"), html.replace("<head>", '<head>\n<meta name="duebook-build" content="next">'));
  await serve(next, port);

  // The first load after it is served still runs the version this browser has (served from its cache), while
  // the new one is installed; it takes over and the old cache goes.
  await page.reload();
  await waitReady(page);
  assert.equal(await page.locator('meta[name="duebook-build"]').count(), 0, "the load that finds it runs the old build");
  await waitInPage(page, async (want) => {
    const keys = (await caches.keys()).filter((k) => k.startsWith("duebook-app-"));
    return keys.length === 1 && keys[0] === want;
  }, "duebook-app-" + nextBuild, "the new build to take over");

  // The next load is the new version, with the same ledger.
  await page.reload();
  await waitReady(page);
  assert.equal(await page.locator('meta[name="duebook-build"]').getAttribute("content"), "next", "the new build runs");
  assert.equal((await state(page)).customers, 1, "the ledger is still there");
  await addCustomer(page, "After Update GmbH");
  await waitSaved(page);
  await ctx.close();
});

test("the manifest makes the app installable: name, start, standalone, theme colour and icons", async () => {
  const { url, process: server } = await serve(webDir, 0);
  const ctx = await openContext(tempDir("duebook-install-"), url);
  const page = ctx.pages()[0];
  await page.goto(url);
  await waitReady(page);
  const href = await page.locator('link[rel="manifest"]').getAttribute("href");
  const response = await page.request.get(new URL(href, url).href);
  assert.equal(response.headers()["content-type"], "application/manifest+json");
  const manifest = await response.json();
  assert.equal(manifest.short_name, "Duebook");
  assert.ok(manifest.name.startsWith("Duebook"));
  assert.equal(manifest.display, "standalone");
  assert.equal(new URL(manifest.start_url, response.url()).href, url);
  assert.match(manifest.theme_color, /^#[0-9a-f]{6}$/);
  for (const want of ["192x192", "512x512"]) {
    const icon = manifest.icons.find((i) => i.sizes === want);
    assert.ok(icon, `an icon of ${want}`);
    const png = await page.request.get(new URL(icon.src, response.url()).href);
    assert.equal(png.headers()["content-type"], "image/png");
    const bytes = await png.body();
    assert.equal(bytes.subarray(1, 4).toString(), "PNG");
    assert.equal(`${bytes.readUInt32BE(16)}x${bytes.readUInt32BE(20)}`, want, "the PNG is the size it claims");
  }
  // Chromium's own verdict: the manifest parses without errors and names what installing needs.
  const cdp = await ctx.newCDPSession(page);
  const app = await cdp.send("Page.getAppManifest");
  assert.deepEqual(app.errors, [], "the manifest parses without errors");
  await waitOfflineReady(page);
  const { installabilityErrors } = await cdp.send("Page.getInstallabilityErrors");
  assert.deepEqual(installabilityErrors.map((e) => e.errorId), [], "Chromium finds nothing missing to install it");
  await ctx.close();
  await stopServer(server);
});

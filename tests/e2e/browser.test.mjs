// Browser end-to-end test: Debian's Chromium, driven by playwright-core, loads the real page from serve.py and
// uses the real UI with mouse and keyboard events. Screenshots go to $DUEBOOK_ARTIFACTS.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { addCustomer, artifacts, clickItem, items, openContext as openProfile, selectAllAndType, showCustomers, startServer, state,
  waitFor, waitItem, waitReady, waitSaved } from "./helpers.mjs";

let server, url, profile, context, page;
const openContext = (options = {}) => openProfile(profile, url, options);

before(async () => {
  ({ url, process: server } = await startServer());
  profile = mkdtempSync(path.join(tmpdir(), "duebook-chromium-"));
  context = await openContext();
  page = context.pages()[0] || await context.newPage();
  page.on("pageerror", (e) => console.error("page error:", e.message));
});

after(async () => {
  if (context) await context.close();
  if (server) server.kill();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

test("the page loads, draws its first frame and reports ready", async () => {
  const started = Date.now();
  await page.goto(url);
  const firstFrame = await waitReady(page);
  const s = await state(page);
  assert.equal(s.ready, true, `ledger opened: ${s.error}`);
  assert.equal(s.customers, 0);
  console.log(`first frame ${firstFrame.toFixed(0)} ms after navigation start (wall ${Date.now() - started} ms)`);
});

test("the font has the glyphs for currency signs and accented names", async () => {
  const glyphs = (await state(page)).glyphs;
  for (const name of ["euro", "pound", "yen", "e_acute", "o_umlaut", "z_caron", "l_stroke"])
    assert.equal(glyphs[name], true, `glyph ${name}`);
});

test("the canvas follows the window size", async () => {
  await page.setViewportSize({ width: 1000, height: 700 });
  await page.waitForTimeout(200);
  const s = await state(page);
  assert.deepEqual(s.canvas_css, [1000, 700]);
  assert.equal(await page.evaluate(() => document.getElementById("canvas").width), 1000);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.waitForTimeout(200);
  assert.deepEqual((await state(page)).canvas_css, [1280, 800]);
});

test("a customer added through the UI is still there after a reload", async () => {
  await addCustomer(page, "Müller & Söhne GmbH", "EUR");
  await waitSaved(page);
  await page.screenshot({ path: path.join(artifacts, "browser-added.png") });

  await page.reload();
  await waitReady(page);
  const s = await state(page);
  assert.equal(s.customers, 1);
  await showCustomers(page);
  assert.ok((await items(page))["customers.row.Müller & Söhne GmbH"], "the row is listed after reload");
});

test("a rejected customer shows its problem and stores nothing", async () => {
  await showCustomers(page);
  await clickItem(page, "customer.name");
  await selectAllAndType(page, "müller & söhne gmbh");
  await clickItem(page, "customer.save");
  await page.waitForTimeout(200);
  assert.equal((await state(page)).customers, 1);
  await clickItem(page, "customer.new");
});

test("an invoice issued through the Invoices tab is listed, numbered and kept after a reload", async () => {
  await clickItem(page, "tab.invoices");
  await clickItem(page, "invoice.customer");
  await selectAllAndType(page, "Müller & Söhne GmbH");
  await clickItem(page, "invoice.date");
  await selectAllAndType(page, "2026-03-02");
  await clickItem(page, "invoice.line.0.description");
  await selectAllAndType(page, "Beratung März");
  await clickItem(page, "invoice.line.0.quantity");
  await selectAllAndType(page, "3");
  await clickItem(page, "invoice.line.0.price");
  await selectAllAndType(page, "120.50");
  await clickItem(page, "invoice.issue");
  await waitFor(page, (s) => s.invoices === 1, "the invoice to be issued");
  await waitItem(page, "invoices.row.INV-2026-0001", 5000);  // listed with its number

  // A price that is not an amount is refused in the form: nothing is stored.
  await clickItem(page, "invoice.customer");
  await selectAllAndType(page, "Müller & Söhne GmbH");
  await clickItem(page, "invoice.line.0.description");
  await selectAllAndType(page, "Reise");
  await clickItem(page, "invoice.line.0.price");
  await selectAllAndType(page, "12,3,4");
  await clickItem(page, "invoice.issue");
  await page.waitForTimeout(200);
  assert.equal((await state(page)).invoices, 1);
  await waitSaved(page);
  await page.screenshot({ path: path.join(artifacts, "browser-invoices.png") });

  await page.reload();
  await waitReady(page);
  assert.equal((await state(page)).invoices, 1);
  await clickItem(page, "tab.invoices");
  await waitItem(page, "invoices.row.INV-2026-0001", 5000);
  await clickItem(page, "tab.customers");
  await waitItem(page, "customer.name", 5000);
});

test("copy and paste go through the system clipboard", async () => {
  await clickItem(page, "customer.name");
  await selectAllAndType(page, "Copied Name");
  await page.keyboard.press("Control+A");
  await page.keyboard.press("Control+C");
  await page.waitForTimeout(100);
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), "Copied Name");

  await page.evaluate(() => navigator.clipboard.writeText("Pasted Trading Ltd"));
  await page.keyboard.press("Control+A");
  await page.keyboard.press("Backspace");
  await page.keyboard.press("Control+V");
  await page.waitForTimeout(100);
  await clickItem(page, "customer.save");
  await waitFor(page, (s) => s.customers === 2, "the pasted customer");
  await waitItem(page, "customers.row.Pasted Trading Ltd");  // listed once the next frame has drawn it
});

test("an idle tab draws no frames", async () => {
  await page.mouse.move(5, 790);
  await page.waitForTimeout(500);
  const a = (await state(page)).rendered_frames;
  await page.waitForTimeout(1500);
  const b = (await state(page)).rendered_frames;
  assert.equal(b, a, "no frames drawn while idle");
  await page.mouse.move(300, 300);
  await page.waitForTimeout(200);
  assert.ok((await state(page)).rendered_frames > b, "input wakes the loop");
});

test("the mouse wheel scrolls a few rows per notch, in the right direction", async () => {
  for (let i = 1; i <= 36; ++i) await addCustomer(page, `Customer ${String(i).padStart(2, "0")}`);
  const rowY = async (name) => ((await items(page))[`customers.row.${name}`] || [0, NaN])[1];
  const first = await rowY("Customer 01");
  const row2 = await rowY("Customer 02");
  const rowHeight = row2 - first;
  assert.ok(rowHeight > 10 && rowHeight < 60, `row height ${rowHeight}`);
  await page.mouse.move(300, 400);
  await page.mouse.wheel(0, 100);  // one notch down
  await page.waitForTimeout(300);
  const after = await rowY("Customer 10");
  const before10 = first + 9 * rowHeight;
  const rows = (before10 - after) / rowHeight;
  console.log(`one wheel notch scrolled ${rows.toFixed(1)} rows`);
  assert.ok(rows >= 2 && rows <= 8, `one notch scrolls 2..8 rows, not ${rows}`);
  await page.screenshot({ path: path.join(artifacts, "browser-list.png") });
});

test("text is rendered for the device pixel ratio", async () => {
  await context.close();
  context = await openContext({ deviceScaleFactor: 2 });
  page = context.pages()[0] || await context.newPage();
  await page.goto(url);
  await waitReady(page);
  const s = await state(page);
  assert.equal(s.dpr, 2);
  const size = await page.evaluate(() => [document.getElementById("canvas").width, window.innerWidth]);
  assert.equal(size[0], size[1] * 2, "the canvas backing store has device pixels");
  assert.equal(s.customers, 38, "same data in a new browser session");
  await page.screenshot({ path: path.join(artifacts, "browser-hidpi.png") });
});

// Browser end-to-end test of the Dashboard on a demo-sized ledger: three dozen customers and two years of
// invoices and payments (tests/fixtures/demo, written by bench/duebook-gen) dropped on the page as CSV files.
// The empty ledger's dashboard (beside the welcome screen) says what to do; the full one shows its figures at 1280×720 and 1920×1080; a
// click on an aging bar lands on exactly that bucket's invoices; Ctrl+K, a few letters, the arrow keys and
// Enter reach a customer's page, and Esc closes the palette. Screenshots go to $DUEBOOK_ARTIFACTS
// (dashboard-*.png).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { artifacts, freshSession, clickItem, items, selectAllAndType, state, typeText, waitFor,
  waitItem, waitSaved, dropFile } from "./helpers.mjs";

const demo = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "fixtures", "demo");
const AS_OF = "2026-06-30";  // the day the demo ledger was generated up to (tests/fixtures/demo/README.md)
const LIMITS = [0, 30, 60, 90];  // the aging's bucket limits in days past due (reports/aging.h)
let session, page;

before(async () => {
  session = await freshSession("dashboard", { viewport: { width: 1280, height: 720 } });
  ({ page } = session);
});

after(async () => {
  if (session) await session.close();
});

const shot = (name) => page.screenshot({ path: path.join(artifacts, `dashboard-${name}.png`) });

// Drops one of the demo ledger's files on the page.
const dropDemo = (name) => dropFile(page, name, readFileSync(path.join(demo, name), "utf8"));

function addDays(iso, days) {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

test("the empty ledger's dashboard, next to the welcome screen, says what to do next", async () => {
  await waitItem(page, "welcome.start");  // a new ledger opens on the welcome screen
  await clickItem(page, "tab.dashboard");
  await waitItem(page, "dashboard.empty");
  const s = await state(page);
  assert.equal(s.dashboard.issued, 0);
  assert.deepEqual(s.dashboard.currencies, []);
  await page.waitForTimeout(200);
  await shot("empty");
});

test("the demo ledger, imported, fills the dashboard", async () => {
  await dropDemo("invoices.csv");
  await waitFor(page, (s) => !s.import.running && s.import.done.includes("invoices.csv"), "the invoices", 120000);
  await dropDemo("payments.csv");
  const s = await waitFor(page, (x) => !x.import.running && x.import.done.includes("payments.csv"), "the payments",
    120000);
  assert.equal(s.import.problems.length, 0, JSON.stringify(s.import.problems));
  assert.ok(s.customers >= 24 && s.customers <= 48, `a few dozen customers (${s.customers})`);
  await waitSaved(page, 60000);
  await clickItem(page, "import.close").catch(() => page.keyboard.press("Escape"));
  await clickItem(page, "asof.date");
  await selectAllAndType(page, AS_OF);
  await page.keyboard.press("Enter");
  await clickItem(page, "tab.dashboard");
  const d = (await waitFor(page, (x) => x.dashboard.as_of === AS_OF && x.dashboard.issued > 0, "the dashboard"))
    .dashboard;
  assert.ok(d.currencies.length >= 2, "the demo ledger bills in several currencies");
  for (const c of d.currencies) {
    assert.equal(c.aging.reduce((a, b) => a + b, 0), c.receivable, `${c.currency}: the aging adds up`);
    assert.equal(c.receivable - c.aging[0], c.overdue, `${c.currency}: overdue is every bucket but the first`);
  }
  assert.ok(d.currencies[0].top.length > 0, "someone owes money overdue");
  await waitItem(page, "dashboard.counts");
  await page.mouse.move(5, 5);
  await page.waitForTimeout(300);
  await shot("1280x720");
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.waitForTimeout(500);
  await page.mouse.move(6, 6);
  await page.waitForTimeout(300);
  await shot("1920x1080");
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.waitForTimeout(500);
});

test("a click on an aging bar lands on that bucket's invoices", async () => {
  const d = (await state(page)).dashboard;
  // The first currency's most overdue bucket that still fits on one page of the list.
  const cur = d.currencies[0];
  let bucket = -1;
  for (let b = cur.aging.length - 1; b > 0; --b)
    if (cur.aging_invoices[b] > 0 && cur.aging_invoices[b] <= 50) { bucket = b; break; }
  assert.ok(bucket > 0, `an overdue bucket of ${cur.currency} with invoices: ${JSON.stringify(cur)}`);
  const name = `dashboard.aging.0.${bucket}`;
  const rect = await waitItem(page, name);
  await page.mouse.move(rect[0] + rect[2] / 2, rect[1] + rect[3] / 2);
  await page.waitForTimeout(150);
  await page.screenshot({ path: path.join(artifacts, "dashboard-aging-hover.png") });
  await page.mouse.click(rect[0] + rect[2] / 2, rect[1] + rect[3] / 2);
  const s = await waitFor(page, (x) => x.invoice_list.overdue === bucket + 1 && x.invoice_list.currency === cur.currency
    && x.invoice_list.rows.length === x.invoice_list.count && x.invoice_list.count > 0, "the bucket's invoices");
  const list = s.invoice_list;
  assert.equal(list.status, "unpaid");
  assert.equal(list.count, cur.aging_invoices[bucket], "as many invoices as the bar's tooltip said");
  // Every row is of the bar's currency and due inside the bucket: (limit[b-1], limit[b]] days before the day.
  const latest = addDays(AS_OF, -(LIMITS[bucket - 1] + 1));
  const earliest = bucket < LIMITS.length ? addDays(AS_OF, -LIMITS[bucket]) : "0000-00-00";
  for (const r of list.rows) {
    assert.equal(r.currency, cur.currency, `${r.number} is in ${cur.currency}`);
    assert.ok(r.due >= earliest && r.due <= latest, `${r.number} due ${r.due} is in ${earliest}..${latest}`);
  }
  assert.equal(list.rows.reduce((a, r) => a + r.open, 0), cur.aging[bucket], "their open amounts add up to the bar");
  await waitItem(page, `invoices.row.${list.rows[0].number}`);
  await page.waitForTimeout(200);
  await shot("bucket-invoices");
});

test("Ctrl+K finds a customer by a few letters; arrows and Enter open the page; Esc closes", async () => {
  const d = (await state(page)).dashboard;
  const target = d.currencies[0].top[0].name;  // e.g. "Northwind Trading Ltd 7"
  await page.mouse.move(640, 360);
  await page.keyboard.press("Control+K");
  await waitFor(page, (s) => s.palette.open, "the palette to open");
  await waitItem(page, "palette.input");
  await page.keyboard.press("Escape");
  await waitFor(page, (s) => !s.palette.open, "Esc to close the palette");
  await page.keyboard.press("Control+K");
  await waitFor(page, (s) => s.palette.open && s.palette.query === "", "the palette to open again, empty");
  await waitItem(page, "palette.input");
  await page.waitForTimeout(150);
  const words = target.split(" ");
  const typed = words.slice(-2).join(" ").toLowerCase();  // "ltd 7": part of the name, in lower case
  await typeText(page, typed);
  let s = await waitFor(page, (x) => x.palette.query === typed && x.palette.entries.length > 0, "the palette's results");
  const index = s.palette.entries.findIndex((e) => e.kind === "Customer" && e.label === target);
  assert.ok(index >= 0, `${target} is among ${JSON.stringify(s.palette.entries)}`);
  await page.waitForTimeout(150);
  await shot("palette");
  // Down past the customer (when a row follows it) and back up: the arrows move the highlight.
  const below = Math.min(index + 1, s.palette.entries.length - 1);
  for (let i = 0; i < below; ++i) await page.keyboard.press("ArrowDown");
  await waitFor(page, (x) => x.palette.cursor === below, "the highlight to move down");
  if (below > index) await page.keyboard.press("ArrowUp");
  await waitFor(page, (x) => x.palette.cursor === index, "the highlight on the customer");
  await page.keyboard.press("Enter");
  s = await waitFor(page, (x) => !x.palette.open && x.customer_page.name === target, "the customer's page");
  assert.ok(s.customer_page.id > 0);
  await waitItem(page, "tab.customer_page");
  await page.waitForTimeout(200);
  await shot("palette-customer");
});
